package tui

import (
	"fmt"
	"strconv"
	"strings"
	"testing"

	"github.com/charmbracelet/x/exp/golden"

	"socialmaturity/assess"
	"socialmaturity/questions"
	"socialmaturity/store"
)

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
	f.mustContain(m, "Before you start", "You are assessing: Initech.")
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

func TestEveryAnswerIsSavedAtOnce(t *testing.T) {
	f := newFixture(t)
	m := f.app(StartWalk, "Acme")
	resize(m, 100, 30)
	press(m, "enter", "enter", "2")
	if got := draftOf(t, f).Answers["eng-channels"]; got != assess.AtLevel(2) {
		t.Fatalf("stored answer = %+v", got)
	}
	f.mustContain(m, "✓ saved", "question 2 of 29 · 1 answered")
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
	press(m, "enter", "enter", "1", "1", "1") // the first page, then the next page opens
	f.mustContain(m, "Put social media listening into the strategy")
	press(m, "left") // back to the last question of the first page
	f.mustContain(m, "▸ 3. How does your organization reach audiences")
	press(m, "shift+tab", "shift+tab") // to question 1
	f.mustContain(m, "▸ 1. How is publishing")
	press(m, "4")
	if got := draftOf(t, f).Answers["eng-channels"]; got != assess.AtLevel(4) {
		t.Fatalf("changed answer stored as %+v", got)
	}
	f.mustContain(m, "▸ 2.", "4  Channels across teams share one plan")
}

func TestResizeMidWalkKeepsAnswers(t *testing.T) {
	f := newFixture(t)
	m := f.app(StartWalk, "Acme")
	resize(m, 120, 40)
	press(m, "enter", "enter", "2", "3")
	resize(m, 60, 20)
	f.mustContain(m, "question 3 of 29 · 2 answered")
	resize(m, 200, 60)
	f.mustContain(m, "question 3 of 29 · 2 answered")
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
	press(m, "enter", "enter", "n")
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
	if press(m, "q") || !press(m, "q") {
		t.Fatal("q q did not quit")
	}
	if ds, _ := f.store.Drafts(); len(ds) != 0 || m.ExitNote() != "" {
		t.Errorf("leaving at once left %d drafts and the note %q", len(ds), m.ExitNote())
	}
}

func TestQuitAndResume(t *testing.T) {
	f := newFixture(t)
	m := f.app(StartWalk, "Acme")
	resize(m, 100, 30)
	press(m, "enter", "enter", "2", "2", "2", "1")
	if press(m, "q") || !press(m, "y") {
		t.Fatal("q y did not quit")
	}
	if note := m.ExitNote(); !strings.Contains(note, "Acme are saved as a draft (4 answered, of 29)") || !strings.Contains(note, "Resume") {
		t.Fatalf("exit note = %q", note)
	}
	m.Close()

	again := f.app(StartHome, "")
	resize(again, 100, 30)
	f.mustContain(again, "Resume Acme — 4 answered, of 29")
	press(again, "enter") // Resume is the row the cursor starts on
	f.mustContain(again, "▸ 5. What decisions do findings from social media listening change?", "question 5 of 29 · 4 answered")
	answerRest(t, f, again, "3")
	press(again, "enter")
	f.mustContain(again, "Acme — results", "29 of 29 answered, 0 not sure")
	if ds, _ := f.store.Drafts(); len(ds) != 0 {
		t.Errorf("draft left after completion")
	}
	page, err := f.store.List(store.ListOptions{})
	if err != nil || len(page.Items) != 1 || page.Items[0].Org != "Acme" {
		t.Fatalf("stored = %+v, %v", page.Items, err)
	}
}

// QA M10: at the smallest size every key of a question page can be found.
func TestFullHelpShowsEveryKeyAt60x20(t *testing.T) {
	f := newFixture(t)
	m := f.app(StartWalk, "Acme")
	resize(m, 60, 20)
	press(m, "enter", "enter")
	f.mustContain(m, "? more keys")
	press(m, "?")
	words := f.words(m)
	for _, want := range []string{"tab next question", "shift+tab previous question", "→/l next page", "←/h previous page",
		"q quit", "? more keys", "n note", "u not sure", "0-4 pick level", "↑/k up", "↓/j down", "enter choose", "g glossary"} {
		if !strings.Contains(words, want) {
			t.Errorf("the full help lacks %q:\n%s", want, f.screenText(m))
		}
	}
}

// QA M10: a pillar card taller than the screen scrolls to its end.
func TestIntroCardScrollsAt60x20(t *testing.T) {
	f := newFixture(t)
	long, err := questions.Load("long.yaml", questions.DefaultYAML())
	if err != nil {
		t.Fatal(err)
	}
	long.Pillars[0].Thesis = strings.Repeat("A thesis long enough to be taller than the screen. ", 12)
	f.bank = long
	m := f.app(StartWalk, "Acme")
	resize(m, 60, 20)
	press(m, "enter")
	f.mustContain(m, "Pillar 1 of 3", "↓ more")
	for range 100 {
		if !strings.Contains(f.screenText(m), "↓ more") {
			break
		}
		press(m, "down")
	}
	f.mustContain(m, "Press enter to begin.", "╰")
	f.mustContain(m, "question 1 of 29 · 0 answered") // scrolled, not moved on
	if strings.Contains(f.screenText(m), "▸ 1.") {
		t.Fatal("scrolling left the card")
	}
	press(m, "enter")
	if strings.Contains(f.screenText(m), "Press enter to begin.") {
		t.Fatalf("enter did not leave the card:\n%s", f.screenText(m))
	}
	f.mustContain(m, "0  No channel has a plan")
}

// draftUpTo stores a draft of org answering every question before the one
// with id at level 2, so that resuming it opens on that question.
func draftUpTo(t *testing.T, f *fixture, org, id string) {
	t.Helper()
	d := &assess.Assessment{ID: store.NewID(f.clock.now()), Submission: assess.Submission{Org: org, Answers: assess.Answers{}}, Bank: assess.RefOf(f.bank)}
	for _, q := range f.bank.AllQuestions() {
		if q.ID == id {
			break
		}
		d.Answers[q.ID] = assess.AtLevel(2)
	}
	if err := f.store.SaveDraft(d); err != nil {
		t.Fatal(err)
	}
}

// firstMayNotApply is the first question of the bank that may not apply.
func firstMayNotApply(t *testing.T, b *questions.Bank) *questions.Question {
	t.Helper()
	for _, q := range b.AllQuestions() {
		if q.MayNotApply {
			return q
		}
	}
	t.Fatal("the bank has no question that may not apply")
	return nil
}

// Issue 10/14: before the first pillar, a card says whom and what period to
// answer for and what "not sure" and "does not apply" mean; "pillar" and
// "key action" are explained where they first appear.
func TestWalkExplainsScopeAndTermsWhereTheyFirstAppear(t *testing.T) {
	f := newFixture(t)
	m := f.app(StartWalk, "Globex Retail")
	resize(m, 120, 40)
	w := f.words(m)
	for _, want := range []string{"Before you start", "You are assessing: Globex Retail.", "29 questions in 3 pillars",
		"the last six months", "Not sure: counts neither for nor against you", "listed in your results as a gap to close",
		"Does not apply: offered only on a question that may not fit your unit", "left out of the scores", "Press g on any page for the glossary"} {
		if !strings.Contains(w, want) {
			t.Errorf("the scope card lacks %q:\n%s", want, f.screenText(m))
		}
	}
	if strings.Contains(w, "Pillar 1 of 3") {
		t.Error("the scope card is not before the first pillar")
	}
	press(m, "enter")
	f.mustContain(m, "Pillar 1 of 3")
	if !strings.Contains(f.words(m), "A pillar is one of the 3 broad themes") {
		t.Errorf("the first pillar card does not say what a pillar is:\n%s", f.screenText(m))
	}
	press(m, "enter")
	if !strings.Contains(f.words(m), "A key action is one practice within a pillar") {
		t.Errorf("the first key action's page does not say what a key action is:\n%s", f.screenText(m))
	}
	press(m, "right", "right", "right")
	f.mustContain(m, "Pillar 2 of 3")
	if strings.Contains(f.words(m), "A pillar is one of") {
		t.Error("the term is explained again on the second pillar")
	}
}

// Issue 10: every fact and case of the bank is shown somewhere in the walk,
// with its source inline, even at the smallest size.
func TestWalkShowsEveryFactAndCaseAt60x20(t *testing.T) {
	f := newFixture(t)
	m := f.app(StartWalk, "Acme")
	resize(m, 60, 20)
	var seen strings.Builder
	for range 200 {
		screen := f.screenText(m)
		seen.WriteString(screen)
		if strings.Contains(screen, "Ready to see your results") {
			break
		}
		if strings.Contains(screen, "↓ more") {
			press(m, "down")
		} else {
			press(m, "right")
		}
	}
	// a card's border and indentation split lines, and a line may break
	// after a hyphen: compare words only, hyphenated words rejoined
	words := strings.Join(strings.Fields(strings.NewReplacer("│", " ").Replace(seen.String())), " ")
	words = strings.ReplaceAll(words, "- ", "-")
	cat := catEnglish()
	for _, fact := range f.bank.Facts {
		want := assess.FactView{Value: fact.Value, Format: fact.Format, About: fact.About, Text: fact.Text}.Fill(cat)
		if !strings.Contains(words, want) {
			t.Errorf("fact %s (%q) is never shown", fact.ID, want)
		}
	}
	for _, c := range f.bank.Cases {
		lead := strings.Join(strings.Fields(c.Text)[:5], " ")
		if !strings.Contains(words, c.Org+": "+lead) {
			t.Errorf("case %s (%q) is never shown", c.ID, lead)
		}
	}
	if !strings.Contains(words, "(Hootsuite & Altimeter, 2021)") {
		t.Error("no source is named inline")
	}
}

// Issue 10: "does not apply" is offered, with its condition, only on a
// question that may not apply, and is stored as such.
func TestDoesNotApplyOnlyWhereAllowed(t *testing.T) {
	f := newFixture(t)
	m := f.app(StartWalk, "Acme")
	resize(m, 120, 40)
	press(m, "enter", "enter", "x")
	if ds, _ := f.store.Drafts(); len(ds) != 0 {
		t.Fatalf("x answered a question that applies to everyone: %v", ds[0].Answers)
	}
	if w := f.words(m); strings.Contains(w, "Does not apply") || strings.Contains(w, "x does not apply") {
		t.Fatalf("does not apply is offered where it is not allowed:\n%s", f.screenText(m))
	}
	press(m, "down", "down", "down", "down", "down", "down", "down", "enter")
	if got := draftOf(t, f).Answers["eng-channels"]; got != assess.NotSure {
		t.Fatalf("the cursor went past not sure: %+v", got)
	}
	m.Close()

	q := firstMayNotApply(t, f.bank)
	other := newFixture(t)
	draftUpTo(t, other, "Acme", q.ID)
	m = other.app(StartWalk, "Acme")
	resize(m, 120, 40)
	press(m, "enter") // resume the draft
	other.mustContain(m, "▸ "+strconv.Itoa(other.bank.QuestionCount()-countFrom(other.bank, q.ID)+1)+".", "x does not apply")
	if w := other.words(m); !strings.Contains(w, "x Does not apply: "+strings.Join(strings.Fields(q.NotApplicable)[:6], " ")) {
		t.Fatalf("the row does not say when it applies:\n%s", other.screenText(m))
	}
	press(m, "x")
	if got := draftOf(t, other).Answers[q.ID]; got != assess.DoesNotApply {
		t.Fatalf("x stored %+v", got)
	}
	press(m, "shift+tab")
	other.mustContain(m, "● x")
}

// countFrom is how many questions of b come from the one with id on.
func countFrom(b *questions.Bank, id string) int {
	n, found := 0, false
	for _, q := range b.AllQuestions() {
		found = found || q.ID == id
		if found {
			n++
		}
	}
	return n
}

// Issue 14: choosing "not sure" says it does not count against you and who
// would know.
func TestNotSureShowsWhoWouldKnow(t *testing.T) {
	f := newFixture(t)
	m := f.app(StartWalk, "Acme")
	resize(m, 120, 40)
	press(m, "enter", "enter", "u")
	q, _ := f.bank.Question("eng-channels")
	w := f.words(m)
	if !strings.Contains(w, "Marked not sure: it counts neither for nor against you. Who would know: "+q.WhoKnows) {
		t.Fatalf("not sure is not explained:\n%s", f.screenText(m))
	}
	press(m, "shift+tab")
	if w := f.words(m); !strings.Contains(w, "Who would know: "+q.WhoKnows) || strings.Contains(w, "Marked not sure") {
		t.Fatalf("the question answered not sure does not say who would know:\n%s", f.screenText(m))
	}
}

// Issue 10: g opens the glossary from any walk page; it scrolls, and esc
// closes it where it was opened.
func TestGlossaryFromAnyWalkPage(t *testing.T) {
	f := newFixture(t)
	m := f.app(StartWalk, "Acme")
	resize(m, 60, 20)
	for _, keys := range [][]string{nil, {"enter"}, {"enter"}, {"right", "right", "right", "right"}} {
		press(m, keys...)
		before := f.screenText(m)
		f.mustContain(m, "g glossary")
		press(m, "g")
		f.mustContain(m, "Glossary", f.bank.Glossary[0].Term, "esc/g close", "↓ more")
		for range 200 {
			if !strings.Contains(f.screenText(m), "↓ more") {
				break
			}
			press(m, "down")
		}
		last := f.bank.Glossary[len(f.bank.Glossary)-1]
		if w := f.words(m); !strings.Contains(w, last.Term) || !strings.Contains(w, strings.Join(strings.Fields(last.Definition)[:4], " ")) {
			t.Fatalf("the glossary does not scroll to its end:\n%s", f.screenText(m))
		}
		press(m, "esc")
		if f.screenText(m) != before {
			t.Fatalf("esc did not go back:\n%s\nwant:\n%s", f.screenText(m), before)
		}
	}
	if ds, _ := f.store.Drafts(); len(ds) != 0 {
		t.Error("the glossary's keys answered a question")
	}
}

// Issue 14: q inside a walk says the answers are kept and asks once; any
// other key stays, and does nothing else.
func TestQuitInAWalkAsksOnce(t *testing.T) {
	f := newFixture(t)
	m := f.app(StartWalk, "Acme")
	resize(m, 100, 30)
	press(m, "enter", "enter", "3")
	if press(m, "q") {
		t.Fatal("the first q left")
	}
	if w := f.words(m); !strings.Contains(w, "Leave now? Your answers so far (1 answered, of 29) are kept as a draft") ||
		!strings.Contains(w, "Press q or y to leave, any other key to stay") || !strings.Contains(w, "q/y leave • any other key stay") {
		t.Fatalf("q does not ask:\n%s", f.screenText(m))
	}
	if press(m, "2") {
		t.Fatal("another key left")
	}
	if d := draftOf(t, f); len(d.Answers) != 1 || strings.Contains(f.words(m), "Leave now?") {
		t.Fatalf("the key that stays also acted (%v), or the question stayed:\n%s", d.Answers, f.screenText(m))
	}
	if press(m, "q") || !press(m, "q") {
		t.Fatal("q q did not leave")
	}
	if !strings.Contains(m.ExitNote(), "saved as a draft (1 answered, of 29)") {
		t.Errorf("exit note = %q", m.ExitNote())
	}

	fresh := f.app(StartWalk, "Initech")
	resize(fresh, 100, 30)
	press(fresh, "q")
	if !strings.Contains(f.words(fresh), "Nothing is answered yet, so no draft is kept") {
		t.Fatalf("q with nothing answered:\n%s", f.screenText(fresh))
	}
	if !press(fresh, "y") {
		t.Fatal("y did not leave")
	}
}

// Usability S-10: the note prompt and the footer name the same keys.
func TestNotePromptAndFooterNameTheSameKeys(t *testing.T) {
	f := newFixture(t)
	m := f.app(StartWalk, "Acme")
	resize(m, 100, 30)
	press(m, "enter", "enter", "n")
	w := f.words(m)
	if !strings.Contains(w, "Note (enter to save, esc to cancel)") || !strings.Contains(w, "enter save note • esc cancel") {
		t.Fatalf("prompt and footer disagree:\n%s", f.screenText(m))
	}
}

// Usability S-4: the finish page's counts add up, and agree with the
// progress line.
func TestFinishCountsAgree(t *testing.T) {
	f := newFixture(t)
	q := firstMayNotApply(t, f.bank)
	d := &assess.Assessment{ID: store.NewID(f.clock.now()), Submission: assess.Submission{Org: "Acme", Answers: assess.Answers{}}, Bank: assess.RefOf(f.bank)}
	for i, bq := range f.bank.AllQuestions() {
		switch {
		case bq.ID == q.ID:
			d.Answers[bq.ID] = assess.DoesNotApply
		case i < 2:
			d.Answers[bq.ID] = assess.NotSure
		case i < f.bank.QuestionCount()-3:
			d.Answers[bq.ID] = assess.AtLevel(3)
		}
	}
	if err := f.store.SaveDraft(d); err != nil {
		t.Fatal(err)
	}
	m := f.app(StartWalk, "Acme")
	resize(m, 100, 30)
	press(m, "enter")
	for range 10 {
		press(m, "right")
	}
	w := f.words(m)
	if !strings.Contains(w, "Of 29 questions: 23 answered, 2 not sure, 1 do not apply, 3 not answered.") ||
		!strings.Contains(w, "question 29 of 29 · 23 answered") || !strings.Contains(w, "3 question(s) are not answered yet") {
		t.Fatalf("the counts disagree:\n%s", f.screenText(m))
	}
}

// The walk's screens at both reference sizes, as golden files.
func TestWalkGolden(t *testing.T) {
	for _, sz := range sizes {
		t.Run(fmt.Sprintf("%dx%d", sz[0], sz[1]), func(t *testing.T) {
			f := newFixture(t)
			shot := func(name string, m *Model) {
				t.Run(name, func(t *testing.T) { golden.RequireEqual(t, f.screenText(m)) })
			}
			walk := f.app(StartWalk, "Globex")
			resize(walk, sz[0], sz[1])
			shot("walk_scope", walk)
			press(walk, "enter")
			shot("walk_intro", walk)
			press(walk, "enter", "3", "down", "down")
			shot("walk_page", walk)
			press(walk, "u")
			shot("walk_not_sure", walk)
			press(walk, "n")
			typeText(walk, "Two channels only")
			shot("walk_note", walk)
			press(walk, "enter", "?")
			shot("walk_full_help", walk)
			press(walk, "?", "g")
			shot("walk_glossary", walk)
			press(walk, "esc", "q")
			shot("walk_quit", walk)
			press(walk, "esc")
			for range 40 {
				press(walk, "right")
			}
			shot("walk_finish", walk)

			na := newFixture(t)
			draftUpTo(t, na, "Globex", firstMayNotApply(t, na.bank).ID)
			m := na.app(StartWalk, "Globex")
			resize(m, sz[0], sz[1])
			press(m, "enter")
			t.Run("walk_not_applicable", func(t *testing.T) { golden.RequireEqual(t, na.screenText(m)) })
		})
	}
}

// A workshop participant over SSH is told how to come back: by joining
// again, not through a home screen they do not have.
func TestParticipantLeavingIsToldToJoinAgain(t *testing.T) {
	f := newFixture(t)
	m := f.app(StartWalk, "Acme")
	m.c.Participant = true
	resize(m, 100, 30)
	press(m, "enter", "enter", "3", "q")
	if w := f.words(m); !strings.Contains(w, "join again with the same code and name") || strings.Contains(w, "home screen") {
		t.Fatalf("leave prompt:\n%s", f.screenText(m))
	}
}
