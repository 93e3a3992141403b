package assess

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"socialmaturity/questions"
)

func TestParseSubmissionReadsJSONAndYAML(t *testing.T) {
	b := defaultBank(t)
	inputs := map[string]string{
		"answers.json": `{"org": " Acme ", "respondent": "Dana", "answers": {"eng-channels": 3, "lis-practice": "unsure"}, "notes": {"eng-channels": "three channels"}}`,
		"answers.yaml": "org: Acme\nrespondent: Dana\nanswers:\n  eng-channels: 3\n  lis-practice: unsure\nnotes:\n  eng-channels: three channels\n",
	}
	for name, src := range inputs {
		s, err := ParseSubmission(name, []byte(src), b)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if s.Org != "Acme" || s.Respondent != "Dana" {
			t.Errorf("%s: org %q respondent %q", name, s.Org, s.Respondent)
		}
		if s.Answers["eng-channels"] != AtLevel(3) || s.Answers["lis-practice"] != NotSure || len(s.Answers) != 2 {
			t.Errorf("%s: answers = %+v", name, s.Answers)
		}
		if s.Notes["eng-channels"] != "three channels" {
			t.Errorf("%s: notes = %+v", name, s.Notes)
		}
	}
}

func TestParseSubmissionReportsEveryProblemWithItsLine(t *testing.T) {
	b := defaultBank(t)
	src := `org: ""
answers:
  eng-channels: 5
  eng-audiences: -1
  no-such-question: 2
  lis-practice: maybe
  lis-uses: 2.5
  lis-audiences: [1]
notes:
  ghost: hello
  eng-channels: {a: b}
colour: red
`
	_, err := ParseSubmission("a.yaml", []byte(src), b)
	var problems questions.Problems
	if !errors.As(err, &problems) {
		t.Fatalf("err = %v, want problems", err)
	}
	want := []string{
		`a.yaml:1: org is missing or empty`,
		`a.yaml:3: answer to eng-channels: level 5 is outside 0..4`,
		`a.yaml:4: answer to eng-audiences: level -1 is outside 0..4`,
		`a.yaml:5: unknown question id "no-such-question"`,
		`a.yaml:6: answer to lis-practice: "maybe" is not a level 0..4 or "unsure"`,
		`a.yaml:7: answer to lis-uses: "2.5" is not a level 0..4 or "unsure"`,
		`a.yaml:8: answer to lis-audiences: must be a level 0..4 or "unsure"`,
		`a.yaml:10: note for unknown question id "ghost"`,
		`a.yaml:11: note for eng-channels must be text`,
		`a.yaml:12: unknown field "colour"`,
	}
	got := err.Error()
	for _, w := range want {
		if !strings.Contains(got, w) {
			t.Errorf("problems lack %q:\n%s", w, got)
		}
	}
	if len(problems) != len(want) {
		t.Errorf("got %d problems, want %d:\n%s", len(problems), len(want), got)
	}
}

func TestParseSubmissionRejectsWrongShapes(t *testing.T) {
	b := defaultBank(t)
	for name, src := range map[string]string{
		"empty":          "",
		"list":           "[1, 2]",
		"answers list":   "org: A\nanswers: [1, 2]\n",
		"bad syntax":     "{org: ",
		"wrong schema":   `{"schema": "other/v9", "org": "A"}`,
		"org not a text": "org: {a: 1}\n",
	} {
		if _, err := ParseSubmission(name, []byte(src), b); err == nil {
			t.Errorf("%s: accepted", name)
		}
	}
}

func TestParseSubmissionLines(t *testing.T) {
	b := defaultBank(t)
	good := `{"org": "A", "answers": {"eng-channels": 1}}` + "\n\n" + `{"org": "B", "answers": {"eng-channels": "unsure"}}` + "\n"
	subs, err := ParseSubmissionLines("stdin", []byte(good), b)
	if err != nil || len(subs) != 2 || subs[1].Org != "B" || subs[1].Answers["eng-channels"] != NotSure {
		t.Fatalf("subs = %+v, err = %v", subs, err)
	}
	bad := good + `{"org": "C", "answers": {"eng-channels": 9}}` + "\n" + `not json` + "\n"
	subs, err = ParseSubmissionLines("stdin", []byte(bad), b)
	if err == nil || subs != nil {
		t.Fatalf("bad input stored %d submissions", len(subs))
	}
	for _, w := range []string{"stdin:4: answer to eng-channels", "stdin:5:"} {
		if !strings.Contains(err.Error(), w) {
			t.Errorf("problems lack %q:\n%v", w, err)
		}
	}
}

func FuzzParseSubmission(f *testing.F) {
	b, err := questions.Default()
	if err != nil {
		f.Fatal(err)
	}
	f.Add([]byte(`{"org": "Acme", "answers": {"eng-channels": 3, "lis-practice": "unsure"}, "notes": {"eng-channels": "x"}}`))
	f.Add([]byte("org: A\nanswers:\n  eng-channels: 4\n"))
	f.Add([]byte("org: [\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		if subs, err := ParseSubmissions("fuzz", data, b); err == nil && len(subs) == 0 && len(bytes.TrimSpace(data)) > 0 {
			t.Fatal("non-empty input read as no submission and no error")
		}
		s, err := ParseSubmission("fuzz", data, b)
		if err != nil {
			return
		}
		if s.Org == "" {
			t.Fatal("accepted a submission without an org")
		}
		for id, a := range s.Answers {
			if _, _, ok := b.Question(id); !ok || (!a.Unsure && (a.Level < 0 || a.Level > questions.MaxLevel)) {
				t.Fatalf("accepted answer %q = %+v", id, a)
			}
		}
		Evaluate(b, s.Answers, Targets{})
	})
}

func FuzzParseTarget(f *testing.F) {
	b, err := questions.Default()
	if err != nil {
		f.Fatal(err)
	}
	for _, s := range []string{"overall=70", "culture=50", "x", "value=1e400"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		var tg Targets
		if ParseTarget(b, s, &tg) != nil {
			return
		}
		for _, v := range tg.Pillars {
			if v < 0 || v > 100 {
				t.Fatalf("accepted target %v", v)
			}
		}
		if tg.Overall != nil && (*tg.Overall < 0 || *tg.Overall > 100) {
			t.Fatalf("accepted overall %v", *tg.Overall)
		}
	})
}

func TestParseSubmissionsTellsLinesFromADocument(t *testing.T) {
	b := defaultBank(t)
	lines := `{"org": "A", "answers": {"eng-channels": 1}}` + "\n" + `{"org": "B"}` + "\n"
	if subs, err := ParseSubmissions("stdin", []byte(lines), b); err != nil || len(subs) != 2 {
		t.Errorf("JSON Lines: %d, %v", len(subs), err)
	}
	doc := "{\n  \"org\": \"A\",\n  \"answers\": {\"eng-channels\": 1}\n}\n"
	if subs, err := ParseSubmissions("stdin", []byte(doc), b); err != nil || len(subs) != 1 || subs[0].Org != "A" {
		t.Errorf("indented JSON: %+v, %v", subs, err)
	}
	if subs, err := ParseSubmissions("stdin", []byte("org: Y\n"), b); err != nil || len(subs) != 1 {
		t.Errorf("YAML: %+v, %v", subs, err)
	}
}

func TestExportFieldsAreReadOrChecked(t *testing.T) {
	b := defaultBank(t)
	ok := `{"schema": "socialmaturity.assessment/v1", "id": "x", "org": "A", "completed_at": "2026-03-01T10:00:00Z",
		"bank": {"id": "social-maturity", "version": 1, "language": "en"}, "overall": 50, "pillars": [], "answers": {}}`
	s, err := ParseSubmission("e.json", []byte(ok), b)
	if err != nil || s.Completed == nil || s.Completed.Year() != 2026 {
		t.Fatalf("export fields: %+v, %v", s, err)
	}
	bad := `{"org": "A", "completed_at": "yesterday", "bank": {"id": "other-bank"}}`
	_, err = ParseSubmission("e.json", []byte(bad), b)
	if err == nil || !strings.Contains(err.Error(), `completed_at "yesterday"`) || !strings.Contains(err.Error(), `answered with bank "other-bank"`) {
		t.Errorf("bad export fields: %v", err)
	}
}
