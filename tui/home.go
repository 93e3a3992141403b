package tui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"socialmaturity/assess"
	"socialmaturity/messages"
	"socialmaturity/report"
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
}

// home is the start screen: new assessment, resume a draft, past results.
type home struct {
	c       *Common
	entries []homeEntry
	cursor  int
	stored  int
	err     error
}

// Navigation messages, handled by the root.
type (
	goSetupMsg   struct{}
	goResumeMsg  struct{ draft *assess.Assessment }
	goHistoryMsg struct{}
	goHomeMsg    struct{}
	quitMsg      struct{}
)

func newHome(c *Common) *home {
	h := &home{c: c}
	h.load()
	return h
}

func (h *home) load() {
	h.entries = []homeEntry{{kind: homeNew}}
	var drafts []*assess.Assessment
	drafts, h.stored, h.err = h.c.Store.Overview()
	for _, d := range drafts {
		h.entries = append(h.entries, homeEntry{kind: homeResume, draft: d})
	}
	h.entries = append(h.entries, homeEntry{kind: homeHistory}, homeEntry{kind: homeQuit})
	h.cursor = min(h.cursor, len(h.entries)-1)
}

func (h *home) help() bindings {
	k := h.c.Keys
	return bindings{short: []key.Binding{k.Up, k.Down, k.Select, k.Quit, k.Help}, full: [][]key.Binding{{k.Up, k.Down, k.Select}, {k.Quit, k.Help}}}
}

func (h *home) Update(msg tea.Msg) tea.Cmd {
	m, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return nil
	}
	k := h.c.Keys
	var moved bool
	if h.cursor, moved = moveCursor(k, m, h.cursor, len(h.entries)); moved {
		return nil
	}
	if key.Matches(m, k.Select) {
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

func (h *home) View(height int) string {
	s, cat := h.c.Styles, h.c.Cat
	width := h.c.contentWidth()
	lines := []string{s.Title.Render(cat.T(messages.AppName))}
	lines = append(lines, wrap(s.Subtle, cat.T(messages.AppTagline), width)...)
	lines = append(lines, "")
	focus := 0
	for i, e := range h.entries {
		var label string
		switch e.kind {
		case homeNew:
			label = cat.T(messages.HomeNew)
		case homeResume:
			label = cat.T(messages.HomeResume, e.draft.Org, len(e.draft.Answers), h.c.Bank.QuestionCount(), e.draft.UpdatedAt.Local().Format(report.DateFormat))
		case homeHistory:
			label = cat.T(messages.HomeHistory, h.stored)
		case homeQuit:
			label = cat.T(messages.HomeQuit)
		}
		pointer, style := "  ", s.Text
		if i == h.cursor {
			pointer, style, focus = s.Cursor.Render("❯ "), s.Focused, len(lines)
		}
		lines = append(lines, pointer+style.Render(pad(label, width-2)))
	}
	if h.err != nil {
		lines = append(lines, "")
		lines = append(lines, wrap(s.Bad, h.err.Error(), width)...)
	}
	return strings.Join(window(lines, focus, focus, focus, height), "\n")
}
