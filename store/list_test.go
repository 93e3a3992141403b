package store

import (
	"errors"
	"testing"
	"time"

	"socialmaturity/assess"
)

// QA M8: a limit of 0 lists everything.
func TestListLimitZeroMeansAll(t *testing.T) {
	s := newStore(t)
	base := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	var as []*assess.Assessment
	for i := range DefaultLimit + 13 {
		as = append(as, answered("Acme", base.Add(time.Duration(i)*time.Minute), i))
	}
	complete(t, s, as...)
	for _, o := range []ListOptions{{}, {Org: "acme"}} {
		page, err := s.List(o)
		if err != nil || len(page.Items) != DefaultLimit+13 || page.Next != "" {
			t.Errorf("List(%+v) = %d items, next %q, %v; want all", o, len(page.Items), page.Next, err)
		}
	}
}

// QA m1: the organization filter matches any part of the name, ignoring
// case and spacing, as the history screen's filter does.
func TestListOrgMatchesAnyPartOfTheName(t *testing.T) {
	s := newStore(t)
	base := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	orgs := []string{"Acme Corp", "Globex", "ACME  Holdings", "Initech", "Not acme"}
	var as []*assess.Assessment
	for i := range 20 {
		as = append(as, answered(orgs[i%len(orgs)], base.Add(time.Duration(i)*time.Hour), i))
	}
	all := complete(t, s, as...)
	var want []string // newest first
	for i := len(all) - 1; i >= 0; i-- {
		if all[i].Org != "Globex" && all[i].Org != "Initech" {
			want = append(want, all[i].ID)
		}
	}
	var got []string
	before := ""
	for {
		page, err := s.List(ListOptions{Org: " aCmE ", Limit: 5, Before: before})
		if err != nil {
			t.Fatal(err)
		}
		for _, it := range page.Items {
			got = append(got, it.ID)
		}
		if page.Next == "" {
			break
		}
		before = page.Next
	}
	if len(got) != len(want) {
		t.Fatalf("got %d, want %d", len(got), len(want))
	}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("item %d = %s, want %s (newest first across organizations)", i, got[i], want[i])
		}
	}
	if page, err := s.List(ListOptions{Org: "acme holdings"}); err != nil || len(page.Items) != 4 {
		t.Errorf("spacing: %d items, %v", len(page.Items), err)
	}
	if page, err := s.List(ListOptions{Org: "nope"}); err != nil || len(page.Items) != 0 {
		t.Errorf("no match: %d items, %v", len(page.Items), err)
	}
}

// QA M9: drafts can be deleted by id or prefix, like completed ones.
func TestDeleteWorksOnDrafts(t *testing.T) {
	s := newStore(t)
	d := &assess.Assessment{Submission: assess.Submission{Org: "Stray", Answers: assess.Answers{"eng-channels": assess.AtLevel(1)}}}
	if err := s.SaveDraft(d); err != nil {
		t.Fatal(err)
	}
	kept := complete(t, s, answered("Kept", time.Now().Add(time.Hour), 1))[0]
	id, err := s.Delete(d.ID[:assess.ShortIDLen])
	if err != nil || id != d.ID {
		t.Fatalf("Delete(draft prefix) = %s, %v", id, err)
	}
	if ds, err := s.Drafts(); err != nil || len(ds) != 0 {
		t.Errorf("drafts after delete = %d, %v", len(ds), err)
	}
	if _, err := s.Get(kept.ID); err != nil {
		t.Errorf("the completed assessment went too: %v", err)
	}
	if _, err := s.Delete(d.ID); !errors.Is(err, ErrNotFound) {
		t.Errorf("deleting again = %v, want not found", err)
	}
	// A prefix shared by a draft and a completed assessment is ambiguous.
	at := time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC)
	done := complete(t, s, answered("Twins", at, 1))[0]
	twin := &assess.Assessment{ID: NewID(at), Submission: assess.Submission{Org: "Twins", Answers: assess.Answers{"eng-channels": assess.AtLevel(1)}}}
	if err := s.SaveDraft(twin); err != nil {
		t.Fatal(err)
	}
	var amb *AmbiguousError
	if _, err := s.Delete(done.ID[:timeChars]); !errors.As(err, &amb) || len(amb.Matches) != 2 {
		t.Errorf("Delete(shared prefix) = %v, want ambiguous between 2", err)
	}
}
