package assess

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"time"

	"go.yaml.in/yaml/v3"

	"socialmaturity/questions"
)

// UnsureWord is how "not sure" is written in answer files.
const UnsureWord = "unsure"

// NotApplicableWord is how "does not apply" is written in answer files.
const NotApplicableWord = "na"

// Submission is one respondent's answers about one organization.
type Submission struct {
	Org        string            `json:"org"`
	Respondent string            `json:"respondent,omitempty"`
	Role       string            `json:"role,omitempty"`
	Answers    Answers           `json:"answers"`
	Notes      map[string]string `json:"notes,omitempty"`
}

// MarshalJSON writes a level as a number, "not sure" as "unsure" and "does
// not apply" as "na".
func (a Answer) MarshalJSON() ([]byte, error) {
	switch {
	case a.NA:
		return json.Marshal(NotApplicableWord)
	case a.Unsure:
		return json.Marshal(UnsureWord)
	}
	return json.Marshal(a.Level)
}

// UnmarshalJSON reads a level number, "unsure" or "na".
func (a *Answer) UnmarshalJSON(data []byte) error {
	var word string
	if json.Unmarshal(data, &word) == nil {
		switch word {
		case UnsureWord:
			*a = NotSure
		case NotApplicableWord:
			*a = DoesNotApply
		default:
			return fmt.Errorf("answer %q is neither a level, %q nor %q", word, UnsureWord, NotApplicableWord)
		}
		return nil
	}
	var l int
	if err := json.Unmarshal(data, &l); err != nil {
		return fmt.Errorf("answer %s is neither a level, %q nor %q", data, UnsureWord, NotApplicableWord)
	}
	*a = AtLevel(l)
	return nil
}

// submissionFile is an answers file: the fields a person writes, plus those
// an export adds (its id, times, bank and result), which are read back or
// ignored (the result is always scored again). An unknown field's problem
// lists only the fields a person writes (the others are `listed:"no"`).
type submissionFile struct {
	Schema      string    `yaml:"schema"`
	Org         string    `yaml:"org"`
	Respondent  string    `yaml:"respondent"`
	Role        string    `yaml:"role"`
	Answers     yaml.Node `yaml:"answers"`
	Notes       yaml.Node `yaml:"notes"`
	CompletedAt yaml.Node `yaml:"completed_at"`
	Bank        struct {
		ID       string `yaml:"id"`
		Version  int    `yaml:"version"`
		Language string `yaml:"language"`
	} `yaml:"bank" listed:"no"`

	ID              yaml.Node `yaml:"id" listed:"no"`
	Workshop        yaml.Node `yaml:"workshop" listed:"no"`
	StartedAt       yaml.Node `yaml:"started_at" listed:"no"`
	Overall         yaml.Node `yaml:"overall" listed:"no"`
	Stage           yaml.Node `yaml:"stage" listed:"no"`
	Coverage        yaml.Node `yaml:"coverage" listed:"no"`
	Answered        yaml.Node `yaml:"answered" listed:"no"`
	Unsure          yaml.Node `yaml:"unsure" listed:"no"`
	Total           yaml.Node `yaml:"total" listed:"no"`
	NotApplicable   yaml.Node `yaml:"not_applicable" listed:"no"`
	Applicable      yaml.Node `yaml:"applicable" listed:"no"`
	Provisional     yaml.Node `yaml:"provisional" listed:"no"`
	Missing         yaml.Node `yaml:"missing" listed:"no"`
	Capped          yaml.Node `yaml:"capped" listed:"no"`
	Target          yaml.Node `yaml:"target" listed:"no"`
	Pillars         yaml.Node `yaml:"pillars" listed:"no"`
	Recommendations yaml.Node `yaml:"recommendations" listed:"no"`
	Context         yaml.Node `yaml:"context" listed:"no"` // targets, trend, benchmarks: rendered, not read
	OrgID           yaml.Node `yaml:"org_id" listed:"no"`
}

// SubmissionSchema names the answers format; files may state it.
const SubmissionSchema = "socialmaturity.assessment/v1"

// ProblemOtherBank is the Code of the problem of answers given with
// another bank than the one they are read with.
const ProblemOtherBank = "other-bank"

// ParseSubmission reads one answers document (JSON or YAML) for bank b.
// name locates problems. Every problem is reported, as questions.Problems.
func ParseSubmission(name string, data []byte, b *questions.Bank) (Submission, error) {
	c := &questions.Collector{File: name}
	var f submissionFile
	if !questions.Decode(c, data, &f) {
		return Submission{}, c.Err()
	}
	s, _ := checkSubmission(c, &f, b, 1)
	if err := c.Err(); err != nil {
		return Submission{}, err
	}
	return s, nil
}

// ParseAssessments reads every answers document in data for bank b, ready
// to be completed and stored: JSON Lines (when the first non-blank line is
// a JSON object by itself), or one or more YAML documents (separated by
// ---), or one JSON document such as an export. A document that names
// another built-in version of b's bank (an export made with it) is checked
// against that version and carries it, so that it is scored as it was;
// one naming a version that is not built in is refused. Each assessment
// carries its completion time when the file gives one. Any problem fails
// the whole input; every problem is reported, as questions.Problems.
func ParseAssessments(name string, data []byte, b *questions.Bank) ([]*Assessment, error) {
	return parseAll(name, data, b, false)
}

// ParseDrafts reads answers documents like ParseAssessments, as drafts to
// resume: each carries the id the document gives (a rescued draft's, to
// merge into the stored draft of that id) and no completion time.
func ParseDrafts(name string, data []byte, b *questions.Bank) ([]*Assessment, error) {
	return parseAll(name, data, b, true)
}

func parseAll(name string, data []byte, b *questions.Bank, drafts bool) ([]*Assessment, error) {
	var docs [][]byte
	var offsets []int
	if isJSONLines(data) {
		for i, line := range strings.Split(string(data), "\n") {
			if strings.TrimSpace(line) != "" {
				docs, offsets = append(docs, []byte(line)), append(offsets, i)
			}
		}
	} else {
		docs, offsets = [][]byte{data}, []int{0}
	}
	var out []*Assessment
	var all questions.Problems
	for i, doc := range docs {
		c := &questions.Collector{File: name, LineOffset: offsets[i]}
		nodes, _ := questions.Documents(c, doc)
		for _, n := range nodes {
			var f submissionFile
			if !questions.DecodeNode(c, n, &f) {
				continue
			}
			line := docLine(n)
			own := ownBank(c, &f, b, line)
			s, at := checkSubmission(c, &f, own, line)
			a := &Assessment{Submission: s, Bank: RefOf(own), CompletedAt: at}
			if drafts {
				a.ID, a.CompletedAt = draftID(c, &f.ID), nil
			}
			out = append(out, a)
		}
		all = append(all, c.Problems...)
	}
	if len(all) > 0 {
		return nil, all
	}
	return out, nil
}

// ResolveBank is the bank an assessment answered with ref is read and
// scored with: b when ref is b's, empty or not built in, else the built-in
// bank ref names.
func ResolveBank(ref BankRef, b *questions.Bank) *questions.Bank {
	if ref.ID == "" || ref == RefOf(b) {
		return b
	}
	if other, ok := questions.Builtin(ref.ID, ref.Version, ref.Language); ok {
		return other
	}
	return b
}

// ownBank is the bank a document's answers were given with: the built-in
// version of b's bank the document names, else b. A document naming a
// version of b's bank that is neither b nor built in is a problem, at
// line, where the document starts.
func ownBank(c *questions.Collector, f *submissionFile, b *questions.Bank, line int) *questions.Bank {
	ref := BankRef{ID: f.Bank.ID, Version: f.Bank.Version, Language: f.Bank.Language}
	if ref.ID != b.ID || ref.Version == 0 {
		return b // no version named, or another bank (checkSubmission says so)
	}
	if ref.Language == "" {
		ref.Language = b.Language
	}
	own := ResolveBank(ref, b)
	if own == b && ref != RefOf(b) {
		c.AddCodef(line, ProblemOtherBank, "answered with version %d (%s) of bank %q, which is not built in; this bank is version %d (%s)",
			ref.Version, ref.Language, ref.ID, b.Version, b.Language)
	}
	return own
}

// draftID is the id a document gives a draft: "" when it gives none; a
// problem when it is not an id as the store makes them (lower-case
// letters and digits).
func draftID(c *questions.Collector, n *yaml.Node) string {
	if n.Kind == 0 || n.Tag == "!!null" {
		return ""
	}
	id := strings.TrimSpace(n.Value)
	if n.Kind != yaml.ScalarNode || id == "" || len(id) > 64 || strings.Trim(id, "0123456789abcdefghijklmnopqrstuvwxyz") != "" {
		c.Addf(n.Line, "id must be a draft id of lower-case letters and digits, such as 01k2v9x3m4abcdef")
		return ""
	}
	return id
}

// docLine is the line a document's content starts on.
func docLine(n *yaml.Node) int {
	if n.Kind == yaml.DocumentNode && len(n.Content) > 0 {
		n = n.Content[0]
	}
	return max(n.Line, 1)
}

// isJSONLines reports whether the first non-blank line of data is a JSON
// value by itself.
func isJSONLines(data []byte) bool {
	for _, line := range bytes.Split(data, []byte("\n")) {
		if len(bytes.TrimSpace(line)) > 0 {
			return json.Valid(line)
		}
	}
	return false
}

// checkSubmission turns a decoded answers document into a submission and
// the completion time it gives (nil when none), recording every problem;
// a problem of the whole document is reported at line, where it starts.
func checkSubmission(c *questions.Collector, f *submissionFile, b *questions.Bank, line int) (Submission, *time.Time) {
	if f.Schema != "" && f.Schema != SubmissionSchema {
		c.Addf(line, "unknown schema %q (expected %q)", f.Schema, SubmissionSchema)
	}
	s := Submission{
		Org:        strings.TrimSpace(f.Org),
		Respondent: strings.TrimSpace(f.Respondent),
		Role:       strings.TrimSpace(f.Role),
		Answers:    Answers{},
	}
	if s.Org == "" {
		c.Addf(line, "org is missing or empty")
	}
	if f.Bank.ID != "" && f.Bank.ID != b.ID {
		c.AddCodef(line, ProblemOtherBank, "answered with bank %q, not %q", f.Bank.ID, b.ID)
	}
	var completed *time.Time
	if n := &f.CompletedAt; n.Kind == yaml.ScalarNode && n.Tag != "!!null" {
		t, err := time.Parse(time.RFC3339, n.Value)
		if err != nil {
			c.Addf(n.Line, "completed_at %q is not a date and time like 2026-11-27T09:30:00Z", n.Value)
		} else {
			completed = &t
		}
	} else if n.Kind != 0 && n.Tag != "!!null" {
		c.Addf(n.Line, "completed_at must be a date and time like 2026-11-27T09:30:00Z")
	}
	eachEntry(c, &f.Answers, "answers", func(key, val *yaml.Node) {
		q, ok := b.Question(key.Value)
		if !ok {
			c.Addf(key.Line, "unknown question id %q", key.Value)
			return
		}
		a, err := parseAnswer(val, q)
		if err != nil {
			c.Addf(val.Line, "answer to %s: %v", key.Value, err)
			return
		}
		s.Answers[key.Value] = a
	})
	eachEntry(c, &f.Notes, "notes", func(key, val *yaml.Node) {
		if _, ok := b.Question(key.Value); !ok {
			c.Addf(key.Line, "note for unknown question id %q", key.Value)
			return
		}
		if val.Kind != yaml.ScalarNode || val.Tag != "!!str" {
			c.Addf(val.Line, "note for %s must be text", key.Value)
			return
		}
		if note := strings.TrimSpace(val.Value); note != "" {
			if s.Notes == nil {
				s.Notes = map[string]string{}
			}
			s.Notes[key.Value] = note
		}
	})
	return s, completed
}

// eachEntry calls fn for each key/value of a mapping node; an absent or null
// node has no entries.
func eachEntry(c *questions.Collector, n *yaml.Node, field string, fn func(key, val *yaml.Node)) {
	if n.Kind == 0 || n.Tag == "!!null" {
		return
	}
	if n.Kind != yaml.MappingNode {
		c.Addf(n.Line, "%s must be a mapping of question id to value", field)
		return
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		fn(n.Content[i], n.Content[i+1])
	}
}

// parseAnswer reads the answer to question q: a level, "unsure", or "na"
// where q may not apply.
func parseAnswer(n *yaml.Node, q *questions.Question) (Answer, error) {
	if n.Kind != yaml.ScalarNode {
		return Answer{}, fmt.Errorf("must be %s", answerWords(q))
	}
	switch n.Tag {
	case "!!int":
		l, err := strconv.Atoi(n.Value)
		if err != nil || l < 0 || l > questions.MaxLevel {
			return Answer{}, fmt.Errorf("level %s is outside 0..%d", n.Value, questions.MaxLevel)
		}
		return AtLevel(l), nil
	case "!!str":
		switch word := strings.TrimSpace(n.Value); {
		case strings.EqualFold(word, UnsureWord):
			return NotSure, nil
		case strings.EqualFold(word, NotApplicableWord) && q.MayNotApply:
			return DoesNotApply, nil
		case strings.EqualFold(word, NotApplicableWord):
			return Answer{}, fmt.Errorf("%q (does not apply) is not allowed: this question applies to every organization; answer a level 0..%d or %q", n.Value, questions.MaxLevel, UnsureWord)
		}
	}
	return Answer{}, fmt.Errorf("%q is not %s", n.Value, answerWords(q))
}

// answerWords lists the answers question q takes.
func answerWords(q *questions.Question) string {
	if q.MayNotApply {
		return fmt.Sprintf("a level 0..%d, %q or %q", questions.MaxLevel, UnsureWord, NotApplicableWord)
	}
	return fmt.Sprintf("a level 0..%d or %q", questions.MaxLevel, UnsureWord)
}
