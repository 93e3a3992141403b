package tui

import (
	"fmt"
	"image/color"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"

	"socialmaturity/assess"
	"socialmaturity/report"
	"socialmaturity/store"
)

var sizes = [][2]int{{80, 24}, {120, 40}}

// Every screen at both reference sizes, as golden files.
func TestScreensGolden(t *testing.T) {
	for _, sz := range sizes {
		t.Run(fmt.Sprintf("%dx%d", sz[0], sz[1]), func(t *testing.T) {
			f := newFixture(t)
			earlier := f.stored("Acme", 1)
			later := f.stored("Acme", 2)
			shot := func(name string, m *Model) {
				t.Run(name, func(t *testing.T) { golden.RequireEqual(t, f.screenText(m)) })
			}

			home := f.app(StartHome, "")
			resize(home, sz[0], sz[1])
			shot("home", home)

			press(home, "enter")
			shot("setup", home)

			walk := f.app(StartWalk, "Globex")
			resize(walk, sz[0], sz[1])
			shot("walk_intro", walk)
			press(walk, "enter", "3", "down", "down")
			shot("walk_page", walk)
			press(walk, "n")
			typeText(walk, "Two channels only")
			shot("walk_note", walk)
			press(walk, "enter", "?")
			shot("walk_full_help", walk)
			press(walk, "?")
			for range 40 {
				press(walk, "right")
			}
			shot("walk_finish", walk)

			results := f.app(StartHome, "")
			resize(results, sz[0], sz[1])
			send(results, openMsg{id: later.ID})
			shot("results", results)
			press(results, "a")
			shot("results_all", results)

			hist := f.app(StartHome, "")
			resize(hist, sz[0], sz[1])
			send(hist, goHistoryMsg{})
			shot("history", hist)
			send(hist, compareMsg{from: later.ID, to: earlier.ID})
			shot("compare", hist)
		})
	}
}

func TestTooSmall(t *testing.T) {
	f := newFixture(t)
	m := f.app(StartHome, "")
	resize(m, 59, 30)
	f.mustContain(m, "Make the terminal at least 60×20 (now 59×30).")
	resize(m, 80, 19)
	f.mustContain(m, "(now 80×19)")
	resize(m, 60, 20)
	f.mustContain(m, "Start a new assessment")
}

func TestSetupNeedsAnOrganization(t *testing.T) {
	f := newFixture(t)
	m := f.app(StartSetup, "")
	resize(m, 80, 24)
	press(m, "enter")
	f.mustContain(m, "the organization is required")
	typeText(m, "Initech")
	press(m, "enter")
	typeText(m, "Sam")
	press(m, "enter")
	typeText(m, "Head of social")
	press(m, "enter")
	f.mustContain(m, "Pillar 1 of 3")
	if ds, _ := f.store.Drafts(); len(ds) != 0 {
		t.Fatal("a draft was stored before the first answer")
	}
	press(m, "enter", "2")
	drafts, err := f.store.Drafts()
	if err != nil || len(drafts) != 1 || drafts[0].Org != "Initech" || drafts[0].Respondent != "Sam" || drafts[0].Role != "Head of social" {
		t.Fatalf("drafts = %+v, %v", drafts, err)
	}
}

func TestEscLeavesSetupForHome(t *testing.T) {
	f := newFixture(t)
	m := f.app(StartHome, "")
	resize(m, 80, 24)
	press(m, "enter")
	f.mustContain(m, "New assessment")
	press(m, "esc")
	f.mustContain(m, "Start a new assessment")
}

// draftOf returns the only draft in the store.
func draftOf(t *testing.T, f *fixture) *assess.Assessment {
	t.Helper()
	ds, err := f.store.Drafts()
	if err != nil || len(ds) != 1 {
		t.Fatalf("drafts = %d, %v", len(ds), err)
	}
	return ds[0]
}

func TestEveryAnswerIsSavedAtOnce(t *testing.T) {
	f := newFixture(t)
	m := f.app(StartWalk, "Acme")
	resize(m, 100, 30)
	press(m, "enter", "2")
	if got := draftOf(t, f).Answers["eng-channels"]; got != assess.AtLevel(2) {
		t.Fatalf("stored answer = %+v", got)
	}
	f.mustContain(m, "✓ saved", "question 2 of 27 · 1 answered")
	press(m, "u")
	if got := draftOf(t, f).Answers["eng-conversations"]; got != assess.NotSure {
		t.Fatalf("not sure stored as %+v", got)
	}
	press(m, "down", "down", "down", "enter")
	if got := draftOf(t, f).Answers["eng-audiences"]; got != assess.AtLevel(3) {
		t.Fatalf("cursor + enter stored %+v", got)
	}
}

func TestGoBackAndChangeAnAnswer(t *testing.T) {
	f := newFixture(t)
	m := f.app(StartWalk, "Acme")
	resize(m, 100, 30)
	press(m, "enter", "1", "1", "1") // the first page, then the next page opens
	f.mustContain(m, "Put social listening into the strategy")
	press(m, "left") // back to the last question of the first page
	f.mustContain(m, "▸ 3. Which audiences beyond customers")
	press(m, "shift+tab", "shift+tab") // to question 1
	f.mustContain(m, "▸ 1. How steadily")
	press(m, "4")
	if got := draftOf(t, f).Answers["eng-channels"]; got != assess.AtLevel(4) {
		t.Fatalf("changed answer stored as %+v", got)
	}
	f.mustContain(m, "▸ 2.", "4  All channels are planned together")
}

func TestResizeMidWalkKeepsAnswers(t *testing.T) {
	f := newFixture(t)
	m := f.app(StartWalk, "Acme")
	resize(m, 120, 40)
	press(m, "enter", "2", "3")
	resize(m, 60, 20)
	f.mustContain(m, "question 3 of 27 · 2 answered")
	resize(m, 200, 60)
	f.mustContain(m, "question 3 of 27 · 2 answered")
	d := draftOf(t, f)
	if len(d.Answers) != 2 {
		t.Errorf("answers after resizing = %v", d.Answers)
	}
	for _, line := range strings.Split(f.screenText(m), "\n") {
		if w := len([]rune(line)); w > 200 {
			t.Errorf("line of %d cells in a 200-wide terminal", w)
		}
	}
}

func TestNoteIsSavedAndShown(t *testing.T) {
	f := newFixture(t)
	m := f.app(StartWalk, "Acme")
	resize(m, 100, 30)
	press(m, "enter", "n")
	typeText(m, "We post on three channels, q and ? included")
	press(m, "enter")
	if got := draftOf(t, f).Notes["eng-channels"]; got != "We post on three channels, q and ? included" {
		t.Fatalf("note stored as %q", got)
	}
	f.mustContain(m, "Note: We post on three channels")
	press(m, "n", "esc")
	if got := draftOf(t, f).Notes["eng-channels"]; got == "" {
		t.Fatal("esc on a note erased it")
	}
}

// Quit mid-walk, start again, resume the draft, continue where it stopped.
func TestLeavingBeforeAnsweringLeavesNoDraft(t *testing.T) {
	f := newFixture(t)
	m := f.app(StartWalk, "Acme")
	resize(m, 100, 30)
	press(m, "enter")
	if !press(m, "q") {
		t.Fatal("q did not quit")
	}
	if ds, _ := f.store.Drafts(); len(ds) != 0 || m.ExitNote() != "" {
		t.Errorf("leaving at once left %d drafts and the note %q", len(ds), m.ExitNote())
	}
}

func TestQuitAndResume(t *testing.T) {
	f := newFixture(t)
	m := f.app(StartWalk, "Acme")
	resize(m, 100, 30)
	press(m, "enter", "2", "2", "2", "1")
	if !press(m, "q") {
		t.Fatal("q did not quit")
	}
	if note := m.ExitNote(); !strings.Contains(note, "Acme are saved as a draft (4 of 27 answered)") || !strings.Contains(note, "Resume") {
		t.Fatalf("exit note = %q", note)
	}
	m.Close()

	again := f.app(StartHome, "")
	resize(again, 100, 30)
	f.mustContain(again, "Resume Acme — 4 of 27 answered")
	press(again, "down", "enter")
	f.mustContain(again, "▸ 5. What do the findings of listening inform?", "question 5 of 27 · 4 answered")
	answerRest(t, f, again, "3")
	press(again, "enter")
	f.mustContain(again, "Acme — results", "27 of 27 answered, 0 not sure")
	if ds, _ := f.store.Drafts(); len(ds) != 0 {
		t.Errorf("draft left after completion")
	}
	page, err := f.store.List(store.ListOptions{})
	if err != nil || len(page.Items) != 1 || page.Items[0].Org != "Acme" {
		t.Fatalf("stored = %+v, %v", page.Items, err)
	}
}

func TestResultsShowChangeSinceThePreviousAssessment(t *testing.T) {
	f := newFixture(t)
	f.stored("Acme", 1)
	latest := f.stored("Acme", 3)
	m := f.app(StartHome, "")
	resize(m, 120, 40)
	send(m, openMsg{id: latest.ID})
	f.mustContain(m, "change since the previous assessment", "+50.0 points", "Your next 90 days")
}

func TestHistoryFiltersOpensAndCompares(t *testing.T) {
	f := newFixture(t)
	f.stored("Acme", 1)
	f.stored("Globex", 2)
	f.stored("Acme", 3)
	m := f.app(StartHome, "")
	resize(m, 120, 40)
	press(m, "down", "enter")
	f.mustContain(m, "Past results", "Globex")
	press(m, "/")
	typeText(m, "acm")
	press(m, "enter")
	if strings.Contains(f.screenText(m), "Globex") {
		t.Fatalf("filter kept Globex:\n%s", f.screenText(m))
	}
	press(m, "space", "down", "space")
	f.mustContain(m, "2 marked: press c to compare", "[x]")
	press(m, "c")
	f.mustContain(m, "Comparison", "before", "after", "+50.0")
	press(m, "esc", "enter")
	f.mustContain(m, "Acme — results")
}

func TestCtrlCQuitsFromAnyScreen(t *testing.T) {
	f := newFixture(t)
	m := f.app(StartSetup, "")
	resize(m, 80, 24)
	typeText(m, "q?") // typed into the form, not commands
	f.mustContain(m, "q?")
	if !press(m, "ctrl+c") {
		t.Fatal("ctrl+c did not quit")
	}
}

// answerRest answers every remaining question with key, passing the pillar
// intros, until the finish page.
func answerRest(t *testing.T, f *fixture, m *Model, key string) {
	t.Helper()
	for range 100 {
		screen := f.screenText(m)
		switch {
		case strings.Contains(screen, "Ready to see your results"):
			return
		case strings.Contains(screen, "Press enter to begin"):
			press(m, "enter")
		default:
			press(m, key)
		}
	}
	t.Fatalf("never reached the finish page:\n%s", f.screenText(m))
}

func TestExportFromResults(t *testing.T) {
	f := newFixture(t)
	rec := f.stored("Acme", 2)
	var wrote []string
	m, err := New(Options{Store: f.store, Bank: f.bank, Cat: catEnglish(), Now: f.clock.now,
		Export: func(a report.Assessment, format string) (string, error) {
			if a.Record.ID != rec.ID {
				t.Errorf("exported %s, want %s", a.Record.ID, rec.ID)
			}
			wrote = append(wrote, format)
			return "/reports/acme." + format, nil
		}})
	if err != nil {
		t.Fatal(err)
	}
	defer m.Close()
	resize(m, 100, 30)
	send(m, openMsg{id: rec.ID})
	press(m, "e")
	f.mustContain(m, "Export as: h HTML · m Markdown · c CSV · j JSON")
	press(m, "h")
	f.mustContain(m, "wrote /reports/acme.html")
	if press(m, "e", "q") { // q at the prompt cancels, it does not quit
		t.Fatal("q at the export prompt quit the app")
	}
	press(m, "e", "j")
	if strings.Join(wrote, ",") != "html,json" {
		t.Errorf("exported %v", wrote)
	}
}

// An answer whose save failed still counts when the assessment is completed.
func TestCompletionKeepsAnswersWhoseSaveFailed(t *testing.T) {
	f := newFixture(t)
	m := f.app(StartWalk, "Acme")
	resize(m, 100, 30)
	w := m.screen.(*walk)
	w.draft.Answers["eng-channels"] = assess.AtLevel(4) // shown, never saved
	w.draft.Notes = map[string]string{"eng-channels": "kept"}
	send(m, completeMsg{draft: w.draft})
	page, err := f.store.List(store.ListOptions{})
	if err != nil || len(page.Items) != 1 {
		t.Fatalf("stored %d, %v", len(page.Items), err)
	}
	rec, err := f.store.Get(page.Items[0].ID)
	if err != nil || rec.Answers["eng-channels"] != assess.AtLevel(4) || rec.Notes["eng-channels"] != "kept" {
		t.Fatalf("stored %+v, %v", rec, err)
	}
}

// A save that fails while another process holds the database is made good
// by the next one.
func TestFailedSaveIsMadeGoodByTheNext(t *testing.T) {
	f := newFixture(t)
	busy, err := store.Open(f.store.Path(), store.WithLockWait(50*time.Millisecond))
	if err != nil {
		t.Fatal(err)
	}
	f.store = busy // the app waits only briefly for the lock
	m := f.app(StartWalk, "Acme")
	resize(m, 100, 30)
	press(m, "enter", "1")
	holder, err := store.Open(f.store.Path())
	if err != nil {
		t.Fatal(err)
	}
	if err := holder.Hold(); err != nil {
		t.Fatal(err)
	}
	press(m, "2")
	if words := strings.Join(strings.Fields(f.screenText(m)), " "); !strings.Contains(words, "✗ not saved") || !strings.Contains(words, "in use by another socialmaturity process") {
		t.Fatalf("no failed-save notice:\n%s", f.screenText(m))
	}
	holder.Close()
	press(m, "3")
	f.mustContain(m, "✓ saved")
	d := draftOf(t, f)
	want := assess.Answers{"eng-channels": assess.AtLevel(1), "eng-conversations": assess.AtLevel(2), "eng-audiences": assess.AtLevel(3)}
	for id, a := range want {
		if d.Answers[id] != a {
			t.Errorf("%s = %+v, want %+v", id, d.Answers[id], a)
		}
	}
}

func TestLightAndDarkBackgrounds(t *testing.T) {
	f := newFixture(t)
	m := f.app(StartHome, "")
	resize(m, 80, 24)
	send(m, tea.BackgroundColorMsg{Color: color.White})
	light := m.View().Content
	if m.c.Styles.IsDark {
		t.Fatal("a white background gave dark styles")
	}
	send(m, tea.BackgroundColorMsg{Color: color.Black})
	if !m.c.Styles.IsDark || m.View().Content == light {
		t.Error("a black background did not change the styles")
	}
	if ansi.Strip(m.View().Content) != ansi.Strip(light) {
		t.Error("the background changed the text, not only its colours")
	}
}
