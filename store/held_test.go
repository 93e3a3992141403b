package store

import (
	"fmt"
	"sync"
	"testing"

	bolt "go.etcd.io/bbolt"

	"socialmaturity/assess"
)

// lastTx is the id of the database's last committed write transaction.
func lastTx(t *testing.T, s *Store) int {
	t.Helper()
	var id int
	if err := s.do(readTx, func(tx *bolt.Tx) error { id = tx.ID(); return nil }); err != nil {
		t.Fatal(err)
	}
	return id
}

// For the workshop: while the store is held, many sessions' draft saves
// share commits, and every answer lands.
func TestHeldDraftSavesShareCommits(t *testing.T) {
	s := newStore(t)
	d := &assess.Assessment{Submission: assess.Submission{Org: "Workshop", Answers: assess.Answers{}}}
	if err := s.SaveDraft(d); err != nil {
		t.Fatal(err)
	}
	if err := s.Hold(); err != nil {
		t.Fatal(err)
	}
	defer func() {
		if err := s.Close(); err != nil {
			t.Error(err)
		}
	}()
	before := lastTx(t, s)
	const sessions = 40
	var wg sync.WaitGroup
	errs := make(chan error, sessions)
	for i := range sessions {
		wg.Go(func() {
			mine := &assess.Assessment{ID: d.ID, StartedAt: d.StartedAt, Submission: assess.Submission{Org: "Workshop",
				Answers: assess.Answers{fmt.Sprintf("q%d", i): assess.AtLevel(i % 5)}}}
			errs <- s.SaveDraft(mine)
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Fatal(err)
		}
	}
	if commits := lastTx(t, s) - before; commits >= sessions {
		t.Errorf("%d saves took %d commits; want them batched", sessions, commits)
	}
	ds, err := s.Drafts()
	if err != nil || len(ds) != 1 || len(ds[0].Answers) != sessions {
		t.Fatalf("drafts = %d, %v; want one with %d answers", len(ds), err, sessions)
	}
}

// For the workshop: Hold and Close may be called while other goroutines
// use the store (run with -race).
func TestHoldAndCloseDuringOperations(t *testing.T) {
	s := newStore(t)
	stop := make(chan struct{})
	var wg sync.WaitGroup
	errs := make(chan error, 64)
	for w := range 4 {
		wg.Go(func() {
			d := &assess.Assessment{Submission: assess.Submission{Org: fmt.Sprintf("Worker %d", w), Answers: assess.Answers{}}}
			for i := 0; ; i++ {
				select {
				case <-stop:
					return
				default:
				}
				d.Answers[fmt.Sprintf("q%d", i%30)] = assess.AtLevel(i % 5)
				if err := s.SaveDraft(d); err != nil {
					errs <- err
					return
				}
				if _, err := s.List(ListOptions{}); err != nil {
					errs <- err
					return
				}
			}
		})
	}
	for range 20 {
		if err := s.Hold(); err != nil {
			t.Fatal(err)
		}
		if err := s.Close(); err != nil {
			t.Fatal(err)
		}
	}
	close(stop)
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
}
