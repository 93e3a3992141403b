package tui

import (
	"slices"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"socialmaturity/messages"
	"socialmaturity/questions"
)

// glossary shows the bank's terms over a walk page, scrolled with the
// arrow keys; esc or g closes it.
type glossary struct {
	c *Common
	scroller
}

// update handles a key and reports whether the glossary stays open.
func (g *glossary) update(msg tea.KeyPressMsg) bool {
	k := g.c.Keys
	switch {
	case key.Matches(msg, k.Close):
		return false
	case key.Matches(msg, k.Down):
		g.by(1)
	case key.Matches(msg, k.Up):
		g.by(-1)
	case key.Matches(msg, k.NextPage):
		g.by(10)
	case key.Matches(msg, k.PrevPage):
		g.by(-10)
	}
	return true
}

func (g *glossary) help() bindings {
	k := g.c.Keys
	return bindings{
		short: []key.Binding{k.Scroll, k.Close, k.Quit, k.Help},
		full:  [][]key.Binding{{k.Scroll, k.Close}, {k.Quit, k.Help}},
	}
}

// view is the glossary in height lines.
func (g *glossary) view(width, height int) []string {
	s, cat := g.c.Styles, g.c.Cat
	lines := []string{s.Title.Render(cat.T(messages.WalkGlossaryTitle)), ""}
	terms := sortedTerms(g.c.Bank)
	if len(terms) == 0 {
		lines = append(lines, wrap(s.Subtle, cat.T(messages.WalkGlossaryEmpty), width)...)
	}
	for _, t := range terms {
		lines = append(lines, termLines(s, t, width)...)
	}
	return g.show(lines, height, s.Subtle.Render(cat.T(messages.TUIScrollMore)))
}

// sortedTerms is b's glossary in alphabetical order, case aside.
func sortedTerms(b *questions.Bank) []questions.Term {
	terms := slices.Clone(b.Glossary)
	slices.SortStableFunc(terms, func(x, y questions.Term) int {
		return strings.Compare(strings.ToLower(x.Term), strings.ToLower(y.Term))
	})
	return terms
}

// scroller shows a card taller than the screen from a scroll position.
type scroller struct {
	at  int // the first line shown
	max int // how far it can scroll at the height last shown
}

// by scrolls n lines down (up when negative) within the card and reports
// whether it moved.
func (sc *scroller) by(n int) bool {
	at := min(max(sc.at+n, 0), sc.max)
	moved := at != sc.at
	sc.at = at
	return moved
}

// show returns height lines of lines from the scroll position, the last
// one replaced by more while more lies below.
func (sc *scroller) show(lines []string, height int, more string) []string {
	if height <= 0 {
		return nil
	}
	sc.max = max(len(lines)-height+1, 0) // a line is kept for the hint
	if len(lines) <= height {
		sc.max, sc.at = 0, 0
		return lines
	}
	sc.at = min(sc.at, sc.max)
	shown := lines[sc.at:min(sc.at+height, len(lines))]
	if sc.at < sc.max {
		shown = append(shown[:height-1:height-1], more)
	}
	return shown
}

// termLines is one glossary entry: the term, then its definition indented.
func termLines(s *Styles, t questions.Term, width int) []string {
	lines := wrap(s.Heading, messages.SafeLine(t.Term), width)
	return append(lines, hang("  ", s.Text, messages.Safe(t.Definition), width)...)
}
