package tui

import (
	"bytes"
	"strings"
	"testing"
	"testing/iotest"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/exp/teatest/v2"

	"socialmaturity/assess"
	"socialmaturity/store"
)

// The whole bank, walked through a real Bubble Tea program, ends stored.
func TestEndToEndWalkIsStored(t *testing.T) {
	f := newFixture(t)
	m := f.app(StartWalk, "Umbrella")
	tm := teatest.NewTestModel(t, m, teatest.WithInitialTermSize(120, 40))
	waitFor := func(text string) {
		t.Helper()
		teatest.WaitFor(t, tm.Output(), func(b []byte) bool { return bytes.Contains(b, []byte(text)) },
			teatest.WithDuration(5*time.Second), teatest.WithCheckInterval(5*time.Millisecond))
	}
	waitFor("Pillar 1 of 3")
	level := 0
	for p := range f.bank.Pillars { // frames are diffs: send in order, wait at the end
		tm.Send(tea.KeyPressMsg(tea.Key{Code: tea.KeyEnter}))
		for _, ka := range f.bank.Pillars[p].KeyActions {
			for range ka.Questions {
				k := string(rune('0' + level%5))
				tm.Send(tea.KeyPressMsg(tea.Key{Text: k, Code: rune(k[0])}))
				level++
			}
		}
	}
	waitFor("Ready to see your results")
	tm.Send(tea.KeyPressMsg(tea.Key{Code: tea.KeyEnter}))
	waitFor("Your next 90 days")
	tm.Send(tea.KeyPressMsg(tea.Key{Text: "q", Code: 'q'}))
	tm.WaitFinished(t, teatest.WithFinalTimeout(5*time.Second))

	page, err := f.store.List(store.ListOptions{})
	if err != nil || len(page.Items) != 1 {
		t.Fatalf("stored %d, %v", len(page.Items), err)
	}
	rec, err := f.store.Get(page.Items[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	if rec.Org != "Umbrella" || len(rec.Answers) != f.bank.QuestionCount() || rec.Result == nil || rec.Result.Coverage != 1 {
		t.Fatalf("stored %+v", rec)
	}
	want := assess.Evaluate(f.bank, rec.Answers, assess.Targets{})
	if assess.Round(want.Overall.Value) != rec.Result.Overall.Value {
		t.Errorf("stored overall %v, want %v", rec.Result.Overall.Value, want.Overall.Value)
	}
}

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
