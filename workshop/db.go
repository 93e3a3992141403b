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
// operation at a time. A database busy in another process is waited for;
// answers it refuses are kept in memory (the latest of each draft) and
// tried again in the background until they are committed or the server
// stops, when close hands back the ones left.
type db struct {
	st       *store.Store
	window   time.Duration            // how long the first answer of a batch waits for others
	patience time.Duration            // how long one attempt keeps trying while another process has the file
	wait     time.Duration            // how long a save waits for its commit before reporting it kept for later
	stored   func(*assess.Assessment) // told of each draft committed after its saves stopped waiting

	mu sync.Mutex // one use of the file at a time in this process

	pmu      sync.Mutex
	pending  map[string]*unsaved // by draft id: not yet committed
	kick     chan struct{}       // a save is pending
	quit     chan struct{}       // close was called
	done     chan struct{}       // the writer has stopped
	left     []*assess.Assessment
	stopOnce sync.Once
}

// unsaved is a draft's latest snapshot not yet committed, with the saves
// waiting for it.
type unsaved struct {
	draft   *assess.Assessment
	waiters []chan error
	late    bool // a save stopped waiting: report the commit through stored
}

// errKept is a save's answer when the database stayed busy for the
// whole wait: the answers are kept in memory and committed later.
// errStopped is a save's answer after close: nothing is kept.
var (
	errKept    = errors.New("kept until the database is free")
	errStopped = errors.New("the workshop server has stopped saving")
)

// retryPause is the pause between attempts while answers are kept.
const retryPause = 250 * time.Millisecond

func newDB(st *store.Store, window, patience, wait time.Duration, stored func(*assess.Assessment)) *db {
	d := &db{st: st, window: window, patience: patience, wait: wait, stored: stored,
		pending: map[string]*unsaved{}, kick: make(chan struct{}, 1), quit: make(chan struct{}), done: make(chan struct{})}
	go d.run()
	return d
}

// save stores a draft (see store.SaveDraft) and returns once it is
// committed; errKept when the database stayed busy for the wait (the
// draft is then kept and committed later); errStopped after close; or
// why it cannot be stored now (it is kept and tried again).
// A later save of the same draft replaces an earlier one not yet
// committed.
func (d *db) save(draft *assess.Assessment) error {
	result := make(chan error, 1)
	d.pmu.Lock()
	select {
	case <-d.quit:
		d.pmu.Unlock()
		return errStopped // close has taken what is pending
	default:
	}
	u := d.pending[draft.ID]
	if u == nil {
		u = &unsaved{}
		d.pending[draft.ID] = u
	}
	u.draft = draft
	u.waiters = append(u.waiters, result)
	d.pmu.Unlock()
	select {
	case d.kick <- struct{}{}:
	default:
	}
	timer := time.NewTimer(d.wait)
	defer timer.Stop()
	select {
	case err := <-result:
		return err
	case <-timer.C:
		d.pmu.Lock()
		if u := d.pending[draft.ID]; u != nil {
			u.late = true
		}
		d.pmu.Unlock()
		select { // committed meanwhile
		case err := <-result:
			return err
		default:
			return errKept
		}
	}
}

// kept is the snapshot of the draft id not yet committed, or nil.
func (d *db) kept(id string) *assess.Assessment {
	d.pmu.Lock()
	defer d.pmu.Unlock()
	if u := d.pending[id]; u != nil {
		return u.draft
	}
	return nil
}

// forget drops what is kept of draft id: it was stored another way
// (completed).
func (d *db) forget(id string) {
	d.pmu.Lock()
	defer d.pmu.Unlock()
	if u := d.pending[id]; u != nil {
		for _, w := range u.waiters {
			w <- nil
		}
		delete(d.pending, id)
	}
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
	for {
		select {
		case <-d.kick:
		case <-d.quit:
			d.commit() // one last, bounded attempt
			d.pmu.Lock()
			for _, u := range d.pending {
				d.left = append(d.left, u.draft)
				for _, w := range u.waiters {
					w <- errKept
				}
			}
			d.pending = map[string]*unsaved{}
			d.pmu.Unlock()
			return
		}
		select { // gather the answers given meanwhile
		case <-time.After(d.window):
		case <-d.quit:
		}
		for !d.commit() {
			select {
			case <-time.After(retryPause):
				continue
			case <-d.quit:
			}
			break
		}
	}
}

// commit stores every pending draft at once: one open of the database,
// the saves sharing commits (see store.Store.Hold). A draft stays pending
// until it is committed, so that kept always sees it; one saved again
// meanwhile stays pending with its newer answers. commit reports false
// when the database stayed in use.
func (d *db) commit() bool {
	type attempt struct {
		draft   *assess.Assessment
		waiters []chan error
		late    bool
		err     error
	}
	d.pmu.Lock()
	batch := make(map[string]*attempt, len(d.pending))
	for id, u := range d.pending {
		batch[id] = &attempt{draft: u.draft, waiters: u.waiters, late: u.late}
		u.waiters = nil
	}
	d.pmu.Unlock()
	if len(batch) == 0 {
		return true
	}
	d.mu.Lock()
	err := d.patiently(d.st.Hold)
	if err == nil {
		var wg sync.WaitGroup
		for _, a := range batch {
			wg.Go(func() { a.err = d.st.SaveDraft(a.draft) })
		}
		wg.Wait()
		if cerr := d.st.Close(); cerr != nil {
			err = cerr
		}
	}
	d.mu.Unlock()
	var inUse *store.InUseError
	d.pmu.Lock()
	var late []*attempt
	for id, a := range batch {
		if err != nil {
			a.err = err
		}
		u := d.pending[id]
		if a.err == nil && u != nil && u.draft == a.draft {
			delete(d.pending, id)
			if a.late || u.late {
				late = append(late, a)
			}
		}
		if a.err != nil && errors.As(a.err, &inUse) && u != nil {
			u.waiters = append(a.waiters, u.waiters...) // they wait on
			continue
		}
		for _, w := range a.waiters {
			w <- a.err
		}
	}
	d.pmu.Unlock()
	for _, a := range late {
		if d.stored != nil {
			d.stored(a.draft)
		}
	}
	return !errors.As(err, &inUse)
}

// close commits what is pending, trying for at most the patience, stops,
// and returns the drafts it could not store (nil when every answer is
// stored). Saves made after close are not accepted, so call it once every
// session has ended.
func (d *db) close() []*assess.Assessment {
	d.stopOnce.Do(func() {
		d.pmu.Lock()
		close(d.quit)
		d.pmu.Unlock()
	})
	<-d.done
	return d.left
}
