package store

import (
	"bytes"
	"crypto/rand"
	"encoding/json"
	"errors"
	"fmt"
	"sort"
	"strings"
	"time"

	bolt "go.etcd.io/bbolt"

	"socialmaturity/assess"
)

// CodeAlphabet is the alphabet of join codes: digits and capital letters
// without 0, O, 1 and I, which are easily mixed up when read aloud.
const CodeAlphabet = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"

// CodeLen is the length of a join code.
const CodeLen = 6

// Workshop is a workshop: a room of participants answering for one
// organization, joined with Code while it is open (not Ended).
type Workshop struct {
	ID        string        `json:"id"`
	Code      string        `json:"code"`
	Org       string        `json:"org"`
	Title     string        `json:"title,omitempty"`
	CreatedAt time.Time     `json:"created_at"`
	State     WorkshopState `json:"state"`
	// Agreed are the answers the team agreed on after discussion.
	Agreed assess.Agreed `json:"agreed,omitempty"`
}

// WorkshopState is what the facilitator controls.
type WorkshopState struct {
	// Paced: participants answer only the key action the facilitator has
	// opened (Open, a key action id; "" before the first).
	Paced bool   `json:"paced"`
	Open  string `json:"open,omitempty"`
	// Revealed: participants see the team result.
	Revealed bool `json:"revealed"`
	Paused   bool `json:"paused"`
	Ended    bool `json:"ended"`
}

// CreateWorkshop stores a new open workshop for org with a join code that
// no other open workshop has.
func (s *Store) CreateWorkshop(org, title string, paced bool) (*Workshop, error) {
	org = strings.TrimSpace(org)
	if org == "" {
		return nil, errors.New("a workshop needs an organization")
	}
	now := s.now()
	w := &Workshop{ID: NewID(now), Org: org, Title: strings.TrimSpace(title), CreatedAt: now, State: WorkshopState{Paced: paced}}
	err := s.do(writeTx, func(tx *bolt.Tx) error {
		codes := tx.Bucket(bucketWorkshopCodes)
		for {
			w.Code = newCode()
			if codes.Get([]byte(w.Code)) == nil {
				break
			}
		}
		if err := codes.Put([]byte(w.Code), []byte(w.ID)); err != nil {
			return err
		}
		return putWorkshop(tx, w)
	})
	if err != nil {
		return nil, err
	}
	return w, nil
}

// newCode makes a random join code (a variable for tests).
var newCode = func() string {
	var b [CodeLen]byte
	_, _ = rand.Read(b[:])
	for i := range b {
		b[i] = CodeAlphabet[int(b[i])%len(CodeAlphabet)]
	}
	return string(b[:])
}

// NormalizeCode is a join code as typed made comparable: capitals, no
// spaces or dashes.
func NormalizeCode(code string) string {
	return strings.Map(func(r rune) rune {
		if r == ' ' || r == '-' || r == '\t' {
			return -1
		}
		return r
	}, strings.ToUpper(code))
}

func putWorkshop(tx *bolt.Tx, w *Workshop) error {
	raw, err := json.Marshal(w)
	if err != nil {
		return err
	}
	return tx.Bucket(bucketWorkshops).Put([]byte(w.ID), raw)
}

func getWorkshop(b *bolt.Bucket, id []byte) (*Workshop, error) {
	raw := b.Get(id)
	if raw == nil {
		return nil, fmt.Errorf("no workshop has id %q: %w", id, ErrNotFound)
	}
	var w Workshop
	if err := json.Unmarshal(raw, &w); err != nil {
		return nil, &RecordError{ID: string(id), Cause: err}
	}
	return &w, nil
}

// Workshop returns the workshop whose id is ref or starts with it.
func (s *Store) Workshop(ref string) (*Workshop, error) {
	var w *Workshop
	err := s.do(readTx, func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketWorkshops)
		key, _, err := resolve(ref, b)
		if errors.Is(err, ErrNotFound) {
			return fmt.Errorf("no workshop has id %q: %w", ref, ErrNotFound)
		}
		if err != nil {
			return err
		}
		w, err = getWorkshop(b, key)
		return err
	})
	return w, err
}

// WorkshopByCode returns the open workshop joined with code (see
// NormalizeCode); ErrNotFound when no open workshop has it.
func (s *Store) WorkshopByCode(code string) (*Workshop, error) {
	var w *Workshop
	err := s.do(readTx, func(tx *bolt.Tx) error {
		id := tx.Bucket(bucketWorkshopCodes).Get([]byte(NormalizeCode(code)))
		if id == nil {
			return fmt.Errorf("no open workshop has code %q: %w", code, ErrNotFound)
		}
		var err error
		w, err = getWorkshop(tx.Bucket(bucketWorkshops), id)
		return err
	})
	return w, err
}

// Workshops returns every workshop, newest first.
func (s *Store) Workshops() ([]*Workshop, error) {
	var ws []*Workshop
	err := s.do(readTx, func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketWorkshops)
		c := b.Cursor()
		for k, _ := c.Last(); k != nil; k, _ = c.Prev() {
			w, err := getWorkshop(b, k)
			if err != nil {
				return err
			}
			ws = append(ws, w)
		}
		return nil
	})
	return ws, err
}

// UpdateWorkshop changes the workshop with id through fn, in one
// transaction: nothing is stored when fn fails. Its id, code and creation
// time cannot change; once it has ended its code is free for another.
func (s *Store) UpdateWorkshop(id string, fn func(*Workshop) error) error {
	return s.do(writeTx, func(tx *bolt.Tx) error {
		w, err := getWorkshop(tx.Bucket(bucketWorkshops), []byte(id))
		if err != nil {
			return err
		}
		was := *w
		if err := fn(w); err != nil {
			return err
		}
		w.ID, w.Code, w.CreatedAt = was.ID, was.Code, was.CreatedAt
		if w.State.Ended && !was.State.Ended {
			codes := tx.Bucket(bucketWorkshopCodes)
			if bytes.Equal(codes.Get([]byte(w.Code)), []byte(w.ID)) {
				if err := codes.Delete([]byte(w.Code)); err != nil {
					return err
				}
			}
		}
		return putWorkshop(tx, w)
	})
}

// indexWorkshop records that assessment a (a draft or completed) belongs
// to its workshop, if it has one. Since schema 2.
func indexWorkshop(tx *bolt.Tx, a *assess.Assessment) error {
	if a.Workshop == "" {
		return nil
	}
	return tx.Bucket(bucketByWorkshop).Put(workshopKey(a.Workshop, a.ID), nil)
}

// workshopKey is the by_workshop key of assessment id in workshop: the
// workshop id, a zero byte, the assessment id.
func workshopKey(workshop, id string) []byte {
	return append(append([]byte(workshop), 0), id...)
}

// WorkshopMembers returns each participant's latest assessment in the
// workshop with id, draft or completed, oldest first. Participants are
// told apart by name (case and spacing ignored); each unnamed assessment
// is a participant of its own.
func (s *Store) WorkshopMembers(id string) ([]*assess.Assessment, error) {
	var all []*assess.Assessment
	err := s.do(readTx, func(tx *bolt.Tx) (err error) {
		if tx.Bucket(bucketWorkshops).Get([]byte(id)) == nil {
			return fmt.Errorf("no workshop has id %q: %w", id, ErrNotFound)
		}
		all, err = workshopAssessments(tx, id)
		return err
	})
	if err != nil {
		return nil, err
	}
	latest := map[string]*assess.Assessment{}
	var out []*assess.Assessment
	for _, a := range all {
		name := nameKey(a.Respondent)
		if name == "" {
			out = append(out, a)
			continue
		}
		if was, ok := latest[name]; !ok || a.UpdatedAt.After(was.UpdatedAt) {
			latest[name] = a
		}
	}
	for _, a := range latest {
		out = append(out, a)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out, nil
}

// MemberDraft returns the draft of the participant called name in the
// workshop with id (the latest, if several), for resuming after a
// reconnect; ErrNotFound when there is none.
func (s *Store) MemberDraft(id, name string) (*assess.Assessment, error) {
	var found *assess.Assessment
	err := s.do(readTx, func(tx *bolt.Tx) error {
		all, err := workshopAssessments(tx, id)
		if err != nil {
			return err
		}
		for _, a := range all {
			if a.CompletedAt == nil && nameKey(a.Respondent) == nameKey(name) &&
				(found == nil || a.UpdatedAt.After(found.UpdatedAt)) {
				found = a
			}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	if found == nil || nameKey(name) == "" {
		return nil, fmt.Errorf("no draft of %q in workshop %s: %w", name, id, ErrNotFound)
	}
	return found, nil
}

func nameKey(name string) string { return strings.ToLower(strings.Join(strings.Fields(name), " ")) }

// workshopAssessments are the completed assessments and drafts indexed
// under the workshop, in id order; index entries whose record was deleted
// are skipped.
func workshopAssessments(tx *bolt.Tx, workshop string) ([]*assess.Assessment, error) {
	prefix := workshopKey(workshop, "")
	assessments, drafts := tx.Bucket(bucketAssessments), tx.Bucket(bucketDrafts)
	var out []*assess.Assessment
	c := tx.Bucket(bucketByWorkshop).Cursor()
	for k, _ := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, _ = c.Next() {
		id := k[len(prefix):]
		raw := assessments.Get(id)
		if raw == nil {
			raw = drafts.Get(id)
		}
		if raw == nil {
			continue
		}
		var a assess.Assessment
		if err := decodeRecord(id, raw, &a); err != nil {
			return nil, err
		}
		out = append(out, &a)
	}
	return out, nil
}

// putDraft stores draft d and indexes it under its workshop.
func putDraft(tx *bolt.Tx, d *assess.Assessment) error {
	if err := putRecord(tx.Bucket(bucketDrafts), d.ID, d); err != nil {
		return err
	}
	return indexWorkshop(tx, d)
}

// putCompleted stores completed assessment a and indexes it under its
// workshop.
func putCompleted(tx *bolt.Tx, a *assess.Assessment) error {
	if err := putAssessment(tx, a); err != nil {
		return err
	}
	return indexWorkshop(tx, a)
}
