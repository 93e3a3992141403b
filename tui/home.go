package tui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"socialmaturity/assess"
	"socialmaturity/messages"
	"socialmaturity/store"
)

type homeItem int

const (
	homeNew homeItem = iota
	homeResume
	homeHistory
	homeQuit
)

type homeEntry struct {
	kind  homeItem
	draft *assess.Assessment
	short string // the draft's short id, unique among the drafts
}

// home is the start screen: new assessment, resume or discard a draft,
// past results.
type home struct {
	c          *Common
	loaded     bool
	entries    []homeEntry
	cursor     int
	completed  int                // how many assessments are stored
	latest     []store.OrgLatest  // each organization's latest result
	discarding *assess.Assessment // the draft waiting for a confirmation
	notice     string
	early      []tea.KeyPressMsg // keys typed while loading, replayed once loaded
}

// Navigation messages, handled by the root.
type (
	goSetupMsg   struct{}
	goResumeMsg  struct{ draft *assess.Assessment }
	goHistoryMsg struct{}
	goHomeMsg    struct{}
	quitMsg      struct{}
)

// Messages of the home screen's commands.
type (
	overviewMsg struct {
		drafts    []*assess.Assessment
		completed int
		latest    []store.OrgLatest
	}
	discardedMsg struct{ draft *assess.Assessment }
)

func newHome(c *Common) *home { return &home{c: c} }

// maxEarlyKeys bounds the keys kept while the home screen loads.
const maxEarlyKeys = 16

// Init loads the drafts, the number of stored assessments and each
// organization's latest result.
func (h *home) Init() tea.Cmd {
	st := h.c.Store
	return func() tea.Msg {
		drafts, completed, err := st.Overview()
		if err != nil {
			return errMsg{err}
		}
		var latest []store.OrgLatest
		if completed > 0 {
			if latest, err = st.Latest(); err != nil {
				return errMsg{err}
			}
		}
		return overviewMsg{drafts: drafts, completed: completed, latest: latest}
	}
}

func (h *home) SetSize(int, int) {}

func (h *home) help() bindings {
	k := h.c.Keys
	short := []key.Binding{k.Up, k.Down, k.Select, k.History, k.Quit, k.Help}
	actions := []key.Binding{k.History}
	if h.focusedDraft() != nil {
		short = []key.Binding{k.Up, k.Down, k.Select, k.Discard, k.History, k.Quit, k.Help}
		actions = append(actions, k.Discard)
	}
	return bindings{short: short, full: [][]key.Binding{{k.Up, k.Down, k.Select}, actions, {k.Quit, k.Help}}}
}

func (h *home) focusedDraft() *assess.Assessment {
	if h.cursor < len(h.entries) {
		return h.entries[h.cursor].draft
	}
	return nil
}

func (h *home) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case overviewMsg:
		h.show(msg.drafts, msg.completed, msg.latest)
		early := h.early
		h.early = nil
		var cmds []tea.Cmd
		for _, k := range early {
			cmds = append(cmds, h.key(k))
		}
		return tea.Sequence(cmds...)
	case discardedMsg:
		h.notice = h.c.Cat.T(messages.TUIHomeDiscarded, messages.SafeLine(msg.draft.Org))
		return h.Init()
	case tea.KeyPressMsg:
		return h.key(msg)
	}
	return nil
}

// show lists the entries; the first time, the cursor starts on the most
// recent draft when there is one.
func (h *home) show(drafts []*assess.Assessment, completed int, latest []store.OrgLatest) {
	first := !h.loaded
	h.loaded, h.completed, h.latest = true, completed, latest
	h.entries = []homeEntry{{kind: homeNew}}
	ids := make([]string, len(drafts))
	for i, d := range drafts {
		ids[i] = d.ID
	}
	for i, short := range assess.ShortIDs(ids) {
		h.entries = append(h.entries, homeEntry{kind: homeResume, draft: drafts[i], short: short})
	}
	h.entries = append(h.entries, homeEntry{kind: homeHistory}, homeEntry{kind: homeQuit})
	h.cursor = min(h.cursor, len(h.entries)-1)
	if first && len(drafts) > 0 {
		h.cursor = 1
	}
}

func (h *home) key(m tea.KeyPressMsg) tea.Cmd {
	k := h.c.Keys
	if d := h.discarding; d != nil {
		h.discarding = nil
		if key.Matches(m, k.Confirm) {
			return h.discard(d)
		}
		return nil
	}
	if !h.loaded {
		if len(h.early) < maxEarlyKeys {
			h.early = append(h.early, m)
		}
		return nil
	}
	h.notice = ""
	var moved bool
	if h.cursor, moved = moveCursor(k, m, h.cursor, len(h.entries)); moved {
		return nil
	}
	switch {
	case key.Matches(m, k.Discard) && h.focusedDraft() != nil:
		h.discarding = h.focusedDraft()
	case key.Matches(m, k.History):
		return func() tea.Msg { return goHistoryMsg{} }
	case key.Matches(m, k.Select):
		e := h.entries[h.cursor]
		return func() tea.Msg {
			switch e.kind {
			case homeNew:
				return goSetupMsg{}
			case homeResume:
				return goResumeMsg{draft: e.draft}
			case homeHistory:
				return goHistoryMsg{}
			}
			return quitMsg{}
		}
	}
	return nil
}

// discard removes a draft from the store.
func (h *home) discard(d *assess.Assessment) tea.Cmd {
	st := h.c.Store
	return func() tea.Msg {
		if _, err := st.Delete(d.ID); err != nil {
			return errMsg{err}
		}
		return discardedMsg{draft: d}
	}
}

func (h *home) View(height int) string {
	s, cat := h.c.Styles, h.c.Cat
	width := h.c.contentWidth()
	lines := []string{s.Title.Render(cat.T(messages.AppName))}
	lines = append(lines, wrap(s.Text, cat.T(messages.AppTagline), width)...)
	lines = append(lines, wrap(s.Subtle, cat.T(messages.TUIHomeCost, h.c.Bank.QuestionCount()), width)...)
	lines = append(lines, wrap(s.Subtle, cat.T(messages.TUIHomeGives), width)...)
	lines = append(lines, "")
	if !h.loaded {
		lines = append(lines, s.Subtle.Render(cat.T(messages.TUILoading)))
		return strings.Join(window(lines, 0, 0, 0, height), "\n")
	}
	focus := 0
	for i, e := range h.entries {
		var label string
		switch e.kind {
		case homeNew:
			label = cat.T(messages.HomeNew)
		case homeResume:
			label = draftLabel(h.c, e.draft) + " · " + e.short
		case homeHistory:
			label = cat.T(messages.HomeHistory, h.completed)
		case homeQuit:
			label = cat.T(messages.HomeQuit)
		}
		pointer, style := "  ", s.Text
		if i == h.cursor {
			pointer, style, focus = s.Cursor.Render("❯ "), s.Focused, len(lines)
		}
		lines = append(lines, pointer+style.Render(pad(label, width-2)))
	}
	if len(h.latest) > 0 {
		lines = append(lines, "", s.Heading.Render(cat.T(messages.TUIHomeLatest)))
		lines = append(lines, latestRows(h.c, h.latest, width)...)
	}
	var tail []string
	switch {
	case h.discarding != nil:
		d := h.discarding
		tail = wrap(s.Heading, cat.T(messages.TUIHomeDiscardAsk, messages.SafeLine(d.Org), countsText(cat, h.c.Bank, d)), width)
	case h.notice != "":
		tail = wrap(s.Good, h.notice, width)
	}
	if tail != nil {
		body := window(lines, focus, focus, focus, height-len(tail)-1)
		return strings.Join(append(append(body, ""), tail...), "\n")
	}
	return strings.Join(window(lines, focus, focus, focus, height), "\n")
}

// latestRows lays out each organization's latest result as aligned
// columns under a header: organization, score, stage, date and the change
// since the one before (or that it is the first).
func latestRows(c *Common, latest []store.OrgLatest, width int) []string {
	s, cat := c.Styles, c.Cat
	scores, stages, changes := make([]string, len(latest)), make([]string, len(latest)), make([]string, len(latest))
	scoreHead, stageHead, dateHead, changeHead := cat.T(messages.TUIColScore), cat.T(messages.TUIColStage), cat.T(messages.TUIColDate), cat.T(messages.TUIColChange)
	scoreWidth, stageWidth, changeWidth := messages.Width(scoreHead), messages.Width(stageHead), messages.Width(changeHead)
	for i, l := range latest {
		scores[i] = scoreText(cat, l.Latest.Overall)
		stages[i] = cat.T(messages.TUIResultsNoStage)
		if st := l.Latest.Stage; st != nil {
			stages[i] = cat.T(messages.ResultStage, st.Number, messages.SafeLine(st.Name))
		}
		if l.Latest.Provisional {
			stages[i] = cat.T(messages.TUIHomeProvisional, stages[i])
		}
		changes[i] = cat.T(messages.TUIHomeFirst)
		if p := l.Previous; p != nil && p.Overall.Valid && l.Latest.Overall.Valid {
			changes[i] = cat.Delta(assess.Round(l.Latest.Overall.Value - p.Overall.Value))
		}
		scoreWidth = max(scoreWidth, messages.Width(scores[i]))
		stageWidth = max(stageWidth, messages.Width(stages[i]))
		changeWidth = max(changeWidth, messages.Width(changes[i]))
	}
	date := max(messages.Width(cat.Day(latest[0].Latest.CompletedAt)), messages.Width(dateHead))
	orgWidth := max(width-2-scoreWidth-stageWidth-date-changeWidth-8, 8)
	rows := []string{s.Subtle.Render("  " + pad(cat.T(messages.TUIColOrg), orgWidth) + "  " + padLeft(scoreHead, scoreWidth) +
		"  " + pad(stageHead, stageWidth) + "  " + pad(dateHead, date) + "  " + padLeft(changeHead, changeWidth))}
	for i, l := range latest {
		rows = append(rows, "  "+s.Text.Render(pad(messages.SafeLine(l.Latest.Org), orgWidth))+"  "+s.Score.Render(padLeft(scores[i], scoreWidth))+
			"  "+s.Stage.Render(pad(stages[i], stageWidth))+"  "+s.Subtle.Render(pad(cat.Day(l.Latest.CompletedAt.Local()), date))+
			"  "+s.Subtle.Render(padLeft(changes[i], changeWidth)))
	}
	return rows
}

// draftLabel is how a draft is offered for resuming.
func draftLabel(c *Common, d *assess.Assessment) string {
	return c.Cat.T(messages.HomeResume, messages.SafeLine(d.Org), countsText(c.Cat, c.Bank, d), c.Cat.DateTime(d.UpdatedAt.Local()))
}

// orgStart opens an assessment of a named organization: when it already
// has drafts, it offers to resume one instead of starting another.
type orgStart struct {
	c                     *Common
	org, respondent, role string
	drafts                []*assess.Assessment // nil until loaded
	cursor                int
}

// orgDraftsMsg carries the drafts of the organization being opened.
type orgDraftsMsg struct{ drafts []*assess.Assessment }

func newOrgStart(c *Common, org, respondent, role string) *orgStart {
	return &orgStart{c: c, org: org, respondent: respondent, role: role}
}

// Init looks for the organization's drafts, and starts a new walk at once
// when there is none.
func (o *orgStart) Init() tea.Cmd {
	st, start := o.c.Store, o.start()
	return func() tea.Msg {
		all, err := st.Drafts()
		if err != nil {
			return errMsg{err}
		}
		var mine []*assess.Assessment
		for _, d := range all {
			if ownDraft(d, start, o.c.Workshop) {
				mine = append(mine, d)
			}
		}
		if len(mine) == 0 {
			return start
		}
		return orgDraftsMsg{drafts: mine}
	}
}

func (o *orgStart) start() startMsg {
	return startMsg{org: o.org, respondent: o.respondent, role: o.role}
}

// ownDraft reports whether d is a draft that an assessment started as
// start may resume: the same organization, and in a workshop the same
// workshop and respondent.
func ownDraft(d *assess.Assessment, start startMsg, workshop string) bool {
	if d.Workshop != workshop || !sameOrg(d.Org, start.org) {
		return false
	}
	return workshop == "" || sameOrg(d.Respondent, start.respondent)
}

// sameOrg reports whether two organization names are the same, case and
// spacing aside (as the store files them).
func sameOrg(a, b string) bool { return orgFold(a) == orgFold(b) }

// orgFold is an organization's name as the store matches it: lower case,
// every run of spaces one space.
func orgFold(org string) string { return strings.ToLower(strings.Join(strings.Fields(org), " ")) }

func (o *orgStart) SetSize(int, int) {}

func (o *orgStart) help() bindings {
	k := o.c.Keys
	return bindings{short: []key.Binding{k.Up, k.Down, k.Select, k.Quit, k.Help}, full: [][]key.Binding{{k.Up, k.Down, k.Select}, {k.Quit, k.Help}}}
}

func (o *orgStart) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case orgDraftsMsg:
		o.drafts = msg.drafts
	case tea.KeyPressMsg:
		if o.drafts == nil {
			return nil
		}
		k := o.c.Keys
		var moved bool
		if o.cursor, moved = moveCursor(k, msg, o.cursor, len(o.drafts)+1); moved || !key.Matches(msg, k.Select) {
			return nil
		}
		if o.cursor < len(o.drafts) {
			d := o.drafts[o.cursor]
			return func() tea.Msg { return goResumeMsg{draft: d} }
		}
		start := o.start()
		return func() tea.Msg { return start }
	}
	return nil
}

func (o *orgStart) View(height int) string {
	s, cat := o.c.Styles, o.c.Cat
	width := o.c.contentWidth()
	lines := []string{s.Title.Render(cat.T(messages.AppName)), ""}
	if o.drafts == nil {
		lines = append(lines, s.Subtle.Render(cat.T(messages.TUILoading)))
		return strings.Join(window(lines, 0, 0, 0, height), "\n")
	}
	lines = append(lines, wrap(s.Text, cat.T(messages.TUIOrgDraftsTitle, messages.SafeLine(o.org)), width)...)
	lines = append(lines, "")
	labels := make([]string, 0, len(o.drafts)+1)
	for _, d := range o.drafts {
		labels = append(labels, draftLabel(o.c, d))
	}
	labels = append(labels, cat.T(messages.TUIOrgDraftsNew, messages.SafeLine(o.org)))
	focus := 0
	for i, label := range labels {
		pointer, style := "  ", s.Text
		if i == o.cursor {
			pointer, style, focus = s.Cursor.Render("❯ "), s.Focused, len(lines)
		}
		lines = append(lines, pointer+style.Render(pad(label, width-2)))
	}
	return strings.Join(window(lines, focus, focus, focus, height), "\n")
}
