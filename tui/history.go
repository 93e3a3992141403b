package tui

import (
	"slices"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"socialmaturity/assess"
	"socialmaturity/messages"
	"socialmaturity/store"
)

// historyLimit is how many stored assessments the history screen loads.
const historyLimit = 500

// history lists stored assessments newest first, filterable by
// organization; one opens, two marked compare.
type history struct {
	c       *Common
	loaded  bool
	all     []assess.Summary
	shown   []assess.Summary
	cursor  int
	marked  []string
	filter  textinput.Model
	editing bool
	// sparks are each assessment's organization's overall scores up to
	// it, as a sparkline; empty for an organization assessed once.
	sparks map[string]string
}

// Messages to the root, and of the history's command.
type (
	openMsg    struct{ id string }
	compareMsg struct{ from, to string }
	listedMsg  struct{ items []assess.Summary }
)

func newHistory(c *Common) *history {
	h := &history{c: c, filter: newInput(c.Cat.T(messages.HistoryFilter))}
	return h
}

// newInput is a one-line text input with a steady cursor.
func newInput(prompt string) textinput.Model {
	in := textinput.New()
	in.Prompt = prompt
	st := in.Styles()
	st.Cursor.Blink = false
	in.SetStyles(st)
	return in
}

// Init loads the stored assessments.
func (h *history) Init() tea.Cmd {
	st := h.c.Store
	return func() tea.Msg {
		page, err := st.List(store.ListOptions{Limit: historyLimit})
		if err != nil {
			return errMsg{err}
		}
		return listedMsg{items: page.Items}
	}
}

func (h *history) SetSize(int, int) {}

// apply keeps the assessments whose organization contains the filter,
// case and spacing ignored, as store.ListOptions.Org (list --org) matches.
func (h *history) apply() {
	f := orgFold(h.filter.Value())
	h.shown = h.shown[:0]
	for _, it := range h.all {
		if f == "" || strings.Contains(orgFold(it.Org), f) {
			h.shown = append(h.shown, it)
		}
	}
	h.cursor = min(h.cursor, max(len(h.shown)-1, 0))
}

func (h *history) capturing() bool { return h.editing }

func (h *history) help() bindings {
	k := h.c.Keys
	if h.editing {
		return bindings{short: []key.Binding{k.Submit, k.Back}}
	}
	return bindings{
		short: []key.Binding{k.Up, k.Down, k.Select, k.Filter, k.Mark, k.Compare, k.Home, k.Help},
		full:  [][]key.Binding{{k.Up, k.Down, k.Select}, {k.Filter, k.Mark, k.Compare}, {k.Home, k.Quit, k.Help}},
	}
}

func (h *history) Update(msg tea.Msg) tea.Cmd {
	if l, ok := msg.(listedMsg); ok {
		h.loaded, h.all = true, l.items
		h.sparks = sparks(l.items)
		h.apply()
		return nil
	}
	m, isKey := msg.(tea.KeyPressMsg)
	if h.editing {
		if isKey && key.Matches(m, h.c.Keys.Submit, h.c.Keys.Back) {
			h.editing = false
			h.filter.Blur()
			return nil
		}
		var cmd tea.Cmd
		h.filter, cmd = h.filter.Update(msg)
		h.apply()
		return cmd
	}
	if !isKey {
		return nil
	}
	k := h.c.Keys
	var moved bool
	if h.cursor, moved = moveCursor(k, m, h.cursor, len(h.shown)); moved {
		return nil
	}
	switch {
	case key.Matches(m, k.Filter):
		h.editing = true
		return h.filter.Focus()
	case key.Matches(m, k.Mark) && len(h.shown) > 0:
		h.toggle(h.shown[h.cursor].ID)
	case key.Matches(m, k.Compare) && len(h.marked) == 2:
		from, to := h.marked[0], h.marked[1]
		return func() tea.Msg { return compareMsg{from: from, to: to} }
	case key.Matches(m, k.Select) && len(h.shown) > 0:
		id := h.shown[h.cursor].ID
		return func() tea.Msg { return openMsg{id: id} }
	case key.Matches(m, k.Home):
		return func() tea.Msg { return goHomeMsg{} }
	}
	return nil
}

// sparks draws, for each assessment of an organization with several, the
// organization's overall scores up to and including it, oldest first.
// items are newest first.
func sparks(items []assess.Summary) map[string]string {
	series := map[string][]assess.Score{}
	count := map[string]int{}
	for _, it := range items {
		count[orgOf(it)]++
	}
	out := map[string]string{}
	for _, it := range slices.Backward(items) {
		org := orgOf(it)
		series[org] = append(series[org], it.Overall)
		if count[org] > 1 {
			out[it.ID] = sparkline(series[org])
		}
	}
	return out
}

// orgOf is what tells an assessment's organization apart: its stored id,
// or its name as the store matches names for records made before
// organizations were stored.
func orgOf(s assess.Summary) string {
	if s.OrgID != "" {
		return s.OrgID
	}
	return orgFold(s.Org)
}

// toggle marks or unmarks an assessment; a third mark replaces the oldest.
func (h *history) toggle(id string) {
	if i := slices.Index(h.marked, id); i >= 0 {
		h.marked = slices.Delete(h.marked, i, i+1)
		return
	}
	h.marked = append(h.marked, id)
	if len(h.marked) > 2 {
		h.marked = h.marked[1:]
	}
}

func (h *history) View(height int) string {
	s, cat := h.c.Styles, h.c.Cat
	width := h.c.contentWidth()
	lines := []string{s.Title.Render(cat.T(messages.HistoryTitle))}
	if h.editing || h.filter.Value() != "" {
		lines = append(lines, h.filter.View())
	}
	if len(h.marked) > 0 {
		lines = append(lines, s.Subtle.Render(cat.T(messages.HistoryMarked, len(h.marked))))
	}
	lines = append(lines, "")
	if !h.loaded {
		return strings.Join(append(lines, s.Subtle.Render(cat.T(messages.TUILoading))), "\n")
	}
	if len(h.shown) == 0 {
		msg := cat.T(messages.ListEmpty)
		if f := strings.TrimSpace(h.filter.Value()); f != "" {
			msg = cat.T(messages.TUIHistoryNoneFor, messages.SafeLine(f))
		}
		return strings.Join(append(lines, wrap(s.Subtle, msg, width)...), "\n")
	}
	header, rows := h.rows()
	lines = append(lines, "  "+s.Subtle.Render(pad(header, width-2)))
	head := len(lines)
	focus := 0
	for i, row := range rows {
		pointer, style := "  ", s.Text
		if i == h.cursor {
			pointer, style, focus = s.Cursor.Render("❯ "), s.Focused, i
		}
		lines = append(lines, pointer+style.Render(pad(row, width-2)))
	}
	return strings.Join(append(lines[:head], window(lines[head:], focus, focus, focus, height-head)...), "\n")
}

// rows lays out the shown assessments as aligned columns: mark, short id,
// date, organization, overall score, the organization's overall scores up
// to it (when it has several) and stage; and their header.
func (h *history) rows() (header string, rows []string) {
	cat := h.c.Cat
	idHead, dateHead, scoreHead, trendHead := cat.T(messages.TUIColID), cat.T(messages.TUIColCompleted), cat.T(messages.TUIColScore), cat.T(messages.TUIColTrend)
	idWidth, scoreWidth := max(assess.ShortIDLen, messages.Width(idHead)), max(6, messages.Width(scoreHead))
	dateWidth := messages.Width(dateHead)
	scores := make([]string, len(h.shown))
	for i, it := range h.shown {
		scores[i] = scoreText(cat, it.Overall)
		idWidth = max(idWidth, messages.Width(it.Short))
		scoreWidth = max(scoreWidth, messages.Width(scores[i]))
		dateWidth = max(dateWidth, messages.Width(cat.DateTime(it.CompletedAt.Local())))
	}
	sparkCol := 0 // the sparklines' column, when any organization has several assessments
	trendWidth := max(sparkWidth, messages.Width(trendHead))
	if len(h.sparks) > 0 {
		sparkCol = 1 + trendWidth
	}
	orgWidth := max(h.c.contentWidth()-36-idWidth-dateWidth-sparkCol, 12)
	header = pad("", 4) + pad(idHead, idWidth) + "  " + pad(dateHead, dateWidth) + "  " + pad(cat.T(messages.TUIColOrg), orgWidth) + " " + padLeft(scoreHead, scoreWidth)
	if sparkCol > 0 {
		header += " " + padLeft(trendHead, trendWidth)
	}
	header += "  " + cat.T(messages.TUIColStage)
	rows = make([]string, len(h.shown))
	for i, it := range h.shown {
		stage := "-"
		if it.Stage != nil {
			stage = cat.Int(it.Stage.Number) + " " + messages.SafeLine(it.Stage.Name)
		}
		spark := ""
		if sparkCol > 0 {
			spark = " " + padLeft(h.sparks[it.ID], trendWidth)
		}
		mark := "[ ]"
		if slices.Contains(h.marked, it.ID) {
			mark = "[x]"
		}
		rows[i] = mark + " " + pad(it.Short, idWidth) + "  " + pad(cat.DateTime(it.CompletedAt.Local()), dateWidth) + "  " +
			pad(messages.SafeLine(it.Org), orgWidth) + " " + padLeft(scores[i], scoreWidth) + spark + "  " + stage
	}
	return header, rows
}
