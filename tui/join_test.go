package tui

import (
	"errors"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"socialmaturity/assess"
	"socialmaturity/messages"
	"socialmaturity/store"
)

// harness runs a model as the runtime does: commands on their own
// goroutines, their messages delivered in turn. Commands that wait (for
// the room's next state, say) simply keep waiting.
type harness struct {
	t       testing.TB
	m       tea.Model
	pending chan tea.Msg
	quit    bool
}

func newHarness(t testing.TB, m tea.Model, w, h int) *harness {
	hs := &harness{t: t, m: m, pending: make(chan tea.Msg, 1024)}
	hs.exec(m.Init())
	hs.send(tea.WindowSizeMsg{Width: w, Height: h})
	return hs
}

func (h *harness) exec(cmd tea.Cmd) {
	if cmd == nil || isBlink(cmd) {
		return
	}
	go func() {
		msg := cmd()
		switch msg := msg.(type) {
		case nil:
		case tea.BatchMsg:
			for _, c := range msg {
				h.exec(c)
			}
		default:
			h.pending <- msg
		}
	}()
}

// send delivers msg, then what the commands produce until nothing more
// arrives for a little while.
func (h *harness) send(msg tea.Msg) {
	h.deliver(msg)
	h.settle()
}

func (h *harness) deliver(msg tea.Msg) {
	if _, ok := msg.(tea.QuitMsg); ok {
		h.quit = true
		return
	}
	if seq, ok := msg.(tea.Cmd); ok { // not used by these screens
		h.exec(seq)
		return
	}
	var cmd tea.Cmd
	h.m, cmd = h.m.Update(msg)
	h.exec(cmd)
}

func (h *harness) settle() {
	for {
		select {
		case msg := <-h.pending:
			h.deliver(msg)
		case <-time.After(60 * time.Millisecond):
			return
		}
	}
}

func (h *harness) press(keys ...string) {
	for _, k := range keys {
		h.send(keyMsg(k))
	}
}

func (h *harness) screen() string { return ansi.Strip(h.m.View().Content) }

// seatFixture is a participant's seat in a room the test controls.
type seatFixture struct {
	f       *fixture
	updates chan RoomState
	draft   *assess.Assessment
}

func newSeat(t testing.TB) *seatFixture {
	f := newFixture(t)
	s := &seatFixture{f: f, updates: make(chan RoomState, 1)}
	s.draft = &assess.Assessment{ID: store.NewID(f.clock.now()), Workshop: "w1", Bank: assess.RefOf(f.bank), StartedAt: f.clock.now(),
		Submission: assess.Submission{Org: "Acme", Respondent: "Ann", Answers: assess.Answers{}}}
	return s
}

func (s *seatFixture) join(t testing.TB, codes ...string) *harness {
	done := make(chan struct{})
	t.Cleanup(func() { close(done) })
	j := NewJoin(JoinOptions{
		Bank: s.f.bank, Cat: messages.English(), Title: "Acme · Kick-off", Now: s.f.clock.now,
		CheckCode: func(code string) bool { return code == "K7QP2X" },
		Join: func(name string) (*Seat, error) {
			return &Seat{Name: name, Draft: s.draft, Store: s.f.store, Updates: s.updates}, nil
		},
		Done: done,
	})
	h := newHarness(t, j, 100, 40)
	for _, c := range codes {
		typeInto(h, c)
		h.press("enter")
	}
	return h
}

func typeInto(h *harness, s string) {
	for _, r := range s {
		h.send(keyMsg(string(r)))
	}
}

// tell sends the room's state as the server would.
func (s *seatFixture) tell(h *harness, st RoomState) {
	s.updates <- st
	h.settle()
}

func TestJoinCountsWrongCodesAndEndsAfterThree(t *testing.T) {
	s := newSeat(t)
	h := s.join(t, "AAAAAA")
	if !strings.Contains(h.screen(), "try 1 of 3") {
		t.Fatalf("a wrong code not refused:\n%s", h.screen())
	}
	for _, c := range []string{"BBBBBB", "CCCCCC"} {
		typeInto(h, c)
		h.press("enter")
	}
	if !h.quit {
		t.Fatal("the session goes on after three wrong codes")
	}
	if note := h.m.(*Join).ExitNote(); !strings.Contains(note, "Too many wrong codes") {
		t.Errorf("exit note %q", note)
	}
}

func TestJoinRightCodeThenNameOpensTheWalk(t *testing.T) {
	s := newSeat(t)
	h := s.join(t, "K7QP2X")
	if !strings.Contains(h.screen(), "Your name") {
		t.Fatalf("no name prompt:\n%s", h.screen())
	}
	typeInto(h, "Ann")
	h.press("enter")
	if !strings.Contains(h.screen(), "Acme · Kick-off · Ann") || !strings.Contains(h.screen(), "more keys") {
		t.Fatalf("the walk is not shown under the banner:\n%s", h.screen())
	}
}

// seated joins and passes the opening cards to the first question.
func (s *seatFixture) seated(t testing.TB) *harness {
	h := s.join(t, "K7QP2X")
	typeInto(h, "Ann")
	h.press("enter")
	return h
}

func (s *seatFixture) walk(h *harness) *walk { return h.m.(*Join).app.screen.(*walk) }

func TestJoinPausedRoomTakesNoAnswers(t *testing.T) {
	s := newSeat(t)
	h := s.seated(t)
	s.tell(h, RoomState{Paused: true})
	h.press("enter", "enter", "2", "2")
	if n := len(s.walk(h).draft.Answers); n != 0 {
		t.Errorf("%d answers taken while paused", n)
	}
	if !strings.Contains(h.screen(), "Paused by the facilitator") {
		t.Errorf("not told the room is paused:\n%s", h.screen())
	}
	s.tell(h, RoomState{})
	h.press("enter", "enter", "2")
	if n := len(s.walk(h).draft.Answers); n != 1 {
		t.Errorf("%d answers after the pause, want 1", n)
	}
}

func TestJoinPacedRoomHoldsTheWalkOnTheOpenKeyAction(t *testing.T) {
	s := newSeat(t)
	h := s.seated(t)
	first := s.f.bank.Pillars[0].KeyActions[0]
	s.tell(h, RoomState{Paced: true})
	h.press("enter", "enter", "2")
	if n := len(s.walk(h).draft.Answers); n != 0 {
		t.Fatalf("%d answers before anything was opened", n)
	}
	s.tell(h, RoomState{Paced: true, Open: first.ID})
	h.press("enter", "enter")
	for range len(first.Questions) + 3 { // three more than the key action has
		h.press("2")
	}
	w := s.walk(h)
	if n := len(w.draft.Answers); n != len(first.Questions) {
		t.Errorf("%d answers, want only the open key action's %d", n, len(first.Questions))
	}
	if st := w.current(); st.kind != stepPage || st.keyAction != 0 || st.pillar != 0 {
		t.Errorf("the walk went past the open key action: %+v", st)
	}
	if !strings.Contains(h.screen(), "the facilitator opens the next part") {
		t.Errorf("not told to wait:\n%s", h.screen())
	}
	second := s.f.bank.Pillars[0].KeyActions[1]
	s.tell(h, RoomState{Paced: true, Open: second.ID})
	h.press("right", "2")
	if n := len(w.draft.Answers); n != len(first.Questions)+1 {
		t.Errorf("%d answers once the next part opened", n)
	}
}

func TestJoinShowsTheTeamResultOnlyOnceRevealed(t *testing.T) {
	s := newSeat(t)
	done := s.f.stored("Acme", 3)
	s.draft = done
	h := s.seated(t)
	if !strings.Contains(h.screen(), "/ 100") {
		t.Fatalf("a finished participant does not see their result:\n%s", h.screen())
	}
	h.press("t")
	if strings.Contains(h.screen(), "Team result") {
		t.Fatal("the team result was shown before it was revealed")
	}
	team := assess.Team(s.f.bank, []assess.Member{
		{Name: "a", Answers: done.Answers, Completed: true}, {Name: "b", Answers: done.Answers}, {Name: "c", Answers: done.Answers},
	}, nil)
	s.tell(h, RoomState{Revealed: true, Team: &team})
	if !strings.Contains(h.screen(), "press t to see it") {
		t.Errorf("not told the team result is in:\n%s", h.screen())
	}
	h.press("t")
	scr := h.screen()
	if !strings.Contains(scr, "Team result") || !strings.Contains(scr, "3 people, 1 finished") {
		t.Errorf("team view:\n%s", scr)
	}
	s.tell(h, RoomState{})
	if strings.Contains(h.screen(), "Team score") {
		t.Error("the team result stays on screen after it was hidden")
	}
}

func TestJoinKeepsTheParticipantOnTheirOwnAssessment(t *testing.T) {
	s := newSeat(t)
	s.draft = s.f.stored("Acme", 2)
	h := s.seated(t)
	h.press("esc", "p")
	if _, ok := h.m.(*Join).app.screen.(*results); !ok {
		t.Errorf("a participant left their result for %T", h.m.(*Join).app.screen)
	}
}

func TestJoinEndsWhenClosing(t *testing.T) {
	s := newSeat(t)
	h := s.seated(t)
	s.tell(h, RoomState{Closing: true})
	if !h.quit {
		t.Error("the session goes on while the server closes")
	}
}

func TestJoinKeepsACodeTypedWhileTheLastIsChecked(t *testing.T) {
	s := newSeat(t)
	done := make(chan struct{})
	t.Cleanup(func() { close(done) })
	j := NewJoin(JoinOptions{
		Bank: s.f.bank, Cat: messages.English(), Title: "Acme", Now: s.f.clock.now,
		CheckCode: func(code string) bool { return code == "K7QP2X" },
		Delay:     400 * time.Millisecond, // the wait after a wrong code
		Join:      func(string) (*Seat, error) { return nil, nil },
		Done:      done,
	})
	h := newHarness(t, j, 100, 40)
	typeInto(h, "AAAAAA")
	h.deliver(keyMsg("enter"))
	for _, r := range "K7QP2X" { // typed during "Checking…"
		h.deliver(keyMsg(string(r)))
	}
	h.deliver(keyMsg("enter"))
	for deadline := time.Now().Add(5 * time.Second); !strings.Contains(h.screen(), "Your name"); {
		if time.Now().After(deadline) {
			t.Fatalf("the code typed while checking was lost:\n%s", h.screen())
		}
		h.settle()
	}
	if j.wrong != 1 {
		t.Errorf("%d wrong codes counted, want 1", j.wrong)
	}
}

func TestJoinClosesAConnectionThatDoesNotJoinInTime(t *testing.T) {
	s := newSeat(t)
	j := NewJoin(JoinOptions{
		Bank: s.f.bank, Cat: messages.English(), Title: "Acme", Now: s.f.clock.now,
		CheckCode: func(string) bool { return true }, Timeout: 30 * time.Millisecond,
		Join: func(string) (*Seat, error) { return nil, nil },
	})
	h := newHarness(t, j, 100, 40)
	for deadline := time.Now().Add(5 * time.Second); !h.quit; {
		if time.Now().After(deadline) {
			t.Fatal("the join prompt stayed open past its timeout")
		}
		h.settle()
	}
	if !strings.Contains(j.ExitNote(), "Connect again") {
		t.Errorf("not told why: %q", j.ExitNote())
	}
}

func TestJoinTellsAParticipantToJoinAgainNeverToRunTheApp(t *testing.T) {
	s := newSeat(t)
	h := s.seated(t)
	h.press("enter", "enter", "2") // past the cards, one answer
	h.press("q", "y")
	j := h.m.(*Join)
	j.Settle()
	note := j.ExitNote()
	if !strings.Contains(note, "join again with the same code and name") || strings.Contains(note, "Resume") {
		t.Errorf("exit note: %q", note)
	}
}

func TestJoinShowsWhyAJoinWasRefused(t *testing.T) {
	s := newSeat(t)
	j := NewJoin(JoinOptions{
		Bank: s.f.bank, Cat: messages.English(), Title: "Acme", Now: s.f.clock.now,
		CheckCode: func(string) bool { return true },
		Join: func(string) (*Seat, error) {
			return nil, errors.New(messages.English().T(messages.WSErrNameInUse))
		},
	})
	h := newHarness(t, j, 100, 40)
	typeInto(h, "K7QP2X")
	h.press("enter")
	typeInto(h, "Ann")
	h.press("enter")
	if !strings.Contains(h.screen(), "pick another") || !strings.Contains(h.screen(), "Your name") {
		t.Errorf("not asked for another name:\n%s", h.screen())
	}
}
