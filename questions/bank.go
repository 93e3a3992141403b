// Package questions defines what socialmaturity asks: the question bank
// (stages, pillars, key actions, questions with anchored options, and
// recommendation rules), the embedded default bank, and the loading and
// validation of custom banks.
package questions

import (
	"encoding/json"
	"iter"
	"strconv"

	"go.yaml.in/yaml/v3"
)

// Levels is the number of answer options every question has (levels 0..4).
const Levels = 5

// MaxLevel is the highest answer level.
const MaxLevel = Levels - 1

// Bank is a complete question bank in one language. Ids are shared between
// the translations of a bank.
type Bank struct {
	ID              string           `yaml:"id" json:"id"`
	Version         int              `yaml:"version" json:"version"`
	Language        string           `yaml:"language" json:"language"`
	Title           string           `yaml:"title" json:"title"`
	Credit          string           `yaml:"credit,omitempty" json:"credit,omitempty"`
	Scope           string           `yaml:"scope,omitempty" json:"scope,omitempty" since:"2"`
	Sources         []Source         `yaml:"sources,omitempty" json:"sources,omitempty" since:"2"`
	Facts           []Fact           `yaml:"facts,omitempty" json:"facts,omitempty" since:"2"`
	Cases           []Case           `yaml:"cases,omitempty" json:"cases,omitempty" since:"2"`
	Stages          []Stage          `yaml:"stages" json:"stages"`
	Glossary        []Term           `yaml:"glossary,omitempty" json:"glossary,omitempty" since:"2"`
	Pillars         []Pillar         `yaml:"pillars" json:"pillars"`
	Recommendations []Recommendation `yaml:"recommendations" json:"recommendations"`
	Benchmarks      []Benchmark      `yaml:"benchmarks,omitempty" json:"benchmarks,omitempty" since:"2"`

	index  map[string]*Question
	places map[string]Place // see Locate
}

// Stage is one step of the maturity ladder.
type Stage struct {
	Number      int     `yaml:"number" json:"number"`
	Name        string  `yaml:"name" json:"name"`
	Min         float64 `yaml:"min" json:"min"`
	Description string  `yaml:"description" json:"description"`
	Line        int     `yaml:"-" json:"-"`
}

// Pillar is one of the bank's top-level themes.
type Pillar struct {
	ID         string      `yaml:"id" json:"id"`
	Title      string      `yaml:"title" json:"title"`
	Thesis     string      `yaml:"thesis" json:"thesis"`
	Weight     Weight      `yaml:"weight,omitempty" json:"weight"`
	Facts      []string    `yaml:"facts,omitempty" json:"facts,omitempty" until:"1"`
	Intro      []string    `yaml:"intro,omitempty" json:"intro,omitempty" since:"2"`
	KeyActions []KeyAction `yaml:"key_actions" json:"key_actions"`
	Line       int         `yaml:"-" json:"-"`
}

// KeyAction is one of a pillar's key actions; its questions measure it.
type KeyAction struct {
	ID        string     `yaml:"id" json:"id"`
	Title     string     `yaml:"title" json:"title"`
	Summary   string     `yaml:"summary" json:"summary"`
	Weight    Weight     `yaml:"weight,omitempty" json:"weight"`
	Evidence  []string   `yaml:"evidence,omitempty" json:"evidence,omitempty" since:"2"`
	Questions []Question `yaml:"questions" json:"questions"`
	Line      int        `yaml:"-" json:"-"`
}

// Question is one question with exactly five behaviourally anchored options.
type Question struct {
	ID     string `yaml:"id" json:"id"`
	Prompt string `yaml:"prompt" json:"prompt"`
	Help   string `yaml:"help,omitempty" json:"help,omitempty"`
	// WhoKnows names the role that would know the answer, for "not sure".
	WhoKnows string `yaml:"who_knows,omitempty" json:"who_knows,omitempty" since:"2"`
	// MayNotApply says "does not apply" may be chosen; NotApplicable
	// says when it is right.
	MayNotApply   bool     `yaml:"may_not_apply,omitempty" json:"may_not_apply,omitempty" since:"2"`
	NotApplicable string   `yaml:"not_applicable,omitempty" json:"not_applicable,omitempty" since:"2"`
	Weight        Weight   `yaml:"weight,omitempty" json:"weight"`
	Options       []Option `yaml:"options" json:"options"`
	Line          int      `yaml:"-" json:"-"`
}

// Option describes what an organization at one level does.
type Option struct {
	Level int    `yaml:"level" json:"level"`
	Text  string `yaml:"text" json:"text"`
	Line  int    `yaml:"-" json:"-"`
}

// Recommendation is advice triggered when all of its conditions hold, or,
// in a version 2 bank, when its key action's score is in its tier's range.
type Recommendation struct {
	ID string `yaml:"id" json:"id"`
	// KeyAction is the key action the advice is about; with Tier, the key
	// action whose score fires it.
	KeyAction string `yaml:"key_action,omitempty" json:"key_action,omitempty" since:"2"`
	Tier      Tier   `yaml:"tier,omitempty" json:"tier,omitempty" since:"2"`
	// After lists recommendations that rank before this one when both fire.
	After    []string    `yaml:"after,omitempty" json:"after,omitempty" since:"2"`
	Title    string      `yaml:"title" json:"title"`
	Why      string      `yaml:"why" json:"why"`
	Evidence []string    `yaml:"evidence,omitempty" json:"evidence,omitempty" since:"2"`
	Steps    Steps       `yaml:"steps" json:"steps"`
	Caveats  []string    `yaml:"caveats,omitempty" json:"caveats,omitempty" since:"2"`
	When     []Condition `yaml:"when,omitempty" json:"when,omitempty"`
	Line     int         `yaml:"-" json:"-"`
}

// Condition is one trigger of a recommendation. Exactly one of Question,
// KeyAction and Pillar is set: a question with AtMost, or a key action or
// pillar with Below.
type Condition struct {
	Question  string   `yaml:"question,omitempty" json:"question,omitempty"`
	KeyAction string   `yaml:"key_action,omitempty" json:"key_action,omitempty"`
	Pillar    string   `yaml:"pillar,omitempty" json:"pillar,omitempty"`
	Below     *float64 `yaml:"below,omitempty" json:"below,omitempty"`
	AtMost    *int     `yaml:"at_most,omitempty" json:"at_most,omitempty"`
	Line      int      `yaml:"-" json:"-"`
}

// Weight is a relative weight; when a bank leaves it out it is 1.
type Weight struct {
	value float64
	set   bool
}

// Value is the weight, 1 when unset.
func (w Weight) Value() float64 {
	if !w.set {
		return 1
	}
	return w.value
}

// IsZero reports whether the weight was left out (for omitempty).
func (w Weight) IsZero() bool { return !w.set }

// UnmarshalYAML reads a number.
func (w *Weight) UnmarshalYAML(n *yaml.Node) error {
	if err := n.Decode(&w.value); err != nil {
		return err
	}
	w.set = true
	return nil
}

// MarshalYAML writes the number.
func (w Weight) MarshalYAML() (any, error) { return w.Value(), nil }

// MarshalJSON writes the effective weight.
func (w Weight) MarshalJSON() ([]byte, error) {
	return json.Marshal(w.Value())
}

// UnmarshalJSON reads a number.
func (w *Weight) UnmarshalJSON(data []byte) error {
	// A plain number, as the built-in bank's JSON form writes it, is read
	// directly: a start of the app reads one per question.
	v, err := strconv.ParseFloat(string(data), 64)
	if err != nil {
		if err := json.Unmarshal(data, &v); err != nil {
			return err
		}
	}
	w.value, w.set = v, true
	return nil
}

// Question returns the question with the given id.
func (b *Bank) Question(id string) (*Question, bool) {
	q, ok := b.index[id]
	return q, ok
}

// QuestionCount is the number of questions in the bank.
func (b *Bank) QuestionCount() int { return len(b.index) }

// AllQuestions yields every question in bank order with its position
// (0, 1, 2, …).
func (b *Bank) AllQuestions() iter.Seq2[int, *Question] {
	return func(yield func(int, *Question) bool) {
		n := 0
		for p := range b.Pillars {
			for k := range b.Pillars[p].KeyActions {
				qs := b.Pillars[p].KeyActions[k].Questions
				for i := range qs {
					if !yield(n, &qs[i]) {
						return
					}
					n++
				}
			}
		}
	}
}

// Recommendation returns the recommendation with the given id.
func (b *Bank) Recommendation(id string) (*Recommendation, bool) {
	for i := range b.Recommendations {
		if b.Recommendations[i].ID == id {
			return &b.Recommendations[i], true
		}
	}
	return nil, false
}

// Option returns the text of the option at level l.
func (q *Question) Option(l int) string {
	for _, o := range q.Options {
		if o.Level == l {
			return o.Text
		}
	}
	return ""
}

// String names the stage as "3 Repeatable".
func (s Stage) String() string { return strconv.Itoa(s.Number) + " " + s.Name }

func (b *Bank) buildIndex() {
	b.index = make(map[string]*Question)
	for _, q := range b.AllQuestions() {
		b.index[q.ID] = q
	}
	b.buildPlaces()
}

// TitleOf returns the title of the pillar or key action with the given id, or
// the id itself when the bank has no such thing (a result from another
// version of the bank).
func (b *Bank) TitleOf(id string) string {
	if ka, ok := b.KeyAction(id); ok {
		return ka.Title
	}
	if p, ok := b.Pillar(id); ok {
		return p.Title
	}
	return id
}
