package tui

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/exp/golden"

	"socialmaturity/assess"
	"socialmaturity/store"
)

// acmeTrend stores two assessments of Acme, the later one higher, and
// returns the later.
func (f *fixture) acmeTrend() *assess.Assessment {
	f.t.Helper()
	f.stored("Acme", 1)
	return f.stored("Acme", 2)
}

// targetsOf is the stored targets of org.
func (f *fixture) targetsOf(org string) assess.TargetSet {
	f.t.Helper()
	o, err := f.store.Org(org)
	if err != nil {
		f.t.Fatal(err)
	}
	return o.Targets
}

// line is the screen's line holding text, with runs of spaces as one.
func (f *fixture) line(m *Model, text string) string {
	f.t.Helper()
	for _, l := range strings.Split(f.screenText(m), "\n") {
		if strings.Contains(l, text) {
			return strings.Join(strings.Fields(l), " ")
		}
	}
	f.t.Fatalf("no line holds %q:\n%s", text, f.screenText(m))
	return ""
}

// Issue 13: a target is set from the results screen (which part, what
// score), stored with the organization, and shown at once against the
// score with the gap and the progress since the first assessment.
func TestSetATargetFromTheResults(t *testing.T) {
	f := newFixture(t)
	later := f.acmeTrend()
	m := f.opened(later, 100, 40)
	f.mustContain(m, "t set a target")

	press(m, "t")
	f.mustContain(m, "Targets for Acme", "Overall", "no target")
	press(m, "enter")
	typeText(m, "80")
	press(m, "enter")
	if got := f.targetsOf("Acme").Overall; got == nil || *got != 80 {
		t.Fatalf("stored overall target = %v", got)
	}
	v := assess.NewView(f.bank, later, nil)
	gap := 80 - assess.Round(v.Overall.Value)
	f.mustContain(m, "Target saved.", fmt.Sprintf("Target 80.0 · %s to go · ", catEnglish().Score(gap)), "of the way since the first assessment")

	// A key action: down past the overall score and the first pillar.
	press(m, "t", "down", "down", "enter")
	typeText(m, "10")
	press(m, "enter")
	ka := f.bank.Pillars[0].KeyActions[0]
	if got := f.targetsOf("Acme").KeyActions[ka.ID]; got != 10 {
		t.Fatalf("stored key action target = %v", got)
	}
	f.mustContain(m, "Target 10.0 · met")

	// The form shows the stored targets; an empty score clears one.
	press(m, "t")
	f.mustContain(m, "target 80.0", "target 10.0")
	press(m, "down", "down", "enter")
	for range 2 {
		press(m, "backspace")
	}
	press(m, "enter")
	if got := f.targetsOf("Acme").KeyActions; len(got) != 0 {
		t.Fatalf("a cleared target is still stored: %v", got)
	}
	if strings.Contains(f.screenText(m), "Target 10.0") {
		t.Error("a cleared target is still shown")
	}
}

func TestATargetOutOfRangeIsRefusedAndEscCancels(t *testing.T) {
	f := newFixture(t)
	m := f.opened(f.stored("Acme", 2), 80, 24)
	press(m, "t", "enter")
	typeText(m, "150")
	press(m, "enter")
	f.mustContain(m, "Type a score from 0 to 100")
	if !f.targetsOf("Acme").IsZero() {
		t.Fatal("a refused target was stored")
	}
	press(m, "esc", "esc")
	f.mustContain(m, "Acme — results")
	if !f.targetsOf("Acme").IsZero() {
		t.Fatal("cancelling stored a target")
	}
}

func TestParseTarget(t *testing.T) {
	for _, tc := range []struct {
		in    string
		want  float64
		clear bool
		bad   bool
	}{
		{in: "80", want: 80}, {in: " 72.5 ", want: 72.5}, {in: "72,5", want: 72.5}, {in: "0", want: 0}, {in: "100", want: 100},
		{in: "", clear: true}, {in: "   ", clear: true},
		{in: "100.1", bad: true}, {in: "-1", bad: true}, {in: "NaN", bad: true}, {in: "eighty", bad: true}, {in: "Inf", bad: true},
	} {
		v, err := parseTarget(tc.in)
		switch {
		case tc.bad:
			if err == nil {
				t.Errorf("%q: accepted as %v", tc.in, *v)
			}
		case tc.clear:
			if err != nil || v != nil {
				t.Errorf("%q: %v, %v; want a clear", tc.in, v, err)
			}
		case err != nil || v == nil || *v != tc.want:
			t.Errorf("%q: %v, %v; want %v", tc.in, v, err, tc.want)
		}
	}
}

// A store that keeps no organization (a workshop participant's) offers no
// target.
func TestNoTargetWithoutAStoredOrganization(t *testing.T) {
	f := newFixture(t)
	a := f.stored("Acme", 2)
	o := f.options(StartHome, "")
	o.Store = noOrgs{f.store}
	m := f.appWith(o)
	resize(m, 100, 30)
	send(m, openMsg{id: a.ID})
	press(m, "t")
	if strings.Contains(f.screenText(m), "set a target") || strings.Contains(f.screenText(m), "Targets for") {
		t.Fatalf("a target is offered without an organization:\n%s", f.screenText(m))
	}
}

// noOrgs keeps no organization records.
type noOrgs struct{ *store.Store }

func (n noOrgs) ContextOf(string) (*store.Org, assess.Context, error) {
	_, c, err := n.Store.ContextOf("no such organization")
	return nil, c, err
}

// A failed save says so and keeps the screen.
func TestATargetThatCannotBeSavedSaysSo(t *testing.T) {
	f := newFixture(t)
	a := f.stored("Acme", 2)
	o := f.options(StartHome, "")
	o.Store = refusingTargets{f.store}
	m := f.appWith(o)
	resize(m, 100, 30)
	send(m, openMsg{id: a.ID})
	press(m, "t", "enter")
	typeText(m, "70")
	press(m, "enter")
	f.mustContain(m, "The target could not be saved: database is busy", "Acme — results")
}

type refusingTargets struct{ *store.Store }

func (refusingTargets) SetTarget(string, assess.TargetSet) error {
	return errors.New("database is busy")
}

// Issue 13: a key action at or above its target is not pushed: it leaves
// the next 90 days and is listed after the others, marked.
func TestATargetMetLeavesTheNext90Days(t *testing.T) {
	f := newFixture(t)
	a := f.stored("Acme", 2)
	v := assess.NewView(f.bank, a, nil)
	top := v.Recommendations[0]
	if top.KeyAction == "" {
		t.Skip("the top recommendation is a pillar's")
	}
	var s *assess.KeyActionView
	for _, p := range v.Pillars {
		for i := range p.KeyActions {
			if p.KeyActions[i].ID == top.KeyAction {
				s = &p.KeyActions[i]
			}
		}
	}
	if err := f.store.SetTarget("Acme", assess.TargetSet{KeyActions: map[string]float64{top.KeyAction: assess.Round(s.Score.Value)}}); err != nil {
		t.Fatal(err)
	}
	m := f.opened(a, 120, 40)
	plan := strings.SplitN(f.words(m), "Your next 90 days, step by step", 2)[0]
	if strings.Contains(plan, top.Title) {
		t.Errorf("a recommendation at its target is in the next 90 days:\n%s", f.screenText(m))
	}
	press(m, "a")
	f.mustContain(m, "at its target")
}

// Issue 13: sparklines per row and what moved most, for an organization
// with several assessments; none with one.
func TestResultsShowTheTrend(t *testing.T) {
	f := newFixture(t)
	single := f.stored("Globex", 2)
	one := f.opened(single, 120, 40)
	if strings.Contains(f.screenText(one), "Moved most") || strings.ContainsAny(f.screenText(one), "▁▂▃▄▅▆▇") {
		t.Fatalf("a single assessment shows a trend:\n%s", f.screenText(one))
	}
	f.stored("Acme", 1)
	middle := f.stored("Acme", 3)
	later := f.stored("Acme", 2)
	m := f.opened(later, 120, 40)
	p := f.bank.Pillars[0]
	if row := f.line(m, p.Title[:20]); !strings.ContainsAny(row, "▁▂▃▄▅▆▇█") {
		t.Errorf("the pillar's row has no sparkline: %q", row)
	}
	f.mustContain(m, "Overall over 3 assessments since 1 June 2026:", "Moved most since last time:")

	// An earlier assessment's trend stops at it.
	f.mustContain(f.opened(middle, 120, 40), "Overall over 2 assessments since 1 June 2026:")
}

// Issue 13: the source benchmarks, each with its figure and citation.
func TestResultsPlaceTheAnswersAgainstTheSource(t *testing.T) {
	f := newFixture(t)
	a := f.stored("Acme", 2)
	v := assess.NewView(f.bank, a, nil)
	if len(v.SourceBenchmarks) == 0 {
		t.Fatal("the bank places nothing")
	}
	m := f.opened(a, 80, 200) // all of it on one screen
	words := f.words(m)
	for _, b := range v.SourceBenchmarks {
		if !strings.Contains(words, b.Text) || !strings.Contains(words, b.Fact.Source) {
			t.Errorf("benchmark %s is not shown with its citation", b.ID)
		}
	}
}

// Issue 13: a rank and percentile among at least five other
// organizations, none of them named; none with fewer.
func TestPortfolioRankNeedsFiveOthersAndNamesNone(t *testing.T) {
	f := newFixture(t)
	others := []string{"Globex", "Initech", "Umbrella", "Hooli"}
	for i, o := range others {
		f.stored(o, i%4)
	}
	a := f.stored("Acme", 2)
	m := f.opened(a, 120, 40)
	if strings.Contains(f.screenText(m), "Among the other organizations") {
		t.Fatalf("a rank among four others:\n%s", f.screenText(m))
	}
	f.stored("Stark", 3)
	m = f.opened(a, 120, 200)
	if w := f.words(m); !strings.Contains(w, "Among the other organizations assessed here Ranked among the latest assessments of 5 other organizations; none is named. Overall rank ") {
		t.Errorf("no rank among five others:\n%s", f.screenText(m))
	}
	for _, o := range append(others, "Stark") {
		if strings.Contains(f.screenText(m), o) {
			t.Errorf("the results name %s", o)
		}
	}
}

// Issue 13: set-up offers the stored organizations as the name is typed.
func TestSetupOffersStoredOrganizations(t *testing.T) {
	f := newFixture(t)
	f.stored("Acme Corporation", 2)
	f.stored("Globex", 2)
	m := f.app(StartSetup, "")
	resize(m, 80, 24)
	typeText(m, "ac")
	f.mustContain(m, "Already assessed: Acme Corporation.", "ctrl+e take the suggestion")
	if strings.Contains(f.screenText(m), "Globex") {
		t.Error("a name that does not match is offered")
	}
	send(m, tea.KeyPressMsg{Code: 'e', Mod: tea.ModCtrl})
	press(m, "enter", "enter", "enter")
	f.mustContain(m, "You are assessing: Acme Corporation.")

	// A name typed in other letters and spacing is the stored one.
	typed := f.app(StartSetup, "")
	resize(typed, 80, 24)
	typeText(typed, "ACME  corporation")
	press(typed, "enter", "enter", "enter")
	f.mustContain(typed, "You are assessing: Acme Corporation.")
}

// Issue 13: the history shows each organization's scores over time.
func TestHistoryShowsTheTrendToEachAssessment(t *testing.T) {
	f := newFixture(t)
	f.stored("Acme", 0)
	f.stored("Globex", 2)
	f.stored("Acme", 3)
	m := f.app(StartHome, "")
	resize(m, 100, 30)
	send(m, goHistoryMsg{})
	lines := strings.Split(f.screenText(m), "\n")
	var acme []string
	for _, l := range lines {
		if strings.Contains(l, "Acme") {
			acme = append(acme, l)
		}
	}
	if len(acme) != 2 || !strings.Contains(acme[0], " ▂▇ ") || !strings.Contains(acme[1], "  ▂ ") || !strings.Contains(acme[1], "▂") {
		t.Errorf("Acme's rows, newest first, lack their trend:\n%s", strings.Join(acme, "\n"))
	}
	if g := f.line(m, "Globex"); strings.ContainsAny(g, "▁▂▃▄▅▆▇█") {
		t.Errorf("an organization assessed once has a sparkline: %q", g)
	}
}

// Goldens of the results with a target and a trend, of the target form,
// and of set-up offering a stored organization, at both sizes.
func TestTargetsAndTrendGolden(t *testing.T) {
	for _, sz := range sizes {
		t.Run(fmt.Sprintf("%dx%d", sz[0], sz[1]), func(t *testing.T) {
			f := newFixture(t)
			later := f.acmeTrend()
			p := f.bank.Pillars[1]
			overall := 75.0
			if err := f.store.SetTarget("Acme", assess.TargetSet{Overall: &overall, Pillars: map[string]float64{p.ID: 70}, KeyActions: map[string]float64{p.KeyActions[0].ID: 40}}); err != nil {
				t.Fatal(err)
			}
			shot := func(name string, m *Model) {
				t.Run(name, func(t *testing.T) { golden.RequireEqual(t, f.screenText(m)) })
			}
			m := f.opened(later, sz[0], sz[1])
			shot("results_target_trend", m)
			press(m, "pgdown")
			shot("results_target_trend_scrolled", m)
			press(m, "t", "down")
			shot("target_form", m)
			press(m, "enter")
			shot("target_typing", m)

			setup := f.app(StartSetup, "")
			resize(setup, sz[0], sz[1])
			typeText(setup, "Ac")
			shot("setup_known", setup)
		})
	}
}

// Context loaded for results that were left before it came is not shown
// on the next results.
func TestAContextForOtherResultsIsDropped(t *testing.T) {
	f := newFixture(t)
	trend := f.acmeTrend()
	single := f.stored("Globex", 2)
	m := f.opened(single, 120, 40)
	send(m, loadContext(f.store, trend)())
	if w := f.words(m); strings.Contains(w, "Overall over") || !strings.Contains(w, "Globex — results") {
		t.Fatalf("another assessment's context is shown:\n%s", f.screenText(m))
	}
}
