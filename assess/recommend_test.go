package assess

import (
	"encoding/json"
	"math/rand/v2"
	"testing"

	"socialmaturity/questions"
)

// rankBank has two pillars; its key actions have every tier, and finer
// recommendations with prerequisites.
const rankBank = `
id: rank
version: 2
language: en
title: Ranking
scope: Answer for your unit.
sources: [{id: src, cite: A report (2021)}]
facts: [{id: f1, value: 0.5, format: percent, text: "{value} do it", source: src}]
stages:
  - {number: 1, name: Starting, min: 0, description: S.}
  - {number: 2, name: Exploring, min: 12.5, description: E.}
  - {number: 3, name: Repeatable, min: 37.5, description: R.}
  - {number: 4, name: Defined, min: 62.5, description: D.}
  - {number: 5, name: Integrated, min: 87.5, description: I.}
pillars:
  - id: strong
    title: Strong
    thesis: T.
    intro: [f1]
    key_actions:
      - id: ka
        title: Key A
        summary: A.
        questions:
          - {id: a1, prompt: A1, help: Look., who_knows: the lead, options: [{level: 0, text: a0}, {level: 1, text: a1}, {level: 2, text: a2}, {level: 3, text: a3}, {level: 4, text: a4}]}
          - {id: a2, prompt: A2, help: Look., who_knows: the lead, options: [{level: 0, text: b0}, {level: 1, text: b1}, {level: 2, text: b2}, {level: 3, text: b3}, {level: 4, text: b4}]}
          - {id: a3, prompt: A3, help: Look., who_knows: the lead, may_not_apply: true, not_applicable: No such team., options: [{level: 0, text: c0}, {level: 1, text: c1}, {level: 2, text: c2}, {level: 3, text: c3}, {level: 4, text: c4}]}
  - id: weak
    title: Weak
    thesis: T.
    key_actions:
      - id: kb
        title: Key B
        summary: B.
        questions:
          - {id: b1, prompt: B1, help: Look., who_knows: the lead, options: [{level: 0, text: d0}, {level: 1, text: d1}, {level: 2, text: d2}, {level: 3, text: d3}, {level: 4, text: d4}]}
      - id: kc
        title: Key C
        summary: C.
        questions:
          - {id: c1, prompt: C1, help: Look., who_knows: the lead, options: [{level: 0, text: e0}, {level: 1, text: e1}, {level: 2, text: e2}, {level: 3, text: e3}, {level: 4, text: e4}]}
recommendations:
  - {id: a-build, key_action: ka, tier: build, title: Build A, why: W., steps: {alone: [x], propose: [y]}}
  - {id: a-define, key_action: ka, tier: define, title: Define A, why: W., steps: {alone: [x], propose: [y]}}
  - {id: a-connect, key_action: ka, tier: connect, title: Connect A, why: W., steps: {alone: [x], propose: [y]}}
  - {id: a-start, key_action: ka, title: Start A, why: W., steps: {alone: [x], propose: [y]}, when: [{question: a1, at_most: 0}]}
  - {id: a-wide, key_action: ka, after: [a-start, a-build], title: Widen A, why: W., steps: {alone: [x], propose: [y]}, when: [{question: a2, at_most: 1}]}
  - {id: b-build, key_action: kb, tier: build, title: Build B, why: W., steps: {alone: [x], propose: [y]}}
  - {id: b-define, key_action: kb, tier: define, title: Define B, why: W., steps: {alone: [x], propose: [y]}}
  - {id: b-connect, key_action: kb, tier: connect, title: Connect B, why: W., steps: {alone: [x], propose: [y]}}
  - {id: c-build, key_action: kc, tier: build, title: Build C, why: W., steps: {alone: [x], propose: [y]}}
  - {id: c-define, key_action: kc, tier: define, title: Define C, why: W., steps: {alone: [x], propose: [y]}}
  - {id: c-connect, key_action: kc, tier: connect, title: Connect C, why: W., steps: {alone: [x], propose: [y]}}
`

func TestRankingRule(t *testing.T) {
	b := loadBank(t, rankBank)
	cases := []struct {
		name    string
		answers Answers
		want    string
		gaps    []float64
	}{
		{
			// Every key action at 25 (gap 75), and a1 at 0 (gap 100): the
			// largest gap first, then the weaker pillar (kb, kc) before the
			// stronger one's tier; one per key action in the top three.
			name:    "gap, then the weaker pillar, one per key action",
			answers: Answers{"a1": AtLevel(0), "a2": AtLevel(2), "a3": AtLevel(1), "b1": AtLevel(1), "c1": AtLevel(1)},
			want:    "a-start,b-build,c-build,a-build",
			gaps:    []float64{100, 75, 75, 75},
		},
		{
			// a-wide (a2 at 0, gap 100) comes after a-build (ka at 33.3,
			// gap 66.7): prerequisites first, even with a larger gap.
			name:    "prerequisites first",
			answers: Answers{"a1": AtLevel(2), "a2": AtLevel(0), "a3": AtLevel(2), "b1": AtLevel(3), "c1": AtLevel(4)},
			want:    "a-build,b-connect,a-wide",
			gaps:    []float64{66.7, 25, 100},
		},
		{
			name:    "tiers by score: define from 37.5, connect from 62.5, none from 87.5",
			answers: Answers{"a1": AtLevel(1), "a2": AtLevel(2), "b1": AtLevel(3), "c1": AtLevel(4)},
			want:    "a-define,b-connect",
			gaps:    []float64{62.5, 25},
		},
		{
			name:    "not sure and does not apply fire nothing",
			answers: Answers{"a1": NotSure, "a2": NotSure, "a3": DoesNotApply},
			want:    "",
		},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := Evaluate(b, c.answers, Targets{})
			if got := ids(r.Recommendations); got != c.want {
				t.Fatalf("ranked %s, want %s", got, c.want)
			}
			for i, g := range c.gaps {
				if r.Recommendations[i].Gap != g {
					t.Errorf("%s gap = %v, want %v", r.Recommendations[i].ID, r.Recommendations[i].Gap, g)
				}
			}
		})
	}
}

func TestBecauseAndNextRung(t *testing.T) {
	b := loadBank(t, rankBank)
	r := Evaluate(b, Answers{"a1": AtLevel(0), "a2": AtLevel(3), "a3": AtLevel(1), "b1": AtLevel(4), "c1": AtLevel(4)}, Targets{})
	byID := map[string]Triggered{}
	for _, t := range r.Recommendations {
		byID[t.ID] = t
	}
	start, build := byID["a-start"], byID["a-build"]
	if start.Because.Question != "a1" || start.Because.Level == nil || *start.Because.Level != 0 || start.Gap != 100 {
		t.Errorf("a-start because %+v, gap %v", start.Because, start.Gap)
	}
	if len(start.Next) != 1 || start.Next[0] != (Rung{Question: "a1", Level: 1, Text: "a1"}) {
		t.Errorf("a-start next = %+v", start.Next)
	}
	// ka = (0 + 75 + 25)/3 = 33.3, stage 2; its two lowest answers are a1
	// (0) and a3 (1).
	if build.Because.KeyAction != "ka" || !near(build.Because.Score.Value, 100.0/3) || build.Because.Stage == nil || build.Because.Stage.Number != 2 {
		t.Errorf("a-build because %+v", build.Because)
	}
	if want := []Rung{{"a1", 1, "a1"}, {"a3", 2, "c2"}}; len(build.Next) != 2 || build.Next[0] != want[0] || build.Next[1] != want[1] {
		t.Errorf("a-build next = %+v, want %+v", build.Next, want)
	}
	data, err := json.Marshal(start)
	if err != nil || string(data) != `{"id":"a-start","title":"Start A","key_action":"ka","gap":100,"because":{"question":"a1","level":0},"next":[{"question":"a1","level":1,"text":"a1"}]}` {
		t.Errorf("JSON = %s, %v", data, err)
	}
}

func TestNotApplicableIsLeftOutOfScoresAndCoverage(t *testing.T) {
	b := loadBank(t, rankBank)
	r := Evaluate(b, Answers{"a1": AtLevel(4), "a2": NotSure, "a3": DoesNotApply, "b1": AtLevel(2), "c1": AtLevel(2)}, Targets{})
	ka := r.Pillars[0].KeyActions[0]
	if ka.Counts != (Counts{Answered: 1, Unsure: 1, NotApplicable: 1, Applicable: 2, Total: 3}) || ka.Score != Scored(100) {
		t.Errorf("ka = %+v", ka)
	}
	// 3 of 4 applicable answered; a2 "not sure" counts against coverage.
	if r.Counts != (Counts{Answered: 3, Unsure: 1, NotApplicable: 1, Applicable: 4, Total: 5}) || r.Coverage != 0.75 || r.Provisional {
		t.Errorf("result counts %+v, coverage %v, provisional %v", r.Counts, r.Coverage, r.Provisional)
	}
	// "does not apply" where the question always applies is ignored.
	r = Evaluate(b, Answers{"a1": DoesNotApply}, Targets{})
	if r.NotApplicable != 0 || r.Applicable != 5 {
		t.Errorf("na on a question that applies: %+v", r.Counts)
	}
}

func TestProvisionalRule(t *testing.T) {
	b := loadBank(t, rankBank)
	cases := []struct {
		name    string
		answers Answers
		want    bool
		missing Missing
	}{
		// 4 of 5 = 80%, every pillar at least half.
		{"enough", Answers{"a1": AtLevel(2), "a2": AtLevel(2), "b1": AtLevel(2), "c1": AtLevel(2)}, false, Missing{}},
		// 3 of 5 = 60% < 70%: one more answer is needed.
		{"too few overall", Answers{"a1": AtLevel(2), "a2": AtLevel(2), "b1": AtLevel(2)}, true, Missing{Answers: 1}},
		// 4 of 5, but the first pillar has 1 of 3.
		{"a thin pillar", Answers{"a1": AtLevel(2), "a2": NotSure, "a3": NotSure, "b1": AtLevel(2), "c1": AtLevel(2)}, true, Missing{Answers: 1, ThinPillars: []string{"strong"}}},
		{"nothing", Answers{}, true, Missing{Answers: 4, ThinPillars: []string{"strong", "weak"}}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := Evaluate(b, c.answers, Targets{})
			if r.Provisional != c.want {
				t.Fatalf("provisional = %v, want %v", r.Provisional, c.want)
			}
			data, _ := json.Marshal(r)
			var back map[string]any
			if json.Unmarshal(data, &back) != nil || back["provisional"] != c.want {
				t.Errorf("JSON provisional = %v, want always present and %v", back["provisional"], c.want)
			}
			if !c.want {
				if r.Missing != nil {
					t.Errorf("missing = %+v on a firm result", r.Missing)
				}
				return
			}
			if r.Missing == nil || r.Missing.Answers != c.missing.Answers || len(r.Missing.ThinPillars) != len(c.missing.ThinPillars) {
				t.Errorf("missing = %+v, want %+v", r.Missing, c.missing)
			}
		})
	}
}

// For any answers: the top three are of different key actions; three or
// more key actions below 87.5 always give three; no recommendation ranks
// above a fired one it comes after; every key action below 87.5 fires.
func TestRankingInvariants(t *testing.T) {
	b := defaultBank(t)
	rng := rand.New(rand.NewPCG(3, 4))
	var qs []*questions.Question
	for _, q := range b.AllQuestions() {
		qs = append(qs, q)
	}
	for range 3000 {
		a := Answers{}
		for _, q := range qs {
			switch n := rng.IntN(8); {
			case n < 5:
				a[q.ID] = AtLevel(n)
			case n == 5:
				a[q.ID] = NotSure
			case n == 6 && q.MayNotApply:
				a[q.ID] = DoesNotApply
			}
		}
		r := Evaluate(b, a, Targets{})
		below := map[string]bool{}
		for _, p := range r.Pillars {
			for _, k := range p.KeyActions {
				if k.Score.Valid && k.Score.Value < 87.5 {
					below[k.ID] = true
				}
			}
		}
		pos := map[string]int{}
		fired := map[string]bool{}
		for i, tr := range r.Recommendations {
			pos[tr.ID] = i
			fired[tr.KeyAction] = true
		}
		for k := range below {
			if !fired[k] {
				t.Fatalf("key action %s is below 87.5 and fires nothing: %s", k, ids(r.Recommendations))
			}
		}
		top := r.Recommendations[:min(TopCount, len(r.Recommendations))]
		seen := map[string]bool{}
		for _, tr := range top {
			seen[tr.KeyAction] = true
		}
		if len(seen) != len(top) || (len(below) >= TopCount && len(top) < TopCount) {
			t.Fatalf("top three %s with %d key actions below 87.5", ids(top), len(below))
		}
		for i, tr := range r.Recommendations {
			rec, _ := b.Recommendation(tr.ID)
			for _, after := range rec.After {
				if j, ok := pos[after]; ok && j > i {
					t.Fatalf("%s ranks above %s, which it comes after: %s", tr.ID, after, ids(r.Recommendations))
				}
			}
		}
	}
}
