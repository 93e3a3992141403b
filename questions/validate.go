package questions

import (
	"regexp"
	"strings"
)

var idRE = regexp.MustCompile(`^[a-z0-9][a-z0-9._-]*$`)

// Limits on a recommendation's first steps.
const (
	minSteps = 2
	maxSteps = 4
)

// stagesV2 is the number of stages of a version 2 bank: one per level of
// the answer ladder.
const stagesV2 = Levels

type idKind struct {
	kind string
	line int
}

type validator struct {
	c   *Collector
	ids map[string]idKind
	// v2 is set for a bank of version 2 or later.
	v2 bool
	// shown records the facts and cases a pillar intro or a key action's
	// evidence shows.
	shown map[string]bool
	// keyActionOf maps each question to its key action.
	keyActionOf map[string]string
}

func validate(c *Collector, b *Bank) {
	v := &validator{c: c, ids: map[string]idKind{}, v2: b.Version >= 2, shown: map[string]bool{}, keyActionOf: map[string]string{}}
	v.text(1, "bank id", b.ID)
	v.text(1, "bank title", b.Title)
	v.text(1, "bank language", b.Language)
	if b.Version < 1 {
		c.Addf(1, "bank version must be a whole number of at least 1")
	}
	if v.v2 {
		v.text(1, "bank scope", b.Scope)
		v.evidence(b)
		v.glossary(b.Glossary)
	}
	v.stages(b.Stages)
	if len(b.Pillars) == 0 {
		c.Addf(1, "bank has no pillars")
	}
	for _, p := range b.Pillars {
		v.pillar(p)
	}
	for _, r := range b.Recommendations {
		v.recommendation(r)
	}
	if v.v2 {
		v.benchmarks(b.Benchmarks)
		v.unshown(b)
		v.tiers(b)
		v.after(b.Recommendations)
	}
}

func (v *validator) text(line int, what, s string) {
	if strings.TrimSpace(s) == "" {
		v.c.Addf(line, "%s is empty", what)
	}
}

func (v *validator) id(line int, kind, id string) {
	if id == "" {
		v.c.Addf(line, "%s id is empty", kind)
		return
	}
	if !idRE.MatchString(id) {
		v.c.Addf(line, "%s id %q must be lower-case letters, digits, '.', '_' or '-'", kind, id)
	}
	if prev, dup := v.ids[id]; dup {
		v.c.Addf(line, "duplicate id %q: already used by the %s at line %d", id, prev.kind, prev.line)
		return
	}
	v.ids[id] = idKind{kind, line}
}

func (v *validator) weight(line int, what string, w Weight) {
	if w.Value() <= 0 {
		v.c.Addf(line, "%s weight must be greater than 0 (got %g)", what, w.Value())
	}
}

func (v *validator) stages(stages []Stage) {
	if len(stages) < 2 {
		v.c.Addf(1, "bank needs at least 2 stages (has %d)", len(stages))
	}
	if v.v2 && len(stages) != stagesV2 {
		v.c.Addf(1, "a version 2 bank has exactly %d stages (has %d)", stagesV2, len(stages))
	}
	for i, s := range stages {
		if s.Number != i+1 {
			v.c.Addf(s.Line, "stage number %d out of order: expected %d", s.Number, i+1)
		}
		v.text(s.Line, "stage name", s.Name)
		v.text(s.Line, "stage description", s.Description)
		switch {
		case i == 0 && s.Min != 0:
			v.c.Addf(s.Line, "the first stage must start at min 0 (got %g)", s.Min)
		case i > 0 && s.Min <= stages[i-1].Min:
			v.c.Addf(s.Line, "stage thresholds must ascend: min %g is not above %g", s.Min, stages[i-1].Min)
		case s.Min > 100:
			v.c.Addf(s.Line, "stage min %g is above 100", s.Min)
		}
	}
}

func (v *validator) pillar(p Pillar) {
	v.id(p.Line, "pillar", p.ID)
	v.text(p.Line, "pillar "+p.ID+" title", p.Title)
	v.text(p.Line, "pillar "+p.ID+" thesis", p.Thesis)
	v.weight(p.Line, "pillar "+p.ID, p.Weight)
	v.shows(p.Line, "pillar "+p.ID+" intro", p.Intro)
	if len(p.KeyActions) == 0 {
		v.c.Addf(p.Line, "pillar %s has no key actions", p.ID)
	}
	for _, ka := range p.KeyActions {
		v.id(ka.Line, "key action", ka.ID)
		v.text(ka.Line, "key action "+ka.ID+" title", ka.Title)
		v.text(ka.Line, "key action "+ka.ID+" summary", ka.Summary)
		v.weight(ka.Line, "key action "+ka.ID, ka.Weight)
		v.shows(ka.Line, "key action "+ka.ID+" evidence", ka.Evidence)
		if len(ka.Questions) == 0 {
			v.c.Addf(ka.Line, "key action %s has no questions", ka.ID)
		}
		for _, q := range ka.Questions {
			v.question(q)
			v.keyActionOf[q.ID] = ka.ID
		}
	}
}

func (v *validator) question(q Question) {
	v.id(q.Line, "question", q.ID)
	v.text(q.Line, "question "+q.ID+" prompt", q.Prompt)
	v.weight(q.Line, "question "+q.ID, q.Weight)
	if v.v2 {
		v.text(q.Line, "question "+q.ID+" help", q.Help)
		v.text(q.Line, "question "+q.ID+" who_knows", q.WhoKnows)
	}
	switch notApplicable := strings.TrimSpace(q.NotApplicable) != ""; {
	case q.MayNotApply && !notApplicable:
		v.c.Addf(q.Line, "question %s may not apply but does not say when (not_applicable is empty)", q.ID)
	case !q.MayNotApply && notApplicable:
		v.c.Addf(q.Line, "question %s says when it does not apply (not_applicable) without may_not_apply: true", q.ID)
	}
	var seen [Levels]bool
	for _, o := range q.Options {
		if o.Level < 0 || o.Level > MaxLevel {
			v.c.Addf(o.Line, "question %s: option level %d is outside 0..%d", q.ID, o.Level, MaxLevel)
			continue
		}
		if seen[o.Level] {
			v.c.Addf(o.Line, "question %s: level %d appears twice", q.ID, o.Level)
		}
		seen[o.Level] = true
		v.text(o.Line, "question "+q.ID+" option text", o.Text)
	}
	var missing []string
	for l, ok := range seen {
		if !ok {
			missing = append(missing, string(rune('0'+l)))
		}
	}
	if len(missing) > 0 || len(q.Options) != Levels {
		v.c.Addf(q.Line, "question %s must have exactly the levels 0..%d once each (has %d options, missing: %s)",
			q.ID, MaxLevel, len(q.Options), orNone(strings.Join(missing, ", ")))
	}
}

func orNone(s string) string {
	if s == "" {
		return "none"
	}
	return s
}

func (v *validator) recommendation(r Recommendation) {
	v.id(r.Line, "recommendation", r.ID)
	v.text(r.Line, "recommendation "+r.ID+" title", r.Title)
	v.text(r.Line, "recommendation "+r.ID+" why", r.Why)
	if n := r.Steps.Len(); n < minSteps || n > maxSteps {
		v.c.Addf(r.Line, "recommendation %s must have %d to %d first steps (has %d)", r.ID, minSteps, maxSteps, n)
	}
	for _, s := range r.Steps.All() {
		v.text(r.Line, "recommendation "+r.ID+" step", s)
	}
	for _, s := range r.Caveats {
		v.text(r.Line, "recommendation "+r.ID+" caveat", s)
	}
	if v.v2 {
		v.recommendationV2(r)
	} else if r.Steps.Len() > 0 && !r.Steps.IsPlain() {
		v.c.Addf(r.Line, "recommendation %s: steps are a plain list in a version 1 bank, not a mapping of alone and propose", r.ID)
	}
	switch {
	case len(r.When) > 0:
	case !v.v2:
		v.c.Addf(r.Line, "recommendation %s has no trigger (when)", r.ID)
	case r.Tier == "":
		v.c.Addf(r.Line, "recommendation %s has neither a tier nor when-conditions", r.ID)
	}
	for _, cond := range r.When {
		v.condition(r.ID, cond)
	}
}

// recommendationV2 checks what a version 2 bank adds to a recommendation.
func (v *validator) recommendationV2(r Recommendation) {
	if r.KeyAction == "" {
		v.c.Addf(r.Line, "recommendation %s names no key_action", r.ID)
	} else {
		v.refers(r.Line, r.ID, "key action", r.KeyAction)
	}
	if r.Tier != "" {
		if _, _, ok := r.Tier.Range(); !ok {
			v.c.Addf(r.Line, "recommendation %s: unknown tier %q (expected one of: %s)", r.ID, r.Tier, tierNames())
		}
		if len(r.When) > 0 {
			v.c.Addf(r.Line, "recommendation %s has both a tier and when-conditions: give one", r.ID)
		}
	}
	if r.Steps.Len() > 0 && r.Steps.IsPlain() {
		v.c.Addf(r.Line, "recommendation %s: steps are a mapping of alone and propose in a version 2 bank, not a plain list", r.ID)
	} else if r.Steps.Len() > 0 && (len(r.Steps.Alone) == 0 || len(r.Steps.Propose) == 0) {
		v.c.Addf(r.Line, "recommendation %s needs at least one step to start alone and one to propose (has %d and %d)", r.ID, len(r.Steps.Alone), len(r.Steps.Propose))
	}
	for _, id := range r.Evidence {
		v.evidenceRef(r.Line, "recommendation "+r.ID+" evidence", id)
	}
	for _, c := range r.When {
		ka := c.KeyAction
		if c.Question != "" {
			ka = v.keyActionOf[c.Question]
		}
		if ka != "" && r.KeyAction != "" && ka != r.KeyAction {
			v.c.Addf(c.Line, "recommendation %s is about key action %s, but its condition is on key action %s", r.ID, r.KeyAction, ka)
		}
	}
}

func tierNames() string {
	names := make([]string, len(Tiers))
	for i, t := range Tiers {
		names[i] = string(t)
	}
	return strings.Join(names, ", ")
}

func (v *validator) condition(rec string, c Condition) {
	named := 0
	for _, s := range []string{c.Question, c.KeyAction, c.Pillar} {
		if s != "" {
			named++
		}
	}
	if named != 1 {
		v.c.Addf(c.Line, "recommendation %s: a condition names exactly one of question, key_action or pillar", rec)
		return
	}
	switch {
	case c.Question != "":
		v.refers(c.Line, rec, "question", c.Question)
		if c.Below != nil {
			v.c.Addf(c.Line, "recommendation %s: a question condition takes at_most, not below", rec)
		}
		if c.AtMost == nil {
			v.c.Addf(c.Line, "recommendation %s: question condition needs at_most (0..%d)", rec, MaxLevel-1)
		} else if *c.AtMost < 0 || *c.AtMost >= MaxLevel {
			v.c.Addf(c.Line, "recommendation %s: at_most %d is outside 0..%d", rec, *c.AtMost, MaxLevel-1)
		}
	default:
		kind, id := "key action", c.KeyAction
		if c.Pillar != "" {
			kind, id = "pillar", c.Pillar
		}
		v.refers(c.Line, rec, kind, id)
		if c.AtMost != nil {
			v.c.Addf(c.Line, "recommendation %s: a %s condition takes below, not at_most", rec, kind)
		}
		if c.Below == nil {
			v.c.Addf(c.Line, "recommendation %s: %s condition needs below (1..100)", rec, kind)
		} else if *c.Below <= 0 || *c.Below > 100 {
			v.c.Addf(c.Line, "recommendation %s: below %g is outside 1..100", rec, *c.Below)
		}
	}
}

func (v *validator) refers(line int, rec, kind, id string) {
	got, ok := v.ids[id]
	if !ok {
		v.c.Addf(line, "recommendation %s: unknown %s %q", rec, kind, id)
		return
	}
	if got.kind != kind {
		v.c.Addf(line, "recommendation %s: %q is a %s, not a %s", rec, id, got.kind, kind)
	}
}
