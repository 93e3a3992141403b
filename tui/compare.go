package tui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/viewport"
	tea "charm.land/bubbletea/v2"

	"socialmaturity/assess"
	"socialmaturity/messages"
	"socialmaturity/report"
)

// compare shows two assessments side by side with the change of every score.
type compare struct {
	c        *Common
	from, to *assess.Assessment
	vp       viewport.Model
	sized    bool
}

func newCompare(c *Common, from, to *assess.Assessment) *compare {
	return &compare{c: c, from: from, to: to, vp: viewport.New()}
}

func (cp *compare) help() bindings {
	k := cp.c.Keys
	return bindings{short: []key.Binding{k.Scroll, k.Back, k.Quit, k.Help}, full: [][]key.Binding{{k.Scroll}, {k.Back, k.Quit, k.Help}}}
}

func (cp *compare) Update(msg tea.Msg) tea.Cmd {
	if m, ok := msg.(tea.KeyPressMsg); ok && key.Matches(m, cp.c.Keys.Back) {
		return func() tea.Msg { return goHistoryMsg{} }
	}
	var cmd tea.Cmd
	cp.vp, cmd = cp.vp.Update(msg)
	return cmd
}

func (cp *compare) View(height int) string {
	if !cp.sized || cp.vp.Height() != height || cp.vp.Width() != cp.c.Width {
		cp.sized = true
		cp.vp.SetWidth(cp.c.Width)
		cp.vp.SetHeight(height)
		var b strings.Builder
		b.WriteString(cp.c.Styles.Title.Render(cp.c.Cat.T(messages.CompareTitle)) + "\n\n")
		_ = report.CompareText(&b, cp.c.Cat, cp.c.Bank, cp.from, cp.to)
		cp.vp.SetContent(b.String())
	}
	return cp.vp.View()
}
