package store

import (
	"fmt"
	"sort"

	bolt "go.etcd.io/bbolt"

	"socialmaturity/assess"
)

// CreateDraft stores a new in-progress assessment and gives it an id.
func (s *Store) CreateDraft(d *assess.Assessment) error {
	now := s.now()
	d.ID = NewID(now)
	if d.StartedAt.IsZero() {
		d.StartedAt = now
	}
	d.UpdatedAt = now
	if d.Answers == nil {
		d.Answers = assess.Answers{}
	}
	return s.do(true, func(tx *bolt.Tx) error { return putRecord(tx.Bucket(bucketDrafts), d.ID, d) })
}

// UpdateDraft changes a draft in one committed transaction: fn edits it and
// the result is durable when UpdateDraft returns. It returns the updated
// draft.
func (s *Store) UpdateDraft(id string, fn func(*assess.Assessment)) (*assess.Assessment, error) {
	var d assess.Assessment
	err := s.do(true, func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketDrafts)
		raw := b.Get([]byte(id))
		if raw == nil {
			return fmt.Errorf("no draft has id %q: %w", id, ErrNotFound)
		}
		if err := decodeRecord(raw, &d); err != nil {
			return err
		}
		fn(&d)
		d.UpdatedAt = s.now()
		return putRecord(b, d.ID, &d)
	})
	if err != nil {
		return nil, err
	}
	return &d, nil
}

// Draft returns the draft whose id is ref or starts with it.
func (s *Store) Draft(ref string) (*assess.Assessment, error) {
	var d assess.Assessment
	if err := s.do(false, func(tx *bolt.Tx) error { return getByRef(tx.Bucket(bucketDrafts), ref, &d) }); err != nil {
		return nil, err
	}
	return &d, nil
}

// Drafts returns every draft, most recently updated first.
func (s *Store) Drafts() ([]*assess.Assessment, error) {
	var ds []*assess.Assessment
	err := s.do(false, func(tx *bolt.Tx) (err error) {
		ds, err = drafts(tx)
		return err
	})
	return ds, err
}

// Overview returns the drafts and the number of completed assessments in
// one look at the database, for a start screen.
func (s *Store) Overview() (ds []*assess.Assessment, completed int, err error) {
	err = s.do(false, func(tx *bolt.Tx) error {
		completed = tx.Bucket(bucketSummaries).Stats().KeyN
		ds, err = drafts(tx)
		return err
	})
	return ds, completed, err
}

func drafts(tx *bolt.Tx) ([]*assess.Assessment, error) {
	var ds []*assess.Assessment
	err := tx.Bucket(bucketDrafts).ForEach(func(_, v []byte) error {
		var d assess.Assessment
		if err := decodeRecord(v, &d); err != nil {
			return err
		}
		ds = append(ds, &d)
		return nil
	})
	sort.SliceStable(ds, func(i, j int) bool { return ds[i].UpdatedAt.After(ds[j].UpdatedAt) })
	return ds, err
}

// DeleteDraft removes a draft.
func (s *Store) DeleteDraft(id string) error {
	return s.do(true, func(tx *bolt.Tx) error { return tx.Bucket(bucketDrafts).Delete([]byte(id)) })
}

// CompleteDraft moves a draft to the completed assessments in one
// transaction; complete scores it (see assess.Assessment.Complete). The
// assessment keeps the draft's id.
func (s *Store) CompleteDraft(id string, complete func(*assess.Assessment)) (*assess.Assessment, error) {
	var d assess.Assessment
	err := s.do(true, func(tx *bolt.Tx) error {
		drafts := tx.Bucket(bucketDrafts)
		raw := drafts.Get([]byte(id))
		if raw == nil {
			return fmt.Errorf("no draft has id %q: %w", id, ErrNotFound)
		}
		if err := decodeRecord(raw, &d); err != nil {
			return err
		}
		complete(&d)
		if d.CompletedAt == nil || d.Result == nil {
			return fmt.Errorf("draft %s was not completed", id)
		}
		if err := putAssessment(tx, &d); err != nil {
			return err
		}
		return drafts.Delete([]byte(id))
	})
	if err != nil {
		return nil, err
	}
	return &d, nil
}

func putRecord(b *bolt.Bucket, id string, v any) error {
	raw, err := encodeRecord(v)
	if err != nil {
		return err
	}
	return b.Put([]byte(id), raw)
}
