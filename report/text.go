// Package report renders assessment results for people and programs: plain
// text for the terminal, and JSON.
package report

import (
	"fmt"
	"io"
	"strings"

	"socialmaturity/assess"
	"socialmaturity/messages"
	"socialmaturity/questions"
)

// Assessment is what a report is made of: a scored assessment, the bank
// that names its parts, and optionally the organization's previous
// assessment.
type Assessment struct {
	Bank     *questions.Bank
	Record   *assess.Assessment
	Previous *assess.Assessment
}

// Scored wraps a submission and its result for reporting without storage.
func Scored(b *questions.Bank, s assess.Submission, r assess.Result) Assessment {
	return Assessment{Bank: b, Record: &assess.Assessment{Submission: s, Bank: assess.RefOf(b), Result: &r}}
}

// Layout of the text report.
const (
	barWidth   = 20
	titleWidth = 42
	textWidth  = 80
)

// Bar draws a score 0..100 as a bar of width cells, or dots when unscored.
func Bar(s assess.Score, width int) string {
	if !s.Valid {
		return strings.Repeat("·", width)
	}
	filled := int(s.Value/100*float64(width) + 0.5)
	filled = min(max(filled, 0), width)
	return strings.Repeat("█", filled) + strings.Repeat("░", width-filled)
}

// FormatScore shows a score with one decimal, or the catalog's "not scored".
func FormatScore(cat *messages.Catalog, s assess.Score) string {
	if !s.Valid {
		return cat.T(messages.ResultUnscored)
	}
	return fmt.Sprintf("%.1f", assess.Round(s.Value))
}

// Text writes a plain-text result: overall, coverage, a bar per pillar and
// key action, and the ranked recommendations with their evidence and first
// steps.
func Text(w io.Writer, cat *messages.Catalog, a Assessment) error {
	var b strings.Builder
	rec, bank := a.Record, a.Bank
	r := rec.Result
	fmt.Fprintln(&b, cat.T(messages.ResultHeading, rec.Org))
	if rec.ID != "" && rec.CompletedAt != nil {
		fmt.Fprintln(&b, cat.T(messages.ResultIDDate, rec.ID, rec.CompletedAt.Local().Format(DateFormat)))
	}
	if rec.Respondent != "" {
		fmt.Fprintln(&b, cat.T(messages.ResultRespondentBy, rec.Respondent))
	}
	fmt.Fprintln(&b)
	row := func(indent, title string, s assess.Score, stage *assess.StageRef) {
		width := titleWidth - len(indent)
		fmt.Fprintf(&b, "%s%-*s %s %6s", indent, width, truncate(title, width), Bar(s, barWidth), FormatScore(cat, s))
		if stage != nil {
			fmt.Fprintf(&b, "   %s", cat.T(messages.ResultStage, stage.Number, stage.Name))
		}
		fmt.Fprintln(&b)
	}
	row("", cat.T(messages.ResultOverall), r.Overall, r.Stage)
	if r.Target != nil {
		fmt.Fprintf(&b, "%-*s %s\n", titleWidth, "", cat.T(messages.ResultTarget, r.Target.Target, r.Target.Gap))
	}
	fmt.Fprintln(&b, cat.T(messages.ResultCoverage, r.Answered, r.Total, r.Unsure))
	if prev := a.Previous; prev != nil && prev.Result != nil && prev.CompletedAt != nil {
		d := assess.Compare(prev.Result, r).Overall.Delta
		if d.Valid {
			fmt.Fprintln(&b, cat.T(messages.ResultChangeSince, prev.CompletedAt.Local().Format(DateFormat), d.Value))
		}
	}
	fmt.Fprintln(&b)
	fmt.Fprintln(&b, cat.T(messages.ResultPillars))
	for _, pr := range r.Pillars {
		row("", bank.TitleOf(pr.ID), pr.Score, pr.Stage)
		for _, kr := range pr.KeyActions {
			row("  ", bank.TitleOf(kr.ID), kr.Score, nil)
		}
	}
	fmt.Fprintln(&b)
	fmt.Fprintln(&b, cat.T(messages.ResultRecs))
	if len(r.Recommendations) == 0 {
		fmt.Fprintln(&b, "  "+cat.T(messages.ResultNoRecs))
	}
	for i, t := range r.Recommendations {
		rec, ok := bank.Recommendation(t.ID)
		title := t.Title
		if ok {
			title = rec.Title
		}
		fmt.Fprintf(&b, "%2d. %s (%s)\n", i+1, title, cat.T(messages.ResultImpact, t.Impact))
		if !ok {
			continue
		}
		fmt.Fprint(&b, Wrap(cat.T(messages.ResultWhy, oneLine(rec.Why)), textWidth, "    "))
		fmt.Fprintf(&b, "    %s\n", cat.T(messages.ResultSteps))
		for _, s := range rec.Steps {
			fmt.Fprint(&b, Wrap("- "+s, textWidth, "    "))
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// DateFormat is how dates are shown in reports and listings.
const DateFormat = "2006-01-02 15:04"

func truncate(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

// Wrap breaks text into lines of at most width cells (words longer than a
// line stand alone), each starting with indent and ending with a newline.
func Wrap(text string, width int, indent string) string {
	var b strings.Builder
	line := indent
	for _, word := range strings.Fields(text) {
		if line != indent && len([]rune(line))+1+len([]rune(word)) > width {
			b.WriteString(line + "\n")
			line = indent + "  "
		}
		if line != indent && line != indent+"  " {
			line += " "
		}
		line += word
	}
	if line != indent {
		b.WriteString(line + "\n")
	}
	return b.String()
}
