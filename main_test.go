package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"socialmaturity/questions"
)

// cli runs the command line in-process and returns its exit code and output.
func cli(t *testing.T, stdin string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errOut bytes.Buffer
	code = run(context.Background(), args, strings.NewReader(stdin), &out, &errOut)
	return code, out.String(), errOut.String()
}

// questionCount is how many questions the default bank asks.
func questionCount(t *testing.T) int {
	t.Helper()
	b, err := questions.Default()
	if err != nil {
		t.Fatal(err)
	}
	return b.QuestionCount()
}

func TestBankValidate(t *testing.T) {
	code, out, _ := cli(t, "", "bank", "validate", "questions/banks/default.v2.en.yaml")
	if code != 0 || strings.TrimSpace(out) != "ok" {
		t.Errorf("valid bank: exit %d, %q", code, out)
	}
	code, _, errOut := cli(t, "", "bank", "validate", "questions/testdata/invalid/duplicate-ids.yaml")
	if code != 1 || !strings.Contains(errOut, "questions/testdata/invalid/duplicate-ids.yaml:13: duplicate id") || !strings.Contains(errOut, "3 problem(s) found") {
		t.Errorf("invalid bank: exit %d, %q", code, errOut)
	}
	code, _, errOut = cli(t, "", "bank", "validate", "no/such/file.yaml")
	if code != 1 || !strings.Contains(errOut, "no/such/file.yaml") {
		t.Errorf("missing bank: exit %d, %q", code, errOut)
	}
}

func TestBankDumpJSON(t *testing.T) {
	code, out, errOut := cli(t, "", "bank", "dump", "--format", "json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var dump struct {
		ID       string `json:"id"`
		Version  int    `json:"version"`
		Language string `json:"language"`
		Stages   []struct {
			Number int     `json:"number"`
			Name   string  `json:"name"`
			Min    float64 `json:"min"`
		} `json:"stages"`
		Pillars []struct {
			ID         string `json:"id"`
			KeyActions []struct {
				ID        string `json:"id"`
				Questions []struct {
					ID      string `json:"id"`
					Prompt  string `json:"prompt"`
					Options []struct {
						Level int    `json:"level"`
						Text  string `json:"text"`
					} `json:"options"`
				} `json:"questions"`
			} `json:"key_actions"`
		} `json:"pillars"`
		Recommendations []struct{ ID, Title string } `json:"recommendations"`
	}
	if err := json.Unmarshal([]byte(out), &dump); err != nil {
		t.Fatal(err)
	}
	if dump.ID == "" || dump.Language != "en" || len(dump.Stages) != 5 || len(dump.Pillars) != 3 || len(dump.Recommendations) == 0 {
		t.Errorf("dump = %+v", dump)
	}
	q := dump.Pillars[0].KeyActions[0].Questions[0]
	if q.ID == "" || q.Prompt == "" || len(q.Options) != 5 || q.Options[4].Level != 4 {
		t.Errorf("first question = %+v", q)
	}
	code, out, _ = cli(t, "", "bank", "dump")
	if code != 0 || !strings.Contains(out, "key_actions:") {
		t.Errorf("yaml dump: exit %d", code)
	}
	code, _, errOut = cli(t, "", "bank", "dump", "--format", "xml")
	if code != 1 || !strings.Contains(errOut, `--format "xml" is not one of: yaml, json`) {
		t.Errorf("bad format: exit %d, %q", code, errOut)
	}
}

func TestScore(t *testing.T) {
	code, out, errOut := cli(t, "", "score", "testdata/answers.json", "--format", "json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var res struct {
		Org      string   `json:"org"`
		Overall  *float64 `json:"overall"`
		Coverage float64  `json:"coverage"`
		Stage    struct {
			Number int    `json:"number"`
			Name   string `json:"name"`
		} `json:"stage"`
		Pillars []struct {
			ID         string   `json:"id"`
			Score      *float64 `json:"score"`
			Stage      any      `json:"stage"`
			KeyActions []struct {
				ID    string   `json:"id"`
				Score *float64 `json:"score"`
			} `json:"key_actions"`
		} `json:"pillars"`
		Recommendations []struct {
			ID    string  `json:"id"`
			Title string  `json:"title"`
			Gap   float64 `json:"gap"`
		} `json:"recommendations"`
	}
	if err := json.Unmarshal([]byte(out), &res); err != nil {
		t.Fatal(err)
	}
	if res.Org != "Acme" || res.Overall == nil || res.Stage.Number == 0 || len(res.Pillars) != 3 || len(res.Recommendations) == 0 {
		t.Errorf("result = %+v", res)
	}
	if res.Coverage >= 1 {
		t.Errorf("coverage = %v with one not-sure answer", res.Coverage)
	}
	for i := 1; i < len(res.Recommendations); i++ {
		if res.Recommendations[i].Gap <= 0 {
			t.Errorf("recommendation without a gap: %+v", res.Recommendations)
		}
	}

	code, out, _ = cli(t, `{"org": "Piped", "answers": {"eng-channels": 4}}`, "score", "-")
	if code != 0 || !strings.Contains(out, "Piped — social media maturity") || !strings.Contains(out, fmt.Sprintf("1 of %d answered", questionCount(t))) {
		t.Errorf("stdin text: exit %d\n%s", code, out)
	}
}

func TestScoreReportsBadInput(t *testing.T) {
	code, _, errOut := cli(t, "org: X\nanswers:\n  eng-channels: 7\n  nope: 1\n", "score", "-")
	if code != 1 || !strings.Contains(errOut, "stdin:3: answer to eng-channels: level 7 is outside 0..4") || !strings.Contains(errOut, `stdin:4: unknown question id "nope"`) {
		t.Errorf("exit %d, %q", code, errOut)
	}
	code, _, errOut = cli(t, "", "score", "testdata/answers.json", "--target", "culture=200")
	if code != 1 || !strings.Contains(errOut, "--target") {
		t.Errorf("bad target: exit %d, %q", code, errOut)
	}
	code, _, errOut = cli(t, "", "score", "testdata/answers.json", "--bank", "questions/testdata/invalid/empty.yaml")
	if code != 1 || !strings.Contains(errOut, "empty.yaml: is empty") {
		t.Errorf("bad bank: exit %d, %q", code, errOut)
	}
}

func TestTUINeedsATerminal(t *testing.T) {
	for _, args := range [][]string{{}, {"assess", "--org", "Acme"}} {
		code, _, errOut := cli(t, "", append(args, "--db", filepath.Join(t.TempDir(), "sm.db"))...)
		if code != 1 || !strings.Contains(errOut, "--accessible") || !strings.Contains(errOut, "socialmaturity score FILE") {
			t.Errorf("%v without a terminal: exit %d, %q", args, code, errOut)
		}
	}
}

func TestAccessibleFromTheCommandLine(t *testing.T) {
	db := filepath.Join(t.TempDir(), "sm.db")
	input := strings.Repeat("2\n", questionCount(t))
	code, out, errOut := cli(t, input, "assess", "--accessible", "--org", "Acme", "--db", db)
	if code != 0 || !strings.Contains(out, "Acme — social media maturity") || !strings.Contains(out, "Saved as assessment") {
		t.Fatalf("exit %d: %s\n%s", code, errOut, out)
	}
	if n := countListed(t, db); n != 1 {
		t.Errorf("stored %d", n)
	}
	t.Setenv("ACCESSIBLE", "1")
	code, out, _ = cli(t, "q\n", "--db", db)
	if code != 0 || !strings.Contains(out, "Organization:") {
		t.Errorf("ACCESSIBLE=1: exit %d\n%s", code, out)
	}
}

// QA M4: every target shows in the text with its gap, rounded like
// scores; a target given twice is refused naming the flag; JSON gaps are
// rounded.
func TestScoreTargets(t *testing.T) {
	code, out, errOut := cli(t, "", "score", "testdata/answers.json", "--target", "overall=70", "--target", "culture=60")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if n := strings.Count(out, "target 70.0") + strings.Count(out, "target 60.0"); n != 2 {
		t.Errorf("text shows %d of the 2 targets:\n%s", n, out)
	}
	code, _, errOut = cli(t, "", "score", "testdata/answers.json", "--target", "culture=60", "--target", "culture=50")
	if code != 1 || !strings.Contains(errOut, "--target") || !strings.Contains(errOut, "culture is already given") {
		t.Errorf("repeated target: exit %d, %q", code, errOut)
	}
	code, out, _ = cli(t, "", "score", "testdata/answers.json", "--target", "culture=60", "--format", "json")
	var res struct {
		Pillars []struct {
			ID     string `json:"id"`
			Target *struct {
				Gap float64 `json:"gap"`
			} `json:"target"`
		} `json:"pillars"`
	}
	if err := json.Unmarshal([]byte(out), &res); err != nil || code != 0 {
		t.Fatal(err)
	}
	for _, p := range res.Pillars {
		if p.ID == "culture" && (p.Target == nil || p.Target.Gap*10 != float64(int(p.Target.Gap*10))) {
			t.Errorf("culture target = %+v, want a gap with one decimal", p.Target)
		}
	}
}
