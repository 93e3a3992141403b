package store

import (
	"encoding/binary"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"socialmaturity/assess"
)

// manyStored is a store holding n completed assessments of seven
// organizations.
func manyStored(t *testing.T, n int) (*Store, []*assess.Assessment) {
	t.Helper()
	s := newStore(t)
	var as []*assess.Assessment
	for i := range n {
		as = append(as, answered(fmt.Sprintf("Org %d", i%7), time.Now().Add(time.Duration(i)*time.Second), i))
	}
	return s, complete(t, s, as...)
}

// everyOperation runs each of the store's operations, by name.
func everyOperation(s *Store, id string) map[string]error {
	errs := map[string]error{}
	_, errs["List"] = s.List(ListOptions{})
	_, errs["List org"] = s.List(ListOptions{Org: "org"})
	_, errs["Get"] = s.Get(id)
	_, _, errs["GetWithPrevious"] = s.GetWithPrevious(id)
	_, errs["Drafts"] = s.Drafts()
	_, _, errs["Overview"] = s.Overview()
	_, errs["Check"] = s.Check()
	errs["Backup"] = s.Backup(filepath.Join(os.TempDir(), fmt.Sprintf("never-%d.db", time.Now().UnixNano())))
	errs["SaveDraft"] = s.SaveDraft(&assess.Assessment{Submission: assess.Submission{Org: "X", Answers: assess.Answers{"eng-channels": assess.AtLevel(1)}}})
	_, errs["Complete"] = s.Complete(bank, []*assess.Assessment{answered("X", time.Now(), 1)})
	_, errs["Delete"] = s.Delete(id)
	_, errs["Orgs"] = s.Orgs()
	_, errs["Org"] = s.Org("Org 1")
	_, errs["History"] = s.History("Org 1")
	_, errs["Portfolio"] = s.Portfolio()
	errs["SetTarget"] = s.SetTarget("Org 1", assess.TargetSet{Pillars: map[string]float64{"value": 50}})
	errs["ClearTarget"] = s.ClearTarget("Org 1", TargetScope{})
	errs["RenameOrg"] = s.RenameOrg("Org 1", "Org One")
	errs["MergeOrgs"] = s.MergeOrgs("Org 2", "Org 3")
	errs["ImportCohort"] = s.ImportCohort([]assess.PortfolioEntry{{Overall: assess.Scored(50)}})
	_, errs["ClearCohort"] = s.ClearCohort()
	return errs
}

// QA C3: a file cut short is reported as damaged (truncated), never a
// SIGBUS, and is left as it is.
func TestTruncatedDatabaseIsReportedAndLeftUntouched(t *testing.T) {
	s, as := manyStored(t, 60)
	good, err := os.ReadFile(s.Path())
	if err != nil {
		t.Fatal(err)
	}
	for _, size := range []int{16384, 20000, 24576} {
		t.Run(fmt.Sprint(size), func(t *testing.T) {
			if len(good) <= size {
				t.Fatalf("the database is only %d bytes", len(good))
			}
			if err := os.WriteFile(s.Path(), good[:size], 0o600); err != nil {
				t.Fatal(err)
			}
			before := fileHash(t, s.Path())
			var damaged *DamagedError
			if _, err := Open(s.Path()); !errors.As(err, &damaged) || !strings.Contains(damaged.Cause, "truncated") {
				t.Errorf("Open = %v, want damaged (truncated)", err)
			}
			for name, err := range everyOperation(s, as[0].ID) {
				if !errors.As(err, &damaged) || !strings.Contains(damaged.Cause, "truncated") {
					t.Errorf("%s = %v, want damaged (truncated)", name, err)
				}
			}
			if fileHash(t, s.Path()) != before {
				t.Error("the truncated file was modified")
			}
		})
	}
}

// A file that shrinks under a held database faults on reading; the fault
// is reported as damage, not a crash.
func TestFaultReadingAHeldDatabaseIsReportedAsDamage(t *testing.T) {
	s, _ := manyStored(t, 200)
	if err := s.Hold(); err != nil {
		t.Fatal(err)
	}
	defer func() {
		if err := s.Close(); err != nil {
			t.Error(err)
		}
	}()
	if err := os.Truncate(s.Path(), 16384); err != nil {
		t.Fatal(err)
	}
	_, err := s.List(ListOptions{Limit: 0})
	var damaged *DamagedError
	if !errors.As(err, &damaged) {
		t.Fatalf("List = %v, want damaged", err)
	}
	t.Logf("cause: %s", damaged.Cause)
}

// corruptPages rewrites the page type of every leaf page after the meta
// pages to an invalid one, so that bbolt panics on reading them.
func corruptPages(t *testing.T, path string) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	const pageSize, leafFlag = 4096, 0x02
	n := 0
	for off := 2 * pageSize; off+pageSize <= len(data); off += pageSize {
		if binary.NativeEndian.Uint16(data[off+8:]) == leafFlag {
			binary.NativeEndian.PutUint16(data[off+8:], 0x40)
			n++
		}
	}
	if n == 0 {
		t.Fatal("no leaf page to corrupt")
	}
	if err := os.WriteFile(path, data, 0o600); err != nil {
		t.Fatal(err)
	}
}

// Review P0-1: a panic raised by bbolt on a damaged page is damage; a panic
// from a bug in the store's own code is not, and goes on.
func TestOnlyBoltPanicsAreReportedAsDamage(t *testing.T) {
	t.Run("bbolt", func(t *testing.T) {
		s, as := manyStored(t, 20)
		corruptPages(t, s.Path())
		before := fileHash(t, s.Path())
		_, err := s.Get(as[0].ID)
		var damaged *DamagedError
		if !errors.As(err, &damaged) || !strings.Contains(damaged.Cause, "unexpected type") {
			t.Errorf("Get = %v, want damaged (page of unexpected type)", err)
		}
		if fileHash(t, s.Path()) != before {
			t.Error("the damaged file was modified")
		}
	})
	for _, held := range []bool{false, true} {
		t.Run(fmt.Sprintf("bug, held %v", held), func(t *testing.T) {
			s, _ := manyStored(t, 3)
			if held {
				if err := s.Hold(); err != nil {
					t.Fatal(err)
				}
			}
			r, err := panicOf(func() error {
				return s.do(readTx, func(tx *bolt.Tx) error {
					var names []string
					return errors.New(names[len(tx.Bucket(bucketMeta).Get(keyApp))]) // the bug
				})
			})
			if rerr, ok := r.(runtime.Error); !ok || !strings.Contains(rerr.Error(), "index out of range") {
				t.Errorf("panic = %v (err %v), want the index bug itself", r, err)
			}
			// The database was released on the way out.
			if err := s.Close(); err != nil {
				t.Fatal(err)
			}
			other, err := Open(s.Path(), WithLockWait(100*time.Millisecond))
			if err != nil {
				t.Fatalf("after the panic: %v", err)
			}
			if _, err := other.List(ListOptions{}); err != nil {
				t.Errorf("after the panic: %v", err)
			}
		})
	}
}

// panicOf runs f and returns what it panicked with, or its error.
func panicOf(f func() error) (r any, err error) {
	defer func() { r = recover() }()
	return nil, f()
}

// corruptRecord replaces the stored value of id in bucket.
func corruptRecord(t *testing.T, s *Store, bucket []byte, id string) {
	t.Helper()
	if err := s.do(writeTx, func(tx *bolt.Tx) error {
		return tx.Bucket(bucket).Put([]byte(id), []byte("\x00\x00 not a record"))
	}); err != nil {
		t.Fatal(err)
	}
}

// QA m2: a record that cannot be read is reported by id, typed, and Check
// finds it.
func TestUnreadableRecordIsNamedAndChecked(t *testing.T) {
	s, as := manyStored(t, 5)
	corruptRecord(t, s, bucketAssessments, as[1].ID)
	corruptRecord(t, s, bucketSummaries, as[2].ID)
	var record *RecordError
	if _, err := s.Get(as[1].ID); !errors.As(err, &record) || record.ID != as[1].ID || record.Path != s.Path() {
		t.Errorf("Get = %v, want the record named", err)
	} else if strings.Contains(err.Error(), "invalid character") || strings.Contains(err.Error(), "flate") {
		t.Errorf("message shows internals: %q", err)
	}
	if _, err := s.List(ListOptions{}); !errors.As(err, &record) || record.ID != as[2].ID {
		t.Errorf("List = %v, want the summary named", err)
	}
	problems, err := s.Check()
	if err != nil {
		t.Fatal(err)
	}
	joined := strings.Join(problems, "\n")
	if len(problems) != 2 || !strings.Contains(joined, as[1].ID) || !strings.Contains(joined, as[2].ID) {
		t.Errorf("Check = %q, want both records named", problems)
	}
	// A damaged record can be deleted.
	if id, err := s.Delete(as[1].ID); err != nil || id != as[1].ID {
		t.Errorf("Delete = %s, %v", id, err)
	}
	if page, err := s.List(ListOptions{Org: "org 1"}); err != nil || len(page.Items) != 0 {
		t.Errorf("the deleted record is still indexed: %+v, %v", page.Items, err)
	}
}

// Review: store errors carry no command-line advice; that is main's.
func TestErrorTextsCarryNoCommandLineWords(t *testing.T) {
	for _, err := range []error{
		&DamagedError{Path: "p.db", Cause: "c"},
		&NewerSchemaError{Path: "p.db", Have: 3, Max: 1},
		&InUseError{Path: "p.db"},
		&RecordError{Path: "p.db", ID: "x", Cause: errors.New("c")},
		&CompletedError{ID: "x"},
		&DuplicateError{Index: 0, Existing: "x"},
	} {
		msg := err.Error()
		if strings.Contains(msg, "--") || strings.Contains(msg, "upgrade socialmaturity") || strings.Contains(msg, "pass ") {
			t.Errorf("%T says %q", err, msg)
		}
	}
}

// QA m2: a database the user may not read is named once, not twice.
func TestUnreadableFileNamesThePathOnce(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("root reads every file")
	}
	s := newStore(t)
	if err := os.Chmod(s.Path(), 0); err != nil {
		t.Fatal(err)
	}
	_, err := s.List(ListOptions{})
	if !errors.Is(err, os.ErrPermission) || strings.Count(err.Error(), s.Path()) != 1 {
		t.Errorf("List = %v, want permission denied naming the path once", err)
	}
}

// The length check reads a file that may be anything: it never panics and
// reports only damage.
func FuzzCheckLength(f *testing.F) {
	s := newStore(f)
	complete(f, s, answered("Acme", time.Now(), 1))
	good, err := os.ReadFile(s.Path())
	if err != nil {
		f.Fatal(err)
	}
	f.Add(good[:2*4096])
	f.Add(good[:5000])
	f.Add([]byte("not a database"))
	f.Fuzz(func(t *testing.T, data []byte) {
		path := filepath.Join(t.TempDir(), "f.db")
		if err := os.WriteFile(path, data, 0o600); err != nil {
			t.Fatal(err)
		}
		var damaged *DamagedError
		if err := checkLength(path); err != nil && !errors.As(err, &damaged) {
			t.Errorf("checkLength = %v", err)
		}
	})
}
