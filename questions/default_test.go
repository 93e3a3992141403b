package questions

import (
	"bytes"
	"encoding/json"
	"math"
	"os"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"
)

func mustDefault(t *testing.T) *Bank {
	t.Helper()
	b, err := Default()
	if err != nil {
		t.Fatalf("default bank: %v", err)
	}
	return b
}

func mustBuiltin(t *testing.T, version int) *Bank {
	t.Helper()
	b, ok := Builtin(DefaultBankID, version, "en")
	if !ok {
		t.Fatalf("no built-in bank version %d", version)
	}
	return b
}

// Both embedded banks load and validate; the default is version 2, and
// version 1 stays as it was for the assessments made with it.
func TestBuiltinBanks(t *testing.T) {
	v2 := mustDefault(t)
	if v2.ID != DefaultBankID || v2.Version != 2 || v2.Language != "en" {
		t.Errorf("default bank = %q v%d %q, want %s v2 en", v2.ID, v2.Version, v2.Language, DefaultBankID)
	}
	if b := mustBuiltin(t, 2); b != v2 {
		t.Error("Builtin(v2) is not the default bank")
	}
	if _, err := Load(DefaultBankName, DefaultYAML()); err != nil {
		t.Errorf("bank v2 does not validate:\n%v", err)
	}
	v1 := mustBuiltin(t, 1)
	if v1.Version != 1 || v1.ID != DefaultBankID || v1.QuestionCount() != 27 || v1.Stages[1].Min != 20 || v1.Stages[0].Name != "Absent" {
		t.Errorf("bank v1 changed: v%d %q, %d questions, stage 2 from %g", v1.Version, v1.ID, v1.QuestionCount(), v1.Stages[1].Min)
	}
	if r, ok := v1.Recommendation(v1.Recommendations[0].ID); !ok || !r.Steps.IsPlain() || r.Steps.Len() == 0 || len(r.When) == 0 {
		t.Errorf("bank v1 recommendation %+v: want plain steps and conditions", r)
	}
	name, src, ok := BuiltinYAML(DefaultBankID, 1, "en")
	if !ok || name != "default.v1.en.yaml" || !bytes.Contains(src, []byte("version: 1\n")) {
		t.Errorf("BuiltinYAML(v1) = %q, %d bytes, %v", name, len(src), ok)
	}
	for _, miss := range []struct {
		id       string
		version  int
		language string
	}{{DefaultBankID, 3, "en"}, {DefaultBankID, 1, "fa"}, {"other", 2, "en"}} {
		if b, ok := Builtin(miss.id, miss.version, miss.language); ok || b != nil {
			t.Errorf("Builtin(%v) found a bank", miss)
		}
		if _, _, ok := BuiltinYAML(miss.id, miss.version, miss.language); ok {
			t.Errorf("BuiltinYAML(%v) found a bank", miss)
		}
	}
}

// Builtin decodes each bank once, however many goroutines ask at once (run
// with -race).
func TestBuiltinIsSafeForConcurrentUse(t *testing.T) {
	var wg sync.WaitGroup
	got := make([]*Bank, 8)
	for i := range got {
		wg.Go(func() { got[i], _ = Builtin(DefaultBankID, 1+i%2, "en") })
	}
	wg.Wait()
	for i, b := range got {
		if b == nil || b != got[i%2] {
			t.Fatalf("goroutine %d got bank %p, want %p", i, b, got[i%2])
		}
	}
}

func TestDefaultBankShape(t *testing.T) {
	b := mustDefault(t)
	wantMins := []float64{0, 12.5, 37.5, 62.5, 87.5}
	if len(b.Stages) != len(wantMins) {
		t.Fatalf("stages = %d, want %d", len(b.Stages), len(wantMins))
	}
	for i, s := range b.Stages {
		if s.Min != wantMins[i] || s.Number != i+1 {
			t.Errorf("stage %d = number %d min %g, want number %d min %g", i, s.Number, s.Min, i+1, wantMins[i])
		}
	}
	if b.Stages[0].Name == "Absent" {
		t.Error("stage 1 is still called Absent")
	}
	if len(b.Pillars) != 3 {
		t.Fatalf("pillars = %d, want 3", len(b.Pillars))
	}
	for _, p := range b.Pillars {
		if len(p.KeyActions) != 3 {
			t.Errorf("pillar %s has %d key actions, want 3", p.ID, len(p.KeyActions))
		}
		if len(p.Intro) == 0 {
			t.Errorf("pillar %s has no intro figure", p.ID)
		}
		for _, ka := range p.KeyActions {
			if n := len(ka.Questions); n < 3 || n > 4 {
				t.Errorf("key action %s has %d questions, want 3–4", ka.ID, n)
			}
		}
	}
	if n := b.QuestionCount(); n < 27 || n > 32 {
		t.Errorf("questions = %d, want about 27", n)
	}
	if b.Scope == "" || len(b.Glossary) == 0 {
		t.Error("bank v2 has no scope or no glossary")
	}
	if ka, ok := b.KeyAction("measurement"); !ok || ka.Title != "Measure success in context" {
		t.Errorf("key action measurement = %+v", ka)
	}
}

// Every key action has a recommendation at every score below 87.5, and none
// at or above it.
func TestDefaultBankRecommendsAtEveryLevelOfEveryKeyAction(t *testing.T) {
	b := mustDefault(t)
	for _, p := range b.Pillars {
		for _, ka := range p.KeyActions {
			for score := 0.0; score <= 100; score += 100.0 / 24 {
				var fired []string
				for _, r := range b.Recommendations {
					if r.KeyAction == ka.ID && r.Tier.Fires(score) {
						fired = append(fired, r.ID)
					}
				}
				if want := score < 87.5; (len(fired) == 1) != want || len(fired) > 1 {
					t.Errorf("key action %s at %.1f: tiered recommendations %v", ka.ID, score, fired)
				}
			}
		}
	}
}

// The report's figures are data, and its cases are all there; sentences
// carry no figures of their own.
func TestDefaultBankCitesEveryFigureOfTheSource(t *testing.T) {
	b := mustDefault(t)
	values := map[float64]bool{}
	for _, f := range b.Facts {
		values[f.Value] = true
		if !strings.Contains(f.Text, ValuePlaceholder) || f.Source == "" {
			t.Errorf("fact %s: %q from %q", f.ID, f.Text, f.Source)
		}
	}
	for _, v := range []float64{0.75, 2, 0.70, 0.72, 0.66, 300, 80} {
		if !values[v] {
			t.Errorf("no fact has the value %g", v)
		}
	}
	var orgs []string
	for _, c := range b.Cases {
		orgs = append(orgs, c.Org)
	}
	for _, org := range []string{"Sodexo", "Mapfre", "Ochsner Health", "Georgia State University"} {
		if !slices.Contains(orgs, org) {
			t.Errorf("no case of %s", org)
		}
	}
	if len(b.Sources) == 0 || !strings.Contains(b.Sources[0].Note, "2,162") || !strings.Contains(b.Credit, "(2021)") || !strings.Contains(b.Credit, "this tool's own") {
		t.Errorf("the source or credit lost the survey's size, year or the tool's authorship: %q / %+v", b.Credit, b.Sources)
	}
	digit := regexp.MustCompile(`[0-9]`)
	for _, r := range b.Recommendations {
		if digit.MatchString(r.Title + r.Why) {
			t.Errorf("recommendation %s has a figure in its words, not as a fact: %q", r.ID, r.Title+" "+r.Why)
		}
	}
}

// Fixes of the review of bank v1 that words alone can show.
func TestDefaultBankKeepsToTheSource(t *testing.T) {
	b := mustDefault(t)
	var all strings.Builder
	for _, q := range b.AllQuestions() {
		all.WriteString(" " + q.Prompt + " " + q.Help)
		for _, o := range q.Options {
			all.WriteString(" " + o.Text)
		}
	}
	for _, r := range b.Recommendations {
		all.WriteString(" " + r.Title + " " + r.Why + " " + strings.Join(r.Steps.All(), " "))
	}
	text := strings.ToLower(all.String())
	for _, banned := range []string{"activists", "listening pays", "executives of other organizations"} {
		if strings.Contains(text, banned) {
			t.Errorf("bank v2 says %q", banned)
		}
	}
	for id, notCited := range map[string]string{"rec-specialists": "fact-planning-transform", "rec-disruption": "case-ochsner", "rec-engagement": "fact-beyond-customers-2x"} {
		for _, r := range b.Recommendations {
			if strings.HasPrefix(r.ID, id) && slices.Contains(r.Evidence, notCited) {
				t.Errorf("%s cites %s, which does not support it", r.ID, notCited)
			}
		}
	}
}

// The practices the source names are asked about.
func TestDefaultBankCoversTheSourcesPractices(t *testing.T) {
	b := mustDefault(t)
	var asked strings.Builder
	for _, q := range b.AllQuestions() {
		asked.WriteString(" " + strings.ToLower(q.Prompt+" "+q.Help))
		for _, o := range q.Options {
			asked.WriteString(" " + strings.ToLower(o.Text))
		}
	}
	for _, practice := range []string{"executive sponsor", "steering committee", "shareholders", "industry and trade associations", "employees", "crisis", "continuity", "paid media", "email", "seo", "funnel", "personas", "training", "advocacy", "tool"} {
		if !strings.Contains(asked.String(), practice) {
			t.Errorf("no question covers %q", practice)
		}
	}
}

var agreementScale = regexp.MustCompile(`(?i)\b(dis)?agree\b`)

// Options are anchored behaviours, never degrees of agreement.
func TestBuiltinBankOptionsAreNotAgreementScales(t *testing.T) {
	for version := 1; version <= 2; version++ {
		for _, q := range mustBuiltin(t, version).AllQuestions() {
			for _, o := range q.Options {
				if agreementScale.MatchString(o.Text) {
					t.Errorf("v%d %s level %d reads as an agreement scale: %q", version, q.ID, o.Level, o.Text)
				}
			}
		}
	}
}

// Options of one question are of comparable length, so that length never
// hints at the answer.
func TestDefaultBankOptionsAreOfComparableLength(t *testing.T) {
	for _, q := range mustDefault(t).AllQuestions() {
		short, long := math.MaxInt, 0
		for _, o := range q.Options {
			n := len(strings.Fields(o.Text))
			short, long = min(short, n), max(long, n)
		}
		if float64(long) > 1.6*float64(short) {
			t.Errorf("%s: longest option %d words, shortest %d", q.ID, long, short)
		}
	}
}

// The JSON form of the default bank, which the app decodes at start-up, is
// the YAML loaded and validated. To regenerate it after editing the YAML:
// go test ./questions -update (or go generate ./questions).
func TestBuiltinBankJSONMatchesTheYAML(t *testing.T) {
	fromYAML, err := Load(DefaultBankName, DefaultYAML())
	if err != nil {
		t.Fatal(err)
	}
	want, err := json.MarshalIndent(fromYAML, "", " ")
	if err != nil {
		t.Fatal(err)
	}
	want = append(want, '\n')
	if updating() {
		if err := os.WriteFile("banks/default.v2.en.json", want, 0o644); err != nil {
			t.Fatal(err)
		}
		return // the embedded form is the old one until the next build
	}
	if !bytes.Equal(want, defaultV2JSON) {
		t.Fatal("banks/default.v2.en.json is out of date with banks/default.v2.en.yaml: run go test ./questions -update")
	}
	b := mustDefault(t)
	got, err := json.MarshalIndent(b, "", " ")
	if err != nil || !bytes.Equal(append(got, '\n'), want) {
		t.Fatalf("the decoded built-in bank differs from the YAML (%v)", err)
	}
	if b.QuestionCount() != fromYAML.QuestionCount() {
		t.Errorf("index: %d questions, want %d", b.QuestionCount(), fromYAML.QuestionCount())
	}
}

// The default bank places an organization against the source's own
// figures, such as the 75% of businesses that see customers as the main
// audience and the 72% that find social media's efficiency very useful.
func TestDefaultBankBenchmarksUseTheSourcesFigures(t *testing.T) {
	b := mustDefault(t)
	want := map[string]float64{"eng-audiences": 0.75, "int-efficiency": 0.72}
	for _, bm := range b.Benchmarks {
		f, ok := b.Fact(bm.Fact)
		if !ok || f.Source == "" {
			t.Errorf("benchmark %s: fact %q has no source", bm.ID, bm.Fact)
			continue
		}
		if v, ok := want[bm.Question]; ok && f.Value == v {
			delete(want, bm.Question)
		}
	}
	for q, v := range want {
		t.Errorf("no benchmark reads %s against the figure %g", q, v)
	}
}

// The glossary reads in alphabetical order and explains the assessment's
// own terms as well as the jargon of the questions.
func TestDefaultBankGlossaryIsSortedAndExplainsTheTerms(t *testing.T) {
	b, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	for i := 1; i < len(b.Glossary); i++ {
		if strings.ToLower(b.Glossary[i-1].Term) > strings.ToLower(b.Glossary[i].Term) {
			t.Errorf("%q comes before %q", b.Glossary[i-1].Term, b.Glossary[i].Term)
		}
	}
	for _, term := range []string{"pillar", "key action", "stage", "gap", "not sure", "does not apply"} {
		if _, ok := b.Term(term); !ok {
			t.Errorf("the glossary does not explain %q", term)
		}
	}
}
