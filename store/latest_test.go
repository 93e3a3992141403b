package store

import (
	"errors"
	"testing"
	"time"

	"socialmaturity/assess"
	"socialmaturity/questions"
)

// Issue 14: the home screen's glance is each organization's latest result
// with the one before it, newest first, under the spelling the
// organization was first stored with (its name since issue 13).
func TestLatestIsEachOrganizationsNewestWithThePrevious(t *testing.T) {
	s := newStore(t)
	if got, err := s.Latest(); err != nil || len(got) != 0 {
		t.Fatalf("empty store: %v, %v", got, err)
	}
	base := time.Date(2026, 1, 1, 9, 0, 0, 0, time.UTC)
	done := complete(t, s,
		answered("Acme", base, 1),
		answered("Globex", base.Add(time.Hour), 2),
		answered("  ACME ", base.Add(2*time.Hour), 3),
		answered("Initech", base.Add(3*time.Hour), 0),
		answered("acme", base.Add(4*time.Hour), 4),
	)
	got, err := s.Latest()
	if err != nil {
		t.Fatal(err)
	}
	want := []struct {
		latest, previous string
		org              string
	}{{done[4].ID, done[2].ID, "Acme"}, {done[3].ID, "", "Initech"}, {done[1].ID, "", "Globex"}}
	if len(got) != len(want) {
		t.Fatalf("Latest = %d organizations, want %d: %+v", len(got), len(want), got)
	}
	for i, w := range want {
		g := got[i]
		prev := ""
		if g.Previous != nil {
			prev = g.Previous.ID
			if g.Previous.Org != w.org {
				t.Errorf("%d: previous spelled %q, want %q", i, g.Previous.Org, w.org)
			}
		}
		if g.Latest.ID != w.latest || prev != w.previous || g.Latest.Org != w.org || g.Latest.Stage == nil || g.Latest.Short == "" {
			t.Errorf("%d: latest %s (%q), previous %q; want %s (%q), %q", i, g.Latest.ID, g.Latest.Org, prev, w.latest, w.org, w.previous)
		}
	}
	page, err := s.List(ListOptions{})
	if err != nil {
		t.Fatal(err)
	}
	for _, it := range page.Items {
		if it.Org == "  ACME " || it.Org == "acme" {
			t.Errorf("List shows %q, not the first spelling", it.Org)
		}
	}
	if _, err := s.Delete(done[0].ID); err != nil {
		t.Fatal(err)
	}
	// Issue 13: the name is the organization's, not its assessments'.
	if got, _ := s.Latest(); got[0].Latest.Org != "Acme" {
		t.Errorf("after the first is deleted, spelled %q, want the organization's name", got[0].Latest.Org)
	}
}

// Issue 10: an assessment that names another built-in version of the bank
// (an imported export) is scored against that version, not the one passed.
func TestCompleteScoresAgainstTheAssessmentsOwnBank(t *testing.T) {
	v1, ok := questions.Builtin(questions.DefaultBankID, 1, "en")
	if !ok {
		t.Fatal("bank v1 is not built in")
	}
	s := newStore(t)
	at := time.Date(2025, 3, 1, 9, 0, 0, 0, time.UTC)
	a := &assess.Assessment{Submission: assess.Submission{Org: "Acme", Answers: assess.Answers{}}, CompletedAt: &at, Bank: assess.RefOf(v1)}
	for _, question := range v1.AllQuestions() {
		a.Answers[question.ID] = assess.AtLevel(2)
	}
	done := complete(t, s, a)[0]
	want := assess.Evaluate(v1, a.Answers, assess.Targets{})
	if done.Bank != assess.RefOf(v1) || done.Result.Total != want.Total || done.Result.Stage.Name != want.Stage.Name {
		t.Errorf("stored with bank %+v, %d questions, stage %q; want v1's %d and %q", done.Bank, done.Result.Total, done.Result.Stage.Name, want.Total, want.Stage.Name)
	}
	plain := complete(t, s, answered("Globex", at, 1))[0]
	if plain.Bank != assess.RefOf(bank) {
		t.Errorf("an assessment without a bank stored with %+v, want the one passed", plain.Bank)
	}
}

// Issue 10: rescued drafts are stored in one transaction, each merged into
// the stored draft of its id; one whose id is completed stores none.
func TestSaveDraftsMergesAndIsAllOrNothing(t *testing.T) {
	s := newStore(t)
	d := &assess.Assessment{Submission: assess.Submission{Org: "Acme", Answers: assess.Answers{"eng-channels": assess.AtLevel(1)}}}
	if err := s.SaveDraft(d); err != nil {
		t.Fatal(err)
	}
	started := d.StartedAt
	rescued := &assess.Assessment{ID: d.ID, Submission: assess.Submission{Org: "Acme", Answers: assess.Answers{"lis-uses": assess.AtLevel(3)}}}
	other := &assess.Assessment{Submission: assess.Submission{Org: "Globex", Answers: assess.Answers{"lis-uses": assess.NotSure}}}
	if err := s.SaveDrafts([]*assess.Assessment{rescued, other}); err != nil {
		t.Fatal(err)
	}
	got, err := draftByRef(s, d.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(got.Answers) != 2 || got.Answers["eng-channels"] != assess.AtLevel(1) || got.Answers["lis-uses"] != assess.AtLevel(3) || !got.StartedAt.Equal(started) {
		t.Errorf("merged draft = %+v (started %v, want %v)", got.Answers, got.StartedAt, started)
	}
	done := complete(t, s, answered("Initech", time.Now(), 1))[0]
	late := &assess.Assessment{ID: done.ID, Submission: assess.Submission{Org: "Initech", Answers: assess.Answers{"lis-uses": assess.AtLevel(1)}}}
	fresh := &assess.Assessment{Submission: assess.Submission{Org: "Fresh", Answers: assess.Answers{"lis-uses": assess.AtLevel(1)}}}
	var completed *CompletedError
	if err := s.SaveDrafts([]*assess.Assessment{fresh, late}); !errors.As(err, &completed) {
		t.Errorf("a completed id: %v, want a CompletedError", err)
	}
	if ds, _ := s.Drafts(); len(ds) != 2 {
		t.Errorf("%d drafts after a refused SaveDrafts, want 2", len(ds))
	}
}
