package store

import (
	"maps"
	"sort"

	bolt "go.etcd.io/bbolt"

	"socialmaturity/assess"
)

// SaveDraft writes an in-progress assessment in one committed (fsync'd)
// transaction, giving it an id and start time when it has none, and an
// organization as Complete does. The
// answers and notes of d win; those stored earlier that d lacks are kept,
// so two sessions on one draft do not undo each other. A draft whose id is
// already completed (by another session) is refused with a
// *CompletedError. d is not kept. While the store is held, saves from many
// goroutines share commits.
func (s *Store) SaveDraft(d *assess.Assessment) error {
	s.stamp(d)
	// Merging is idempotent, so a batch may run this more than once.
	return s.do(batchTx, func(tx *bolt.Tx) error { return saveDraft(tx, d) })
}

// SaveDrafts stores drafts as SaveDraft does, all in one transaction:
// nothing is stored when any is refused (*CompletedError), so a person can
// resume several rescued drafts at once or none.
func (s *Store) SaveDrafts(ds []*assess.Assessment) error {
	for _, d := range ds {
		s.stamp(d)
	}
	return s.do(writeTx, func(tx *bolt.Tx) error {
		for _, d := range ds {
			if err := saveDraft(tx, d); err != nil {
				return err
			}
		}
		return nil
	})
}

// stamp gives a draft about to be saved an id and start time when it has
// none, and its update time.
func (s *Store) stamp(d *assess.Assessment) {
	now := s.now()
	if d.ID == "" {
		d.ID = NewID(now)
	}
	if d.StartedAt.IsZero() {
		d.StartedAt = now
	}
	d.UpdatedAt = now
}

// saveDraft merges d into the stored draft of its id in tx.
func saveDraft(tx *bolt.Tx, d *assess.Assessment) error {
	if tx.Bucket(bucketAssessments).Get([]byte(d.ID)) != nil {
		return &CompletedError{ID: d.ID}
	}
	merged, err := mergeDraft(tx.Bucket(bucketDrafts), d)
	if err != nil {
		return err
	}
	if err := belong(tx, merged, merged.UpdatedAt); err != nil {
		return err
	}
	return putDraft(tx, merged)
}

// mergeDraft is d over the stored draft of the same id, if there is one:
// d's answers and notes win, the stored ones d lacks are kept. d is not
// changed.
func mergeDraft(b *bolt.Bucket, d *assess.Assessment) (*assess.Assessment, error) {
	merged := *d
	merged.Answers = assess.Answers{}
	merged.Notes = nil
	if raw := b.Get([]byte(d.ID)); d.ID != "" && raw != nil {
		var stored assess.Assessment
		if err := decodeRecord([]byte(d.ID), raw, &stored); err != nil {
			return nil, err
		}
		maps.Copy(merged.Answers, stored.Answers)
		merged.Notes = maps.Clone(stored.Notes)
		if !stored.StartedAt.IsZero() && stored.StartedAt.Before(merged.StartedAt) {
			merged.StartedAt = stored.StartedAt // a resumed rescue file has none of its own
		}
	}
	maps.Copy(merged.Answers, d.Answers)
	if len(d.Notes) > 0 {
		if merged.Notes == nil {
			merged.Notes = map[string]string{}
		}
		maps.Copy(merged.Notes, d.Notes)
	}
	return &merged, nil
}

// Drafts returns every draft, most recently updated first, each under its
// organization's name.
func (s *Store) Drafts() ([]*assess.Assessment, error) {
	var ds []*assess.Assessment
	err := s.do(readTx, func(tx *bolt.Tx) (err error) {
		ds, err = drafts(tx)
		return err
	})
	return ds, err
}

// Overview returns the drafts and the number of completed assessments in
// one look at the database, for a start screen.
func (s *Store) Overview() (ds []*assess.Assessment, completed int, err error) {
	err = s.do(readTx, func(tx *bolt.Tx) error {
		completed = tx.Bucket(bucketSummaries).Stats().KeyN
		ds, err = drafts(tx)
		return err
	})
	return ds, completed, err
}

func drafts(tx *bolt.Tx) ([]*assess.Assessment, error) {
	var ds []*assess.Assessment
	names := newNamer(tx)
	err := tx.Bucket(bucketDrafts).ForEach(func(k, v []byte) error {
		var d assess.Assessment
		if err := decodeRecord(k, v, &d); err != nil {
			return err
		}
		if err := names.record(&d); err != nil {
			return err
		}
		ds = append(ds, &d)
		return nil
	})
	sort.SliceStable(ds, func(i, j int) bool { return ds[i].UpdatedAt.After(ds[j].UpdatedAt) })
	return ds, err
}

func putRecord(b *bolt.Bucket, id string, v any) error {
	raw, err := encodeRecord(v)
	if err != nil {
		return err
	}
	return b.Put([]byte(id), raw)
}
