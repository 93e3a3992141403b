package tui

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/teatest/v2"

	"socialmaturity/assess"
)

// screenRecorder is the app with the last screen it drew kept for the
// test, so that it can read the whole screen (teatest's output is frame
// diffs) without racing the program.
type screenRecorder struct {
	*Model
	mu   sync.Mutex
	last string
}

func (r *screenRecorder) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	_, cmd := r.Model.Update(msg)
	return r, cmd
}

func (r *screenRecorder) View() tea.View {
	v := r.Model.View()
	r.mu.Lock()
	r.last = ansi.Strip(v.Content)
	r.mu.Unlock()
	return v
}

func (r *screenRecorder) screen() string {
	r.mu.Lock()
	defer r.mu.Unlock()
	return strings.Join(strings.Fields(r.last), " ")
}

// cardTitle names the card on screen (the scope card or a pillar's).
var cardTitle = regexp.MustCompile(`Before you start|Pillar \d+ of \d+`)

// Issue 14: a new user gets from the home screen to a written report
// using only keys the screens showed.
func TestNewUserFromHomeToAReport(t *testing.T) {
	f := newFixture(t)
	dir := t.TempDir()
	o := f.options(StartHome, "")
	o.Export = func(a, _ *assess.Assessment, format string) (string, error) {
		path := filepath.Join(dir, "northwind."+format)
		return path, os.WriteFile(path, []byte(a.Org), 0o600)
	}
	rec := &screenRecorder{Model: New(o)}
	t.Cleanup(rec.Close)
	tm := teatest.NewTestModel(t, rec, teatest.WithInitialTermSize(80, 24))
	waitFor := func(what string, ok func(screen string) bool) string {
		t.Helper()
		deadline := time.Now().Add(5 * time.Second)
		for {
			s := rec.screen()
			if ok(s) {
				return s
			}
			if time.Now().After(deadline) {
				t.Fatalf("waited for %s:\n%s", what, s)
			}
			time.Sleep(2 * time.Millisecond)
		}
	}
	// press sends k once the screen shows shown (the key's help or prompt).
	press := func(shown, k string) {
		t.Helper()
		waitFor(shown, func(s string) bool { return strings.Contains(s, shown) })
		tm.Send(keyMsg(k))
	}
	waitFor("home", func(s string) bool { return strings.Contains(s, "29 questions") })
	press("enter choose", "enter")
	for _, field := range []string{"Northwind", "Sara", "Social media manager"} {
		for i, r := range field { // each letter once the one before it is in
			waitFor(field[:i], func(s string) bool { return strings.Contains(s, "> "+field[:i]) })
			tm.Send(keyMsg(string(r)))
		}
		waitFor(field, func(s string) bool { return strings.Contains(s, "> "+field) && enterHelp.MatchString(s) })
		tm.Send(keyMsg("enter"))
	}
	answered := 0
	for answered < f.bank.QuestionCount() {
		s := waitFor("a question or a card", func(s string) bool {
			return strings.Contains(s, "enter continue") || strings.Contains(s, "0-4 pick level")
		})
		if !strings.Contains(s, "0-4 pick level") { // a card: wait until it is gone, not merely redrawn
			card := cardTitle.FindString(s)
			press("enter continue", "enter")
			waitFor("the card to close", func(next string) bool { return !strings.Contains(next, card) })
			continue
		}
		press("0-4 pick level", string(rune('0'+answered%5)))
		answered++
		if answered < f.bank.QuestionCount() { // and the walk has moved on to the next question
			waitFor("the answer", func(s string) bool {
				return strings.Contains(s, "question "+itoa(answered+1)+" of") && strings.Contains(s, "· "+itoa(answered)+" answered")
			})
		}
	}
	s := waitFor("the finish page", func(s string) bool { return strings.Contains(s, "Ready to see your results") })
	if !enterHelp.MatchString(s) {
		t.Fatalf("the finish page does not say which key shows the results:\n%s", s)
	}
	tm.Send(keyMsg("enter"))
	press("e export", "e")
	press("h a report to print or save as PDF", "h")
	want := filepath.Join(dir, "northwind.html")
	waitFor("the path", func(s string) bool { return strings.Contains(s, "Saved: "+want) })
	if data, err := os.ReadFile(want); err != nil || string(data) != "Northwind" {
		t.Fatalf("report %q, %v", data, err)
	}
	press("q quit", "q")
	tm.WaitFinished(t, teatest.WithFinalTimeout(5*time.Second))
}

func itoa(n int) string { return catEnglish().Int(n) }

// enterHelp finds enter in a footer's help ("enter next", "enter choose").
var enterHelp = regexp.MustCompile(`\benter [a-z]+`)
