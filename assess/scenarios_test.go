package assess

import (
	"strings"
	"testing"
)

// honestLevels is a realistic profile on bank v2: mostly 2s and 3s, with
// eight answers below level 2.
var honestLevels = map[string]int{
	"eng-channels": 2, "eng-conversations": 3, "eng-audiences": 1,
	"lis-practice": 2, "lis-uses": 1, "lis-audiences": 0,
	"dat-unified": 2, "dat-personas": 1, "dat-timing": 2,
	"int-teams": 3, "int-efficiency": 2, "int-beyond": 1, "int-roi": 2,
	"mea-tracking": 3, "mea-funnel": 2, "mea-agreement": 1,
	"dis-plan": 2, "dis-continuity": 0, "dis-scenarios": 2,
	"ins-advocacy": 0, "ins-training": 3, "ins-purpose": 2,
	"acc-everyone": 2, "acc-platform": 3, "acc-executives": 2,
	"spe-team": 4, "spe-enablement": 3, "spe-governance": 2, "spe-sponsor": 3,
}

// profile answers with honestLevels, the answers below level 2 replaced by
// low (nil: kept).
func profile(low *Answer) Answers {
	a := Answers{}
	for id, l := range honestLevels {
		a[id] = AtLevel(l)
		if l < 2 && low != nil {
			a[id] = *low
		}
	}
	return a
}

// The scenarios of the content review (§0, §3) on bank v2: the stage, the
// provisional flag and the top three each must give.
func TestReviewScenarios(t *testing.T) {
	b := defaultBank(t)
	at := func(l int) Answers {
		return answerAll(b, func(string, string) (Answer, bool) { return AtLevel(l), true })
	}
	oneAnswer := answerAll(b, func(string, string) (Answer, bool) { return NotSure, true })
	oneAnswer["eng-channels"] = AtLevel(4)
	n := 0
	team62 := answerAll(b, func(string, string) (Answer, bool) { n++; return AtLevel(2 + n%2), true })
	threeBelow := answerAll(b, func(string, string) (Answer, bool) { return AtLevel(4), true })
	for id, l := range map[string]int{"eng-channels": 3, "eng-conversations": 3, "eng-audiences": 3, "dis-plan": 2, "dis-continuity": 2, "dis-scenarios": 2, "acc-everyone": 1, "acc-platform": 1, "acc-executives": 1} {
		threeBelow[id] = AtLevel(l)
	}
	relationshipsAt0 := answerAll(b, func(p, _ string) (Answer, bool) {
		if p == "relationships" {
			return AtLevel(0), true
		}
		return AtLevel(4), true
	})
	cases := []struct {
		name        string
		answers     Answers
		stage       int // 0: none
		provisional bool
		capped      string // the pillar that held the stage down
		top         string
	}{
		{"all at 0", at(0), 1, false, "", "rec-engagement-build,rec-integration-build,rec-advocacy"},
		{"all at 1", at(1), 2, false, "", "rec-engagement-build,rec-integration-build,rec-advocacy"},
		{"all at 2", at(2), 3, false, "", "rec-engagement-define,rec-integration-define,rec-inside-out-define"},
		{"all at 3", at(3), 4, false, "", "rec-engagement-connect,rec-integration-connect,rec-inside-out-connect"},
		{"all at 4", at(4), 5, false, "", ""},
		// 1 of 29 answered: provisional, and no stage is claimed at all.
		{"one answer, the rest not sure", oneAnswer, 0, true, "", ""},
		// 66.7 alone would be stage 4; the pillar at 0 holds it at 2.
		{"relationships at 0, the rest at 4", relationshipsAt0, 2, false, "relationships", "rec-engagement-build,rec-listening-start,rec-channel-data-start"},
		{"honest", profile(nil), 3, false, "", "rec-continuity,rec-advocacy,rec-beyond-customers"},
		// The eight low answers turned "not sure": the score rises (47.2 →
		// 58.8) but the stage does not, and the next 90 days stay full.
		{"gamed", profile(&NotSure), 3, false, "", "rec-listening-define,rec-disruption-define,rec-channel-data-define"},
		{"a team at 62", team62, 4, false, "", "rec-measurement-define,rec-inside-out-define,rec-listening-define"},
		{"three key actions below 87.5", threeBelow, 4, false, "", "rec-access-build,rec-disruption-define,rec-engagement-connect"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := Evaluate(b, c.answers, Targets{})
			stage := 0
			if r.Stage != nil {
				stage = r.Stage.Number
			}
			if stage != c.stage || r.Provisional != c.provisional {
				t.Errorf("stage %d, provisional %v; want %d, %v (overall %+v)", stage, r.Provisional, c.stage, c.provisional, r.Overall)
			}
			capped := ""
			if r.Capped != nil {
				capped = r.Capped.Pillar
			}
			if capped != c.capped {
				t.Errorf("capped by %q, want %q", capped, c.capped)
			}
			if got := ids(r.Recommendations[:min(TopCount, len(r.Recommendations))]); got != c.top {
				t.Errorf("top three %s, want %s", got, c.top)
			}
		})
	}
}

func TestOneAnswerIsProvisionalAndSaysWhatIsMissing(t *testing.T) {
	b := defaultBank(t)
	a := answerAll(b, func(string, string) (Answer, bool) { return NotSure, true })
	a["eng-channels"] = AtLevel(4)
	r := Evaluate(b, a, Targets{})
	// 70% of 29 is 20.3: 21 answers are needed, 1 is given.
	if r.Missing == nil || r.Missing.Answers != 20 || strings.Join(r.Missing.ThinPillars, ",") != "relationships,value,culture" {
		t.Errorf("missing = %+v", r.Missing)
	}
	if r.Pillars[0].Stage != nil || r.Pillars[0].KeyActions[0].Stage != nil {
		t.Errorf("a thin pillar or key action has a stage: %+v", r.Pillars[0])
	}
}

func TestRelationshipsAt0CapRecordsWhy(t *testing.T) {
	b := defaultBank(t)
	r := Evaluate(b, answerAll(b, func(p, _ string) (Answer, bool) {
		if p == "relationships" {
			return AtLevel(0), true
		}
		return AtLevel(4), true
	}), Targets{})
	want := Cap{Pillar: "relationships", PillarStage: StageRef{1, "Starting"}, Uncapped: StageRef{4, "Defined"}}
	if r.Capped == nil || *r.Capped != want {
		t.Errorf("capped = %+v, want %+v", r.Capped, want)
	}
}
