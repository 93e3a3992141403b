// Package tui is the full-screen assessment: a root Bubble Tea model that
// composes one model per screen (home, set-up, walk, results, history,
// compare), and the same walk as plain prompts for screen readers
// (RunAccessible). Screens take everything from a shared Common, and every
// read or write of storage runs in a tea.Cmd, never inside Update. Many
// sessions can share one process (over SSH, say) when their Store is held
// open (store.Store.Hold): a second file lock from the same process would
// time out.
package tui

import (
	"time"

	"socialmaturity/assess"
	"socialmaturity/messages"
	"socialmaturity/questions"
	"socialmaturity/store"
)

// Minimum terminal size the screens are laid out for.
const (
	MinWidth  = 60
	MinHeight = 20
	maxWidth  = 100 // text is not spread wider than this
)

// Store is the storage the screens use. *store.Store satisfies it; a
// session server can wrap it (to publish every saved answer, say).
type Store interface {
	// Overview returns the drafts, most recently updated first, and how
	// many assessments are completed.
	Overview() (drafts []*assess.Assessment, completed int, err error)
	Drafts() ([]*assess.Assessment, error)
	SaveDraft(d *assess.Assessment) error
	Complete(b *questions.Bank, ds []*assess.Assessment, opts ...store.CompleteOption) ([]store.Completion, error)
	Get(ref string) (*assess.Assessment, error)
	GetWithPrevious(ref string) (a, previous *assess.Assessment, err error)
	List(o store.ListOptions) (store.Page, error)
	// Delete removes a completed assessment or a draft.
	Delete(ref string) (string, error)
	// Latest returns each organization's latest completed assessment with
	// the one before it, newest first.
	Latest() ([]store.OrgLatest, error)
	// Orgs returns every organization, for set-up to offer as a name is
	// typed.
	Orgs() ([]store.OrgInfo, error)
	// ContextOf returns, in one read, the organization named org (nil when
	// it has no record) and what results show around its assessments: its
	// targets and history, and the portfolio for the rank among the others.
	ContextOf(org string) (*store.Org, assess.Context, error)
	// SetTarget merges t into the organization's targets; ClearTarget
	// removes one.
	SetTarget(org string, t assess.TargetSet) error
	ClearTarget(org string, scope store.TargetScope) error
}

var _ Store = (*store.Store)(nil)

// Exporter writes a report of an assessment (with the organization's
// previous one, or nil) in a format ("html", "md", "csv", "json" and,
// with Options.ExportPDF, "pdf") and returns the file's full path.
type Exporter func(a, previous *assess.Assessment, format string) (path string, err error)

// Common is what every screen shares.
type Common struct {
	Width, Height int
	Styles        *Styles
	Keys          *KeyMap
	Cat           *messages.Catalog
	Store         Store
	Bank          *questions.Bank
	Now           func() time.Time
	// Export writes reports from the results screen; nil when this
	// session cannot write files.
	Export Exporter
	// ExportPDF says that Export also writes "pdf".
	ExportPDF bool
	// Open opens a written report; nil when there is no opener.
	Open func(path string) error
	// Workshop is the workshop new assessments belong to ("" for none).
	Workshop string
	// Participant is a workshop participant's session over SSH: they come
	// back by joining again, not through a home screen.
	Participant bool
}

// contentWidth is the width text is wrapped to.
func (c *Common) contentWidth() int { return min(c.Width, maxWidth) - 2 }
