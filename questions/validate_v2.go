package questions

import (
	"math"
	"strings"
	"unicode"
)

// evidence checks a version 2 bank's sources, facts and cases.
func (v *validator) evidence(b *Bank) {
	for _, s := range b.Sources {
		v.id(s.Line, "source", s.ID)
		v.text(s.Line, "source "+s.ID+" cite", s.Cite)
	}
	for _, f := range b.Facts {
		v.id(f.Line, "fact", f.ID)
		what := "fact " + f.ID
		v.text(f.Line, what+" text", f.Text)
		if f.Text != "" && strings.Count(f.Text, ValuePlaceholder) != 1 {
			v.c.Addf(f.Line, "%s text must hold %s exactly once, where the value goes", what, ValuePlaceholder)
		}
		switch f.Format {
		case FormatPercent:
			if f.Value < 0 || f.Value > 1 {
				v.c.Addf(f.Line, "%s: a percent is written as a fraction from 0 to 1 (0.75 for 75%%), not %g", what, f.Value)
			}
		case FormatNumber, FormatTimes:
			if math.IsNaN(f.Value) || math.IsInf(f.Value, 0) || f.Value < 0 {
				v.c.Addf(f.Line, "%s: value %g is not a number of at least 0", what, f.Value)
			}
		default:
			v.c.Addf(f.Line, "%s: unknown format %q (expected one of: %s, %s, %s)", what, f.Format, FormatPercent, FormatNumber, FormatTimes)
		}
		v.source(f.Line, what, f.Source)
	}
	for _, c := range b.Cases {
		v.id(c.Line, "case", c.ID)
		what := "case " + c.ID
		v.text(c.Line, what+" org", c.Org)
		v.text(c.Line, what+" text", c.Text)
		v.source(c.Line, what, c.Source)
		for _, id := range c.Facts {
			v.ref(c.Line, what+" facts", id, "fact")
		}
	}
}

// source checks that what names a known source.
func (v *validator) source(line int, what, id string) {
	if id == "" {
		v.c.Addf(line, "%s names no source", what)
		return
	}
	v.ref(line, what+" source", id, "source")
}

// ref checks that id is a known thing of one of kinds.
func (v *validator) ref(line int, what, id string, kinds ...string) {
	got, ok := v.ids[id]
	if !ok {
		v.c.Addf(line, "%s: unknown %s %q", what, strings.Join(kinds, " or "), id)
		return
	}
	for _, k := range kinds {
		if got.kind == k {
			return
		}
	}
	v.c.Addf(line, "%s: %q is a %s, not a %s", what, id, got.kind, strings.Join(kinds, " or "))
}

// evidenceRef checks that id is a fact or a case.
func (v *validator) evidenceRef(line int, what, id string) {
	v.ref(line, what, id, "fact", "case")
}

// shows checks the facts and cases a pillar intro or a key action's
// evidence shows, and records them as shown.
func (v *validator) shows(line int, what string, ids []string) {
	for _, id := range ids {
		v.evidenceRef(line, what, id)
		v.shown[id] = true
	}
}

// unshown reports every fact and case that no pillar intro or key action
// shows. A case's facts are shown with it.
func (v *validator) unshown(b *Bank) {
	for _, c := range b.Cases {
		if !v.shown[c.ID] {
			v.c.Addf(c.Line, "case %s is shown nowhere: add it to a pillar's intro or a key action's evidence", c.ID)
			continue
		}
		for _, id := range c.Facts {
			v.shown[id] = true
		}
	}
	for _, f := range b.Facts {
		if !v.shown[f.ID] {
			v.c.Addf(f.Line, "fact %s is shown nowhere: add it to a pillar's intro, a key action's evidence or a shown case", f.ID)
		}
	}
}

// glossary checks that every term is defined once.
func (v *validator) glossary(terms []Term) {
	first := map[string]int{}
	for _, t := range terms {
		v.text(t.Line, "glossary term", t.Term)
		v.text(t.Line, "glossary definition of "+strings.TrimSpace(t.Term), t.Definition)
		key := strings.ToLower(strings.TrimSpace(t.Term))
		if key == "" {
			continue
		}
		if line, dup := first[key]; dup {
			v.c.Addf(t.Line, "glossary term %q is defined twice (first at line %d)", t.Term, line)
			continue
		}
		first[key] = t.Line
	}
}

// tiers checks that every key action has exactly one recommendation of each
// tier.
func (v *validator) tiers(b *Bank) {
	type slot struct {
		ka   string
		tier Tier
	}
	count := map[slot]int{}
	for _, r := range b.Recommendations {
		if _, _, ok := r.Tier.Range(); ok && r.KeyAction != "" {
			s := slot{r.KeyAction, r.Tier}
			count[s]++
			if count[s] == 2 {
				v.c.Addf(r.Line, "recommendation %s: key action %s already has a %s recommendation", r.ID, r.KeyAction, r.Tier)
			}
		}
	}
	for _, p := range b.Pillars {
		for _, ka := range p.KeyActions {
			var missing []string
			for _, t := range Tiers {
				if count[slot{ka.ID, t}] == 0 {
					missing = append(missing, string(t))
				}
			}
			if len(missing) > 0 {
				v.c.Addf(ka.Line, "key action %s has no recommendation of tier %s", ka.ID, strings.Join(missing, ", "))
			}
		}
	}
}

// after checks that every prerequisite is a recommendation and that no
// recommendation comes, through its prerequisites, after itself.
func (v *validator) after(recs []Recommendation) {
	byID := map[string]*Recommendation{}
	for i := range recs {
		byID[recs[i].ID] = &recs[i]
	}
	for _, r := range recs {
		for _, id := range r.After {
			if id == r.ID {
				v.c.Addf(r.Line, "recommendation %s comes after itself", r.ID)
				continue
			}
			if _, ok := byID[id]; !ok {
				v.c.Addf(r.Line, "recommendation %s: after names unknown recommendation %q", r.ID, id)
			}
		}
	}
	const (
		unseen = iota
		visiting
		done
	)
	state := map[string]int{}
	var path []string
	var visit func(r *Recommendation)
	visit = func(r *Recommendation) {
		state[r.ID] = visiting
		path = append(path, r.ID)
		for _, id := range r.After {
			next, ok := byID[id]
			if !ok || id == r.ID {
				continue
			}
			switch state[id] {
			case visiting:
				start := 0
				for path[start] != id {
					start++
				}
				cycle := append(append([]string(nil), path[start:]...), id)
				v.c.Addf(next.Line, "recommendations come after each other in a circle: %s", strings.Join(cycle, " → "))
			case unseen:
				visit(next)
			}
		}
		path = path[:len(path)-1]
		state[r.ID] = done
	}
	for i := range recs {
		if state[recs[i].ID] == unseen {
			visit(&recs[i])
		}
	}
}

// benchmarks checks each benchmark: one question (with a level) or key
// action (with a score) as its subject, a known fact, and two texts that
// hold no figure of their own. The facts they show count as shown.
func (v *validator) benchmarks(bms []Benchmark) {
	for _, bm := range bms {
		v.id(bm.Line, "benchmark", bm.ID)
		what := "benchmark " + bm.ID
		switch {
		case (bm.Question == "") == (bm.KeyAction == ""):
			v.c.Addf(bm.Line, "%s names exactly one of question or key_action", what)
		case bm.Question != "":
			v.ref(bm.Line, what+" question", bm.Question, "question")
			if bm.AtLeast != math.Trunc(bm.AtLeast) || bm.AtLeast < 1 || bm.AtLeast > MaxLevel {
				v.c.Addf(bm.Line, "%s: at_least %g is not a level from 1 to %d", what, bm.AtLeast, MaxLevel)
			}
		default:
			v.ref(bm.Line, what+" key_action", bm.KeyAction, "key action")
			if !(bm.AtLeast > 0 && bm.AtLeast <= 100) {
				v.c.Addf(bm.Line, "%s: at_least %g is not a score above 0 and up to 100", what, bm.AtLeast)
			}
		}
		if bm.Fact == "" {
			v.c.Addf(bm.Line, "%s names no fact", what)
		} else {
			v.ref(bm.Line, what+" fact", bm.Fact, "fact")
			v.shown[bm.Fact] = true
		}
		for _, t := range []struct{ name, text string }{{"met", bm.Met}, {"unmet", bm.Unmet}} {
			v.text(bm.Line, what+" "+t.name, t.text)
			if strings.ContainsFunc(t.text, unicode.IsDigit) {
				v.c.Addf(bm.Line, "%s %s holds a figure: a benchmark's figure is its fact's, shown beside it", what, t.name)
			}
		}
	}
}
