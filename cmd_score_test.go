package main

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"socialmaturity/questions"
)

// scoreJSON is what score --format json says of scoring v2.
type scoreJSON struct {
	Provisional     *bool `json:"provisional"`
	Recommendations []struct {
		ID      string  `json:"id"`
		Gap     float64 `json:"gap"`
		Because struct {
			KeyAction string `json:"key_action"`
			Question  string `json:"question"`
			Text      string `json:"text"`
		} `json:"because"`
		Next []struct {
			Question string `json:"question"`
			Level    int    `json:"level"`
			Text     string `json:"text"`
		} `json:"next"`
	} `json:"recommendations"`
}

// Issue 10: score JSON always carries "provisional", and every
// recommendation its gap, why it fired (worded) and its next rung.
func TestScoreJSONCarriesProvisionalBecauseAndNextRung(t *testing.T) {
	for _, c := range []struct {
		name, in    string
		provisional bool
	}{
		{"one answer", `{"org": "A", "answers": {"eng-channels": 4, "dis-plan": 1}}`, true},
		{"every answer", `{"org": "A", "answers": {` + allAnswers(t, 1) + `}}`, false},
	} {
		t.Run(c.name, func(t *testing.T) {
			code, out, errOut := cli(t, c.in, "score", "-", "--format", "json")
			if code != 0 {
				t.Fatalf("exit %d: %s", code, errOut)
			}
			var res scoreJSON
			if err := json.Unmarshal([]byte(out), &res); err != nil {
				t.Fatal(err)
			}
			if res.Provisional == nil || *res.Provisional != c.provisional {
				t.Errorf("provisional = %v, want present and %v", res.Provisional, c.provisional)
			}
			if len(res.Recommendations) == 0 {
				t.Fatal("no recommendation")
			}
			for i, r := range res.Recommendations {
				if r.Because.Text == "" || r.Gap <= 0 || len(r.Next) == 0 || r.Next[0].Text == "" {
					t.Errorf("recommendation %s: %+v", r.ID, r)
				}
				if i > 0 && !c.provisional && r.Gap > res.Recommendations[i-1].Gap && i < 3 {
					t.Errorf("top three not by gap: %+v", res.Recommendations[:3])
				}
			}
		})
	}
	_, out, _ := cli(t, `{"org": "A", "answers": {"dis-plan": 1}}`, "score", "-", "--format", "json")
	if !strings.Contains(out, `"text": "Plan for the unknown to reduce disruption scores 25.0 (too few answers for a stage)"`) {
		t.Errorf("because is not worded:\n%s", out)
	}
}

// The text result says it is provisional, and what is missing, where the
// stage is shown.
func TestScoreTextSaysProvisional(t *testing.T) {
	code, out, errOut := cli(t, `{"org": "A", "answers": {"eng-channels": 4}}`, "score", "-")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	overall := strings.Index(out, "Overall")
	provisional := strings.Index(out, "Provisional: 1 of 29 applicable questions answered (70% needed); too few answers\n  in Relationships beyond customers, Value and efficiency, Culture")
	if overall < 0 || provisional < overall || strings.Count(out[overall:provisional], "\n") != 1 {
		t.Errorf("no provisional line under the overall stage:\n%s", out)
	}
	_, out, _ = cli(t, `{"org": "A", "answers": {`+allAnswers(t, 2)+`}}`, "score", "-")
	if strings.Contains(out, "Provisional") {
		t.Errorf("a firm result says provisional:\n%s", out)
	}
}

// allAnswers answers every question of the default bank at level l, as JSON
// members.
func allAnswers(t *testing.T, l int) string {
	b, err := questions.Default()
	if err != nil {
		t.Fatal(err)
	}
	var members []string
	for _, q := range b.AllQuestions() {
		members = append(members, fmt.Sprintf("%q: %d", q.ID, l))
	}
	return strings.Join(members, ", ")
}

// QA: score --target in text shows how much of the target is reached as
// well as the gap.
func TestScoreTargetTextShowsProgress(t *testing.T) {
	code, out, errOut := cli(t, `{"org": "A", "answers": {`+allAnswers(t, 2)+`}}`, "score", "-", "--target", "overall=80")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if !strings.Contains(out, "target 80.0, 30.0 to go, 63% of the target reached") {
		t.Errorf("score --target text lacks the progress:\n%s", out)
	}
}
