package workshop

import (
	"crypto/rand"
	"errors"
	"maps"
	"slices"
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
// latest answers (stored, or kept until the database is free), and what
// the facilitator decided. It tells every seated session of each decision
// without ever waiting for one.
type Room struct {
	db      *db
	bank    *questions.Bank
	cat     *messages.Catalog
	now     func() time.Time
	log     func(string)
	max     int              // how many may be seated at once
	rescue  tui.RescueWriter // where answers the database kept refusing go
	mu      sync.Mutex
	ws      store.Workshop
	members map[string]*member // by name key
	closing bool
	version int // counts changes of answers, for the team result
	team    *assess.TeamResult
	teamAt  int // the version team was computed at
	sentAt  int // the version last sent to the room
	rescues []tui.RoomRescue
	rescued map[string]*assess.Assessment // by draft id: the snapshot written to a file
}

// member is one participant: their latest assessment and, while
// connected, their session.
type member struct {
	name   string
	latest *assess.Assessment
	seat   *seat
	kept   bool // their latest answers wait for the database
}

// seat is a connected session.
type seat struct {
	key     string
	name    string
	updates chan tui.RoomState // holds at most the latest state
	ended   <-chan struct{}    // closed when the connection has ended
	gone    chan struct{}      // closed once the session has stored its answers
}

func newRoom(d *db, b *questions.Bank, cat *messages.Catalog, now func() time.Time, log func(string), max int, rescue tui.RescueWriter, ws *store.Workshop, members []*assess.Assessment) *Room {
	r := &Room{db: d, bank: b, cat: cat, now: now, log: log, max: max, rescue: rescue, ws: *ws, members: map[string]*member{}, rescued: map[string]*assess.Assessment{}}
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

// dropWait is how long a rejoin waits for the dropped session it follows
// to store its answers.
const dropWait = 10 * time.Second

// join seats the participant called name, or a new anonymous one for "";
// ended is closed when the joining connection ends. A name seated in a
// live session is refused (that session is never closed for another);
// one whose connection has ended is taken over once it has stored its
// answers. So is a join beyond the room's limit.
func (r *Room) join(name string, ended <-chan struct{}) (*tui.Seat, *seat, error) {
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
		select {
		case <-old.ended: // dropped: wait for it to store its answers
			r.mu.Unlock()
			select {
			case <-old.gone:
			case <-time.After(dropWait):
			}
			r.mu.Lock()
		default:
		}
		if m.seat != nil {
			r.mu.Unlock()
			return nil, nil, errors.New(r.cat.T(messages.WSErrNameInUse))
		}
	}
	if r.seatedLocked() >= r.max {
		r.mu.Unlock()
		return nil, nil, errors.New(r.cat.T(messages.WSFull, r.max))
	}
	if m == nil {
		now := r.now()
		m = &member{name: name, latest: &assess.Assessment{
			ID: store.NewID(now), Workshop: r.ws.ID, Bank: assess.RefOf(r.bank), StartedAt: now,
			Submission: assess.Submission{Org: r.ws.Org, Respondent: name, Answers: assess.Answers{}},
		}}
		r.members[k] = m
	}
	s := &seat{key: k, name: m.name, updates: make(chan tui.RoomState, 1), ended: ended, gone: make(chan struct{})}
	m.seat = s
	offer(s.updates, r.stateLocked())
	draft := clone(m.latest)
	r.version++
	r.mu.Unlock()
	return &tui.Seat{Name: m.name, Draft: draft, Store: &memberStore{room: r, key: k}, Updates: s.updates}, s, nil
}

// seatedLocked counts the participants seated.
func (r *Room) seatedLocked() int {
	n := 0
	for _, m := range r.members {
		if m.seat != nil {
			n++
		}
	}
	return n
}

// leave unseats a session after it has stored its answers. When the
// database kept refusing them, they are written to a rescue file for the
// facilitator, and leave returns what to tell the participant ("" when
// every answer is stored).
func (r *Room) leave(s *seat) string {
	r.mu.Lock()
	m := r.members[s.key]
	var kept *assess.Assessment
	if m != nil && m.seat == s {
		m.seat = nil
		kept = r.db.kept(m.latest.ID)
	}
	r.version++
	r.mu.Unlock()
	close(s.gone)
	if kept == nil {
		return ""
	}
	r.keepInFile(kept)
	return r.cat.T(messages.WSExitKept)
}

// keepInFile writes a draft the database has not stored yet to a rescue
// answers file (once per snapshot) and tells the facilitator where; when
// no file can be written, the log carries the answers themselves.
func (r *Room) keepInFile(a *assess.Assessment) {
	r.mu.Lock()
	if r.rescued[a.ID] == a {
		r.mu.Unlock()
		return
	}
	r.rescued[a.ID] = a
	r.mu.Unlock()
	who := messages.SafeLine(a.Respondent)
	data, err := assess.EncodeAnswersFile(a)
	path := ""
	if err == nil && r.rescue == nil {
		err = errors.New(r.cat.T(messages.WSErrNoRescueFolder))
	}
	if err == nil {
		path, err = r.rescue("socialmaturity-answers-"+a.ID+".json", data)
	}
	if err != nil {
		r.log(r.cat.T(messages.WSLogRescueFailed, who, err, string(data)))
		return
	}
	r.log(r.cat.T(messages.WSLogRescued, who, path))
	r.mu.Lock()
	defer r.mu.Unlock()
	for i := range r.rescues {
		if r.rescues[i].ID == a.ID {
			r.rescues[i] = tui.RoomRescue{ID: a.ID, Name: a.Respondent, Path: path}
			return
		}
	}
	r.rescues = append(r.rescues, tui.RoomRescue{ID: a.ID, Name: a.Respondent, Path: path})
}

// storedLate hears that answers kept for later are stored: a rescue file
// of them is no longer needed.
func (r *Room) storedLate(a *assess.Assessment) {
	r.mu.Lock()
	if m := r.members[nameKey(a.Respondent)]; m != nil && m.latest.ID == a.ID {
		m.kept = false
	}
	path := ""
	for i := range r.rescues {
		if r.rescues[i].ID == a.ID && r.rescued[a.ID] == a {
			r.rescues[i].Stored = true
			path = r.rescues[i].Path
		}
	}
	r.mu.Unlock()
	if path != "" {
		r.log(r.cat.T(messages.WSLogStoredRescued, messages.SafeLine(a.Respondent), path))
	} else {
		r.log(r.cat.T(messages.WSLogStoredLate, messages.SafeLine(a.Respondent)))
	}
}

// Rescues are the answers written to files because the database kept
// refusing them.
func (r *Room) Rescues() []tui.RoomRescue {
	r.mu.Lock()
	defer r.mu.Unlock()
	return slices.Clone(r.rescues)
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

// stateLocked is what every session is told now.
func (r *Room) stateLocked() tui.RoomState {
	st := r.ws.State
	rs := tui.RoomState{Paused: st.Paused, Paced: st.Paced, Open: st.Open, Revealed: st.Revealed, Ended: st.Ended, Closing: r.closing}
	if st.Revealed {
		rs.Team = r.teamLocked()
	}
	return rs
}

// publishLocked tells every seated session the room's state.
func (r *Room) publishLocked() {
	for _, m := range r.members {
		if m.seat != nil {
			offer(m.seat.updates, r.stateLocked())
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

// accepted records a member's assessment as their latest: stored, or
// kept until the database is free (kept reports which). It reports
// whether that is news: the member's answers were stored until now.
func (r *Room) accepted(k string, a *assess.Assessment, kept bool) (news bool) {
	r.mu.Lock()
	defer r.mu.Unlock()
	m := r.members[k]
	if m == nil {
		return false
	}
	m.latest = clone(a)
	r.version++
	news = kept && !m.kept
	m.kept = kept
	return news
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
	v := tui.RoomView{Workshop: r.ws, Team: r.teamLocked(), Rescues: slices.Clone(r.rescues)}
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

// SaveDraft stores the draft, or keeps it until the database is free; the
// participant is told which, never where the database is.
func (s *memberStore) SaveDraft(d *assess.Assessment) error {
	s.claim(d)
	snapshot := clone(d)
	err := s.room.db.save(snapshot)
	if s.room.accepted(s.key, snapshot, s.room.db.kept(snapshot.ID) != nil) {
		s.room.log(s.room.cat.T(messages.WSLogKept, messages.SafeLine(d.Respondent)))
	}
	switch {
	case err == nil:
		return nil
	case errors.Is(err, errKept):
		return &participantError{text: s.room.cat.T(messages.WSSaveKept), err: err}
	case errors.Is(err, errStopped):
		s.room.keepInFile(snapshot)
	}
	s.room.log(s.room.cat.T(messages.WSLogSaveFailed, messages.SafeLine(d.Respondent), err))
	return &participantError{text: s.room.cat.T(messages.WSSaveFailed), err: err}
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
		who := ""
		if len(ds) > 0 {
			who = ds[0].Respondent
		}
		s.room.log(s.room.cat.T(messages.WSLogSaveFailed, messages.SafeLine(who), err))
		text := messages.WSSaveFailed
		var inUse *store.InUseError
		if errors.As(err, &inUse) {
			text = messages.WSCompleteBusy
		}
		return nil, &participantError{text: s.room.cat.T(text), err: err}
	}
	for i := range cs {
		s.room.db.forget(cs[i].Done.ID)
		s.room.accepted(s.key, cs[i].Done, false)
		cs[i].Previous = nil // may be another participant's
	}
	return cs, nil
}

// participantError is what a participant is told of a failure: never the
// server's paths, which the facilitator's log has; the cause stays
// reachable for errors.As.
type participantError struct {
	text string
	err  error
}

func (e *participantError) Error() string { return e.text }
func (e *participantError) Unwrap() error { return e.err }

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

// Orgs and ContextOf show a participant no organization, no targets and no
// one else's scores; targets are not theirs to set.
func (s *memberStore) Orgs() ([]store.OrgInfo, error) { return nil, nil }
func (s *memberStore) ContextOf(string) (*store.Org, assess.Context, error) {
	return nil, assess.Context{}, nil
}
func (s *memberStore) SetTarget(string, assess.TargetSet) error    { return store.ErrNotFound }
func (s *memberStore) ClearTarget(string, store.TargetScope) error { return store.ErrNotFound }
