package report

import (
	"fmt"
	"io"
	"strings"

	"socialmaturity/assess"
	"socialmaturity/messages"
)

// Layout of the text report, in terminal cells.
const (
	barWidth   = 20
	titleWidth = 42
	textWidth  = 80
)

// Text writes a plain-text result for the terminal: overall, coverage,
// targets, a bar per pillar and key action, the trend and benchmarks when
// the view has them, and the ranked recommendations with their evidence
// and first steps. Text people typed is written on one
// line with control characters removed.
func Text(w io.Writer, cat *messages.Catalog, v *assess.View) error {
	var b strings.Builder
	fmt.Fprintln(&b, cat.T(messages.ResultHeading, messages.SafeLine(v.Org)))
	if v.ID != "" && v.CompletedAt != nil {
		fmt.Fprintln(&b, cat.T(messages.ResultIDDate, v.ID, cat.DateTime(*v.CompletedAt)))
	}
	if v.Respondent != "" {
		fmt.Fprintln(&b, cat.T(messages.ResultRespondentBy, messages.SafeLine(v.Respondent)))
	}
	fmt.Fprintln(&b)
	d := doc{View: v, cat: cat}
	row := func(indent, title string, s assess.Score, stage string) {
		fmt.Fprintf(&b, "%s%s %s %s", indent, cell(title, titleWidth-len(indent)), bar(s, barWidth), padLeft(scoreText(cat, s), 6))
		if stage != "" {
			fmt.Fprintf(&b, "   %s", messages.SafeLine(stage))
		}
		fmt.Fprintln(&b)
	}
	target := func(p *assess.Progress) {
		if p != nil && len(v.Targets) == 0 {
			fmt.Fprintf(&b, "%s %s\n", strings.Repeat(" ", titleWidth), cat.T(messages.ResultTarget, cat.Score(p.Target), cat.Score(p.Gap), cat.Percent(p.Done)))
		}
	}
	overallStage := ""
	if v.Stage != nil {
		overallStage = d.StageLine(v.Stage)
	}
	row("", cat.T(messages.ResultOverall), v.Overall, overallStage)
	for _, line := range []string{v.ProvisionalText(cat), v.CappedText(cat)} {
		if line != "" {
			fmt.Fprint(&b, wrap(line, textWidth, ""))
		}
	}
	target(v.Target)
	fmt.Fprintln(&b, d.CoverageLine())
	if line := d.ChangeLine(); line != "" {
		fmt.Fprintln(&b, line)
	}
	fmt.Fprintln(&b)
	fmt.Fprintln(&b, cat.T(messages.ResultPillars))
	for _, p := range v.Pillars {
		row("", p.Title, p.Score, d.PartStage(p.Stage, p.Thin, p.Score))
		target(p.Target)
		for _, k := range p.KeyActions {
			row("  ", k.Title, k.Score, "")
		}
	}
	textContext(&b, d)
	if len(v.KnowledgeGaps) > 0 {
		fmt.Fprintln(&b)
		fmt.Fprintln(&b, cat.T(messages.ReportUnknown))
		for _, g := range v.KnowledgeGaps {
			line := "- " + g.Prompt
			if who := d.WhoKnows(g.WhoKnows); who != "" {
				line += " (" + who + ")"
			}
			fmt.Fprint(&b, wrap(line, textWidth, "  "))
		}
	}
	fmt.Fprintln(&b)
	fmt.Fprintln(&b, cat.T(messages.ResultRecs))
	if len(v.Recommendations) == 0 {
		fmt.Fprint(&b, wrap(v.NoMovesText(cat), textWidth, "  "))
	}
	for i, r := range v.Recommendations {
		fmt.Fprintf(&b, "%2d. %s (%s)\n", i+1, messages.SafeLine(r.Title), d.GapLine(r))
		if because := d.Because(r); because != "" {
			fmt.Fprint(&b, wrap(because, textWidth, "    "))
		}
		if r.Why != "" {
			fmt.Fprint(&b, wrap(cat.T(messages.ResultWhy, r.Why), textWidth, "    "))
		}
		for _, n := range r.Next {
			fmt.Fprint(&b, wrap(cat.T(messages.ReportNextRung)+": "+d.Rung(n), textWidth, "    "))
		}
		if len(r.Steps) > 0 {
			fmt.Fprintf(&b, "    %s\n", cat.T(messages.ResultSteps))
		}
		for _, s := range r.Steps {
			fmt.Fprint(&b, wrap("- "+s, textWidth, "    "))
		}
	}
	if len(v.Recommendations) > 0 {
		if line := v.UnscoredText(cat); line != "" {
			fmt.Fprint(&b, wrap(line, textWidth, "  "))
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// cell is text made safe for one terminal line and cut or padded to
// exactly width cells.
func cell(s string, width int) string {
	return padRight(messages.Truncate(messages.SafeLine(s), width), width)
}

// padRight pads s with spaces to width cells.
func padRight(s string, width int) string {
	return s + strings.Repeat(" ", max(0, width-messages.Width(s)))
}

// padLeft pads s with spaces in front to width cells.
func padLeft(s string, width int) string {
	return strings.Repeat(" ", max(0, width-messages.Width(s))) + s
}

// wrap breaks text into lines of at most width cells (words longer than a
// line stand alone), each starting with indent, continuation lines two
// cells further in, and ending with a newline. Control characters are
// dropped.
func wrap(text string, width int, indent string) string {
	var b strings.Builder
	line, lineWidth := indent, messages.Width(indent)
	for _, word := range strings.Fields(messages.SafeLine(text)) {
		ww := messages.Width(word)
		if line != indent && lineWidth+1+ww > width {
			b.WriteString(line + "\n")
			line, lineWidth = indent+"  ", messages.Width(indent)+2
		}
		if line != indent && line != indent+"  " {
			line += " "
			lineWidth++
		}
		line += word
		lineWidth += ww
	}
	if line != indent {
		b.WriteString(line + "\n")
	}
	return b.String()
}

// Columns of the text tables of targets, trends and standings.
const (
	numWidth   = 8
	sparkWidth = 12
)

// textContext writes the targets, the trend with what moved most, and the
// benchmarks, each when the view has them.
func textContext(b *strings.Builder, d doc) {
	cat := d.cat
	if rows := d.TargetRows(); len(rows) > 0 {
		fmt.Fprintln(b)
		fmt.Fprintln(b, cat.T(messages.ReportTargets))
		fmt.Fprintf(b, "%s %s %s %s  %s\n", strings.Repeat(" ", titleWidth), padLeft(cat.T(messages.ReportScore), numWidth),
			padLeft(cat.T(messages.ReportTargetCol), numWidth), padLeft(cat.T(messages.ReportGapCol), numWidth), cat.T(messages.ReportProgressCol))
		for _, r := range rows {
			indent := ""
			if r.Indent {
				indent = "  "
			}
			fmt.Fprintf(b, "%s%s %s %s %s  %s\n", indent, cell(r.Title, titleWidth-len(indent)), padLeft(r.Now, numWidth),
				padLeft(r.Target, numWidth), padLeft(r.Gap, numWidth), r.Done)
		}
		if note := d.TargetsNote(); note != "" {
			fmt.Fprint(b, wrap(note, textWidth, ""))
		}
	}
	if d.Trend != nil {
		fmt.Fprintln(b)
		fmt.Fprintln(b, cat.T(messages.ReportTrend))
		fmt.Fprint(b, wrap(d.TrendNote(), textWidth, ""))
		textTrend(b, cat, trendRows(cat, d.Trend, false))
		fmt.Fprintln(b, d.MovedHeading())
		for _, m := range d.Moved() {
			fmt.Fprint(b, wrap("- "+m, textWidth, "  "))
		}
	}
	textBenchmarks(b, d)
}

// textTrend writes trend rows as a table with a sparkline each.
func textTrend(b *strings.Builder, cat *messages.Catalog, rows []trendRow) {
	fmt.Fprintf(b, "%s %s %s %s %s\n", strings.Repeat(" ", titleWidth), cell(cat.T(messages.ReportTrendSeries), sparkWidth),
		padLeft(cat.T(messages.ReportTrendFirst), numWidth), padLeft(cat.T(messages.ReportTrendLatest), numWidth), padLeft(cat.T(messages.CompareChange), numWidth))
	for _, r := range rows {
		indent := ""
		if r.Indent {
			indent = "  "
		}
		// The sparkline keeps its latest scores when it is longer than its column.
		sp := []rune(r.Spark)
		sp = sp[max(0, len(sp)-sparkWidth):]
		fmt.Fprintf(b, "%s%s %s %s %s %s\n", indent, cell(r.Title, titleWidth-len(indent)), padRight(string(sp), sparkWidth),
			padLeft(r.First, numWidth), padLeft(r.Latest, numWidth), padLeft(r.Change, numWidth))
	}
}

// textBenchmarks writes the source benchmarks and the standing among other
// organizations, each when there is one.
func textBenchmarks(b *strings.Builder, d doc) {
	cat := d.cat
	if len(d.SourceBenchmarks) > 0 {
		fmt.Fprintln(b)
		fmt.Fprintln(b, cat.T(messages.ReportSourceBench))
		for _, l := range d.SourceBenches() {
			fmt.Fprint(b, wrap(benchMark(l.Met)+" "+l.Text, textWidth, ""))
			fmt.Fprint(b, wrap(l.Finding, textWidth, "  "))
		}
	}
	if d.Portfolio != nil {
		fmt.Fprintln(b)
		fmt.Fprintln(b, cat.T(messages.ReportPortfolio))
		fmt.Fprintf(b, "%s %s %s\n", strings.Repeat(" ", titleWidth), padLeft(cat.T(messages.ReportPortfolioCol), numWidth+2),
			padLeft(cat.T(messages.ReportPortfolioPctCol), numWidth+4))
		for _, r := range d.PortfolioRows() {
			fmt.Fprintf(b, "%s %s %s\n", cell(r.Title, titleWidth), padLeft(r.Rank, numWidth+2), padLeft(r.Percentile, numWidth+4))
		}
		fmt.Fprint(b, wrap(d.PortfolioNote(), textWidth, ""))
	}
}
