package report

import (
	"fmt"
	"io"
	"strings"

	"socialmaturity/assess"
	"socialmaturity/messages"
)

// Markdown writes the deliverable as Markdown, for wikis and email: the
// same content as the HTML report, readable as plain text too (no HTML
// entities, no layout by spaces).
func Markdown(w io.Writer, cat *messages.Catalog, v *assess.View) error {
	return markdown(w, doc{View: v, cat: cat})
}

func markdown(w io.Writer, d doc) error {
	cat, v := d.cat, d.View
	var b strings.Builder
	p := func(format string, args ...any) { fmt.Fprintf(&b, format, args...) }
	p("# %s\n\n", md(cat.T(messages.ReportSubtitle, d.ShortOrg())))
	p("- **%s:** %s\n", cat.T(messages.ReportAssessed), md(v.Org))
	if by := d.PreparedBy(); by != "" {
		p("- **%s:** %s\n", cat.T(messages.ReportPreparedBy), md(by))
	}
	if v.Respondent != "" {
		who := v.Respondent
		if v.Role != "" {
			who += " · " + v.Role
		}
		p("- **%s:** %s\n", cat.T(messages.ReportBy), md(who))
	}
	if date := d.Date(); date != "" {
		p("- **%s:** %s\n", cat.T(messages.ReportCompleted), date)
	}
	if v.ID != "" {
		p("- **%s:** `%s`\n", cat.T(messages.ReportID), v.ID)
	}

	p("\n## %s\n\n**%s: %s / 100**", cat.T(messages.ReportSummary), cat.T(messages.ReportOverall), d.Score(v.Overall))
	if v.Stage != nil {
		p(" — %s", d.StageLine(v.Stage))
	}
	p("\n\n")
	if line := d.ProvisionalLine(); line != "" {
		p("> **%s**\n\n", md(line))
	}
	for _, line := range []string{d.CappedLine(), stageDescription(v), d.ChangeLine()} {
		if line != "" {
			p("%s\n\n", md(line))
		}
	}
	for _, line := range d.Extremes() {
		p("- %s\n", md(line))
	}
	if len(d.Extremes()) > 0 {
		p("\n")
	}
	p("### %s\n\n", cat.T(messages.ReportNext90))
	if len(d.Top()) == 0 {
		p("%s\n\n", d.NoMoves())
	}
	for i, r := range d.Top() {
		p("%d. **%s**", i+1, md(r.Title))
		if because := d.Because(r); because != "" {
			p(" — %s", md(because))
		}
		p("\n")
	}
	if line := d.UnscoredNote(); line != "" {
		p("\n%s\n", line)
	}
	p("\n### %s\n\n%s\n\n", cat.T(messages.ReportUnknown), d.UnknownLine())
	for _, g := range v.KnowledgeGaps {
		p("- %s", md(g.Prompt))
		if who := d.WhoKnows(g.WhoKnows); who != "" {
			p(" (%s)", md(who))
		}
		p("\n")
	}
	if len(v.KnowledgeGaps) > 0 {
		p("\n")
	}

	p("## %s\n\n| | %s | %s |\n|---|---:|---|\n", cat.T(messages.ReportScores), cat.T(messages.ReportScore), cat.T(messages.ReportStageCol))
	for _, pv := range v.Pillars {
		p("| **%s** | **%s** | %s |\n", md(pv.Title), d.Score(pv.Score), md(d.PartStage(pv.Stage, pv.Thin, pv.Score)))
		for _, k := range pv.KeyActions {
			p("| ↳ %s | %s | %s |\n", md(k.Title), d.Score(k.Score), md(d.PartStage(k.Stage, k.Thin, k.Score)))
		}
	}
	if d.HasIntro() {
		p("\n### %s\n", cat.T(messages.ReportSurvey))
		for _, pv := range v.Pillars {
			if len(pv.Intro) == 0 {
				continue
			}
			p("\n**%s**\n\n", md(pv.Title))
			for _, e := range pv.Intro {
				p("- %s\n", md(d.Evidence(e)))
			}
		}
	}
	markdownContext(&b, d)
	if c := v.Change; c != nil {
		p("\n## %s\n\n%s\n\n", cat.T(messages.ReportChange), d.ChangeFrom())
		changeTable(&b, d, c.Rows, cat.T(messages.CompareBefore), cat.T(messages.CompareAfter), cat.T(messages.CompareChange))
	}
	p("\n## %s\n\n", cat.T(messages.ReportRecs))
	if len(d.Top()) == 0 {
		p("%s\n\n", d.NoMoves())
	}
	for i, r := range d.Top() {
		markdownRec(&b, d, i+1, r)
	}
	if note := d.RestNote(); note != "" {
		p("%s\n\n", note)
	}

	p("## %s\n\n| %s | %s | %s |\n|---|---|---|\n", cat.T(messages.ReportGapTable), cat.T(messages.ReportQuestion), cat.T(messages.ReportGiven), cat.T(messages.ReportNextLevel))
	for _, g := range v.Answers {
		p("| **%s › %s** | | |\n", md(g.PillarTitle), md(g.KeyActionTitle))
		for _, it := range g.Items {
			given := md(d.Given(it))
			if d.Muted(it) {
				given = "*" + given + "*"
			}
			p("| %d. %s | %s | %s |\n", it.N, md(it.Prompt), given, md(d.NextLevel(it)))
		}
	}

	p("\n## %s\n\n", cat.T(messages.ReportMethodLimits))
	for _, para := range d.Method() {
		p("%s\n\n", md(para))
	}
	p("%s\n\n", md(d.Limits()))
	if terms := v.Method.Glossary; len(terms) > 0 {
		p("### %s\n\n", cat.T(messages.ReportGlossary))
		for _, t := range terms {
			p("- **%s:** %s\n", md(t.Term), md(t.Definition))
		}
		p("\n")
	}
	if rest := d.Rest(); len(rest) > 0 {
		p("## %s\n\n", cat.T(messages.ReportMoreRecs))
		for i, r := range rest {
			markdownRec(&b, d, len(d.Top())+i+1, r)
		}
	}
	p("## %s\n", cat.T(messages.ReportAppendix))
	for _, g := range v.Answers {
		p("\n### %s › %s\n", md(g.PillarTitle), md(g.KeyActionTitle))
		for _, it := range g.Items {
			answer := md(d.Answer(it))
			if d.Muted(it) {
				answer = "*" + answer + "*"
			}
			p("\n**%d. %s**\n\n%s: %s\n", it.N, md(it.Prompt), cat.T(messages.ReportAnswer), answer)
			if it.Note != "" {
				p("\n%s\n", quoteNote(cat.T(messages.ReportNote), it.Note))
			}
		}
	}
	p("\n---\n\n%s\n", md(d.Credit()))
	_, err := io.WriteString(w, b.String())
	return err
}

// stageDescription is the overall stage's description, or "".
func stageDescription(v *assess.View) string {
	if v.Stage == nil {
		return ""
	}
	return v.Stage.Description
}

// markdownRec writes recommendation n.
func markdownRec(b *strings.Builder, d doc, n int, r assess.RecommendationView) {
	cat := d.cat
	fmt.Fprintf(b, "### %d. %s\n\n*%s", n, md(r.Title), md(d.GapLine(r)))
	if because := d.Because(r); because != "" {
		fmt.Fprintf(b, " · %s", md(because))
	}
	b.WriteString("*\n\n")
	if r.Why != "" {
		fmt.Fprintf(b, "%s\n\n", md(r.Why))
	}
	list := func(title string, items []string, numbered bool) {
		if len(items) == 0 {
			return
		}
		fmt.Fprintf(b, "**%s:**\n\n", title)
		for i, it := range items {
			if numbered {
				fmt.Fprintf(b, "%d. %s\n", i+1, md(it))
			} else {
				fmt.Fprintf(b, "- %s\n", md(it))
			}
		}
		b.WriteString("\n")
	}
	var rungs, evidence []string
	for _, x := range r.Next {
		rungs = append(rungs, d.Rung(x))
	}
	for _, e := range r.Evidence {
		evidence = append(evidence, d.Evidence(e))
	}
	list(cat.T(messages.ReportNextRung), rungs, false)
	list(cat.T(messages.ReportAlone), r.Alone, true)
	list(cat.T(messages.ReportPropose), r.Propose, true)
	list(cat.T(messages.ReportCaveats), r.Caveats, false)
	list(cat.T(messages.ReportEvidence), evidence, false)
	fmt.Fprintf(b, "%s: ______________  %s: __________\n\n", cat.T(messages.ReportOwner), cat.T(messages.ReportDue))
}

// changeTable writes comparison rows as a Markdown table, pillar rows bold.
func changeTable(b *strings.Builder, d doc, rows []assess.ChangeRow, before, after, change string) {
	fmt.Fprintf(b, "| | %s | %s | %s |\n|---|---:|---:|---:|\n", md(before), md(after), md(change))
	for _, r := range rows {
		cells := []string{md(d.RowTitle(r)), d.CellScore(r.From), d.CellScore(r.To), d.CellDelta(r.Delta)}
		if d.Indented(r) {
			cells[0] = "↳ " + cells[0]
		} else {
			for i, c := range cells {
				cells[i] = "**" + c + "**"
			}
		}
		fmt.Fprintf(b, "| %s |\n", strings.Join(cells, " | "))
	}
}

// quoteNote is a note as a block quote, its line breaks kept and each line
// direction-isolated (FSI…PDI), so right-to-left text keeps its order.
func quoteNote(label, note string) string {
	lines := strings.Split(messages.Safe(note), "\n")
	var out []string
	for i, l := range lines {
		l = strings.TrimSpace(l)
		prefix := "> "
		if i == 0 {
			prefix += "*" + label + ":* "
		}
		if l == "" {
			out = append(out, strings.TrimSpace(prefix))
			continue
		}
		out = append(out, prefix+"\u2068"+md(l)+"\u2069")
	}
	return strings.Join(out, "\n")
}

var mdEscaper = strings.NewReplacer(`\`, `\\`, "`", "\\`", "*", `\*`, "_", `\_`, "[", `\[`, "]", `\]`, "<", `\<`, ">", `\>`, "|", `\|`, "#", `\#`)

// md escapes text that people typed (or banks hold) so it stays text on
// one line: Markdown syntax is escaped and control characters dropped.
func md(s string) string { return mdEscaper.Replace(messages.SafeLine(s)) }

// markdownContext writes the targets, the trend with what moved most, and
// the benchmarks, each when the view has them.
func markdownContext(b *strings.Builder, d doc) {
	cat := d.cat
	p := func(format string, args ...any) { fmt.Fprintf(b, format, args...) }
	if rows := d.TargetRows(); len(rows) > 0 {
		p("\n## %s\n\n| | %s | %s | %s | %s |\n|---|---:|---:|---:|---|\n", cat.T(messages.ReportTargets),
			cat.T(messages.ReportScore), cat.T(messages.ReportTargetCol), cat.T(messages.ReportGapCol), cat.T(messages.ReportProgressCol))
		for _, r := range rows {
			title := md(r.Title)
			if r.Indent {
				title = "↳ " + title
			}
			p("| %s | %s | %s | %s | %s |\n", title, r.Now, r.Target, r.Gap, md(r.Done))
		}
		if note := d.TargetsNote(); note != "" {
			p("\n%s\n", md(note))
		}
	}
	if d.Trend != nil {
		p("\n## %s\n\n%s\n\n", cat.T(messages.ReportTrend), md(d.TrendNote()))
		markdownTrend(b, cat, trendRows(cat, d.Trend, false))
		p("\n### %s\n\n", md(d.MovedHeading()))
		for _, m := range d.Moved() {
			p("- %s\n", md(m))
		}
	}
	if len(d.SourceBenchmarks) > 0 {
		p("\n## %s\n\n%s\n\n", cat.T(messages.ReportSourceBench), md(cat.T(messages.ReportSourceBenchNote)))
		for _, l := range d.SourceBenches() {
			p("- %s **%s** %s\n", benchMark(l.Met), md(l.Text), md(l.Finding))
		}
	}
	if rows := d.PortfolioRows(); d.Portfolio != nil {
		p("\n### %s\n\n| | %s | %s |\n|---|---:|---:|\n", cat.T(messages.ReportPortfolio), cat.T(messages.ReportPortfolioCol), cat.T(messages.ReportPortfolioPctCol))
		for _, r := range rows {
			p("| %s | %s | %s |\n", md(r.Title), r.Rank, r.Percentile)
		}
		p("\n%s\n", md(d.PortfolioNote()))
	}
}

// markdownTrend writes trend rows as a Markdown table.
func markdownTrend(b *strings.Builder, cat *messages.Catalog, rows []trendRow) {
	fmt.Fprintf(b, "| | %s | %s | %s | %s |\n|---|---|---:|---:|---:|\n", cat.T(messages.ReportTrendSeries),
		cat.T(messages.ReportTrendFirst), cat.T(messages.ReportTrendLatest), cat.T(messages.CompareChange))
	for _, r := range rows {
		title := md(r.Title)
		if r.Indent {
			title = "↳ " + title
		}
		fmt.Fprintf(b, "| %s | %s | %s | %s | %s |\n", title, r.Spark, r.First, r.Latest, r.Change)
	}
}

// benchMark marks a source benchmark: ✓ where the organization stands
// with the finding's better side, ✗ where it does not.
func benchMark(met bool) string {
	if met {
		return "✓"
	}
	return "✗"
}
