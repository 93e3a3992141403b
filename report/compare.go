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

// CompareText writes two assessments side by side with the change of every
// score, for the terminal.
func CompareText(w io.Writer, cat *messages.Catalog, c *assess.ComparisonView) error {
	var sb strings.Builder
	for _, side := range []assess.Side{c.From, c.To} {
		date := ""
		if side.CompletedAt != nil {
			date = cat.DateTime(side.CompletedAt.Local())
		}
		fmt.Fprintln(&sb, cat.T(messages.CompareSide, side.ID, messages.Truncate(messages.SafeLine(side.Org), orgWidth), date))
	}
	fmt.Fprintln(&sb)
	num := func(s string) string { return padLeft(s, 8) }
	fmt.Fprintf(&sb, "%s %s %s %s\n", strings.Repeat(" ", titleWidth), num(cat.T(messages.CompareBefore)), num(cat.T(messages.CompareAfter)), num(cat.T(messages.CompareChange)))
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

// rowTitle is a comparison row's title: "Overall" for the overall row.
func rowTitle(cat *messages.Catalog, r assess.ChangeRow) string {
	if r.Kind == assess.OverallRow {
		return cat.T(messages.ResultOverall)
	}
	return r.Title
}
