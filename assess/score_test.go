package assess

import (
	"encoding/json"
	"math"
	"math/rand/v2"
	"strings"
	"testing"

	"socialmaturity/questions"
)

func defaultBank(t testing.TB) *questions.Bank {
	t.Helper()
	b, err := questions.Default()
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// answerAll answers every question of the bank with level(pillar, question).
func answerAll(b *questions.Bank, level func(pillar string, q string) (Answer, bool)) Answers {
	a := Answers{}
	for _, p := range b.Pillars {
		for _, ka := range p.KeyActions {
			for _, q := range ka.Questions {
				if ans, ok := level(p.ID, q.ID); ok {
					a[q.ID] = ans
				}
			}
		}
	}
	return a
}

func near(a, b float64) bool { return math.Abs(a-b) < 0.05 }

func TestEvaluateContract(t *testing.T) {
	b := defaultBank(t)
	firstKA := b.Pillars[0].KeyActions[0]
	cases := []struct {
		name      string
		answers   Answers
		overall   Score
		stage     int // 0 = none
		coverage  float64
		pillars   []Score
		unscoredK string // a key action that must be unscored
	}{
		{
			name:     "all at the top",
			answers:  answerAll(b, func(string, string) (Answer, bool) { return AtLevel(4), true }),
			overall:  Scored(100),
			stage:    5,
			coverage: 1,
			pillars:  []Score{Scored(100), Scored(100), Scored(100)},
		},
		{
			name:     "all at the bottom",
			answers:  answerAll(b, func(string, string) (Answer, bool) { return AtLevel(0), true }),
			overall:  Scored(0),
			stage:    1,
			coverage: 1,
			pillars:  []Score{Scored(0), Scored(0), Scored(0)},
		},
		{
			name: "one pillar at the top, the rest at the bottom",
			answers: answerAll(b, func(p, _ string) (Answer, bool) {
				if p == "culture" {
					return AtLevel(4), true
				}
				return AtLevel(0), true
			}),
			overall:  Scored(100.0 / 3),
			stage:    2,
			coverage: 1,
			pillars:  []Score{Scored(0), Scored(0), Scored(100)},
		},
		{
			name:     "all at level 2",
			answers:  answerAll(b, func(string, string) (Answer, bool) { return AtLevel(2), true }),
			overall:  Scored(50),
			stage:    3,
			coverage: 1,
			pillars:  []Score{Scored(50), Scored(50), Scored(50)},
		},
		{
			name: "a key action all not sure is unscored, never 0",
			answers: answerAll(b, func(_ string, q string) (Answer, bool) {
				for _, fq := range firstKA.Questions {
					if fq.ID == q {
						return NotSure, true
					}
				}
				return AtLevel(3), true
			}),
			overall:   Scored(75),
			stage:     4,
			coverage:  float64(b.QuestionCount()-len(firstKA.Questions)) / float64(b.QuestionCount()),
			pillars:   []Score{Scored(75), Scored(75), Scored(75)},
			unscoredK: firstKA.ID,
		},
		{
			name:     "nothing answered",
			answers:  Answers{},
			overall:  Score{},
			stage:    0,
			coverage: 0,
			pillars:  []Score{{}, {}, {}},
		},
		{
			name:     "only not sure",
			answers:  answerAll(b, func(string, string) (Answer, bool) { return NotSure, true }),
			overall:  Score{},
			coverage: 0,
			pillars:  []Score{{}, {}, {}},
		},
		{
			// Fewer than half of the questions answered: no stage is claimed.
			name: "one pillar answered",
			answers: answerAll(b, func(p, _ string) (Answer, bool) {
				return AtLevel(1), p == "value"
			}),
			overall:  Scored(25),
			stage:    0,
			coverage: 10.0 / 29,
			pillars:  []Score{{}, Scored(25), {}},
		},
		{
			name:     "unknown ids are ignored",
			answers:  Answers{"no-such-question": AtLevel(4)},
			overall:  Score{},
			pillars:  []Score{{}, {}, {}},
			coverage: 0,
		},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := Evaluate(b, c.answers, Targets{})
			if r.Overall.Valid != c.overall.Valid || !near(r.Overall.Value, c.overall.Value) {
				t.Errorf("overall = %+v, want %+v", r.Overall, c.overall)
			}
			gotStage := 0
			if r.Stage != nil {
				gotStage = r.Stage.Number
			}
			if gotStage != c.stage {
				t.Errorf("stage = %d, want %d", gotStage, c.stage)
			}
			if !near(r.Coverage, c.coverage) {
				t.Errorf("coverage = %v, want %v", r.Coverage, c.coverage)
			}
			for i, want := range c.pillars {
				got := r.Pillars[i].Score
				if got.Valid != want.Valid || !near(got.Value, want.Value) {
					t.Errorf("pillar %s = %+v, want %+v", r.Pillars[i].ID, got, want)
				}
				if (r.Pillars[i].Stage == nil) == got.Valid {
					t.Errorf("pillar %s stage %v does not match its score %+v", r.Pillars[i].ID, r.Pillars[i].Stage, got)
				}
			}
			if c.unscoredK != "" && r.Pillars[0].KeyActions[0].Score.Valid {
				t.Errorf("key action %s = %+v, want unscored", c.unscoredK, r.Pillars[0].KeyActions[0].Score)
			}
			if r.Total != b.QuestionCount() {
				t.Errorf("total = %d, want %d", r.Total, b.QuestionCount())
			}
		})
	}
}

const weightedBank = `
id: weighted
version: 1
language: en
title: Weights
stages:
  - {number: 1, name: Low, min: 0, description: Low.}
  - {number: 2, name: Mid, min: 50, description: Mid.}
  - {number: 3, name: High, min: 75, description: High.}
pillars:
  - id: heavy
    title: Heavy
    thesis: Counts three times.
    weight: 3
    key_actions:
      - id: ka-a
        title: A
        summary: A.
        questions:
          - {id: a1, prompt: A1, weight: 3, options: [{level: 0, text: a}, {level: 1, text: b}, {level: 2, text: c}, {level: 3, text: d}, {level: 4, text: e}]}
          - {id: a2, prompt: A2, options: [{level: 0, text: a}, {level: 1, text: b}, {level: 2, text: c}, {level: 3, text: d}, {level: 4, text: e}]}
      - id: ka-b
        title: B
        summary: B.
        weight: 2
        questions:
          - {id: b1, prompt: B1, options: [{level: 0, text: a}, {level: 1, text: b}, {level: 2, text: c}, {level: 3, text: d}, {level: 4, text: e}]}
  - id: light
    title: Light
    thesis: Counts once.
    key_actions:
      - id: ka-c
        title: C
        summary: C.
        questions:
          - {id: c1, prompt: C1, options: [{level: 0, text: a}, {level: 1, text: b}, {level: 2, text: c}, {level: 3, text: d}, {level: 4, text: e}]}
recommendations:
  - {id: r-b, title: Fix B, why: B is weak., steps: [One, Two], when: [{key_action: ka-b, below: 50}]}
  - {id: r-c, title: Fix C, why: C is weak., steps: [One, Two], when: [{key_action: ka-c, below: 50}]}
  - {id: r-a1, title: Fix A1, why: A1 is low., steps: [One, Two], when: [{question: a1, at_most: 1}]}
  - {id: r-both, title: Fix A1 and C, why: Both low., steps: [One, Two], when: [{question: a1, at_most: 1}, {key_action: ka-c, below: 50}]}
  - {id: r-light, title: Fix light, why: Light is weak., steps: [One, Two], when: [{pillar: light, below: 100}]}
`

func loadBank(t testing.TB, src string) *questions.Bank {
	t.Helper()
	b, err := questions.Load("test.yaml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestEvaluateWeights(t *testing.T) {
	b := loadBank(t, weightedBank)
	r := Evaluate(b, Answers{"a1": AtLevel(4), "a2": AtLevel(0), "b1": AtLevel(1), "c1": AtLevel(2)}, Targets{})
	// ka-a = (100·3 + 0·1)/4 = 75; ka-b = 25; heavy = (75·1 + 25·2)/3 = 41.67;
	// light = 50; overall = (41.67·3 + 50·1)/4 = 43.75.
	want := map[string]float64{"ka-a": 75, "ka-b": 25, "heavy": 125.0 / 3, "light": 50, "overall": 43.75}
	got := map[string]float64{
		"ka-a": r.Pillars[0].KeyActions[0].Score.Value, "ka-b": r.Pillars[0].KeyActions[1].Score.Value,
		"heavy": r.Pillars[0].Score.Value, "light": r.Pillars[1].Score.Value, "overall": r.Overall.Value,
	}
	for k, w := range want {
		if !near(got[k], w) {
			t.Errorf("%s = %.3f, want %.3f", k, got[k], w)
		}
	}
	if r.Stage == nil || r.Stage.Name != "Low" {
		t.Errorf("stage = %+v, want Low", r.Stage)
	}
}

func TestStageBoundaries(t *testing.T) {
	b := defaultBank(t)
	for _, c := range []struct {
		score float64
		stage int
	}{{0, 1}, {12.49, 1}, {12.5, 2}, {37.49, 2}, {37.5, 3}, {62.49, 3}, {62.5, 4}, {87.49, 4}, {87.5, 5}, {100, 5}} {
		if got := StageOf(b, Scored(c.score)); got == nil || got.Number != c.stage {
			t.Errorf("StageOf(%v) = %+v, want %d", c.score, got, c.stage)
		}
	}
	if StageOf(b, Score{}) != nil {
		t.Error("an unscored score has a stage")
	}
}

func ids(ts []Triggered) string {
	s := make([]string, len(ts))
	for i, t := range ts {
		s[i] = t.ID
	}
	return strings.Join(s, ",")
}

func TestRecommendationsTriggerAndRank(t *testing.T) {
	b := loadBank(t, weightedBank)
	cases := []struct {
		name    string
		answers Answers
		want    string
		gaps    []float64
	}{
		{
			// A gap is 100 less the score of what fired it: ka-b 0 → 100;
			// a1 at level 0 → 100; ka-c 25 → 75; r-both fires because of
			// its condition with the higher score, ka-c → 75; light 25 → 75.
			// Ties go to the weaker pillar (heavy 8.3 before light 25), then
			// bank order; r-both moves below the top three, which r-c
			// already takes for ka-c.
			name:    "ranked by gap, ties to the weaker pillar, then bank order",
			answers: Answers{"a1": AtLevel(0), "a2": AtLevel(4), "b1": AtLevel(0), "c1": AtLevel(1)},
			want:    "r-b,r-a1,r-c,r-both,r-light",
			gaps:    []float64{100, 100, 75, 75, 75},
		},
		{
			name:    "nothing weak",
			answers: Answers{"a1": AtLevel(4), "a2": AtLevel(4), "b1": AtLevel(4), "c1": AtLevel(4)},
			want:    "",
		},
		{
			name:    "all-of needs every condition",
			answers: Answers{"a1": AtLevel(1), "c1": AtLevel(4)},
			want:    "r-a1",
			gaps:    []float64{75},
		},
		{
			name:    "unanswered and not sure never trigger",
			answers: Answers{"a1": NotSure},
			want:    "",
		},
		{
			name:    "at the threshold does not trigger",
			answers: Answers{"b1": AtLevel(2), "a1": AtLevel(2), "c1": AtLevel(2)},
			want:    "r-light",
			gaps:    []float64{50},
		},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := Evaluate(b, c.answers, Targets{})
			if got := ids(r.Recommendations); got != c.want {
				t.Fatalf("triggered %q, want %q", got, c.want)
			}
			for i, want := range c.gaps {
				if r.Recommendations[i].Gap != want {
					t.Errorf("%s gap = %v, want %v", r.Recommendations[i].ID, r.Recommendations[i].Gap, want)
				}
			}
		})
	}
}

func TestTargets(t *testing.T) {
	b := defaultBank(t)
	all2 := answerAll(b, func(string, string) (Answer, bool) { return AtLevel(2), true })
	var tg Targets
	for _, s := range []string{"overall=80", "culture=40"} {
		if err := ParseTarget(b, s, &tg); err != nil {
			t.Fatal(err)
		}
	}
	r := Evaluate(b, all2, tg)
	if r.Target == nil || r.Target.Gap != 30 || !near(r.Target.Done, 50.0/80) {
		t.Errorf("overall target = %+v, want gap 30, progress 0.625", r.Target)
	}
	culture := r.Pillars[2]
	if culture.Target == nil || culture.Target.Gap != 0 || culture.Target.Done != 1 {
		t.Errorf("culture target = %+v, want met", culture.Target)
	}
	if r.Pillars[0].Target != nil {
		t.Errorf("a pillar without a target has one: %+v", r.Pillars[0].Target)
	}
	none := Evaluate(b, Answers{}, tg)
	if none.Target.Gap != 80 || none.Target.Done != 0 {
		t.Errorf("unscored target = %+v, want the whole gap", none.Target)
	}
	for _, bad := range []string{"overall", "=50", "overall=101", "overall=-1", "overall=NaN", "nope=50", "overall=x"} {
		if err := ParseTarget(b, bad, &Targets{}); err == nil {
			t.Errorf("ParseTarget(%q) accepted it", bad)
		}
	}
	// QA M4: a second target for the same thing is refused, not silently kept.
	for _, again := range []string{"overall=70", "culture=60"} {
		if err := ParseTarget(b, again, &tg); err == nil || !strings.Contains(err.Error(), "already given") {
			t.Errorf("ParseTarget(%q) again: %v", again, err)
		}
	}
}

// QA M4: the gap is written rounded like scores.
func TestProgressJSONIsRounded(t *testing.T) {
	out, err := json.Marshal(progress(Scored(38.888888), 60))
	if err != nil || string(out) != `{"target":60,"gap":21.1,"progress":0.648}` {
		t.Errorf("progress JSON = %s, %v", out, err)
	}
}

// Raising any one answer never lowers any score.
func TestRaisingAnAnswerNeverLowersAScore(t *testing.T) {
	b := defaultBank(t)
	rng := rand.New(rand.NewPCG(1, 2))
	var ids []string
	for _, q := range b.AllQuestions() {
		ids = append(ids, q.ID)
	}
	for range 2000 {
		a := Answers{}
		for _, id := range ids {
			switch n := rng.IntN(7); {
			case n == 5:
				a[id] = NotSure
			case n < 5:
				a[id] = AtLevel(n)
			}
		}
		q := ids[rng.IntN(len(ids))]
		before, ok := a[q]
		if !ok || before.Unsure || before.Level == questions.MaxLevel {
			continue
		}
		lo := Evaluate(b, a, Targets{})
		a[q] = AtLevel(before.Level + 1)
		hi := Evaluate(b, a, Targets{})
		check := func(what string, l, h Score) {
			if l.Valid && (!h.Valid || h.Value < l.Value-1e-9) {
				t.Fatalf("raising %s from %d lowered %s: %+v → %+v", q, before.Level, what, l, h)
			}
		}
		check("overall", lo.Overall, hi.Overall)
		for i := range lo.Pillars {
			check(lo.Pillars[i].ID, lo.Pillars[i].Score, hi.Pillars[i].Score)
			for k := range lo.Pillars[i].KeyActions {
				check(lo.Pillars[i].KeyActions[k].ID, lo.Pillars[i].KeyActions[k].Score, hi.Pillars[i].KeyActions[k].Score)
			}
		}
	}
}

func TestResultJSONHasNullForUnscored(t *testing.T) {
	b := defaultBank(t)
	r := Evaluate(b, Answers{"eng-channels": AtLevel(1)}, Targets{})
	data, err := json.Marshal(r)
	if err != nil {
		t.Fatal(err)
	}
	var back struct {
		Overall *float64 `json:"overall"`
		Pillars []struct {
			ID    string   `json:"id"`
			Score *float64 `json:"score"`
		} `json:"pillars"`
	}
	if err := json.Unmarshal(data, &back); err != nil {
		t.Fatal(err)
	}
	if back.Overall == nil || *back.Overall != 25 {
		t.Errorf("overall = %v, want 25", back.Overall)
	}
	if back.Pillars[1].Score != nil {
		t.Errorf("unscored pillar %s = %v, want null", back.Pillars[1].ID, *back.Pillars[1].Score)
	}
	var again Result
	if err := json.Unmarshal(data, &again); err != nil || again.Overall != r.Overall || again.Pillars[1].Score.Valid {
		t.Errorf("round trip = %+v, %v", again.Overall, err)
	}
}

func BenchmarkEvaluate(b *testing.B) {
	bank := defaultBank(b)
	a := answerAll(bank, func(_, q string) (Answer, bool) { return AtLevel(len(q) % 5), true })
	b.ReportAllocs()
	for b.Loop() {
		Evaluate(bank, a, Targets{})
	}
}
