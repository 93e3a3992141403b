package assess

import (
	"cmp"
	"math"
	"slices"
	"sort"
	"strings"
	"time"

	"socialmaturity/questions"
)

// MinGroup is the smallest group of people whose combined answers are
// shown: a team, a role group, or a question's answers (Leik's D). A
// breakdown of fewer would let a reader work out one person's answers.
const MinGroup = 3

// KnowledgeGapShare is the share of "not sure" among a question's answers
// from which the question is flagged as a knowledge gap.
const KnowledgeGapShare = 0.25

// OutlierDistance is how many levels from the median an answer must be for
// the question to be flagged as having an outlier.
const OutlierDistance = 2

// Member is one participant of a workshop: their answers so far, and
// whether they completed them.
type Member struct {
	Name      string
	Role      string
	Answers   Answers
	Completed bool
}

// AgreedAnswer is the answer a team agreed on after a discussion, why, and
// when it was recorded.
type AgreedAnswer struct {
	Answer Answer    `json:"answer"`
	Why    string    `json:"why,omitempty"`
	At     time.Time `json:"at"`
}

// Agreed maps question ids to the team's agreed answers.
type Agreed map[string]AgreedAnswer

// Band names how far apart a question's answers are, from Leik's D.
type Band int

// The bands of Leik's D: under 0.25 aligned, under 0.5 mixed, else split.
const (
	Aligned Band = iota
	Mixed
	Split
)

// BandOf is the band of a Leik's D value.
func BandOf(d float64) Band {
	switch {
	case d < 0.25:
		return Aligned
	case d < 0.5:
		return Mixed
	}
	return Split
}

// QuestionStats is how a team answered one question. N counts answers at a
// level; "not sure" (Unsure) and "does not apply" (NA) are counted apart
// and left out of Mean, Median, Levels and D. No figure rests on fewer
// than MinGroup people: see Withheld and FewLevels.
type QuestionStats struct {
	ID        string
	Pillar    string
	KeyAction string
	// Withheld: fewer than MinGroup people answered the question, so it
	// gives nothing: every count, figure and flag is zero and there is no
	// team answer (FewLevels is set too).
	Withheld bool
	// FewLevels: fewer than MinGroup people answered at a level, so N,
	// Levels, Mean, Median, D, Outlier and Consensus are zero, and the team
	// answer is never a level.
	FewLevels bool
	N         int
	Unsure    int
	NA        int
	// Levels is the distribution: Levels[l] people answered level l.
	Levels [questions.MaxLevel + 1]int
	// Mean and Median are levels (0..MaxLevel); valid only without
	// FewLevels.
	Mean, Median float64
	// D is Leik's ordinal dispersion, 0 (everyone alike) to 1 (two
	// opposite camps); nil with FewLevels.
	D *float64
	// Outlier: someone answered OutlierDistance or more levels from the
	// median.
	Outlier bool
	// KnowledgeGap: KnowledgeGapShare or more of the answers were "not
	// sure" (judged only from MinGroup answers or more).
	KnowledgeGap bool
	// Consensus: at least 80% of the answers are within one level of the
	// median (the Delphi rule).
	Consensus bool
	// Team is the team's answer: the lower median level, "not sure" when
	// more said so than gave a level, "does not apply" when most said so;
	// HasTeam is false when the question is withheld, or when it would be
	// a level given by fewer than MinGroup people.
	Team    Answer
	HasTeam bool
	// Agreed is the answer the team agreed on, if one was recorded.
	Agreed *AgreedAnswer
}

// TeamPart is a key action's, a pillar's or the whole bank's team figures,
// on two stated bases. Score, Stage and Counts are those of the team's
// answers (QuestionStats.Team), the basis of the recommendations; Stage
// follows v2's rules (none when the team's answers cover under half of
// it). Mean and Spread are the mean and standard deviation of the members'
// own scores and N how many members have one; when N is under MinGroup
// they are left out (zero). Withheld: fewer than MinGroup members answered
// anything under it, so it gives no figure at all.
type TeamPart struct {
	ID       string
	Withheld bool
	Score    Score
	Stage    *StageRef
	Mean     Score
	Spread   float64
	N        int
	Counts
}

// TeamPillar is a pillar's team figures with its key actions'.
type TeamPillar struct {
	TeamPart
	KeyActions []TeamPart
}

// RoleGroup is the team figures of the members who gave one role (the
// empty role: those who gave none).
type RoleGroup struct {
	Role    string
	Members int
	Overall TeamPart
	Pillars []TeamPillar
}

// TeamResult is a team's combined result. When fewer than MinGroup members
// answered anything, Withheld is set and only Members and Completed are
// filled.
type TeamResult struct {
	Bank      BankRef
	Members   int
	Completed int
	Withheld  bool

	Overall TeamPart
	// Capped is set when the overall stage was held at one stage above the
	// weakest pillar's.
	Capped *Cap
	// Provisional and Missing are those of the team's answers' coverage.
	Provisional bool
	Missing     *Missing
	Pillars     []TeamPillar
	// Questions are in bank order.
	Questions []QuestionStats
	// Hotspots are the questions with a D, most disagreement first (ties:
	// more answers first, then bank order); they point into Questions.
	Hotspots []*QuestionStats
	// KnowledgeGaps are the questions flagged as knowledge gaps, in bank
	// order; they point into Questions.
	KnowledgeGaps []*QuestionStats
	// Answers are the team's answers (QuestionStats.Team) and Evaluation
	// their evaluation, whose recommendations are the team's.
	Answers    Answers
	Evaluation Result
	// Roles is the view by role: given only when the members fall into at
	// least two role groups and every group has at least MinGroup members.
	Roles []RoleGroup
}

// Team combines the members' answers against bank b, with the team's
// agreed answers beside them. Members who answered nothing are counted in
// Members but take no part.
func Team(b *questions.Bank, members []Member, agreed Agreed) TeamResult {
	t := TeamResult{Bank: RefOf(b), Members: len(members)}
	var active []Member
	for _, m := range members {
		if m.Completed {
			t.Completed++
		}
		if len(m.Answers) > 0 {
			active = append(active, m)
		}
	}
	if len(active) < MinGroup {
		t.Withheld = true
		return t
	}
	scored := make([]Result, len(active))
	for i, m := range active {
		scored[i] = Evaluate(b, m.Answers, Targets{})
	}
	g := combine(b, active, scored, agreed)
	t.Questions, t.Answers, t.Evaluation = g.questions, g.answers, g.evaluation
	t.Overall, t.Pillars, t.Capped = g.overall, g.pillars, g.evaluation.Capped
	t.Provisional, t.Missing = t.Evaluation.Provisional, t.Evaluation.Missing
	for i := range t.Questions {
		q := &t.Questions[i]
		if q.D != nil {
			t.Hotspots = append(t.Hotspots, q)
		}
		if q.KnowledgeGap {
			t.KnowledgeGaps = append(t.KnowledgeGaps, q)
		}
	}
	sort.SliceStable(t.Hotspots, func(i, j int) bool {
		a, b := t.Hotspots[i], t.Hotspots[j]
		if math.Abs(*a.D-*b.D) > 1e-9 {
			return *a.D > *b.D
		}
		return a.N > b.N
	})
	t.Roles = roleGroups(b, active, scored)
	return t
}

// group is the combined figures of some members who answered something.
type group struct {
	questions  []QuestionStats
	answers    Answers
	evaluation Result
	overall    TeamPart
	pillars    []TeamPillar
}

// combine is the figures of members, scored each on their own answers:
// each question's statistics, the team answers and their evaluation, and
// every part on both bases.
func combine(b *questions.Bank, members []Member, scored []Result, agreed Agreed) group {
	g := group{questions: questionStats(b, members, agreed), answers: Answers{}}
	for _, q := range g.questions {
		if q.HasTeam {
			g.answers[q.ID] = q.Team
		}
	}
	g.evaluation = Evaluate(b, g.answers, Targets{})
	g.overall, g.pillars = teamParts(scored, &g.evaluation)
	return g
}

// questionStats are the statistics of every question of b, in bank order.
func questionStats(b *questions.Bank, members []Member, agreed Agreed) []QuestionStats {
	var out []QuestionStats
	for _, p := range b.Pillars {
		for _, ka := range p.KeyActions {
			for i := range ka.Questions {
				q := &ka.Questions[i]
				s := QuestionStats{ID: q.ID, Pillar: p.ID, KeyAction: ka.ID}
				for _, m := range members {
					a, ok := m.Answers[q.ID]
					switch {
					case !ok:
					case a.NA:
						s.NA++
					case a.Unsure:
						s.Unsure++
					default:
						s.N++
						s.Levels[clampLevel(a.Level)]++
					}
				}
				s.describe()
				if a, ok := agreed[q.ID]; ok {
					s.Agreed = &a
				}
				out = append(out, s)
			}
		}
	}
	return out
}

// describe fills the figures computed from the counts, and withholds what
// would rest on fewer than MinGroup people.
func (s *QuestionStats) describe() {
	if s.N+s.Unsure+s.NA < MinGroup {
		*s = QuestionStats{ID: s.ID, Pillar: s.Pillar, KeyAction: s.KeyAction, Withheld: true, FewLevels: true}
		return
	}
	if given := s.N + s.Unsure; given >= MinGroup {
		s.KnowledgeGap = float64(s.Unsure) >= KnowledgeGapShare*float64(given)
	}
	switch {
	case s.NA > s.N+s.Unsure:
		s.Team, s.HasTeam = DoesNotApply, true
	case s.Unsure > s.N:
		s.Team, s.HasTeam = NotSure, true
	}
	if s.N < MinGroup {
		s.FewLevels, s.N, s.Levels = true, 0, [questions.MaxLevel + 1]int{}
		return
	}
	sum, lower, upper := 0, -1, -1
	seen := 0
	for l, c := range s.Levels {
		sum += l * c
		if c == 0 {
			continue
		}
		if lower < 0 && seen+c >= (s.N+1)/2 {
			lower = l
		}
		if upper < 0 && seen+c >= s.N/2+1 {
			upper = l
		}
		seen += c
	}
	s.Mean = float64(sum) / float64(s.N)
	s.Median = float64(lower+upper) / 2
	if !s.HasTeam {
		s.Team, s.HasTeam = AtLevel(lower), true
	}
	near, cum := 0, 0
	var d float64
	for l, c := range s.Levels {
		if c > 0 && math.Abs(float64(l)-s.Median) >= OutlierDistance {
			s.Outlier = true
		}
		if math.Abs(float64(l)-s.Median) <= 1 {
			near += c
		}
		if l < questions.MaxLevel {
			cum += c
			f := float64(cum) / float64(s.N)
			d += min(f, 1-f)
		}
	}
	s.Consensus = float64(near) >= 0.8*float64(s.N)
	d = 2 * d / questions.MaxLevel
	s.D = &d
}

// teamParts are the team figures of the whole and of each pillar and key
// action: those of the team's answers (evaluation) beside the mean and
// spread of the members' own results (scored).
func teamParts(scored []Result, evaluation *Result) (TeamPart, []TeamPillar) {
	pillars := make([]TeamPillar, len(evaluation.Pillars))
	for p := range evaluation.Pillars {
		pe := &evaluation.Pillars[p]
		kas := make([]TeamPart, len(pe.KeyActions))
		for k := range pe.KeyActions {
			ke := &pe.KeyActions[k]
			kas[k] = teamPart(ke.ID, ke.Score, ke.Stage, ke.Counts, scored, func(r *Result) (Score, Counts) {
				kr := &r.Pillars[p].KeyActions[k]
				return kr.Score, kr.Counts
			})
		}
		pillars[p] = TeamPillar{KeyActions: kas, TeamPart: teamPart(pe.ID, pe.Score, pe.Stage, pe.Counts, scored, func(r *Result) (Score, Counts) {
			return r.Pillars[p].Score, r.Pillars[p].Counts
		})}
	}
	whole := teamPart("", evaluation.Overall, evaluation.Stage, evaluation.Counts, scored, func(r *Result) (Score, Counts) {
		return r.Overall, r.Counts
	})
	return whole, pillars
}

// teamPart is a part scored from the team's answers (score, stage, c),
// with the mean and standard deviation of the members' own scores of it
// (of picks them from a member's result), withheld as TeamPart says.
func teamPart(id string, score Score, stage *StageRef, c Counts, scored []Result, of func(*Result) (Score, Counts)) TeamPart {
	t := TeamPart{ID: id, Counts: c}
	answered := 0
	var scores []float64
	for i := range scored {
		s, mc := of(&scored[i])
		if mc.Answered+mc.Unsure+mc.NotApplicable > 0 {
			answered++
		}
		if s.Valid {
			scores = append(scores, s.Value)
		}
	}
	if answered < MinGroup {
		t.Withheld = true
		return t
	}
	t.Score, t.Stage = score, stage
	if len(scores) < MinGroup {
		return t
	}
	var sum, sq float64
	for _, v := range scores {
		sum += v
	}
	mean := sum / float64(len(scores))
	for _, v := range scores {
		sq += (v - mean) * (v - mean)
	}
	t.N, t.Mean, t.Spread = len(scores), Scored(mean), math.Sqrt(sq/float64(len(scores)))
	return t
}

// roleGroups is the view by role, or nil when some group would be smaller
// than MinGroup or there is only one group. Each group is combined as the
// whole team is. Roles are grouped ignoring case and spacing; a group is
// named as its first member wrote it.
func roleGroups(b *questions.Bank, members []Member, scored []Result) []RoleGroup {
	type role struct {
		name    string
		members []Member
		scored  []Result
	}
	var roles []*role
	byKey := map[string]*role{}
	for i, m := range members {
		key := strings.ToLower(strings.Join(strings.Fields(m.Role), " "))
		r := byKey[key]
		if r == nil {
			r = &role{name: strings.Join(strings.Fields(m.Role), " ")}
			byKey[key] = r
			roles = append(roles, r)
		}
		r.members, r.scored = append(r.members, m), append(r.scored, scored[i])
	}
	if len(roles) < 2 {
		return nil
	}
	for _, r := range roles {
		if len(r.members) < MinGroup {
			return nil
		}
	}
	out := make([]RoleGroup, len(roles))
	for i, r := range roles {
		g := combine(b, r.members, r.scored, nil)
		out[i] = RoleGroup{Role: r.name, Members: len(r.members), Overall: g.overall, Pillars: g.pillars}
	}
	slices.SortStableFunc(out, func(a, b RoleGroup) int { return cmp.Compare(a.Role, b.Role) })
	return out
}
