package store

import (
	"bytes"
	"encoding/json"
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
// the one before it, newest first, under the organization's name. Its cost
// grows with the number of organizations, not with the database: it reads
// two summaries and the organization per organization.
func (s *Store) Latest() ([]OrgLatest, error) {
	var out []OrgLatest
	err := s.do(readTx, func(tx *bolt.Tx) error {
		summaries, byOrg := tx.Bucket(bucketSummaries), tx.Bucket(bucketByOrg)
		names := newNamer(tx)
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
				if err := names.summary(&sum); err != nil {
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

// namer gives summaries and records their organization's name, which a
// rename or merge may have changed since they were stored.
type namer struct {
	orgs  *bolt.Bucket
	known map[string]string
}

func newNamer(tx *bolt.Tx) *namer {
	return &namer{orgs: tx.Bucket(bucketOrgs), known: map[string]string{}}
}

// name is the name of the organization with id, or fallback when there is
// no such organization.
func (n *namer) name(id, fallback string) (string, error) {
	if name, ok := n.known[id]; ok {
		return name, nil
	}
	raw := n.orgs.Get([]byte(id))
	if id == "" || raw == nil {
		return fallback, nil
	}
	var o struct {
		Name string `json:"name"`
	}
	if err := json.Unmarshal(raw, &o); err != nil {
		return "", &RecordError{ID: id, Cause: err}
	}
	n.known[id] = o.Name
	return o.Name, nil
}

func (n *namer) summary(sum *assess.Summary) (err error) {
	sum.Org, err = n.name(sum.OrgID, sum.Org)
	return err
}

func (n *namer) record(a *assess.Assessment) (err error) {
	a.Org, err = n.name(a.OrgID, a.Org)
	return err
}
