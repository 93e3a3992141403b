package tui

import (
	"bytes"
	"testing"
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
	waitFor("Before you start")
	tm.Send(tea.KeyPressMsg(tea.Key{Code: tea.KeyEnter}))
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
