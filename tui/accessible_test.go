package tui

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"testing"
	"testing/iotest"
	"time"

	"socialmaturity/assess"
	"socialmaturity/questions"
	"socialmaturity/store"
)

// accessibleOptions runs accessible mode on the fixture's store, with
// rescued answers going to a temporary folder.
func accessibleOptions(t *testing.T, f *fixture, start Start, org string) Options {
	return Options{Store: f.store, Bank: f.bank, Cat: catEnglish(), Now: f.clock.now, Start: start, Org: org, Rescue: rescueIn(t.TempDir())}
}

// runAccessible runs accessible mode on input and returns its output.
func runAccessible(o Options, input string) (string, error) {
	var out bytes.Buffer
	err := RunAccessible(context.Background(), o, iotest.OneByteReader(strings.NewReader(input)), &out)
	return out.String(), err
}

// answersFor answers every question from the one at index from on.
func answersFor(b *questions.Bank, from int) string {
	var in strings.Builder
	for i := from; i < b.QuestionCount(); i++ {
		in.WriteString(string(rune('0'+i%5)) + "\n")
	}
	return in.String()
}

// fastRetries makes accessible mode give up on a refused save quickly.
func fastRetries(t *testing.T) {
	forWas, everyWas := accessibleRetryFor, accessibleRetryEvery
	accessibleRetryFor, accessibleRetryEvery = 200*time.Millisecond, 10*time.Millisecond
	t.Cleanup(func() { accessibleRetryFor, accessibleRetryEvery = forWas, everyWas })
}

func TestAccessibleWalk(t *testing.T) {
	f := newFixture(t)
	var in strings.Builder
	in.WriteString("\nAcme\nDana\nCMO\n") // an empty organization is asked again
	in.WriteString("7\nmaybe\n")          // invalid answers are asked again
	for i := range f.bank.QuestionCount() {
		switch i {
		case 0:
			in.WriteString("0 we post when someone has time\n")
			continue
		case 3:
			in.WriteString("?\n")
			continue
		}
		in.WriteString(string(rune('0'+i%5)) + "\n")
	}
	text, err := runAccessible(accessibleOptions(t, f, StartSetup, ""), in.String())
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"Organization: the organization is required",
		"Question 1 of 29 (Relationships beyond customers › Focus on sustained engagement)",
		"0 — No channel has a plan or a keeper",
		"? — Not sure",
		"Please type a number from 0 to 4",
		"Acme — social media maturity",
		"assessment ", ", completed 2026-06-01 ",
		"Overall: ",
		"28 of 29 answered, 1 not sure",
		"Your next 90 days",
		"Saved as assessment",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("output lacks %q", want)
		}
	}
	if strings.Contains(text, "\x1b[") || strings.Contains(text, "█") {
		t.Error("accessible output has escape sequences or bars")
	}
	page, err := f.store.List(store.ListOptions{})
	if err != nil || len(page.Items) != 1 || page.Items[0].Org != "Acme" {
		t.Fatalf("stored = %+v, %v", page.Items, err)
	}
	rec, err := f.store.Get(page.Items[0].ID)
	if err != nil || rec.Notes["eng-channels"] != "we post when someone has time" || rec.Answers["eng-channels"] != assess.AtLevel(0) {
		t.Errorf("answer with a note stored as %+v / %q, %v", rec.Answers["eng-channels"], rec.Notes["eng-channels"], err)
	}
	if ds, _ := f.store.Drafts(); len(ds) != 0 {
		t.Errorf("the completed draft is still a draft: %+v", ds)
	}
}

func TestAccessibleStopKeepsADraftAndResumes(t *testing.T) {
	f := newFixture(t)
	o := accessibleOptions(t, f, StartWalk, "Acme")
	out, err := runAccessible(o, "2\n3\nq\n")
	if err != nil {
		t.Fatal(err) // q is the person's choice: not a failure
	}
	if !strings.Contains(out, "saved as a draft (2 answered, of 29)") {
		t.Fatalf("output:\n%s", out)
	}
	// End of input stops too, keeping what was answered, but exits non-zero
	// (QA m7): a script can tell the assessment is not finished.
	o.Start = StartHome
	out, err = runAccessible(o, "2\n4\n")
	if err == nil || !strings.Contains(err.Error(), "input ended before the last question") ||
		!strings.Contains(err.Error(), "saved as a draft (3 answered, of 29)") {
		t.Fatalf("end of input: %v", err)
	}
	d := draftOf(t, f)
	if len(d.Answers) != 3 || d.Answers["eng-audiences"] != assess.AtLevel(4) {
		t.Fatalf("resumed draft answers = %v\n%s", d.Answers, out)
	}
	if !strings.Contains(out, "Question 3 of 29") {
		t.Errorf("resume did not continue at question 3:\n%s", out)
	}
}

func TestAccessibleEndOfInputBeforeAnyAnswerFails(t *testing.T) {
	f := newFixture(t)
	if _, err := runAccessible(accessibleOptions(t, f, StartSetup, ""), "Acme\n"); err == nil {
		t.Fatal("a run that ended at the set-up questions succeeded")
	}
}

// QA m8: assess --org X when X already has a draft offers to resume it.
func TestAccessibleOrgOffersItsDraft(t *testing.T) {
	f := newFixture(t)
	o := accessibleOptions(t, f, StartWalk, "EofCo")
	if _, err := runAccessible(o, "1\n"); err == nil {
		t.Fatal("end of input succeeded")
	}
	o.Org = "eofco " // the same organization, however it is typed
	out, err := runAccessible(o, "maybe\ny\n2\nq\n")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out, "EofCo already has a draft (1 answered, of 29, 2026-06-01 ") || !strings.Contains(out, "Question 2 of 29") {
		t.Fatalf("no offer to resume:\n%s", out)
	}
	if d := draftOf(t, f); len(d.Answers) != 2 {
		t.Fatalf("resumed draft answers = %v", d.Answers)
	}
	// "n" starts a new assessment beside it.
	if _, err := runAccessible(o, "n\n3\nq\n"); err != nil {
		t.Fatal(err)
	}
	if ds, _ := f.store.Drafts(); len(ds) != 2 {
		t.Fatalf("drafts = %d, want the resumed one and a new one", len(ds))
	}
}

// failingStore refuses saves (and completions) while fail says so, as a
// busy or read-only database does.
type failingStore struct {
	*store.Store
	fail  func() bool
	saves int
}

var errInUse = errors.New("database sm.db is in use by another program")

func (s *failingStore) SaveDraft(d *assess.Assessment) error {
	s.saves++
	if s.fail() {
		return errInUse
	}
	return s.Store.SaveDraft(d)
}

func (s *failingStore) Complete(b *questions.Bank, ds []*assess.Assessment, opts ...store.CompleteOption) ([]store.Completion, error) {
	if s.fail() {
		return nil, errInUse
	}
	return s.Store.Complete(b, ds, opts...)
}

// QA C1: a save refused for a moment is tried again.
func TestAccessibleRetriesABusySave(t *testing.T) {
	fastRetries(t)
	f := newFixture(t)
	busy := 3
	s := &failingStore{Store: f.store, fail: func() bool { busy--; return busy >= 0 }}
	o := accessibleOptions(t, f, StartWalk, "BusyCo")
	o.Store = s
	out, err := runAccessible(o, "3\nq\n")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out, "Could not save (database sm.db is in use by another program); trying again") {
		t.Errorf("no word of the retry:\n%s", out)
	}
	if d := draftOf(t, f); d.Answers["eng-channels"] != assess.AtLevel(3) {
		t.Errorf("draft = %v", d.Answers)
	}
}

// QA C1: a save that keeps failing is never reported as saved; the answers
// are rescued to a file import reads, and the run fails.
func TestAccessibleRescuesAnswersItCannotSave(t *testing.T) {
	fastRetries(t)
	f := newFixture(t)
	s := &failingStore{Store: f.store}
	s.fail = func() bool { return s.saves > 1 } // the first answer is saved, the second is not
	o := accessibleOptions(t, f, StartWalk, "BusyCo")
	o.Store = s
	out, err := runAccessible(o, "3 our note\n2\n1\n")
	var unsaved *UnsavedError
	if !errors.As(err, &unsaved) || unsaved.Path == "" {
		t.Fatalf("err = %v", err)
	}
	if strings.Contains(out, "saved as a draft") || strings.Contains(err.Error(), "saved as a draft") {
		t.Errorf("claims a save that did not happen:\n%s\n%v", out, err)
	}
	if !strings.Contains(err.Error(), "socialmaturity import") || !strings.Contains(err.Error(), unsaved.Path) {
		t.Errorf("does not say how to import: %v", err)
	}
	if strings.Contains(out, "Question 3 of 29") {
		t.Error("went on asking after a save failed")
	}
	data, readErr := os.ReadFile(unsaved.Path)
	if readErr != nil {
		t.Fatal(readErr)
	}
	sub, parseErr := assess.ParseSubmission(unsaved.Path, data, f.bank)
	if parseErr != nil || sub.Org != "BusyCo" || len(sub.Answers) != 2 || sub.Notes["eng-channels"] != "our note" {
		t.Errorf("rescued %+v, %v", sub, parseErr)
	}
}

// QA C1: a completion that keeps failing rescues every answer.
func TestAccessibleRescuesACompletionItCannotStore(t *testing.T) {
	fastRetries(t)
	f := newFixture(t)
	o := accessibleOptions(t, f, StartWalk, "BusyCo")
	o.Store = completeFails{f.store}
	out, err := runAccessible(o, answersFor(f.bank, 0))
	var unsaved *UnsavedError
	if !errors.As(err, &unsaved) || unsaved.Path == "" {
		t.Fatalf("err = %v\n%s", err, out)
	}
	if strings.Contains(out, "Saved as assessment") {
		t.Error("claims a completion that did not happen")
	}
	data, _ := os.ReadFile(unsaved.Path)
	if sub, err := assess.ParseSubmission(unsaved.Path, data, f.bank); err != nil || len(sub.Answers) != f.bank.QuestionCount() {
		t.Errorf("rescued %d answers, %v", len(sub.Answers), err)
	}
}

// completeFails stores drafts but never completes.
type completeFails struct{ *store.Store }

func (completeFails) Complete(*questions.Bank, []*assess.Assessment, ...store.CompleteOption) ([]store.Completion, error) {
	return nil, errInUse
}

// otherWindow completes the draft being answered just before this
// session's n-th save or its completion, as a second window would.
type otherWindow struct {
	*store.Store
	bank       *questions.Bank
	beforeSave int
	saves      int
	completed  *assess.Assessment
}

func (s *otherWindow) completeFirst(d *assess.Assessment) error {
	if s.completed != nil || d.ID == "" {
		return nil
	}
	drafts, err := s.Drafts() // the other window has what is stored
	if err != nil || len(drafts) != 1 || drafts[0].ID != d.ID {
		return fmt.Errorf("drafts %v, %w", drafts, err)
	}
	done, err := s.Store.Complete(s.bank, drafts)
	if err == nil {
		s.completed = done[0].Done
	}
	return err
}

func (s *otherWindow) SaveDraft(d *assess.Assessment) error {
	if s.saves++; s.saves == s.beforeSave {
		if err := s.completeFirst(d); err != nil {
			return err
		}
	}
	return s.Store.SaveDraft(d)
}

func (s *otherWindow) Complete(b *questions.Bank, ds []*assess.Assessment, opts ...store.CompleteOption) ([]store.Completion, error) {
	if s.beforeSave == 0 {
		if err := s.completeFirst(ds[0]); err != nil {
			return nil, err
		}
	}
	return s.Store.Complete(b, ds, opts...)
}

// QA C2: a draft completed in another window is never overwritten; this
// session's answers go on as a new draft.
func TestAccessibleDraftCompletedElsewhereGoesOnAsANewDraft(t *testing.T) {
	f := newFixture(t)
	s := &otherWindow{Store: f.store, bank: f.bank, beforeSave: 3}
	o := accessibleOptions(t, f, StartWalk, "LockCo")
	o.Store = s
	out, err := runAccessible(o, "1\n1\n4\nq\n")
	if err != nil {
		t.Fatal(err)
	}
	if s.completed == nil {
		t.Fatal("the other window did not complete the draft")
	}
	if !strings.Contains(out, "completed in another window; your answers are kept as a new draft") {
		t.Errorf("not told:\n%s", out)
	}
	kept, err := f.store.Get(s.completed.ID)
	if err != nil || len(kept.Answers) != 2 {
		t.Fatalf("the completed assessment changed: %+v, %v", kept, err)
	}
	d := draftOf(t, f)
	if d.ID == s.completed.ID || len(d.Answers) != 3 || d.Answers["eng-audiences"] != assess.AtLevel(4) {
		t.Errorf("new draft %s has %v", d.ID, d.Answers)
	}
}

func TestAccessibleCompletionRefusedElsewhereKeepsTheAnswers(t *testing.T) {
	f := newFixture(t)
	s := &otherWindow{Store: f.store, bank: f.bank}
	o := accessibleOptions(t, f, StartWalk, "LockCo")
	o.Store = s
	out, err := runAccessible(o, answersFor(f.bank, 0))
	if err == nil || !strings.Contains(err.Error(), "completed in another window") {
		t.Fatalf("err = %v\n%s", err, out)
	}
	if strings.Contains(out, "Saved as assessment") {
		t.Error("claims a completion that did not happen")
	}
	d := draftOf(t, f)
	if d.ID == s.completed.ID || len(d.Answers) != f.bank.QuestionCount() {
		t.Errorf("kept draft %s with %d answers", d.ID, len(d.Answers))
	}
}

// QA m7: a termination signal (ctx cancelled) ends the walk with the
// answers saved, said so, and an error.
func TestAccessibleCancelKeepsTheDraft(t *testing.T) {
	f := newFixture(t)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	in, typist := io.Pipe()
	defer typist.Close()
	var out bytes.Buffer
	done := make(chan error, 1)
	go func() { done <- RunAccessible(ctx, accessibleOptions(t, f, StartWalk, "SigCo"), in, &out) }()
	if _, err := io.WriteString(typist, "2\n"); err != nil {
		t.Fatal(err)
	}
	for range 200 { // wait until the answer is stored
		if ds, _ := f.store.Drafts(); len(ds) == 1 {
			break
		}
		time.Sleep(10 * time.Millisecond)
	}
	cancel()
	err := <-done
	if err == nil || !strings.Contains(err.Error(), "termination signal") || !strings.Contains(err.Error(), "saved as a draft (1 answered, of 29)") {
		t.Fatalf("err = %v", err)
	}
	if d := draftOf(t, f); len(d.Answers) != 1 {
		t.Errorf("draft = %v", d.Answers)
	}
}

// QA M6: text people typed is shown without its control characters.
func TestAccessibleNeutralisesStoredText(t *testing.T) {
	f := newFixture(t)
	evil := &assess.Assessment{
		Submission: assess.Submission{Org: "Evil\x1b[31mRED\x1b]52;c;aGk=\x07\r\nInjected", Answers: assess.Answers{"eng-channels": assess.AtLevel(1)}},
		Bank:       assess.RefOf(f.bank),
	}
	if err := f.store.SaveDraft(evil); err != nil {
		t.Fatal(err)
	}
	out, err := runAccessible(accessibleOptions(t, f, StartHome, ""), "2\nq\n")
	if err != nil {
		t.Fatal(err)
	}
	if strings.ContainsAny(out, "\x1b\x07\r") {
		t.Errorf("control characters reached the output: %q", out)
	}
	if !strings.Contains(out, "Resume Evil[31mRED]52;c;aGk= Injected") {
		t.Errorf("draft not listed on one line:\n%s", out)
	}
}

// Issue 10/14: accessible mode gives the walk's content in plain prompts:
// the scope, evidence, "does not apply" as x (as on the screen, or na) only
// where it is allowed, who would know after "not sure", and the glossary
// on g. The trial: 5 after the levels 0–4 read like a level, and is refused.
func TestAccessibleV2Content(t *testing.T) {
	f := newFixture(t)
	var in strings.Builder
	in.WriteString("x\ng\n?\n") // x is refused where the question applies to all; g lists the glossary
	first := true
	for _, q := range f.bank.AllQuestions() {
		switch {
		case q.ID == "eng-channels":
		case q.MayNotApply && first:
			in.WriteString("5\nx\n") // 5 is no answer: asked again
			first = false
		case q.MayNotApply:
			in.WriteString("na\n")
		default:
			in.WriteString("2\n")
		}
	}
	out, err := runAccessible(accessibleOptions(t, f, StartWalk, "Acme"), in.String())
	if err != nil {
		t.Fatal(err)
	}
	na := firstMayNotApply(t, f.bank)
	eng, _ := f.bank.Question("eng-channels")
	for _, want := range []string{
		"You are assessing: Acme.", "the last six months", "Not sure: counts neither for nor against you",
		"(Hootsuite & Altimeter, 2021)", "Sodexo: ",
		"Please type a number from 0 to 4, ? for not sure, g for the glossary, or q to stop.",
		"Please type a number from 0 to 4, x for does not apply, ? for not sure, g for the glossary, or q to stop.",
		"Glossary\n" + f.bank.Glossary[0].Term + ": ",
		"Who would know: " + eng.WhoKnows + ".",
		"x — Does not apply: " + strings.Join(strings.Fields(na.NotApplicable), " "),
		"Answer 0 to 4, x for does not apply",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q", want)
		}
	}
	if n := strings.Count(out, "— Does not apply"); n != mayNotApplyCount(f.bank) {
		t.Errorf("does not apply offered %d times", n)
	}
	page, _ := f.store.List(store.ListOptions{})
	a, err := f.store.Get(page.Items[0].ID)
	if err != nil || a.Answers[na.ID] != assess.DoesNotApply || a.Answers["eng-channels"] != assess.NotSure {
		t.Fatalf("stored %v, %v", a.Answers, err)
	}
	for _, q := range f.bank.AllQuestions() {
		if q.MayNotApply && a.Answers[q.ID] != assess.DoesNotApply {
			t.Errorf("%s: x or na stored as %+v", q.ID, a.Answers[q.ID])
		}
	}
	if strings.Contains(out, "5 — ") {
		t.Error("a sixth numbered choice is still offered")
	}
}

func mayNotApplyCount(b *questions.Bank) int {
	n := 0
	for _, q := range b.AllQuestions() {
		if q.MayNotApply {
			n++
		}
	}
	return n
}

// The trial: plain mode's results said less than the screen. They now say
// the score out of 100, the stage of 5 with every stage in words and "you
// are here", how far the next stage is, the provisional warning, the next
// 90 days with why now for each, then the rest, and how to export.
func TestAccessibleResultsMatchTheScreen(t *testing.T) {
	f := newFixture(t)
	var in strings.Builder
	for i := range f.bank.QuestionCount() {
		if i%3 == 0 {
			in.WriteString("?\n") // many not sure: a provisional result
		} else {
			in.WriteString("1\n")
		}
	}
	out, err := runAccessible(accessibleOptions(t, f, StartWalk, "Acme"), in.String())
	if err != nil {
		t.Fatal(err)
	}
	page, _ := f.store.List(store.ListOptions{})
	a, err := f.store.Get(page.Items[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	cat := catEnglish()
	v := assess.NewView(f.bank, a, nil)
	if !v.Provisional || v.Stage == nil || len(v.Later()) == 0 {
		t.Fatalf("the fixture should be provisional (%v), staged (%v), with recommendations after the next 90 days (%d)", v.Provisional, v.Stage, len(v.Later()))
	}
	stage := v.Stage.Number
	var ladder []string
	for _, st := range f.bank.Stages {
		item := fmt.Sprintf("%d %s", st.Number, st.Name)
		if st.Number == stage {
			item += " (you are here)"
		}
		ladder = append(ladder, item)
	}
	want := []string{
		fmt.Sprintf("Overall: %s / 100, Stage %d of %d · %s", cat.Score(v.Overall.Value), stage, len(f.bank.Stages), v.Stage.Name),
		"Stages: " + strings.Join(ladder, ", ") + ".",
		fmt.Sprintf("points to stage %d, ", stage+1),
		v.ProvisionalText(cat),
		"Your next 90 days\nGap: points below 100.",
		"After the next 90 days, in the order to take them",
		"To save a report to share, run: socialmaturity export " + a.ID,
	}
	for _, r := range v.Next90() {
		want = append(want, ". "+r.Title+", gap "+cat.Score(r.Gap)+"\nWhy now: "+r.Because.Text(cat)+".")
	}
	words := strings.Join(strings.Fields(out), " ")
	for _, w := range want {
		if !strings.Contains(out, w) && !strings.Contains(words, strings.Join(strings.Fields(w), " ")) {
			t.Errorf("results lack %q", w)
		}
	}
	if strings.Index(out, "Your next 90 days") > strings.Index(out, "After the next 90 days") {
		t.Error("the rest comes before the next 90 days")
	}
}
