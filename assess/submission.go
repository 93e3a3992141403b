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

// Submission is one respondent's answers about one organization.
type Submission struct {
	Org        string            `json:"org"`
	Respondent string            `json:"respondent,omitempty"`
	Role       string            `json:"role,omitempty"`
	Answers    Answers           `json:"answers"`
	Notes      map[string]string `json:"notes,omitempty"`
	// Completed is when the answers were completed, when an exported file
	// says so.
	Completed *time.Time `json:"-"`
}

// MarshalJSON writes a level as a number and "not sure" as "unsure".
func (a Answer) MarshalJSON() ([]byte, error) {
	if a.Unsure {
		return json.Marshal(UnsureWord)
	}
	return json.Marshal(a.Level)
}

// UnmarshalJSON reads a level number or "unsure".
func (a *Answer) UnmarshalJSON(data []byte) error {
	var word string
	if json.Unmarshal(data, &word) == nil {
		if word != UnsureWord {
			return fmt.Errorf("answer %q is neither a level nor %q", word, UnsureWord)
		}
		*a = NotSure
		return nil
	}
	var l int
	if err := json.Unmarshal(data, &l); err != nil {
		return fmt.Errorf("answer %s is neither a level nor %q", data, UnsureWord)
	}
	*a = AtLevel(l)
	return nil
}

// submissionFile is an answers file: the fields a person writes, plus those
// an export adds (its id, times, bank and result), which are read back or
// ignored (the result is always scored again).
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
	} `yaml:"bank"`

	ID              yaml.Node `yaml:"id"`
	Workshop        yaml.Node `yaml:"workshop"`
	StartedAt       yaml.Node `yaml:"started_at"`
	Overall         yaml.Node `yaml:"overall"`
	Stage           yaml.Node `yaml:"stage"`
	Coverage        yaml.Node `yaml:"coverage"`
	Answered        yaml.Node `yaml:"answered"`
	Unsure          yaml.Node `yaml:"unsure"`
	Total           yaml.Node `yaml:"total"`
	Target          yaml.Node `yaml:"target"`
	Pillars         yaml.Node `yaml:"pillars"`
	Recommendations yaml.Node `yaml:"recommendations"`
}

// SubmissionSchema names the answers format; files may state it.
const SubmissionSchema = "socialmaturity.assessment/v1"

// ParseSubmission reads an answers document (JSON or YAML) for bank b. name
// locates problems. Every problem is reported, as questions.Problems.
func ParseSubmission(name string, data []byte, b *questions.Bank) (Submission, error) {
	return parseSubmission(&questions.Collector{File: name}, data, b)
}

func parseSubmission(c *questions.Collector, data []byte, b *questions.Bank) (Submission, error) {
	var f submissionFile
	if !questions.Decode(c, data, &f) {
		return Submission{}, c.Err()
	}
	if f.Schema != "" && f.Schema != SubmissionSchema {
		c.Add(1, "unknown schema %q (expected %q)", f.Schema, SubmissionSchema)
	}
	s := Submission{
		Org:        strings.TrimSpace(f.Org),
		Respondent: strings.TrimSpace(f.Respondent),
		Role:       strings.TrimSpace(f.Role),
		Answers:    Answers{},
	}
	if s.Org == "" {
		c.Add(1, "org is missing or empty")
	}
	if f.Bank.ID != "" && f.Bank.ID != b.ID {
		c.Add(1, "answered with bank %q, not %q: pass that bank with --bank", f.Bank.ID, b.ID)
	}
	if n := &f.CompletedAt; n.Kind == yaml.ScalarNode && n.Tag != "!!null" {
		t, err := time.Parse(time.RFC3339, n.Value)
		if err != nil {
			c.Add(n.Line, "completed_at %q is not a date and time like 2026-11-27T09:30:00Z", n.Value)
		} else {
			s.Completed = &t
		}
	} else if n.Kind != 0 && n.Tag != "!!null" {
		c.Add(n.Line, "completed_at must be a date and time like 2026-11-27T09:30:00Z")
	}
	eachEntry(c, &f.Answers, "answers", func(key, val *yaml.Node) {
		if _, _, ok := b.Question(key.Value); !ok {
			c.Add(key.Line, "unknown question id %q", key.Value)
			return
		}
		a, err := parseAnswer(val)
		if err != nil {
			c.Add(val.Line, "answer to %s: %v", key.Value, err)
			return
		}
		s.Answers[key.Value] = a
	})
	eachEntry(c, &f.Notes, "notes", func(key, val *yaml.Node) {
		if _, _, ok := b.Question(key.Value); !ok {
			c.Add(key.Line, "note for unknown question id %q", key.Value)
			return
		}
		if val.Kind != yaml.ScalarNode || val.Tag == "!!null" {
			c.Add(val.Line, "note for %s must be text", key.Value)
			return
		}
		if note := strings.TrimSpace(val.Value); note != "" {
			if s.Notes == nil {
				s.Notes = map[string]string{}
			}
			s.Notes[key.Value] = note
		}
	})
	if len(c.Problems) > 0 {
		return Submission{}, c.Err()
	}
	return s, nil
}

// eachEntry calls fn for each key/value of a mapping node; an absent or null
// node has no entries.
func eachEntry(c *questions.Collector, n *yaml.Node, field string, fn func(key, val *yaml.Node)) {
	if n.Kind == 0 || n.Tag == "!!null" {
		return
	}
	if n.Kind != yaml.MappingNode {
		c.Add(n.Line, "%s must be a mapping of question id to value", field)
		return
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		fn(n.Content[i], n.Content[i+1])
	}
}

func parseAnswer(n *yaml.Node) (Answer, error) {
	if n.Kind != yaml.ScalarNode {
		return Answer{}, fmt.Errorf("must be a level 0..%d or %q", questions.MaxLevel, UnsureWord)
	}
	switch n.Tag {
	case "!!int":
		l, err := strconv.Atoi(n.Value)
		if err != nil || l < 0 || l > questions.MaxLevel {
			return Answer{}, fmt.Errorf("level %s is outside 0..%d", n.Value, questions.MaxLevel)
		}
		return AtLevel(l), nil
	case "!!str":
		if strings.EqualFold(strings.TrimSpace(n.Value), UnsureWord) {
			return NotSure, nil
		}
	}
	return Answer{}, fmt.Errorf("%q is not a level 0..%d or %q", n.Value, questions.MaxLevel, UnsureWord)
}

// ParseSubmissionLines reads JSON Lines: one answers object per non-blank
// line. Problems carry the line of the input they are on; any problem fails
// the whole input.
func ParseSubmissionLines(name string, data []byte, b *questions.Bank) ([]Submission, error) {
	var subs []Submission
	var all questions.Problems
	for i, line := range strings.Split(string(data), "\n") {
		if strings.TrimSpace(line) == "" {
			continue
		}
		c := &questions.Collector{File: name, LineOffset: i}
		s, err := parseSubmission(c, []byte(line), b)
		if err != nil {
			all = append(all, c.Problems...)
			continue
		}
		subs = append(subs, s)
	}
	if len(all) > 0 {
		return nil, all
	}
	return subs, nil
}

// ParseSubmissions reads either JSON Lines (when the first non-blank line
// is a JSON object by itself) or one answers document (JSON or YAML, such
// as an export).
func ParseSubmissions(name string, data []byte, b *questions.Bank) ([]Submission, error) {
	for _, line := range bytes.Split(data, []byte("\n")) {
		if len(bytes.TrimSpace(line)) == 0 {
			continue
		}
		if json.Valid(line) {
			return ParseSubmissionLines(name, data, b)
		}
		break
	}
	s, err := ParseSubmission(name, data, b)
	if err != nil {
		return nil, err
	}
	return []Submission{s}, nil
}
