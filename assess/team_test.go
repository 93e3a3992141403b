package assess

import (
	"fmt"
	"math"
	"slices"
	"strings"
	"testing"

	"socialmaturity/questions"
)

func teamBank(t testing.TB) *questions.Bank {
	t.Helper()
	b, err := questions.Default()
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// everywhere answers every question of b at level l.
func everywhere(b *questions.Bank, l int) Answers {
	as := Answers{}
	for _, ref := range b.Questions() {
		as[b.At(ref).ID] = AtLevel(l)
	}
	return as
}

// membersAnswering are members who answer question q with the given
// answers (one member each) and every other question at level 2.
func membersAnswering(b *questions.Bank, q string, answers ...Answer) []Member {
	ms := make([]Member, len(answers))
	for i, a := range answers {
		as := everywhere(b, 2)
		as[q] = a
		ms[i] = Member{Name: fmt.Sprint("m", i), Answers: as}
	}
	return ms
}

func levels(ls ...int) []Answer {
	out := make([]Answer, len(ls))
	for i, l := range ls {
		out[i] = AtLevel(l)
	}
	return out
}

func statsOf(t *testing.T, r TeamResult, id string) QuestionStats {
	t.Helper()
	for _, q := range r.Questions {
		if q.ID == id {
			return q
		}
	}
	t.Fatalf("no statistics for %s", id)
	return QuestionStats{}
}

// The notes' table (levels 1..5 there are 0..4 here), plus "not sure",
// "does not apply" and small groups.
func TestQuestionStatistics(t *testing.T) {
	b := teamBank(t)
	const q = "eng-channels"
	d := func(v float64) *float64 { return &v }
	tests := []struct {
		name                    string
		answers                 []Answer
		n, unsure, na           int
		mean, median            float64
		d                       *float64
		outlier, gap, consensus bool
		team                    Answer
	}{
		{"unanimous", levels(2, 2, 2, 2, 2, 2), 6, 0, 0, 2, 2, d(0), false, false, true, AtLevel(2)},
		{"adjacent halves", levels(2, 2, 2, 3, 3, 3), 6, 0, 0, 2.5, 2.5, d(0.25), false, false, true, AtLevel(2)},
		{"two apart", levels(1, 1, 1, 3, 3, 3), 6, 0, 0, 2, 2, d(0.5), false, false, true, AtLevel(1)},
		{"opposite camps", levels(0, 0, 0, 4, 4, 4), 6, 0, 0, 2, 2, d(1), true, false, false, AtLevel(0)},
		{"a lone outlier", levels(1, 2, 2, 2, 2, 4), 6, 0, 0, 13.0 / 6, 2, d(0.25), true, false, true, AtLevel(2)},
		{"one low", levels(0, 2, 2, 2, 2, 2), 6, 0, 0, 10.0 / 6, 2, d(1.0 / 6), true, false, true, AtLevel(2)},
		{"spread out", levels(0, 1, 2, 2, 3, 4), 6, 0, 0, 2, 2, d(0.5), true, false, false, AtLevel(2)},
		{"under three answers has no D", append(levels(1, 3), NotSure), 2, 1, 0, 2, 2, nil, false, true, true, AtLevel(1)},
		{"not sure left out and flagged from a quarter", append(levels(3, 3, 3), NotSure), 3, 1, 0, 3, 3, d(0), false, true, true, AtLevel(3)},
		{"under a quarter not sure is no gap", append(levels(3, 3, 3, 3), NotSure), 4, 1, 0, 3, 3, d(0), false, false, true, AtLevel(3)},
		{"mostly not sure", append(levels(4), NotSure, NotSure, AtLevel(4)), 2, 2, 0, 4, 4, nil, false, true, true, AtLevel(4)},
		{"more not sure than levels", append(levels(4), NotSure, NotSure), 1, 2, 0, 4, 4, nil, false, true, true, NotSure},
		{"does not apply left out", append(levels(1, 1, 1), DoesNotApply), 3, 0, 1, 1, 1, d(0), false, false, true, AtLevel(1)},
		{"mostly does not apply", append(levels(1), DoesNotApply, DoesNotApply, DoesNotApply), 1, 0, 3, 1, 1, nil, false, false, true, DoesNotApply},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := statsOf(t, Team(b, membersAnswering(b, q, tt.answers...), nil), q)
			if s.N != tt.n || s.Unsure != tt.unsure || s.NA != tt.na {
				t.Errorf("n, unsure, n/a = %d, %d, %d; want %d, %d, %d", s.N, s.Unsure, s.NA, tt.n, tt.unsure, tt.na)
			}
			if math.Abs(s.Mean-tt.mean) > 1e-9 || s.Median != tt.median {
				t.Errorf("mean, median = %v, %v; want %v, %v", s.Mean, s.Median, tt.mean, tt.median)
			}
			switch {
			case (s.D == nil) != (tt.d == nil):
				t.Errorf("D = %v; want %v", s.D, tt.d)
			case s.D != nil && math.Abs(*s.D-*tt.d) > 1e-9:
				t.Errorf("D = %v; want %v", *s.D, *tt.d)
			}
			if s.Outlier != tt.outlier || s.KnowledgeGap != tt.gap || s.Consensus != tt.consensus {
				t.Errorf("outlier, gap, consensus = %v, %v, %v; want %v, %v, %v", s.Outlier, s.KnowledgeGap, s.Consensus, tt.outlier, tt.gap, tt.consensus)
			}
			if !s.HasTeam || s.Team != tt.team {
				t.Errorf("team answer = %+v (%v); want %+v", s.Team, s.HasTeam, tt.team)
			}
			total := 0
			for _, c := range s.Levels {
				total += c
			}
			if total != s.N {
				t.Errorf("distribution %v sums to %d, not n = %d", s.Levels, total, s.N)
			}
		})
	}
}

func TestBandOf(t *testing.T) {
	for _, tt := range []struct {
		d    float64
		want Band
	}{{0, Aligned}, {0.2499, Aligned}, {0.25, Mixed}, {0.4999, Mixed}, {0.5, Split}, {1, Split}} {
		if got := BandOf(tt.d); got != tt.want {
			t.Errorf("BandOf(%v) = %v; want %v", tt.d, got, tt.want)
		}
	}
}

func TestHotspotsRankByDThenAnswersThenBankOrder(t *testing.T) {
	b := teamBank(t)
	// Five members, every question at level 2 except:
	answers := map[string][]Answer{
		"eng-conversations": levels(0, 0, 4, 4, 2),                                     // D 0.8
		"lis-practice":      levels(0, 4, 2, 2, 2),                                     // D 0.4
		"dat-unified":       {AtLevel(0), AtLevel(4), AtLevel(2), AtLevel(2), NotSure}, // D 0.5, n 4
		"dat-timing":        levels(1, 3, 2, 2, 2),                                     // D 0.2
		"int-roi":           levels(1, 3, 2, 2, 2),                                     // D 0.2, later in the bank
		"mea-tracking":      {AtLevel(1), AtLevel(3), NotSure, NotSure, NotSure},       // n 2: no D
		"ins-advocacy":      levels(0, 1, 1, 2, 3),                                     // D 0.4, n 5: ties with lis-practice
	}
	ms := make([]Member, 5)
	for i := range ms {
		as := everywhere(b, 2)
		for q, given := range answers {
			as[q] = given[i]
		}
		ms[i] = Member{Name: fmt.Sprint("m", i), Answers: as}
	}
	r := Team(b, ms, nil)
	var got []string
	for _, h := range r.Hotspots {
		if *h.D > 0 {
			got = append(got, h.ID)
		}
	}
	want := []string{"eng-conversations", "dat-unified", "lis-practice", "ins-advocacy", "dat-timing", "int-roi"}
	if !slices.Equal(got, want) {
		t.Errorf("hotspots = %v; want %v", got, want)
	}
	for _, h := range r.Hotspots {
		if h.ID == "mea-tracking" {
			t.Error("a question with two answers at a level is ranked")
		}
	}
	if len(r.Hotspots) != len(r.Questions)-1 {
		t.Errorf("%d hotspots of %d questions; want all but the one without D", len(r.Hotspots), len(r.Questions))
	}
	var gaps []string
	for _, g := range r.KnowledgeGaps {
		gaps = append(gaps, g.ID)
	}
	if want := []string{"mea-tracking"}; !slices.Equal(gaps, want) {
		t.Errorf("knowledge gaps = %v; want %v", gaps, want)
	}
}

func TestTeamScoresAreTheMeanAndSpreadOfMembers(t *testing.T) {
	b := teamBank(t)
	ms := []Member{
		{Name: "a", Answers: everywhere(b, 1), Completed: true},
		{Name: "b", Answers: everywhere(b, 2)},
		{Name: "c", Answers: everywhere(b, 3), Completed: true},
		{Name: "d"}, // joined, answered nothing
	}
	r := Team(b, ms, nil)
	if r.Withheld || r.Members != 4 || r.Completed != 2 {
		t.Fatalf("withheld %v, members %d, completed %d; want false, 4, 2", r.Withheld, r.Members, r.Completed)
	}
	sd := math.Sqrt(2.0/3) * PointsPerLevel
	check := func(name string, p TeamPart) {
		t.Helper()
		if !p.Score.Valid || math.Abs(p.Score.Value-50) > 1e-9 || math.Abs(p.Spread-sd) > 1e-9 || p.N != 3 {
			t.Errorf("%s: score %+v, spread %v, n %d; want 50, %v, 3", name, p.Score, p.Spread, p.N, sd)
		}
		if p.Stage == nil || p.Stage.Number != 3 {
			t.Errorf("%s: stage %+v; want 3 (Repeatable)", name, p.Stage)
		}
	}
	check("overall", r.Overall)
	for _, p := range r.Pillars {
		check(p.ID, p.TeamPart)
		for _, k := range p.KeyActions {
			check(k.ID, k)
		}
	}
	if r.Provisional {
		t.Error("a fully answered team result is provisional")
	}
	if r.Evaluation.Overall.Value != 50 || len(r.Evaluation.Recommendations) == 0 {
		t.Errorf("evaluation of the team's answers: overall %v, %d recommendations; want 50 and some", r.Evaluation.Overall, len(r.Evaluation.Recommendations))
	}
}

func TestTeamStageFollowsTheProvisionalRule(t *testing.T) {
	b := teamBank(t)
	// Three members answered only the relationships pillar: the other
	// pillars are thin and have no stage, the result is provisional.
	ms := make([]Member, 3)
	for i := range ms {
		as := Answers{}
		for _, k := range b.Pillars[0].KeyActions {
			for _, q := range k.Questions {
				as[q.ID] = AtLevel(3)
			}
		}
		ms[i] = Member{Name: fmt.Sprint(i), Answers: as}
	}
	r := Team(b, ms, nil)
	if !r.Provisional || r.Missing == nil || len(r.Missing.ThinPillars) != len(b.Pillars)-1 {
		t.Errorf("provisional %v, missing %+v; want provisional with %d thin pillars", r.Provisional, r.Missing, len(b.Pillars)-1)
	}
	if r.Pillars[0].Stage == nil || r.Pillars[1].Stage != nil || r.Pillars[1].Score.Valid {
		t.Errorf("answered pillar stage %v, unanswered pillar stage %v score %v; want a stage, none, unscored", r.Pillars[0].Stage, r.Pillars[1].Stage, r.Pillars[1].Score)
	}
	if r.Overall.Stage != nil {
		t.Errorf("overall stage %v from a third of the questions; want none", r.Overall.Stage)
	}
}

func TestTeamUnderThreeIsWithheld(t *testing.T) {
	b := teamBank(t)
	for _, ms := range [][]Member{
		nil,
		{{Name: "a", Answers: everywhere(b, 1)}},
		{{Name: "a", Answers: everywhere(b, 1)}, {Name: "b", Answers: everywhere(b, 2)}, {Name: "c"}},
	} {
		r := Team(b, ms, nil)
		if !r.Withheld || r.Questions != nil || r.Overall.Score.Valid || r.Answers != nil || r.Roles != nil {
			t.Errorf("%d members: %+v; want withheld and empty", len(ms), r)
		}
		if r.Members != len(ms) {
			t.Errorf("members = %d; want %d", r.Members, len(ms))
		}
	}
}

func TestRoleGroupsOnlyWhenEveryGroupHasThree(t *testing.T) {
	b := teamBank(t)
	team := func(roles ...string) []Member {
		ms := make([]Member, len(roles))
		for i, r := range roles {
			level := 1
			if strings.EqualFold(strings.TrimSpace(r), "leader") {
				level = 3
			}
			ms[i] = Member{Name: fmt.Sprint(i), Role: r, Answers: everywhere(b, level)}
		}
		return ms
	}
	tests := []struct {
		name  string
		roles []string
		want  []string
	}{
		{"two groups of three", []string{"Leader", "Practitioner", " leader", "Practitioner", "LEADER ", "practitioner"}, []string{"Leader", "Practitioner"}},
		{"a group of two", []string{"Leader", "Leader", "Practitioner", "Practitioner", "Practitioner"}, nil},
		{"one other: it could be worked out", []string{"Leader", "Leader", "Leader", "Practitioner", "Practitioner", "Practitioner", "Intern"}, nil},
		{"no role is a group", []string{"Leader", "Leader", "Leader", "", "", ""}, []string{"", "Leader"}},
		{"one group only", []string{"Leader", "Leader", "Leader"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := Team(b, team(tt.roles...), nil)
			var got []string
			for _, g := range r.Roles {
				got = append(got, g.Role)
				if g.Members < MinGroup {
					t.Errorf("group %q of %d", g.Role, g.Members)
				}
				want := 25.0
				if g.Role == "Leader" {
					want = 75
				}
				if g.Overall.Score.Value != want || g.Overall.N != g.Members {
					t.Errorf("group %q: overall %v of %d; want %v of %d", g.Role, g.Overall.Score, g.Overall.N, want, g.Members)
				}
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("role groups = %q; want %q", got, tt.want)
			}
		})
	}
}

func TestAgreedAnswersSitBesideTheDistribution(t *testing.T) {
	b := teamBank(t)
	agreed := Agreed{"eng-channels": {Answer: AtLevel(4), Why: "we checked the numbers"}}
	r := Team(b, membersAnswering(b, "eng-channels", levels(1, 1, 2)...), agreed)
	s := statsOf(t, r, "eng-channels")
	if s.Agreed == nil || s.Agreed.Answer != AtLevel(4) || s.Agreed.Why != "we checked the numbers" {
		t.Errorf("agreed = %+v; want level 4 with its why", s.Agreed)
	}
	if s.Levels != [questions.MaxLevel + 1]int{0, 2, 1, 0, 0} || s.Team != AtLevel(1) {
		t.Errorf("distribution %v, team %v; the raw answers must stay as given", s.Levels, s.Team)
	}
	if other := statsOf(t, r, "eng-conversations"); other.Agreed != nil {
		t.Errorf("agreed on an unagreed question: %+v", other.Agreed)
	}
}

// Team on bank v2 with 200 members, about a workshop's size.
func BenchmarkTeam200(b *testing.B) {
	bank := teamBank(b)
	ms := make([]Member, 200)
	for i := range ms {
		as := Answers{}
		for j, ref := range bank.Questions() {
			switch (i + j) % 7 {
			case 6:
				as[bank.At(ref).ID] = NotSure
			default:
				as[bank.At(ref).ID] = AtLevel((i*j + i) % 5)
			}
		}
		ms[i] = Member{Name: fmt.Sprint(i), Role: []string{"Leader", "Practitioner"}[i%2], Answers: as, Completed: i%3 == 0}
	}
	b.ReportAllocs()
	for b.Loop() {
		Team(bank, ms, nil)
	}
}
