package store

import (
	"errors"
	"slices"
	"strings"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"socialmaturity/assess"
)

func createWorkshop(t *testing.T, s *Store, org string) *Workshop {
	t.Helper()
	w, err := s.CreateWorkshop(org, "", false)
	if err != nil {
		t.Fatal(err)
	}
	return w
}

func TestJoinCodesAreEasyToReadAloudAndFoundAsTyped(t *testing.T) {
	s := newStore(t)
	w, err := s.CreateWorkshop("  Acme  ", " Kick-off ", true)
	if err != nil {
		t.Fatal(err)
	}
	if len(w.Code) != CodeLen || strings.ContainsAny(w.Code, "0O1I") || strings.Trim(w.Code, CodeAlphabet) != "" {
		t.Errorf("code %q: want %d characters of %s", w.Code, CodeLen, CodeAlphabet)
	}
	if w.Org != "Acme" || w.Title != "Kick-off" || !w.State.Paced || w.State.Revealed || w.State.Ended {
		t.Errorf("created %+v", w)
	}
	for _, typed := range []string{w.Code, strings.ToLower(w.Code), " " + w.Code[:3] + "-" + w.Code[3:] + " ", w.Code[:3] + " " + w.Code[3:]} {
		got, err := s.WorkshopByCode(typed)
		if err != nil || got.ID != w.ID {
			t.Errorf("WorkshopByCode(%q) = %v, %v; want %s", typed, got, err, w.ID)
		}
	}
	if _, err := s.WorkshopByCode("ZZZZZZ"); !errors.Is(err, ErrNotFound) {
		t.Errorf("a wrong code: %v; want ErrNotFound", err)
	}
	if _, err := s.CreateWorkshop(" ", "", false); err == nil {
		t.Error("a workshop without an organization was created")
	}
}

func TestJoinCodesAreUniqueAmongOpenWorkshops(t *testing.T) {
	s := newStore(t)
	codes := []string{"AAAAAA", "AAAAAA", "BBBBBB", "AAAAAA"}
	was := newCode
	t.Cleanup(func() { newCode = was })
	newCode = func() string { c := codes[0]; codes = codes[1:]; return c }

	first := createWorkshop(t, s, "One")
	second := createWorkshop(t, s, "Two")
	if first.Code != "AAAAAA" || second.Code != "BBBBBB" {
		t.Fatalf("codes %s, %s; want AAAAAA then BBBBBB (the taken one skipped)", first.Code, second.Code)
	}
	if err := s.UpdateWorkshop(first.ID, func(w *Workshop) error { w.State.Ended = true; return nil }); err != nil {
		t.Fatal(err)
	}
	if _, err := s.WorkshopByCode("AAAAAA"); !errors.Is(err, ErrNotFound) {
		t.Errorf("the code of an ended workshop still joins: %v", err)
	}
	third := createWorkshop(t, s, "Three")
	if third.Code != "AAAAAA" {
		t.Errorf("code %s; want the ended workshop's code reused", third.Code)
	}
	if got, err := s.WorkshopByCode("AAAAAA"); err != nil || got.ID != third.ID {
		t.Errorf("WorkshopByCode = %v, %v; want the open workshop %s", got, err, third.ID)
	}
}

func TestWorkshopsNewestFirstAndByPrefix(t *testing.T) {
	at := time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)
	s, err := Open(t.TempDir()+"/sm.db", WithClock(func() time.Time { at = at.Add(time.Hour); return at }))
	if err != nil {
		t.Fatal(err)
	}
	a, b := createWorkshop(t, s, "A"), createWorkshop(t, s, "B")
	ws, err := s.Workshops()
	if err != nil {
		t.Fatal(err)
	}
	if len(ws) != 2 || ws[0].ID != b.ID || ws[1].ID != a.ID {
		t.Errorf("Workshops() = %v; want B then A", ws)
	}
	got, err := s.Workshop(strings.ToUpper(a.ID[:12]))
	if err != nil || got.Org != "A" || !got.CreatedAt.Equal(a.CreatedAt) {
		t.Errorf("Workshop(prefix) = %+v, %v; want A", got, err)
	}
	if _, err := s.Workshop("zzzz"); !errors.Is(err, ErrNotFound) || !strings.Contains(err.Error(), "workshop") {
		t.Errorf("Workshop(unknown) = %v; want a not-found error naming a workshop", err)
	}
	var amb *AmbiguousError
	if _, err := s.Workshop(a.ID[:3]); !errors.As(err, &amb) {
		t.Errorf("Workshop(shared prefix) = %v; want ambiguous", err)
	}
}

func TestUpdateWorkshopIsAllOrNothing(t *testing.T) {
	s := newStore(t)
	w := createWorkshop(t, s, "Acme")
	refused := errors.New("refused")
	err := s.UpdateWorkshop(w.ID, func(w *Workshop) error {
		w.State.Revealed = true
		return refused
	})
	if !errors.Is(err, refused) {
		t.Errorf("err = %v; want fn's", err)
	}
	got, _ := s.Workshop(w.ID)
	if got.State.Revealed {
		t.Error("a failed update was stored")
	}
	at := time.Date(2026, 3, 1, 10, 0, 0, 0, time.UTC)
	err = s.UpdateWorkshop(w.ID, func(w *Workshop) error {
		w.ID, w.Code = "other", "XXXXXX"
		w.State = WorkshopState{Paced: true, Open: "engagement", Paused: true}
		w.Agreed = assess.Agreed{"eng-channels": {Answer: assess.NotSure, Why: "nobody knows", At: at}}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	got, err = s.Workshop(w.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.Code != w.Code || got.State.Open != "engagement" || !got.State.Paused {
		t.Errorf("after update: %+v", got)
	}
	if a := got.Agreed["eng-channels"]; a.Answer != assess.NotSure || a.Why != "nobody knows" || !a.At.Equal(at) {
		t.Errorf("agreed answer read back as %+v", a)
	}
	if err := s.UpdateWorkshop("nope", func(*Workshop) error { return nil }); !errors.Is(err, ErrNotFound) {
		t.Errorf("update of an unknown workshop: %v", err)
	}
}

// member is a participant's draft in workshop w.
func member(w *Workshop, name string, level int) *assess.Assessment {
	return &assess.Assessment{Workshop: w.ID, Submission: assess.Submission{
		Org: w.Org, Respondent: name, Answers: assess.Answers{"eng-channels": assess.AtLevel(level)},
	}}
}

func TestWorkshopMembersAreEachParticipantsLatest(t *testing.T) {
	s := newStore(t)
	w, other := createWorkshop(t, s, "Acme"), createWorkshop(t, s, "Acme")
	ana, bo, anon1, anon2 := member(w, "Ana", 1), member(w, "Bo", 2), member(w, "", 3), member(w, "", 4)
	for _, d := range []*assess.Assessment{ana, bo, anon1, anon2, member(other, "Cy", 0), {Submission: assess.Submission{Org: "Acme", Answers: assess.Answers{"eng-channels": assess.AtLevel(1)}}}} {
		if err := s.SaveDraft(d); err != nil {
			t.Fatal(err)
		}
	}
	complete(t, s, bo)
	// Ana starts again under another id: her latest counts.
	again := member(w, " ana ", 4)
	if err := s.SaveDraft(again); err != nil {
		t.Fatal(err)
	}
	// Answering on resumes the draft, which is merged.
	resumed, err := s.MemberDraft(w.ID, "ANA")
	if err != nil || resumed.ID != again.ID {
		t.Fatalf("MemberDraft = %v, %v; want %s", resumed, err, again.ID)
	}
	resumed.Answers["eng-conversations"] = assess.AtLevel(2)
	if err := s.SaveDraft(resumed); err != nil {
		t.Fatal(err)
	}
	deleted := member(w, "Dee", 1)
	if err := s.SaveDraft(deleted); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Delete(deleted.ID); err != nil {
		t.Fatal(err)
	}

	ms, err := s.WorkshopMembers(w.ID)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, m := range ms {
		state := "draft"
		if m.CompletedAt != nil {
			state = "done"
		}
		got = append(got, m.ID+" "+state)
	}
	want := []string{bo.ID + " done", anon1.ID + " draft", anon2.ID + " draft", again.ID + " draft"}
	if !slices.Equal(got, want) {
		t.Errorf("members = %v; want %v", got, want)
	}
	if last := ms[len(ms)-1]; len(last.Answers) != 2 {
		t.Errorf("Ana's resumed draft has %d answers; want 2", len(last.Answers))
	}
	if _, err := s.MemberDraft(w.ID, "Bo"); !errors.Is(err, ErrNotFound) {
		t.Errorf("MemberDraft of a participant who completed: %v; want ErrNotFound", err)
	}
	if _, err := s.MemberDraft(w.ID, ""); !errors.Is(err, ErrNotFound) {
		t.Errorf("MemberDraft of an unnamed participant: %v; want ErrNotFound", err)
	}
	if _, err := s.WorkshopMembers("nope"); !errors.Is(err, ErrNotFound) {
		t.Errorf("members of an unknown workshop: %v", err)
	}
}

// A database of schema 1 with data opens at the latest schema with nothing lost,
// and its assessments that name a workshop are found through the index.
func TestMigrationFromSchema1KeepsEverythingAndIndexesWorkshops(t *testing.T) {
	path := t.TempDir() + "/sm.db"
	all := migrations
	migrations = all[:1]
	old, err := Open(path)
	if err != nil {
		migrations = all
		t.Fatal(err)
	}
	defer func() { migrations = all }()
	migrations = all
	// Assessments and a draft, one of each naming a workshop, as a
	// schema-1 program wrote them.
	done := answered("Acme", time.Date(2026, 1, 5, 9, 0, 0, 0, time.UTC), 2)
	plain := answered("Beta", time.Date(2026, 1, 6, 9, 0, 0, 0, time.UTC), 3)
	for _, a := range []*assess.Assessment{done, plain} {
		a.ID = NewID(*a.CompletedAt)
		a.Complete(bank, *a.CompletedAt, assess.Targets{})
	}
	done.Workshop = "w1"
	draft := &assess.Assessment{ID: NewID(time.Now()), Workshop: "w1", Submission: assess.Submission{Org: "Acme", Respondent: "Eve", Answers: assess.Answers{"eng-channels": assess.NotSure}}}
	if err := old.do(writeTx, func(tx *bolt.Tx) error {
		if tx.Bucket(bucketByWorkshop) != nil {
			t.Error("schema 1 already has the workshop index")
		}
		for _, a := range []*assess.Assessment{done, plain} {
			if err := putLegacy(tx, a); err != nil {
				return err
			}
		}
		if err := putRecord(tx.Bucket(bucketDrafts), draft.ID, draft); err != nil {
			return err
		}
		return tx.Bucket(bucketWorkshops).Put([]byte("w1"), []byte(`{"id":"w1","code":"ABCDEF","org":"Acme","state":{}}`))
	}); err != nil {
		t.Fatal(err)
	}

	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.do(readTx, func(tx *bolt.Tx) (err error) {
		v, err := schemaVersion(tx, path)
		if v != len(migrations) {
			t.Errorf("schema %d; want %d", v, len(migrations))
		}
		return err
	}); err != nil {
		t.Fatal(err)
	}
	for _, a := range []*assess.Assessment{done, plain} {
		if got, err := s.Get(a.ID); err != nil || got.Org != a.Org || len(got.Answers) != len(a.Answers) {
			t.Errorf("after migration %s: %v, %v", a.ID, got, err)
		}
	}
	ds, err := s.Drafts()
	if err != nil || len(ds) != 1 || ds[0].Respondent != "Eve" {
		t.Errorf("drafts after migration: %v, %v", ds, err)
	}
	ms, err := s.WorkshopMembers("w1")
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, m := range ms {
		ids = append(ids, m.ID)
	}
	if want := []string{done.ID, draft.ID}; !slices.Equal(ids, want) {
		t.Errorf("workshop members after migration = %v; want %v", ids, want)
	}
}
