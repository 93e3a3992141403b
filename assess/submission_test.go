package assess

import (
	"bytes"
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"github.com/charmbracelet/x/exp/golden"

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
  eng-conversations: na
  int-teams: none
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
	if len(problems) != 12 {
		t.Errorf("got %d problems, want 12", len(problems))
	}
	golden.RequireEqual(t, err.Error()+"\n")
}

// Issue 10: "na" (does not apply) is read only where a question may not
// apply; elsewhere it is a problem with its line.
func TestParseSubmissionReadsDoesNotApply(t *testing.T) {
	b := defaultBank(t)
	for name, src := range map[string]string{
		"answers.json": `{"org": "Uni", "answers": {"mea-funnel": "na", "int-teams": " NA ", "eng-channels": 2}}`,
		"answers.yaml": "org: Uni\nanswers:\n  mea-funnel: na\n  int-teams: NA\n  eng-channels: 2\n",
	} {
		s, err := ParseSubmission(name, []byte(src), b)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if s.Answers["mea-funnel"] != DoesNotApply || s.Answers["int-teams"] != DoesNotApply || s.Answers["eng-channels"] != AtLevel(2) {
			t.Errorf("%s: answers = %+v", name, s.Answers)
		}
	}
	_, err := ParseSubmission("a.json", []byte("{\"org\": \"Uni\",\n \"answers\": {\"eng-channels\": \"na\"}}"), b)
	if err == nil || !strings.Contains(err.Error(), `a.json:2: answer to eng-channels: "na" (does not apply) is not allowed: this question applies to every organization`) {
		t.Errorf("na on a question that applies: %v", err)
	}
}

// Stored answers (JSON) keep "not sure" and "does not apply" apart.
func TestAnswersJSONRoundTrip(t *testing.T) {
	in := Answers{"a": AtLevel(0), "b": NotSure, "c": DoesNotApply, "d": AtLevel(4)}
	data, err := json.Marshal(in)
	if err != nil || string(data) != `{"a":0,"b":"unsure","c":"na","d":4}` {
		t.Fatalf("JSON = %s, %v", data, err)
	}
	var back Answers
	if err := json.Unmarshal(data, &back); err != nil || len(back) != 4 || back["b"] != NotSure || back["c"] != DoesNotApply || back["a"] != AtLevel(0) {
		t.Errorf("read back %+v, %v", back, err)
	}
	if err := json.Unmarshal([]byte(`{"a":"n/a"}`), &back); err == nil {
		t.Error("accepted n/a")
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

func TestParseAssessmentsReadsJSONLines(t *testing.T) {
	b := defaultBank(t)
	good := `{"org": "A", "answers": {"eng-channels": 1}}` + "\n\n" + `{"org": "B", "answers": {"eng-channels": "unsure"}}` + "\n"
	subs, err := ParseAssessments("stdin", []byte(good), b)
	if err != nil || len(subs) != 2 || subs[1].Org != "B" || subs[1].Answers["eng-channels"] != NotSure {
		t.Fatalf("subs = %+v, err = %v", subs, err)
	}
	bad := good + `{"org": "C", "answers": {"eng-channels": 9}}` + "\n" + `not json` + "\n"
	subs, err = ParseAssessments("stdin", []byte(bad), b)
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
	f.Add([]byte(`{"org": "Acme", "answers": {"int-teams": "na", "mea-funnel": "NA", "eng-channels": "na"}}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		if as, err := ParseAssessments("fuzz", data, b); err == nil {
			if len(as) == 0 && len(bytes.TrimSpace(data)) > 0 {
				t.Fatal("non-empty input read as no assessment and no error")
			}
			for _, a := range as {
				if _, builtin := questions.Builtin(a.Bank.ID, a.Bank.Version, a.Bank.Language); a.Org == "" || (a.Bank != RefOf(b) && !builtin) {
					t.Fatalf("read %+v", a)
				}
			}
		}
		s, err := ParseSubmission("fuzz", data, b)
		if err != nil {
			return
		}
		if s.Org == "" {
			t.Fatal("accepted a submission without an org")
		}
		for id, a := range s.Answers {
			q, ok := b.Question(id)
			if !ok || (a.NA && !q.MayNotApply) || (a.NA && a.Unsure) || (a.Level < 0 || a.Level > questions.MaxLevel) {
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

func TestParseAssessmentsTellsLinesFromADocument(t *testing.T) {
	b := defaultBank(t)
	lines := `{"org": "A", "answers": {"eng-channels": 1}}` + "\n" + `{"org": "B"}` + "\n"
	if subs, err := ParseAssessments("stdin", []byte(lines), b); err != nil || len(subs) != 2 {
		t.Errorf("JSON Lines: %d, %v", len(subs), err)
	}
	doc := "{\n  \"org\": \"A\",\n  \"answers\": {\"eng-channels\": 1}\n}\n"
	if subs, err := ParseAssessments("stdin", []byte(doc), b); err != nil || len(subs) != 1 || subs[0].Org != "A" {
		t.Errorf("indented JSON: %+v, %v", subs, err)
	}
	if subs, err := ParseAssessments("stdin", []byte("org: Y\n"), b); err != nil || len(subs) != 1 {
		t.Errorf("YAML: %+v, %v", subs, err)
	}
}

func TestExportFieldsAreReadOrChecked(t *testing.T) {
	b := defaultBank(t)
	ok := `{"schema": "socialmaturity.assessment/v1", "id": "x", "org": "A", "completed_at": "2026-03-01T10:00:00Z",
		"bank": {"id": "social-maturity", "version": 1, "language": "en"}, "overall": 50, "pillars": [], "answers": {}}`
	as, err := ParseAssessments("e.json", []byte(ok), b)
	if err != nil || len(as) != 1 || as[0].CompletedAt == nil || as[0].CompletedAt.Year() != 2026 {
		t.Fatalf("export fields: %+v, %v", as, err)
	}
	bad := `{"org": "A", "completed_at": "yesterday", "bank": {"id": "other-bank"}}`
	_, err = ParseSubmission("e.json", []byte(bad), b)
	if err == nil || !strings.Contains(err.Error(), `completed_at "yesterday"`) || !strings.Contains(err.Error(), `answered with bank "other-bank"`) {
		t.Errorf("bad export fields: %v", err)
	}
}

// Every document of a multi-document YAML file is read (QA M11), and a bad
// one fails the whole file with its line.
func TestParseAssessmentsReadsEveryYAMLDocument(t *testing.T) {
	b := defaultBank(t)
	two := "org: X\nanswers:\n  eng-channels: 3\n---\norg: Y\n"
	as, err := ParseAssessments("m.yaml", []byte(two), b)
	if err != nil || len(as) != 2 || as[0].Org != "X" || as[1].Org != "Y" || as[0].Answers["eng-channels"] != AtLevel(3) {
		t.Fatalf("two documents: %+v, %v", as, err)
	}
	_, err = ParseAssessments("m.yaml", []byte(two+"---\norg: [bad]\n"), b)
	if err == nil || !strings.Contains(err.Error(), "m.yaml:7: expected text, found a list") {
		t.Errorf("a bad third document: %v", err)
	}
	if _, err := ParseSubmission("m.yaml", []byte(two), b); err == nil || !strings.Contains(err.Error(), "m.yaml:4: holds 2 documents") {
		t.Errorf("one submission from two documents: %v", err)
	}
}

// Wrong JSON types and repeated keys are refused (QA m3); emoji written as
// surrogate pair escapes are read (QA M7).
func TestParseSubmissionIsStrictAboutJSON(t *testing.T) {
	b := defaultBank(t)
	for src, want := range map[string]string{
		`{"org": 42}`: "x.json:1: org must be text, not a number",
		`{"org": "A", "notes": {"eng-channels": 5}}`:                      "x.json:1: note for eng-channels must be text",
		`{"org": "A", "answers": {"eng-channels": 1, "eng-channels": 2}}`: `x.json:1: "eng-channels" is given twice`,
		`{"org": "A", "org": "B"}`:                                        `x.json:1: "org" is given twice`,
		"{\n  \"org\": \"A\",\n  \"answers\": {":                          "x.json:3: the JSON ends too early",
	} {
		_, err := ParseSubmission("x.json", []byte(src), b)
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%s: %v, want %q", src, err, want)
		}
	}
	s, err := ParseSubmission("x.json", []byte(`{"org": "\ud83d\ude80 Rocket"}`), b)
	if err != nil || s.Org != "🚀 Rocket" {
		t.Errorf("surrogate pair: %q, %v", s.Org, err)
	}
}

// The unknown-field problem lists what a person writes, not the fields an
// export also carries (QA m10).
func TestUnknownFieldListsWhatAPersonWrites(t *testing.T) {
	_, err := ParseSubmission("x.yaml", []byte("org: A\ncolour: red\n"), defaultBank(t))
	want := `x.yaml:2: unknown field "colour" (expected one of: answers, completed_at, notes, org, respondent, role, schema)`
	if err == nil || err.Error() != want {
		t.Errorf("got %v\nwant %s", err, want)
	}
}

// Answers given with another bank are a problem of a kind the CLI adds its
// advice to.
func TestOtherBankProblemHasACode(t *testing.T) {
	_, err := ParseSubmission("x.json", []byte(`{"org": "A", "bank": {"id": "other"}}`), defaultBank(t))
	var ps questions.Problems
	if !errors.As(err, &ps) || len(ps) != 1 || ps[0].Code != ProblemOtherBank || strings.Contains(ps[0].Msg, "--bank") {
		t.Errorf("problems = %#v", ps)
	}
}
