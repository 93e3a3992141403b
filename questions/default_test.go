package questions

import (
	"bytes"
	"encoding/json"
	"os"
	"strings"
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

func TestDefaultBankShape(t *testing.T) {
	b := mustDefault(t)
	if b.Language != "en" || b.Version < 1 || b.ID == "" {
		t.Errorf("bank header = %q v%d %q", b.ID, b.Version, b.Language)
	}
	wantMins := []float64{0, 20, 40, 60, 80}
	if len(b.Stages) != len(wantMins) {
		t.Fatalf("stages = %d, want %d", len(b.Stages), len(wantMins))
	}
	for i, s := range b.Stages {
		if s.Min != wantMins[i] || s.Number != i+1 {
			t.Errorf("stage %d = number %d min %g, want number %d min %g", i, s.Number, s.Min, i+1, wantMins[i])
		}
	}
	if len(b.Pillars) != 3 {
		t.Fatalf("pillars = %d, want 3", len(b.Pillars))
	}
	for _, p := range b.Pillars {
		if len(p.KeyActions) != 3 {
			t.Errorf("pillar %s has %d key actions, want 3", p.ID, len(p.KeyActions))
		}
		if len(p.Facts) == 0 {
			t.Errorf("pillar %s has no headline fact", p.ID)
		}
		for _, ka := range p.KeyActions {
			if n := len(ka.Questions); n < 2 || n > 4 {
				t.Errorf("key action %s has %d questions, want 2–4", ka.ID, n)
			}
		}
	}
	if n := b.QuestionCount(); n < 24 || n > 30 {
		t.Errorf("questions = %d, want about 27", n)
	}
}

// Every key action has a recommendation that fires when it is weak.
func TestDefaultBankRecommendsForEveryKeyAction(t *testing.T) {
	b := mustDefault(t)
	covered := map[string]bool{}
	for _, r := range b.Recommendations {
		for _, c := range r.When {
			if c.KeyAction != "" {
				covered[c.KeyAction] = true
			}
		}
	}
	for _, p := range b.Pillars {
		for _, ka := range p.KeyActions {
			if !covered[ka.ID] {
				t.Errorf("no recommendation is triggered by key action %s", ka.ID)
			}
		}
	}
}

// The report's figures and cases support a pillar or a recommendation.
func TestDefaultBankCitesEveryFigureOfTheSource(t *testing.T) {
	b := mustDefault(t)
	var evidence strings.Builder
	evidence.WriteString(b.Credit)
	for _, p := range b.Pillars {
		evidence.WriteString(" " + p.Thesis + " " + strings.Join(p.Facts, " "))
	}
	for _, r := range b.Recommendations {
		evidence.WriteString(" " + r.Why)
	}
	for _, fig := range []string{"2,162", "75%", "twice", "70%", "72%", "66%", "300", "Sodexo", "Mapfre", "Ochsner", "Georgia State"} {
		if !strings.Contains(evidence.String(), fig) {
			t.Errorf("the bank's evidence never cites %q", fig)
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
	for _, practice := range []string{"executive sponsor", "steering committee", "investors", "activists", "employees", "crisis", "continuity", "paid media", "email", "seo", "funnel", "personas", "training", "advocacy", "platform"} {
		if !strings.Contains(asked.String(), practice) {
			t.Errorf("no question covers %q", practice)
		}
	}
}

// Options are anchored behaviours, never degrees of agreement.
func TestDefaultBankOptionsAreNotAgreementScales(t *testing.T) {
	b := mustDefault(t)
	for _, q := range b.AllQuestions() {
		for _, o := range q.Options {
			low := strings.ToLower(o.Text)
			for _, banned := range []string{"agree", "disagree"} {
				if strings.Contains(low, banned) && !strings.Contains(low, "agreed") {
					t.Errorf("%s level %d reads as an agreement scale: %q", q.ID, o.Level, o.Text)
				}
			}
		}
	}
}

// The JSON form of the built-in bank, which the app decodes at start-up,
// is the YAML loaded and validated.
func TestDefaultBankJSONMatchesTheYAML(t *testing.T) {
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
		if err := os.WriteFile("default.en.json", want, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if !bytes.Equal(want, defaultBankJSON) {
		t.Fatal("default.en.json is out of date with default.en.yaml: run go test ./questions -update")
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
