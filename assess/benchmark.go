package assess

import (
	"socialmaturity/questions"
)

// SourceBenchmark is where an organization's answers place it against one
// of the source's own findings: Text says where it stands (the bank's met
// or unmet wording), and Fact is the finding with its figure and citation.
type SourceBenchmark struct {
	ID string
	// Met is whether the answer (or key-action score) is at the bank's
	// threshold or above.
	Met  bool
	Text string // on one line
	// Subject is the question id or key action id the benchmark reads, and
	// Title the key action's title (the question id for a question).
	Subject, Title string
	Fact           Evidence
}

// SourceBenchmarks places answers (and their result r) against the bank's
// benchmarks, in bank order. A benchmark on a question answered "not sure",
// "does not apply" or not at all, or on a key action left unscored, places
// nothing and is left out, as is one whose fact the bank lacks.
func SourceBenchmarks(b *questions.Bank, r *Result, answers Answers) []SourceBenchmark {
	if len(b.Benchmarks) == 0 {
		return nil
	}
	x := scoreIndex{b: b, answers: answers, r: r}
	var out []SourceBenchmark
	for _, bm := range b.Benchmarks {
		ev := evidence(b, []string{bm.Fact})
		if len(ev) == 0 || ev[0].Fact == nil {
			continue
		}
		sb := SourceBenchmark{ID: bm.ID, Fact: ev[0]}
		switch {
		case bm.Question != "":
			if _, known := b.Question(bm.Question); !known {
				continue
			}
			l, ok := x.level(bm.Question)
			if !ok {
				continue
			}
			sb.Subject, sb.Title, sb.Met = bm.Question, bm.Question, float64(l) >= bm.AtLeast
		default:
			s, _, ok := x.part(bm.KeyAction)
			if !ok || !s.Valid {
				continue
			}
			sb.Subject, sb.Title, sb.Met = bm.KeyAction, b.TitleOf(bm.KeyAction), Round(s.Value) >= bm.AtLeast
		}
		sb.Text = oneLine(bm.Unmet)
		if sb.Met {
			sb.Text = oneLine(bm.Met)
		}
		out = append(out, sb)
	}
	return out
}

// MinPortfolio is how many other organizations a portfolio figure needs at
// least: with fewer, no rank or percentile is given.
const MinPortfolio = 5

// PortfolioEntry is the latest assessment of one organization in the
// portfolio, or a row of an imported cohort: scores only, never a name.
type PortfolioEntry struct {
	// OrgID is the stored organization's id (empty for an imported row).
	OrgID string `json:"org_id,omitempty"`
	// Imported marks a row of a cohort brought in from elsewhere.
	Imported bool          `json:"imported"`
	Overall  Score         `json:"overall"`
	Pillars  []PillarScore `json:"pillars"`
}

// PortfolioRank is where an organization stands among the latest
// assessments of the other organizations in the portfolio. It names no
// other organization.
type PortfolioRank struct {
	// Others is how many other organizations' entries it is ranked among,
	// Imported how many of those are imported cohort rows.
	Others, Imported int
	// Overall is nil when the overall score is unscored, or fewer than
	// MinPortfolio others have one.
	Overall *Standing
	// Pillars are the pillars of own with a standing, in own's order: a
	// pillar own left unscored, or fewer than MinPortfolio others scored,
	// has none.
	Pillars []PillarStanding
}

// PillarStanding is a pillar's standing.
type PillarStanding struct {
	ID string
	Standing
}

// Standing is a score's place among the others' scores of the same part,
// compared as shown (to one decimal).
type Standing struct {
	// Rank is 1 plus how many others score higher: 1 is the top.
	Rank int
	// Of is how many are ranked: own and the others with a score here.
	Of int
	// Percentile is the share of the others scoring below, ties counting
	// half, from 0 to 100.
	Percentile float64
}

// Rank places own among others (the portfolio's entries; own organization's
// own entry, by OrgID, is left out). It is nil when fewer than MinPortfolio
// other entries remain.
func Rank(own Summary, others []PortfolioEntry) *PortfolioRank {
	rank := &PortfolioRank{}
	for _, e := range others {
		if e.OrgID != "" && e.OrgID == own.OrgID {
			continue
		}
		rank.Others++
		if e.Imported {
			rank.Imported++
		}
	}
	if rank.Others < MinPortfolio {
		return nil
	}
	rank.Overall = standing(own.Overall, own.OrgID, others, func(e *PortfolioEntry) Score { return e.Overall })
	for _, p := range own.Pillars {
		id := p.ID
		if s := standing(p.Score, own.OrgID, others, func(e *PortfolioEntry) Score { return pillarScore(e.Pillars, id) }); s != nil {
			rank.Pillars = append(rank.Pillars, PillarStanding{ID: id, Standing: *s})
		}
	}
	return rank
}

// standing places score among the scores others have of one part; nil
// when score is unscored or fewer than MinPortfolio others are scored.
func standing(score Score, ownOrg string, others []PortfolioEntry, of func(*PortfolioEntry) Score) *Standing {
	if !score.Valid {
		return nil
	}
	own := Round(score.Value)
	var above, below, same int
	for i := range others {
		e := &others[i]
		if e.OrgID != "" && e.OrgID == ownOrg {
			continue
		}
		s := of(e)
		if !s.Valid {
			continue
		}
		switch v := Round(s.Value); {
		case v > own:
			above++
		case v < own:
			below++
		default:
			same++
		}
	}
	n := above + below + same
	if n < MinPortfolio {
		return nil
	}
	return &Standing{Rank: above + 1, Of: n + 1, Percentile: 100 * (float64(below) + float64(same)/2) / float64(n)}
}

func pillarScore(pillars []PillarScore, id string) Score {
	for _, p := range pillars {
		if p.ID == id {
			return p.Score
		}
	}
	return Score{}
}
