package assess

import (
	"errors"
	"testing"

	"socialmaturity/questions"
)

// QA: a problem of a whole document (no org, another bank, an unknown
// schema) is reported at the line that document starts on, not at line 1.
func TestDocumentProblemsAtTheirDocumentsLine(t *testing.T) {
	b := defaultBank(t)
	for name, c := range map[string]struct {
		data string
		line int
	}{
		"second yaml, no org":     {"org: A\nanswers:\n  eng-channels: 2\n---\nrespondent: B\nanswers:\n  eng-channels: 2\n", 5},
		"second yaml, other bank": {"org: A\nanswers:\n  eng-channels: 2\n---\n\norg: B\nbank:\n  id: other\nanswers:\n  eng-channels: 2\n", 6},
		"third yaml, schema":      {"org: A\n---\norg: B\n---\nschema: x\norg: C\n", 5},
		"second json line":        {`{"org":"A","answers":{"eng-channels":2}}` + "\n" + `{"answers":{"eng-channels":2}}` + "\n", 2},
		"first yaml, no org":      {"answers:\n  eng-channels: 2\n", 1},
	} {
		_, err := ParseAssessments("f.yaml", []byte(c.data), b)
		var ps questions.Problems
		if !errors.As(err, &ps) || len(ps) == 0 {
			t.Errorf("%s: err = %v, want problems", name, err)
			continue
		}
		for _, p := range ps {
			if p.Line != c.line {
				t.Errorf("%s: %s at line %d, want %d", name, p.String(), p.Line, c.line)
			}
		}
	}
}
