// Package assess is the pure scoring domain: answers in; scores, stages and
// triggered recommendations out; plus targets, comparisons, listing
// summaries and the answers-file format. It does no I/O.
package assess

import (
	"encoding/json"
	"fmt"
	"math"
	"strconv"
	"strings"

	"socialmaturity/questions"
)

// PointsPerLevel converts an answer level to points: level l scores 25·l.
const PointsPerLevel = 100.0 / questions.MaxLevel

// MinCoverage is the share of the applicable questions that must be
// answered for a result not to be provisional.
const MinCoverage = 0.7

// Answer is one answer: a level 0..4, "not sure", or "does not apply".
type Answer struct {
	Level  int
	Unsure bool
	// NA is "does not apply", allowed only on questions that may not apply:
	// such a question is left out of the scores and of coverage.
	NA bool
}

// AtLevel returns the answer at level l.
func AtLevel(l int) Answer { return Answer{Level: l} }

// NotSure is the "not sure" answer; it never scores, and it counts as
// unanswered for coverage.
var NotSure = Answer{Unsure: true}

// DoesNotApply is the "does not apply" answer.
var DoesNotApply = Answer{NA: true}

// Points is the answer's score, and false for "not sure" and "does not
// apply".
func (a Answer) Points() (float64, bool) {
	if a.Unsure || a.NA {
		return 0, false
	}
	return float64(a.Level) * PointsPerLevel, true
}

// Answers maps question ids to answers.
type Answers map[string]Answer

// Score is a score from 0 to 100, or unscored (JSON null) when nothing under
// it was answered.
type Score struct {
	Value float64
	Valid bool
}

// Scored returns a valid score.
func Scored(v float64) Score { return Score{Value: v, Valid: true} }

// MarshalJSON writes the score rounded to one decimal, or null.
func (s Score) MarshalJSON() ([]byte, error) {
	if !s.Valid {
		return []byte("null"), nil
	}
	return json.Marshal(Round(s.Value))
}

// UnmarshalJSON reads a number or null.
func (s *Score) UnmarshalJSON(data []byte) error {
	var v *float64
	if err := json.Unmarshal(data, &v); err != nil {
		return err
	}
	*s = Score{}
	if v != nil {
		*s = Scored(*v)
	}
	return nil
}

// Round rounds to one decimal, the precision scores are shown at.
func Round(v float64) float64 { return math.Round(v*10) / 10 }

// StageRef names a stage.
type StageRef struct {
	Number int    `json:"number"`
	Name   string `json:"name"`
}

// Counts are how the questions under a part (a key action, a pillar, or the
// whole bank) were answered. Applicable is Total less NotApplicable;
// Answered counts answers at a level ("not sure" is not an answer).
type Counts struct {
	Answered      int `json:"answered"`
	Unsure        int `json:"unsure"`
	NotApplicable int `json:"not_applicable"`
	Applicable    int `json:"applicable"`
	Total         int `json:"total"`
}

// Thin reports whether fewer than half of the applicable questions were
// answered: a part scored from so few answers has no stage of its own.
func (c Counts) Thin() bool { return 2*c.Answered < c.Applicable }

func (c *Counts) add(o Counts) {
	c.Answered += o.Answered
	c.Unsure += o.Unsure
	c.NotApplicable += o.NotApplicable
	c.Applicable += o.Applicable
	c.Total += o.Total
}

// Result is the outcome of scoring one set of answers against a bank.
type Result struct {
	Overall Score     `json:"overall"`
	Stage   *StageRef `json:"stage"`
	// Coverage is Answered/Applicable, 0..1.
	Coverage float64 `json:"coverage"`
	Counts
	// Provisional is true when fewer than MinCoverage of the applicable
	// questions, or fewer than half of some pillar's, were answered; Missing
	// then says what is missing.
	Provisional bool     `json:"provisional"`
	Missing     *Missing `json:"missing,omitempty"`
	// Capped is set when the overall stage was held at one stage above the
	// weakest pillar's.
	Capped          *Cap           `json:"capped,omitempty"`
	Target          *Progress      `json:"target,omitempty"`
	Pillars         []PillarResult `json:"pillars"`
	Recommendations []Triggered    `json:"recommendations"`
}

// Missing is what a provisional result lacks.
type Missing struct {
	// Answers is how many more applicable questions must be answered to
	// reach MinCoverage (0 when coverage is enough).
	Answers int `json:"answers"`
	// ThinPillars are the pillars with fewer than half of their applicable
	// questions answered, in bank order.
	ThinPillars []string `json:"thin_pillars,omitempty"`
}

// Cap records that the overall stage was lowered to one stage above the
// weakest pillar's.
type Cap struct {
	// Pillar is the weakest pillar with a stage of its own.
	Pillar      string   `json:"pillar"`
	PillarStage StageRef `json:"pillar_stage"`
	// Uncapped is the stage the overall score alone would give.
	Uncapped StageRef `json:"uncapped"`
}

// PillarResult is one pillar's score; Stage is nil when the pillar is
// unscored or thin.
type PillarResult struct {
	ID    string    `json:"id"`
	Score Score     `json:"score"`
	Stage *StageRef `json:"stage"`
	Counts
	Target     *Progress         `json:"target,omitempty"`
	KeyActions []KeyActionResult `json:"key_actions"`
}

// KeyActionResult is one key action's score and how much of it was
// answered; Stage is nil when it is unscored or thin (and in results
// stored before scoring v2).
type KeyActionResult struct {
	ID    string    `json:"id"`
	Score Score     `json:"score"`
	Stage *StageRef `json:"stage"`
	Counts
}

// Targets are optional goals, overall and per pillar id.
type Targets struct {
	Overall *float64
	Pillars map[string]float64
}

// Progress compares a score with its target.
type Progress struct {
	Target float64 `json:"target"`
	// Gap is how many points the score is short of the target (0 when met).
	Gap float64 `json:"gap"`
	// Done is the share of the target reached, 0..1.
	Done float64 `json:"progress"`
}

// MarshalJSON writes the gap rounded like scores and the progress to three
// decimals.
func (p Progress) MarshalJSON() ([]byte, error) {
	type plain Progress
	return json.Marshal(plain{Target: p.Target, Gap: Round(p.Gap), Done: math.Round(p.Done*1000) / 1000})
}

func progress(s Score, target float64) *Progress {
	p := &Progress{Target: target}
	if !s.Valid {
		p.Gap = target
		return p
	}
	p.Gap = math.Max(0, target-s.Value)
	if target <= 0 {
		p.Done = 1
	} else {
		p.Done = math.Min(1, s.Value/target)
	}
	return p
}

// weighted accumulates a weighted mean over scored parts.
type weighted struct{ sum, weight float64 }

func (w *weighted) add(s Score, weight float64) {
	if s.Valid {
		w.sum += s.Value * weight
		w.weight += weight
	}
}

func (w weighted) score() Score {
	if w.weight == 0 {
		return Score{}
	}
	return Scored(w.sum / w.weight)
}

// Evaluate scores answers against a bank:
//   - a question's score is 25 points per level; a key action's is the
//     weighted mean of its answered questions, a pillar's of its scored key
//     actions, the overall score of the scored pillars;
//   - "not sure" and unanswered questions are left out of the scores but
//     count against coverage; "does not apply" (on a question that may not
//     apply) is left out of both;
//   - a stage is the highest stage whose minimum is at most the score; a
//     pillar or key action (or the whole) answered for fewer than half of
//     its applicable questions has no stage of its own;
//   - the overall stage is never more than one stage above the weakest
//     pillar's (Capped says so);
//   - the result is provisional when fewer than 70% of the applicable
//     questions, or fewer than half of some pillar's, were answered.
//
// Answers to ids the bank does not have, and "does not apply" on a question
// that always applies, are ignored; levels are clamped to the ladder.
// Recommendations are ranked as Recommend describes.
func Evaluate(b *questions.Bank, answers Answers, targets Targets) Result {
	parts := 0
	for _, pillar := range b.Pillars {
		parts += len(pillar.KeyActions)
	}
	r := Result{Pillars: make([]PillarResult, len(b.Pillars))}
	kas := make([]KeyActionResult, parts)
	// A stage for every key action, pillar and the whole, and a held one.
	st := stages{b: b, free: make([]StageRef, parts+len(b.Pillars)+2)}
	var overall weighted
	for p, pillar := range b.Pillars {
		n := len(pillar.KeyActions)
		pr := PillarResult{ID: pillar.ID, KeyActions: kas[:n:n]}
		kas = kas[n:]
		var pw weighted
		for k, ka := range pillar.KeyActions {
			kr := KeyActionResult{ID: ka.ID}
			var kw weighted
			for i := range ka.Questions {
				q := &ka.Questions[i]
				kr.Total++
				a, ok := answers[q.ID]
				switch {
				case ok && a.NA && q.MayNotApply:
					kr.NotApplicable++
					continue
				case ok && a.Unsure:
					kr.Unsure++
				case ok && !a.NA:
					kr.Answered++
					kw.add(Scored(float64(clampLevel(a.Level))*PointsPerLevel), q.Weight.Value())
				}
				kr.Applicable++
			}
			kr.Score = kw.score()
			kr.Stage = st.part(kr.Score, kr.Counts)
			pw.add(kr.Score, ka.Weight.Value())
			pr.Counts.add(kr.Counts)
			pr.KeyActions[k] = kr
		}
		pr.Score = pw.score()
		pr.Stage = st.part(pr.Score, pr.Counts)
		if t, ok := targets.Pillars[pillar.ID]; ok {
			pr.Target = progress(pr.Score, t)
		}
		overall.add(pr.Score, pillar.Weight.Value())
		r.Counts.add(pr.Counts)
		r.Pillars[p] = pr
	}
	r.Overall = overall.score()
	r.Stage, r.Capped = st.capped(r.Overall, r.Counts, r.Pillars)
	if r.Applicable > 0 {
		r.Coverage = float64(r.Answered) / float64(r.Applicable)
	}
	r.Provisional, r.Missing = provisional(&r)
	if targets.Overall != nil {
		r.Target = progress(r.Overall, *targets.Overall)
	}
	r.Recommendations = Recommend(b, answers, &r)
	return r
}

func clampLevel(l int) int { return min(max(l, 0), questions.MaxLevel) }

// StageOf is the highest stage whose minimum is at most the score, or nil
// for an unscored score.
func StageOf(b *questions.Bank, s Score) *StageRef {
	st := stages{b: b}
	return st.of(s)
}

// stageIndex is the index in b.Stages of StageOf(b, s), or -1.
func stageIndex(b *questions.Bank, s Score) int {
	if !s.Valid || len(b.Stages) == 0 {
		return -1
	}
	at := 0
	for i, candidate := range b.Stages[1:] {
		if candidate.Min <= s.Value+1e-9 {
			at = i + 1
		}
	}
	return at
}

// stages hands out the stages of a result, each its own StageRef, from
// free (one allocation for a whole result) while it lasts.
type stages struct {
	b    *questions.Bank
	free []StageRef
}

// ref is a new StageRef for b.Stages[i].
func (st *stages) ref(i int) *StageRef {
	if len(st.free) == 0 {
		st.free = make([]StageRef, 1)
	}
	ref := &st.free[0]
	st.free = st.free[1:]
	*ref = StageRef{Number: st.b.Stages[i].Number, Name: st.b.Stages[i].Name}
	return ref
}

// of is StageOf.
func (st *stages) of(s Score) *StageRef {
	i := stageIndex(st.b, s)
	if i < 0 {
		return nil
	}
	return st.ref(i)
}

// part is a pillar's or key action's stage: none when it is thin.
func (st *stages) part(s Score, c Counts) *StageRef {
	if c.Thin() {
		return nil
	}
	return st.of(s)
}

// capped is the overall stage: none when fewer than half of the
// applicable questions were answered, and never more than one stage above
// the weakest pillar with a stage of its own (the one with the lowest
// score; the first in bank order on a tie).
func (st *stages) capped(overall Score, c Counts, pillars []PillarResult) (*StageRef, *Cap) {
	stage := st.part(overall, c)
	if stage == nil {
		return nil, nil
	}
	at := stageIndex(st.b, overall)
	weakest := -1
	for i, p := range pillars {
		if p.Stage != nil && (weakest < 0 || p.Score.Value < pillars[weakest].Score.Value) {
			weakest = i
		}
	}
	if weakest < 0 {
		return stage, nil
	}
	limit := stageIndex(st.b, pillars[weakest].Score) + 1
	if at <= limit {
		return stage, nil
	}
	return st.ref(limit), &Cap{
		Pillar: pillars[weakest].ID, PillarStage: *pillars[weakest].Stage, Uncapped: *stage,
	}
}

// provisional reports whether r rests on too few answers, and what is
// missing.
func provisional(r *Result) (bool, *Missing) {
	answers := max(0, int(math.Ceil(MinCoverage*float64(r.Applicable)-1e-9))-r.Answered)
	var thin []string
	for _, p := range r.Pillars {
		if p.Thin() {
			thin = append(thin, p.ID)
		}
	}
	if answers == 0 && len(thin) == 0 && r.Answered > 0 {
		return false, nil
	}
	return true, &Missing{Answers: answers, ThinPillars: thin}
}

// ParseTarget reads one target given as "overall=N" or "PILLAR=N" (N from 0
// to 100) into t, checking the pillar against the bank. A target already in
// t is not given again.
func ParseTarget(b *questions.Bank, s string, t *Targets) error {
	name, value, ok := strings.Cut(s, "=")
	name = strings.TrimSpace(name)
	if !ok || name == "" {
		return fmt.Errorf("target %q must look like overall=70 or PILLAR=60", s)
	}
	n, err := strconv.ParseFloat(strings.TrimSpace(value), 64)
	if err != nil || math.IsNaN(n) || n < 0 || n > 100 {
		return fmt.Errorf("target %q: %q is not a number from 0 to 100", s, value)
	}
	if name == "overall" {
		if t.Overall != nil {
			return fmt.Errorf("target %q: overall is already given (%g)", s, *t.Overall)
		}
		t.Overall = &n
		return nil
	}
	for _, p := range b.Pillars {
		if p.ID == name {
			if old, ok := t.Pillars[name]; ok {
				return fmt.Errorf("target %q: %s is already given (%g)", s, name, old)
			}
			if t.Pillars == nil {
				t.Pillars = map[string]float64{}
			}
			t.Pillars[name] = n
			return nil
		}
	}
	ids := make([]string, len(b.Pillars))
	for i, p := range b.Pillars {
		ids[i] = p.ID
	}
	return fmt.Errorf("target %q: %q is neither overall nor a pillar (%s)", s, name, strings.Join(ids, ", "))
}
