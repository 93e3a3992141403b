package assess

import (
	"encoding/json"
	"strings"
	"testing"
	"time"

	"socialmaturity/messages"
	"socialmaturity/questions"
)

func v1Bank(t *testing.T) *questions.Bank {
	t.Helper()
	b, ok := questions.Builtin("social-maturity", 1, "en")
	if !ok {
		t.Fatal("bank v1 is not built in")
	}
	return b
}

// The view carries what renderers need of scoring v2: provisional and what
// is missing, knowledge gaps with who knows, the cap, the strongest and
// weakest key actions, and each recommendation's because, next rung, steps
// and evidence.
func TestViewOfScoringV2(t *testing.T) {
	b := defaultBank(t)
	cat := messages.English()
	a := &Assessment{ID: "x", Submission: Submission{Org: "Acme", Answers: answerAll(b, func(p, _ string) (Answer, bool) {
		if p == "relationships" {
			return AtLevel(0), true
		}
		return AtLevel(4), true
	}), Notes: map[string]string{}}, Bank: RefOf(b)}
	a.Answers["spe-sponsor"] = NotSure
	a.Notes["spe-sponsor"] = "ask the CEO's office"
	a.Complete(b, time.Date(2026, 5, 1, 9, 0, 0, 0, time.UTC), Targets{})
	v := NewView(b, a, nil)

	if v.Stage == nil || v.Stage.Number != 2 || v.Capped == nil || v.Capped.Pillar.Title != "Relationships beyond customers" ||
		v.Capped.PillarStage.Number != 1 || v.Capped.Uncapped.Number != 4 {
		t.Errorf("stage %+v capped %+v, want 2, held down by relationships at 1 from 4", v.Stage, v.Capped)
	}
	if v.Provisional || v.Missing != nil {
		t.Errorf("provisional %v, missing %+v", v.Provisional, v.Missing)
	}
	if v.Strongest == nil || v.Strongest.ID != "integration" || v.Weakest == nil || v.Weakest.ID != "engagement" {
		t.Errorf("strongest %+v weakest %+v", v.Strongest, v.Weakest)
	}
	q, _ := b.Question("spe-sponsor")
	if len(v.KnowledgeGaps) != 1 || v.KnowledgeGaps[0] != (KnowledgeGap{QuestionID: "spe-sponsor", Prompt: q.Prompt, WhoKnows: q.WhoKnows, Note: "ask the CEO's office"}) || q.WhoKnows == "" {
		t.Errorf("knowledge gaps = %+v", v.KnowledgeGaps)
	}
	if v.Coverage.Applicable != b.QuestionCount() || v.Coverage.Answered != b.QuestionCount()-1 {
		t.Errorf("coverage = %+v", v.Coverage)
	}

	r := v.Recommendations[0]
	if r.ID != "rec-engagement-build" || r.Gap != 100 || r.Impact != 100 || r.Because.Text(cat) != "Focus on sustained engagement scores 0.0 (stage 1)" {
		t.Errorf("first recommendation %s, gap %v, because %q", r.ID, r.Gap, r.Because.Text(cat))
	}
	if len(r.Next) != 2 || r.Next[0].Level != 1 || r.Next[0].Text != b.Pillars[0].KeyActions[0].Questions[0].Option(1) {
		t.Errorf("next rungs = %+v", r.Next)
	}
	if len(r.Alone) == 0 || len(r.Propose) == 0 || len(r.Steps) != len(r.Alone)+len(r.Propose) {
		t.Errorf("steps alone %v propose %v all %v", r.Alone, r.Propose, r.Steps)
	}
	var start RecommendationView
	for _, x := range v.Recommendations {
		if x.ID == "rec-listening-start" {
			start = x
		}
	}
	// a client reads the question's number and the answer given, never its id
	if want := "question 4 is answered at level 0 (“" + strings.TrimSuffix(b.Pillars[0].KeyActions[1].Questions[0].Option(0), ".") + "”)"; start.Because.Text(cat) != want || len(start.Caveats) == 0 {
		t.Errorf("rec-listening-start because %q, caveats %v", start.Because.Text(cat), start.Caveats)
	}
	if v.Method.Version != 2 || v.Method.Scope == "" || v.Method.Credit == "" || len(v.Method.Sources) == 0 || len(v.Method.Glossary) == 0 {
		t.Errorf("method = %+v", v.Method)
	}
	if len(v.Pillars[0].Intro) == 0 || v.Pillars[0].Intro[0].Fact == nil || v.Pillars[0].Intro[0].Source == "" {
		t.Errorf("pillar intro = %+v", v.Pillars[0].Intro)
	}
}

func TestViewSaysWhatAProvisionalResultMisses(t *testing.T) {
	b := defaultBank(t)
	a := &Assessment{Submission: Submission{Org: "Acme", Answers: answerAll(b, func(string, string) (Answer, bool) { return NotSure, true })}, Bank: RefOf(b)}
	a.Answers["eng-channels"] = AtLevel(4)
	a.Complete(b, time.Now(), Targets{})
	v := NewView(b, a, nil)
	if !v.Provisional || v.Stage != nil || v.Missing == nil || v.Missing.Answers != 20 || len(v.Missing.ThinPillars) != 3 ||
		v.Missing.ThinPillars[0].Title != "Relationships beyond customers" {
		t.Errorf("provisional %v stage %+v missing %+v", v.Provisional, v.Stage, v.Missing)
	}
	if !v.Pillars[0].Thin || v.Pillars[0].Stage != nil || len(v.KnowledgeGaps) != b.QuestionCount()-1 {
		t.Errorf("pillar %+v, %d knowledge gaps", v.Pillars[0], len(v.KnowledgeGaps))
	}
	if len(v.Recommendations) != 0 {
		t.Errorf("recommendations from one answer at 4: %+v", v.Recommendations)
	}
}

func TestBecauseWording(t *testing.T) {
	cat := messages.English()
	one := 1
	for _, c := range []struct {
		b    BecauseView
		want string
	}{
		{BecauseView{Because: Because{KeyAction: "disruption", Score: Scored(100.0 / 3)}, Title: "Plan for the unknown", Stage: &StageView{Number: 2}}, "Plan for the unknown scores 33.3 (stage 2)"},
		{BecauseView{Because: Because{KeyAction: "disruption", Score: Scored(50)}, Title: "Plan for the unknown"}, "Plan for the unknown scores 50.0 (too few answers for a stage)"},
		{BecauseView{Because: Because{Question: "dis-plan", Level: &one}, Title: "dis-plan"}, "dis-plan is at level 1"},
		{BecauseView{}, ""},
	} {
		if got := c.b.Text(cat); got != c.want {
			t.Errorf("Text = %q, want %q", got, c.want)
		}
	}
}

func TestFactFill(t *testing.T) {
	cat := messages.English()
	for _, c := range []struct {
		f    FactView
		want string
	}{
		{FactView{Value: 0.75, Format: questions.FormatPercent, Text: "{value} of firms"}, "75% of firms"},
		{FactView{Value: 2, Format: questions.FormatTimes, About: true, Text: "{value} as likely"}, "About 2× as likely"},
		{FactView{Value: 2, Format: questions.FormatTimes, About: true, Text: "mature ones are {value} as likely"}, "mature ones are about 2× as likely"},
		{FactView{Value: 2162, Format: questions.FormatNumber, Text: "{value} marketers"}, "2,162 marketers"},
		{FactView{Value: 1.5, Format: questions.FormatTimes, Text: "{value}"}, "1.5×"},
	} {
		if got := c.f.Fill(cat); got != c.want {
			t.Errorf("Fill = %q, want %q", got, c.want)
		}
	}
}

// A v1 assessment stored before scoring v2 shows as it did when completed:
// its own bank's titles, stages and recommendations, its stored scores.
func TestViewOfAStoredV1Assessment(t *testing.T) {
	v1, v2 := v1Bank(t), defaultBank(t)
	const stored = `{"id":"old","org":"Acme","answers":{"eng-channels":1,"int-approach":2,"dis-alerting":0},"bank":{"id":"social-maturity","version":1,"language":"en"},
"started_at":"2026-01-02T09:00:00Z","updated_at":"2026-01-02T09:00:00Z","completed_at":"2026-01-02T09:00:00Z",
"result":{"overall":20.8,"stage":{"number":2,"name":"Emerging"},"coverage":0.111,"answered":3,"unsure":0,"total":27,
"pillars":[{"id":"relationships","score":25,"stage":{"number":2,"name":"Emerging"},"key_actions":[{"id":"engagement","score":25,"answered":1,"unsure":0,"total":3}]}],
"recommendations":[{"id":"rec-disruption","title":"Write a disruption plan","impact":50}]}}`
	var a Assessment
	if err := json.Unmarshal([]byte(stored), &a); err != nil {
		t.Fatal(err)
	}
	v := NewView(v2, &a, nil)
	if v.Bank.Version != 1 || v.Overall != Scored(20.8) || v.Stage == nil || v.Stage.Name != v1.Stages[1].Name || v.Provisional {
		t.Errorf("bank %+v overall %+v stage %+v provisional %v", v.Bank, v.Overall, v.Stage, v.Provisional)
	}
	if v.Pillars[0].KeyActions[0].Title != v1.TitleOf("engagement") || v.Pillars[0].KeyActions[0].Stage != nil {
		t.Errorf("key action = %+v", v.Pillars[0].KeyActions[0])
	}
	r := v.Recommendations[0]
	old, _ := v1.Recommendation("rec-disruption")
	if r.Impact != 50 || r.Gap != 0 || r.Title != old.Title || r.Why == "" || len(r.Steps) != len(old.Steps.All()) || !r.Because.IsZero() {
		t.Errorf("recommendation = %+v", r)
	}
	if len(v.Answers) == 0 || v.Answers[len(v.Answers)-1].KeyActionTitle != v1.Pillars[2].KeyActions[2].Title {
		t.Errorf("answers are not v1's questions")
	}
}

// Comparing across bank versions scores both on the questions they share,
// against the later bank, and says so.
func TestComparisonAcrossVersions(t *testing.T) {
	v1, v2 := v1Bank(t), defaultBank(t)
	old := &Assessment{ID: "old", Submission: Submission{Org: "Acme", Answers: answerAll(v1, func(string, string) (Answer, bool) { return AtLevel(1), true })}, Bank: RefOf(v1)}
	old.Complete(v1, time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC), Targets{})
	now := &Assessment{ID: "new", Submission: Submission{Org: "Acme", Answers: answerAll(v2, func(string, string) (Answer, bool) { return AtLevel(3), true })}, Bank: RefOf(v2)}
	now.Complete(v2, time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC), Targets{})
	// Answers to the questions v2 dropped would pull the old score
	// nowhere: raise them to show they are left out.
	for _, id := range []string{"int-approach", "dis-alerting"} {
		old.Answers[id] = AtLevel(4)
	}
	c := NewComparisonView(v2, old, now)
	shared := sharedQuestions(v1, v2)
	if c.Versions == nil || c.Versions.From.Version != 1 || c.Versions.To.Version != 2 || c.Versions.Shared != len(shared) || c.Versions.Total != v2.QuestionCount() {
		t.Fatalf("versions = %+v", c.Versions)
	}
	if shared["int-approach"] || len(shared) == 0 {
		t.Fatalf("shared = %v", shared)
	}
	if c.Overall.From != Scored(25) || c.Overall.To != Scored(75) || c.Overall.Delta != Scored(50) {
		t.Errorf("overall = %+v, want 25 → 75 on the shared questions", c.Overall)
	}
	if same := NewComparisonView(v2, now, now); same.Versions != nil {
		t.Errorf("one version compared says versions: %+v", same.Versions)
	}
}
