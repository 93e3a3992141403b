package tui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/viewport"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"socialmaturity/assess"
	"socialmaturity/messages"
	"socialmaturity/report"
)

// topRecommendations is how many recommendations make "the next 90 days".
const topRecommendations = 3

// results shows one scored assessment: overall and stage, a bar per pillar
// and key action, coverage, the next 90 days, and the change since the
// organization's previous assessment.
type results struct {
	c        *Common
	rec      *assess.Assessment
	previous *assess.Assessment
	all      bool
	vp       viewport.Model
	width    int
	choosing bool   // waiting for an export format
	status   string // what the last export did
}

func newResults(c *Common, rec, previous *assess.Assessment) *results {
	r := &results{c: c, rec: rec, previous: previous, vp: viewport.New()}
	return r
}

func (r *results) help() bindings {
	k := r.c.Keys
	short := []key.Binding{k.Scroll, k.AllRecs, k.History, k.Home, k.Quit, k.Help}
	actions := []key.Binding{k.AllRecs, k.History, k.Home}
	if r.c.Export != nil {
		short = append([]key.Binding{k.Scroll, k.AllRecs, k.Export}, short[2:]...)
		actions = append(actions, k.Export)
	}
	return bindings{short: short, full: [][]key.Binding{{k.Scroll}, actions, {k.Quit, k.Help}}}
}

// exportFormats maps the keys of the export prompt to formats.
var exportFormats = map[string]string{"h": report.FormatHTML, "m": report.FormatMarkdown, "c": report.FormatCSV, "j": report.FormatJSON}

func (r *results) capturing() bool { return r.choosing }

// export handles the key after e: a format letter writes the file.
func (r *results) export(m tea.KeyPressMsg) {
	r.choosing = false
	format, ok := exportFormats[m.String()]
	if !ok {
		r.status = ""
		return
	}
	path, err := r.c.Export(report.Assessment{Bank: r.c.Bank, Record: r.rec, Previous: r.previous}, format)
	if err != nil {
		r.status = r.c.Styles.Bad.Render(err.Error())
		return
	}
	r.status = r.c.Styles.Good.Render(r.c.Cat.T(messages.ExportWrote, path))
}

func (r *results) Update(msg tea.Msg) tea.Cmd {
	if m, ok := msg.(tea.KeyPressMsg); ok {
		k := r.c.Keys
		if r.choosing {
			r.export(m)
			return nil
		}
		switch {
		case key.Matches(m, k.Export) && r.c.Export != nil:
			r.choosing = true
			r.status = r.c.Styles.Heading.Render(r.c.Cat.T(messages.ExportPrompt))
			return nil
		case key.Matches(m, k.AllRecs):
			r.all = !r.all
			r.width = 0 // re-render
			return nil
		case key.Matches(m, k.History):
			return func() tea.Msg { return goHistoryMsg{} }
		case key.Matches(m, k.Home):
			return func() tea.Msg { return goHomeMsg{} }
		}
	}
	var cmd tea.Cmd
	r.vp, cmd = r.vp.Update(msg)
	return cmd
}

func (r *results) View(height int) string {
	width := r.c.contentWidth()
	if r.status != "" {
		height--
	}
	if r.width != width || r.vp.Height() != height {
		r.width = width
		r.vp.SetWidth(r.c.Width)
		r.vp.SetHeight(height)
		r.vp.SetContent(strings.Join(r.render(width), "\n"))
	}
	if r.status != "" {
		return r.vp.View() + "\n" + r.status
	}
	return r.vp.View()
}

// render lays out the whole result; the viewport scrolls it.
func (r *results) render(width int) []string {
	s, cat, bank := r.c.Styles, r.c.Cat, r.c.Bank
	res := r.rec.Result
	var lines []string
	lines = append(lines, wrap(s.Title, cat.T(messages.ResultsTitle, r.rec.Org), width)...)
	if r.rec.CompletedAt != nil {
		lines = append(lines, s.Subtle.Render(cat.T(messages.ResultIDDate, r.rec.ID, r.rec.CompletedAt.Local().Format(report.DateFormat))))
	}
	lines = append(lines, "")
	// With an earlier assessment, every row also shows its change.
	change := map[string]assess.Score{}
	var cmp *assess.Comparison
	if p := r.previous; p != nil && p.Result != nil {
		c := assess.Compare(p.Result, res)
		cmp = &c
		change["overall"] = c.Overall.Delta
		for _, x := range append(c.Pillars, c.KeyActions...) {
			change[x.ID] = x.Delta
		}
	}
	deltaWidth := 0
	if cmp != nil {
		deltaWidth = 8
	}
	barWidth := max(min(width-48-deltaWidth, 30), 10)
	titleWidth := width - barWidth - 8 - deltaWidth
	row := func(indent, id, title string, sc assess.Score, style lipgloss.Style) string {
		line := indent + style.Render(pad(title, titleWidth-len(indent))) + " " + s.bar(sc, barWidth) + " " + s.Score.Render(fmt.Sprintf("%6s", report.FormatScore(cat, sc)))
		if d, ok := change[id]; ok && d.Valid {
			ds := s.Good
			if d.Value < 0 {
				ds = s.Bad
			}
			line += ds.Render(fmt.Sprintf(" %+7.1f", assess.Round(d.Value)))
		}
		return line
	}
	lines = append(lines, row("", "overall", cat.T(messages.ResultOverall), res.Overall, s.Heading))
	if res.Stage != nil {
		lines = append(lines, s.Stage.Render(cat.T(messages.ResultStage, res.Stage.Number, res.Stage.Name)))
		for _, st := range bank.Stages {
			if st.Number == res.Stage.Number {
				lines = append(lines, wrap(s.Text, st.Description, width)...)
			}
		}
	}
	lines = append(lines, s.Subtle.Render(cat.T(messages.ResultCoverage, res.Answered, res.Total, res.Unsure)))
	if p := r.previous; cmp != nil && p.CompletedAt != nil && cmp.Overall.Delta.Valid {
		d := cmp.Overall.Delta
		style := s.Good
		if d.Value < 0 {
			style = s.Bad
		}
		lines = append(lines, style.Render(cat.T(messages.ResultChangeSince, p.CompletedAt.Local().Format(report.DateFormat), d.Value)))
	}
	lines = append(lines, "", s.Heading.Render(cat.T(messages.ResultPillars)))
	for _, pr := range res.Pillars {
		lines = append(lines, row("", pr.ID, bank.TitleOf(pr.ID), pr.Score, s.Heading))
		for _, kr := range pr.KeyActions {
			lines = append(lines, row("  ", kr.ID, bank.TitleOf(kr.ID), kr.Score, s.Text))
		}
	}
	lines = append(lines, "")
	recs := res.Recommendations
	heading := cat.T(messages.ResultsNext90)
	if r.all {
		heading = cat.T(messages.ResultsAllRecs)
	} else if len(recs) > topRecommendations {
		recs = recs[:topRecommendations]
	}
	lines = append(lines, s.Heading.Render(heading))
	if len(recs) == 0 {
		lines = append(lines, wrap(s.Text, cat.T(messages.ResultNoRecs), width)...)
	}
	for i, t := range recs {
		rec, ok := bank.Recommendation(t.ID)
		title := t.Title
		if ok {
			title = rec.Title
		}
		lines = append(lines, hang(fmt.Sprintf("%d. ", i+1), s.Focused, title, width)...)
		if !ok {
			continue
		}
		lines = append(lines, hang("   ", s.Subtle, cat.T(messages.ResultsEvidence, strings.Join(strings.Fields(rec.Why), " ")), width)...)
		for _, step := range rec.Steps {
			lines = append(lines, hang("   • ", s.Text, step, width)...)
		}
		lines = append(lines, "")
	}
	if more := len(res.Recommendations) - len(recs); more > 0 {
		lines = append(lines, s.Subtle.Render(cat.T(messages.ResultsMoreRecs, more)))
	}
	return lines
}
