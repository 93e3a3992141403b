package tui

import (
	"bytes"
	"strings"
	"testing"
	"testing/iotest"

	"socialmaturity/assess"
	"socialmaturity/store"
)

func TestAccessibleWalk(t *testing.T) {
	f := newFixture(t)
	var in strings.Builder
	in.WriteString("\nAcme\nDana\nCMO\n") // an empty organization is asked again
	in.WriteString("7\nmaybe\n")          // invalid answers are asked again
	for i := range f.bank.QuestionCount() {
		switch i {
		case 0:
			in.WriteString("0 we post when someone has time\n")
			continue
		case 3:
			in.WriteString("?\n")
			continue
		}
		in.WriteString(string(rune('0'+i%5)) + "\n")
	}
	var out bytes.Buffer
	o := Options{Store: f.store, Bank: f.bank, Cat: catEnglish(), Now: f.clock.now}
	if err := RunAccessible(o, iotest.OneByteReader(strings.NewReader(in.String())), &out); err != nil {
		t.Fatal(err)
	}
	text := out.String()
	for _, want := range []string{
		"Organization: the organization is required",
		"Question 1 of 27 (Relationships beyond customers › Focus on sustained engagement)",
		"0 — No channel is kept up",
		"? — Not sure",
		"Please type a number from 0 to 4",
		"Acme — social media maturity",
		"26 of 27 answered, 1 not sure",
		"Saved as assessment",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("output lacks %q", want)
		}
	}
	if strings.Contains(text, "\x1b[") {
		t.Error("accessible output has escape sequences")
	}
	page, err := f.store.List(store.ListOptions{})
	if err != nil || len(page.Items) != 1 || page.Items[0].Org != "Acme" {
		t.Fatalf("stored = %+v, %v", page.Items, err)
	}
	rec, err := f.store.Get(page.Items[0].ID)
	if err != nil || rec.Notes["eng-channels"] != "we post when someone has time" || rec.Answers["eng-channels"] != assess.AtLevel(0) {
		t.Errorf("answer with a note stored as %+v / %q, %v", rec.Answers["eng-channels"], rec.Notes["eng-channels"], err)
	}
}

func TestAccessibleStopKeepsADraftAndResumes(t *testing.T) {
	f := newFixture(t)
	o := Options{Store: f.store, Bank: f.bank, Cat: catEnglish(), Now: f.clock.now, Start: StartWalk, Org: "Acme"}
	var out bytes.Buffer
	if err := RunAccessible(o, strings.NewReader("2\n3\nq\n"), &out); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.String(), "saved as a draft (2 of 27 answered)") {
		t.Fatalf("output:\n%s", out.String())
	}
	// End of input stops too, keeping what was answered.
	o.Start = StartHome
	out.Reset()
	if err := RunAccessible(o, strings.NewReader("2\n4\n"), &out); err != nil {
		t.Fatal(err)
	}
	d := draftOf(t, f)
	if len(d.Answers) != 3 || d.Answers["eng-audiences"] != assess.AtLevel(4) {
		t.Fatalf("resumed draft answers = %v\n%s", d.Answers, out.String())
	}
	if !strings.Contains(out.String(), "Question 3 of 27") {
		t.Errorf("resume did not continue at question 3:\n%s", out.String())
	}
}
