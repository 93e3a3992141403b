package questions

import (
	"encoding/json"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/charmbracelet/x/exp/golden"
)

// updating reports whether the tests run with -update (the flag of
// x/exp/golden, the one golden mechanism of every package).
func updating() bool {
	f := flag.Lookup("update")
	return f != nil && f.Value.String() == "true"
}

func TestInvalidBanksReportEveryProblemWithItsLine(t *testing.T) {
	files, err := filepath.Glob("testdata/invalid/*.*")
	if err != nil || len(files) == 0 {
		t.Fatalf("no fixtures: %v", err)
	}
	for _, file := range files {
		t.Run(filepath.Base(file), func(t *testing.T) {
			data, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			name := filepath.ToSlash(file)
			_, err = Load(name, data)
			var problems Problems
			if !errors.As(err, &problems) || len(problems) == 0 {
				t.Fatalf("Load(%s) = %v, want problems", file, err)
			}
			for _, p := range problems {
				if p.File != name {
					t.Errorf("problem %q names file %q, want %q", p, p.File, name)
				}
			}
			golden.RequireEqual(t, err.Error()+"\n")
		})
	}
}

func TestValidMinimalBankLoads(t *testing.T) {
	data, err := os.ReadFile("testdata/valid-min.yaml")
	if err != nil {
		t.Fatal(err)
	}
	b, err := Load("valid-min.yaml", data)
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	q, ok := b.Question("q1")
	if !ok || q.Prompt != "How?" || q != &b.Pillars[0].KeyActions[0].Questions[0] {
		t.Fatalf("Question(q1) = %+v, %v", q, ok)
	}
	if q.Weight.Value() != 1 || b.Pillars[0].Weight.Value() != 1 {
		t.Errorf("omitted weights must default to 1, got %v and %v", q.Weight.Value(), b.Pillars[0].Weight.Value())
	}
	if q.Line != 17 {
		t.Errorf("question line = %d, want 17", q.Line)
	}
	if _, ok := b.Question("nope"); ok {
		t.Error("Question(nope) found something")
	}
}

func TestProblemsListEveryKindOfMistake(t *testing.T) {
	// One fixture per rule: each must mention what the rule is about.
	cases := map[string][]string{
		"unknown-field.yaml":  {`:5: unknown field "colour"`, `:7: unknown field "extra"`, `:20: unknown field "hint"`},
		"duplicate-ids.yaml":  {`:13: duplicate id "p1"`, `:20: duplicate id "q1"`, `:24: duplicate id "q1"`},
		"bad-levels.yaml":     {"four-options must have exactly the levels 0..4", "repeated-level: level 1 appears twice", "out-of-range: option level 5", `:28: expected a whole number, found "zero"`},
		"empty-texts.yaml":    {"bank title is empty", "stage name is empty", "stage description is empty", "thesis is empty", "prompt is empty", "option text is empty", "r1 title is empty", "r1 why is empty", "r1 step is empty"},
		"bad-triggers.yaml":   {`unknown key action "nope"`, `unknown question "q9"`, "below 150 is outside", "at_most 4 is outside", "below 0 is outside", "names exactly one of", "takes at_most, not below", `"k1" is a key action, not a pillar`, "must have 2 to 4 first steps (has 1)", "r-none has no trigger"},
		"stages-weights.yaml": {"version must be", "first stage must start at min 0", "stage number 3 out of order: expected 2", "thresholds must ascend", "pillar p1 weight must be greater than 0", "key action k1 weight", "question q1 weight", "key action k2 has no questions", "pillar p2 has no key actions", `pillar id "Bad_ID"`},
		"syntax-error.yaml":   {"syntax-error.yaml:3:"},
		"not-a-mapping.yaml":  {"must be a mapping"},
		"empty.yaml":          {"is empty"},
		"two-documents.yaml":  {":32: holds 2 documents where one is expected"},
		"repeated-key.yaml":   {`:5: "title" is given twice (first at line 4)`},
		"number-as-text.yaml": {":18: prompt must be text, not a number"},
	}
	for file, wants := range cases {
		data, err := os.ReadFile(filepath.Join("testdata/invalid", file))
		if err != nil {
			t.Fatal(err)
		}
		_, err = Load(file, data)
		if err == nil {
			t.Errorf("%s: loaded without problems", file)
			continue
		}
		for _, want := range wants {
			if !strings.Contains(err.Error(), want) {
				t.Errorf("%s: problems do not mention %q:\n%v", file, want, err)
			}
		}
	}
}

func FuzzLoad(f *testing.F) {
	f.Add(DefaultYAML())
	for _, file := range []string{"testdata/valid-min.yaml", "testdata/invalid/bad-triggers.yaml", "testdata/invalid/stages-weights.yaml"} {
		if data, err := os.ReadFile(file); err == nil {
			f.Add(data)
		}
	}
	f.Add([]byte("{}"))
	f.Add([]byte("a: &x [*x]"))
	f.Fuzz(func(t *testing.T, data []byte) {
		b, err := Load("fuzz.yaml", data)
		if (b == nil) == (err == nil) {
			t.Fatalf("Load returned bank %v and error %v: exactly one must be set", b != nil, err)
		}
		if b != nil {
			for _, q := range b.AllQuestions() {
				if len(q.Options) != Levels {
					t.Fatalf("a loaded bank has a question without %d options", Levels)
				}
			}
		}
	})
}

func BenchmarkLoadDefaultBank(b *testing.B) {
	data := DefaultYAML()
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Load(DefaultBankName, data); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkDecodeBuiltInBank is what every start of the app pays for the
// built-in bank: its JSON form decoded and indexed.
func BenchmarkDecodeBuiltInBank(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		var bank Bank
		if err := json.Unmarshal(defaultBankJSON, &bank); err != nil {
			b.Fatal(err)
		}
		bank.buildIndex()
	}
}
