package tui

import (
	"strings"

	tea "charm.land/bubbletea/v2"

	"socialmaturity/assess"
	"socialmaturity/messages"
	"socialmaturity/store"
)

// movesShown is how many of the parts that moved most the results name.
const movesShown = 3

// contextMsg is what the results show around assessment id: its stored
// organization (nil when the store keeps none), its targets and history,
// and the portfolio.
type contextMsg struct {
	id  string
	org *store.Org
	ctx assess.Context
}

// loadContext loads, for a's results, its organization with its targets,
// its history and the portfolio, in a command.
func loadContext(st Store, a *assess.Assessment) tea.Cmd {
	id, org := a.ID, a.Org
	return func() tea.Msg {
		o, c, err := st.ContextOf(org)
		if err != nil {
			return errMsg{err}
		}
		return contextMsg{id: id, org: o, ctx: c}
	}
}

// withContext shows the assessment again with its organization's targets,
// trend and portfolio rank; a context loaded for other results (left
// before it came) is dropped.
func (r *results) withContext(msg contextMsg) {
	if msg.id != r.assessment.ID {
		return
	}
	r.org = msg.org
	r.view = assess.NewView(r.c.Bank, r.assessment, r.previous).WithContext(msg.ctx)
	r.sparks = map[string]string{}
	if t := r.view.Trend; t != nil {
		for _, s := range t.Series {
			r.sparks[s.ID] = sparkline(s.Scores)
		}
	}
	r.width = 0 // re-render
}

// sparkCol is the width of the rows' sparkline column, 0 without a trend.
func (r *results) sparkCol() int {
	if r.view.Trend == nil {
		return 0
	}
	return min(len(r.view.Trend.Points), sparkWidth) + 1
}

// targetText is a target against its score: the gap, and the progress
// since the first assessment where there is one.
func (r *results) targetText(p assess.TargetProgress) string {
	cat := r.c.Cat
	target := cat.Score(p.Target)
	switch p.State {
	case assess.ProgressUnscored:
		return cat.T(messages.TUITargetUnscored, target)
	case assess.ProgressMet:
		return cat.T(messages.TUITargetMet, target)
	case assess.ProgressNoFirst:
		return cat.T(messages.TUITargetGap, target, cat.Score(p.Gap.Value))
	case assess.ProgressBelowFirst:
		return cat.T(messages.TUITargetBelowFirst, target, cat.Score(p.Gap.Value))
	}
	if p.Progress < 0 {
		return cat.T(messages.TUITargetFallen, target, cat.Score(p.Gap.Value), cat.Score(assess.Round(p.First.Value)-assess.Round(p.Current.Value)))
	}
	return cat.T(messages.TUITargetProgress, target, cat.Score(p.Gap.Value), cat.Percent(p.Progress))
}

// targetLines are the target of part id under its row, or nothing.
func (r *results) targetLines(indent, id string, width int) []string {
	t := r.view.TargetOf(id)
	if t == nil {
		return nil
	}
	return hang(indent, r.c.Styles.Subtle, r.targetText(t.TargetProgress), width)
}

// trendLines are the overall score over time as a sparkline and what
// moved most since the previous assessment; nothing with one assessment.
func (r *results) trendLines(width int) []string {
	t := r.view.Trend
	if t == nil {
		return nil
	}
	s, cat := r.c.Styles, r.c.Cat
	n := min(len(t.Points), sparkWidth) // the sparkline draws the latest
	since := t.Points[len(t.Points)-n].CompletedAt.Local()
	lines := []string{s.Subtle.Render(cat.T(messages.TUITrendOverall, n, cat.Date(since))+" ") + s.BarFull.Render(r.sparks[assess.OverallID])}
	var moved []string
	for _, m := range t.Moves {
		if m.Kind != assess.OverallRow && len(moved) < movesShown { // the overall change is said above
			moved = append(moved, cat.T(messages.TUITrendMove, m.Title, cat.Delta(assess.Round(m.Delta))))
		}
	}
	if len(moved) == 0 {
		return append(lines, wrap(s.Subtle, cat.T(messages.TUITrendNoMoves), width)...)
	}
	return append(lines, wrap(s.Text, cat.T(messages.TUITrendMoved, strings.Join(moved, " · ")), width)...)
}

// benchmarks are where the answers place the organization against the
// source's own findings, each with its figure and citation, and its rank
// among the other organizations assessed here, when there are enough.
func (r *results) benchmarks(width int) []string {
	s, cat, v := r.c.Styles, r.c.Cat, r.view
	var lines []string
	if len(v.SourceBenchmarks) > 0 {
		lines = append(lines, s.Heading.Render(cat.T(messages.TUIBenchSource)))
		for _, b := range v.SourceBenchmarks {
			mark := "✗ "
			if b.Met {
				mark = "✓ "
			}
			lines = append(lines, hang(mark, s.Text, b.Text, width)...)
			lines = append(lines, hang("  ", s.Figure, evidenceCited(cat, b.Fact), width)...)
		}
	}
	if p := v.Portfolio; p != nil {
		if lines != nil {
			lines = append(lines, "")
		}
		lines = append(lines, s.Heading.Render(cat.T(messages.TUIBenchPortfolio)))
		note := cat.T(messages.TUIBenchPortfolioNote, p.Others)
		if p.Imported > 0 {
			note = cat.T(messages.TUIBenchPortfolioImported, p.Others, p.Imported)
		}
		lines = append(lines, wrap(s.Subtle, note, width)...)
		var titles, texts []string
		standing := func(title string, st assess.Standing) {
			titles = append(titles, title)
			texts = append(texts, cat.T(messages.TUIBenchStanding, st.Rank, st.Of, cat.Number(st.Percentile, 0)))
		}
		if p.Overall != nil {
			standing(cat.T(messages.ResultOverall), *p.Overall)
		}
		for _, ps := range p.Pillars {
			for _, pv := range v.Pillars {
				if pv.ID == ps.ID {
					standing(pv.Title, ps.Standing)
				}
			}
		}
		textWidth := 0
		for _, t := range texts {
			textWidth = max(textWidth, messages.Width(t))
		}
		for i := range titles {
			lines = append(lines, s.Text.Render(pad(titles[i], width-textWidth-1))+" "+s.Score.Render(texts[i]))
		}
	}
	return lines
}
