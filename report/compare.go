package report

import (
	"fmt"
	"io"
	"strings"

	"socialmaturity/assess"
	"socialmaturity/messages"
	"socialmaturity/questions"
)

// ComparisonJSON is the JSON shape of a comparison.
type ComparisonJSON struct {
	From string `json:"from"`
	To   string `json:"to"`
	assess.Comparison
}

// CompareJSON writes the change from one assessment to another.
func CompareJSON(w io.Writer, from, to *assess.Assessment) error {
	return writeJSON(w, ComparisonJSON{From: from.ID, To: to.ID, Comparison: assess.Compare(from.Result, to.Result)})
}

// CompareText writes the two assessments side by side with the change of
// every score.
func CompareText(w io.Writer, cat *messages.Catalog, b *questions.Bank, from, to *assess.Assessment) error {
	c := assess.Compare(from.Result, to.Result)
	var sb strings.Builder
	for _, a := range []*assess.Assessment{from, to} {
		date := ""
		if a.CompletedAt != nil {
			date = a.CompletedAt.Local().Format(DateFormat)
		}
		fmt.Fprintln(&sb, cat.T(messages.CompareSide, a.ID, a.Org, date))
	}
	fmt.Fprintln(&sb)
	fmt.Fprintf(&sb, "%-*s %8s %8s %8s\n", titleWidth, "", cat.T(messages.CompareBefore), cat.T(messages.CompareAfter), cat.T(messages.CompareChange))
	for _, r := range comparisonRows(cat, b, c) {
		indent := ""
		if r.Indent {
			indent = "  "
		}
		width := titleWidth - len(indent)
		fmt.Fprintf(&sb, "%s%-*s %8s %8s %8s\n", indent, width, truncate(r.Title, width), r.From, r.To, r.Delta)
	}
	_, err := io.WriteString(w, sb.String())
	return err
}

// comparisonRows lays a comparison out as rows: overall, then each pillar
// followed by its key actions (indented).
func comparisonRows(cat *messages.Catalog, b *questions.Bank, c assess.Comparison) []docDelta {
	row := func(title string, indent bool, x assess.Change) docDelta {
		return docDelta{Title: title, Indent: indent, From: score(x.From), To: score(x.To), Delta: delta(x.Delta)}
	}
	rows := []docDelta{row(cat.T(messages.ResultOverall), false, c.Overall)}
	kaOf := map[string][]assess.Change{}
	for _, k := range c.KeyActions {
		p := pillarOf(b, k.ID)
		kaOf[p] = append(kaOf[p], k)
	}
	for _, p := range c.Pillars {
		rows = append(rows, row(b.TitleOf(p.ID), false, p))
		for _, k := range kaOf[p.ID] {
			rows = append(rows, row(b.TitleOf(k.ID), true, k))
		}
	}
	return rows
}

func pillarOf(b *questions.Bank, keyAction string) string {
	for _, p := range b.Pillars {
		for _, ka := range p.KeyActions {
			if ka.ID == keyAction {
				return p.ID
			}
		}
	}
	return ""
}

func score(s assess.Score) string {
	if !s.Valid {
		return "–"
	}
	return fmt.Sprintf("%.1f", assess.Round(s.Value))
}

func delta(s assess.Score) string {
	if !s.Valid {
		return "–"
	}
	return fmt.Sprintf("%+.1f", assess.Round(s.Value))
}
