package assess

import (
	"errors"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"socialmaturity/questions"
)

// An exported result reads back as the same submission and scores the same.
func TestResultFileRoundTrip(t *testing.T) {
	b := defaultBank(t)
	a := completed(b, "1m8bbbbbbbbbbbbb", time.Date(2026, 9, 14, 16, 30, 0, 0, time.UTC), 1)
	a.StartedAt = a.CompletedAt.Add(-time.Hour)
	a.Role = "CMO\x7f\u0080" // DEL and a C1 control, which YAML refuses raw
	a.Notes[b.Pillars[0].KeyActions[1].Questions[0].ID] = `Three channels <b>and</b> a "newsletter"`
	out, err := EncodeResult(a)
	if err != nil {
		t.Fatal(err)
	}
	sub, err := ParseSubmission("export.json", out, b)
	if err != nil {
		t.Fatal(err)
	}
	if sub.Org != a.Org || sub.Respondent != a.Respondent || sub.Role != a.Role {
		t.Errorf("read back %+v", sub)
	}
	if len(sub.Notes) != len(a.Notes) {
		t.Errorf("notes = %v, want %v", sub.Notes, a.Notes)
	}
	for id, n := range a.Notes {
		if sub.Notes[id] != n {
			t.Errorf("note %s = %q, want %q", id, sub.Notes[id], n)
		}
	}
	if len(sub.Answers) != len(a.Answers) {
		t.Fatalf("%d answers read back, want %d", len(sub.Answers), len(a.Answers))
	}
	for id, ans := range a.Answers {
		if sub.Answers[id] != ans {
			t.Errorf("answer %s = %+v, want %+v", id, sub.Answers[id], ans)
		}
	}
	if as, err := ParseAssessments("export.json", out, b); err != nil || len(as) != 1 || as[0].CompletedAt == nil || !as[0].CompletedAt.Equal(*a.CompletedAt) {
		t.Errorf("completed = %v (%v), want %v", as, err, a.CompletedAt)
	}
	again := Evaluate(b, sub.Answers, Targets{})
	if Round(again.Overall.Value) != Round(a.Result.Overall.Value) || len(again.Recommendations) != len(a.Result.Recommendations) {
		t.Errorf("scores differ after the round trip: %v vs %v", again.Overall, a.Result.Overall)
	}
	for _, want := range []string{`"schema": "socialmaturity.assessment/v1"`, `"started_at": `, `"overall": `, `"recommendations": `} {
		if !strings.Contains(string(out), want) {
			t.Errorf("export lacks %s", want)
		}
	}
}

// A draft's answers written as an answers file import as they were.
func TestEncodeAnswersFileRoundTrip(t *testing.T) {
	b := defaultBank(t)
	first, second := b.Pillars[0].KeyActions[0].Questions[0].ID, b.Pillars[0].KeyActions[0].Questions[1].ID
	s := Submission{
		Org: "شرکت نمونه 🚀", Respondent: "Dana", Role: "CMO",
		Answers: Answers{first: NotSure, second: AtLevel(4), "mea-funnel": DoesNotApply},
		Notes:   map[string]string{second: "=cmd|' /C calc'!A0 \"quoted\"\nsecond line"},
	}
	out, err := EncodeAnswersFile(&Assessment{Submission: s})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(out), `"`+first+`": "unsure"`) {
		t.Errorf("not sure is not written as %q:\n%s", UnsureWord, out)
	}
	if !strings.Contains(string(out), `"mea-funnel": "na"`) {
		t.Errorf("does not apply is not written as %q:\n%s", NotApplicableWord, out)
	}
	if strings.Contains(string(out), `"overall"`) || strings.Contains(string(out), `"completed_at"`) {
		t.Errorf("an answers file carries a result or a completion time:\n%s", out)
	}
	got, err := ParseAssessments("rescue.json", out, b)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 1 {
		t.Fatalf("%d submissions read back", len(got))
	}
	g := got[0]
	if g.Org != s.Org || g.Respondent != s.Respondent || g.Role != s.Role || len(g.Answers) != 3 ||
		g.Answers["mea-funnel"] != DoesNotApply || g.Answers[first] != NotSure || g.Answers[second] != AtLevel(4) || g.Notes[second] != s.Notes[second] {
		t.Errorf("read back %+v, want %+v", g, s)
	}
}

func TestEncodeAnswersFileWithoutAnswers(t *testing.T) {
	out, err := EncodeAnswersFile(&Assessment{Submission: Submission{Org: "Acme"}})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(out), `"answers": {}`) {
		t.Errorf("no answers is not an empty mapping:\n%s", out)
	}
	if _, err := ParseSubmission("empty.json", out, defaultBank(t)); err != nil {
		t.Errorf("does not read back: %v", err)
	}
}

// Whatever people type (valid text) survives the trip through an answers file.
func FuzzEncodeAnswersFile(f *testing.F) {
	f.Add("Acme", "Dana", "a note", 2)
	f.Add("Evil\x1b[31mRED\r\nInjected", "\u202eDana", "🚀 \"x\" \\ </script>", 0)
	f.Add("   ", "", "", -1)
	b := defaultBank(f)
	id := b.Pillars[0].KeyActions[0].Questions[0].ID
	f.Fuzz(func(t *testing.T, org, who, note string, level int) {
		if !utf8.ValidString(org) || !utf8.ValidString(who) || !utf8.ValidString(note) {
			t.Skip("the interchange format is UTF-8")
		}
		s := Submission{Org: org, Respondent: who, Answers: Answers{}, Notes: map[string]string{id: note}}
		if level >= 0 && level <= 4 {
			s.Answers[id] = AtLevel(level)
		} else {
			s.Answers[id] = NotSure
		}
		out, err := EncodeAnswersFile(&Assessment{Submission: s})
		if err != nil {
			t.Fatal(err)
		}
		got, err := ParseSubmission("f.json", out, b)
		if strings.TrimSpace(org) == "" {
			if err == nil {
				t.Error("an empty organization was read back")
			}
			return
		}
		if err != nil {
			t.Fatalf("does not read back: %v\n%s", err, out)
		}
		if got.Org != strings.TrimSpace(org) || got.Respondent != strings.TrimSpace(who) ||
			got.Answers[id] != s.Answers[id] || got.Notes[id] != strings.TrimSpace(note) {
			t.Errorf("read back %+v, want %+v", got, s)
		}
	})
}

// Issue 10: an export made with bank v1 is read with v1 (its own question
// ids) and carries it, so that it is stored and scored as it was; a
// version that is not built in is refused, saying which.
func TestParseAssessmentsReadsAnExportWithItsOwnBankVersion(t *testing.T) {
	v2 := defaultBank(t)
	v1, ok := questions.Builtin(questions.DefaultBankID, 1, "en")
	if !ok {
		t.Fatal("bank v1 is not built in")
	}
	a := completed(v1, "1m8bbbbbbbbbbbbb", time.Date(2025, 9, 14, 16, 30, 0, 0, time.UTC), 2)
	out, err := EncodeResult(a)
	if err != nil {
		t.Fatal(err)
	}
	as, err := ParseAssessments("v1.json", out, v2)
	if err != nil {
		t.Fatalf("a v1 export is refused: %v", err)
	}
	if as[0].Bank != RefOf(v1) || len(as[0].Answers) != len(a.Answers) {
		t.Errorf("read with bank %+v and %d answers, want %+v and %d", as[0].Bank, len(as[0].Answers), RefOf(v1), len(a.Answers))
	}
	v3 := strings.Replace(string(out), `"version": 1`, `"version": 9`, 1)
	_, err = ParseAssessments("v9.json", []byte(v3), v2)
	var ps questions.Problems
	if !errors.As(err, &ps) || ps[0].Code != ProblemOtherBank || !strings.Contains(err.Error(), "version 9") {
		t.Errorf("an unknown version: %v", err)
	}
	if as, err := ParseAssessments("v2.json", []byte(`{"org": "A", "bank": {"id": "social-maturity", "version": 2}, "answers": {"eng-channels": 1}}`), v2); err != nil || as[0].Bank != RefOf(v2) {
		t.Errorf("a v2 file without a language: %v", err)
	}
}

// Issue 10: a rescued draft's file carries its id and bank, and reads back
// as a draft of that id, with that bank, and no completion time.
func TestRescuedDraftReadsBackWithItsIDAndBank(t *testing.T) {
	v1, _ := questions.Builtin(questions.DefaultBankID, 1, "en")
	d := &Assessment{ID: "01k2v9x3m4abcdef", Bank: RefOf(v1),
		Submission: Submission{Org: "Acme", Answers: Answers{"int-approach": AtLevel(3)}, Notes: map[string]string{"int-approach": "weekly"}}}
	out, err := EncodeAnswersFile(d)
	if err != nil {
		t.Fatal(err)
	}
	got, err := ParseDrafts("rescue.json", out, defaultBank(t))
	if err != nil || len(got) != 1 {
		t.Fatalf("read back %v, %v", got, err)
	}
	if g := got[0]; g.ID != d.ID || g.Bank != d.Bank || g.CompletedAt != nil || g.Answers["int-approach"] != AtLevel(3) || g.Notes["int-approach"] != "weekly" {
		t.Errorf("read back %+v, want %+v", g, d)
	}
	if as, err := ParseAssessments("rescue.json", out, defaultBank(t)); err != nil || as[0].ID != "" {
		t.Errorf("imported as completed: %+v, %v (an answers file's id is for drafts only)", as, err)
	}
	for _, bad := range []string{`"../etc"`, `"UPPER"`, `[1]`, `""`} {
		src := `{"org": "A", "id": ` + bad + `, "answers": {"eng-channels": 1}}`
		if _, err := ParseDrafts("bad.json", []byte(src), defaultBank(t)); err == nil || !strings.Contains(err.Error(), "id must be a draft id") {
			t.Errorf("id %s: %v", bad, err)
		}
	}
}
