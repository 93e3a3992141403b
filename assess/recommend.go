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
	pillar   float64 // the score of the pillar it concerns; -1 when unscored
	pillarID string
	group    string // at most one per group in the top three
	// figure ranks it: its gap, plus how far its subject is below its
	// target when the organization set one (see rerank).
	figure float64
	// after are the fired recommendations it comes after, as positions
	// among the fired.
	after []int
}

// scoreIndex finds the scored parts and answered questions of a result.
type scoreIndex struct {
	b       *questions.Bank
	answers Answers
	r       *Result
}

// place finds a pillar or key action; false for any other id.
func (x *scoreIndex) place(id string) (questions.Place, bool) {
	at, ok := x.b.Locate(id)
	return at, ok && at.Question < 0
}

// score and stage of a pillar or key action.
func (x *scoreIndex) part(id string) (Score, *StageRef, bool) {
	at, ok := x.place(id)
	if !ok || at.Pillar >= len(x.r.Pillars) {
		return Score{}, nil, false
	}
	pr := &x.r.Pillars[at.Pillar]
	if at.KeyAction < 0 {
		return pr.Score, pr.Stage, true
	}
	if at.KeyAction >= len(pr.KeyActions) {
		return Score{}, nil, false
	}
	return pr.KeyActions[at.KeyAction].Score, pr.KeyActions[at.KeyAction].Stage, true
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
		// fires sets Level, for the condition it names.
		return Because{Question: c.Question}, float64(l) * PointsPerLevel, true
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
	if why.Question != "" {
		l, _ := x.level(why.Question)
		why.Level = &l
	}
	return why, score, len(rec.When) > 0
}

// appendRungs appends to rungs the next rungs for what fired a
// recommendation: the question itself, or the lowest-level answered
// questions of the key action or pillar (at most MaxRungs, bank order on a
// tie); none at the top level.
func (x *scoreIndex) appendRungs(rungs []Rung, why Because) []Rung {
	if why.Question != "" {
		q, known := x.b.Question(why.Question)
		if l, ok := x.level(why.Question); known && ok && l < questions.MaxLevel {
			rungs = append(rungs, Rung{Question: q.ID, Level: l + 1, Text: q.Option(l + 1)})
		}
		return rungs
	}
	at, ok := x.place(cmp.Or(why.KeyAction, why.Pillar))
	if !ok {
		return rungs
	}
	// lowest keeps the MaxRungs lowest levels seen, in order of level and
	// then of the bank.
	var lowest [MaxRungs]struct {
		q     *questions.Question
		level int
	}
	n := 0
	for k, ka := range x.b.Pillars[at.Pillar].KeyActions {
		if at.KeyAction >= 0 && k != at.KeyAction {
			continue
		}
		for i := range ka.Questions {
			q := &ka.Questions[i]
			l, ok := x.level(q.ID)
			if !ok || l >= questions.MaxLevel || (n == MaxRungs && l >= lowest[n-1].level) {
				continue
			}
			j := min(n, MaxRungs-1)
			n = min(n+1, MaxRungs)
			for ; j > 0 && lowest[j-1].level > l; j-- {
				lowest[j] = lowest[j-1]
			}
			lowest[j].q, lowest[j].level = q, l
		}
	}
	for _, low := range lowest[:n] {
		rungs = append(rungs, Rung{Question: low.q.ID, Level: low.level + 1, Text: low.q.Option(low.level + 1)})
	}
	return rungs
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
	x := scoreIndex{b: b, answers: answers, r: r}
	var spare [16]firing // enough for most results; more go to the heap
	fired := spare[:0]
	for i := range b.Recommendations {
		rec := &b.Recommendations[i]
		why, score, ok := x.fires(rec)
		if !ok {
			continue
		}
		f := firing{rec: rec, order: i, pillar: -1}
		f.ID, f.Title, f.Gap, f.Because = rec.ID, rec.Title, Round(100-score), why
		f.KeyAction = rec.KeyAction
		if f.KeyAction == "" && why.Question != "" {
			at, _ := b.Locate(why.Question)
			f.KeyAction = b.Pillars[at.Pillar].KeyActions[at.KeyAction].ID
		} else if f.KeyAction == "" {
			f.KeyAction = why.KeyAction
		}
		f.group = cmp.Or(f.KeyAction, why.Pillar)
		if at, ok := x.place(f.group); ok {
			f.pillarID = b.Pillars[at.Pillar].ID
			if r.Pillars[at.Pillar].Score.Valid {
				f.pillar = r.Pillars[at.Pillar].Score.Value
			}
		}
		fired = append(fired, f)
	}
	// One allocation holds every recommendation's next rungs.
	rungs := make([]Rung, 0, MaxRungs*len(fired))
	for i := range fired {
		start := len(rungs)
		rungs = x.appendRungs(rungs, fired[i].Because)
		if len(rungs) > start {
			fired[i].Next = rungs[start:len(rungs):len(rungs)]
		}
		fired[i].figure = fired[i].Gap
	}
	return rank(fired)
}

// rank orders fired recommendations by rules 2 to 4 of Recommend, with
// each one's figure in place of its gap.
func rank(fired []firing) []Triggered {
	linkAfter(fired)
	// Rank positions in fired rather than moving firings about.
	ranked := make([]int, len(fired), 2*len(fired))
	for i := range ranked {
		ranked[i] = i
	}
	slices.SortStableFunc(ranked, func(i, j int) int {
		a, b := &fired[i], &fired[j]
		return cmp.Or(cmp.Compare(b.figure, a.figure), cmp.Compare(a.pillar, b.pillar), cmp.Compare(a.order, b.order))
	})
	placed := make([]bool, len(fired))
	ranked = topFirst(fired, prerequisitesFirst(fired, ranked, placed), placed)
	out := make([]Triggered, len(ranked))
	for i, at := range ranked {
		out[i] = fired[at].Triggered
	}
	return out
}

// linkAfter records, for each fired recommendation, the fired ones it
// comes after.
func linkAfter(fired []firing) {
	n := 0
	for i := range fired {
		if fired[i].rec != nil {
			n += len(fired[i].rec.After)
		}
	}
	if n == 0 {
		return
	}
	links := make([]int, 0, n)
	for i := range fired {
		start := len(links)
		if fired[i].rec == nil {
			continue
		}
		for _, id := range fired[i].rec.After {
			for j := range fired {
				if fired[j].ID == id {
					links = append(links, j)
					break
				}
			}
		}
		fired[i].after = links[start:len(links):len(links)]
	}
}

// prerequisitesFirst reorders ranked recommendations (positions in fired)
// so that none comes before a fired one it is after: each place goes to
// the best-ranked one whose fired prerequisites are all placed. ranked
// must have room for as many again; placed is scratch space, one per
// fired, all false.
func prerequisitesFirst(fired []firing, ranked []int, placed []bool) []int {
	left := ranked
	out := ranked[len(ranked):len(ranked):cap(ranked)]
	for len(left) > 0 {
		next := 0 // a cycle (which validation refuses) falls back to rank
		for i, at := range left {
			if ready(&fired[at], placed) {
				next = i
				break
			}
		}
		out = append(out, left[next])
		placed[left[next]] = true
		left = slices.Delete(left, next, next+1)
	}
	clear(placed)
	return out
}

// ready reports whether every fired recommendation f comes after is
// placed.
func ready(f *firing, placed []bool) bool {
	for _, at := range f.after {
		if !placed[at] {
			return false
		}
	}
	return true
}

// topFirst moves to the front TopCount recommendations: each place goes to
// the first one of a key action not yet placed whose fired prerequisites
// are placed, or, among those with the same figure, to the first of a pillar
// not yet placed. The rest keep their order. ordered (positions in fired)
// is reordered in place; placed is scratch space, one per fired, all
// false.
func topFirst(fired []firing, ordered []int, placed []bool) []int {
	var picked [TopCount]int
	top, left := picked[:0], ordered
	for len(top) < TopCount {
		pick := -1
		for i, at := range left {
			f := &fired[at]
			group, pillar := taken(fired, top, f)
			if group || !ready(f, placed) {
				continue
			}
			if pick < 0 {
				pick = i
			}
			if f.figure != fired[left[pick]].figure {
				break
			}
			if !pillar {
				pick = i
				break
			}
		}
		if pick < 0 {
			break
		}
		top = append(top, left[pick])
		placed[left[pick]] = true
		left = slices.Delete(left, pick, pick+1)
	}
	copy(ordered[len(top):], left)
	copy(ordered, top)
	return ordered
}

// taken reports whether f's key action (group), and its pillar, already
// have a place among top.
func taken(fired []firing, top []int, f *firing) (group, pillar bool) {
	for _, at := range top {
		group = group || fired[at].group == f.group
		pillar = pillar || fired[at].pillarID == f.pillarID
	}
	return group, pillar
}
