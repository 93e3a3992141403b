package store

import (
	"bytes"
	"errors"
	"fmt"
	"maps"
	"time"

	bolt "go.etcd.io/bbolt"

	"socialmaturity/assess"
	"socialmaturity/questions"
)

// CompletedError reports a draft whose id is already a completed
// assessment: another session completed it. Nothing was stored.
type CompletedError struct{ ID string }

func (e *CompletedError) Error() string {
	return fmt.Sprintf("assessment %s is already completed", e.ID)
}

// ErrNothingAnswered is returned for an assessment without any answer
// ("not sure" counts as an answer).
var ErrNothingAnswered = errors.New("no question is answered")

// DuplicateError reports that the assessment at Index of a Complete call is
// identical to the stored assessment Existing (see RefuseDuplicates).
type DuplicateError struct {
	Index    int
	Existing string
}

func (e *DuplicateError) Error() string {
	return fmt.Sprintf("assessment %d is already stored as %s", e.Index+1, e.Existing)
}

// Completion is one completed assessment with the organization's previous
// one (nil when it is the first).
type Completion struct{ Done, Previous *assess.Assessment }

// CompleteOption adjusts Complete.
type CompleteOption func(*completeConfig)

type completeConfig struct{ refuseDuplicates bool }

// RefuseDuplicates makes Complete refuse, with a DuplicateError, an
// assessment identical to one already stored: same organization (its name
// with case and spacing ignored, or an alias), respondent, role, answers and notes, and the same
// completion time when it carries one.
func RefuseDuplicates() CompleteOption {
	return func(c *completeConfig) { c.refuseDuplicates = true }
}

// Complete turns answers into stored results, all in one transaction: each
// d is merged over its stored draft of the same id (d's answers and notes
// win), scored against the built-in bank its Bank names (an import of an
// export made with an earlier version) or else against b, stored as completed under d's id (a new id from
// its completion time when d has none), and its draft removed; the
// organization's previous completed assessment comes back with it, both
// under the organization's name. Each belongs to the organization of its
// OrgID, else to the one its name names (case and spacing ignored), which
// is created when there is none. The
// completion time is d.CompletedAt when set (an imported export), else now.
// Nothing is stored when any d is refused: *CompletedError (d's id is
// already completed), ErrNothingAnswered, or *DuplicateError (with
// RefuseDuplicates). The ds are not modified.
func (s *Store) Complete(b *questions.Bank, ds []*assess.Assessment, opts ...CompleteOption) ([]Completion, error) {
	var cfg completeConfig
	for _, o := range opts {
		o(&cfg)
	}
	now := s.now()
	var out []Completion
	err := s.do(writeTx, func(tx *bolt.Tx) error {
		for i, d := range ds {
			c, err := completeOne(tx, b, d, i, now, cfg)
			if err != nil {
				return err
			}
			out = append(out, c)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// completeOne stores d, the i-th of a Complete call, as completed in tx.
func completeOne(tx *bolt.Tx, b *questions.Bank, d *assess.Assessment, i int, now time.Time, cfg completeConfig) (Completion, error) {
	drafts := tx.Bucket(bucketDrafts)
	if d.ID != "" && tx.Bucket(bucketAssessments).Get([]byte(d.ID)) != nil {
		return Completion{}, &CompletedError{ID: d.ID}
	}
	merged, err := mergeDraft(drafts, d)
	if err != nil {
		return Completion{}, err
	}
	if len(merged.Answers) == 0 {
		return Completion{}, fmt.Errorf("assessment of %q: %w", merged.Org, ErrNothingAnswered)
	}
	at := now
	if d.CompletedAt != nil {
		at = *d.CompletedAt
	}
	if merged.ID == "" {
		merged.ID = NewID(at)
	}
	if merged.StartedAt.IsZero() {
		merged.StartedAt = at
	}
	if err := belong(tx, merged, at); err != nil {
		return Completion{}, err
	}
	own := assess.ResolveBank(merged.Bank, b)
	merged.Bank = assess.RefOf(own)
	merged.Complete(own, at, assess.Targets{})
	if cfg.refuseDuplicates {
		existing, err := duplicateOf(tx, merged, d.CompletedAt != nil)
		if err != nil {
			return Completion{}, err
		}
		if existing != "" {
			return Completion{}, &DuplicateError{Index: i, Existing: existing}
		}
	}
	if err := putCompleted(tx, merged); err != nil {
		return Completion{}, err
	}
	if err := drafts.Delete([]byte(merged.ID)); err != nil {
		return Completion{}, err
	}
	prev, err := previous(tx, merged)
	if err != nil {
		return Completion{}, err
	}
	names := newNamer(tx)
	if prev != nil {
		if err := names.record(prev); err != nil {
			return Completion{}, err
		}
	}
	if err := names.record(merged); err != nil {
		return Completion{}, err
	}
	return Completion{Done: merged, Previous: prev}, nil
}

// duplicateOf returns the id of a stored assessment identical to a (see
// RefuseDuplicates), or "" when there is none.
func duplicateOf(tx *bolt.Tx, a *assess.Assessment, sameTime bool) (string, error) {
	key := orgPrefix(a.OrgID)
	assessments := tx.Bucket(bucketAssessments)
	c := tx.Bucket(bucketByOrg).Cursor()
	for k, _ := c.Seek(key); k != nil && bytes.HasPrefix(k, key); k, _ = c.Next() {
		id := k[len(key):]
		var stored assess.Assessment
		if err := decodeRecord(id, assessments.Get(id), &stored); err != nil {
			return "", err
		}
		if stored.Respondent == a.Respondent && stored.Role == a.Role &&
			maps.Equal(stored.Answers, a.Answers) && maps.Equal(stored.Notes, a.Notes) &&
			(!sameTime || stored.CompletedAt != nil && stored.CompletedAt.Equal(*a.CompletedAt)) {
			return string(id), nil
		}
	}
	return "", nil
}
