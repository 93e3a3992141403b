package store

import (
	"errors"
	"testing"
	"time"

	"socialmaturity/assess"
)

func TestCompleteMergesTheDraftScoresAndReturnsThePrevious(t *testing.T) {
	now := time.Date(2026, 4, 2, 10, 0, 0, 0, time.UTC)
	s := newStore(t)
	s.now = func() time.Time { return now }
	first := complete(t, s, answered("Acme Corp", now.Add(-24*time.Hour), 1))[0]

	d := &assess.Assessment{Submission: assess.Submission{Org: "Acme Corp", Answers: assess.Answers{"eng-channels": assess.AtLevel(3)},
		Notes: map[string]string{"eng-channels": "stored note", "lis-uses": "kept"}}}
	if err := s.SaveDraft(d); err != nil {
		t.Fatal(err)
	}
	// On screen: one more answer and a changed note, not yet saved.
	screen := &assess.Assessment{ID: d.ID, Submission: assess.Submission{Org: "Acme Corp",
		Answers: assess.Answers{"spe-team": assess.AtLevel(1)}, Notes: map[string]string{"eng-channels": "new note"}}}
	cs, err := s.Complete(bank, []*assess.Assessment{screen})
	if err != nil {
		t.Fatal(err)
	}
	done := cs[0].Done
	if done.ID != d.ID || done.Result == nil || done.CompletedAt == nil || !done.CompletedAt.Equal(now) {
		t.Errorf("done = id %s, completed %v, result %v", done.ID, done.CompletedAt, done.Result)
	}
	if len(done.Answers) != 2 || done.Notes["eng-channels"] != "new note" || done.Notes["lis-uses"] != "kept" {
		t.Errorf("merged answers %v, notes %v", done.Answers, done.Notes)
	}
	if done.Bank != assess.RefOf(bank) {
		t.Errorf("bank = %+v", done.Bank)
	}
	if cs[0].Previous == nil || cs[0].Previous.ID != first.ID {
		t.Errorf("previous = %v, want %s", cs[0].Previous, first.ID)
	}
	if screen.CompletedAt != nil || len(screen.Answers) != 1 {
		t.Errorf("Complete changed its argument: %+v", screen)
	}
	if ds, err := s.Drafts(); err != nil || len(ds) != 0 {
		t.Errorf("drafts after completion = %d, %v", len(ds), err)
	}
	stored, err := s.Get(d.ID)
	if err != nil || len(stored.Answers) != 2 || stored.Result == nil {
		t.Errorf("stored = %+v, %v", stored, err)
	}
}

func TestCompleteKeepsAnImportedCompletionTime(t *testing.T) {
	s := newStore(t)
	later := complete(t, s, answered("Acme", time.Date(2026, 5, 1, 0, 0, 0, 0, time.UTC), 2))[0]
	at := time.Date(2025, 1, 1, 12, 0, 0, 0, time.UTC)
	old := complete(t, s, answered("Acme", at, 3))[0]
	if !old.CompletedAt.Equal(at) || !old.StartedAt.Equal(at) {
		t.Errorf("completed %v, started %v; want %v", old.CompletedAt, old.StartedAt, at)
	}
	page, err := s.List(ListOptions{})
	if err != nil || len(page.Items) != 2 || page.Items[0].ID != later.ID {
		t.Errorf("an imported older assessment should list after the newer one: %+v, %v", page.Items, err)
	}
}

func TestCompleteIsAllOrNothing(t *testing.T) {
	s := newStore(t)
	good := answered("Acme", time.Now(), 1)
	empty := &assess.Assessment{Submission: assess.Submission{Org: "Empty", Answers: assess.Answers{}, Notes: map[string]string{"eng-channels": "a note only"}}}
	if _, err := s.Complete(bank, []*assess.Assessment{good, empty}); !errors.Is(err, ErrNothingAnswered) {
		t.Fatalf("Complete with an empty assessment = %v, want nothing answered", err)
	}
	if _, n, err := s.Overview(); err != nil || n != 0 {
		t.Errorf("stored %d, %v; want nothing", n, err)
	}
	unsure := &assess.Assessment{Submission: assess.Submission{Org: "Unsure", Answers: assess.Answers{"eng-channels": assess.NotSure}}}
	if _, err := s.Complete(bank, []*assess.Assessment{unsure}); err != nil {
		t.Errorf("\"not sure\" is an answer: %v", err)
	}
}

// QA C2: two windows on one draft; the first completes it.
func TestACompletedDraftIsNeverOverwrittenOrRecreated(t *testing.T) {
	s := newStore(t)
	d := &assess.Assessment{Submission: assess.Submission{Org: "LockCo", Answers: assess.Answers{"eng-channels": assess.AtLevel(1)}}}
	if err := s.SaveDraft(d); err != nil {
		t.Fatal(err)
	}
	first := answered("LockCo", time.Now(), 3)
	first.ID, first.CompletedAt = d.ID, nil
	complete(t, s, first)
	want, err := s.Get(d.ID)
	if err != nil {
		t.Fatal(err)
	}

	second := &assess.Assessment{ID: d.ID, Submission: assess.Submission{Org: "LockCo", Answers: assess.Answers{"eng-channels": assess.AtLevel(0)}}}
	var completed *CompletedError
	if err := s.SaveDraft(second); !errors.As(err, &completed) || completed.ID != d.ID {
		t.Errorf("SaveDraft after completion = %v, want already completed", err)
	}
	if _, err := s.Complete(bank, []*assess.Assessment{second}); !errors.As(err, &completed) || completed.ID != d.ID {
		t.Errorf("Complete after completion = %v, want already completed", err)
	}
	if ds, err := s.Drafts(); err != nil || len(ds) != 0 {
		t.Errorf("a draft came back under the completed id: %d, %v", len(ds), err)
	}
	stored, err := s.Get(d.ID)
	if err != nil || stored.Result.Overall != want.Result.Overall || stored.Answers["eng-channels"] != want.Answers["eng-channels"] {
		t.Errorf("the completed assessment changed: %+v, %v", stored, err)
	}
	// The second window's answers can be kept as a new draft.
	second.ID = ""
	if err := s.SaveDraft(second); err != nil || second.ID == d.ID {
		t.Errorf("saving as a new draft: id %s, %v", second.ID, err)
	}
}

// QA m9: re-importing the same file is detected when asked.
func TestRefuseDuplicates(t *testing.T) {
	s := newStore(t)
	at := time.Date(2026, 2, 1, 9, 0, 0, 0, time.UTC)
	a := answered("Acme Corp", at, 2)
	a.Role, a.Notes = "CMO", map[string]string{"eng-channels": "note"}
	stored := complete(t, s, a)[0]

	again := answered(" acme  CORP", at, 2)
	again.Role, again.Notes = "CMO", map[string]string{"eng-channels": "note"}
	other := answered("Globex", at, 2)
	var dup *DuplicateError
	_, err := s.Complete(bank, []*assess.Assessment{other, again}, RefuseDuplicates())
	if !errors.As(err, &dup) || dup.Index != 1 || dup.Existing != stored.ID {
		t.Fatalf("Complete of the same assessment = %v, want duplicate of %s at 1", err, stored.ID)
	}
	if _, n, _ := s.Overview(); n != 1 {
		t.Errorf("stored %d after a refused duplicate, want 1", n)
	}

	// Within one call too.
	twin1, twin2 := answered("Initech", at, 1), answered("Initech", at, 1)
	if _, err := s.Complete(bank, []*assess.Assessment{twin1, twin2}, RefuseDuplicates()); !errors.As(err, &dup) || dup.Index != 1 {
		t.Errorf("two identical in one call = %v", err)
	}

	differs := map[string]func(*assess.Assessment){
		"respondent": func(a *assess.Assessment) { a.Respondent = "Sam" },
		"role":       func(a *assess.Assessment) { a.Role = "CEO" },
		"answer":     func(a *assess.Assessment) { a.Answers["eng-channels"] = assess.NotSure },
		"note":       func(a *assess.Assessment) { a.Notes["eng-channels"] = "other" },
		"time":       func(a *assess.Assessment) { later := at.Add(time.Minute); a.CompletedAt = &later },
	}
	for name, change := range differs {
		t.Run(name, func(t *testing.T) {
			c := answered("Acme Corp", at, 2)
			c.Role, c.Notes = "CMO", map[string]string{"eng-channels": "note"}
			change(c)
			if _, err := s.Complete(bank, []*assess.Assessment{c}, RefuseDuplicates()); err != nil {
				t.Errorf("not a duplicate, but: %v", err)
			}
		})
	}
	if _, err := s.Complete(bank, []*assess.Assessment{again}); err != nil {
		t.Errorf("without RefuseDuplicates: %v", err)
	}
}
