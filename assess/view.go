package assess

import (
	"strings"
	"time"

	"socialmaturity/questions"
)

// View is a completed assessment resolved against a bank for display: every
// title, stage and recommendation looked up once, in the order a result is
// read. Every output (the results screen, text, Markdown, HTML, CSV, JSON)
// renders from a View and formats its numbers and dates itself.
type View struct {
	// Source is the assessment the view was made from; machine formats
	// (JSON, CSV) write its answers and result as they are.
	Source     *Assessment
	ID         string
	Org        string
	Respondent string
	Role       string
	Workshop   string
	// CompletedAt is nil for a result that was never stored.
	CompletedAt *time.Time

	Overall  Score
	Stage    *StageView // nil when the overall score is unscored
	Coverage Coverage
	Target   *Progress // the overall target, if one was set
	Pillars  []PillarView
	// Change is the change since the organization's previous assessment,
	// nil when there is none.
	Change *ComparisonView
	// Recommendations are ranked, most impact first.
	Recommendations []RecommendationView
	// Answers are every question of the bank with its answer and note.
	Answers []AnswerGroup
}

// StageView is a stage as the bank names and describes it.
type StageView struct {
	Number      int
	Name        string
	Description string // on one line; empty when the bank lacks the stage
}

// Coverage is how much of the bank was answered.
type Coverage struct {
	Answered, Unsure, Total int
	// Share is Answered/Total, 0..1.
	Share float64
}

// PillarView is one pillar's score, stage and key actions.
type PillarView struct {
	ID         string
	Title      string
	Score      Score
	Stage      *StageView
	Target     *Progress
	Delta      Score // the change since the previous assessment; unscored without one
	KeyActions []KeyActionView
}

// KeyActionView is one key action's score.
type KeyActionView struct {
	ID                      string
	Title                   string
	Score                   Score
	Answered, Unsure, Total int
	Delta                   Score // the change since the previous assessment; unscored without one
}

// RecommendationView is a triggered recommendation with its evidence and
// first steps; Why and Steps are empty when the bank no longer has it.
type RecommendationView struct {
	ID     string
	Title  string
	Impact float64
	Why    string // on one line
	Steps  []string
}

// AnswerGroup is the questions of one key action with their answers.
type AnswerGroup struct {
	PillarID, PillarTitle       string
	KeyActionID, KeyActionTitle string
	Items                       []AnswerView
}

// AnswerView is one question and how it was answered.
type AnswerView struct {
	N          int // 1-based position in the bank
	QuestionID string
	Prompt     string
	Answered   bool
	Answer     Answer
	Option     string // the text of the level chosen, when answered at a level
	Note       string
}

// ComparisonView is the change from one assessment to a later one, laid out
// as rows: overall, then each pillar followed by its key actions.
type ComparisonView struct {
	From, To Side
	Comparison
	Rows []ChangeRow
}

// Side is one of the two assessments of a comparison.
type Side struct {
	ID          string
	Org         string
	CompletedAt *time.Time
}

// ChangeRow is one row of a comparison.
type ChangeRow struct {
	Kind  RowKind
	Title string // empty for the overall row
	Change
}

// RowKind says what a comparison row is about.
type RowKind int

// The kinds of comparison rows.
const (
	OverallRow   RowKind = iota
	PillarRow            // a pillar
	KeyActionRow         // a key action, shown under its pillar
)

// NewView resolves a (completed) assessment against bank b, with the
// organization's previous assessment when there is one (previous may be
// nil). Stages are looked up in b by number; parts b no longer has keep
// their ids as titles.
func NewView(b *questions.Bank, a, previous *Assessment) *View {
	res := a.Result
	if res == nil {
		res = &Result{}
	}
	v := &View{
		Source: a, ID: a.ID, Org: a.Org, Respondent: a.Respondent, Role: a.Role, Workshop: a.Workshop,
		CompletedAt: a.CompletedAt,
		Overall:     res.Overall,
		Stage:       stageView(b, res.Stage),
		Coverage:    Coverage{Answered: res.Answered, Unsure: res.Unsure, Total: res.Total, Share: res.Coverage},
		Target:      res.Target,
	}
	deltas := map[string]Score{}
	if previous != nil && previous.Result != nil {
		v.Change = NewComparisonView(b, previous, a)
		for _, c := range append(v.Change.Pillars, v.Change.KeyActions...) {
			deltas[c.ID] = c.Delta
		}
	}
	for _, pr := range res.Pillars {
		p := PillarView{ID: pr.ID, Title: b.TitleOf(pr.ID), Score: pr.Score, Stage: stageView(b, pr.Stage), Target: pr.Target, Delta: deltas[pr.ID]}
		for _, kr := range pr.KeyActions {
			p.KeyActions = append(p.KeyActions, KeyActionView{
				ID: kr.ID, Title: b.TitleOf(kr.ID), Score: kr.Score,
				Answered: kr.Answered, Unsure: kr.Unsure, Total: kr.Total, Delta: deltas[kr.ID],
			})
		}
		v.Pillars = append(v.Pillars, p)
	}
	for _, t := range res.Recommendations {
		r := RecommendationView{ID: t.ID, Title: t.Title, Impact: t.Impact}
		if br, ok := b.Recommendation(t.ID); ok {
			r.Title, r.Why, r.Steps = br.Title, oneLine(br.Why), br.Steps
		}
		if r.Title == "" {
			r.Title = t.ID
		}
		v.Recommendations = append(v.Recommendations, r)
	}
	v.Answers = answerGroups(b, a)
	return v
}

// NewComparisonView lines up two assessments (from the earlier to the
// later) by id, with titles from bank b.
func NewComparisonView(b *questions.Bank, from, to *Assessment) *ComparisonView {
	fromRes, toRes := from.Result, to.Result
	if fromRes == nil {
		fromRes = &Result{}
	}
	if toRes == nil {
		toRes = &Result{}
	}
	c := &ComparisonView{
		From:       Side{ID: from.ID, Org: from.Org, CompletedAt: from.CompletedAt},
		To:         Side{ID: to.ID, Org: to.Org, CompletedAt: to.CompletedAt},
		Comparison: Compare(fromRes, toRes),
	}
	pillarOf := map[string]string{}
	for _, r := range []*Result{fromRes, toRes} {
		for _, p := range r.Pillars {
			for _, k := range p.KeyActions {
				pillarOf[k.ID] = p.ID
			}
		}
	}
	byPillar := map[string][]Change{}
	for _, k := range c.KeyActions {
		byPillar[pillarOf[k.ID]] = append(byPillar[pillarOf[k.ID]], k)
	}
	c.Rows = append(c.Rows, ChangeRow{Kind: OverallRow, Change: c.Overall})
	for _, p := range c.Pillars {
		c.Rows = append(c.Rows, ChangeRow{Kind: PillarRow, Title: b.TitleOf(p.ID), Change: p})
		for _, k := range byPillar[p.ID] {
			c.Rows = append(c.Rows, ChangeRow{Kind: KeyActionRow, Title: b.TitleOf(k.ID), Change: k})
		}
	}
	return c
}

// stageView resolves a stored stage by its number in bank b, keeping the
// stored name when b has no such stage.
func stageView(b *questions.Bank, s *StageRef) *StageView {
	if s == nil {
		return nil
	}
	for _, st := range b.Stages {
		if st.Number == s.Number {
			return &StageView{Number: st.Number, Name: st.Name, Description: oneLine(st.Description)}
		}
	}
	return &StageView{Number: s.Number, Name: s.Name}
}

func answerGroups(b *questions.Bank, a *Assessment) []AnswerGroup {
	var groups []AnswerGroup
	n := 0
	for _, p := range b.Pillars {
		for _, ka := range p.KeyActions {
			g := AnswerGroup{PillarID: p.ID, PillarTitle: p.Title, KeyActionID: ka.ID, KeyActionTitle: ka.Title}
			for i := range ka.Questions {
				q := &ka.Questions[i]
				n++
				ans, ok := a.Answers[q.ID]
				item := AnswerView{N: n, QuestionID: q.ID, Prompt: q.Prompt, Answered: ok, Answer: ans, Note: a.Notes[q.ID]}
				if ok && !ans.Unsure {
					item.Option = q.Option(ans.Level)
				}
				g.Items = append(g.Items, item)
			}
			groups = append(groups, g)
		}
	}
	return groups
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }
