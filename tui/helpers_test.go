package tui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"socialmaturity/assess"
	"socialmaturity/messages"
	"socialmaturity/questions"
	"socialmaturity/store"
)

func TestMain(m *testing.M) {
	time.Local = time.UTC
	os.Exit(m.Run())
}

// clock is a fixed, advancing clock so that views are stable.
type clock struct{ t time.Time }

func (c *clock) now() time.Time {
	c.t = c.t.Add(time.Minute)
	return c.t
}

type fixture struct {
	t     testing.TB
	store *store.Store
	bank  *questions.Bank
	clock *clock
}

func newFixture(t testing.TB) *fixture {
	t.Helper()
	c := &clock{t: time.Date(2026, 6, 1, 9, 0, 0, 0, time.UTC)}
	s, err := store.Open(filepath.Join(t.TempDir(), "sm.db"), store.WithClock(c.now))
	if err != nil {
		t.Fatal(err)
	}
	b, err := questions.Default()
	if err != nil {
		t.Fatal(err)
	}
	return &fixture{t: t, store: s, bank: b, clock: c}
}

func (f *fixture) app(start Start, org string) *Model {
	f.t.Helper()
	m, err := New(Options{Store: f.store, Bank: f.bank, Cat: messages.English(), Start: start, Org: org, Now: f.clock.now})
	if err != nil {
		f.t.Fatal(err)
	}
	f.t.Cleanup(m.Close)
	for _, msg := range run(m.Init()) { // as the runtime does
		send(m, msg)
	}
	return m
}

// stored adds a completed assessment of org with every answer at level.
func (f *fixture) stored(org string, level int) *assess.Assessment {
	f.t.Helper()
	a := &assess.Assessment{Submission: assess.Submission{Org: org, Respondent: "Dana", Answers: assess.Answers{}}, Bank: assess.RefOf(f.bank)}
	for i, ref := range f.bank.Questions() {
		a.Answers[f.bank.At(ref).ID] = assess.AtLevel((level + i%2) % 5)
	}
	at := f.clock.now()
	a.StartedAt = at
	a.Complete(f.bank, at, assess.Targets{})
	a.ID = store.NewID(at)
	if err := f.store.Save(a); err != nil {
		f.t.Fatal(err)
	}
	return a
}

// keyMsg turns a key name ("enter", "shift+tab", "a") into a key press.
func keyMsg(k string) tea.KeyPressMsg {
	special := map[string]tea.Key{
		"enter": {Code: tea.KeyEnter}, "esc": {Code: tea.KeyEscape}, "tab": {Code: tea.KeyTab},
		"shift+tab": {Code: tea.KeyTab, Mod: tea.ModShift}, "up": {Code: tea.KeyUp}, "down": {Code: tea.KeyDown},
		"left": {Code: tea.KeyLeft}, "right": {Code: tea.KeyRight}, "space": {Code: tea.KeySpace, Text: " "},
		"ctrl+c": {Code: 'c', Mod: tea.ModCtrl}, "backspace": {Code: tea.KeyBackspace},
		"pgdown": {Code: tea.KeyPgDown}, "pgup": {Code: tea.KeyPgUp},
	}
	if key, ok := special[k]; ok {
		return tea.KeyPressMsg(key)
	}
	r := []rune(k)[0]
	return tea.KeyPressMsg(tea.Key{Text: k, Code: r})
}

// send delivers a message and then the messages its commands produce, as
// the Bubble Tea runtime would, dropping commands that wait (timers).
func send(m *Model, msg tea.Msg) (quit bool) {
	queue := []tea.Msg{msg}
	for len(queue) > 0 {
		next := queue[0]
		queue = queue[1:]
		_, cmd := m.Update(next)
		m.saver.flush() // saves are committed, so their commands answer at once
		for _, out := range run(cmd) {
			if _, ok := out.(tea.QuitMsg); ok {
				quit = true
				continue
			}
			queue = append(queue, out)
		}
	}
	return quit
}

// run executes a command (and batches) with a short deadline each.
func run(cmd tea.Cmd) []tea.Msg {
	if cmd == nil {
		return nil
	}
	done := make(chan tea.Msg, 1)
	go func() { done <- cmd() }()
	select {
	case msg := <-done:
		if batch, ok := msg.(tea.BatchMsg); ok {
			var out []tea.Msg
			for _, c := range batch {
				out = append(out, run(c)...)
			}
			return out
		}
		if msg == nil {
			return nil
		}
		return []tea.Msg{msg}
	case <-time.After(30 * time.Millisecond): // a timer (cursor blink): not run
		return nil
	}
}

func press(m *Model, keys ...string) (quit bool) {
	for _, k := range keys {
		if send(m, keyMsg(k)) {
			quit = true
		}
	}
	return quit
}

func typeText(m *Model, s string) {
	for _, r := range s {
		send(m, keyMsg(string(r)))
	}
}

func resize(m *Model, w, h int) { send(m, tea.WindowSizeMsg{Width: w, Height: h}) }

// screenText is the view without styles, with ids masked so views are
// stable.
func (f *fixture) screenText(m *Model) string {
	f.t.Helper()
	out := ansi.Strip(m.View().Content)
	var ids []string
	drafts, _ := f.store.Drafts()
	for _, d := range drafts {
		ids = append(ids, d.ID)
	}
	page, _ := f.store.List(store.ListOptions{Limit: 100})
	for _, it := range page.Items {
		ids = append(ids, it.ID)
	}
	for _, id := range ids {
		out = strings.ReplaceAll(out, id, strings.Repeat("#", len(id)))
	}
	for _, id := range ids {
		out = strings.ReplaceAll(out, id[:assess.ShortIDLen], strings.Repeat("#", assess.ShortIDLen))
	}
	return out
}

func (f *fixture) mustContain(m *Model, wants ...string) {
	f.t.Helper()
	v := f.screenText(m)
	for _, w := range wants {
		if !strings.Contains(v, w) {
			f.t.Fatalf("screen lacks %q:\n%s", w, v)
		}
	}
}

func catEnglish() *messages.Catalog { return messages.English() }
