// Package store keeps assessments and drafts in a bbolt database. It opens
// the database for each unit of work and closes it after, so that several
// socialmaturity processes can take turns; a long-running server may hold it
// instead. Every write is one committed, fsync'd transaction.
package store

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
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

// DefaultLockWait is how long an operation waits for another process to
// release the database before reporting it in use.
const DefaultLockWait = 1500 * time.Millisecond

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

// DamagedError reports a file that is damaged or is not a socialmaturity
// database. The file is never written to.
type DamagedError struct {
	Path  string
	Cause string
}

func (e *DamagedError) Error() string {
	return fmt.Sprintf("database %s is damaged or not a socialmaturity database (%s); it was left untouched — move it aside or pass --db", e.Path, e.Cause)
}

// NewerSchemaError reports a database written by a newer socialmaturity.
type NewerSchemaError struct {
	Path      string
	Have, Max int
}

func (e *NewerSchemaError) Error() string {
	return fmt.Sprintf("database %s has schema version %d, newer than this socialmaturity understands (%d): upgrade socialmaturity", e.Path, e.Have, e.Max)
}

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

// Store is a socialmaturity database at a path.
type Store struct {
	path     string
	lockWait time.Duration
	held     *bolt.DB
	now      func() time.Time
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
	s := &Store{path: path, lockWait: DefaultLockWait, now: time.Now}
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
		if err := s.do(false, func(tx *bolt.Tx) (err error) {
			version, err = schemaVersion(tx, path)
			return err
		}); err != nil {
			return nil, err
		}
	}
	if version < len(migrations) {
		if err := s.do(true, func(tx *bolt.Tx) error { return migrate(tx, path) }); err != nil {
			return nil, err
		}
	}
	return s, nil
}

// Path is the database file's path.
func (s *Store) Path() string { return s.path }

// Hold keeps the database open until Close, for a long-running server;
// other processes then get an InUseError.
func (s *Store) Hold() error {
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

// Close releases a held database.
func (s *Store) Close() error {
	if s.held == nil {
		return nil
	}
	err := s.held.Close()
	s.held = nil
	return err
}

// open opens the bolt file, translating lock time-outs, damage and panics
// into the store's errors.
func (s *Store) open(readOnly bool) (db *bolt.DB, err error) {
	defer func() {
		if r := recover(); r != nil {
			db, err = nil, &DamagedError{Path: s.path, Cause: fmt.Sprint(r)}
		}
	}()
	db, err = bolt.Open(s.path, 0o600, &bolt.Options{Timeout: s.lockWait, ReadOnly: readOnly})
	switch {
	case err == nil:
		db.AllocSize = allocSize
		return db, nil
	case errors.Is(err, bolterrors.ErrTimeout):
		return nil, &InUseError{Path: s.path}
	case errors.Is(err, bolterrors.ErrInvalid), errors.Is(err, bolterrors.ErrChecksum), errors.Is(err, bolterrors.ErrVersionMismatch):
		return nil, &DamagedError{Path: s.path, Cause: err.Error()}
	}
	return nil, fmt.Errorf("open database %s: %w", s.path, err)
}

// do runs fn in one transaction, opening and closing the database around it
// unless it is held. A panic from a damaged page becomes a DamagedError.
func (s *Store) do(write bool, fn func(*bolt.Tx) error) (err error) {
	db := s.held
	if db == nil {
		if db, err = s.open(!write); err != nil {
			return err
		}
		defer func() {
			if cerr := db.Close(); err == nil && cerr != nil {
				err = cerr
			}
		}()
	}
	defer func() {
		if r := recover(); r != nil {
			err = &DamagedError{Path: s.path, Cause: fmt.Sprint(r)}
		}
	}()
	if write {
		return db.Update(fn)
	}
	return db.View(fn)
}
