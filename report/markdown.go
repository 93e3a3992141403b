package report

import (
	"fmt"
	"io"
	"strings"

	"socialmaturity/messages"
)

// Markdown writes the deliverable as Markdown, for wikis and email: the
// same content as the HTML report.
func Markdown(w io.Writer, cat *messages.Catalog, a Assessment) error {
	d := newDocument(cat, a)
	var b strings.Builder
	fmt.Fprintf(&b, "# %s\n\n", md(cat.T(messages.ReportSubtitle, d.Org)))
	fmt.Fprintf(&b, "- **%s:** %s\n", cat.T(messages.ReportAssessed), md(d.Org))
	if d.Respondent != "" {
		who := d.Respondent
		if d.Role != "" {
			who += " · " + d.Role
		}
		fmt.Fprintf(&b, "- **%s:** %s\n", cat.T(messages.ReportBy), md(who))
	}
	if d.Date != "" {
		fmt.Fprintf(&b, "- **%s:** %s\n", cat.T(messages.ReportCompleted), d.Date)
	}
	if d.ID != "" {
		fmt.Fprintf(&b, "- **%s:** `%s`\n", cat.T(messages.ReportID), d.ID)
	}
	fmt.Fprintf(&b, "\n**%s: %s / 100**", cat.T(messages.ReportOverall), d.Overall)
	if d.Stage != nil {
		fmt.Fprintf(&b, " — %s", cat.T(messages.ResultStage, d.Stage.Number, d.Stage.Name))
	}
	fmt.Fprintf(&b, "\n\n%s\n\n%s\n\n", md(d.StageText), d.Coverage)

	fmt.Fprintf(&b, "## %s\n\n| | %s |\n|---|---:|\n", cat.T(messages.ReportPillars), cat.T(messages.ReportOverall))
	for _, p := range d.Pillars {
		fmt.Fprintf(&b, "| **%s** | **%s** |\n", md(p.Title), p.Score)
		for _, k := range p.KeyActions {
			fmt.Fprintf(&b, "| &nbsp;&nbsp;%s | %s |\n", md(k.Title), k.Score)
		}
	}
	if c := d.Change; c != nil {
		fmt.Fprintf(&b, "\n## %s\n\n%s\n\n| | %s | %s | %s |\n|---|---:|---:|---:|\n", cat.T(messages.ReportChange), c.From,
			cat.T(messages.CompareBefore), cat.T(messages.CompareAfter), cat.T(messages.CompareChange))
		for _, r := range c.Rows {
			title := md(r.Title)
			if r.Indent {
				title = "&nbsp;&nbsp;" + title
			}
			fmt.Fprintf(&b, "| %s | %s | %s | %s |\n", title, r.From, r.To, r.Delta)
		}
	}
	fmt.Fprintf(&b, "\n## %s\n\n", cat.T(messages.ReportRecs))
	if len(d.Recs) == 0 {
		fmt.Fprintf(&b, "%s\n", cat.T(messages.ResultNoRecs))
	}
	for i, r := range d.Recs {
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
	for _, g := range d.Answers {
		fmt.Fprintf(&b, "\n### %s › %s\n\n", md(g.Pillar), md(g.KeyAction))
		for _, it := range g.Items {
			fmt.Fprintf(&b, "%d. %s  \n   **%s:** %s\n", it.N, md(it.Prompt), cat.T(messages.ReportAnswer), md(it.Answer))
			if it.Note != "" {
				fmt.Fprintf(&b, "   *%s: %s*\n", cat.T(messages.ReportNote), md(it.Note))
			}
		}
	}
	fmt.Fprintf(&b, "\n## %s\n\n", cat.T(messages.ReportMethod))
	for _, p := range d.Method {
		fmt.Fprintf(&b, "%s\n\n", md(p))
	}
	fmt.Fprintf(&b, "---\n\n%s\n", md(d.Credit))
	_, err := io.WriteString(w, b.String())
	return err
}

var mdEscaper = strings.NewReplacer(`\`, `\\`, "`", "\\`", "*", `\*`, "_", `\_`, "[", `\[`, "]", `\]`, "<", "&lt;", ">", "&gt;", "|", `\|`, "#", `\#`)

// md escapes text that people typed (or banks hold) so it stays text.
func md(s string) string { return mdEscaper.Replace(strings.Join(strings.Fields(s), " ")) }
