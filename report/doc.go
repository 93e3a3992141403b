package report

import (
	"strings"

	"socialmaturity/assess"
	"socialmaturity/messages"
)

// doc is a view with the catalog, for the deliverables (HTML and
// Markdown): its methods write the view's numbers, dates and fixed texts
// in the catalog's language.
type doc struct {
	*assess.View
	cat *messages.Catalog
}

// T is the catalog's message k.
func (d doc) T(k string, args ...any) string { return d.cat.T(messages.Key(k), args...) }

// Lang is the language of the text, for <html lang>.
func (d doc) Lang() string { return d.cat.Lang() }

// Dir is the direction of the text, for <html dir>.
func (d doc) Dir() string { return d.cat.Dir() }

// Int is a whole number in the language's digits.
func (d doc) Int(n int) string { return d.cat.Int(n) }

// Score is a score, or "not scored".
func (d doc) Score(s assess.Score) string { return scoreText(d.cat, s) }

// CellScore is a score in a comparison cell, "–" when unscored.
func (d doc) CellScore(s assess.Score) string { return cellScore(d.cat, s) }

// CellDelta is a change in a comparison cell, "–" when unscored.
func (d doc) CellDelta(s assess.Score) string { return cellDelta(d.cat, s) }

// Date is the day the assessment was completed, or empty.
func (d doc) Date() string {
	if d.CompletedAt == nil {
		return ""
	}
	return d.cat.Date(d.CompletedAt.Local())
}

// StageLine names a stage: "Stage 3 · Repeatable".
func (d doc) StageLine(s *assess.StageView) string {
	return d.cat.T(messages.ResultStage, s.Number, s.Name)
}

// CoverageLine says how much was answered.
func (d doc) CoverageLine() string {
	c := d.Coverage
	return d.cat.T(messages.ResultCoverage, c.Answered, c.Total, c.Unsure)
}

// ChangeFrom says which assessment the change is measured from.
func (d doc) ChangeFrom() string {
	if d.Change == nil || d.Change.From.CompletedAt == nil {
		return ""
	}
	return d.cat.T(messages.ReportChangeFrom, d.cat.Date(d.Change.From.CompletedAt.Local()))
}

// RowTitle is a comparison row's title.
func (d doc) RowTitle(r assess.ChangeRow) string { return rowTitle(d.cat, r) }

// Indented reports whether a comparison row sits under a pillar.
func (d doc) Indented(r assess.ChangeRow) bool { return r.Kind == assess.KeyActionRow }

// Answer is "2 — what level 2 says", "Not sure" or "not answered".
func (d doc) Answer(a assess.AnswerView) string {
	switch {
	case !a.Answered:
		return d.cat.T(messages.ReportUnanswered)
	case a.Answer.Unsure:
		return d.cat.T(messages.WalkNotSure)
	}
	return d.cat.Int(a.Answer.Level) + " — " + a.Option
}

// Method is the explanation of the scoring, a paragraph an item.
func (d doc) Method() []string { return strings.Split(d.cat.T(messages.ReportMethodText), "\n") }
