package tui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"socialmaturity/assess"
	"socialmaturity/messages"
	"socialmaturity/report"
	"socialmaturity/store"
)

// historyLimit is how many stored assessments the history screen loads.
const historyLimit = 500

// history lists stored assessments newest first, filterable by
// organization; one opens, two marked compare.
type history struct {
	c       *Common
	all     []assess.Summary
	shown   []assess.Summary
	cursor  int
	marked  []string
	filter  textinput.Model
	editing bool
	err     error
}

// Messages to the root.
type (
	openMsg    struct{ id string }
	compareMsg struct{ from, to string }
)

func newHistory(c *Common) *history {
	h := &history{c: c, filter: textinput.New()}
	h.filter.Prompt = c.Cat.T(messages.HistoryFilter)
	page, err := c.Store.List(store.ListOptions{Limit: historyLimit})
	h.all, h.err = page.Items, err
	h.apply()
	return h
}

func (h *history) apply() {
	f := strings.ToLower(strings.TrimSpace(h.filter.Value()))
	h.shown = h.shown[:0]
	for _, it := range h.all {
		if f == "" || strings.Contains(strings.ToLower(it.Org), f) {
			h.shown = append(h.shown, it)
		}
	}
	h.cursor = min(h.cursor, max(len(h.shown)-1, 0))
}

func (h *history) capturing() bool { return h.editing }

func (h *history) help() bindings {
	k := h.c.Keys
	if h.editing {
		return bindings{short: []key.Binding{k.Select, k.Back}}
	}
	return bindings{
		short: []key.Binding{k.Up, k.Down, k.Select, k.Filter, k.Mark, k.Compare, k.Home, k.Help},
		full:  [][]key.Binding{{k.Up, k.Down, k.Select}, {k.Filter, k.Mark, k.Compare}, {k.Home, k.Quit, k.Help}},
	}
}

func (h *history) Update(msg tea.Msg) tea.Cmd {
	m, ok := msg.(tea.KeyPressMsg)
	if h.editing {
		if ok && (m.String() == "enter" || key.Matches(m, h.c.Keys.Back)) {
			h.editing = false
			h.filter.Blur()
			return nil
		}
		var cmd tea.Cmd
		h.filter, cmd = h.filter.Update(msg)
		h.apply()
		return cmd
	}
	if !ok {
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

// toggle marks or unmarks an assessment; a third mark replaces the oldest.
func (h *history) toggle(id string) {
	for i, m := range h.marked {
		if m == id {
			h.marked = append(h.marked[:i], h.marked[i+1:]...)
			return
		}
	}
	h.marked = append(h.marked, id)
	if len(h.marked) > 2 {
		h.marked = h.marked[1:]
	}
}

func (h *history) isMarked(id string) bool {
	for _, m := range h.marked {
		if m == id {
			return true
		}
	}
	return false
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
	if h.err != nil {
		lines = append(lines, wrap(s.Bad, h.err.Error(), width)...)
	}
	if len(h.shown) == 0 {
		msg := cat.T(messages.ListEmpty)
		if len(h.all) > 0 {
			msg = cat.T(messages.HistoryNoMatch)
		}
		return strings.Join(append(lines, wrap(s.Subtle, msg, width)...), "\n")
	}
	orgWidth := max(width-62, 12)
	head := len(lines)
	focus := 0
	for i, it := range h.shown {
		stage := "-"
		if it.Stage != nil {
			stage = fmt.Sprintf("%d %s", it.Stage.Number, it.Stage.Name)
		}
		mark := "[ ]"
		if h.isMarked(it.ID) {
			mark = "[x]"
		}
		pointer, style := "  ", s.Text
		if i == h.cursor {
			pointer, style, focus = s.Cursor.Render("❯ "), s.Focused, len(lines)-head
		}
		line := fmt.Sprintf("%s %-10s  %s  %s %6s  %s", mark, it.Short[:min(len(it.Short), assess.ShortIDLen)],
			it.CompletedAt.Local().Format(report.DateFormat), pad(it.Org, orgWidth), report.FormatScore(cat, it.Overall), stage)
		lines = append(lines, pointer+style.Render(pad(line, width-2)))
	}
	return strings.Join(append(lines[:head], window(lines[head:], focus, focus, focus, height-head)...), "\n")
}
