package tui

import (
	"strings"
	"testing"

	"socialmaturity/assess"
)

// Issue 14: home says what this is, what it costs and what it gives.
func TestHomeSaysWhatItCostsAndGives(t *testing.T) {
	f := newFixture(t)
	m := f.app(StartHome, "")
	resize(m, 80, 24)
	words := f.words(m)
	for _, want := range []string{"29 questions · about 10–15 minutes · stop any time: every answer is kept.",
		"a score out of 100, a stage of 5, a 90-day plan and a report to share", "Your answers stay on this computer."} {
		if !strings.Contains(words, want) {
			t.Errorf("home lacks %q:\n%s", want, f.screenText(m))
		}
	}
	if strings.Contains(words, "Latest results") {
		t.Error("latest results shown with no history")
	}
}

// Issue 14: the latest result of each organization at a glance, with the
// change since the one before.
func TestHomeShowsEachOrganizationsLatest(t *testing.T) {
	f := newFixture(t)
	f.stored("Acme", 1)
	f.stored("Globex", 2)
	acme := f.stored("acme", 3) // filed under the first spelling
	m := f.app(StartHome, "")
	resize(m, 80, 24)
	f.mustContain(m, "Latest results")
	var rows []string
	for _, line := range strings.Split(f.screenText(m), "\n") {
		if strings.Contains(line, "Acme") || strings.Contains(line, "Globex") {
			rows = append(rows, strings.Join(strings.Fields(line), " "))
		}
	}
	cat := catEnglish()
	v := assess.NewView(f.bank, acme, nil)
	want := []string{
		"Acme " + cat.Score(acme.Result.Overall.Value) + " Stage " + cat.Int(v.Stage.Number) + " · " + v.Stage.Name + " 2026-06-01 +50.0",
		"Globex ",
	}
	if len(rows) != 2 || !strings.HasPrefix(rows[0], want[0]) || !strings.HasPrefix(rows[1], want[1]) || !strings.HasSuffix(rows[1], " first assessment") {
		t.Fatalf("rows = %q, want %q first, then Globex's first result", rows, want)
	}
	f.mustContain(m, "Latest results\n")
	if !strings.Contains(f.words(m), "Latest results organization score stage date change Acme") {
		t.Errorf("the latest results have no column headers:\n%s", f.screenText(m))
	}
}

// Issue 14: with a draft in progress the cursor starts on Resume.
func TestHomeCursorStartsOnResume(t *testing.T) {
	f := newFixture(t)
	d := &assess.Assessment{ID: "1kt16me70zdypba1", Submission: assess.Submission{Org: "Initech", Answers: assess.Answers{"eng-channels": assess.AtLevel(1)}}, Bank: assess.RefOf(f.bank)}
	if err := f.store.SaveDraft(d); err != nil {
		t.Fatal(err)
	}
	m := f.app(StartHome, "")
	resize(m, 80, 24)
	f.mustContain(m, "❯ Resume Initech")
	press(m, "down", "up", "enter")
	f.mustContain(m, "question 2 of 29 · 1 answered")
}

// Issue 14: two organizations compare as A and B; one organization as
// earlier and later.
func TestCompareLabels(t *testing.T) {
	f := newFixture(t)
	a1 := f.stored("Acme", 1)
	a2 := f.stored("ACME ", 3)
	g := f.stored("Globex", 2)
	m := f.app(StartHome, "")
	resize(m, 100, 30)
	send(m, compareMsg{from: a1.ID, to: g.ID})
	f.mustContain(m, "A  ################  Acme", "B  ################  Globex", "Two organizations side by side")
	if header := compareHeader(f, m); header != "A B B − A" {
		t.Errorf("two organizations' header = %q", header)
	}
	send(m, compareMsg{from: a2.ID, to: a1.ID})
	// Both belong to one organization, shown under its name.
	f.mustContain(m, "earlier  ################  Acme", "later    ################  Acme", "+50.0")
	if header := compareHeader(f, m); header != "earlier later change" {
		t.Errorf("one organization's header = %q", header)
	}
	if strings.Contains(f.screenText(m), "Two organizations") {
		t.Error("one organization in two spellings compared as two")
	}
}

// Issue 14: the history filter matches as list --org does, and an empty
// match names the filter.
func TestHistoryFilterMatchesAsListOrg(t *testing.T) {
	f := newFixture(t)
	f.stored("Acme Corp", 1)
	f.stored("Globex", 2)
	m := f.app(StartHome, "")
	resize(m, 100, 30)
	send(m, goHistoryMsg{})
	press(m, "/")
	typeText(m, "ME  co")
	f.mustContain(m, "Acme Corp")
	if strings.Contains(f.screenText(m), "Globex") {
		t.Fatalf("filter kept Globex:\n%s", f.screenText(m))
	}
	for range 6 {
		press(m, "backspace")
	}
	typeText(m, "Zed")
	f.mustContain(m, "No assessments for Zed.")
	if strings.Contains(f.screenText(m), "No assessments stored yet") {
		t.Error("an empty match says nothing is stored")
	}
}

// compareHeader is the comparison's column header, the line before the
// overall row, in single spaces.
func compareHeader(f *fixture, m *Model) string {
	lines := strings.Split(f.screenText(m), "\n")
	for i, line := range lines {
		if strings.HasPrefix(strings.TrimSpace(line), "Overall") && i > 0 {
			return strings.Join(strings.Fields(lines[i-1]), " ")
		}
	}
	return ""
}
