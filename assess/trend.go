package assess

import (
	"cmp"
	"math"
	"slices"
	"time"

	"socialmaturity/questions"
)

// Trend is an organization's scores over time: one point per completed
// assessment, oldest first, and one series per overall score, pillar and key
// action.
type Trend struct {
	Org    string
	Points []TrendPoint
	// Series are the overall score, then each pillar followed by its key
	// actions, in bank order; parts the bank no longer has come last, with
	// their ids as titles.
	Series []Series
	// Moves are the changes since the previous assessment, largest first
	// (by size, up or down; bank order on a tie), leaving out parts that did
	// not move (as shown, to one decimal) or are unscored on either side.
	// Empty with fewer than two points.
	Moves []Move
	// MixedVersions is set when the points were answered with different
	// versions of a bank, whose scores are not strictly comparable.
	MixedVersions bool
}

// TrendPoint is one assessment of a trend.
type TrendPoint struct {
	ID          string
	CompletedAt time.Time
	Bank        BankRef
	Provisional bool
}

// Series is one part's scores, one per point (unscored where the part was
// not scored, or is missing from that assessment).
type Series struct {
	Kind   RowKind
	ID     string // OverallID for the overall score
	Title  string // empty for the overall score
	Scores []Score
}

// Last is the series' latest score.
func (s Series) Last() Score {
	if len(s.Scores) == 0 {
		return Score{}
	}
	return s.Scores[len(s.Scores)-1]
}

// Move is how one part moved since the previous assessment.
type Move struct {
	Kind     RowKind
	ID       string
	Title    string
	From, To Score
	// Delta is To − From.
	Delta float64
}

// NewTrend lines up an organization's completed assessments (their
// summaries, oldest first; history is not changed) into series, with titles
// from bank b.
func NewTrend(b *questions.Bank, history []Summary) *Trend {
	t := &Trend{Points: make([]TrendPoint, len(history))}
	n := len(history)
	for i, s := range history {
		t.Points[i] = TrendPoint{ID: s.ID, CompletedAt: s.CompletedAt, Bank: s.Bank, Provisional: s.Provisional}
		t.Org = cmp.Or(s.Org, t.Org)
		t.MixedVersions = t.MixedVersions || (s.Bank.ID != "" && history[0].Bank.ID != "" && s.Bank != history[0].Bank)
	}
	overall := Series{Kind: OverallRow, ID: OverallID, Scores: make([]Score, n)}
	for i, s := range history {
		overall.Scores[i] = s.Overall
	}
	t.Series = append(t.Series, overall)
	// Every pillar and key action found, in bank order, then the others.
	index := map[string]int{}
	add := func(kind RowKind, id string) {
		if _, ok := index[id]; !ok {
			index[id] = len(t.Series)
			t.Series = append(t.Series, Series{Kind: kind, ID: id, Title: b.TitleOf(id), Scores: make([]Score, n)})
		}
	}
	seen := map[string]bool{}
	for _, s := range history {
		for _, p := range s.Pillars {
			seen[p.ID] = true
		}
		for _, k := range s.KeyActions {
			seen[k.ID] = true
		}
	}
	for _, p := range b.Pillars {
		if seen[p.ID] {
			add(PillarRow, p.ID)
		}
		for _, k := range p.KeyActions {
			if seen[k.ID] {
				add(KeyActionRow, k.ID)
			}
		}
	}
	for i, s := range history {
		for _, p := range s.Pillars {
			add(PillarRow, p.ID)
			t.Series[index[p.ID]].Scores[i] = p.Score
		}
		for _, k := range s.KeyActions {
			add(KeyActionRow, k.ID)
			t.Series[index[k.ID]].Scores[i] = k.Score
		}
	}
	if n >= 2 {
		t.Moves = moves(t.Series, n-2, n-1)
	}
	return t
}

// moves are the changes of every series from point i to point j, largest
// first.
func moves(series []Series, i, j int) []Move {
	var out []Move
	for _, s := range series {
		from, to := s.Scores[i], s.Scores[j]
		if !from.Valid || !to.Valid || Round(from.Value) == Round(to.Value) {
			continue
		}
		out = append(out, Move{Kind: s.Kind, ID: s.ID, Title: s.Title, From: from, To: to, Delta: to.Value - from.Value})
	}
	slices.SortStableFunc(out, func(a, b Move) int {
		return cmp.Compare(Round(math.Abs(b.Delta)), Round(math.Abs(a.Delta)))
	})
	return out
}
