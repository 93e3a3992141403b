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
// and left out of Mean, Median, Levels and D.
type QuestionStats struct {
	ID        string
	Pillar    string
	KeyAction string
	N         int
	Unsure    int
	NA        int
	// Levels is the distribution: Levels[l] people answered level l.
	Levels [questions.MaxLevel + 1]int
	// Mean and Median are levels (0..MaxLevel); valid only when N > 0.
	Mean, Median float64
	// D is Leik's ordinal dispersion, 0 (everyone alike) to 1 (two
	// opposite camps); nil under MinGroup answers at a level.
	D *float64
	// Outlier: someone answered OutlierDistance or more levels from the
	// median.
	Outlier bool
	// KnowledgeGap: KnowledgeGapShare or more of the answers were "not
	// sure".
	KnowledgeGap bool
	// Consensus: at least 80% of the answers are within one level of the
	// median (the Delphi rule).
	Consensus bool
	// Team is the team's answer: the lower median level, "not sure" when
	// more said so than gave a level, "does not apply" when most said so;
	// HasTeam is false when nobody answered.
	Team    Answer
	HasTeam bool
	// Agreed is the answer the team agreed on, if one was recorded.
	Agreed *AgreedAnswer
}

// TeamPart is a key action's, a pillar's or the whole bank's team figures:
// Score is the mean of the members' scores, Spread their standard
// deviation, N how many members have a score for it; Stage follows v2's
// rules (none when the team's answers cover under half of it), and Counts
// are those of the team's answers.
type TeamPart struct {
	ID     string
	Score  Score
	Spread float64
	N      int
	Stage  *StageRef
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
	t.Questions = questionStats(b, active, agreed)
	t.Answers = Answers{}
	for _, q := range t.Questions {
		if q.HasTeam {
			t.Answers[q.ID] = q.Team
		}
	}
	t.Evaluation = Evaluate(b, t.Answers, Targets{})
	t.Provisional, t.Missing = t.Evaluation.Provisional, t.Evaluation.Missing
	scored := make([]Result, len(active))
	for i, m := range active {
		scored[i] = Evaluate(b, m.Answers, Targets{})
	}
	t.Overall, t.Pillars, t.Capped = teamParts(b, scored, &t.Evaluation)
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
	t.Roles = roleGroups(b, active, scored, &t.Evaluation)
	return t
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

// describe fills the figures computed from the counts.
func (s *QuestionStats) describe() {
	if given := s.N + s.Unsure; given > 0 {
		s.KnowledgeGap = float64(s.Unsure) >= KnowledgeGapShare*float64(given)
	}
	switch {
	case s.NA > s.N+s.Unsure:
		s.Team, s.HasTeam = DoesNotApply, true
	case s.Unsure > s.N:
		s.Team, s.HasTeam = NotSure, true
	}
	if s.N == 0 {
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
	if s.N >= MinGroup {
		d = 2 * d / questions.MaxLevel
		s.D = &d
	}
}

// teamParts are the team figures of the whole and of each pillar and key
// action: the mean and spread of the members' results, staged by the
// counts of the team's answers (evaluation).
func teamParts(b *questions.Bank, scored []Result, evaluation *Result) (TeamPart, []TeamPillar, *Cap) {
	pillars := make([]TeamPillar, len(b.Pillars))
	staged := make([]PillarResult, len(b.Pillars))
	var overall []Score
	for p := range b.Pillars {
		pe := &evaluation.Pillars[p]
		var ps []Score
		kas := make([]TeamPart, len(pe.KeyActions))
		for k := range pe.KeyActions {
			var ks []Score
			for _, r := range scored {
				ks = append(ks, r.Pillars[p].KeyActions[k].Score)
			}
			kas[k] = teamPart(b, pe.KeyActions[k].ID, ks, pe.KeyActions[k].Counts)
		}
		for _, r := range scored {
			ps = append(ps, r.Pillars[p].Score)
		}
		pillars[p] = TeamPillar{TeamPart: teamPart(b, pe.ID, ps, pe.Counts), KeyActions: kas}
		staged[p] = PillarResult{ID: pe.ID, Score: pillars[p].Score, Stage: pillars[p].Stage, Counts: pe.Counts}
	}
	for _, r := range scored {
		overall = append(overall, r.Overall)
	}
	whole := teamPart(b, "", overall, evaluation.Counts)
	var capped *Cap
	whole.Stage, capped = cappedStage(b, whole.Score, whole.Counts, staged)
	return whole, pillars, capped
}

// teamPart is the mean and standard deviation of the valid scores.
func teamPart(b *questions.Bank, id string, scores []Score, c Counts) TeamPart {
	t := TeamPart{ID: id, Counts: c}
	var sum, sq float64
	for _, s := range scores {
		if s.Valid {
			t.N++
			sum += s.Value
		}
	}
	if t.N == 0 {
		return t
	}
	mean := sum / float64(t.N)
	for _, s := range scores {
		if s.Valid {
			sq += (s.Value - mean) * (s.Value - mean)
		}
	}
	t.Score, t.Spread = Scored(mean), math.Sqrt(sq/float64(t.N))
	t.Stage = partStage(b, t.Score, c)
	return t
}

// roleGroups is the view by role, or nil when some group would be smaller
// than MinGroup or there is only one group. Roles are grouped ignoring
// case and spacing; a group is named as its first member wrote it.
func roleGroups(b *questions.Bank, members []Member, scored []Result, evaluation *Result) []RoleGroup {
	type group struct {
		name    string
		members []int
	}
	var groups []*group
	byKey := map[string]*group{}
	for i, m := range members {
		key := strings.ToLower(strings.Join(strings.Fields(m.Role), " "))
		g := byKey[key]
		if g == nil {
			g = &group{name: strings.Join(strings.Fields(m.Role), " ")}
			byKey[key] = g
			groups = append(groups, g)
		}
		g.members = append(g.members, i)
	}
	if len(groups) < 2 {
		return nil
	}
	for _, g := range groups {
		if len(g.members) < MinGroup {
			return nil
		}
	}
	out := make([]RoleGroup, len(groups))
	for i, g := range groups {
		rs := make([]Result, len(g.members))
		for j, m := range g.members {
			rs[j] = scored[m]
		}
		overall, pillars, _ := teamParts(b, rs, evaluation)
		out[i] = RoleGroup{Role: g.name, Members: len(g.members), Overall: overall, Pillars: pillars}
	}
	slices.SortStableFunc(out, func(a, b RoleGroup) int { return cmp.Compare(a.Role, b.Role) })
	return out
}
