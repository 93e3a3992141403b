package tui

import (
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"strings"
	"sync"
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
type clock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *clock) now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
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

func (f *fixture) options(start Start, org string) Options {
	return Options{Store: f.store, Bank: f.bank, Cat: messages.English(), Start: start, Org: org, Now: f.clock.now, Rescue: rescueIn(f.t.TempDir())}
}

func (f *fixture) app(start Start, org string) *Model {
	f.t.Helper()
	return f.appWith(f.options(start, org))
}

// appWith starts the app with o and runs its first commands, as the
// runtime does.
func (f *fixture) appWith(o Options) *Model {
	f.t.Helper()
	m := New(o)
	m.retry = retryPolicy{every: time.Millisecond, total: 20 * time.Millisecond}
	f.t.Cleanup(m.Close)
	for _, msg := range run(m.Init()) {
		send(m, msg)
	}
	return m
}

// stored adds a completed assessment of org with every answer at level,
// completed now.
func (f *fixture) stored(org string, level int) *assess.Assessment {
	f.t.Helper()
	a := &assess.Assessment{Submission: assess.Submission{Org: org, Respondent: "Dana", Answers: assess.Answers{}}}
	for i, q := range f.bank.AllQuestions() {
		a.Answers[q.ID] = assess.AtLevel((level + i%2) % 5)
	}
	cs, err := f.store.Complete(f.bank, []*assess.Assessment{a})
	if err != nil {
		f.t.Fatal(err)
	}
	return cs[0].Done
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

// send delivers a message and then the messages its commands produce, in
// order, as the Bubble Tea runtime would; it reports whether the app quit.
func send(m *Model, msg tea.Msg) (quit bool) {
	queue := []tea.Msg{msg}
	for len(queue) > 0 {
		next := queue[0]
		queue = queue[1:]
		_, cmd := m.Update(next)
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

// run executes a command to its end, batches and sequences included, and
// returns the messages it produced. The one kind of command left out is a
// cursor's blink: a timer that would fire for ever (the set-up form's
// inputs blink).
func run(cmd tea.Cmd) []tea.Msg {
	if cmd == nil || isBlink(cmd) {
		return nil
	}
	done := make(chan tea.Msg, 1)
	go func() { done <- cmd() }()
	var msg tea.Msg
	select {
	case msg = <-done:
	case <-time.After(10 * time.Second):
		panic("a command did not finish in 10s: " + funcName(cmd))
	}
	if msg == nil {
		return nil
	}
	if v := reflect.ValueOf(msg); v.Kind() == reflect.Slice && v.Type().Elem() == reflect.TypeFor[tea.Cmd]() {
		var out []tea.Msg // tea.BatchMsg or a sequence
		for i := range v.Len() {
			out = append(out, run(v.Index(i).Interface().(tea.Cmd))...)
		}
		return out
	}
	return []tea.Msg{msg}
}

func isBlink(cmd tea.Cmd) bool {
	return strings.HasPrefix(funcName(cmd), "charm.land/bubbles/v2/cursor.")
}

func funcName(cmd tea.Cmd) string {
	return runtime.FuncForPC(reflect.ValueOf(cmd).Pointer()).Name()
}

func press(m *Model, keys ...string) (quit bool) {
	for _, k := range keys {
		if send(m, keyMsg(k)) {
			quit = true
		}
	}
	return quit
}

// begin presses enter through the walk's opening cards to its first
// question.
func (f *fixture) begin(m *Model) {
	f.t.Helper()
	for range 5 {
		if strings.Contains(f.screenText(m), "pick level") {
			return
		}
		press(m, "enter")
	}
	f.t.Fatalf("no question after the opening cards:\n%s", f.screenText(m))
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

// words is the screen's text with every run of white space one space, so
// wrapped sentences can be looked for.
func (f *fixture) words(m *Model) string {
	return strings.Join(strings.Fields(f.screenText(m)), " ")
}

// flakyStore is a store whose draft saves fail while fail is above zero
// (each failure counts it down; below zero, saves fail for ever).
type flakyStore struct {
	Store
	mu    sync.Mutex
	fail  int
	err   error
	saves int // attempted
}

func (s *flakyStore) SaveDraft(d *assess.Assessment) error {
	s.mu.Lock()
	s.saves++
	failing := s.fail != 0
	if s.fail > 0 {
		s.fail--
	}
	s.mu.Unlock()
	if failing {
		return s.err
	}
	return s.Store.SaveDraft(d)
}

// setFail makes the next n saves fail with err (n < 0: every save).
func (s *flakyStore) setFail(n int, err error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.fail, s.err = n, err
}

func catEnglish() *messages.Catalog { return messages.English() }
