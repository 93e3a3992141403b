package assess

import (
	"slices"
	"testing"
)

// TestEvaluateAllocatesLittle keeps scoring cheap enough to run on every
// keystroke: a whole result, recommendations and next rungs included, is a
// handful of allocations however many parts and recommendations the bank
// has (88 before the per-bank index and shared backing arrays).
func TestEvaluateAllocatesLittle(t *testing.T) {
	bank := defaultBank(t)
	a := answerAll(bank, func(_, q string) (Answer, bool) { return AtLevel(len(q) % 5), true })
	if n := len(Evaluate(bank, a, Targets{}).Recommendations); n < 2 {
		t.Fatalf("only %d recommendations: the answers no longer exercise the ranking", n)
	}
	if got := testing.AllocsPerRun(50, func() { Evaluate(bank, a, Targets{}) }); got > 12 {
		t.Errorf("Evaluate allocates %v times per call; want at most 12", got)
	}
}

// TestEvaluateResultPartsAreIndependent checks that the parts of a result
// that share storage can still be changed one at a time: a caller that
// edits or appends to one stage, key action list or list of next rungs
// changes no other.
func TestEvaluateResultPartsAreIndependent(t *testing.T) {
	bank := defaultBank(t)
	a := answerAll(bank, func(_, q string) (Answer, bool) { return AtLevel(1 + len(q)%2), true })
	r := Evaluate(bank, a, Targets{})
	want := Evaluate(bank, a, Targets{})

	var withNext []int
	for i, rec := range r.Recommendations {
		if len(rec.Next) > 0 {
			withNext = append(withNext, i)
		}
	}
	if len(withNext) < 2 || len(r.Pillars) < 2 || r.Stage == nil {
		t.Fatalf("the answers no longer give two recommendations with next rungs, two pillars and a stage")
	}
	first := withNext[0]
	r.Recommendations[first].Next = append(r.Recommendations[first].Next, Rung{Question: "appended"})
	r.Recommendations[first].Next[0].Text = "edited"
	r.Pillars[0].KeyActions = append(r.Pillars[0].KeyActions, KeyActionResult{ID: "appended"})
	r.Pillars[0].KeyActions[0].ID = "edited"
	*r.Stage = StageRef{Number: -1, Name: "edited"}
	if r.Pillars[0].KeyActions[0].Stage != nil {
		r.Pillars[0].KeyActions[0].Stage.Name = "edited"
	}

	for _, i := range withNext[1:] {
		if got := r.Recommendations[i].Next; !slices.Equal(got, want.Recommendations[i].Next) {
			t.Errorf("recommendation %d: next rungs = %+v; want %+v", i, got, want.Recommendations[i].Next)
		}
	}
	for p := 1; p < len(r.Pillars); p++ {
		for k, ka := range r.Pillars[p].KeyActions {
			w := want.Pillars[p].KeyActions[k]
			if ka.ID != w.ID || (ka.Stage == nil) != (w.Stage == nil) || (ka.Stage != nil && *ka.Stage != *w.Stage) {
				t.Errorf("pillar %d key action %d = %s %+v; want %s %+v", p, k, ka.ID, ka.Stage, w.ID, w.Stage)
			}
		}
		if got, w := r.Pillars[p].Stage, want.Pillars[p].Stage; (got == nil) != (w == nil) || (got != nil && *got != *w) {
			t.Errorf("pillar %d stage = %+v; want %+v", p, got, w)
		}
	}
}
