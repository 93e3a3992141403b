package tui

import (
	"bytes"
	"errors"
	"fmt"
	"image/color"
	"os"
	"runtime"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"

	"socialmaturity/assess"
	"socialmaturity/questions"
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

			for _, org := range []string{"Globex", "Initech"} {
				d := &assess.Assessment{ID: store.NewID(f.clock.now()), Submission: assess.Submission{Org: org, Answers: assess.Answers{"eng-channels": assess.AtLevel(3)}}, Bank: assess.RefOf(f.bank)}
				if err := f.store.SaveDraft(d); err != nil {
					t.Fatal(err)
				}
			}
			drafts := f.app(StartHome, "")
			resize(drafts, sz[0], sz[1])
			press(drafts, "d")
			shot("home_discard", drafts)

			again := f.app(StartWalk, "Globex")
			resize(again, sz[0], sz[1])
			shot("org_drafts", again)
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

// draftOf returns the only draft in the store.
func draftOf(t *testing.T, f *fixture) *assess.Assessment {
	t.Helper()
	ds, err := f.store.Drafts()
	if err != nil || len(ds) != 1 {
		t.Fatalf("drafts = %d, %v", len(ds), err)
	}
	return ds[0]
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
	f.mustContain(m, "Comparison", "earlier", "later", "+50.0")
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
		case strings.Contains(screen, "Press enter to begin"), strings.Contains(screen, "↓ more"): // a card, maybe taller than the screen
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
	o := f.options(StartHome, "")
	o.Export = func(a, _ *assess.Assessment, format string) (string, error) {
		if a.ID != rec.ID {
			t.Errorf("exported %s, want %s", a.ID, rec.ID)
		}
		wrote = append(wrote, format)
		return "/reports/acme." + format, nil
	}
	m := f.appWith(o)
	resize(m, 100, 30)
	send(m, openMsg{id: rec.ID})
	press(m, "e")
	f.mustContain(m, "Save a report to share")
	press(m, "h")
	f.mustContain(m, "Saved: /reports/acme.html")
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
	flaky := &flakyStore{Store: f.store}
	o := f.options(StartWalk, "Acme")
	o.Store = flaky
	m := f.appWith(o)
	resize(m, 100, 30)
	f.begin(m)
	press(m, "n")
	typeText(m, "kept")
	flaky.setFail(-1, errors.New("disk on fire"))
	press(m, "enter", "4")
	f.mustContain(m, "✗ not saved: disk on fire")
	for range 40 {
		press(m, "right")
	}
	press(m, "enter")
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
	f.begin(m)
	press(m, "1")
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

// QA C1: the status line says ✓ only once the latest answer is committed.
func TestStatusNeverClaimsAnUncommittedSave(t *testing.T) {
	f := newFixture(t)
	flaky := &flakyStore{Store: f.store}
	o := f.options(StartWalk, "Acme")
	o.Store = flaky
	m := f.appWith(o)
	resize(m, 100, 30)
	f.begin(m)
	press(m, "1")
	f.mustContain(m, "✓ saved")
	m.Update(keyMsg("2")) // its save has not reported yet
	if v := f.screenText(m); strings.Contains(v, "✓") || !strings.Contains(v, "… saving") {
		t.Fatalf("a pending save shown as:\n%s", v)
	}
	flaky.setFail(-1, errors.New("database busy"))
	press(m, "3")
	if v := f.screenText(m); strings.Contains(v, "✓") || !strings.Contains(v, "✗ not saved: database busy") {
		t.Fatalf("a failed save shown as:\n%s", v)
	}
}

// QA C1: leaving with answers the database refused keeps trying while
// saying so, then writes them to an answers file and ends with an error.
func TestQuitWithUnsavedAnswersRescuesThem(t *testing.T) {
	f := newFixture(t)
	flaky := &flakyStore{Store: f.store}
	o := f.options(StartWalk, "BusyCo")
	o.Store = flaky
	m := f.appWith(o)
	resize(m, 100, 30)
	f.begin(m)
	press(m, "3")
	flaky.setFail(-1, errors.New("database busy"))
	press(m, "2", "n")
	typeText(m, "two owners")
	press(m, "enter", "q") // q in a walk asks once before leaving

	_, cmd := m.Update(keyMsg("y"))
	msgs := run(cmd)
	if len(msgs) == 1 { // the walk asks the root to quit
		if _, ok := msgs[0].(quitMsg); ok {
			_, cmd = m.Update(msgs[0])
			msgs = run(cmd)
		}
	}
	if len(msgs) != 1 {
		t.Fatalf("leaving gave %v", msgs)
	}
	m.Update(msgs[0]) // the first attempt failed
	if words := f.words(m); !strings.Contains(words, "not saved yet (database busy)") || !strings.Contains(words, "Trying again") {
		t.Fatalf("retrying is not said:\n%s", f.screenText(m))
	}
	if press(m, "4") {
		t.Fatal("a key ended the retrying")
	}
	if !send(m, msgs[0]) {
		t.Fatal("the app did not end after retrying")
	}
	var unsaved *UnsavedError
	if !errors.As(m.Err(), &unsaved) || unsaved.Path == "" || m.ExitNote() != "" {
		t.Fatalf("err = %v, note = %q", m.Err(), m.ExitNote())
	}
	if !strings.Contains(unsaved.Error(), "socialmaturity import") {
		t.Errorf("the error does not say how to import: %s", unsaved)
	}
	data, err := os.ReadFile(unsaved.Path)
	if err != nil {
		t.Fatal(err)
	}
	sub, err := assess.ParseSubmission(unsaved.Path, data, f.bank)
	if err != nil || sub.Org != "BusyCo" || len(sub.Answers) != 2 || sub.Notes["eng-audiences"] != "two owners" {
		t.Fatalf("rescued %+v, %v:\n%s", sub, err, data)
	}
	if flaky.saves < 3 {
		t.Errorf("only %d saves were tried", flaky.saves)
	}
}

// QA C1: a database that frees up while leaving gets the answers.
func TestQuitRetriesUntilTheDatabaseRecovers(t *testing.T) {
	f := newFixture(t)
	flaky := &flakyStore{Store: f.store}
	o := f.options(StartWalk, "Acme")
	o.Store = flaky
	m := f.appWith(o)
	m.retry = retryPolicy{every: time.Millisecond, total: time.Minute}
	resize(m, 100, 30)
	flaky.setFail(5, errors.New("database busy")) // the answer's save, then four of leaving's
	f.begin(m)
	press(m, "3")
	if !press(m, "q", "y") {
		t.Fatal("q did not quit")
	}
	if m.Err() != nil || !strings.Contains(m.ExitNote(), "saved as a draft (1 answered, of 29)") {
		t.Fatalf("err = %v, note = %q", m.Err(), m.ExitNote())
	}
	if d := draftOf(t, f); d.Answers["eng-channels"] != assess.AtLevel(3) {
		t.Errorf("stored %v", d.Answers)
	}
}

// A run ended from outside (a signal) stores the answers on screen too.
func TestSettleStoresAnswersWhenEndedFromOutside(t *testing.T) {
	f := newFixture(t)
	flaky := &flakyStore{Store: f.store}
	o := f.options(StartWalk, "Acme")
	o.Store = flaky
	m := f.appWith(o)
	resize(m, 100, 30)
	flaky.setFail(1, errors.New("database busy"))
	f.begin(m)
	press(m, "3")
	m.settle()
	if m.Err() != nil || !strings.Contains(m.ExitNote(), "saved as a draft") {
		t.Fatalf("err = %v, note = %q", m.Err(), m.ExitNote())
	}
	if d := draftOf(t, f); len(d.Answers) != 1 {
		t.Errorf("stored %v", d.Answers)
	}
}

// twoWindows opens the same draft of Acme in two apps.
func twoWindows(t *testing.T, f *fixture) (first, second *Model) {
	t.Helper()
	seed := f.app(StartWalk, "Acme")
	resize(seed, 100, 30)
	f.begin(seed)
	press(seed, "1")
	first, second = f.app(StartHome, ""), f.app(StartHome, "")
	for _, m := range []*Model{first, second} {
		resize(m, 100, 30)
		press(m, "enter")
		f.mustContain(m, "1 answered")
	}
	return first, second
}

// QA C2: a save after another window completed the draft keeps the answers
// as a new draft and leaves the completed assessment alone.
func TestSaveAfterCompletionElsewhereStartsANewDraft(t *testing.T) {
	f := newFixture(t)
	first, second := twoWindows(t, f)
	answerRest(t, f, first, "4")
	press(first, "enter")
	f.mustContain(first, "Acme — results")
	done := f.store
	page, _ := done.List(store.ListOptions{})
	completedID := page.Items[0].ID

	press(second, "2")
	if w := f.words(second); !strings.Contains(w, "completed in another window; your answers are kept as a new draft") || !strings.Contains(w, "✓ saved") {
		t.Fatalf("not told:\n%s", f.screenText(second))
	}
	d := draftOf(t, f)
	if d.ID == completedID || len(d.Answers) != 2 || d.Answers["eng-conversations"] != assess.AtLevel(2) {
		t.Fatalf("new draft %s: %v", d.ID, d.Answers)
	}
	kept, err := f.store.Get(completedID)
	if err != nil || kept.Answers["eng-conversations"] != assess.AtLevel(4) {
		t.Fatalf("the completed assessment changed: %v, %v", kept.Answers, err)
	}
}

// QA C2: completing a draft another window completed keeps the answers as a
// new draft, which can then be completed.
func TestCompletionAfterCompletionElsewhereKeepsTheAnswers(t *testing.T) {
	f := newFixture(t)
	first, second := twoWindows(t, f)
	for _, m := range []*Model{first, second} {
		for range 40 {
			press(m, "right")
		}
	}
	press(first, "enter")
	press(second, "enter")
	f.mustContain(second, "completed in another window", "Ready to see your results")
	if d := draftOf(t, f); len(d.Answers) != 1 {
		t.Fatalf("kept draft: %v", d.Answers)
	}
	press(second, "enter")
	f.mustContain(second, "Acme — results")
	if page, _ := f.store.List(store.ListOptions{}); len(page.Items) != 2 {
		t.Fatalf("stored %d assessments", len(page.Items))
	}
}

// QA M2: while the terminal is too small, keys do nothing but quit.
func TestTooSmallIgnoresEveryKeyButQuit(t *testing.T) {
	f := newFixture(t)
	m := f.app(StartHome, "")
	resize(m, 50, 15)
	press(m, "enter")
	typeText(m, "Hidden Org")
	press(m, "enter", "enter", "enter", "enter", "3")
	resize(m, 80, 24)
	f.mustContain(m, "Start a new assessment")
	if ds, _ := f.store.Drafts(); len(ds) != 0 {
		t.Fatalf("a hidden screen stored %d drafts", len(ds))
	}

	walk := f.app(StartWalk, "Acme")
	resize(walk, 80, 24)
	f.begin(walk)
	press(walk, "1")
	resize(walk, 50, 15)
	press(walk, "2", "n")
	resize(walk, 80, 24)
	f.mustContain(walk, "question 2 of 29 · 1 answered")
	resize(walk, 50, 15)
	if !press(walk, "q") {
		t.Fatal("q did not quit the small screen")
	}
}

// QA M6: stored text cannot restyle the terminal or split a row.
func TestUserTextIsShownSafely(t *testing.T) {
	f := newFixture(t)
	evil := "Evil\x1b[31mRED\r\nInjected\u202e"
	d := &assess.Assessment{ID: store.NewID(f.clock.now()), Submission: assess.Submission{Org: evil, Answers: assess.Answers{"eng-channels": assess.AtLevel(1)},
		Notes: map[string]string{"eng-channels": "note\x1b]52;c;aGk=\x07 here"}}, Bank: assess.RefOf(f.bank)}
	if err := f.store.SaveDraft(d); err != nil {
		t.Fatal(err)
	}
	a := f.stored(evil, 2)
	check := func(m *Model, want string) {
		t.Helper()
		raw := m.View().Content
		if strings.Contains(raw, "\x1b[31mRED") || strings.Contains(raw, "\x1b]52") || strings.Contains(raw, "\r") || strings.Contains(raw, "\u202e") {
			t.Errorf("raw control text reached the screen:\n%q", raw)
		}
		f.mustContain(m, want)
	}
	m := f.app(StartHome, "")
	resize(m, 120, 40)
	check(m, "Resume Evil[31mRED Injected")
	press(m, "enter", "shift+tab")
	check(m, "Note: note]52;c;aGk= here")
	m = f.app(StartHome, "")
	resize(m, 120, 40)
	send(m, goHistoryMsg{})
	check(m, "Evil[31mRED Injected")
	send(m, openMsg{id: a.ID})
	check(m, "Evil[31mRED Injected — results")
	press(m, "t")
	check(m, "Targets for Evil[31mRED Injected")
	setup := f.app(StartSetup, "")
	resize(setup, 120, 40)
	typeText(setup, "Ev")
	check(setup, "Already assessed: Evil[31mRED Injected")
}

// QA M9: home discards a draft once confirmed, and p opens past results.
func TestHomeDiscardsADraftOnceConfirmed(t *testing.T) {
	f := newFixture(t)
	w := f.app(StartWalk, "Stray")
	resize(w, 80, 24)
	f.begin(w)
	press(w, "1")
	m := f.app(StartHome, "")
	resize(m, 80, 24)
	press(m, "d")
	f.mustContain(m, "Discard the draft of Stray (1 answered, of 29)? Press y")
	press(m, "n")
	f.mustContain(m, "Resume Stray")
	if ds, _ := f.store.Drafts(); len(ds) != 1 {
		t.Fatal("a cancelled discard removed the draft")
	}
	press(m, "d", "y")
	f.mustContain(m, "Discarded the draft of Stray.")
	if strings.Contains(f.screenText(m), "Resume Stray") {
		t.Fatal("the discarded draft is still offered")
	}
	if ds, _ := f.store.Drafts(); len(ds) != 0 {
		t.Fatal("the draft is still stored")
	}
	press(m, "p")
	f.mustContain(m, "Past results")
}

// QA m5: "not scored" fits on the result rows at 80×24.
func TestNotScoredFitsAt80x24(t *testing.T) {
	f := newFixture(t)
	one := f.storedWith(f.bank, "Acme", func(i int, _ *questions.Question) (assess.Answer, bool) { return assess.AtLevel(2), i == 0 })
	m := f.opened(one, 80, 24)
	for range 5 {
		if strings.Contains(f.screenText(m), "not scored") {
			break
		}
		press(m, "pgdown")
	}
	f.mustContain(m, "not scored")
	for _, line := range strings.Split(f.screenText(m), "\n") {
		if strings.Contains(line, "not sco") && !strings.Contains(line, "not scored") {
			t.Fatalf("cut: %q", line)
		}
	}
}

// QA m9/m11: history shows short ids long enough to tell apart.
func TestHistoryShortIDsAreUnique(t *testing.T) {
	f := newFixture(t)
	at := f.clock.now()
	var batch []*assess.Assessment
	for _, org := range []string{"Acme", "Acme", "Acme"} {
		batch = append(batch, &assess.Assessment{CompletedAt: &at, Submission: assess.Submission{Org: org, Respondent: org, Answers: assess.Answers{"eng-channels": assess.AtLevel(2)}}})
	}
	cs, err := f.store.Complete(f.bank, batch)
	if err != nil {
		t.Fatal(err)
	}
	m := f.app(StartHome, "")
	resize(m, 120, 40)
	send(m, goHistoryMsg{})
	screen := ansi.Strip(m.View().Content)
	shorts := map[string]bool{}
	for _, it := range func() []assess.Summary { p, _ := f.store.List(store.ListOptions{}); return p.Items }() {
		if !strings.Contains(screen, " "+it.Short+" ") {
			t.Errorf("history lacks %s:\n%s", it.Short, screen)
		}
		shorts[it.Short] = true
	}
	if len(shorts) != len(cs) {
		t.Errorf("short ids %v for %d assessments", shorts, len(cs))
	}
}

// QA m8: assess --org X offers X's draft before starting another.
func TestWalkOfAnOrgOffersItsDraft(t *testing.T) {
	f := newFixture(t)
	first := f.app(StartWalk, "Acme Corp")
	resize(first, 80, 24)
	f.begin(first)
	press(first, "3")

	m := f.app(StartWalk, "acme  corp")
	resize(m, 80, 24)
	f.mustContain(m, "acme corp already has a draft", "Resume Acme Corp — 1 answered, of 29", "Start a new assessment of acme corp")
	press(m, "enter")
	f.mustContain(m, "question 2 of 29 · 1 answered")

	fresh := f.app(StartWalk, "Acme Corp")
	resize(fresh, 80, 24)
	press(fresh, "down", "enter")
	f.mustContain(fresh, "Before you start")
	f.begin(fresh)
	press(fresh, "1")
	if ds, _ := f.store.Drafts(); len(ds) != 2 {
		t.Fatalf("%d drafts after starting anew", len(ds))
	}
}

// guardStore fails a test when storage is used from inside Update, where a
// slow disk would hold up keys.
type guardStore struct {
	Store
	t testing.TB
}

func (g guardStore) check(op string) {
	buf := make([]byte, 1<<16)
	if bytes.Contains(buf[:runtime.Stack(buf, false)], []byte("tui.(*Model).Update(")) {
		g.t.Errorf("%s ran inside Update", op)
	}
}

func (g guardStore) Overview() ([]*assess.Assessment, int, error) {
	g.check("Overview")
	return g.Store.Overview()
}

func (g guardStore) Drafts() ([]*assess.Assessment, error) {
	g.check("Drafts")
	return g.Store.Drafts()
}

func (g guardStore) SaveDraft(d *assess.Assessment) error {
	g.check("SaveDraft")
	return g.Store.SaveDraft(d)
}

func (g guardStore) Complete(b *questions.Bank, ds []*assess.Assessment, opts ...store.CompleteOption) ([]store.Completion, error) {
	g.check("Complete")
	return g.Store.Complete(b, ds, opts...)
}

func (g guardStore) Get(ref string) (*assess.Assessment, error) {
	g.check("Get")
	return g.Store.Get(ref)
}

func (g guardStore) GetWithPrevious(ref string) (*assess.Assessment, *assess.Assessment, error) {
	g.check("GetWithPrevious")
	return g.Store.GetWithPrevious(ref)
}

func (g guardStore) List(o store.ListOptions) (store.Page, error) {
	g.check("List")
	return g.Store.List(o)
}

func (g guardStore) Delete(ref string) (string, error) { g.check("Delete"); return g.Store.Delete(ref) }

func (g guardStore) Latest() ([]store.OrgLatest, error) { g.check("Latest"); return g.Store.Latest() }

func (g guardStore) ContextOf(org string) (*store.Org, assess.Context, error) {
	g.check("ContextOf")
	return g.Store.ContextOf(org)
}

// Review P0-3: loading, completing, opening, comparing, discarding and
// exporting all run in commands, never inside Update.
func TestNoStorageInsideUpdate(t *testing.T) {
	f := newFixture(t)
	f.stored("Acme", 1)
	f.stored("Acme", 2)
	o := f.options(StartWalk, "Acme")
	o.Store = guardStore{Store: f.store, t: t}
	exported := 0
	o.Export = func(a, _ *assess.Assessment, _ string) (string, error) {
		guardStore{t: t}.check("Export")
		exported++
		return "/tmp/x.html", nil
	}
	m := f.appWith(o)
	resize(m, 100, 30)
	f.begin(m)
	press(m, "2")
	answerRest(t, f, m, "3")
	press(m, "enter")
	f.mustContain(m, "Acme — results")
	press(m, "e", "h", "p")
	f.mustContain(m, "Past results")
	press(m, "space", "down", "space", "c")
	f.mustContain(m, "Comparison")
	press(m, "esc", "enter")
	f.mustContain(m, "Acme — results")
	if exported != 1 {
		t.Errorf("exported %d times", exported)
	}

	w := f.appWith(f.options(StartWalk, "Stray"))
	resize(w, 100, 30)
	f.begin(w)
	press(w, "1")
	home := f.appWith(Options{Store: guardStore{Store: f.store, t: t}, Bank: f.bank, Cat: catEnglish(), Now: f.clock.now})
	resize(home, 100, 30)
	press(home, "d", "y")
	f.mustContain(home, "Discarded the draft of Stray.")
}

// QA m9/m11: drafts on home show short ids long enough to tell apart.
func TestHomeDraftsShowUniqueShortIDs(t *testing.T) {
	f := newFixture(t)
	for _, id := range []string{"1kt16me70zdypba1", "1kt16me70zdypba2"} {
		d := &assess.Assessment{ID: id, Submission: assess.Submission{Org: "EofCo", Answers: assess.Answers{"eng-channels": assess.AtLevel(1)}}, Bank: assess.RefOf(f.bank)}
		if err := f.store.SaveDraft(d); err != nil {
			t.Fatal(err)
		}
	}
	m := f.app(StartHome, "")
	resize(m, 100, 30)
	screen := ansi.Strip(m.View().Content)
	for _, short := range []string{"· 1kt16me70zdypba1", "· 1kt16me70zdypba2"} {
		if !strings.Contains(screen, short) {
			t.Errorf("home lacks %q:\n%s", short, screen)
		}
	}
}

// A key typed while the home screen is still loading is not lost: it
// acts once the entries are there.
func TestHomeKeepsKeysTypedWhileLoading(t *testing.T) {
	f := newFixture(t)
	m := New(f.options(StartHome, ""))
	t.Cleanup(m.Close)
	loading := run(m.Init()) // the load has run; its result is not yet delivered
	resize(m, 80, 24)
	f.mustContain(m, "Loading")
	press(m, "enter")
	for _, msg := range loading {
		send(m, msg)
	}
	f.mustContain(m, "Organization")
}
