package store

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"math"
	"slices"
	"strings"
	"time"

	bolt "go.etcd.io/bbolt"

	"socialmaturity/assess"
)

// Org is an organization: a stable id, its name and its targets. Its
// assessments and drafts carry its id.
type Org struct {
	ID        string    `json:"id"`
	Name      string    `json:"name"`
	CreatedAt time.Time `json:"created_at"`
	// Aliases are the names of the organizations merged into it: typed
	// again, they name it.
	Aliases []string         `json:"aliases,omitempty"`
	Targets assess.TargetSet `json:"targets"`
}

// OrgInfo is an organization with how many completed assessments it has
// and the latest one's summary (nil when it has none yet).
type OrgInfo struct {
	Org
	Assessments int
	Latest      *assess.Summary
}

// ErrNoOrgName is returned for an organization name that is empty.
var ErrNoOrgName = errors.New("an organization needs a name")

// ErrSameOrg is returned for merging an organization into itself.
var ErrSameOrg = errors.New("both names are the same organization")

// OrgExistsError reports a rename to a name another organization has.
type OrgExistsError struct{ Name string }

func (e *OrgExistsError) Error() string {
	return fmt.Sprintf("another organization is already named %q", e.Name)
}

// TargetError reports a target outside 0..100.
type TargetError struct {
	Of    string // "overall", a pillar or a key action id
	Value float64
}

func (e *TargetError) Error() string {
	return fmt.Sprintf("target %v for %s is outside 0 to 100", e.Value, e.Of)
}

// orgName is a name as it is kept: trimmed, each run of spaces one space.
func orgName(name string) string { return strings.Join(strings.Fields(name), " ") }

// orgKey is the org_names key of an organization name: case and spacing do
// not matter. It is never empty.
func orgKey(name string) []byte {
	return []byte(strings.ToLower(orgName(name)) + "\x00")
}

// orgPrefix is the by_org prefix of the assessments of the organization
// with id.
func orgPrefix(id string) []byte { return append([]byte(id), 0) }

func getOrg(tx *bolt.Tx, id []byte) (*Org, error) {
	raw := tx.Bucket(bucketOrgs).Get(id)
	if raw == nil {
		return nil, fmt.Errorf("no organization has id %q: %w", id, ErrNotFound)
	}
	var o Org
	if err := json.Unmarshal(raw, &o); err != nil {
		return nil, &RecordError{ID: string(id), Cause: err}
	}
	return &o, nil
}

func putOrg(tx *bolt.Tx, o *Org) error {
	raw, err := json.Marshal(o)
	if err != nil {
		return err
	}
	return tx.Bucket(bucketOrgs).Put([]byte(o.ID), raw)
}

// findOrg is the organization named name (or an alias of it), case and
// spacing ignored.
func findOrg(tx *bolt.Tx, name string) (*Org, error) {
	id := tx.Bucket(bucketOrgNames).Get(orgKey(name))
	if id == nil {
		return nil, fmt.Errorf("no organization is named %q: %w", orgName(name), ErrNotFound)
	}
	return getOrg(tx, id)
}

// ensureOrg is the organization named name, created at now when there is
// none.
func ensureOrg(tx *bolt.Tx, name string, now time.Time) (*Org, error) {
	o, err := findOrg(tx, name)
	if !errors.Is(err, ErrNotFound) {
		return o, err
	}
	o = &Org{ID: NewID(now), Name: orgName(name), CreatedAt: now}
	if err := tx.Bucket(bucketOrgNames).Put(orgKey(name), []byte(o.ID)); err != nil {
		return nil, err
	}
	return o, putOrg(tx, o)
}

// belong gives a its organization: the stored one of its OrgID, else the
// one its name names, created at now when new.
func belong(tx *bolt.Tx, a *assess.Assessment, now time.Time) error {
	if a.OrgID != "" && tx.Bucket(bucketOrgs).Get([]byte(a.OrgID)) != nil {
		return nil
	}
	o, err := ensureOrg(tx, a.Org, now)
	if err != nil {
		return err
	}
	a.OrgID = o.ID
	return nil
}

// Org returns the organization named name, or one merged into it (case and
// spacing ignored); ErrNotFound when there is none.
func (s *Store) Org(name string) (*Org, error) {
	var o *Org
	err := s.do(readTx, func(tx *bolt.Tx) (err error) {
		o, err = findOrg(tx, name)
		return err
	})
	return o, err
}

// Orgs returns every organization, by name (case ignored), each with its
// number of completed assessments and its latest. Its cost grows with the
// number of assessments' index entries, not their records.
func (s *Store) Orgs() ([]OrgInfo, error) {
	var out []OrgInfo
	err := s.do(readTx, func(tx *bolt.Tx) error {
		summaries, byOrg := tx.Bucket(bucketSummaries), tx.Bucket(bucketByOrg).Cursor()
		return tx.Bucket(bucketOrgs).ForEach(func(k, v []byte) error {
			var info OrgInfo
			if err := json.Unmarshal(v, &info.Org); err != nil {
				return &RecordError{ID: string(k), Cause: err}
			}
			prefix := orgPrefix(info.ID)
			var last []byte
			for ik, _ := byOrg.Seek(prefix); ik != nil && bytes.HasPrefix(ik, prefix); ik, _ = byOrg.Next() {
				info.Assessments++
				last = ik[len(prefix):]
			}
			if last != nil {
				if raw := summaries.Get(last); raw != nil {
					var sum assess.Summary
					if err := decodeSummary(last, raw, &sum); err != nil {
						return err
					}
					sum.Org = info.Name
					sum.Short = shortAmong(summaries.Cursor(), last)
					info.Latest = &sum
				}
			}
			out = append(out, info)
			return nil
		})
	})
	slices.SortFunc(out, func(a, b OrgInfo) int {
		return cmpFold(a.Name, b.Name)
	})
	return out, err
}

// cmpFold orders names ignoring case, then as written.
func cmpFold(a, b string) int {
	if c := strings.Compare(strings.ToLower(a), strings.ToLower(b)); c != 0 {
		return c
	}
	return strings.Compare(a, b)
}

// RenameOrg gives the organization named old (case and spacing ignored)
// the name new; old then names nothing. A name that another organization
// has is refused with an *OrgExistsError (merge them instead).
func (s *Store) RenameOrg(old, new string) error {
	name := orgName(new)
	if name == "" {
		return ErrNoOrgName
	}
	return s.do(writeTx, func(tx *bolt.Tx) error {
		o, err := findOrg(tx, old)
		if err != nil {
			return err
		}
		names, key := tx.Bucket(bucketOrgNames), orgKey(name)
		if id := names.Get(key); id != nil && string(id) != o.ID {
			return &OrgExistsError{Name: name}
		}
		if err := names.Delete(orgKey(o.Name)); err != nil {
			return err
		}
		o.Aliases = slices.DeleteFunc(o.Aliases, func(a string) bool { return bytes.Equal(orgKey(a), key) })
		o.Name = name
		if err := names.Put(key, []byte(o.ID)); err != nil {
			return err
		}
		return putOrg(tx, o)
	})
}

// MergeOrgs makes the organization named from part of the one named into:
// from's completed assessments and drafts join into's history, its targets
// fill those into lacks, and its names become aliases of into, so that
// typing them again names into. Nothing else changes; merging an
// organization into itself is ErrSameOrg.
func (s *Store) MergeOrgs(from, into string) error {
	now := s.now()
	return s.do(writeTx, func(tx *bolt.Tx) error {
		f, err := findOrg(tx, from)
		if err != nil {
			return err
		}
		t, err := findOrg(tx, into)
		if err != nil {
			return err
		}
		if f.ID == t.ID {
			return ErrSameOrg
		}
		if err := moveHistory(tx, f.ID, t.ID, now); err != nil {
			return err
		}
		names := tx.Bucket(bucketOrgNames)
		for _, name := range append([]string{f.Name}, f.Aliases...) {
			if err := names.Put(orgKey(name), []byte(t.ID)); err != nil {
				return err
			}
			t.Aliases = append(t.Aliases, name)
		}
		t.Targets = fillTargets(t.Targets, f.Targets)
		if f.CreatedAt.Before(t.CreatedAt) {
			t.CreatedAt = f.CreatedAt
		}
		if err := tx.Bucket(bucketOrgs).Delete([]byte(f.ID)); err != nil {
			return err
		}
		return putOrg(tx, t)
	})
}

// moveHistory gives the completed assessments and drafts of organization
// from to organization into. A record that cannot be read moves in the
// index and stays as it is, for Check to name.
func moveHistory(tx *bolt.Tx, from, into string, now time.Time) error {
	byOrg, assessments, summaries := tx.Bucket(bucketByOrg), tx.Bucket(bucketAssessments), tx.Bucket(bucketSummaries)
	prefix := orgPrefix(from)
	var ids [][]byte
	c := byOrg.Cursor()
	for k, _ := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, _ = c.Next() {
		ids = append(ids, bytes.Clone(k[len(prefix):]))
	}
	for _, id := range ids {
		if err := byOrg.Delete(append(bytes.Clone(prefix), id...)); err != nil {
			return err
		}
		if err := byOrg.Put(append(orgPrefix(into), id...), nil); err != nil {
			return err
		}
		var a assess.Assessment
		if decodeRecord(id, assessments.Get(id), &a) != nil {
			continue
		}
		a.OrgID = into
		if err := putRecord(assessments, string(id), &a); err != nil {
			return err
		}
		if err := putSummary(summaries, &a); err != nil {
			return err
		}
	}
	drafts := tx.Bucket(bucketDrafts)
	var moved []*assess.Assessment
	if err := drafts.ForEach(func(k, v []byte) error {
		var d assess.Assessment
		if decodeRecord(k, v, &d) == nil && d.OrgID == from {
			d.OrgID = into
			moved = append(moved, &d)
		}
		return nil
	}); err != nil {
		return err
	}
	for _, d := range moved {
		if err := putRecord(drafts, d.ID, d); err != nil {
			return err
		}
	}
	return nil
}

// fillTargets is have with the targets of other it lacks.
func fillTargets(have, other assess.TargetSet) assess.TargetSet {
	if have.Overall == nil {
		have.Overall = other.Overall
	}
	have.Pillars = fillMap(have.Pillars, other.Pillars)
	have.KeyActions = fillMap(have.KeyActions, other.KeyActions)
	return have
}

func fillMap(have, other map[string]float64) map[string]float64 {
	for k, v := range other {
		if _, ok := have[k]; !ok {
			if have == nil {
				have = map[string]float64{}
			}
			have[k] = v
		}
	}
	return have
}

// SetTarget merges t into the targets of the organization named org: each
// target t sets replaces the stored one, the others stay. Each must be
// from 0 to 100 (*TargetError); which pillars and key actions exist is the
// caller's to check.
func (s *Store) SetTarget(org string, t assess.TargetSet) error {
	if err := checkTargets(t); err != nil {
		return err
	}
	return s.updateOrg(org, func(o *Org) error {
		if t.Overall != nil {
			v := *t.Overall
			o.Targets.Overall = &v
		}
		o.Targets.Pillars = mergeMap(o.Targets.Pillars, t.Pillars)
		o.Targets.KeyActions = mergeMap(o.Targets.KeyActions, t.KeyActions)
		return nil
	})
}

func checkTargets(t assess.TargetSet) error {
	check := func(of string, v float64) error {
		if math.IsNaN(v) || v < 0 || v > 100 {
			return &TargetError{Of: of, Value: v}
		}
		return nil
	}
	if t.Overall != nil {
		if err := check(assess.OverallID, *t.Overall); err != nil {
			return err
		}
	}
	for _, m := range []map[string]float64{t.Pillars, t.KeyActions} {
		for _, id := range slices.Sorted(maps.Keys(m)) {
			if err := check(id, m[id]); err != nil {
				return err
			}
		}
	}
	return nil
}

func mergeMap(have, set map[string]float64) map[string]float64 {
	if len(set) == 0 {
		return have
	}
	if have == nil {
		have = map[string]float64{}
	}
	maps.Copy(have, set)
	return have
}

// TargetKind is what ClearTarget clears.
type TargetKind int

// The kinds of TargetScope.
const (
	TargetsAll TargetKind = iota
	TargetOverall
	TargetPillar
	TargetKeyAction
)

// TargetScope names the targets ClearTarget clears: all, the overall one,
// or one pillar's or key action's (ID).
type TargetScope struct {
	Kind TargetKind
	ID   string
}

// ErrNoTarget is returned for clearing a target that is not set.
var ErrNoTarget = errors.New("no such target is set")

// ClearTarget removes targets of the organization named org; a single
// target that is not set is ErrNoTarget (clearing all never is).
func (s *Store) ClearTarget(org string, scope TargetScope) error {
	return s.updateOrg(org, func(o *Org) error {
		t := &o.Targets
		switch scope.Kind {
		case TargetsAll:
			*t = assess.TargetSet{}
			return nil
		case TargetOverall:
			if t.Overall == nil {
				return ErrNoTarget
			}
			t.Overall = nil
			return nil
		}
		m := t.Pillars
		if scope.Kind == TargetKeyAction {
			m = t.KeyActions
		}
		if _, ok := m[scope.ID]; !ok {
			return fmt.Errorf("%s: %w", scope.ID, ErrNoTarget)
		}
		delete(m, scope.ID)
		return nil
	})
}

// updateOrg changes the organization named org with fn, in one
// transaction; nothing is stored when fn fails.
func (s *Store) updateOrg(org string, fn func(*Org) error) error {
	return s.do(writeTx, func(tx *bolt.Tx) error {
		o, err := findOrg(tx, org)
		if err != nil {
			return err
		}
		if err := fn(o); err != nil {
			return err
		}
		return putOrg(tx, o)
	})
}

// History returns the summaries of the completed assessments of the
// organization named org (or one merged into it), oldest first, each under
// the organization's name.
func (s *Store) History(org string) ([]assess.Summary, error) {
	var out []assess.Summary
	err := s.do(readTx, func(tx *bolt.Tx) error {
		o, err := findOrg(tx, org)
		if err != nil {
			return err
		}
		out, err = history(tx, o)
		return err
	})
	return out, err
}

// history is the summaries of o's completed assessments, oldest first.
func history(tx *bolt.Tx, o *Org) ([]assess.Summary, error) {
	var out []assess.Summary
	summaries := tx.Bucket(bucketSummaries)
	prefix := orgPrefix(o.ID)
	c := tx.Bucket(bucketByOrg).Cursor()
	for k, _ := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, _ = c.Next() {
		id := k[len(prefix):]
		raw := summaries.Get(id)
		if raw == nil {
			continue
		}
		var sum assess.Summary
		if err := decodeSummary(id, raw, &sum); err != nil {
			return nil, err
		}
		sum.Org = o.Name
		sum.Short = shortAmong(summaries.Cursor(), id)
		out = append(out, sum)
	}
	return out, nil
}

// ContextOf is what results and reports show around an assessment of the
// organization named org, read in one transaction: the organization (nil
// when it has no record), its targets and history, and the portfolio.
func (s *Store) ContextOf(org string) (*Org, assess.Context, error) {
	var (
		o *Org
		c assess.Context
	)
	err := s.do(readTx, func(tx *bolt.Tx) (err error) {
		switch o, err = findOrg(tx, org); {
		case errors.Is(err, ErrNotFound):
			o = nil
		case err != nil:
			return err
		default:
			c.Targets = &o.Targets
			if c.History, err = history(tx, o); err != nil {
				return err
			}
		}
		c.Portfolio, err = portfolio(tx)
		return err
	})
	return o, c, err
}
