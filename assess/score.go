// Package assess is the pure scoring domain: answers in; scores, stages and
// triggered recommendations out; plus targets, comparisons, listing
// summaries and the answers-file format. It does no I/O.
package assess

import (
	"encoding/json"
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"

	"socialmaturity/questions"
)

// PointsPerLevel converts an answer level to points: level l scores 25·l.
const PointsPerLevel = 100.0 / questions.MaxLevel

// Answer is one answer: a level 0..4, or "not sure".
type Answer struct {
	Level  int
	Unsure bool
}

// AtLevel returns the answer at level l.
func AtLevel(l int) Answer { return Answer{Level: l} }

// NotSure is the "not sure" answer; it never scores.
var NotSure = Answer{Unsure: true}

// Points is the answer's score, and false for "not sure".
func (a Answer) Points() (float64, bool) {
	if a.Unsure {
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

// Result is the outcome of scoring one set of answers against a bank.
type Result struct {
	Overall         Score          `json:"overall"`
	Stage           *StageRef      `json:"stage"`
	Coverage        float64        `json:"coverage"`
	Answered        int            `json:"answered"`
	Unsure          int            `json:"unsure"`
	Total           int            `json:"total"`
	Target          *Progress      `json:"target,omitempty"`
	Pillars         []PillarResult `json:"pillars"`
	Recommendations []Triggered    `json:"recommendations"`
}

// PillarResult is one pillar's score.
type PillarResult struct {
	ID         string            `json:"id"`
	Score      Score             `json:"score"`
	Stage      *StageRef         `json:"stage"`
	Target     *Progress         `json:"target,omitempty"`
	KeyActions []KeyActionResult `json:"key_actions"`
}

// KeyActionResult is one key action's score and how much of it was answered.
type KeyActionResult struct {
	ID       string `json:"id"`
	Score    Score  `json:"score"`
	Answered int    `json:"answered"`
	Unsure   int    `json:"unsure"`
	Total    int    `json:"total"`
}

// Triggered is a recommendation whose conditions all hold.
type Triggered struct {
	ID     string  `json:"id"`
	Title  string  `json:"title"`
	Impact float64 `json:"impact"`
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

// Evaluate scores answers against a bank. Answers to ids the bank does not
// have are ignored; levels are clamped to the ladder.
func Evaluate(b *questions.Bank, answers Answers, targets Targets) Result {
	r := Result{Pillars: make([]PillarResult, len(b.Pillars))}
	var overall weighted
	for p, pillar := range b.Pillars {
		pr := PillarResult{ID: pillar.ID, KeyActions: make([]KeyActionResult, len(pillar.KeyActions))}
		var pw weighted
		for k, ka := range pillar.KeyActions {
			kr := KeyActionResult{ID: ka.ID, Total: len(ka.Questions)}
			var kw weighted
			for _, q := range ka.Questions {
				a, ok := answers[q.ID]
				if !ok {
					continue
				}
				if a.Unsure {
					kr.Unsure++
					continue
				}
				kr.Answered++
				kw.add(Scored(float64(clampLevel(a.Level))*PointsPerLevel), q.Weight.Value())
			}
			kr.Score = kw.score()
			pw.add(kr.Score, ka.Weight.Value())
			r.Answered += kr.Answered
			r.Unsure += kr.Unsure
			r.Total += kr.Total
			pr.KeyActions[k] = kr
		}
		pr.Score = pw.score()
		pr.Stage = StageOf(b, pr.Score)
		if t, ok := targets.Pillars[pillar.ID]; ok {
			pr.Target = progress(pr.Score, t)
		}
		overall.add(pr.Score, pillar.Weight.Value())
		r.Pillars[p] = pr
	}
	r.Overall = overall.score()
	r.Stage = StageOf(b, r.Overall)
	if r.Total > 0 {
		r.Coverage = float64(r.Answered) / float64(r.Total)
	}
	if targets.Overall != nil {
		r.Target = progress(r.Overall, *targets.Overall)
	}
	r.Recommendations = triggered(b, answers, &r)
	return r
}

func clampLevel(l int) int { return min(max(l, 0), questions.MaxLevel) }

// StageOf is the highest stage whose minimum is at most the score, or nil
// for an unscored score.
func StageOf(b *questions.Bank, s Score) *StageRef {
	if !s.Valid || len(b.Stages) == 0 {
		return nil
	}
	st := b.Stages[0]
	for _, candidate := range b.Stages[1:] {
		if candidate.Min <= s.Value+1e-9 {
			st = candidate
		}
	}
	return &StageRef{Number: st.Number, Name: st.Name}
}

// scoredPart is a key action's or pillar's score with its weight.
type scoredPart struct {
	score  Score
	weight float64
}

// triggered returns the recommendations whose conditions all hold, ranked by
// impact, highest first; ties keep bank order. A rule's impact is the least
// impact of its conditions.
func triggered(b *questions.Bank, answers Answers, r *Result) []Triggered {
	parts := map[string]scoredPart{}
	for p, pillar := range b.Pillars {
		parts[pillar.ID] = scoredPart{r.Pillars[p].Score, pillar.Weight.Value()}
		for k, ka := range pillar.KeyActions {
			parts[ka.ID] = scoredPart{r.Pillars[p].KeyActions[k].Score, ka.Weight.Value()}
		}
	}
	out := []Triggered{}
	for _, rec := range b.Recommendations {
		impact, holds := math.Inf(1), len(rec.When) > 0
		for _, c := range rec.When {
			ci, ok := conditionImpact(b, answers, parts, c)
			if !ok {
				holds = false
				break
			}
			impact = math.Min(impact, ci)
		}
		if holds {
			out = append(out, Triggered{ID: rec.ID, Title: rec.Title, Impact: Round(impact)})
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Impact > out[j].Impact })
	return out
}

// conditionImpact reports whether a condition holds and, if so, how far below
// its threshold the score is, times the weight of what it concerns. An
// unanswered, "not sure" or unscored subject never triggers.
func conditionImpact(b *questions.Bank, answers Answers, parts map[string]scoredPart, c questions.Condition) (float64, bool) {
	if c.Question != "" {
		q, ok := b.Question(c.Question)
		a, answered := answers[c.Question]
		if !ok || !answered || a.Unsure || c.AtMost == nil || clampLevel(a.Level) > *c.AtMost {
			return 0, false
		}
		return float64(*c.AtMost-clampLevel(a.Level)+1) * PointsPerLevel * q.Weight.Value(), true
	}
	subject := c.KeyAction
	if c.Pillar != "" {
		subject = c.Pillar
	}
	part, ok := parts[subject]
	if !ok || !part.score.Valid || c.Below == nil || part.score.Value >= *c.Below {
		return 0, false
	}
	return (*c.Below - part.score.Value) * part.weight, true
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
