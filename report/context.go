package report

import (
	"time"

	"socialmaturity/assess"
	"socialmaturity/messages"
)

// What the exports show around one assessment (issue 13): its targets, its
// trend, what moved most, and the benchmarks. The doc methods here write
// them in the catalog's language for every format.

// movedShown is how many moves the deliverables list.
const movedShown = 5

// targetRow is a target as a table row, every cell written out.
type targetRow struct {
	Title                  string
	Indent                 bool
	Now, Target, Gap, Done string
}

// TargetRows are the view's targets as table rows.
func (d doc) TargetRows() []targetRow {
	rows := make([]targetRow, len(d.Targets))
	for i, t := range d.Targets {
		rows[i] = targetRow{Title: d.partTitle(t.Kind, t.Title), Indent: t.Kind == assess.KeyActionRow,
			Now: cellScore(d.cat, t.Current), Target: d.cat.Score(t.Target), Gap: cellScore(d.cat, t.Gap), Done: progressText(d.cat, t.TargetProgress)}
	}
	return rows
}

// TargetsNote says what progress is measured from, or "" when there is
// no earlier assessment.
func (d doc) TargetsNote() string {
	if d.Trend == nil || len(d.Trend.Points) < 2 {
		return ""
	}
	return d.cat.T(messages.ReportTargetsNote, d.cat.Date(d.Trend.Points[0].CompletedAt))
}

// progressText is the progress since the first assessment, or why there
// is none.
func progressText(cat *messages.Catalog, p assess.TargetProgress) string {
	switch p.State {
	case assess.ProgressMet:
		return cat.T(messages.ReportProgressMet)
	case assess.ProgressNoFirst:
		return cat.T(messages.ReportProgressNoFirst)
	case assess.ProgressBelowFirst:
		return cat.T(messages.ReportProgressBelow)
	case assess.ProgressUnderway:
		return cat.T(messages.ReportProgressDone, cat.Percent(p.Progress))
	}
	return cat.T(messages.ReportProgressUnscored)
}

// partTitle is a row's title: "Overall" for the overall score.
func (d doc) partTitle(kind assess.RowKind, title string) string {
	if kind == assess.OverallRow {
		return d.cat.T(messages.ReportOverall)
	}
	return title
}

// trendRow is one series in the compact trend table.
type trendRow struct {
	Title, Spark, First, Latest, Change string
	// SparkPoints draw Spark as an SVG polyline (see sparkPoints).
	SparkPoints string
	Indent      bool
}

// TrendRows are the overall and pillar series of the view's trend as
// compact table rows.
func (d doc) TrendRows() []trendRow {
	if d.Trend == nil {
		return nil
	}
	return trendRows(d.cat, d.Trend, false)
}

// trendRows are t's series as compact table rows: the overall score and
// the pillars, and with keyActions the key actions too.
func trendRows(cat *messages.Catalog, t *assess.Trend, keyActions bool) []trendRow {
	var rows []trendRow
	for _, s := range t.Series {
		if s.Kind == assess.KeyActionRow && !keyActions {
			continue
		}
		title := s.Title
		if s.Kind == assess.OverallRow {
			title = cat.T(messages.ReportOverall)
		}
		r := trendRow{Title: title, Spark: spark(s.Scores), SparkPoints: sparkPoints(s.Scores), Indent: s.Kind == assess.KeyActionRow, First: "–", Latest: "–", Change: "–"}
		if len(s.Scores) > 0 {
			r.First, r.Latest = cellScore(cat, s.Scores[0]), cellScore(cat, s.Last())
		}
		if n := len(s.Scores); n >= 2 && s.Scores[n-2].Valid && s.Last().Valid {
			r.Change = cat.Delta(s.Last().Value - s.Scores[n-2].Value)
		}
		rows = append(rows, r)
	}
	return rows
}

// TrendNote says how many assessments the trend spans, and when.
func (d doc) TrendNote() string { return trendNote(d.cat, d.Trend) }

func trendNote(cat *messages.Catalog, t *assess.Trend) string {
	if t == nil || len(t.Points) == 0 {
		return ""
	}
	return cat.T(messages.ReportTrendNote, cat.Int(len(t.Points)), cat.Date(t.Points[0].CompletedAt), cat.Date(t.Points[len(t.Points)-1].CompletedAt))
}

// TrendChart is the trend of the overall and pillar scores as a line chart.
func (d doc) TrendChart() trendChart {
	var at []time.Time
	for _, p := range d.Trend.Points {
		at = append(at, p.CompletedAt)
	}
	var lines []chartLine
	for _, s := range d.Trend.Series {
		if s.Kind != assess.KeyActionRow {
			lines = append(lines, chartLine{Title: d.partTitle(s.Kind, s.Title), Values: s.Scores})
		}
	}
	return newTrendChart(d.cat, at, lines)
}

// MovedHeading is "What moved most since <the previous assessment>", or ""
// without a trend.
func (d doc) MovedHeading() string { return movedHeading(d.cat, d.Trend) }

func movedHeading(cat *messages.Catalog, t *assess.Trend) string {
	if t == nil || len(t.Points) < 2 {
		return ""
	}
	return cat.T(messages.ReportMoved, cat.Date(t.Points[len(t.Points)-2].CompletedAt))
}

// Moved are the largest moves since the previous assessment, one line
// each; "nothing moved" when none.
func (d doc) Moved() []string { return movedLines(d.cat, d.Trend, movedShown) }

func movedLines(cat *messages.Catalog, t *assess.Trend, n int) []string {
	if t == nil || len(t.Points) < 2 {
		return nil
	}
	if len(t.Moves) == 0 {
		return []string{cat.T(messages.ReportMovedNone)}
	}
	var out []string
	for _, m := range t.Moves[:min(n, len(t.Moves))] {
		title := m.Title
		if m.Kind == assess.OverallRow {
			title = cat.T(messages.ReportOverall)
		}
		out = append(out, cat.T(messages.ReportMovedLine, title, cat.Score(m.From.Value), cat.Score(m.To.Value), cat.Delta(m.Delta)))
	}
	return out
}

// benchLine is a source benchmark: where the organization stands, and the
// finding with its figure and citation.
type benchLine struct {
	Met           bool
	Text, Finding string
}

// SourceBenches are the view's source benchmarks as lines.
func (d doc) SourceBenches() []benchLine { return benchLines(d.cat, d.SourceBenchmarks) }

func benchLines(cat *messages.Catalog, bs []assess.SourceBenchmark) []benchLine {
	d := doc{cat: cat}
	out := make([]benchLine, len(bs))
	for i, b := range bs {
		out[i] = benchLine{Met: b.Met, Text: b.Text, Finding: d.Evidence(b.Fact)}
	}
	return out
}

// portfolioRow is one part's standing among the other organizations.
type portfolioRow struct {
	Title, Rank, Percentile string
}

// PortfolioRows are the view's standings, overall first.
func (d doc) PortfolioRows() []portfolioRow { return portfolioRows(d.cat, d.Pillars, d.Portfolio) }

func portfolioRows(cat *messages.Catalog, pillars []assess.PillarView, p *assess.PortfolioRank) []portfolioRow {
	if p == nil {
		return nil
	}
	row := func(title string, s assess.Standing) portfolioRow {
		return portfolioRow{Title: title, Rank: cat.T(messages.ReportPortfolioRank, cat.Int(s.Rank), cat.Int(s.Of)),
			Percentile: cat.T(messages.ReportPortfolioPct, cat.Number(s.Percentile, 0))}
	}
	var rows []portfolioRow
	if p.Overall != nil {
		rows = append(rows, row(cat.T(messages.ReportOverall), *p.Overall))
	}
	for _, ps := range p.Pillars {
		title := ps.ID
		for _, pv := range pillars {
			if pv.ID == ps.ID {
				title = pv.Title
			}
		}
		rows = append(rows, row(title, ps.Standing))
	}
	return rows
}

// PortfolioNote says among how many organizations, and how many imported.
func (d doc) PortfolioNote() string { return portfolioNote(d.cat, d.Portfolio) }

func portfolioNote(cat *messages.Catalog, p *assess.PortfolioRank) string {
	if p == nil {
		return ""
	}
	return cat.T(messages.ReportPortfolioNote, cat.Int(p.Others), cat.Int(p.Imported))
}

// HasBenchmarks reports whether there is a benchmark of either kind.
func (d doc) HasBenchmarks() bool { return len(d.SourceBenchmarks) > 0 || d.Portfolio != nil }
