package questions

import (
	"encoding/json"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"slices"
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
	if r, _ := b.Recommendation("r1"); !r.Steps.IsPlain() || !slices.Equal(r.Steps.All(), []string{"Start", "Continue"}) {
		t.Errorf("v1 steps = %+v", r.Steps)
	}
}

func TestValidMinimalV2BankLoads(t *testing.T) {
	data, err := os.ReadFile("testdata/valid-v2-min.yaml")
	if err != nil {
		t.Fatal(err)
	}
	b, err := Load("valid-v2-min.yaml", data)
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	q, _ := b.Question("q1")
	if q.WhoKnows != "the team lead" || !q.MayNotApply || q.NotApplicable == "" {
		t.Errorf("q1 = %+v", q)
	}
	r, _ := b.Recommendation("r-build")
	if r.KeyAction != "k1" || r.Tier != TierBuild || !slices.Equal(r.Evidence, []string{"f1"}) || !slices.Equal(r.Caveats, []string{"Public posts only."}) {
		t.Errorf("r-build = %+v", r)
	}
	if r.Steps.IsPlain() || !slices.Equal(r.Steps.Alone, []string{"Start"}) || !slices.Equal(r.Steps.Propose, []string{"Ask"}) || !slices.Equal(r.Steps.All(), []string{"Start", "Ask"}) {
		t.Errorf("r-build steps = %+v", r.Steps)
	}
	if r, _ := b.Recommendation("r-q1"); !slices.Equal(r.After, []string{"r-build"}) || len(r.When) != 1 {
		t.Errorf("r-q1 = %+v", r)
	}
	if f, ok := b.Fact("f2"); !ok || !f.About || f.Format != FormatNumber || f.Fill("300") != "It has 300 ambassadors" {
		t.Errorf("Fact(f2) = %+v, %v", f, ok)
	}
	if c, ok := b.Case("c1"); !ok || c.Org != "Acme" || !slices.Equal(c.Facts, []string{"f2"}) {
		t.Errorf("Case(c1) = %+v, %v", c, ok)
	}
	if e, ok := b.Evidence("c1"); !ok || e.Case == nil || e.Fact != nil {
		t.Errorf("Evidence(c1) = %+v", e)
	}
	if e, ok := b.Evidence("f1"); !ok || e.Fact == nil || e.Fact.Value != 0.75 {
		t.Errorf("Evidence(f1) = %+v", e)
	}
	if _, ok := b.Evidence("k1"); ok {
		t.Error("Evidence(k1) found a key action")
	}
	if ka, ok := b.KeyAction("k1"); !ok || ka.Evidence[0] != "c1" {
		t.Errorf("KeyAction(k1) = %+v", ka)
	}
	if s, ok := b.Source("src"); !ok || s.Cite != "A report (2021)" {
		t.Errorf("Source(src) = %+v", s)
	}
	if term, ok := b.Term("Persona"); !ok || term.Term != "persona" {
		t.Errorf("Term(Persona) = %+v", term)
	}
	if b.Pillars[0].Intro[0] != "f1" || b.Scope == "" {
		t.Errorf("intro %v, scope %q", b.Pillars[0].Intro, b.Scope)
	}
}

// A recommendation's steps keep their form through JSON, as the default
// bank's JSON form and JSON exports write them.
func TestStepsRoundTripJSON(t *testing.T) {
	for _, s := range []Steps{PlainSteps("a", "b"), {Alone: []string{"a"}, Propose: []string{"b"}}} {
		data, err := json.Marshal(s)
		if err != nil {
			t.Fatal(err)
		}
		var got Steps
		if err := json.Unmarshal(data, &got); err != nil || got.IsPlain() != s.IsPlain() || !slices.Equal(got.All(), s.All()) {
			t.Errorf("%+v → %s → %+v (%v)", s, data, got, err)
		}
	}
}

func TestTierRanges(t *testing.T) {
	for score, want := range map[float64]Tier{0: TierBuild, 37.49: TierBuild, 37.5: TierDefine, 62.49: TierDefine, 62.5: TierConnect, 87.49: TierConnect, 87.5: "", 100: ""} {
		got, ok := TierFor(score)
		if got != want || ok != (want != "") {
			t.Errorf("TierFor(%g) = %q, %v; want %q", score, got, ok, want)
		}
	}
	if _, _, ok := Tier("maybe").Range(); ok || Tier("maybe").Fires(10) {
		t.Error("an unknown tier has a range")
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
		"v2-references.yaml": {`:10: fact f1 source: unknown source "nowhere"`, `case c1 facts: unknown fact "f9"`, `"c1" is a case, not a fact`, "case c2 names no source",
			`pillar p1 intro: unknown fact or case "nothing"`, `key action k1 evidence: "src" is a source, not a fact or case`, `r-build: unknown key action "k9"`,
			`r-build evidence: unknown fact or case "missing"`, `"q1" is a question, not a key action`, `after names unknown recommendation "r-none"`, "r-connect comes after itself"},
		"v2-rules.yaml": {"bank scope is empty", "exactly 5 stages (has 4)", "f-no-value text must hold {value} exactly once", "f-twice text must hold {value} exactly once",
			"f-percent: a percent is written as a fraction", `f-format: unknown format "ratio"`, "fact f-unshown is shown nowhere", "case c-unshown is shown nowhere",
			`glossary term "Persona" is defined twice`, "q-no-help help is empty", "q-no-help who_knows is empty", "q-no-help may not apply but does not say when",
			"q-na-text says when it does not apply (not_applicable) without may_not_apply", "r-build: steps are a mapping of alone and propose in a version 2 bank",
			"r-define needs at least one step to start alone and one to propose", "r-connect caveat is empty", `:74: unknown field "later"`},
		"v2-tiers.yaml": {"k1 has no recommendation of tier define", "k2 has no recommendation of tier define, connect", "in a circle: r-build → r-connect → r-q1 → r-build",
			"key action k1 already has a build recommendation", `unknown tier "defined"`, "r-both has both a tier and when-conditions", "r-neither has neither a tier nor when-conditions",
			"r-no-key-action names no key_action", ":105: recommendation r-cross is about key action k1, but its condition is on key action k2", ":106: recommendation r-cross is about"},
		"v2-fields-in-v1.yaml": {`:6: field "scope" is not part of a version 1 bank`, `:17: field "intro" is not part of a version 1 bank`, `:25: field "who_knows"`, `:35: field "tier"`,
			"r1: steps are a plain list in a version 1 bank"},
		"v1-fields-in-v2.yaml": {`:17: field "facts" is not part of a version 2 bank (it belongs to version 1 and earlier)`, `:18: unknown field "colour" (expected one of: id, intro, key_actions, thesis, title, weight)`},
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
	f.Add(defaultV1YAML)
	for _, file := range []string{"testdata/valid-min.yaml", "testdata/valid-v2-min.yaml", "testdata/invalid/bad-triggers.yaml", "testdata/invalid/stages-weights.yaml", "testdata/invalid/v2-tiers.yaml"} {
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

// BenchmarkLoadBankV1 is what the first use of bank v1 pays (for an
// assessment made with it): its YAML loaded and validated.
func BenchmarkLoadBankV1(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Load("default.v1.en.yaml", defaultV1YAML); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkDecodeBuiltInBank is what every start of the app pays for the
// default bank: its JSON form decoded and indexed.
func BenchmarkDecodeBuiltInBank(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		var bank Bank
		if err := json.Unmarshal(defaultV2JSON, &bank); err != nil {
			b.Fatal(err)
		}
		bank.buildIndex()
	}
}
