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
	for _, question := range b.AllQuestions() {
		as[question.ID] = AtLevel(l)
	}
	return as
}

// membersAnswering are members who answer question q with the given
// answers (one member each) and every other question at level 2, with
// members who leave q unanswered added to make a team of MinGroup.
func membersAnswering(b *questions.Bank, q string, answers ...Answer) []Member {
	ms := make([]Member, max(len(answers), MinGroup))
	for i := range ms {
		as := everywhere(b, 2)
		delete(as, q)
		if i < len(answers) {
			as[q] = answers[i]
		}
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
// "does not apply" and small groups: nothing rests on fewer than three
// people.
func TestQuestionStatistics(t *testing.T) {
	b := teamBank(t)
	const q = "eng-channels"
	d := func(v float64) *float64 { return &v }
	none := Answer{Level: -1}
	tests := []struct {
		name                    string
		answers                 []Answer
		withheld, few           bool
		n, unsure, na           int
		mean, median            float64
		d                       *float64
		outlier, gap, consensus bool
		team                    Answer // none: no team answer
	}{
		{"unanimous", levels(2, 2, 2, 2, 2, 2), false, false, 6, 0, 0, 2, 2, d(0), false, false, true, AtLevel(2)},
		{"adjacent halves", levels(2, 2, 2, 3, 3, 3), false, false, 6, 0, 0, 2.5, 2.5, d(0.25), false, false, true, AtLevel(2)},
		{"two apart", levels(1, 1, 1, 3, 3, 3), false, false, 6, 0, 0, 2, 2, d(0.5), false, false, true, AtLevel(1)},
		{"opposite camps", levels(0, 0, 0, 4, 4, 4), false, false, 6, 0, 0, 2, 2, d(1), true, false, false, AtLevel(0)},
		{"a lone outlier", levels(1, 2, 2, 2, 2, 4), false, false, 6, 0, 0, 13.0 / 6, 2, d(0.25), true, false, true, AtLevel(2)},
		{"one low", levels(0, 2, 2, 2, 2, 2), false, false, 6, 0, 0, 10.0 / 6, 2, d(1.0 / 6), true, false, true, AtLevel(2)},
		{"spread out", levels(0, 1, 2, 2, 3, 4), false, false, 6, 0, 0, 2, 2, d(0.5), true, false, false, AtLevel(2)},
		{"three at a level", levels(1, 3, 4), false, false, 3, 0, 0, 8.0 / 3, 3, d(0.5), true, false, false, AtLevel(3)},
		{"not sure left out and flagged from a quarter", append(levels(3, 3, 3), NotSure), false, false, 3, 1, 0, 3, 3, d(0), false, true, true, AtLevel(3)},
		{"under a quarter not sure is no gap", append(levels(3, 3, 3, 3), NotSure), false, false, 4, 1, 0, 3, 3, d(0), false, false, true, AtLevel(3)},
		{"does not apply left out", append(levels(1, 1, 1), DoesNotApply), false, false, 3, 0, 1, 1, 1, d(0), false, false, true, AtLevel(1)},
		// Fewer than three answered at all: nothing is given.
		{"one answer", levels(4), true, true, 0, 0, 0, 0, 0, nil, false, false, false, none},
		{"two answers", levels(1, 3), true, true, 0, 0, 0, 0, 0, nil, false, false, false, none},
		{"two not sure", []Answer{NotSure, NotSure}, true, true, 0, 0, 0, 0, 0, nil, false, false, false, none},
		// Three or more answered, fewer than three at a level: the counts
		// of "not sure" and "does not apply" only, no level figures.
		{"two levels and a not sure", append(levels(1, 3), NotSure), false, true, 0, 1, 0, 0, 0, nil, false, true, false, none},
		{"two levels, two not sure", append(levels(4), NotSure, NotSure, AtLevel(4)), false, true, 0, 2, 0, 0, 0, nil, false, true, false, none},
		{"more not sure than levels", append(levels(4), NotSure, NotSure), false, true, 0, 2, 0, 0, 0, nil, false, true, false, NotSure},
		{"mostly does not apply", append(levels(1), DoesNotApply, DoesNotApply, DoesNotApply), false, true, 0, 0, 3, 0, 0, nil, false, false, false, DoesNotApply},
		{"two levels and a does not apply", append(levels(1, 3), DoesNotApply), false, true, 0, 0, 1, 0, 0, nil, false, false, false, none},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := Team(b, membersAnswering(b, q, tt.answers...), nil)
			s := statsOf(t, r, q)
			if s.Withheld != tt.withheld || s.FewLevels != tt.few {
				t.Errorf("withheld, few levels = %v, %v; want %v, %v", s.Withheld, s.FewLevels, tt.withheld, tt.few)
			}
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
			if tt.team == none {
				if _, ok := r.Answers[q]; s.HasTeam || ok {
					t.Errorf("team answer %+v from fewer than three; want none", s.Team)
				}
			} else if !s.HasTeam || s.Team != tt.team || r.Answers[q] != tt.team {
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

// The team's scores are those of the team's answers, which the
// recommendations use too; the mean and spread of people's own scores are
// apart.
func TestTeamScoresAreTheTeamAnswersBesideThePeoplesMean(t *testing.T) {
	b := teamBank(t)
	ms := []Member{
		{Name: "a", Answers: everywhere(b, 0), Completed: true},
		{Name: "b", Answers: everywhere(b, 3)},
		{Name: "c", Answers: everywhere(b, 3), Completed: true},
		{Name: "d"}, // joined, answered nothing
	}
	r := Team(b, ms, nil)
	if r.Withheld || r.Members != 4 || r.Completed != 2 {
		t.Fatalf("withheld %v, members %d, completed %d; want false, 4, 2", r.Withheld, r.Members, r.Completed)
	}
	sd := math.Sqrt(2.0) * 25 // scores 0, 75, 75 around 50
	check := func(name string, p TeamPart, team Score, stage *StageRef) {
		t.Helper()
		if p.Withheld || p.Score != team || p.Score.Value != 75 || !stageEqual(p.Stage, stage) {
			t.Errorf("%s: team score %+v, stage %+v; want the team answers' %+v, %+v", name, p.Score, p.Stage, team, stage)
		}
		if !p.Mean.Valid || math.Abs(p.Mean.Value-50) > 1e-9 || math.Abs(p.Spread-sd) > 1e-9 || p.N != 3 {
			t.Errorf("%s: people's mean %+v, spread %v, n %d; want 50, %v, 3", name, p.Mean, p.Spread, p.N, sd)
		}
	}
	e := &r.Evaluation
	check("overall", r.Overall, e.Overall, e.Stage)
	for i, p := range r.Pillars {
		check(p.ID, p.TeamPart, e.Pillars[i].Score, e.Pillars[i].Stage)
		for j, k := range p.KeyActions {
			check(k.ID, k, e.Pillars[i].KeyActions[j].Score, e.Pillars[i].KeyActions[j].Stage)
		}
	}
	if r.Provisional {
		t.Error("a fully answered team result is provisional")
	}
	if len(e.Recommendations) == 0 {
		t.Error("no recommendations from the team's answers")
	}
}

func stageEqual(a, b *StageRef) bool { return (a == nil) == (b == nil) && (a == nil || *a == *b) }

// The tester's case: two people answered everything, one five questions,
// one three. Nothing answered by fewer than three is given, not even a
// count.
func TestTeamGivesNothingFromFewerThanThree(t *testing.T) {
	b := teamBank(t)
	partial := func(level int, ids ...string) Answers {
		as := Answers{}
		for _, id := range ids {
			as[id] = AtLevel(level)
		}
		return as
	}
	ms := []Member{
		{Name: "Bob", Answers: everywhere(b, 3), Completed: true},
		{Answers: everywhere(b, 1), Completed: true},
		{Name: "Alice", Answers: partial(2, "eng-channels", "eng-conversations", "eng-audiences", "lis-practice", "lis-uses")},
		{Name: "Dave", Answers: partial(4, "eng-channels", "dis-plan", "ins-advocacy")},
	}
	r := Team(b, ms, nil)
	if r.Withheld {
		t.Fatal("a team of four is withheld")
	}
	shown := map[string]bool{"eng-channels": true, "eng-conversations": true, "eng-audiences": true, "lis-practice": true, "lis-uses": true, "dis-plan": true, "ins-advocacy": true}
	for _, q := range r.Questions {
		_, answered := r.Answers[q.ID]
		if shown[q.ID] {
			if q.Withheld || q.N < MinGroup || !answered {
				t.Errorf("%s, answered by three or more: %+v", q.ID, q)
			}
			continue
		}
		if q != (QuestionStats{ID: q.ID, Pillar: q.Pillar, KeyAction: q.KeyAction, Withheld: true, FewLevels: true}) || answered {
			t.Errorf("%s, answered by two, gives %+v (team answer %v)", q.ID, q, answered)
		}
	}
	for _, q := range append(r.Hotspots, r.KnowledgeGaps...) {
		if !shown[q.ID] {
			t.Errorf("%s, answered by two, is a hotspot or a knowledge gap", q.ID)
		}
	}
	parts := map[string]TeamPart{"": r.Overall}
	for _, p := range r.Pillars {
		parts[p.ID] = p.TeamPart
		for _, k := range p.KeyActions {
			parts[k.ID] = k
		}
	}
	for _, id := range []string{"channel-data", "integration", "measurement", "access", "specialists"} {
		if p := parts[id]; p != (TeamPart{ID: id, Withheld: true, Counts: p.Counts}) {
			t.Errorf("%s, answered by two: %+v; want withheld and nothing else", id, p)
		}
	}
	for id, p := range parts {
		if p.N != 0 && p.N < MinGroup || p.Mean.Valid != (p.N >= MinGroup) {
			t.Errorf("%q: the people's mean %+v from %d people", id, p.Mean, p.N)
		}
	}
	// Dave's one answer makes disruption answered by three, each with a
	// score of their own; its team score rests on dis-plan alone.
	if p := parts["disruption"]; p.Withheld || p.N != 3 || !p.Score.Valid || p.Score.Value != 75 || p.Stage != nil {
		t.Errorf("disruption: %+v; want a team score of 75 without a stage, and three people's scores", p)
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
		for j, question := range bank.AllQuestions() {
			switch (i + j) % 7 {
			case 6:
				as[question.ID] = NotSure
			default:
				as[question.ID] = AtLevel((i*j + i) % 5)
			}
		}
		ms[i] = Member{Name: fmt.Sprint(i), Role: []string{"Leader", "Practitioner"}[i%2], Answers: as, Completed: i%3 == 0}
	}
	b.ReportAllocs()
	for b.Loop() {
		Team(bank, ms, nil)
	}
}
