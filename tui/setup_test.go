package tui

import (
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"socialmaturity/store"
)

// newTestSetup is a set-up form on an 80×24 screen, with no stored
// organization.
func newTestSetup() (*setup, tea.Cmd) {
	cat := catEnglish()
	c := &Common{Cat: cat, Keys: NewKeyMap(cat), Styles: NewStyles(true), Width: 80, Height: 24, Store: knownOrgs{}}
	st := newSetup(c, "", "", "")
	return st, st.Init()
}

// knownOrgs is a store that holds the organizations named, and nothing
// else.
type knownOrgs struct {
	Store
	names []string
}

func (k knownOrgs) Orgs() ([]store.OrgInfo, error) {
	out := make([]store.OrgInfo, len(k.names))
	for i, n := range k.names {
		out[i].Name = n
	}
	return out, nil
}

// burst turns key names and text into the key presses a paste sends.
func burst(parts ...string) []tea.KeyPressMsg {
	var keys []tea.KeyPressMsg
	for _, p := range parts {
		switch p {
		case "enter", "tab", "shift+tab":
			keys = append(keys, keyMsg(p))
		default:
			for _, r := range p {
				keys = append(keys, keyMsg(string(r)))
			}
		}
	}
	return keys
}

// settle runs the commands as the runtime would, feeding their messages
// back to st, until only timers (the cursor's blink) are left, and returns
// the start message if the form sent one.
func settle(t *testing.T, st *setup, cmds ...tea.Cmd) *startMsg {
	t.Helper()
	var start *startMsg
	for round := 0; len(cmds) > 0; round++ {
		if round > 100 {
			t.Fatal("the form never settles")
		}
		var next []tea.Cmd
		for _, msg := range runQuick(cmds) {
			switch msg := msg.(type) {
			case startMsg:
				start = &msg
			case goHomeMsg:
				t.Fatal("the form went home")
			default:
				next = append(next, st.Update(msg))
			}
		}
		cmds = next
	}
	return start
}

// runQuick runs commands (and batches) at once, keeping the messages of
// those that answer without waiting; a timer waits half a second.
func runQuick(cmds []tea.Cmd) []tea.Msg {
	var out []tea.Msg
	for _, cmd := range cmds {
		if cmd == nil {
			continue
		}
		done := make(chan tea.Msg, 1)
		go func() { done <- cmd() }()
		select {
		case msg := <-done:
			if batch, ok := msg.(tea.BatchMsg); ok {
				out = append(out, runQuick(batch)...)
			} else if msg != nil {
				out = append(out, msg)
			}
		case <-time.After(200 * time.Millisecond):
		}
	}
	return out
}

// sendAll hands every key to st before any command runs, as a paste does.
func sendAll(st *setup, keys []tea.KeyPressMsg) []tea.Cmd {
	var cmds []tea.Cmd
	for _, k := range keys {
		cmds = append(cmds, st.Update(k))
	}
	return cmds
}

func TestSetupTypeaheadLandsInTheRightField(t *testing.T) {
	st, initCmd := newTestSetup()
	settle(t, st, initCmd)
	cmds := sendAll(st, burst("Acme Corp", "enter", "Dana", "enter", "CMO", "enter"))
	start := settle(t, st, cmds...)
	if start == nil {
		t.Fatalf("the form did not finish; org %q, respondent %q, role %q", st.org, st.respondent, st.role)
	}
	if *start != (startMsg{org: "Acme Corp", respondent: "Dana", role: "CMO"}) {
		t.Errorf("started with %+v", *start)
	}
}

func TestSetupTypeaheadBackAndForth(t *testing.T) {
	st, initCmd := newTestSetup()
	settle(t, st, initCmd)
	cmds := sendAll(st, burst("Acme", "tab", "Dan", "shift+tab", " Corp", "tab", "a", "tab", "CMO"))
	if start := settle(t, st, cmds...); start != nil {
		t.Fatalf("started early with %+v", *start)
	}
	if st.org != "Acme Corp" || st.respondent != "Dana" || st.role != "CMO" {
		t.Errorf("org %q, respondent %q, role %q", st.org, st.respondent, st.role)
	}
}

func TestSetupKeysAfterARefusedMoveAreNotHeld(t *testing.T) {
	st, initCmd := newTestSetup()
	settle(t, st, initCmd)
	// enter on the empty organization is refused and shift+tab on the first
	// field goes nowhere: the keys after them are typed at once.
	sendAll(st, burst("enter", "shift+tab", "Ac"))
	if st.org != "Ac" {
		t.Errorf("org = %q right after the keys, want %q", st.org, "Ac")
	}
}
