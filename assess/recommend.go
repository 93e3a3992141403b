package assess

import (
	"cmp"
	"math"
	"slices"

	"socialmaturity/questions"
)

// TopCount is how many recommendations make the "next 90 days".
const TopCount = 3

// Triggered is a recommendation that fired.
type Triggered struct {
	ID    string `json:"id"`
	Title string `json:"title"`
	// Impact is the ranking figure of results stored before scoring v2
	// (0, and left out, since: see Gap).
	Impact float64 `json:"impact,omitempty"`
	// KeyAction is the key action the recommendation is about (for a
	// version 1 bank, the one its trigger concerns; empty for a pillar).
	KeyAction string `json:"key_action,omitempty"`
	// Gap is 100 less the score of what fired it, rounded like scores.
	Gap float64 `json:"gap"`
	// Because is what fired it.
	Because Because `json:"because"`
	// Next are the next rungs: for the weakest answered questions behind
	// it, the option one level up.
	Next []Rung `json:"next,omitempty"`
}

// Because is what fired a recommendation: a question at a level, or a key
// action's or pillar's score (with its stage, nil when it has none).
// Renderers word it through the catalog (see BecauseView.Text); Text is
// that wording when an output carries it.
type Because struct {
	Question  string    `json:"question,omitempty"`
	Level     *int      `json:"level,omitempty"`
	KeyAction string    `json:"key_action,omitempty"`
	Pillar    string    `json:"pillar,omitempty"`
	Score     Score     `json:"score,omitzero"`
	Stage     *StageRef `json:"stage,omitempty"`
	Text      string    `json:"text,omitempty"`
}

// IsZero reports whether nothing is recorded (a result stored before
// scoring v2).
func (b Because) IsZero() bool { return b.Question == "" && b.KeyAction == "" && b.Pillar == "" }

// Rung is a concrete target: the option of a question one level above its
// answer.
type Rung struct {
	Question string `json:"question"`
	Level    int    `json:"level"`
	Text     string `json:"text"`
}

// MaxRungs is how many next rungs a key action's or pillar's
// recommendation names at most.
const MaxRungs = 2

// firing is a recommendation that fired, with what ranks it.
type firing struct {
	Triggered
	rec      *questions.Recommendation
	order    int     // position in the bank
	gap      float64 // unrounded
	pillar   float64 // the score of the pillar it concerns; -1 when unscored
	pillarID string
	group    string // at most one per group in the top three
}

// scoreIndex finds the scored parts and answered questions of a result.
type scoreIndex struct {
	b       *questions.Bank
	answers Answers
	r       *Result
	parts   map[string]partRef // pillar and key action ids
	home    map[string]partRef // question id → its key action
}

// partRef locates a pillar (k < 0) or key action in a bank and its result.
type partRef struct{ p, k int }

func newScoreIndex(b *questions.Bank, answers Answers, r *Result) *scoreIndex {
	x := &scoreIndex{b: b, answers: answers, r: r, parts: map[string]partRef{}, home: map[string]partRef{}}
	for p, pillar := range b.Pillars {
		x.parts[pillar.ID] = partRef{p, -1}
		for k, ka := range pillar.KeyActions {
			x.parts[ka.ID] = partRef{p, k}
			for _, q := range ka.Questions {
				x.home[q.ID] = partRef{p, k}
			}
		}
	}
	return x
}

// score and stage of a pillar or key action.
func (x *scoreIndex) part(id string) (Score, *StageRef, bool) {
	at, ok := x.parts[id]
	if !ok || at.p >= len(x.r.Pillars) {
		return Score{}, nil, false
	}
	pr := x.r.Pillars[at.p]
	if at.k < 0 {
		return pr.Score, pr.Stage, true
	}
	if at.k >= len(pr.KeyActions) {
		return Score{}, nil, false
	}
	return pr.KeyActions[at.k].Score, pr.KeyActions[at.k].Stage, true
}

// level is the level a question was answered at; false when it was not
// answered at a level.
func (x *scoreIndex) level(id string) (int, bool) {
	a, ok := x.answers[id]
	if !ok || a.Unsure || a.NA {
		return 0, false
	}
	return clampLevel(a.Level), true
}

// because is what a condition concerns, with the score it has, when the
// condition holds.
func (x *scoreIndex) because(c questions.Condition) (Because, float64, bool) {
	if c.Question != "" {
		l, ok := x.level(c.Question)
		if _, known := x.b.Question(c.Question); !known || !ok || c.AtMost == nil || l > *c.AtMost {
			return Because{}, 0, false
		}
		return Because{Question: c.Question, Level: &l}, float64(l) * PointsPerLevel, true
	}
	id := c.KeyAction
	if c.Pillar != "" {
		id = c.Pillar
	}
	s, st, ok := x.part(id)
	if !ok || !s.Valid || c.Below == nil || s.Value >= *c.Below {
		return Because{}, 0, false
	}
	b := Because{Score: s, Stage: st}
	if c.Pillar != "" {
		b.Pillar = id
	} else {
		b.KeyAction = id
	}
	return b, s.Value, true
}

// fires reports whether rec fires, what fired it and that thing's score: a
// tiered recommendation on its key action's score; otherwise when every
// condition holds, because of the condition whose subject scores highest
// (the smallest gap; the first on a tie).
func (x *scoreIndex) fires(rec *questions.Recommendation) (Because, float64, bool) {
	if rec.Tier != "" {
		s, st, ok := x.part(rec.KeyAction)
		if !ok || !s.Valid || !rec.Tier.Fires(s.Value) {
			return Because{}, 0, false
		}
		return Because{KeyAction: rec.KeyAction, Score: s, Stage: st}, s.Value, true
	}
	var why Because
	score := math.Inf(-1)
	for _, c := range rec.When {
		b, s, ok := x.because(c)
		if !ok {
			return Because{}, 0, false
		}
		if s > score {
			why, score = b, s
		}
	}
	return why, score, len(rec.When) > 0
}

// rungs are the next rungs for what fired a recommendation: the question
// itself, or the lowest-level answered questions of the key action or
// pillar (at most MaxRungs, bank order on a tie); none at the top level.
func (x *scoreIndex) rungs(why Because) []Rung {
	var qs []*questions.Question
	switch {
	case why.Question != "":
		if q, ok := x.b.Question(why.Question); ok {
			qs = []*questions.Question{q}
		}
	default:
		id := why.KeyAction + why.Pillar
		at, ok := x.parts[id]
		if !ok {
			return nil
		}
		for k, ka := range x.b.Pillars[at.p].KeyActions {
			if at.k >= 0 && k != at.k {
				continue
			}
			for i := range ka.Questions {
				qs = append(qs, &ka.Questions[i])
			}
		}
	}
	var out []Rung
	for _, q := range qs {
		if l, ok := x.level(q.ID); ok && l < questions.MaxLevel {
			out = append(out, Rung{Question: q.ID, Level: l + 1, Text: q.Option(l + 1)})
		}
	}
	slices.SortStableFunc(out, func(a, b Rung) int { return cmp.Compare(a.Level, b.Level) })
	if why.Question == "" && len(out) > MaxRungs {
		out = out[:MaxRungs]
	}
	return out
}

// Recommend returns the recommendations of bank b that fire for answers
// with result r, ranked by this rule:
//
//  1. Each fires on a key action's score (a version 2 tier: build below
//     37.5, define from 37.5, connect from 62.5 up to 87.5) or on its own
//     conditions (all must hold). Its gap is 100 less the score of what
//     fired it: the key action's or pillar's score, or 25 per level of the
//     question.
//  2. The largest gap comes first; on a tie, the one in the weaker pillar
//     (lower score); then bank order.
//  3. Prerequisites first: a recommendation never ranks above one it comes
//     after when both fired.
//  4. The top three take at most one recommendation per key action, and
//     among equal gaps they prefer a pillar not yet among them; the others
//     move below them, in the same order.
func Recommend(b *questions.Bank, answers Answers, r *Result) []Triggered {
	x := newScoreIndex(b, answers, r)
	var fired []firing
	for i := range b.Recommendations {
		rec := &b.Recommendations[i]
		why, score, ok := x.fires(rec)
		if !ok {
			continue
		}
		f := firing{rec: rec, order: i, gap: 100 - score, pillar: -1}
		f.ID, f.Title, f.Gap, f.Because = rec.ID, rec.Title, Round(100-score), why
		f.Next = x.rungs(why)
		f.KeyAction = rec.KeyAction
		if f.KeyAction == "" && why.Question != "" {
			at := x.home[why.Question]
			f.KeyAction = b.Pillars[at.p].KeyActions[at.k].ID
		} else if f.KeyAction == "" {
			f.KeyAction = why.KeyAction
		}
		f.group = cmp.Or(f.KeyAction, why.Pillar)
		if at, ok := x.parts[f.group]; ok {
			f.pillarID = b.Pillars[at.p].ID
			if r.Pillars[at.p].Score.Valid {
				f.pillar = r.Pillars[at.p].Score.Value
			}
		}
		fired = append(fired, f)
	}
	slices.SortStableFunc(fired, func(a, b firing) int {
		return cmp.Or(cmp.Compare(b.Gap, a.Gap), cmp.Compare(a.pillar, b.pillar), cmp.Compare(a.order, b.order))
	})
	fired = prerequisitesFirst(fired)
	out := make([]Triggered, 0, len(fired))
	for _, f := range topFirst(fired) {
		out = append(out, f.Triggered)
	}
	return out
}

// prerequisitesFirst reorders ranked recommendations so that none comes
// before a fired one it is after: each place goes to the best-ranked one
// whose fired prerequisites are all placed.
func prerequisitesFirst(ranked []firing) []firing {
	firedIDs := map[string]bool{}
	for _, f := range ranked {
		firedIDs[f.ID] = true
	}
	placed := map[string]bool{}
	out := make([]firing, 0, len(ranked))
	left := slices.Clone(ranked)
	for len(left) > 0 {
		next := 0 // a cycle (which validation refuses) falls back to rank
		for i, f := range left {
			if ready(f, firedIDs, placed) {
				next = i
				break
			}
		}
		out = append(out, left[next])
		placed[left[next].ID] = true
		left = slices.Delete(left, next, next+1)
	}
	return out
}

// ready reports whether every fired recommendation f comes after is in.
func ready(f firing, fired, in map[string]bool) bool {
	for _, id := range f.rec.After {
		if fired[id] && !in[id] {
			return false
		}
	}
	return true
}

// topFirst moves to the front TopCount recommendations: each place goes to
// the first one of a key action not yet placed whose fired prerequisites
// are placed, or, among those with the same gap, to the first of a pillar
// not yet placed. The rest keep their order.
func topFirst(ordered []firing) []firing {
	firedIDs := map[string]bool{}
	for _, f := range ordered {
		firedIDs[f.ID] = true
	}
	inTop, groups, pillars := map[string]bool{}, map[string]bool{}, map[string]bool{}
	var top []firing
	left := slices.Clone(ordered)
	for len(top) < TopCount {
		pick := -1
		for i, f := range left {
			if groups[f.group] || !ready(f, firedIDs, inTop) {
				continue
			}
			if pick < 0 {
				pick = i
			}
			if f.Gap != left[pick].Gap {
				break
			}
			if !pillars[f.pillarID] {
				pick = i
				break
			}
		}
		if pick < 0 {
			break
		}
		f := left[pick]
		top = append(top, f)
		inTop[f.ID], groups[f.group], pillars[f.pillarID] = true, true, true
		left = slices.Delete(left, pick, pick+1)
	}
	return append(top, left...)
}
