// Package tui is the interactive assessment: a root Bubble Tea model that
// composes one model per screen (home, set-up, walk, results, history,
// compare). Screens take everything from a shared Common built by the
// caller, so the same models can run in a local terminal or per SSH session.
package tui

import (
	"time"

	"socialmaturity/messages"
	"socialmaturity/questions"
	"socialmaturity/report"
	"socialmaturity/store"
)

// Minimum terminal size the screens are laid out for.
const (
	MinWidth  = 60
	MinHeight = 20
	maxWidth  = 100 // text is not spread wider than this
)

// Common is what every screen shares.
type Common struct {
	Width, Height int
	Styles        *Styles
	Keys          *KeyMap
	Cat           *messages.Catalog
	Store         *store.Store
	Bank          *questions.Bank
	Now           func() time.Time
	// Export writes a report of an assessment in a format and returns
	// where; nil when this session cannot write files.
	Export func(a report.Assessment, format string) (string, error)
}

// contentWidth is the width text is wrapped to.
func (c *Common) contentWidth() int { return min(c.Width, maxWidth) - 2 }
