// Package store keeps assessments and drafts in a bbolt database: records
// are deflated JSON, with a JSON summary of each completed assessment.
// Each assessment and draft belongs to an organization, a record with a
// stable id, its name and its targets, found by name with case and
// spacing ignored; an index by organization serves listings, histories and
// the portfolio. It opens the database for each unit
// of work and closes it after, so that several socialmaturity processes can
// take turns; a long-running server holds it instead (Hold), and draft
// saves from its sessions then share commits. Every write is committed and
// fsync'd before it returns. A damaged file, a truncated one included, is
// reported as a DamagedError and never written to. Errors are typed; how
// to word them for a person is the caller's business.
package store

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"strings"
	"sync"
	"time"

	"github.com/adrg/xdg"
	bolt "go.etcd.io/bbolt"
	bolterrors "go.etcd.io/bbolt/errors"
)

// EnvPath names the environment variable that overrides the default path.
const EnvPath = "SOCIALMATURITY_DB"

// allocSize is how much the file grows at a time (bbolt's default is 16 MB,
// which would more than double a small database).
const allocSize = 1 << 20

// defaultLockWait is how long an operation waits for another process to
// release the database before reporting it in use.
const defaultLockWait = 1500 * time.Millisecond

// DefaultPath is $SOCIALMATURITY_DB, or socialmaturity.db in the XDG data
// folder.
func DefaultPath() string {
	if p := os.Getenv(EnvPath); p != "" {
		return p
	}
	return filepath.Join(xdg.DataHome, "socialmaturity", "socialmaturity.db")
}

// InUseError reports that another process holds the database.
type InUseError struct{ Path string }

func (e *InUseError) Error() string {
	return fmt.Sprintf("database %s is in use by another socialmaturity process", e.Path)
}

// DamagedError reports a file that is damaged (for example truncated) or is
// not a socialmaturity database. The file is never written to.
type DamagedError struct {
	Path  string
	Cause string
}

func (e *DamagedError) Error() string {
	return fmt.Sprintf("database %s is damaged or not a socialmaturity database (%s); it was left untouched", e.Path, e.Cause)
}

// NewerSchemaError reports a database written by a newer socialmaturity.
type NewerSchemaError struct {
	Path      string
	Have, Max int
}

func (e *NewerSchemaError) Error() string {
	return fmt.Sprintf("database %s has schema version %d, newer than this program understands (%d)", e.Path, e.Have, e.Max)
}

// RecordError reports one stored record that cannot be read; the rest of
// the database may be readable (Check lists every such record).
type RecordError struct {
	Path  string
	ID    string
	Cause error
}

func (e *RecordError) Error() string {
	return fmt.Sprintf("record %s in database %s is damaged and cannot be read", e.ID, e.Path)
}

// Unwrap returns what went wrong while reading the record.
func (e *RecordError) Unwrap() error { return e.Cause }

// ErrNotFound is returned for an id that matches nothing.
var ErrNotFound = errors.New("not found")

// AmbiguousError reports an id prefix that matches several records.
type AmbiguousError struct {
	Prefix  string
	Matches []string
}

func (e *AmbiguousError) Error() string {
	return fmt.Sprintf("id %q is ambiguous: it matches %v; give more characters", e.Prefix, e.Matches)
}

// Store is a socialmaturity database at a path. Its methods may be called
// from several goroutines, also while another goroutine calls Hold or Close.
type Store struct {
	path     string
	lockWait time.Duration
	now      func() time.Time

	mu   sync.RWMutex // guards held; read-locked by every operation
	held *bolt.DB
}

// Option adjusts a Store.
type Option func(*Store)

// WithLockWait sets how long to wait for another process's lock.
func WithLockWait(d time.Duration) Option { return func(s *Store) { s.lockWait = d } }

// WithClock sets the clock used for timestamps and ids.
func WithClock(now func() time.Time) Option { return func(s *Store) { s.now = now } }

// Open prepares the database at path: it creates the folder (0700) and the
// file (0600) when missing, refuses a damaged or foreign file, and runs
// pending migrations. It does not keep the database open.
func Open(path string, opts ...Option) (*Store, error) {
	s := &Store{path: path, lockWait: defaultLockWait, now: time.Now}
	for _, o := range opts {
		o(s)
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return nil, fmt.Errorf("database folder: %w", err)
	}
	info, err := os.Stat(path)
	if err == nil && info.Size() == 0 {
		return nil, &DamagedError{Path: path, Cause: "the file is empty"}
	}
	version := 0
	if err == nil {
		if err := s.do(readTx, func(tx *bolt.Tx) (err error) {
			version, err = schemaVersion(tx, path)
			return err
		}); err != nil {
			return nil, err
		}
	}
	if version < len(migrations) {
		if err := s.do(writeTx, func(tx *bolt.Tx) error { return migrate(tx, path) }); err != nil {
			return nil, err
		}
	}
	return s, nil
}

// Path is the database file's path.
func (s *Store) Path() string { return s.path }

// Hold keeps the database open until Close, for a long-running server:
// other processes then get an InUseError, and draft saves from many
// goroutines share commits (see SaveDraft).
func (s *Store) Hold() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.held != nil {
		return nil
	}
	db, err := s.open(false)
	if err != nil {
		return err
	}
	s.held = db
	return nil
}

// Close releases a held database, after the operations under way.
func (s *Store) Close() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.held == nil {
		return nil
	}
	err := s.held.Close()
	s.held = nil
	if err != nil {
		return fmt.Errorf("close database %s: %w", s.path, err)
	}
	return nil
}

// open opens the bolt file, translating lock time-outs, damage and faults
// into the store's errors. A file shorter than its own meta page says is
// refused before bbolt maps it.
func (s *Store) open(readOnly bool) (db *bolt.DB, err error) {
	if err := checkLength(s.path); err != nil {
		return nil, err
	}
	defer s.recoverDamage(&err)
	db, err = bolt.Open(s.path, 0o600, &bolt.Options{Timeout: s.lockWait, ReadOnly: readOnly})
	var pathErr *fs.PathError
	switch {
	case err == nil:
		db.AllocSize = allocSize
		return db, nil
	case errors.Is(err, bolterrors.ErrTimeout):
		return nil, &InUseError{Path: s.path}
	case errors.Is(err, bolterrors.ErrInvalid), errors.Is(err, bolterrors.ErrChecksum), errors.Is(err, bolterrors.ErrVersionMismatch):
		return nil, &DamagedError{Path: s.path, Cause: err.Error()}
	case errors.As(err, &pathErr):
		return nil, &fs.PathError{Op: "open database", Path: s.path, Err: pathErr.Err}
	}
	return nil, fmt.Errorf("open database %s: %w", s.path, err)
}

// txMode is how do runs a transaction.
type txMode int

const (
	readTx  txMode = iota // a read-only view
	writeTx               // a write, committed on its own
	batchTx               // a write that may share a commit when the database is held
)

// do runs fn in one transaction, opening and closing the database around it
// unless it is held. A batchTx write of a held database may share its
// commit with other goroutines' (db.Batch); fn must then be safe to run
// more than once.
// Faults from reading a damaged file become a DamagedError; any other panic
// (a bug in fn) goes on.
func (s *Store) do(mode txMode, fn func(*bolt.Tx) error) (err error) {
	s.mu.RLock() // Hold and Close wait for the operations under way
	defer s.mu.RUnlock()
	db := s.held
	held := db != nil
	if !held {
		if db, err = s.open(mode == readTx); err != nil {
			return err
		}
		defer func() {
			if cerr := db.Close(); err == nil && cerr != nil {
				err = fmt.Errorf("close database %s: %w", s.path, cerr)
			}
		}()
	}
	defer func() {
		var record *RecordError
		if errors.As(err, &record) {
			record.Path = s.path
		}
	}()
	defer s.recoverDamage(&err)
	defer debug.SetPanicOnFault(debug.SetPanicOnFault(true))
	switch {
	case mode == batchTx && held:
		return db.Batch(func(tx *bolt.Tx) error {
			// Batches run on bbolt's goroutine: a fault there must panic
			// too, so bbolt hands fn back to run alone here.
			defer debug.SetPanicOnFault(debug.SetPanicOnFault(true))
			return fn(tx)
		})
	case mode != readTx:
		return db.Update(fn)
	}
	return db.View(fn)
}

// recoverDamage turns a panic from reading a damaged file into a
// DamagedError in *err: a memory fault (the file is shorter than its
// mapping) or a panic raised in bbolt's own code. Any other panic is a bug
// and is raised again. Defer it directly.
func (s *Store) recoverDamage(err *error) {
	r := recover()
	if r == nil {
		return
	}
	if !isFault(r) && !panickedInBolt() {
		panic(r)
	}
	*err = &DamagedError{Path: s.path, Cause: strings.TrimPrefix(fmt.Sprint(r), "assertion failed: ")}
}

// isFault reports whether r is a memory fault at a non-nil address (see
// debug.SetPanicOnFault).
func isFault(r any) bool {
	_, isRuntime := r.(runtime.Error)
	_, hasAddr := r.(interface{ Addr() uintptr })
	return isRuntime && hasAddr
}

// panickedInBolt reports whether the panic under way was raised by code of
// package go.etcd.io/bbolt (or by the runtime on its behalf). It must be
// called while the panic is being handled, from a deferred function.
func panickedInBolt() bool {
	pcs := make([]uintptr, 64)
	frames := runtime.CallersFrames(pcs[:runtime.Callers(1, pcs)])
	panicking := false
	for {
		f, more := frames.Next()
		switch {
		case f.Function == "runtime.gopanic":
			panicking = true
		case panicking && !strings.HasPrefix(f.Function, "runtime."):
			return strings.HasPrefix(f.Function, "go.etcd.io/bbolt.") || strings.HasPrefix(f.Function, "go.etcd.io/bbolt/")
		}
		if !more {
			return false
		}
	}
}
