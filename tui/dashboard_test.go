package tui

import (
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/charmbracelet/x/exp/golden"

	"socialmaturity/assess"
	"socialmaturity/messages"
	"socialmaturity/questions"
	"socialmaturity/store"
)

// fakeRoom is a room whose decisions the test reads back.
type fakeRoom struct {
	mu   sync.Mutex
	view RoomView
	bank *questions.Bank
}

func (r *fakeRoom) View() RoomView {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.view
}

func (r *fakeRoom) Change(fn func(*store.Workshop)) error {
	r.mu.Lock()
	defer r.mu.Unlock()
	fn(&r.view.Workshop)
	return nil
}

// room is a workshop of four participants who disagree on the first
// question (levels 0, 0, 4 and "not sure") and agree on the rest.
func room(t testing.TB, paced bool) *fakeRoom {
	b, err := questions.Default()
	if err != nil {
		t.Fatal(err)
	}
	first := b.Pillars[0].KeyActions[0].Questions[0].ID
	answers := func(a assess.Answer) assess.Answers {
		out := assess.Answers{}
		for _, q := range b.AllQuestions() {
			out[q.ID] = assess.AtLevel(2)
		}
		out[first] = a
		return out
	}
	ms := []assess.Member{
		{Name: "Ann", Answers: answers(assess.AtLevel(0)), Completed: true},
		{Name: "Bo", Answers: answers(assess.AtLevel(0))},
		{Name: "Cy", Answers: answers(assess.AtLevel(4))},
		{Name: "Di", Answers: answers(assess.NotSure)},
	}
	team := assess.Team(b, ms, nil)
	return &fakeRoom{bank: b, view: RoomView{
		Workshop: store.Workshop{ID: "w1", Code: "K7QP2X", Org: "Acme", Title: "Kick-off", State: store.WorkshopState{Paced: paced}},
		Participants: []RoomParticipant{
			{Name: "Ann", Answered: 29, Completed: true, Connected: true},
			{Name: "Bo", Answered: 29, Connected: true},
			{Name: "Cy", Answered: 29, Connected: true},
			{Name: "Di", Answered: 29},
		},
		Connected: 3, Completed: 1, Team: &team,
	}}
}

func dashboard(t testing.TB, r *fakeRoom) *harness {
	d := NewDashboard(DashboardOptions{Room: r, Bank: r.bank, Cat: messages.English(), Port: "2222", Host: "10.0.0.5",
		Fingerprint: "SHA256:abc", Every: time.Hour, Now: func() time.Time { return time.Date(2026, 6, 1, 10, 0, 0, 0, time.UTC) }})
	return newHarness(t, d, 120, 50)
}

func TestDashboardGolden(t *testing.T) {
	h := dashboard(t, room(t, true))
	golden.RequireEqual(t, []byte(h.screen()))
}

func TestDashboardShowsHowToJoinWhoIsInAndWhereTheyDisagree(t *testing.T) {
	h := dashboard(t, room(t, false))
	scr := h.screen()
	for _, want := range []string{
		"ssh -p 2222 10.0.0.5", "K7QP2X", "SHA256:abc", // how to join
		"3 connected · 4 joined · 1 finished", "Bo 29/29", "Di 29/29 (away)", // who and how far
		"people ",                           // live team figures: the team score and people's mean ± spread
		"split", "outlier", "knowledge gap", // the first question's hotspot
	} {
		if !strings.Contains(scr, want) {
			t.Errorf("dashboard lacks %q:\n%s", want, scr)
		}
	}
}

func TestDashboardControlsTheRoom(t *testing.T) {
	r := room(t, true)
	h := dashboard(t, r)
	h.press("r")
	if !r.View().Workshop.State.Revealed {
		t.Error("r did not reveal the team result")
	}
	h.press("r", "p")
	if s := r.View().Workshop.State; s.Revealed || !s.Paused {
		t.Errorf("r again should hide and p pause: %+v", s)
	}
	h.press("n", "n")
	if got, want := r.View().Workshop.State.Open, r.bank.Pillars[0].KeyActions[1].ID; got != want {
		t.Errorf("opened %q after two n, want %q", got, want)
	}
	h.press("a", "1")
	typeInto(h, "we post without a plan")
	h.press("enter")
	q := r.View().Team.Hotspots[0].ID
	got, ok := r.View().Workshop.Agreed[q]
	if !ok || got.Answer != assess.AtLevel(1) || got.Why != "we post without a plan" {
		t.Errorf("agreed answer for %s: %+v", q, got)
	}
	h.press("e", "n")
	if r.View().Workshop.State.Ended || h.quit {
		t.Error("the workshop ended without a yes")
	}
	h.press("e", "y")
	if !r.View().Workshop.State.Ended || !h.quit || !h.m.(*Dashboard).Ended() {
		t.Error("e then y did not end the workshop")
	}
}

func TestDashboardOffersNextPartOnlyWhenPaced(t *testing.T) {
	r := room(t, false)
	h := dashboard(t, r)
	if strings.Contains(h.screen(), "open next part") {
		t.Error("n offered in a self-paced room")
	}
	h.press("n")
	if r.View().Workshop.State.Open != "" {
		t.Error("n opened a part in a self-paced room")
	}
}

func TestDashboardShowsAnswersKeptInAFile(t *testing.T) {
	r := room(t, false)
	r.view.Rescues = []RoomRescue{{ID: "a1", Name: "Bo", Path: "/data/socialmaturity-answers-a1.json"}}
	scr := dashboard(t, r).screen()
	if !strings.Contains(scr, "Answers of Bo are in /data/socialmaturity-answers-a1.json") || !strings.Contains(scr, "import --draft") {
		t.Errorf("the facilitator is not told where the answers are:\n%s", scr)
	}
	r.view.Rescues[0].Stored = true
	if scr := dashboard(t, r).screen(); !strings.Contains(scr, "no longer needed") {
		t.Errorf("not told the file is no longer needed:\n%s", scr)
	}
}
