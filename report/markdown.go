package report

import (
	"fmt"
	"io"
	"strings"

	"socialmaturity/assess"
	"socialmaturity/messages"
)

// Markdown writes the deliverable as Markdown, for wikis and email: the
// same content as the HTML report.
func Markdown(w io.Writer, cat *messages.Catalog, v *assess.View) error {
	d := doc{View: v, cat: cat}
	var b strings.Builder
	fmt.Fprintf(&b, "# %s\n\n", md(cat.T(messages.ReportSubtitle, v.Org)))
	fmt.Fprintf(&b, "- **%s:** %s\n", cat.T(messages.ReportAssessed), md(v.Org))
	if v.Respondent != "" {
		who := v.Respondent
		if v.Role != "" {
			who += " · " + v.Role
		}
		fmt.Fprintf(&b, "- **%s:** %s\n", cat.T(messages.ReportBy), md(who))
	}
	if date := d.Date(); date != "" {
		fmt.Fprintf(&b, "- **%s:** %s\n", cat.T(messages.ReportCompleted), date)
	}
	if v.ID != "" {
		fmt.Fprintf(&b, "- **%s:** `%s`\n", cat.T(messages.ReportID), v.ID)
	}
	fmt.Fprintf(&b, "\n**%s: %s / 100**", cat.T(messages.ReportOverall), d.Score(v.Overall))
	description := ""
	if v.Stage != nil {
		fmt.Fprintf(&b, " — %s", d.StageLine(v.Stage))
		description = v.Stage.Description
	}
	fmt.Fprintf(&b, "\n\n%s\n\n%s\n\n", md(description), d.CoverageLine())

	fmt.Fprintf(&b, "## %s\n\n| | %s |\n|---|---:|\n", cat.T(messages.ReportPillars), cat.T(messages.ReportOverall))
	for _, p := range v.Pillars {
		fmt.Fprintf(&b, "| **%s** | **%s** |\n", md(p.Title), d.Score(p.Score))
		for _, k := range p.KeyActions {
			fmt.Fprintf(&b, "| &nbsp;&nbsp;%s | %s |\n", md(k.Title), d.Score(k.Score))
		}
	}
	if c := v.Change; c != nil {
		fmt.Fprintf(&b, "\n## %s\n\n%s\n\n| | %s | %s | %s |\n|---|---:|---:|---:|\n", cat.T(messages.ReportChange), d.ChangeFrom(),
			cat.T(messages.CompareBefore), cat.T(messages.CompareAfter), cat.T(messages.CompareChange))
		for _, r := range c.Rows {
			title := md(d.RowTitle(r))
			if d.Indented(r) {
				title = "&nbsp;&nbsp;" + title
			}
			fmt.Fprintf(&b, "| %s | %s | %s | %s |\n", title, d.CellScore(r.From), d.CellScore(r.To), d.CellDelta(r.Delta))
		}
	}
	fmt.Fprintf(&b, "\n## %s\n\n", cat.T(messages.ReportRecs))
	if len(v.Recommendations) == 0 {
		fmt.Fprintf(&b, "%s\n", cat.T(messages.ResultNoRecs))
	}
	for i, r := range v.Recommendations {
		fmt.Fprintf(&b, "### %d. %s\n\n", i+1, md(r.Title))
		if r.Why != "" {
			fmt.Fprintf(&b, "%s\n\n", md(r.Why))
		}
		if len(r.Steps) > 0 {
			fmt.Fprintf(&b, "%s:\n\n", cat.T(messages.ReportFirstSteps))
			for j, s := range r.Steps {
				fmt.Fprintf(&b, "%d. %s\n", j+1, md(s))
			}
			b.WriteString("\n")
		}
	}
	fmt.Fprintf(&b, "## %s\n", cat.T(messages.ReportAnswers))
	for _, g := range v.Answers {
		fmt.Fprintf(&b, "\n### %s › %s\n\n", md(g.PillarTitle), md(g.KeyActionTitle))
		for _, it := range g.Items {
			fmt.Fprintf(&b, "%d. %s  \n   **%s:** %s\n", it.N, md(it.Prompt), cat.T(messages.ReportAnswer), md(d.Answer(it)))
			if it.Note != "" {
				fmt.Fprintf(&b, "   *%s: %s*\n", cat.T(messages.ReportNote), md(it.Note))
			}
		}
	}
	fmt.Fprintf(&b, "\n## %s\n\n", cat.T(messages.ReportMethod))
	for _, p := range d.Method() {
		fmt.Fprintf(&b, "%s\n\n", md(p))
	}
	fmt.Fprintf(&b, "---\n\n%s\n", md(cat.T(messages.ReportCredit)))
	_, err := io.WriteString(w, b.String())
	return err
}

var mdEscaper = strings.NewReplacer(`\`, `\\`, "`", "\\`", "*", `\*`, "_", `\_`, "[", `\[`, "]", `\]`, "<", "&lt;", ">", "&gt;", "|", `\|`, "#", `\#`)

// md escapes text that people typed (or banks hold) so it stays text on
// one line: Markdown syntax is escaped and control characters dropped.
func md(s string) string { return mdEscaper.Replace(messages.SafeLine(s)) }
