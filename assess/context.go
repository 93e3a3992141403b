package assess

import (
	"cmp"
	"math"
	"slices"

	"socialmaturity/questions"
)

// Context is what a view shows around one assessment: the organization's
// targets, its history and the portfolio it is compared with. Every part
// may be left out.
type Context struct {
	Targets *TargetSet
	// History is the organization's completed assessments, oldest first;
	// it may hold the viewed assessment itself.
	History []Summary
	// Portfolio is the latest assessment of every stored organization and
	// the imported cohort rows (the viewed organization's own entry is left
	// out by its OrgID).
	Portfolio []PortfolioEntry
}

// TargetLine is one target against its score: the overall score, a pillar
// or a key action.
type TargetLine struct {
	Kind  RowKind
	ID    string // OverallID for the overall score
	Title string // empty for the overall score
	TargetProgress
}

// WithContext adds to v what its context shows, and returns v:
//   - Targets: every target set, overall, then each pillar followed by its
//     key actions, against the score and the progress since the first
//     assessment of the history (see ProgressOf);
//   - Trend: the history up to and including this assessment, when that is
//     two assessments or more;
//   - Portfolio: this assessment's rank among the others (see Rank);
//   - with targets, Recommendations are ranked again: one whose key action
//     (or pillar) is below its target ranks by its gap plus how far below
//     the target it is; one at or above its target is not pushed: it is
//     marked AtTarget, left out of Next90, and listed after the others.
func (v *View) WithContext(c Context) *View {
	own := Summarize(v.Source)
	history := v.history(c.History, own)
	if c.Targets != nil && !c.Targets.IsZero() {
		var first *Summary
		if len(history) > 1 {
			first = &history[0]
		}
		v.Targets = v.targetLines(*c.Targets, first)
		v.rerank(*c.Targets)
	}
	if len(history) > 1 {
		v.Trend = NewTrend(v.bank, history)
	}
	if len(c.Portfolio) > 0 {
		v.Portfolio = Rank(own, c.Portfolio)
	}
	return v
}

// history is the organization's history up to the viewed assessment (all
// of it when the view has no completion time), without the viewed one,
// then own, the viewed one's summary.
func (v *View) history(all []Summary, own Summary) []Summary {
	out := make([]Summary, 0, len(all)+1)
	for _, s := range all {
		if (v.ID != "" && s.ID == v.ID) || (v.CompletedAt != nil && s.CompletedAt.After(*v.CompletedAt)) {
			continue
		}
		out = append(out, s)
	}
	return append(out, own)
}

// targetLines are the targets of t set for v's parts, in row order, with
// the progress since first (nil when there is only one assessment).
func (v *View) targetLines(t TargetSet, first *Summary) []TargetLine {
	firstOf := func(id string, kind RowKind) Score {
		if first == nil {
			return Score{}
		}
		switch kind {
		case OverallRow:
			return first.Overall
		case PillarRow:
			return pillarScore(first.Pillars, id)
		}
		return pillarScore(first.KeyActions, id)
	}
	var out []TargetLine
	line := func(kind RowKind, id, title string, s Score) {
		if target, ok := t.Of(id); ok {
			out = append(out, TargetLine{Kind: kind, ID: id, Title: title, TargetProgress: ProgressOf(firstOf(id, kind), s, target)})
		}
	}
	line(OverallRow, OverallID, "", v.Overall)
	for _, p := range v.Pillars {
		line(PillarRow, p.ID, p.Title, p.Score)
		for _, k := range p.KeyActions {
			line(KeyActionRow, k.ID, k.Title, k.Score)
		}
	}
	return out
}

// TargetOf is the target line of "overall", a pillar id or a key action
// id, or nil when none is set.
func (v *View) TargetOf(id string) *TargetLine {
	for i := range v.Targets {
		if v.Targets[i].ID == id {
			return &v.Targets[i]
		}
	}
	return nil
}

// Next90 are the recommendations for the next 90 days: the first TopCount
// of those not at their target.
func (v *View) Next90() []RecommendationView {
	n := 0
	for n < len(v.Recommendations) && n < TopCount && !v.Recommendations[n].AtTarget {
		n++
	}
	return v.Recommendations[:n]
}

// Later are the recommendations after Next90.
func (v *View) Later() []RecommendationView {
	return v.Recommendations[len(v.Next90()):]
}

// rerank ranks v's recommendations again with targets t (see WithContext);
// it leaves them as stored when no target concerns any of them.
func (v *View) rerank(t TargetSet) {
	res := v.Source.Result
	if res == nil || len(v.Recommendations) == 0 {
		return
	}
	x := scoreIndex{b: v.bank, r: res}
	var pushed, held []firing
	atTarget := map[string]bool{}
	concerned := false
	for _, tr := range res.Recommendations {
		f := firing{Triggered: tr, order: math.MaxInt, pillar: -1, group: cmp.Or(tr.KeyAction, tr.Because.Pillar)}
		f.figure = cmp.Or(tr.Gap, tr.Impact)
		if i := slices.IndexFunc(v.bank.Recommendations, func(r questions.Recommendation) bool { return r.ID == tr.ID }); i >= 0 {
			f.rec, f.order = &v.bank.Recommendations[i], i
		}
		if at, ok := x.place(f.group); ok && at.Pillar < len(res.Pillars) {
			f.pillarID = v.bank.Pillars[at.Pillar].ID
			if s := res.Pillars[at.Pillar].Score; s.Valid {
				f.pillar = s.Value
			}
		}
		if target, ok := t.Of(f.group); ok {
			if s, _, ok := x.part(f.group); ok && s.Valid {
				concerned = true
				if Round(s.Value) >= target {
					held = append(held, f)
					atTarget[tr.ID] = true
					continue
				}
				f.figure += target - Round(s.Value)
			}
		}
		pushed = append(pushed, f)
	}
	if !concerned {
		return
	}
	byID := map[string]RecommendationView{}
	for _, r := range v.Recommendations {
		byID[r.ID] = r
	}
	v.Recommendations = v.Recommendations[:0:0]
	for _, tr := range append(rank(pushed), rank(held)...) {
		r := byID[tr.ID]
		r.AtTarget = atTarget[tr.ID]
		v.Recommendations = append(v.Recommendations, r)
	}
}
