package report

import (
	"strings"

	"socialmaturity/assess"
	"socialmaturity/messages"
	"socialmaturity/questions"
)

// doc is a view with the catalog and the export's options, for the
// deliverables (HTML and Markdown): its methods write the view's numbers,
// dates and fixed texts in the catalog's language.
type doc struct {
	*assess.View
	cat  *messages.Catalog
	opts Options
}

// T is the catalog's message k.
func (d doc) T(k string, args ...any) string { return d.cat.T(messages.Key(k), args...) }

// Lang is the language of the text, for <html lang>.
func (d doc) Lang() string { return d.cat.Lang() }

// Dir is the direction of the text, for <html dir>.
func (d doc) Dir() string { return d.cat.Dir() }

// Int is a whole number in the language's digits.
func (d doc) Int(n int) string { return d.cat.Int(n) }

// Num is a score-like figure with one decimal.
func (d doc) Num(v float64) string { return d.cat.Score(v) }

// Score is a score, or "not scored".
func (d doc) Score(s assess.Score) string { return scoreText(d.cat, s) }

// CellScore is a score in a comparison cell, "–" when unscored.
func (d doc) CellScore(s assess.Score) string { return cellScore(d.cat, s) }

// CellDelta is a change in a comparison cell, "–" when unscored.
func (d doc) CellDelta(s assess.Score) string { return cellDelta(d.cat, s) }

// PreparedBy is who prepared the report, from the options.
func (d doc) PreparedBy() string { return d.opts.PreparedBy }

// Logo is the cover's logo, or nil.
func (d doc) Logo() *Logo { return d.opts.Logo }

// Date is the day the assessment was completed, in the time zone it was
// completed in, or empty.
func (d doc) Date() string {
	if d.CompletedAt == nil {
		return ""
	}
	return d.cat.Date(*d.CompletedAt)
}

// StageLine names a stage: "Stage 3 · Repeatable".
func (d doc) StageLine(s *assess.StageView) string {
	return d.cat.T(messages.ResultStage, s.Number, s.Name)
}

// PartStage is a pillar's or key action's stage, why it has none, or "".
func (d doc) PartStage(s *assess.StageView, thin bool, score assess.Score) string {
	switch {
	case s != nil:
		return d.StageLine(s)
	case thin && score.Valid:
		return d.cat.T(messages.ReportNoStageThin)
	}
	return ""
}

// ProvisionalLine says the result is provisional and what is missing, or "".
func (d doc) ProvisionalLine() string { return d.ProvisionalText(d.cat) }

// CappedLine says which pillar held the stage down, or "".
func (d doc) CappedLine() string { return d.CappedText(d.cat) }

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
	return d.cat.T(messages.ReportChangeFrom, d.cat.Date(*d.Change.From.CompletedAt))
}

// ChangeLine is the change of the overall score since the previous
// assessment with the stage move: "+21.3 since 14 March 2025 (stage 3 → 4)".
func (d doc) ChangeLine() string {
	c := d.Change
	if c == nil || c.From.CompletedAt == nil || !c.Overall.Delta.Valid {
		return ""
	}
	s := d.cat.T(messages.ReportChangeSince, d.cat.Delta(c.Overall.Delta.Value), d.cat.Date(*c.From.CompletedAt))
	if c.From.Stage != nil && c.To.Stage != nil {
		s += d.cat.T(messages.ReportStageMove, c.From.Stage.Number, c.To.Stage.Number)
	}
	return s
}

// Extremes are the strongest and weakest lines, or none.
func (d doc) Extremes() []string {
	if d.Strongest == nil || d.Weakest == nil {
		return nil
	}
	return []string{
		d.cat.T(messages.ReportStrongest, d.Strongest.Title, scoreText(d.cat, d.Strongest.Score)),
		d.cat.T(messages.ReportWeakest, d.Weakest.Title, scoreText(d.cat, d.Weakest.Score)),
	}
}

// RowTitle is a comparison row's title.
func (d doc) RowTitle(r assess.ChangeRow) string { return rowTitle(d.cat, r) }

// Indented reports whether a comparison row sits under a pillar.
func (d doc) Indented(r assess.ChangeRow) bool { return r.Kind == assess.KeyActionRow }

// Top are the recommendations for the body, those of the next 90 days:
// the first assess.TopCount of those not at their target.
func (d doc) Top() []assess.RecommendationView { return d.Next90() }

// Rest are the recommendations for the appendix.
func (d doc) Rest() []assess.RecommendationView { return d.Later() }

// NoMoves is what the plan says when it proposes nothing (see
// assess.View.NoMovesText).
func (d doc) NoMoves() string { return d.NoMovesText(d.cat) }

// UnscoredNote says, under a plan that proposes something, how many key
// actions are not scored yet; "" when the plan is empty (NoMoves says it
// then) or every key action is scored.
func (d doc) UnscoredNote() string {
	if len(d.Top()) == 0 {
		return ""
	}
	return d.UnscoredText(d.cat)
}

// RestNote says how many recommendations the appendix holds, or "".
func (d doc) RestNote() string {
	if n := len(d.Rest()); n > 0 {
		return d.cat.T(messages.ReportMoreRecsNote, d.cat.Int(n))
	}
	return ""
}

// Because says why a recommendation fired, or "" for one stored before v2.
func (d doc) Because(r assess.RecommendationView) string {
	if t := r.Because.Text(d.cat); t != "" {
		return d.cat.T(messages.ReportBecause, t)
	}
	return ""
}

// GapLine is a recommendation's gap, or its impact when it was stored
// before scoring v2.
func (d doc) GapLine(r assess.RecommendationView) string {
	if r.Gap > 0 {
		return d.cat.T(messages.ReportGap, d.cat.Score(r.Gap))
	}
	return d.cat.T(messages.ReportImpact, d.cat.Score(r.Impact))
}

// Rung is a next rung: the level and what it says.
func (d doc) Rung(n assess.Rung) string {
	return d.cat.T(messages.ReportRungLine, n.Level, n.Text)
}

// Evidence is a fact or case with its figures filled in, and its source.
func (d doc) Evidence(e assess.Evidence) string {
	if e.Fact != nil {
		return e.Fact.Fill(d.cat) + " " + d.cat.T(messages.ReportFactSource, e.Source)
	}
	text := e.Case.Org + ": " + e.Case.Text
	for _, f := range e.Case.Facts {
		text += " " + f.Fill(d.cat) + "."
	}
	return text + " " + d.cat.T(messages.ReportCaseSource, e.Source)
}

// WhoKnows says who would know the answer, or "".
func (d doc) WhoKnows(who string) string {
	if who == "" {
		return ""
	}
	return d.cat.T(messages.ReportWhoKnows, who)
}

// Unanswered are the questions left unanswered.
func (d doc) Unanswered() int {
	n := 0
	for _, g := range d.Answers {
		for _, it := range g.Items {
			if !it.Answered {
				n++
			}
		}
	}
	return n
}

// UnknownLine counts what is not known.
func (d doc) UnknownLine() string {
	return d.cat.T(messages.ReportUnknownCount, d.cat.Int(len(d.KnowledgeGaps)), d.cat.Int(d.Unanswered()))
}

// Answer is "2 — what level 2 says", "not sure", "does not apply" or
// "not answered".
func (d doc) Answer(a assess.AnswerView) string {
	switch {
	case !a.Answered:
		return d.cat.T(messages.ReportUnanswered)
	case a.Answer.Unsure:
		return d.cat.T(messages.WalkNotSure)
	case a.Answer.NA:
		return d.cat.T(messages.ReportNA)
	}
	return d.cat.Int(a.Answer.Level) + " — " + a.Option
}

// Given is an answer's place on the ladder ("2 / 4"), or why it has none.
func (d doc) Given(a assess.AnswerView) string {
	if !a.Answered || a.Answer.Unsure || a.Answer.NA {
		return d.Answer(a)
	}
	return d.cat.T(messages.ReportLevelOf, d.cat.Int(a.Answer.Level), d.cat.Int(questions.MaxLevel))
}

// NextLevel is what the next level of an answer says, "top level reached",
// or "" when there is no level.
func (d doc) NextLevel(a assess.AnswerView) string {
	switch {
	case a.Next != "":
		return a.Next
	case a.Answered && !a.Answer.Unsure && !a.Answer.NA && a.Answer.Level >= questions.MaxLevel:
		return d.cat.T(messages.ReportTopReached)
	}
	return ""
}

// Muted reports whether an answer says nothing about the organization:
// not answered, not sure or not applicable.
func (d doc) Muted(a assess.AnswerView) bool {
	return !a.Answered || a.Answer.Unsure || a.Answer.NA
}

// Method is the explanation of the scoring, a paragraph an item: the
// version 1 text for a bank 1 result, as it was, else the rules of
// scoring v2 with the bank's thresholds and sources.
func (d doc) Method() []string {
	if d.View.Method.Version < 2 {
		return strings.Split(d.cat.T(messages.ReportMethodText), "\n")
	}
	stages := d.View.Method.Stages
	var ranges []string
	tier := func(n int) string { return "" }
	for i, s := range stages {
		if i == 0 && len(stages) > 1 {
			ranges = append(ranges, d.cat.T(messages.ReportStageBelow, s.Number, s.Name, d.cat.Score(stages[1].Min)))
			continue
		}
		ranges = append(ranges, d.cat.T(messages.ReportStageRange, s.Number, s.Name, d.cat.Score(s.Min)))
	}
	if len(stages) >= 5 {
		tier = func(n int) string { return d.cat.Score(stages[n].Min) }
	}
	text := d.cat.T(messages.ReportMethodV2, strings.Join(ranges, ", "), d.cat.Percent(assess.MinCoverage),
		tier(4), tier(2), tier(3), tier(4))
	paras := strings.Split(text, "\n")
	for _, s := range d.View.Method.Sources {
		paras = append(paras, strings.TrimSpace(d.cat.T(messages.ReportMethodSource, s.Cite, strings.Join(strings.Fields(s.Note), " "))))
	}
	return paras
}

// Limits is what the result cannot say: self-reported, optimistic, coverage.
func (d doc) Limits() string {
	c := d.Coverage
	applicable := c.Applicable
	if applicable == 0 {
		applicable = c.Total - c.NotApplicable
	}
	return d.cat.T(messages.ReportLimits, d.cat.Int(c.Answered), d.cat.Int(applicable), d.cat.Int(c.Unsure), d.cat.Int(c.NotApplicable))
}

// recItem is one recommendation as the templates show it.
type recItem struct {
	D doc
	N string
	R assess.RecommendationView
}

// TopItem is the i-th recommendation of the body.
func (d doc) TopItem(i int, r assess.RecommendationView) recItem {
	return recItem{D: d, N: d.cat.Int(i + 1), R: r}
}

// RestItem is the i-th recommendation of the appendix, numbered on from
// the body's.
func (d doc) RestItem(i int, r assess.RecommendationView) recItem {
	return recItem{D: d, N: d.cat.Int(len(d.Top()) + i + 1), R: r}
}

// Credit is where the figures come from: the bank's own credit, or the
// credit of version 1.
func (d doc) Credit() string {
	if c := d.View.Method.Credit; c != "" {
		return c
	}
	return d.cat.T(messages.ReportCredit)
}

// HasIntro reports whether any pillar has survey evidence to show.
func (d doc) HasIntro() bool {
	for _, p := range d.Pillars {
		if len(p.Intro) > 0 {
			return true
		}
	}
	return false
}

// coverOrgCells is the most cells of the organization a cover, a page
// title or a heading shows, so that a very long name cannot fill pages;
// the details (Markdown) or the appendix (HTML) name it in full.
const coverOrgCells = 150

// ShortOrg is the organization on one line, shortened with "…" to
// coverOrgCells.
func (d doc) ShortOrg() string { return messages.Truncate(messages.SafeLine(d.Org), coverOrgCells) }

// OrgShortened reports whether ShortOrg leaves part of the organization
// out.
func (d doc) OrgShortened() bool { return d.ShortOrg() != messages.SafeLine(d.Org) }

// longOrg is how many characters of an organization fit a cover heading
// at full size.
const longOrg = 60

// OrgClass is the cover heading's class: "long" for a long organization,
// set smaller so the cover keeps to one page.
func (d doc) OrgClass() string {
	if len([]rune(d.ShortOrg())) > longOrg {
		return "long"
	}
	return ""
}
