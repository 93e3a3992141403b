package workshop

import (
	"errors"
	"sync"
	"time"

	"socialmaturity/assess"
	"socialmaturity/store"
)

// db is the server's one way to the database. It never keeps the file
// open between units of work, so that list, show and report from another
// terminal get their turn (they wait up to a second and a half for the
// lock): answers are gathered for a short window and committed together
// (one open, one shared commit, one close), and everything else runs one
// operation at a time. A database busy in another process is waited for,
// so participants see no error.
type db struct {
	st       *store.Store
	window   time.Duration // how long the first answer of a batch waits for others
	patience time.Duration // how long to keep trying while another process has the file

	mu   sync.Mutex // one use of the file at a time in this process
	jobs chan saveJob
	done chan struct{}
	stop sync.Once
}

type saveJob struct {
	draft  *assess.Assessment
	result chan error
}

func newDB(st *store.Store, window, patience time.Duration) *db {
	d := &db{st: st, window: window, patience: patience, jobs: make(chan saveJob, 4096), done: make(chan struct{})}
	go d.run()
	return d
}

// save stores a draft (see store.SaveDraft) and returns once it is
// committed, or why not.
func (d *db) save(draft *assess.Assessment) error {
	result := make(chan error, 1)
	d.jobs <- saveJob{draft: draft, result: result}
	return <-result
}

// do runs fn alone on the database, trying again while another process
// has it.
func (d *db) do(fn func(*store.Store) error) error {
	d.mu.Lock()
	defer d.mu.Unlock()
	return d.patiently(func() error { return fn(d.st) })
}

// patiently runs fn until it succeeds, fails for a reason other than the
// database being in use, or patience runs out.
func (d *db) patiently(fn func() error) error {
	deadline := time.Now().Add(d.patience)
	for {
		err := fn()
		var inUse *store.InUseError
		if !errors.As(err, &inUse) || time.Now().After(deadline) {
			return err
		}
	}
}

func (d *db) run() {
	defer close(d.done)
	for first := range d.jobs {
		batch := []saveJob{first}
		timer := time.NewTimer(d.window)
	gather:
		for {
			select {
			case j, ok := <-d.jobs:
				if !ok {
					break gather
				}
				batch = append(batch, j)
			case <-timer.C:
				break gather
			}
		}
		timer.Stop()
		d.commit(batch)
	}
}

// commit opens the database once for a batch; the saves, made at once,
// share commits (see store.Store.Hold).
func (d *db) commit(batch []saveJob) {
	d.mu.Lock()
	defer d.mu.Unlock()
	if err := d.patiently(d.st.Hold); err != nil {
		for _, j := range batch {
			j.result <- err
		}
		return
	}
	var wg sync.WaitGroup
	errs := make([]error, len(batch))
	for i, j := range batch {
		wg.Go(func() { errs[i] = d.st.SaveDraft(j.draft) })
	}
	wg.Wait()
	closeErr := d.st.Close()
	for i, j := range batch {
		if errs[i] == nil {
			errs[i] = closeErr
		}
		j.result <- errs[i]
	}
}

// close commits the answers queued and stops; later saves panic, so call
// it only once every session has ended.
func (d *db) close() {
	d.stop.Do(func() { close(d.jobs) })
	<-d.done
}
