package report

import (
	"fmt"
	"io"
	"strings"

	"socialmaturity/assess"
	"socialmaturity/messages"
)

// ComparisonJSON is the JSON shape of a comparison.
type ComparisonJSON struct {
	From string `json:"from"`
	To   string `json:"to"`
	assess.Comparison
}

// CompareJSON writes the change from one assessment to another.
func CompareJSON(w io.Writer, c *assess.ComparisonView) error {
	return writeJSON(w, ComparisonJSON{From: c.From.ID, To: c.To.ID, Comparison: c.Comparison})
}

// comparison is a comparison with the catalog: how its two sides and
// columns are labelled.
type comparison struct {
	*assess.ComparisonView
	cat *messages.Catalog
}

// TwoOrgs reports whether the two sides are different organizations
// (labelled A and B) rather than one organization earlier and later.
func (c comparison) TwoOrgs() bool {
	return !strings.EqualFold(strings.TrimSpace(c.From.Org), strings.TrimSpace(c.To.Org))
}

// Columns are the three column heads: before, after, change; or A, B, B − A.
func (c comparison) Columns() [3]string {
	if c.TwoOrgs() {
		return [3]string{c.cat.T(messages.ReportCompareA), c.cat.T(messages.ReportCompareB), c.cat.T(messages.ReportCompareDiff)}
	}
	return [3]string{c.cat.T(messages.CompareBefore), c.cat.T(messages.CompareAfter), c.cat.T(messages.CompareChange)}
}

// Sides are the two assessments, one line each: "A: Acme, 2 March 2026
// (1m8a…)" for two organizations, "before: …" for one.
func (c comparison) Sides() [2]string {
	cols := c.Columns()
	var out [2]string
	for i, s := range []assess.Side{c.From, c.To} {
		date := ""
		if s.CompletedAt != nil {
			date = c.cat.Date(*s.CompletedAt)
		}
		line := c.cat.T(messages.ReportCompareSide, cols[i], messages.SafeLine(s.Org), date)
		if s.Stage != nil {
			line += ", " + c.cat.T(messages.ResultStage, s.Stage.Number, s.Stage.Name)
		}
		if s.ID != "" {
			line += " (" + s.ID + ")"
		}
		out[i] = line
	}
	return out
}

// VersionsLine says that the two were answered with different versions of
// the questions, or "".
func (c comparison) VersionsLine() string {
	n := c.Versions
	if n == nil {
		return ""
	}
	return c.cat.T(messages.ReportCompareBanks, n.From.Version, n.To.Version, n.Shared, n.Total)
}

// CompareText writes two assessments side by side with the change of every
// score, for the terminal; two organizations are labelled A and B.
func CompareText(w io.Writer, cat *messages.Catalog, c *assess.ComparisonView) error {
	cv := comparison{c, cat}
	var sb strings.Builder
	cols := cv.Columns()
	for i, side := range []assess.Side{c.From, c.To} {
		date := ""
		if side.CompletedAt != nil {
			date = cat.DateTime(*side.CompletedAt)
		}
		org := messages.Truncate(messages.SafeLine(side.Org), orgWidth)
		if cv.TwoOrgs() {
			org = cols[i] + ": " + org
		}
		fmt.Fprintln(&sb, cat.T(messages.CompareSide, side.ID, org, date))
	}
	if line := cv.VersionsLine(); line != "" {
		fmt.Fprint(&sb, wrap(line, textWidth, ""))
	}
	fmt.Fprintln(&sb)
	num := func(s string) string { return padLeft(s, 8) }
	fmt.Fprintf(&sb, "%s %s %s %s\n", strings.Repeat(" ", titleWidth), num(cols[0]), num(cols[1]), num(cols[2]))
	for _, r := range c.Rows {
		indent := ""
		if r.Kind == assess.KeyActionRow {
			indent = "  "
		}
		fmt.Fprintf(&sb, "%s%s %s %s %s\n", indent, cell(rowTitle(cat, r), titleWidth-len(indent)),
			num(cellScore(cat, r.From)), num(cellScore(cat, r.To)), num(cellDelta(cat, r.Delta)))
	}
	_, err := io.WriteString(w, sb.String())
	return err
}

// CompareMarkdown writes a comparison for a client as Markdown: the two
// assessments (A and B when they are two organizations) and a table of
// every score and its change.
func CompareMarkdown(w io.Writer, cat *messages.Catalog, c *assess.ComparisonView) error {
	cv := comparison{c, cat}
	d := doc{cat: cat}
	var b strings.Builder
	fmt.Fprintf(&b, "# %s\n\n", cat.T(messages.ReportCompareTitle))
	for _, s := range cv.Sides() {
		fmt.Fprintf(&b, "- %s\n", md(s))
	}
	if line := cv.VersionsLine(); line != "" {
		fmt.Fprintf(&b, "\n%s\n", md(line))
	}
	b.WriteString("\n")
	cols := cv.Columns()
	changeTable(&b, d, c.Rows, cols[0], cols[1], cols[2])
	_, err := io.WriteString(w, b.String())
	return err
}

// compareDoc is what the comparison template shows.
type compareDoc struct {
	comparison
	doc
	Page page
}

// CompareHTML writes a comparison for a client as one self-contained HTML
// page, printable on A4 with page numbers.
func CompareHTML(w io.Writer, cat *messages.Catalog, c *assess.ComparisonView, opts Options) error {
	cv := comparison{c, cat}
	org := c.To.Org
	if cv.TwoOrgs() {
		org = c.From.Org + " · " + c.To.Org
	}
	date := ""
	if c.To.CompletedAt != nil {
		date = cat.Date(*c.To.CompletedAt)
	}
	p, err := newPage(cat, opts, org, date)
	if err != nil {
		return err
	}
	return htmlTemplates().ExecuteTemplate(w, "compare.html.tmpl", compareDoc{comparison: cv, doc: doc{cat: cat, opts: opts}, Page: p})
}

// rowTitle is a comparison row's title: "Overall" for the overall row.
func rowTitle(cat *messages.Catalog, r assess.ChangeRow) string {
	if r.Kind == assess.OverallRow {
		return cat.T(messages.ResultOverall)
	}
	return r.Title
}
