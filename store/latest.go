package store

import (
	"bytes"
	"slices"
	"strings"

	bolt "go.etcd.io/bbolt"

	"socialmaturity/assess"
)

// OrgLatest is an organization's latest completed assessment with the one
// before it (nil when it has only one), for a start screen.
type OrgLatest struct {
	Latest   assess.Summary
	Previous *assess.Summary
}

// Latest returns the latest completed assessment of each organization with
// the one before it, newest first. Each summary's Org is the spelling the
// organization was first stored with (see List). Its cost grows with the
// number of organizations, not with the database: it reads two summaries
// (three for a spelling) per organization through the organization index.
func (s *Store) Latest() ([]OrgLatest, error) {
	var out []OrgLatest
	err := s.do(readTx, func(tx *bolt.Tx) error {
		summaries, byOrg := tx.Bucket(bucketSummaries), tx.Bucket(bucketByOrg)
		spell := newSpeller(byOrg, summaries)
		c, each := byOrg.Cursor(), byOrg.Cursor()
		for k, _ := c.First(); k != nil; {
			end := bytes.IndexByte(k, 0)
			org := bytes.Clone(k[:end+1])
			ids := newestFirst(each, org, "", 2)
			sums := make([]assess.Summary, 0, len(ids))
			for _, id := range ids {
				raw := summaries.Get(id)
				if raw == nil {
					continue
				}
				var sum assess.Summary
				if err := decodeSummary(id, raw, &sum); err != nil {
					return err
				}
				sum.Short = shortAmong(summaries.Cursor(), id)
				if err := spell.apply(&sum); err != nil {
					return err
				}
				sums = append(sums, sum)
			}
			if len(sums) > 0 {
				l := OrgLatest{Latest: sums[0]}
				if len(sums) > 1 {
					l.Previous = &sums[1]
				}
				out = append(out, l)
			}
			org[end] = 1 // the first key after this organization's
			k, _ = c.Seek(org)
		}
		return nil
	})
	// Ids sort by completion time.
	slices.SortFunc(out, func(a, b OrgLatest) int { return strings.Compare(b.Latest.ID, a.Latest.ID) })
	return out, err
}

// speller finds the spelling an organization was first stored with: the
// organization of its oldest stored assessment. Issue 14: "acme " imported
// after "Acme" is listed as Acme.
type speller struct {
	byOrg, summaries *bolt.Bucket
	known            map[string]string
}

func newSpeller(byOrg, summaries *bolt.Bucket) *speller {
	return &speller{byOrg: byOrg, summaries: summaries, known: map[string]string{}}
}

// apply gives sum the spelling its organization was first stored with.
func (sp *speller) apply(sum *assess.Summary) error {
	key := orgKey(sum.Org)
	name, ok := sp.known[string(key)]
	if !ok {
		name = sum.Org
		if k, _ := sp.byOrg.Cursor().Seek(key); k != nil && bytes.HasPrefix(k, key) {
			id := k[len(key):]
			var first struct {
				Org string `json:"org"`
			}
			if raw := sp.summaries.Get(id); raw != nil {
				if err := decodeSummary(id, raw, &first); err != nil {
					return err
				}
				name = first.Org
			}
		}
		sp.known[string(key)] = name
	}
	sum.Org = name
	return nil
}
