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

// Assessment is what a report is made of: the bank, the answers and their
// result.
type Assessment struct {
	Bank       *questions.Bank
	Submission assess.Submission
	Result     assess.Result
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
	r, bank := a.Result, a.Bank
	fmt.Fprintln(&b, cat.T(messages.ResultHeading, a.Submission.Org))
	if a.Submission.Respondent != "" {
		fmt.Fprintln(&b, cat.T(messages.ResultRespondentBy, a.Submission.Respondent))
	}
	fmt.Fprintln(&b)
	fmt.Fprintf(&b, "%-*s %s %6s", titleWidth, cat.T(messages.ResultOverall), Bar(r.Overall, barWidth), FormatScore(cat, r.Overall))
	if r.Stage != nil {
		fmt.Fprintf(&b, "   %s", cat.T(messages.ResultStage, r.Stage.Number, r.Stage.Name))
	}
	fmt.Fprintln(&b)
	if r.Target != nil {
		fmt.Fprintf(&b, "%-*s %s\n", titleWidth, "", cat.T(messages.ResultTarget, r.Target.Target, r.Target.Gap))
	}
	fmt.Fprintln(&b, cat.T(messages.ResultCoverage, r.Answered, r.Total, r.Unsure))
	fmt.Fprintln(&b)
	fmt.Fprintln(&b, cat.T(messages.ResultPillars))
	for i, pr := range r.Pillars {
		p := bank.Pillars[i]
		fmt.Fprintf(&b, "%-*s %s %6s", titleWidth, truncate(p.Title, titleWidth), Bar(pr.Score, barWidth), FormatScore(cat, pr.Score))
		if pr.Stage != nil {
			fmt.Fprintf(&b, "   %s", cat.T(messages.ResultStage, pr.Stage.Number, pr.Stage.Name))
		}
		fmt.Fprintln(&b)
		for k, kr := range pr.KeyActions {
			fmt.Fprintf(&b, "  %-*s %s %6s\n", titleWidth-2, truncate(p.KeyActions[k].Title, titleWidth-2), Bar(kr.Score, barWidth), FormatScore(cat, kr.Score))
		}
	}
	fmt.Fprintln(&b)
	fmt.Fprintln(&b, cat.T(messages.ResultRecs))
	if len(r.Recommendations) == 0 {
		fmt.Fprintln(&b, "  "+cat.T(messages.ResultNoRecs))
	}
	for i, t := range r.Recommendations {
		rec, ok := bank.Recommendation(t.ID)
		if !ok {
			fmt.Fprintf(&b, "%2d. %s (%s)\n", i+1, t.Title, cat.T(messages.ResultImpact, t.Impact))
			continue
		}
		fmt.Fprintf(&b, "%2d. %s (%s)\n", i+1, rec.Title, cat.T(messages.ResultImpact, t.Impact))
		fmt.Fprint(&b, Wrap(cat.T(messages.ResultWhy, oneLine(rec.Why)), textWidth, "    "))
		fmt.Fprintf(&b, "    %s\n", cat.T(messages.ResultSteps))
		for _, s := range rec.Steps {
			fmt.Fprint(&b, Wrap("- "+s, textWidth, "    "))
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

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
