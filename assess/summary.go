package assess

import "time"

// ShortIDLen is how many characters of an id are shown at least.
const ShortIDLen = 10

// Summary is what a listing shows of one completed assessment.
type Summary struct {
	ID          string        `json:"id"`
	Short       string        `json:"-"` // the shortest unique prefix of ID, at least ShortIDLen long
	OrgID       string        `json:"org_id,omitempty"`
	Org         string        `json:"org"`
	Respondent  string        `json:"respondent"`
	Workshop    string        `json:"workshop,omitempty"`
	CompletedAt time.Time     `json:"completed_at"`
	Overall     Score         `json:"overall"`
	Stage       *StageRef     `json:"stage"`
	Provisional bool          `json:"provisional"`
	Coverage    float64       `json:"coverage"`
	Pillars     []PillarScore `json:"pillars"`
	// KeyActions are the key-action scores, in bank order (empty in
	// summaries stored before they were kept).
	KeyActions []PillarScore `json:"key_actions,omitempty"`
	Bank       BankRef       `json:"bank"`
}

// PillarScore is one pillar's (or key action's) score in a summary.
type PillarScore struct {
	ID    string `json:"id"`
	Score Score  `json:"score"`
}

// Summarize is the summary of an assessment.
func Summarize(a *Assessment) Summary {
	s := Summary{ID: a.ID, OrgID: a.OrgID, Org: a.Org, Respondent: a.Respondent, Workshop: a.Workshop, Bank: a.Bank}
	if a.CompletedAt != nil {
		s.CompletedAt = *a.CompletedAt
	}
	if r := a.Result; r != nil {
		s.Overall, s.Stage, s.Provisional, s.Coverage = r.Overall, r.Stage, r.Provisional, r.Coverage
		for _, p := range r.Pillars {
			s.Pillars = append(s.Pillars, PillarScore{p.ID, p.Score})
			for _, k := range p.KeyActions {
				s.KeyActions = append(s.KeyActions, PillarScore{k.ID, k.Score})
			}
		}
	}
	return s
}

// ShortIDs gives each of ids the shortest prefix, at least ShortIDLen long,
// that no other id in the list shares, so a listing's short ids are unique.
func ShortIDs(ids []string) []string {
	out := make([]string, len(ids))
	for i, id := range ids {
		n := ShortIDLen
		for j, other := range ids {
			if i == j {
				continue
			}
			common := 0
			for common < len(id) && common < len(other) && id[common] == other[common] {
				common++
			}
			n = max(n, common+1)
		}
		out[i] = id[:min(n, len(id))]
	}
	return out
}
