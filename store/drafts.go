package store

import (
	"fmt"
	"sort"

	bolt "go.etcd.io/bbolt"

	"socialmaturity/assess"
)

// SaveDraft writes an in-progress assessment in one committed (fsync'd)
// transaction, giving it an id and start time when it has none. The
// answers and notes of d win; answers stored earlier that d lacks are kept,
// so two sessions on one draft do not undo each other. d is not kept.
func (s *Store) SaveDraft(d *assess.Assessment) error {
	now := s.now()
	if d.ID == "" {
		d.ID = NewID(now)
	}
	if d.StartedAt.IsZero() {
		d.StartedAt = now
	}
	d.UpdatedAt = now
	return s.do(true, func(tx *bolt.Tx) error {
		merged, err := mergeDraft(tx.Bucket(bucketDrafts), d)
		if err != nil {
			return err
		}
		return putRecord(tx.Bucket(bucketDrafts), merged.ID, merged)
	})
}

// mergeDraft is d over the stored draft of the same id, if there is one.
func mergeDraft(b *bolt.Bucket, d *assess.Assessment) (*assess.Assessment, error) {
	merged := *d
	merged.Answers = assess.Answers{}
	if raw := b.Get([]byte(d.ID)); raw != nil {
		var stored assess.Assessment
		if err := decodeRecord(raw, &stored); err != nil {
			return nil, err
		}
		for id, a := range stored.Answers {
			merged.Answers[id] = a
		}
	}
	for id, a := range d.Answers {
		merged.Answers[id] = a
	}
	return &merged, nil
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

// CompleteDraft scores an in-progress assessment and stores it as
// completed in one transaction, removing its draft: d over the stored
// draft (see SaveDraft), then complete (see assess.Assessment.Complete).
// The assessment keeps the draft's id.
func (s *Store) CompleteDraft(d *assess.Assessment, complete func(*assess.Assessment)) (*assess.Assessment, error) {
	if d.ID == "" {
		d.ID = NewID(s.now())
	}
	var done *assess.Assessment
	err := s.do(true, func(tx *bolt.Tx) error {
		drafts := tx.Bucket(bucketDrafts)
		merged, err := mergeDraft(drafts, d)
		if err != nil {
			return err
		}
		complete(merged)
		if merged.CompletedAt == nil || merged.Result == nil {
			return fmt.Errorf("draft %s was not completed", d.ID)
		}
		if err := putAssessment(tx, merged); err != nil {
			return err
		}
		done = merged
		return drafts.Delete([]byte(d.ID))
	})
	if err != nil {
		return nil, err
	}
	return done, nil
}

func putRecord(b *bolt.Bucket, id string, v any) error {
	raw, err := encodeRecord(v)
	if err != nil {
		return err
	}
	return b.Put([]byte(id), raw)
}
