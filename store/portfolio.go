package store

import (
	"bytes"
	"encoding/json"

	bolt "go.etcd.io/bbolt"

	"socialmaturity/assess"
)

// Portfolio returns the latest completed assessment of every organization
// and every imported cohort row (marked Imported), scores only. Its cost
// grows with the number of organizations and cohort rows, not with the
// database: one summary per organization.
func (s *Store) Portfolio() ([]assess.PortfolioEntry, error) {
	var out []assess.PortfolioEntry
	err := s.do(readTx, func(tx *bolt.Tx) (err error) {
		out, err = portfolio(tx)
		return err
	})
	return out, err
}

// portfolio is Portfolio inside a transaction.
func portfolio(tx *bolt.Tx) ([]assess.PortfolioEntry, error) {
	var out []assess.PortfolioEntry
	summaries := tx.Bucket(bucketSummaries)
	c, each := tx.Bucket(bucketByOrg).Cursor(), tx.Bucket(bucketByOrg).Cursor()
	for k, _ := c.First(); k != nil; {
		end := bytes.IndexByte(k, 0)
		org := bytes.Clone(k[:end+1])
		for _, id := range newestFirst(each, org, "", 1) {
			var sum assess.Summary
			if raw := summaries.Get(id); raw != nil {
				if err := decodeSummary(id, raw, &sum); err != nil {
					return nil, err
				}
				out = append(out, assess.PortfolioEntry{OrgID: string(org[:end]), Overall: sum.Overall, Pillars: sum.Pillars})
			}
		}
		org[end] = 1 // the first key after this organization's
		k, _ = c.Seek(org)
	}
	err := tx.Bucket(bucketCohort).ForEach(func(k, v []byte) error {
		var e assess.PortfolioEntry
		if err := decodeSummary(k, v, &e); err != nil {
			return err
		}
		e.OrgID, e.Imported = "", true
		out = append(out, e)
		return nil
	})
	return out, err
}

// ImportCohort adds rows, an anonymized cohort brought from elsewhere, to
// the portfolio, all in one transaction; they come back from Portfolio
// marked Imported. Which pillars they name and whether their scores are in
// range is the caller's to check.
func (s *Store) ImportCohort(rows []assess.PortfolioEntry) error {
	now := s.now()
	return s.do(writeTx, func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketCohort)
		b.FillPercent = appendFill
		for _, r := range rows {
			r.OrgID, r.Imported = "", true
			raw, err := json.Marshal(r)
			if err != nil {
				return err
			}
			if err := b.Put([]byte(NewID(now)), raw); err != nil {
				return err
			}
		}
		return nil
	})
}

// ClearCohort removes every imported cohort row and returns how many there
// were.
func (s *Store) ClearCohort() (int, error) {
	var n int
	err := s.do(writeTx, func(tx *bolt.Tx) error {
		n = tx.Bucket(bucketCohort).Stats().KeyN
		if err := tx.DeleteBucket(bucketCohort); err != nil {
			return err
		}
		_, err := tx.CreateBucket(bucketCohort)
		return err
	})
	return n, err
}
