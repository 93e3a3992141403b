package store

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"

	bolt "go.etcd.io/bbolt"

	"socialmaturity/assess"
)

// appendFill packs pages fully: ids grow with time, so keys are appended.
const appendFill = 0.9

// orgKey is the index key of an organization name: case and spacing do not
// matter.
func orgKey(org string) []byte {
	return []byte(strings.ToLower(strings.Join(strings.Fields(org), " ")) + "\x00")
}

// Save stores a completed assessment, giving it an id when it has none.
func (s *Store) Save(a *assess.Assessment) error {
	return s.SaveAll([]*assess.Assessment{a})
}

// SaveAll stores completed assessments in one transaction: all or none.
func (s *Store) SaveAll(as []*assess.Assessment) error {
	for _, a := range as {
		if a.CompletedAt == nil || a.Result == nil {
			return fmt.Errorf("assessment of %q is not completed", a.Org)
		}
		if a.ID == "" {
			a.ID = NewID(*a.CompletedAt)
		}
	}
	return s.do(true, func(tx *bolt.Tx) error {
		for _, a := range as {
			if err := putAssessment(tx, a); err != nil {
				return err
			}
		}
		return nil
	})
}

func putAssessment(tx *bolt.Tx, a *assess.Assessment) error {
	record, err := encodeRecord(a)
	if err != nil {
		return err
	}
	summary, err := json.Marshal(assess.Summarize(a))
	if err != nil {
		return err
	}
	assessments, summaries := tx.Bucket(bucketAssessments), tx.Bucket(bucketSummaries)
	assessments.FillPercent, summaries.FillPercent = appendFill, appendFill
	id := []byte(a.ID)
	if err := assessments.Put(id, record); err != nil {
		return err
	}
	if err := summaries.Put(id, summary); err != nil {
		return err
	}
	return tx.Bucket(bucketByOrg).Put(append(orgKey(a.Org), id...), nil)
}

// Get returns the completed assessment whose id is ref or starts with it.
func (s *Store) Get(ref string) (*assess.Assessment, error) {
	var a assess.Assessment
	err := s.do(false, func(tx *bolt.Tx) error {
		return getByRef(tx.Bucket(bucketAssessments), ref, &a)
	})
	if err != nil {
		return nil, err
	}
	return &a, nil
}

// getByRef decodes the record whose key is ref or has ref as its only
// prefix match.
func getByRef(b *bolt.Bucket, ref string, into any) error {
	prefix := []byte(normalizeRef(ref))
	if len(prefix) == 0 {
		return fmt.Errorf("empty id: %w", ErrNotFound)
	}
	if v := b.Get(prefix); v != nil {
		return decodeRecord(v, into)
	}
	c := b.Cursor()
	var matches []string
	var value []byte
	for k, v := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix) && len(matches) < 5; k, v = c.Next() {
		matches = append(matches, string(k))
		value = v
	}
	switch len(matches) {
	case 0:
		return fmt.Errorf("no assessment has id %q: %w", ref, ErrNotFound)
	case 1:
		return decodeRecord(value, into)
	}
	return &AmbiguousError{Prefix: ref, Matches: matches}
}

// Delete removes a completed assessment by id or unique prefix and returns
// its full id.
func (s *Store) Delete(ref string) (string, error) {
	var id string
	err := s.do(true, func(tx *bolt.Tx) error {
		var a assess.Assessment
		if err := getByRef(tx.Bucket(bucketAssessments), ref, &a); err != nil {
			return err
		}
		id = a.ID
		key := []byte(a.ID)
		if err := tx.Bucket(bucketAssessments).Delete(key); err != nil {
			return err
		}
		if err := tx.Bucket(bucketSummaries).Delete(key); err != nil {
			return err
		}
		return tx.Bucket(bucketByOrg).Delete(append(orgKey(a.Org), key...))
	})
	return id, err
}

// ListOptions selects a page of summaries, newest first.
type ListOptions struct {
	// Org keeps one organization's assessments (case and spacing ignored).
	Org string
	// Limit is the page size; 0 means 50.
	Limit int
	// Before continues a listing after the id of the last item of the
	// previous page.
	Before string
}

// DefaultLimit is the page size when none is given.
const DefaultLimit = 50

// Page is one page of a listing; Next, when not empty, is the Before of the
// next page.
type Page struct {
	Items []assess.Summary
	Next  string
}

// List returns completed assessments newest first. Its cost grows with the
// page, not with the database.
func (s *Store) List(o ListOptions) (Page, error) {
	limit := o.Limit
	if limit <= 0 {
		limit = DefaultLimit
	}
	var page Page
	err := s.do(false, func(tx *bolt.Tx) error {
		summaries := tx.Bucket(bucketSummaries)
		ids := newestFirst(tx, o, limit+1)
		neighbours := summaries.Cursor()
		for i, id := range ids {
			if i == limit {
				page.Next = page.Items[limit-1].ID
				break
			}
			raw := summaries.Get(id)
			if raw == nil {
				continue
			}
			var sum assess.Summary
			if err := json.Unmarshal(raw, &sum); err != nil {
				return err
			}
			sum.Short = shortAmong(neighbours, id)
			page.Items = append(page.Items, sum)
		}
		return nil
	})
	return page, err
}

// newestFirst returns up to n ids, newest first, from the whole database or
// from one organization's index.
func newestFirst(tx *bolt.Tx, o ListOptions, n int) [][]byte {
	var prefix []byte
	c := tx.Bucket(bucketSummaries).Cursor()
	if o.Org != "" {
		prefix = orgKey(o.Org)
		c = tx.Bucket(bucketByOrg).Cursor()
	}
	var k []byte
	switch {
	case o.Before != "":
		k = seekBelow(c, append(bytes.Clone(prefix), normalizeRef(o.Before)...))
	case prefix != nil:
		k = seekBelow(c, append(bytes.Clone(prefix), 0xff))
	default:
		k, _ = c.Last()
	}
	var ids [][]byte
	for ; k != nil && bytes.HasPrefix(k, prefix) && len(ids) < n; k, _ = c.Prev() {
		ids = append(ids, bytes.Clone(k[len(prefix):]))
	}
	return ids
}

// seekBelow moves c to the last key below target and returns it.
func seekBelow(c *bolt.Cursor, target []byte) []byte {
	if k, _ := c.Seek(target); k == nil {
		k, _ = c.Last()
		return k
	}
	k, _ := c.Prev()
	return k
}

// shortAmong is the short form of id given its neighbours in the bucket.
func shortAmong(c *bolt.Cursor, id []byte) string {
	var neighbours [][]byte
	if k, _ := c.Seek(id); k != nil {
		if next, _ := c.Next(); next != nil {
			neighbours = append(neighbours, next)
		}
	}
	c.Seek(id)
	if prev, _ := c.Prev(); prev != nil {
		neighbours = append(neighbours, prev)
	}
	return shortID(string(id), neighbours...)
}

// Previous returns the newest completed assessment of the same organization
// completed before a, or nil when there is none.
func (s *Store) Previous(a *assess.Assessment) (*assess.Assessment, error) {
	var prev *assess.Assessment
	err := s.do(false, func(tx *bolt.Tx) (err error) {
		prev, err = previous(tx, a)
		return err
	})
	return prev, err
}

// GetWithPrevious returns the completed assessment whose id is ref or starts
// with it, and the organization's one before it (nil when none), in one
// look at the database.
func (s *Store) GetWithPrevious(ref string) (rec, prev *assess.Assessment, err error) {
	err = s.do(false, func(tx *bolt.Tx) error {
		var a assess.Assessment
		if err := getByRef(tx.Bucket(bucketAssessments), ref, &a); err != nil {
			return err
		}
		rec = &a
		prev, err = previous(tx, rec)
		return err
	})
	if err != nil {
		return nil, nil, err
	}
	return rec, prev, nil
}

func previous(tx *bolt.Tx, a *assess.Assessment) (*assess.Assessment, error) {
	ids := newestFirst(tx, ListOptions{Org: a.Org, Before: a.ID}, 1)
	if len(ids) == 0 {
		return nil, nil
	}
	var prev assess.Assessment
	if err := decodeRecord(tx.Bucket(bucketAssessments).Get(ids[0]), &prev); err != nil {
		return nil, err
	}
	return &prev, nil
}
