package assess

import (
	"encoding/json"
	"fmt"
	"math"
	"os"
	"slices"
	"strings"
	"testing"
	"time"

	"socialmaturity/questions"
)

func TestProgressOf(t *testing.T) {
	for _, c := range []struct {
		name           string
		first, current Score
		target         float64
		state          ProgressState
		gap            Score
		progress       float64 // when the state has one
	}{
		{"unscored", Scored(40), Score{}, 70, ProgressUnscored, Score{}, 0},
		{"met exactly", Scored(40), Scored(70), 70, ProgressMet, Scored(0), 1},
		{"met as shown, to one decimal", Scored(40), Scored(69.96), 70, ProgressMet, Scored(0), 1},
		{"met above the target", Scored(40), Scored(85), 70, ProgressMet, Scored(0), 1},
		{"met with only one assessment", Score{}, Scored(80), 70, ProgressMet, Scored(0), 1},
		{"no first: only one assessment", Score{}, Scored(50), 70, ProgressNoFirst, Scored(20), 0},
		{"target below first", Scored(80), Scored(60), 70, ProgressBelowFirst, Scored(10), 0},
		{"target at first", Scored(70), Scored(60), 70, ProgressBelowFirst, Scored(10), 0},
		{"underway", Scored(40), Scored(55), 70, ProgressUnderway, Scored(15), 0.5},
		{"no move since the first", Scored(40), Scored(40), 70, ProgressUnderway, Scored(30), 0},
		{"fallen since the first", Scored(40), Scored(30), 70, ProgressUnderway, Scored(40), -0.333},
	} {
		t.Run(c.name, func(t *testing.T) {
			p := ProgressOf(c.first, c.current, c.target)
			if p.State != c.state || p.Gap.Valid != c.gap.Valid || math.Abs(p.Gap.Value-c.gap.Value) > 1e-9 {
				t.Errorf("ProgressOf = %v gap %+v, want %v gap %+v", p.State, p.Gap, c.state, c.gap)
			}
			wantProgress := c.state == ProgressMet || c.state == ProgressUnderway
			if p.HasProgress() != wantProgress || (wantProgress && math.Abs(p.Progress-c.progress) > 1e-9) {
				t.Errorf("progress = %v (defined %v), want %v (defined %v)", p.Progress, p.HasProgress(), c.progress, wantProgress)
			}
		})
	}
}

// TargetProgress writes plain fields, so that a type embedding it keeps
// its own fields in JSON.
func TestTargetProgressJSONIsPlainFieldsWithItsState(t *testing.T) {
	for p, want := range map[TargetProgress]string{
		ProgressOf(Score{}, Scored(50), 70):     `{"target":70,"current":50,"first":null,"state":"no_first","gap":20,"progress":0}`,
		ProgressOf(Scored(10), Scored(40), 100): `{"target":100,"current":40,"first":10,"state":"underway","gap":60,"progress":0.333}`,
		ProgressOf(Scored(10), Score{}, 100):    `{"target":100,"current":null,"first":10,"state":"unscored","gap":null,"progress":0}`,
	} {
		got, err := json.Marshal(p)
		if err != nil || string(got) != want {
			t.Errorf("json = %s, %v; want %s", got, err, want)
		}
	}
	line, err := json.Marshal(TargetLine{ID: "engagement", TargetProgress: ProgressOf(Score{}, Scored(50), 70)})
	if err != nil || !strings.Contains(string(line), `"ID":"engagement"`) || !strings.Contains(string(line), `"state":"no_first"`) {
		t.Errorf("an embedding type's json = %s, %v; want its own fields kept", line, err)
	}
}

func TestTargetSetOf(t *testing.T) {
	overall := 60.0
	ts := TargetSet{Overall: &overall, Pillars: map[string]float64{"value": 50}, KeyActions: map[string]float64{"listening": 75}}
	for id, want := range map[string]float64{OverallID: 60, "value": 50, "listening": 75} {
		if got, ok := ts.Of(id); !ok || got != want {
			t.Errorf("Of(%s) = %v, %v; want %v", id, got, ok, want)
		}
	}
	if _, ok := ts.Of("culture"); ok || ts.IsZero() || !(TargetSet{}).IsZero() {
		t.Error("an unset target is found, or a set is zero when it has targets")
	}
}

// summary is a summary at day d with the given overall, pillar and key
// action scores (pairs of id and score; a negative score is unscored).
func summary(id string, d int, overall float64, parts ...any) Summary {
	score := func(v float64) Score {
		if v < 0 {
			return Score{}
		}
		return Scored(v)
	}
	s := Summary{ID: id, OrgID: "org-1", Org: "Acme", CompletedAt: time.Date(2026, 1, d, 9, 0, 0, 0, time.UTC),
		Overall: score(overall), Bank: BankRef{ID: questions.DefaultBankID, Version: 2, Language: "en"}}
	for i := 0; i+1 < len(parts); i += 2 {
		ps := PillarScore{ID: parts[i].(string), Score: score(parts[i+1].(float64))}
		if ps.ID == "relationships" || ps.ID == "value" || ps.ID == "culture" {
			s.Pillars = append(s.Pillars, ps)
		} else {
			s.KeyActions = append(s.KeyActions, ps)
		}
	}
	return s
}

func TestTrendSeriesAndWhatMovedMost(t *testing.T) {
	b := defaultBank(t)
	history := []Summary{
		summary("a1", 1, 30, "value", 20.0, "culture", 40.0, "relationships", 30.0),
		summary("a2", 2, 40, "culture", 40.0, "value", 30.0, "relationships", 50.0, "listening", 25.0, "integration", 10.0),
		summary("a3", 3, 45, "culture", 41.0, "value", 20.0, "relationships", 55.0, "listening", 50.0, "integration", -1.0),
	}
	tr := NewTrend(b, history)
	var rows []string
	for _, s := range tr.Series {
		rows = append(rows, s.ID)
	}
	if want := "overall relationships listening value integration culture"; strings.Join(rows, " ") != want {
		t.Errorf("series = %s, want %s (overall, then bank order, key actions under their pillar)", strings.Join(rows, " "), want)
	}
	listening := tr.Series[slices.Index(rows, "listening")]
	if listening.Title != b.TitleOf("listening") || listening.Kind != KeyActionRow || listening.Scores[0].Valid || listening.Scores[2] != Scored(50) {
		t.Errorf("listening = %+v, want unscored where the summary lacks it", listening)
	}
	if len(tr.Points) != 3 || tr.Points[2].ID != "a3" || tr.Org != "Acme" || tr.MixedVersions {
		t.Errorf("points = %+v, org %q, mixed %v", tr.Points, tr.Org, tr.MixedVersions)
	}
	var moved []string
	for _, m := range tr.Moves {
		moved = append(moved, fmt.Sprintf("%s%+g", m.ID, Round(m.Delta)))
	}
	// integration became unscored and is left out, as is a move under 0.05;
	// culture's +1 is the smallest; a tie keeps bank order.
	if want := "listening+25 value-10 overall+5 relationships+5 culture+1"; strings.Join(moved, " ") != want {
		t.Errorf("moves = %s, want %s", strings.Join(moved, " "), want)
	}

	if one := NewTrend(b, history[:1]); len(one.Moves) != 0 || len(one.Points) != 1 {
		t.Errorf("one assessment: %+v, want no moves", one)
	}
	history[1].Bank.Version = 1
	if !NewTrend(b, history).MixedVersions {
		t.Error("a trend across bank versions does not say so")
	}
}

func TestSourceBenchmarksPlaceTheAnswersAgainstTheSource(t *testing.T) {
	b := defaultBank(t)
	find := func(bs []SourceBenchmark, id string) *SourceBenchmark {
		for i := range bs {
			if bs[i].ID == id {
				return &bs[i]
			}
		}
		return nil
	}
	for _, c := range []struct {
		name               string
		audiences          Answer
		customers, owned   string // "met", "unmet" or "" (left out)
		efficiency         Answer
		efficiencyExpected string
	}{
		{"customers only", AtLevel(1), "unmet", "unmet", AtLevel(2), "met"},
		{"one other audience on a schedule", AtLevel(2), "met", "unmet", AtLevel(0), "unmet"},
		{"every audience owned", AtLevel(4), "met", "met", NotSure, ""},
		{"not sure places nothing", NotSure, "", "", DoesNotApply, ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			answers := Answers{"eng-audiences": c.audiences, "int-efficiency": c.efficiency}
			r := Evaluate(b, answers, Targets{})
			got := SourceBenchmarks(b, &r, answers)
			for id, want := range map[string]string{"bench-beyond-customers": c.customers, "bench-audiences-owned": c.owned, "bench-efficiency": c.efficiencyExpected} {
				bm := find(got, id)
				switch {
				case want == "" && bm != nil:
					t.Errorf("%s = %+v, want it left out", id, bm)
				case want == "":
				case bm == nil || bm.Met != (want == "met"):
					t.Errorf("%s = %+v, want %s", id, bm, want)
				case bm.Fact.Fact == nil || bm.Fact.Source != "Hootsuite & Altimeter, 2021" || bm.Text == "":
					t.Errorf("%s has no figure, citation or text: %+v", id, bm)
				}
			}
		})
	}
	answers := Answers{"eng-audiences": AtLevel(0)}
	r := Evaluate(b, answers, Targets{})
	bm := find(SourceBenchmarks(b, &r, answers), "bench-beyond-customers")
	if bm == nil || bm.Fact.Fact.Value != 0.75 || bm.Fact.Fact.Format != questions.FormatPercent || strings.ContainsAny(bm.Text, "0123456789") {
		t.Errorf("the 75%% benchmark = %+v, want the fact's figure and words without one", bm)
	}
}

func TestSourceBenchmarkOnAKeyActionReadsItsScore(t *testing.T) {
	src, err := os.ReadFile("../questions/testdata/valid-v2-min.yaml")
	if err != nil {
		t.Fatal(err)
	}
	b := loadBank(t, string(src)+"benchmarks:\n  - {id: bk, key_action: k1, at_least: 50, fact: f1, met: It does., unmet: It does not.}\n")
	for answer, want := range map[Answer]string{AtLevel(2): "It does.", AtLevel(1): "It does not.", NotSure: ""} {
		answers := Answers{"q1": answer}
		r := Evaluate(b, answers, Targets{})
		got := SourceBenchmarks(b, &r, answers)
		switch {
		case want == "" && len(got) != 0:
			t.Errorf("%+v: %+v, want nothing for an unscored key action", answer, got)
		case want != "" && (len(got) != 1 || got[0].Text != want || got[0].Title != "Key action one"):
			t.Errorf("%+v: %+v, want %q", answer, got, want)
		}
	}
}

// entries are portfolio entries of other organizations with the given
// overall and relationships scores (a negative score is unscored).
func entries(scores ...float64) []PortfolioEntry {
	var out []PortfolioEntry
	for i, v := range scores {
		e := PortfolioEntry{OrgID: fmt.Sprintf("other-%d", i)}
		if v >= 0 {
			e.Overall = Scored(v)
			e.Pillars = []PillarScore{{ID: "relationships", Score: Scored(v)}}
		}
		out = append(out, e)
	}
	return out
}

func TestRankAmongAtLeastFiveOtherOrganizations(t *testing.T) {
	own := summary("mine", 1, 50, "relationships", 50.0, "value", 70.0, "culture", -1.0)
	ownEntry := PortfolioEntry{OrgID: own.OrgID, Overall: Scored(99)}
	imported := PortfolioEntry{Imported: true, Overall: Scored(70), Pillars: []PillarScore{{ID: "relationships", Score: Scored(70)}}}
	valueOf := func(vs ...float64) []PortfolioEntry {
		es := entries(30, 40, 60, 80, 20)
		for i, v := range vs {
			es[i].Pillars = append(es[i].Pillars, PillarScore{ID: "value", Score: Scored(v)})
		}
		return es
	}
	for _, c := range []struct {
		name    string
		others  []PortfolioEntry
		want    *Standing // overall; nil when no rank at all
		imports int
		pillars string
	}{
		{"four others: no figure", entries(30, 40, 60, 70), nil, 0, ""},
		{"own entry does not count", append(entries(30, 40, 60, 70), ownEntry), nil, 0, ""},
		{"five others", entries(30, 40, 60, 70, 20), &Standing{Rank: 3, Of: 6, Percentile: 60}, 0, "relationships"},
		{"ties count half, as shown", entries(30, 50.04, 60, 70, 20), &Standing{Rank: 3, Of: 6, Percentile: 50}, 0, "relationships"},
		{"an imported row counts", append(entries(30, 40, 60, 70), imported, ownEntry), &Standing{Rank: 4, Of: 6, Percentile: 40}, 1, "relationships"},
		{"an unscored other is not ranked", entries(30, 40, 60, 70, 20, -1), &Standing{Rank: 3, Of: 6, Percentile: 60}, 0, "relationships"},
		{"a pillar five others scored", valueOf(10, 20, 30, 40, 90), &Standing{Rank: 3, Of: 6, Percentile: 60}, 0, "relationships value"},
		{"a pillar four others scored", valueOf(10, 20, 30, 40), &Standing{Rank: 3, Of: 6, Percentile: 60}, 0, "relationships"},
	} {
		t.Run(c.name, func(t *testing.T) {
			got := Rank(own, c.others)
			if c.want == nil {
				if got != nil {
					t.Fatalf("Rank = %+v, want nil with fewer than %d others", got, MinPortfolio)
				}
				return
			}
			if got == nil || got.Overall == nil || *got.Overall != *c.want || got.Imported != c.imports {
				t.Fatalf("Rank = %+v, want overall %+v with %d imported", got, c.want, c.imports)
			}
			var ids []string
			for _, p := range got.Pillars {
				ids = append(ids, p.ID)
			}
			if strings.Join(ids, " ") != c.pillars {
				t.Errorf("pillars ranked = %v, want %s (never an unscored one, nor one fewer than five others scored)", ids, c.pillars)
			}
		})
	}
}

// assessed is a completed default-bank assessment with every question at
// level 1, except those of the key actions in at.
func assessed(b *questions.Bank, id string, day int, at map[string]int) *Assessment {
	a := &Assessment{ID: id, OrgID: "org-1", Submission: Submission{Org: "Acme", Answers: Answers{}}, Bank: RefOf(b)}
	for _, p := range b.Pillars {
		for _, k := range p.KeyActions {
			l, ok := at[k.ID]
			if !ok {
				l = 1
			}
			for _, q := range k.Questions {
				a.Answers[q.ID] = AtLevel(l)
			}
		}
	}
	a.Complete(b, time.Date(2026, 1, day, 9, 0, 0, 0, time.UTC), Targets{})
	return a
}

func TestWithContextShowsTargetsAgainstTheFirstAssessment(t *testing.T) {
	b := defaultBank(t)
	first := assessed(b, "a1", 1, map[string]int{"engagement": 0})
	now := assessed(b, "a2", 5, map[string]int{"engagement": 2})
	later := assessed(b, "a3", 9, map[string]int{"engagement": 4})
	overall := 60.0
	targets := &TargetSet{Overall: &overall, Pillars: map[string]float64{"culture": 20}, KeyActions: map[string]float64{"engagement": 75}}

	v := NewView(b, now, nil).WithContext(Context{Targets: targets})
	var lines []string
	for _, l := range v.Targets {
		lines = append(lines, fmt.Sprintf("%s:%v", l.ID, l.State))
	}
	if want := "overall:no_first engagement:no_first culture:met"; strings.Join(lines, " ") != want {
		t.Errorf("with only one assessment, targets = %s, want %s", strings.Join(lines, " "), want)
	}
	if v.Trend != nil {
		t.Errorf("one assessment has a trend: %+v", v.Trend)
	}

	history := []Summary{Summarize(first), Summarize(now), Summarize(later)}
	v = NewView(b, now, nil).WithContext(Context{Targets: targets, History: history})
	e := v.TargetOf("engagement")
	if e == nil || e.State != ProgressUnderway || e.First != Scored(0) || e.Gap != Scored(25) || e.Progress != 0.667 {
		t.Errorf("engagement = %+v, want from 0 to 50 of 75: progress 2/3, gap 25", e)
	}
	if v.TargetOf("value") != nil || v.TargetOf(OverallID) == nil {
		t.Error("TargetOf finds a target not set, or misses the overall one")
	}
	if v.Trend == nil || len(v.Trend.Points) != 2 || v.Trend.Points[1].ID != "a2" {
		t.Errorf("trend = %+v, want the two assessments up to the viewed one", v.Trend)
	}
	if len(v.Trend.Moves) == 0 || v.Trend.Moves[0].ID != "engagement" {
		t.Errorf("moved most = %+v, want engagement first", v.Trend.Moves)
	}
}

func TestWithContextRanksThePortfolioWithoutItself(t *testing.T) {
	b := defaultBank(t)
	a := assessed(b, "a1", 1, nil)
	others := append(entries(10, 20, 30, 40), PortfolioEntry{OrgID: "org-1", Overall: Scored(90)})
	if v := NewView(b, a, nil).WithContext(Context{Portfolio: others}); v.Portfolio != nil {
		t.Errorf("four others and itself: %+v, want no portfolio figure", v.Portfolio)
	}
	others = append(others, entries(50)...)
	others[len(others)-1].OrgID = "other-9"
	v := NewView(b, a, nil).WithContext(Context{Portfolio: others})
	if v.Portfolio == nil || v.Portfolio.Others != 5 || v.Portfolio.Overall == nil || *v.Portfolio.Overall != (Standing{Rank: 4, Of: 6, Percentile: 40}) {
		t.Errorf("portfolio = %+v, want 25 fourth of six (below 30, 40 and 50)", v.Portfolio)
	}
}

func recIDs(rs []RecommendationView) []string {
	var out []string
	for _, r := range rs {
		out = append(out, r.KeyAction)
	}
	return out
}

func TestTargetsShapeTheNext90Days(t *testing.T) {
	b := defaultBank(t)
	// Every key action at 25 (gap 75), engagement at 50 (gap 50).
	a := assessed(b, "a1", 1, map[string]int{"engagement": 2})
	plain := NewView(b, a, nil)
	if slices.Contains(recIDs(plain.Next90()), "engagement") {
		t.Fatalf("without targets engagement is in the next 90 days: %v", recIDs(plain.Next90()))
	}

	// Far below its target (50 of 90): gap 50 + 40 below the target ranks
	// above the gaps of 75.
	v := NewView(b, a, nil).WithContext(Context{Targets: &TargetSet{KeyActions: map[string]float64{"engagement": 90}}})
	if got := recIDs(v.Next90()); len(got) != TopCount || got[0] != "engagement" {
		t.Errorf("next 90 days = %v, want engagement first", got)
	}

	// At its target: not pushed, listed after everything else.
	top := plain.Next90()[0].KeyAction
	v = NewView(b, a, nil).WithContext(Context{Targets: &TargetSet{KeyActions: map[string]float64{top: 25}}})
	got := recIDs(v.Recommendations)
	if slices.Contains(recIDs(v.Next90()), top) || got[len(got)-1] != top || !v.Recommendations[len(got)-1].AtTarget {
		t.Errorf("with %s at its target: next 90 = %v, all = %v; want it last and not pushed", top, recIDs(v.Next90()), got)
	}
	if len(v.Next90())+len(v.Later()) != len(v.Recommendations) || len(v.Recommendations) != len(plain.Recommendations) {
		t.Error("re-ranking lost or added recommendations")
	}

	// A target that concerns no recommendation leaves the stored order.
	overall := 10.0
	v = NewView(b, a, nil).WithContext(Context{Targets: &TargetSet{Overall: &overall}})
	if !slices.Equal(recIDs(v.Recommendations), recIDs(plain.Recommendations)) {
		t.Errorf("an overall target reordered the recommendations: %v, was %v", recIDs(v.Recommendations), recIDs(plain.Recommendations))
	}
}

// BenchmarkRank500 is the portfolio percentile among 500 organizations.
func BenchmarkRank500(b *testing.B) {
	own := summary("mine", 1, 50, "relationships", 50.0, "value", 70.0, "culture", 30.0)
	others := make([]PortfolioEntry, 500)
	for i := range others {
		v := float64(i % 100)
		others[i] = PortfolioEntry{OrgID: fmt.Sprint(i), Overall: Scored(v), Pillars: []PillarScore{
			{ID: "relationships", Score: Scored(v)}, {ID: "value", Score: Scored(100 - v)}, {ID: "culture", Score: Scored(v / 2)}}}
	}
	for b.Loop() {
		Rank(own, others)
	}
}

// BenchmarkTrend20 is the trend of an organization with 20 assessments.
func BenchmarkTrend20(b *testing.B) {
	bank := defaultBank(b)
	history := make([]Summary, 20)
	for i := range history {
		history[i] = Summarize(assessed(bank, fmt.Sprint(i), i+1, map[string]int{"engagement": i % 5}))
	}
	for b.Loop() {
		NewTrend(bank, history)
	}
}
