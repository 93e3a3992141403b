package store

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"strings"

	bolt "go.etcd.io/bbolt"

	"socialmaturity/assess"
)

// Check runs bbolt's consistency check and reads every stored record; it
// returns every problem found, naming the page, the bucket or the record
// that cannot be read.
func (s *Store) Check() ([]string, error) {
	var problems []string
	err := s.do(readTx, func(tx *bolt.Tx) error {
		broken := false
		for err := range tx.Check() {
			// bbolt stops at a page it cannot read and reports its panic
			// ("panic: assertion failed: page 29: …").
			msg, stopped := strings.CutPrefix(err.Error(), "panic: ")
			if stopped {
				msg = fmt.Sprintf("the database's structure is damaged: %s", strings.TrimPrefix(msg, "assertion failed: "))
				broken = true
			}
			problems = append(problems, msg)
		}
		if broken {
			problems = append(problems, unreadableBuckets(tx)...)
		}
		if len(problems) > 0 {
			return nil // reading records from broken pages could fault
		}
		records := []struct {
			bucket []byte
			decode func(k, v []byte) error
		}{
			{bucketAssessments, func(k, v []byte) error { return decodeRecord(k, v, &assess.Assessment{}) }},
			{bucketDrafts, func(k, v []byte) error { return decodeRecord(k, v, &assess.Assessment{}) }},
			{bucketSummaries, func(k, v []byte) error { return decodeSummary(k, v, &assess.Summary{}) }},
			{bucketOrgs, func(k, v []byte) error { return decodeSummary(k, v, &Org{}) }},
			{bucketCohort, func(k, v []byte) error { return decodeSummary(k, v, &assess.PortfolioEntry{}) }},
		}
		for _, r := range records {
			err := tx.Bucket(r.bucket).ForEach(func(k, v []byte) error {
				if err := r.decode(k, v); err != nil {
					problems = append(problems, fmt.Sprintf("record %s in %s is damaged and cannot be read", k, r.bucket))
				}
				return nil
			})
			if err != nil {
				return err
			}
		}
		return nil
	})
	return problems, err
}

// unreadableBuckets names the buckets whose pages cannot be read, or says
// that the list of buckets itself cannot be.
func unreadableBuckets(tx *bolt.Tx) []string {
	var names [][]byte
	if !readable(func() error {
		return tx.ForEach(func(name []byte, _ *bolt.Bucket) error {
			names = append(names, bytes.Clone(name))
			return nil
		})
	}) {
		return []string{"the list of buckets is damaged and cannot be read"}
	}
	var out []string
	for _, name := range names {
		if !readable(func() error { return tx.Bucket(name).ForEach(func(_, _ []byte) error { return nil }) }) {
			out = append(out, fmt.Sprintf("bucket %s is damaged and cannot be read", name))
		}
	}
	return out
}

// readable runs walk, which only reads pages, and reports whether it got
// through: bbolt panics on a page it cannot read (and faults are panics
// inside do).
func readable(walk func() error) (ok bool) {
	defer func() {
		if recover() != nil {
			ok = false
		}
	}()
	return walk() == nil
}

// Backup writes a consistent copy of the database to path, which must not
// exist yet. A copy that could not be written whole is removed.
func (s *Store) Backup(path string) error {
	if _, err := os.Stat(path); err == nil {
		return fmt.Errorf("backup %s already exists: choose another name", path)
	} else if !errors.Is(err, os.ErrNotExist) {
		return fmt.Errorf("backup %s: %w", path, err)
	}
	return s.do(readTx, func(tx *bolt.Tx) error {
		f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
		if err != nil {
			return fmt.Errorf("backup: %w", err)
		}
		_, err = tx.WriteTo(f)
		if err == nil {
			err = f.Sync()
		}
		if cerr := f.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			if rerr := os.Remove(path); rerr != nil {
				err = errors.Join(err, rerr)
			}
			return fmt.Errorf("backup %s: %w", path, err)
		}
		return nil
	})
}
