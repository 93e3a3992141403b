package tui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/viewport"
	tea "charm.land/bubbletea/v2"

	"socialmaturity/assess"
	"socialmaturity/messages"
)

// compare shows two assessments side by side with the change of every
// score; it loads them itself.
type compare struct {
	c      *Common
	fromID string
	toID   string
	view   *assess.ComparisonView // nil until loaded
	vp     viewport.Model
	sized  bool
}

// compareTitleWidth is the widest the title column grows.
const compareTitleWidth = 42

// comparedMsg carries the two assessments of a comparison.
type comparedMsg struct{ from, to *assess.Assessment }

func newCompare(c *Common, fromID, toID string) *compare {
	return &compare{c: c, fromID: fromID, toID: toID, vp: viewport.New()}
}

// Init loads both assessments.
func (cp *compare) Init() tea.Cmd {
	st, fromID, toID := cp.c.Store, cp.fromID, cp.toID
	return func() tea.Msg {
		from, err := st.Get(fromID)
		if err != nil {
			return errMsg{err}
		}
		to, err := st.Get(toID)
		if err != nil {
			return errMsg{err}
		}
		if from.ID > to.ID { // older first
			from, to = to, from
		}
		return comparedMsg{from: from, to: to}
	}
}

func (cp *compare) SetSize(int, int) { cp.sized = false }

func (cp *compare) help() bindings {
	k := cp.c.Keys
	return bindings{short: []key.Binding{k.Scroll, k.Back, k.Quit, k.Help}, full: [][]key.Binding{{k.Scroll}, {k.Back, k.Quit, k.Help}}}
}

func (cp *compare) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case comparedMsg:
		cp.view = assess.NewComparisonView(cp.c.Bank, msg.from, msg.to)
		cp.sized = false
		return nil
	case tea.KeyPressMsg:
		if key.Matches(msg, cp.c.Keys.Back) {
			return func() tea.Msg { return goHistoryMsg{} }
		}
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
		cp.vp.SetContent(strings.Join(cp.render(cp.c.contentWidth()), "\n"))
	}
	return cp.vp.View()
}

// render lays out both sides, then a row per score: earlier, later and the
// change, or A, B and B − A for two organizations.
func (cp *compare) render(width int) []string {
	s, cat := cp.c.Styles, cp.c.Cat
	lines := []string{s.Title.Render(cat.T(messages.CompareTitle)), ""}
	v := cp.view
	if v == nil {
		return append(lines, s.Subtle.Render(cat.T(messages.TUILoading)))
	}
	labels := [3]messages.Key{messages.TUICompareEarlier, messages.TUICompareLater, messages.CompareChange}
	if !sameOrg(v.From.Org, v.To.Org) {
		labels = [3]messages.Key{messages.TUICompareA, messages.TUICompareB, messages.TUICompareBMinusA}
		lines = append(lines, wrap(s.Subtle, cat.T(messages.TUICompareTwoOrgs), width)...)
	}
	labelWidth := max(messages.Width(cat.T(labels[0])), messages.Width(cat.T(labels[1])))
	for i, side := range []assess.Side{v.From, v.To} {
		date := ""
		if side.CompletedAt != nil {
			date = cat.DateTime(side.CompletedAt.Local())
		}
		lines = append(lines, pad(cat.T(messages.TUICompareSide, pad(cat.T(labels[i]), labelWidth), side.ID, messages.SafeLine(side.Org), date), width))
	}
	if n := v.Versions; n != nil {
		lines = append(lines, wrap(s.Subtle, cat.T(messages.TUICompareVersions, n.From.Version, n.To.Version, n.Shared, n.Total), width)...)
	}
	titleWidth := min(compareTitleWidth, width-27)
	col := func(s string) string { return " " + padLeft(s, 8) }
	lines = append(lines, "", s.Subtle.Render(pad("", titleWidth)+col(cat.T(labels[0]))+col(cat.T(labels[1]))+col(cat.T(labels[2]))))
	for _, row := range v.Rows {
		title, indent, style := row.Title, "", s.Heading
		switch row.Kind {
		case assess.OverallRow:
			title = cat.T(messages.ResultOverall)
		case assess.KeyActionRow:
			indent, style = "  ", s.Text
		}
		change := "-"
		if row.Delta.Valid {
			change = cat.Delta(assess.Round(row.Delta.Value))
		}
		lines = append(lines, indent+style.Render(pad(title, titleWidth-len(indent)))+
			col(scoreText(cat, row.From))+col(scoreText(cat, row.To))+col(change))
	}
	return lines
}
