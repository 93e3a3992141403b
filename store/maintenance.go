package store

import (
	"errors"
	"fmt"
	"os"

	bolt "go.etcd.io/bbolt"
)

// Check runs bbolt's consistency check and returns every problem found.
func (s *Store) Check() ([]string, error) {
	var problems []string
	err := s.do(false, func(tx *bolt.Tx) error {
		for err := range tx.Check() {
			problems = append(problems, err.Error())
		}
		return nil
	})
	return problems, err
}

// Backup writes a consistent copy of the database to path, which must not
// exist yet.
func (s *Store) Backup(path string) error {
	if _, err := os.Stat(path); err == nil {
		return fmt.Errorf("backup %s already exists: choose another name", path)
	} else if !errors.Is(err, os.ErrNotExist) {
		return fmt.Errorf("backup %s: %w", path, err)
	}
	return s.do(false, func(tx *bolt.Tx) error {
		f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
		if err != nil {
			return fmt.Errorf("backup: %w", err)
		}
		if _, err := tx.WriteTo(f); err != nil {
			f.Close()
			os.Remove(path)
			return fmt.Errorf("backup: %w", err)
		}
		if err := f.Sync(); err != nil {
			f.Close()
			return fmt.Errorf("backup: %w", err)
		}
		return f.Close()
	})
}
