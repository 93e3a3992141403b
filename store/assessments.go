package store

import (
	"bytes"
	"encoding/json"
	"fmt"
	"slices"

	bolt "go.etcd.io/bbolt"

	"socialmaturity/assess"
)

// appendFill packs pages fully: ids grow with time, so keys are appended.
const appendFill = 0.9

// putAssessment stores completed assessment a, which has its OrgID, with
// its summary, in the organization index.
func putAssessment(tx *bolt.Tx, a *assess.Assessment) error {
	assessments, summaries := tx.Bucket(bucketAssessments), tx.Bucket(bucketSummaries)
	assessments.FillPercent, summaries.FillPercent = appendFill, appendFill
	if err := putRecord(assessments, a.ID, a); err != nil {
		return err
	}
	if err := putSummary(summaries, a); err != nil {
		return err
	}
	return tx.Bucket(bucketByOrg).Put(append(orgPrefix(a.OrgID), a.ID...), nil)
}

func putSummary(b *bolt.Bucket, a *assess.Assessment) error {
	raw, err := json.Marshal(assess.Summarize(a))
	if err != nil {
		return err
	}
	return b.Put([]byte(a.ID), raw)
}

// Get returns the completed assessment whose id is ref or starts with it,
// under its organization's name.
func (s *Store) Get(ref string) (*assess.Assessment, error) {
	var a assess.Assessment
	err := s.do(readTx, func(tx *bolt.Tx) error {
		if err := getByRef(tx.Bucket(bucketAssessments), ref, &a); err != nil {
			return err
		}
		return newNamer(tx).record(&a)
	})
	if err != nil {
		return nil, err
	}
	return &a, nil
}

// getByRef decodes the record whose key is ref or has ref as its only
// prefix match.
func getByRef(b *bolt.Bucket, ref string, into any) error {
	key, _, err := resolve(ref, b)
	if err != nil {
		return err
	}
	return decodeRecord(key, b.Get(key), into)
}

// resolve finds the key that is ref, or that ref is the only prefix of,
// among the buckets, and the index of the bucket holding it.
func resolve(ref string, buckets ...*bolt.Bucket) (key []byte, in int, err error) {
	prefix := []byte(normalizeRef(ref))
	if len(prefix) == 0 {
		return nil, 0, fmt.Errorf("empty id: %w", ErrNotFound)
	}
	for i, b := range buckets {
		if b.Get(prefix) != nil {
			return prefix, i, nil
		}
	}
	var matches []string
	for i, b := range buckets {
		c := b.Cursor()
		for k, _ := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix) && len(matches) < 5; k, _ = c.Next() {
			matches = append(matches, string(k))
			key, in = bytes.Clone(k), i
		}
	}
	switch len(matches) {
	case 0:
		return nil, 0, fmt.Errorf("no assessment has id %q: %w", ref, ErrNotFound)
	case 1:
		return key, in, nil
	}
	return nil, 0, &AmbiguousError{Prefix: ref, Matches: matches}
}

// Delete removes a completed assessment or a draft by id or unique prefix
// and returns its full id. A record that cannot be read can be deleted.
func (s *Store) Delete(ref string) (string, error) {
	var id string
	err := s.do(writeTx, func(tx *bolt.Tx) error {
		assessments, drafts := tx.Bucket(bucketAssessments), tx.Bucket(bucketDrafts)
		key, in, err := resolve(ref, assessments, drafts)
		if err != nil {
			return err
		}
		id = string(key)
		if in == 1 {
			return drafts.Delete(key)
		}
		if err := assessments.Delete(key); err != nil {
			return err
		}
		if err := tx.Bucket(bucketSummaries).Delete(key); err != nil {
			return err
		}
		return deleteFromIndex(tx.Bucket(bucketByOrg), key)
	})
	return id, err
}

// deleteFromIndex removes id from the organization index. It looks at
// every entry rather than trusting the record's organization, so that a
// damaged record can be deleted too.
func deleteFromIndex(byOrg *bolt.Bucket, id []byte) error {
	suffix := append([]byte{0}, id...)
	c := byOrg.Cursor()
	for k, _ := c.First(); k != nil; k, _ = c.Next() {
		if bytes.HasSuffix(k, suffix) {
			return c.Delete()
		}
	}
	return nil
}

// ListOptions selects a page of summaries, newest first.
type ListOptions struct {
	// Org keeps the assessments of the organizations whose name (or a name
	// merged into it) contains it, ignoring case and spacing: "acme" finds
	// "Acme Corp".
	Org string
	// Limit is the page size; 0 means all.
	Limit int
	// Before continues a listing after the id of the last item of the
	// previous page.
	Before string
}

// DefaultLimit is a page size for listings shown to a person.
const DefaultLimit = 50

// Page is one page of a listing; Next, when not empty, is the Before of the
// next page.
type Page struct {
	Items []assess.Summary
	Next  string
}

// List returns completed assessments newest first, each under its
// organization's name. Its cost grows with the page and the number of
// organizations, not with the database.
func (s *Store) List(o ListOptions) (Page, error) {
	want := -1 // all
	if o.Limit > 0 {
		want = o.Limit + 1 // one more tells whether there is a next page
	}
	var page Page
	err := s.do(readTx, func(tx *bolt.Tx) error {
		summaries := tx.Bucket(bucketSummaries)
		var ids [][]byte
		if o.Org == "" {
			ids = newestFirst(summaries.Cursor(), nil, o.Before, want)
		} else {
			var err error
			if ids, err = orgsContaining(tx, o.Org, o.Before, want); err != nil {
				return err
			}
		}
		neighbours := summaries.Cursor()
		names := newNamer(tx)
		for i, id := range ids {
			if i == o.Limit && o.Limit > 0 {
				page.Next = page.Items[len(page.Items)-1].ID
				break
			}
			raw := summaries.Get(id)
			if raw == nil {
				continue
			}
			var sum assess.Summary
			if err := decodeSummary(id, raw, &sum); err != nil {
				return err
			}
			sum.Short = shortAmong(neighbours, id)
			if err := names.summary(&sum); err != nil {
				return err
			}
			page.Items = append(page.Items, sum)
		}
		return nil
	})
	return page, err
}

// newestFirst returns up to n ids (all when n < 0), newest first, of the
// keys of c that start with prefix (the rest of each key is the id), below
// before when it is set.
func newestFirst(c *bolt.Cursor, prefix []byte, before string, n int) [][]byte {
	var k []byte
	switch {
	case before != "":
		k = seekBelow(c, append(bytes.Clone(prefix), normalizeRef(before)...))
	case prefix != nil:
		k = seekBelow(c, append(bytes.Clone(prefix), 0xff))
	default:
		k, _ = c.Last()
	}
	var ids [][]byte
	for ; k != nil && bytes.HasPrefix(k, prefix) && len(ids) != n; k, _ = c.Prev() {
		ids = append(ids, bytes.Clone(k[len(prefix):]))
	}
	return ids
}

// orgsContaining returns up to n ids (all when n < 0), newest first, of the
// organizations whose name or an alias contains the normalized part: it
// visits each organization once and takes at most n of each.
func orgsContaining(tx *bolt.Tx, part, before string, n int) ([][]byte, error) {
	needle := bytes.TrimSuffix(orgKey(part), []byte{0})
	var ids [][]byte
	each := tx.Bucket(bucketByOrg).Cursor()
	err := tx.Bucket(bucketOrgs).ForEach(func(k, v []byte) error {
		var o Org
		if err := json.Unmarshal(v, &o); err != nil {
			return &RecordError{ID: string(k), Cause: err}
		}
		for _, name := range append([]string{o.Name}, o.Aliases...) {
			if bytes.Contains(orgKey(name), needle) {
				ids = append(ids, newestFirst(each, orgPrefix(o.ID), before, n)...)
				break
			}
		}
		return nil
	})
	slices.SortFunc(ids, func(a, b []byte) int { return bytes.Compare(b, a) })
	if n >= 0 && len(ids) > n {
		ids = ids[:n]
	}
	return ids, err
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

// GetWithPrevious returns the completed assessment whose id is ref or starts
// with it, and the organization's one before it (nil when none), in one
// look at the database, both under the organization's name.
func (s *Store) GetWithPrevious(ref string) (rec, prev *assess.Assessment, err error) {
	err = s.do(readTx, func(tx *bolt.Tx) error {
		var a assess.Assessment
		if err := getByRef(tx.Bucket(bucketAssessments), ref, &a); err != nil {
			return err
		}
		rec = &a
		if prev, err = previous(tx, rec); err != nil {
			return err
		}
		names := newNamer(tx)
		if prev != nil {
			if err := names.record(prev); err != nil {
				return err
			}
		}
		return names.record(rec)
	})
	if err != nil {
		return nil, nil, err
	}
	return rec, prev, nil
}

// previous is the organization's newest completed assessment before a.
func previous(tx *bolt.Tx, a *assess.Assessment) (*assess.Assessment, error) {
	ids := newestFirst(tx.Bucket(bucketByOrg).Cursor(), orgPrefix(a.OrgID), a.ID, 1)
	if len(ids) == 0 {
		return nil, nil
	}
	var prev assess.Assessment
	if err := decodeRecord(ids[0], tx.Bucket(bucketAssessments).Get(ids[0]), &prev); err != nil {
		return nil, err
	}
	return &prev, nil
}
