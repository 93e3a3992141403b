package workshop

import (
	"crypto/rand"
	"errors"
	"maps"
	"sort"
	"strings"
	"sync"
	"time"

	"socialmaturity/assess"
	"socialmaturity/messages"
	"socialmaturity/questions"
	"socialmaturity/store"
	"socialmaturity/tui"
)

// Room is a served workshop's live state: who has joined, each one's
// latest answers (as stored), and what the facilitator decided. It tells
// every seated session of each decision without ever waiting for one.
type Room struct {
	db   *db
	bank *questions.Bank
	cat  *messages.Catalog
	now  func() time.Time
	log  func(string)

	mu      sync.Mutex
	ws      store.Workshop
	members map[string]*member // by name key
	closing bool
	version int // counts changes of answers, for the team result
	team    *assess.TeamResult
	teamAt  int // the version team was computed at
	sentAt  int // the version last sent to the room
}

// member is one participant: their latest assessment and, while
// connected, their session.
type member struct {
	name   string
	latest *assess.Assessment
	seat   *seat
}

// seat is a connected session.
type seat struct {
	key      string
	name     string
	updates  chan tui.RoomState // holds at most the latest state
	replaced bool
	gone     chan struct{} // closed once the session has stored its answers
}

// ErrEnded refuses joining a workshop that has ended.
var ErrEnded = errors.New("workshop ended")

func newRoom(d *db, b *questions.Bank, cat *messages.Catalog, now func() time.Time, log func(string), ws *store.Workshop, members []*assess.Assessment) *Room {
	r := &Room{db: d, bank: b, cat: cat, now: now, log: log, ws: *ws, members: map[string]*member{}}
	for _, a := range members {
		k := nameKey(a.Respondent)
		if k == "" {
			continue // an anonymous participant cannot come back
		}
		r.members[k] = &member{name: a.Respondent, latest: a}
	}
	r.version = 1
	return r
}

func nameKey(name string) string { return strings.ToLower(strings.Join(strings.Fields(name), " ")) }

// join seats the participant called name, or a new anonymous one for "".
// The same name seated elsewhere is replaced, once that session has
// stored what it had on screen.
func (r *Room) join(name string) (*tui.Seat, *seat, error) {
	r.mu.Lock()
	if r.ws.State.Ended || r.closing {
		r.mu.Unlock()
		return nil, nil, errors.New(r.cat.T(messages.WSErrEnded))
	}
	if name == "" {
		for name == "" || r.members[nameKey(name)] != nil {
			name = r.cat.T(messages.WSJoinAnonymous, randomTag())
		}
	}
	k := nameKey(name)
	m := r.members[k]
	if m != nil && m.seat != nil {
		old := m.seat
		old.replaced = true
		offer(old.updates, r.stateLocked(old))
		r.mu.Unlock()
		select {
		case <-old.gone:
		case <-time.After(10 * time.Second):
		}
		r.mu.Lock()
	}
	if m == nil {
		now := r.now()
		m = &member{name: name, latest: &assess.Assessment{
			ID: store.NewID(now), Workshop: r.ws.ID, Bank: assess.RefOf(r.bank), StartedAt: now,
			Submission: assess.Submission{Org: r.ws.Org, Respondent: name, Answers: assess.Answers{}},
		}}
		r.members[k] = m
	}
	s := &seat{key: k, name: m.name, updates: make(chan tui.RoomState, 1), gone: make(chan struct{})}
	m.seat = s
	offer(s.updates, r.stateLocked(s))
	draft := clone(m.latest)
	r.version++
	r.mu.Unlock()
	return &tui.Seat{Name: m.name, Draft: draft, Store: &memberStore{room: r, key: k}, Updates: s.updates}, s, nil
}

// leave unseats a session after it has stored its answers.
func (r *Room) leave(s *seat) {
	r.mu.Lock()
	if m := r.members[s.key]; m != nil && m.seat == s {
		m.seat = nil
	}
	r.version++
	r.mu.Unlock()
	close(s.gone)
}

// randomTag is four characters of a join code's alphabet.
func randomTag() string {
	var b [4]byte
	_, _ = rand.Read(b[:])
	for i := range b {
		b[i] = store.CodeAlphabet[int(b[i])%len(store.CodeAlphabet)]
	}
	return string(b[:])
}

func clone(a *assess.Assessment) *assess.Assessment {
	c := *a
	c.Answers = maps.Clone(a.Answers)
	c.Notes = maps.Clone(a.Notes)
	if c.Answers == nil {
		c.Answers = assess.Answers{}
	}
	return &c
}

// offer puts s in ch, replacing what is there: it never waits, so a
// session that does not read cannot hold up the room.
func offer(ch chan tui.RoomState, s tui.RoomState) {
	for {
		select {
		case ch <- s:
			return
		default:
		}
		select {
		case <-ch:
		default:
		}
	}
}

// stateLocked is what session s is told now.
func (r *Room) stateLocked(s *seat) tui.RoomState {
	st := r.ws.State
	rs := tui.RoomState{Paused: st.Paused, Paced: st.Paced, Open: st.Open, Revealed: st.Revealed, Ended: st.Ended, Closing: r.closing, Replaced: s.replaced}
	if st.Revealed {
		rs.Team = r.teamLocked()
	}
	return rs
}

// publishLocked tells every seated session the room's state.
func (r *Room) publishLocked() {
	for _, m := range r.members {
		if m.seat != nil {
			offer(m.seat.updates, r.stateLocked(m.seat))
		}
	}
	r.sentAt = r.version
}

// refresh sends the team result again when it is shown and answers have
// changed since it was last sent; the server calls it a few times a
// second, so a burst of answers costs one computation.
func (r *Room) refresh() {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.ws.State.Revealed && r.sentAt != r.version {
		r.publishLocked()
	}
}

// teamLocked is the team result of the answers stored so far.
func (r *Room) teamLocked() *assess.TeamResult {
	if r.team == nil || r.teamAt != r.version {
		ms := make([]assess.Member, 0, len(r.members))
		for _, k := range r.sortedKeysLocked() {
			a := r.members[k].latest
			ms = append(ms, assess.Member{Name: a.Respondent, Role: a.Role, Answers: a.Answers, Completed: a.CompletedAt != nil})
		}
		t := assess.Team(r.bank, ms, r.ws.Agreed)
		r.team, r.teamAt = &t, r.version
	}
	return r.team
}

func (r *Room) sortedKeysLocked() []string {
	keys := make([]string, 0, len(r.members))
	for k := range r.members {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// stored records a member's assessment as now stored.
func (r *Room) stored(k string, a *assess.Assessment) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if m := r.members[k]; m != nil {
		m.latest = clone(a)
		r.version++
	}
}

// Workshop is the workshop's record as the room knows it.
func (r *Room) Workshop() store.Workshop {
	r.mu.Lock()
	defer r.mu.Unlock()
	w := r.ws
	w.Agreed = maps.Clone(r.ws.Agreed)
	return w
}

// Change applies a facilitator's decision: stored first, then told to the
// room.
func (r *Room) Change(fn func(*store.Workshop)) error {
	r.mu.Lock()
	id := r.ws.ID
	r.mu.Unlock()
	var changed store.Workshop
	err := r.db.do(func(st *store.Store) error {
		return st.UpdateWorkshop(id, func(w *store.Workshop) error {
			fn(w)
			changed = *w
			return nil
		})
	})
	if err != nil {
		return err
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	r.ws = changed
	r.version++ // agreed answers are part of the team result
	r.publishLocked()
	return nil
}

// close tells every session the server is stopping.
func (r *Room) close() {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.closing = true
	r.publishLocked()
}

var _ tui.Facilitation = (*Room)(nil)

// View is the room as the facilitator sees it; the team result is
// computed again only when answers have changed.
func (r *Room) View() tui.RoomView {
	r.mu.Lock()
	defer r.mu.Unlock()
	v := tui.RoomView{Workshop: r.ws, Team: r.teamLocked()}
	v.Workshop.Agreed = maps.Clone(r.ws.Agreed)
	for _, k := range r.sortedKeysLocked() {
		m := r.members[k]
		p := tui.RoomParticipant{Name: m.name, Answered: len(m.latest.Answers), Completed: m.latest.CompletedAt != nil, Connected: m.seat != nil}
		if p.Connected {
			v.Connected++
		}
		if p.Completed {
			v.Completed++
		}
		v.Participants = append(v.Participants, p)
	}
	return v
}

// memberStore is a participant's storage: their own records only, saved
// through the room's batching writer.
type memberStore struct {
	room *Room
	key  string
}

var _ tui.Store = (*memberStore)(nil)

// own returns the member's latest assessment.
func (s *memberStore) own() *assess.Assessment {
	s.room.mu.Lock()
	defer s.room.mu.Unlock()
	return clone(s.room.members[s.key].latest)
}

// claim makes d this member's: their name, this workshop and organization,
// whatever the screen sent.
func (s *memberStore) claim(d *assess.Assessment) {
	s.room.mu.Lock()
	defer s.room.mu.Unlock()
	d.Workshop, d.Org, d.Respondent = s.room.ws.ID, s.room.ws.Org, s.room.members[s.key].name
}

func (s *memberStore) Overview() ([]*assess.Assessment, int, error) {
	d, err := s.Drafts()
	return d, 0, err
}

func (s *memberStore) Drafts() ([]*assess.Assessment, error) {
	if a := s.own(); a.CompletedAt == nil && len(a.Answers) > 0 {
		return []*assess.Assessment{a}, nil
	}
	return nil, nil
}

func (s *memberStore) SaveDraft(d *assess.Assessment) error {
	s.claim(d)
	if err := s.room.db.save(d); err != nil {
		s.room.log(s.room.cat.T(messages.WSLogSaveFailed, messages.SafeLine(d.Respondent), err))
		return err
	}
	s.room.stored(s.key, d)
	return nil
}

func (s *memberStore) Complete(b *questions.Bank, ds []*assess.Assessment, opts ...store.CompleteOption) ([]store.Completion, error) {
	for _, d := range ds {
		s.claim(d)
	}
	var cs []store.Completion
	err := s.room.db.do(func(st *store.Store) (err error) {
		cs, err = st.Complete(b, ds, opts...)
		return err
	})
	if err != nil {
		return nil, err
	}
	for i := range cs {
		s.room.stored(s.key, cs[i].Done)
		cs[i].Previous = nil // may be another participant's
	}
	return cs, nil
}

func (s *memberStore) Get(ref string) (*assess.Assessment, error) {
	a, _, err := s.GetWithPrevious(ref)
	return a, err
}

func (s *memberStore) GetWithPrevious(ref string) (*assess.Assessment, *assess.Assessment, error) {
	if a := s.own(); ref != "" && strings.HasPrefix(a.ID, strings.ToLower(ref)) && a.CompletedAt != nil {
		return a, nil, nil
	}
	return nil, nil, store.ErrNotFound
}

func (s *memberStore) List(store.ListOptions) (store.Page, error) { return store.Page{}, nil }

func (s *memberStore) Delete(string) (string, error) { return "", store.ErrNotFound }

// Latest shows no organization's history: a participant sees only their
// own assessment.
func (s *memberStore) Latest() ([]store.OrgLatest, error) { return nil, nil }

// Orgs, Org, History and Portfolio show a participant no organization, no
// targets and no one else's scores; targets are not theirs to set.
func (s *memberStore) Orgs() ([]store.OrgInfo, error)              { return nil, nil }
func (s *memberStore) Org(string) (*store.Org, error)              { return nil, store.ErrNotFound }
func (s *memberStore) History(string) ([]assess.Summary, error)    { return nil, nil }
func (s *memberStore) Portfolio() ([]assess.PortfolioEntry, error) { return nil, nil }
func (s *memberStore) SetTarget(string, assess.TargetSet) error    { return store.ErrNotFound }
func (s *memberStore) ClearTarget(string, store.TargetScope) error { return store.ErrNotFound }
