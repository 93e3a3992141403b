package questions

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"

	"go.yaml.in/yaml/v3"
)

// Source is a publication the bank's facts and cases come from.
type Source struct {
	ID   string `yaml:"id" json:"id"`
	Cite string `yaml:"cite" json:"cite"`
	// Short is how evidence names the source inline ("Hootsuite & Altimeter,
	// 2021"); Cite when empty.
	Short string `yaml:"short,omitempty" json:"short,omitempty"`
	Note  string `yaml:"note,omitempty" json:"note,omitempty"`
	Line  int    `yaml:"-" json:"-"`
}

// Fact formats: how a fact's value is written.
const (
	FormatPercent = "percent" // 0.75 → "75%"
	FormatNumber  = "number"  // 2162 → "2,162"
	FormatTimes   = "times"   // 2 → "2×"
)

// Fact is one figure of a source, as data: a value and the claim it is
// part of, so that each language formats the number.
type Fact struct {
	ID    string  `yaml:"id" json:"id"`
	Value float64 `yaml:"value" json:"value"`
	// Format is FormatPercent, FormatNumber or FormatTimes.
	Format string `yaml:"format" json:"format"`
	// About says the source gives the figure as approximate.
	About bool `yaml:"about,omitempty" json:"about,omitempty"`
	// Text is the claim, with "{value}" where the formatted value goes.
	Text   string `yaml:"text" json:"text"`
	Source string `yaml:"source" json:"source"`
	Line   int    `yaml:"-" json:"-"`
}

// ValuePlaceholder marks where a fact's value goes in its text.
const ValuePlaceholder = "{value}"

// Fill returns the fact's text with its value, already formatted by the
// caller (with the catalog's locale), in place of "{value}".
func (f Fact) Fill(formattedValue string) string {
	return strings.ReplaceAll(f.Text, ValuePlaceholder, formattedValue)
}

// Case is what one organization named in a source did.
type Case struct {
	ID   string `yaml:"id" json:"id"`
	Org  string `yaml:"org" json:"org"`
	Text string `yaml:"text" json:"text"`
	// Facts are the ids of the figures about this case.
	Facts  []string `yaml:"facts,omitempty" json:"facts,omitempty"`
	Source string   `yaml:"source" json:"source"`
	Line   int      `yaml:"-" json:"-"`
}

// Evidence is a fact or a case, as a recommendation or a key action
// refers to it; exactly one of Fact and Case is set.
type Evidence struct {
	Fact *Fact
	Case *Case
}

// Term is one entry of the bank's glossary.
type Term struct {
	Term       string `yaml:"term" json:"term"`
	Definition string `yaml:"definition" json:"definition"`
	Line       int    `yaml:"-" json:"-"`
}

// Tier is the level of a key action a version 2 recommendation is written
// for; it fires when the key action's score is in the tier's range.
type Tier string

// The tiers, from the lowest scores up.
const (
	TierBuild   Tier = "build"   // build the practice: below 37.5
	TierDefine  Tier = "define"  // make it a defined practice: 37.5 up to 62.5
	TierConnect Tier = "connect" // connect it across the organization: 62.5 up to 87.5
)

// Tiers lists the tiers from the lowest scores up.
var Tiers = []Tier{TierBuild, TierDefine, TierConnect}

var tierRanges = map[Tier][2]float64{
	TierBuild:   {0, 37.5},
	TierDefine:  {37.5, 62.5},
	TierConnect: {62.5, 87.5},
}

// Range is the scores the tier fires at: from min (inclusive) up to max
// (exclusive). ok is false for an unknown tier.
func (t Tier) Range() (lo, hi float64, ok bool) {
	r, ok := tierRanges[t]
	return r[0], r[1], ok
}

// Fires reports whether the tier fires at a key action's score.
func (t Tier) Fires(score float64) bool {
	lo, hi, ok := t.Range()
	return ok && score >= lo && score < hi
}

// TierFor returns the tier that fires at a score; ok is false at 87.5 and
// above, where no tier fires.
func TierFor(score float64) (Tier, bool) {
	for _, t := range Tiers {
		if t.Fires(score) {
			return t, true
		}
	}
	return "", false
}

// Steps are a recommendation's first steps: those the respondent can start
// alone, and those to propose to leadership. A version 1 bank gives a plain
// list, which is read as Alone.
type Steps struct {
	Alone   []string `yaml:"alone,omitempty" json:"alone,omitempty"`
	Propose []string `yaml:"propose,omitempty" json:"propose,omitempty"`
	// plain records that the steps were given as a plain list (version 1).
	plain bool
}

// PlainSteps returns steps written as a version 1 plain list.
func PlainSteps(steps ...string) Steps { return Steps{Alone: steps, plain: true} }

// All returns every step, those to start alone first.
func (s Steps) All() []string {
	if len(s.Propose) == 0 {
		return s.Alone
	}
	return append(append([]string(nil), s.Alone...), s.Propose...)
}

// Len is the number of steps.
func (s Steps) Len() int { return len(s.Alone) + len(s.Propose) }

// IsPlain reports whether the steps were given as a plain list (version 1).
func (s Steps) IsPlain() bool { return s.plain }

// IsZero reports whether there are no steps.
func (s Steps) IsZero() bool { return s.Len() == 0 }

type stepsFields struct {
	Alone   []string `yaml:"alone"`
	Propose []string `yaml:"propose"`
}

// UnmarshalYAML reads a plain list (version 1) or a mapping of alone and
// propose (version 2), refusing any other field with its line.
func (s *Steps) UnmarshalYAML(n *yaml.Node) error {
	if n.Kind == yaml.SequenceNode {
		*s = Steps{plain: true}
		return n.Decode(&s.Alone)
	}
	if n.Kind != yaml.MappingNode {
		return &yaml.TypeError{Errors: []string{fmt.Sprintf("line %d: steps must be a list, or a mapping of alone and propose", n.Line)}}
	}
	var unknown []string
	for i := 0; i+1 < len(n.Content); i += 2 {
		if k := n.Content[i].Value; k != "alone" && k != "propose" {
			unknown = append(unknown, fmt.Sprintf("line %d: unknown field %q (expected one of: alone, propose)", n.Content[i].Line, k))
		}
	}
	var f stepsFields
	err := n.Decode(&f)
	*s = Steps{Alone: f.Alone, Propose: f.Propose}
	if te, ok := err.(*yaml.TypeError); ok {
		unknown = append(unknown, te.Errors...)
	} else if err != nil {
		return err
	}
	if len(unknown) > 0 {
		return &yaml.TypeError{Errors: unknown}
	}
	return nil
}

// MarshalYAML writes the form the steps were read in.
func (s Steps) MarshalYAML() (any, error) {
	if s.plain {
		return s.Alone, nil
	}
	return stepsFields{s.Alone, s.Propose}, nil
}

// MarshalJSON writes the form the steps were read in.
func (s Steps) MarshalJSON() ([]byte, error) {
	if s.plain {
		return json.Marshal(s.Alone)
	}
	return json.Marshal(stepsFields{s.Alone, s.Propose})
}

// UnmarshalJSON reads either form.
func (s *Steps) UnmarshalJSON(data []byte) error {
	if t := bytes.TrimLeft(data, " \t\r\n"); len(t) == 0 || t[0] != '{' {
		var list []string
		err := json.Unmarshal(data, &list)
		*s = Steps{Alone: list, plain: true}
		return err
	}
	var f stepsFields
	if err := json.Unmarshal(data, &f); err != nil {
		return err
	}
	*s = Steps{Alone: f.Alone, Propose: f.Propose}
	return nil
}

// Fact returns the fact with the given id.
func (b *Bank) Fact(id string) (*Fact, bool) {
	for i := range b.Facts {
		if b.Facts[i].ID == id {
			return &b.Facts[i], true
		}
	}
	return nil, false
}

// Case returns the case with the given id.
func (b *Bank) Case(id string) (*Case, bool) {
	for i := range b.Cases {
		if b.Cases[i].ID == id {
			return &b.Cases[i], true
		}
	}
	return nil, false
}

// Source returns the source with the given id.
func (b *Bank) Source(id string) (*Source, bool) {
	for i := range b.Sources {
		if b.Sources[i].ID == id {
			return &b.Sources[i], true
		}
	}
	return nil, false
}

// Evidence returns the fact or case with the given id.
func (b *Bank) Evidence(id string) (Evidence, bool) {
	if f, ok := b.Fact(id); ok {
		return Evidence{Fact: f}, true
	}
	if c, ok := b.Case(id); ok {
		return Evidence{Case: c}, true
	}
	return Evidence{}, false
}

// KeyAction returns the key action with the given id.
func (b *Bank) KeyAction(id string) (*KeyAction, bool) {
	at, ok := b.Locate(id)
	if !ok || at.KeyAction < 0 || at.Question >= 0 {
		return nil, false
	}
	return &b.Pillars[at.Pillar].KeyActions[at.KeyAction], true
}

// Pillar returns the pillar with the given id.
func (b *Bank) Pillar(id string) (*Pillar, bool) {
	at, ok := b.Locate(id)
	if !ok || at.KeyAction >= 0 {
		return nil, false
	}
	return &b.Pillars[at.Pillar], true
}

// Term returns the glossary entry for a term, compared without regard to
// case.
func (b *Bank) Term(term string) (*Term, bool) {
	for i := range b.Glossary {
		if strings.EqualFold(b.Glossary[i].Term, term) {
			return &b.Glossary[i], true
		}
	}
	return nil, false
}

// Benchmark places an organization against one of the source's own
// figures: whether a question was answered at AtLeast or above (or a key
// action scores AtLeast or more), and what that says beside the fact.
// Exactly one of Question and KeyAction is set. Its texts hold no figure:
// the figure is the fact's, shown with its citation.
type Benchmark struct {
	ID        string  `yaml:"id" json:"id"`
	Question  string  `yaml:"question,omitempty" json:"question,omitempty"`
	KeyAction string  `yaml:"key_action,omitempty" json:"key_action,omitempty"`
	AtLeast   float64 `yaml:"at_least" json:"at_least"`
	Fact      string  `yaml:"fact" json:"fact"`
	// Met is where an organization at the threshold or above stands with
	// the fact; Unmet where one below it stands.
	Met   string `yaml:"met" json:"met"`
	Unmet string `yaml:"unmet" json:"unmet"`
	Line  int    `yaml:"-" json:"-"`
}
