package store

import (
	"bytes"
	"encoding/json"
	"fmt"
	"slices"
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
	err := s.do(readTx, func(tx *bolt.Tx) error {
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
	// Org keeps the assessments of the organizations whose name contains
	// it, ignoring case and spacing: "acme" finds "Acme Corp".
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

// List returns completed assessments newest first, each organization with
// the spelling it was first stored with (that of its oldest assessment).
// Its cost grows with the page and the number of organizations, not with
// the database.
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
			ids = orgsContaining(tx.Bucket(bucketByOrg), o.Org, o.Before, want)
		}
		neighbours := summaries.Cursor()
		spell := newSpeller(tx.Bucket(bucketByOrg), summaries)
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
			if err := spell.apply(&sum); err != nil {
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
// organizations whose index key contains the normalized part: it visits
// each organization once and takes at most n of each.
func orgsContaining(byOrg *bolt.Bucket, part, before string, n int) [][]byte {
	needle := bytes.TrimSuffix(orgKey(part), []byte{0})
	var ids [][]byte
	c, each := byOrg.Cursor(), byOrg.Cursor()
	for k, _ := c.First(); k != nil; {
		end := bytes.IndexByte(k, 0)
		org := bytes.Clone(k[:end+1])
		if bytes.Contains(org[:end], needle) {
			ids = append(ids, newestFirst(each, org, before, n)...)
		}
		org[end] = 1 // the first key after this organization's
		k, _ = c.Seek(org)
	}
	slices.SortFunc(ids, func(a, b []byte) int { return bytes.Compare(b, a) })
	if n >= 0 && len(ids) > n {
		ids = ids[:n]
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

// GetWithPrevious returns the completed assessment whose id is ref or starts
// with it, and the organization's one before it (nil when none), in one
// look at the database.
func (s *Store) GetWithPrevious(ref string) (rec, prev *assess.Assessment, err error) {
	err = s.do(readTx, func(tx *bolt.Tx) error {
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

// previous is the organization's newest completed assessment before a.
func previous(tx *bolt.Tx, a *assess.Assessment) (*assess.Assessment, error) {
	ids := newestFirst(tx.Bucket(bucketByOrg).Cursor(), orgKey(a.Org), a.ID, 1)
	if len(ids) == 0 {
		return nil, nil
	}
	var prev assess.Assessment
	if err := decodeRecord(ids[0], tx.Bucket(bucketAssessments).Get(ids[0]), &prev); err != nil {
		return nil, err
	}
	return &prev, nil
}
