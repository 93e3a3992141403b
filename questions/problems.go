package questions

import (
	"fmt"
	"sort"
	"strings"
)

// Problem is one thing wrong with an input file, located by line.
type Problem struct {
	File string
	Line int
	Msg  string
	// Code, when set, names the kind of problem, for a caller that adds
	// advice of its own (see AddCodef).
	Code string
}

func (p Problem) String() string {
	if p.Line > 0 {
		return fmt.Sprintf("%s:%d: %s", p.File, p.Line, p.Msg)
	}
	return fmt.Sprintf("%s: %s", p.File, p.Msg)
}

// Problems is every problem found in one input; it is an error.
type Problems []Problem

func (ps Problems) Error() string {
	lines := make([]string, len(ps))
	for i, p := range ps {
		lines[i] = p.String()
	}
	return strings.Join(lines, "\n")
}

// Collector gathers problems for one file.
type Collector struct {
	File string
	// LineOffset shifts every line, for a document that starts at line
	// LineOffset+1 of a larger input (JSON Lines).
	LineOffset int
	Problems   Problems
}

// Addf records a problem at a line (0 when the line is unknown), formatted
// as fmt.Sprintf does.
func (c *Collector) Addf(line int, format string, args ...any) {
	c.AddCodef(line, "", format, args...)
}

// AddCodef is Addf for a problem of a named kind.
func (c *Collector) AddCodef(line int, code, format string, args ...any) {
	if c.LineOffset > 0 {
		line = max(line, 1) + c.LineOffset
	}
	c.Problems = append(c.Problems, Problem{File: c.File, Line: line, Msg: fmt.Sprintf(format, args...), Code: code})
}

// Err returns the problems in line order as an error, or nil when there
// are none.
func (c *Collector) Err() error {
	if len(c.Problems) == 0 {
		return nil
	}
	sort.SliceStable(c.Problems, func(i, j int) bool { return c.Problems[i].Line < c.Problems[j].Line })
	return c.Problems
}
