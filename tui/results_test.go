package tui

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/charmbracelet/x/exp/golden"

	"socialmaturity/assess"
	"socialmaturity/questions"
)

// storedWith completes an assessment of org with answer(i, id) for the
// i-th question of bank b (skipped when ok is false).
func (f *fixture) storedWith(b *questions.Bank, org string, answer func(i int, q *questions.Question) (assess.Answer, bool)) *assess.Assessment {
	f.t.Helper()
	a := &assess.Assessment{Submission: assess.Submission{Org: org, Respondent: "Dana", Answers: assess.Answers{}}}
	for i, q := range b.AllQuestions() {
		if ans, ok := answer(i, q); ok {
			a.Answers[q.ID] = ans
		}
	}
	cs, err := f.store.Complete(b, []*assess.Assessment{a})
	if err != nil {
		f.t.Fatal(err)
	}
	return cs[0].Done
}

// opened is the app on the results of a, at w×h.
func (f *fixture) opened(a *assess.Assessment, w, h int) *Model {
	f.t.Helper()
	m := f.app(StartHome, "")
	resize(m, w, h)
	send(m, openMsg{id: a.ID})
	return m
}

// Issue 14: "63 / 100" and "Stage 4 of 5" on a five-step ladder with a
// marker, and how far the next stage is.
func TestResultsSayOutOfWhat(t *testing.T) {
	f := newFixture(t)
	a := f.stored("Acme", 2)
	m := f.opened(a, 80, 24)
	v := assess.NewView(f.bank, a, nil)
	cat := catEnglish()
	next := f.bank.Stages[v.Stage.Number] // numbers start at 1
	f.mustContain(m, cat.Score(v.Overall.Value)+" / 100",
		fmt.Sprintf("Stage %d of 5 · %s", v.Stage.Number, v.Stage.Name),
		"1 Starting ─ 2 Exploring ─ [3 Repeatable] ─ 4 Defined ─ 5 Integrated",
		fmt.Sprintf("%s points to stage %d, %s", cat.Score(next.Min-v.Overall.Value), next.Number, next.Name))

	top := f.opened(f.storedWith(f.bank, "Top", func(int, *questions.Question) (assess.Answer, bool) { return assess.AtLevel(4), true }), 80, 24)
	f.mustContain(top, "100.0 / 100", "Stage 5 of 5 · Integrated", "[5 Integrated]", "The top stage.")
	narrow := f.opened(a, 60, 24)
	f.mustContain(narrow, "1 ─ 2 ─ [3 Repeatable] ─ 4 ─ 5")
}

// Issue 14: the next 90 days are seen without scrolling: under the stage
// at 80×24, beside the bars from 120 columns.
func TestNext90DaysWithoutScrolling(t *testing.T) {
	f := newFixture(t)
	a := f.stored("Acme", 1)
	recs := assess.NewView(f.bank, a, nil).Recommendations
	if len(recs) < 3 {
		t.Fatalf("only %d recommendations", len(recs))
	}
	for _, sz := range sizes {
		m := f.opened(a, sz[0], sz[1])
		lines := strings.Split(f.screenText(m), "\n")
		col := 0 // where the plan's column starts
		for _, line := range lines {
			if i := strings.Index(line, "Your next 90 days"); i >= 0 {
				col = len([]rune(line[:i]))
				if sz[0] >= wideWidth != strings.Contains(line, "Pillars and key actions") {
					t.Errorf("%dx%d: the plan beside the bars is %v: %q", sz[0], sz[1], sz[0] >= wideWidth, line)
				}
				break
			}
		}
		var plan []string
		for _, line := range lines {
			if r := []rune(line); len(r) > col {
				plan = append(plan, string(r[col:]))
			}
		}
		words := strings.Join(strings.Fields(strings.Join(plan, " ")), " ")
		for _, r := range recs[:3] {
			if !strings.Contains(words, r.Title) {
				t.Errorf("%dx%d: %q is not on the first screen:\n%s", sz[0], sz[1], r.Title, f.screenText(m))
			}
		}
	}
}

// Issue 10: a provisional result says so where the stage is shown, with
// what is missing, and a pillar with too few answers has no stage.
func TestProvisionalResultSaysWhatIsMissing(t *testing.T) {
	f := newFixture(t)
	a := f.storedWith(f.bank, "Thin", func(i int, q *questions.Question) (assess.Answer, bool) {
		return assess.AtLevel(3), i < 12 // the first pillar and a little of the second
	})
	v := assess.NewView(f.bank, a, nil)
	if !v.Provisional {
		t.Fatal("the fixture is not provisional")
	}
	m := f.opened(a, 80, 24)
	words := f.words(m)
	if !strings.Contains(words, v.ProvisionalText(catEnglish())) {
		t.Errorf("no provisional banner %q:\n%s", v.ProvisionalText(catEnglish()), f.screenText(m))
	}
	tall := f.opened(a, 100, 80)
	f.mustContain(tall, "no stage")
	if w := f.words(tall); !strings.Contains(w, "Culture has no stage of its own: fewer than half of its questions were answered.") {
		t.Errorf("a thin pillar does not say why it has no stage:\n%s", f.screenText(tall))
	}
}

// Issue 10: the capped stage says which pillar held it down.
func TestCappedStageSaysWhy(t *testing.T) {
	f := newFixture(t)
	culture := map[string]bool{}
	for _, ka := range f.bank.Pillars[2].KeyActions {
		for _, q := range ka.Questions {
			culture[q.ID] = true
		}
	}
	a := f.storedWith(f.bank, "Lopsided", func(_ int, q *questions.Question) (assess.Answer, bool) {
		if culture[q.ID] {
			return assess.AtLevel(0), true
		}
		return assess.AtLevel(4), true
	})
	v := assess.NewView(f.bank, a, nil)
	text := v.CappedText(catEnglish())
	if text == "" {
		t.Fatal("the fixture is not capped")
	}
	m := f.opened(a, 80, 24)
	if !strings.Contains(f.words(m), text) {
		t.Errorf("no capped line %q:\n%s", text, f.screenText(m))
	}
	if strings.Contains(f.screenText(m), "points to stage") {
		t.Errorf("a held stage counts points to the next one:\n%s", f.screenText(m))
	}
}

// Issue 10: each recommendation says what fired it, its gap, the next
// rung, the steps one can start alone and those to propose, its caveats
// and its evidence with the source; knowledge gaps say who would know.
func TestRecommendationsInFull(t *testing.T) {
	f := newFixture(t)
	a := f.storedWith(f.bank, "Acme", func(i int, q *questions.Question) (assess.Answer, bool) {
		if i%7 == 3 {
			return assess.NotSure, true
		}
		return assess.AtLevel(1), true
	})
	v := assess.NewView(f.bank, a, nil)
	m := f.opened(a, 120, 400)
	press(m, "a")
	words := f.words(m)
	cat := catEnglish()
	number := map[string]int{}
	for i, q := range f.bank.AllQuestions() {
		number[q.ID] = i + 1
	}
	want := []string{"Your next 90 days, step by step", "You can start:", "Propose to leadership:", "Mind: ", "What nobody was sure of"}
	for _, r := range v.Recommendations {
		want = append(want, "Because "+r.Because.Text(cat)+".", "gap "+cat.Score(r.Gap))
		for _, n := range r.Next {
			want = append(want, fmt.Sprintf("Next rung, question %d → level %d: %s", number[n.Question], n.Level, n.Text))
		}
		for _, e := range r.Evidence {
			want = append(want, evidenceText(cat, e))
		}
	}
	for _, g := range v.KnowledgeGaps {
		want = append(want, g.Prompt)
		if g.WhoKnows != "" {
			want = append(want, "ask: "+g.WhoKnows)
		}
	}
	for _, w := range want {
		if !strings.Contains(words, strings.Join(strings.Fields(w), " ")) {
			t.Errorf("results lack %q", w)
		}
	}
	if strings.Contains(words, "impact") {
		t.Error("a v2 result speaks of impact, not gap")
	}
	if !strings.Contains(words, "(Hootsuite & Altimeter") {
		t.Error("no evidence names its source")
	}
}

// PREAMBLE4: a result stored before v2 shows as it did, with its impact.
func TestResultOfBankV1ShowsItsImpact(t *testing.T) {
	f := newFixture(t)
	v1, ok := questions.Builtin(questions.DefaultBankID, 1, "en")
	if !ok {
		t.Fatal("no bank v1")
	}
	a := f.storedWith(v1, "Old", func(i int, _ *questions.Question) (assess.Answer, bool) { return assess.AtLevel(i % 3), true })
	for i := range a.Result.Recommendations { // as stored before scoring v2
		a.Result.Recommendations[i].Gap = 0
	}
	r := newResults(&Common{Cat: catEnglish(), Bank: f.bank, Styles: NewStyles(true), Keys: NewKeyMap(catEnglish()), Width: 120, Height: 400}, a, nil)
	text := strings.Join(strings.Fields(strings.Join(r.render(118), " ")), " ")
	for _, w := range []string{"Stage", "of 5", "impact", "First steps:"} {
		if !strings.Contains(text, w) {
			t.Errorf("a v1 result lacks %q:\n%s", w, text)
		}
	}
	if strings.Contains(text, "gap ") || strings.Contains(text, "Propose to leadership") {
		t.Errorf("a v1 result shows v2 parts:\n%s", text)
	}
}

// exportApp is the results of a stored assessment with an exporter that
// records the formats, and an opener when open is set.
func exportApp(t *testing.T, f *fixture, pdf bool, open func(string) error) (*Model, *[]string) {
	t.Helper()
	a := f.stored("Acme", 2)
	var wrote []string
	o := f.options(StartHome, "")
	o.ExportPDF, o.Open = pdf, open
	o.Export = func(_, _ *assess.Assessment, format string) (string, error) {
		wrote = append(wrote, format)
		return "/home/sam/Documents/socialmaturity/acme-2026-06-01." + format, nil
	}
	m := f.appWith(o)
	resize(m, 80, 24)
	send(m, openMsg{id: a.ID})
	return m, &wrote
}

// Issue 14: the export choices are in plain words, PDF only when the
// exporter writes it, and the full path is shown.
func TestExportDialogInPlainWords(t *testing.T) {
	f := newFixture(t)
	m, wrote := exportApp(t, f, false, nil)
	press(m, "e")
	f.mustContain(m, "Save a report to share", "h   a report to print or save as PDF", "m   Markdown, for a document or an e-mail",
		"c   a spreadsheet of the answers (CSV)", "j   data, for other tools (JSON)", "esc cancel")
	if strings.Contains(f.screenText(m), "a PDF") {
		t.Error("PDF offered by an exporter that cannot write it")
	}
	press(m, "p") // not a choice here: closes the dialog
	if len(*wrote) != 0 || strings.Contains(f.screenText(m), "Save a report") {
		t.Fatalf("p without PDF wrote %v", *wrote)
	}
	press(m, "e", "h")
	if w := f.words(m); !strings.Contains(w, "Saved: /home/sam/Documents/socialmaturity/acme-2026-06-01.html. Open it in a browser, then Print → Save as PDF.") {
		t.Errorf("no full path:\n%s", f.screenText(m))
	}
	if strings.Contains(f.screenText(m), "o open") || strings.Contains(f.words(m), "Press o") {
		t.Error("o offered without an opener")
	}

	pdf, wrotePDF := exportApp(t, f, true, nil)
	press(pdf, "e")
	f.mustContain(pdf, "p   a PDF, ready to send")
	press(pdf, "p")
	if strings.Join(*wrotePDF, ",") != "pdf" {
		t.Errorf("wrote %v", *wrotePDF)
	}
}

// Issue 14: o opens the file just written with the system's opener.
func TestOpenTheExportedFile(t *testing.T) {
	f := newFixture(t)
	var opened []string
	fail := false
	m, _ := exportApp(t, f, false, func(path string) error {
		opened = append(opened, path)
		if fail {
			return errors.New("no opener")
		}
		return nil
	})
	press(m, "o")
	if len(opened) != 0 {
		t.Fatal("o opened a file before any was written")
	}
	press(m, "e", "m")
	f.mustContain(m, "o open the file")
	if !strings.Contains(f.words(m), "Press o to open it.") {
		t.Errorf("the file's line does not offer o:\n%s", f.screenText(m))
	}
	press(m, "o")
	if strings.Join(opened, ",") != "/home/sam/Documents/socialmaturity/acme-2026-06-01.md" {
		t.Errorf("opened %v", opened)
	}
	if !strings.Contains(f.words(m), "Opening /home/sam/Documents/socialmaturity/acme-2026-06-01.md…") {
		t.Errorf("o gives no feedback:\n%s", f.screenText(m))
	}
	fail = true
	press(m, "o")
	if !strings.Contains(f.words(m), "Could not open /home/sam/Documents/socialmaturity/acme-2026-06-01.md: no opener") {
		t.Errorf("a failed open is not said:\n%s", f.screenText(m))
	}
}

// Goldens of the first-run screens of issue 14 at both sizes.
func TestFirstRunScreensGolden(t *testing.T) {
	for _, sz := range sizes {
		t.Run(fmt.Sprintf("%dx%d", sz[0], sz[1]), func(t *testing.T) {
			f := newFixture(t)
			shot := func(name string, m *Model) {
				t.Run(name, func(t *testing.T) { golden.RequireEqual(t, f.screenText(m)) })
			}
			empty := f.app(StartHome, "")
			resize(empty, sz[0], sz[1])
			shot("home_empty", empty)

			thin := f.storedWith(f.bank, "Thin", func(i int, _ *questions.Question) (assess.Answer, bool) { return assess.AtLevel(3), i < 12 })
			shot("results_provisional", f.opened(thin, sz[0], sz[1]))

			m, _ := exportApp(t, f, true, func(string) error { return nil })
			resize(m, sz[0], sz[1])
			press(m, "e")
			shot("export_dialog", m)
			press(m, "h")
			shot("export_written", m)

			f.stored("Globex", 1)
			f.stored("Globex", 3)
			d := &assess.Assessment{ID: "1kt16me70zdypba1", Submission: assess.Submission{Org: "Initech", Answers: assess.Answers{"eng-channels": assess.AtLevel(1)}}, Bank: assess.RefOf(f.bank)}
			if err := f.store.SaveDraft(d); err != nil {
				t.Fatal(err)
			}
			withDraft := f.app(StartHome, "")
			resize(withDraft, sz[0], sz[1])
			shot("home_history_draft", withDraft)
		})
	}
}
