package assess

import (
	"strings"
	"testing"
	"time"

	"socialmaturity/messages"
	"socialmaturity/questions"
)

// completed answers every question of b at level shift%5 onwards, leaves one
// unsure and one unanswered, and completes it at at.
func completed(b *questions.Bank, id string, at time.Time, shift int) *Assessment {
	a := &Assessment{ID: id, Submission: Submission{Org: "Acme", Respondent: "Dana", Role: "CMO", Answers: Answers{}, Notes: map[string]string{}}, Bank: RefOf(b)}
	for i, question := range b.AllQuestions() {
		a.Answers[question.ID] = AtLevel((i + shift) % 5)
	}
	first, second := b.Pillars[0].KeyActions[0].Questions[0].ID, b.Pillars[0].KeyActions[0].Questions[1].ID
	a.Answers[first] = NotSure
	delete(a.Answers, second)
	a.Notes[first] = "ask the web team"
	a.Complete(b, at, Targets{})
	return a
}

func TestViewResolvesStagesFromTheBankByNumber(t *testing.T) {
	b := defaultBank(t)
	a := completed(b, "x1", time.Now(), 2)
	// A stored snapshot from an older bank names its stage differently.
	a.Result.Stage = &StageRef{Number: b.Stages[1].Number, Name: "An old name"}
	a.Result.Pillars[0].Stage = &StageRef{Number: 99, Name: "Gone"}
	v := NewView(b, a, nil)
	if v.Stage == nil || v.Stage.Name != b.Stages[1].Name || v.Stage.Description == "" {
		t.Errorf("overall stage = %+v, want the bank's stage %d with its description", v.Stage, b.Stages[1].Number)
	}
	if s := v.Pillars[0].Stage; s == nil || s.Name != "Gone" || s.Description != "" {
		t.Errorf("a stage the bank lacks = %+v, want the stored name kept", s)
	}
}

func TestViewRecommendationTitles(t *testing.T) {
	b := defaultBank(t)
	a := completed(b, "x1", time.Now(), 0)
	if len(a.Result.Recommendations) == 0 {
		t.Fatal("the sample triggers no recommendation")
	}
	known := a.Result.Recommendations[0]
	a.Result.Recommendations = []Triggered{
		{ID: known.ID, Title: "stale title", Impact: 9},
		{ID: "retired", Title: "Kept from the snapshot", Impact: 5},
		{ID: "nameless", Impact: 1},
	}
	v := NewView(b, a, nil)
	br, _ := b.Recommendation(known.ID)
	got := v.Recommendations
	if len(got) != 3 || got[0].Title != br.Title || got[0].Why == "" || len(got[0].Steps) == 0 || got[0].Impact != 9 {
		t.Errorf("known recommendation = %+v, want the bank's title, evidence and steps", got[0])
	}
	if got[1].Title != "Kept from the snapshot" || got[1].Why != "" || got[1].Steps != nil {
		t.Errorf("retired recommendation = %+v", got[1])
	}
	if got[2].Title != "nameless" {
		t.Errorf("untitled recommendation = %+v, want its id as title", got[2])
	}
}

func TestViewChangeSincePrevious(t *testing.T) {
	b := defaultBank(t)
	prev := completed(b, "p", time.Date(2026, 3, 2, 10, 0, 0, 0, time.UTC), 0)
	a := completed(b, "a", time.Date(2026, 9, 2, 10, 0, 0, 0, time.UTC), 1)
	v := NewView(b, a, prev)
	if v.Change == nil {
		t.Fatal("no change with a previous assessment")
	}
	if v.Change.From.ID != "p" || v.Change.To.ID != "a" || !v.Change.From.CompletedAt.Equal(*prev.CompletedAt) {
		t.Errorf("sides = %+v → %+v", v.Change.From, v.Change.To)
	}
	want := Scored(a.Result.Overall.Value - prev.Result.Overall.Value)
	if v.Change.Overall.Delta != want {
		t.Errorf("overall delta = %+v, want %+v", v.Change.Overall.Delta, want)
	}
	p0 := v.Pillars[0]
	if wantP := Scored(a.Result.Pillars[0].Score.Value - prev.Result.Pillars[0].Score.Value); p0.Delta != wantP {
		t.Errorf("pillar delta = %+v, want %+v", p0.Delta, wantP)
	}
	k0 := p0.KeyActions[0]
	if wantK := Scored(a.Result.Pillars[0].KeyActions[0].Score.Value - prev.Result.Pillars[0].KeyActions[0].Score.Value); k0.Delta != wantK {
		t.Errorf("key action delta = %+v, want %+v", k0.Delta, wantK)
	}
	// Rows: overall, then each pillar followed by its key actions.
	rows := v.Change.Rows
	if rows[0].Kind != OverallRow || rows[1].Kind != PillarRow || rows[1].Title != b.Pillars[0].Title {
		t.Fatalf("rows start %+v, %+v", rows[0], rows[1])
	}
	for i, ka := range b.Pillars[0].KeyActions {
		if r := rows[2+i]; r.Kind != KeyActionRow || r.Title != ka.Title {
			t.Errorf("row %d = %+v, want key action %s", 2+i, r, ka.ID)
		}
	}
	want2 := 1
	for _, p := range b.Pillars {
		want2 += 1 + len(p.KeyActions)
	}
	if len(rows) != want2 {
		t.Errorf("%d rows, want %d", len(rows), want2)
	}
}

func TestViewWithoutPreviousHasNoChange(t *testing.T) {
	b := defaultBank(t)
	v := NewView(b, completed(b, "a", time.Now(), 1), nil)
	if v.Change != nil || v.Pillars[0].Delta.Valid || v.Pillars[0].KeyActions[0].Delta.Valid {
		t.Errorf("change without a previous assessment: %+v", v.Change)
	}
}

func TestViewAnswers(t *testing.T) {
	b := defaultBank(t)
	a := completed(b, "a", time.Now(), 3)
	v := NewView(b, a, nil)
	var items []AnswerView
	for _, g := range v.Answers {
		items = append(items, g.Items...)
	}
	if len(items) != b.QuestionCount() {
		t.Fatalf("%d answers, want every question (%d)", len(items), b.QuestionCount())
	}
	if it := items[0]; !it.Answered || !it.Answer.Unsure || it.Option != "" || it.Note != "ask the web team" || it.N != 1 {
		t.Errorf("unsure answer = %+v", it)
	}
	if it := items[1]; it.Answered || it.Option != "" {
		t.Errorf("unanswered = %+v", it)
	}
	q := &b.Pillars[0].KeyActions[0].Questions[2]
	if it := items[2]; !it.Answered || it.Option != q.Option(it.Answer.Level) || it.Prompt != q.Prompt {
		t.Errorf("answered = %+v", it)
	}
	if v.Coverage.Total != b.QuestionCount() || v.Coverage.Answered != b.QuestionCount()-2 || v.Coverage.Unsure != 1 {
		t.Errorf("coverage = %+v", v.Coverage)
	}
}

func TestViewOfADraftDoesNotPanic(t *testing.T) {
	b := defaultBank(t)
	d := &Assessment{ID: "d", Submission: Submission{Org: "Acme", Answers: Answers{}}}
	v := NewView(b, d, d)
	if v.Overall.Valid || v.Stage != nil || len(v.Pillars) != 0 {
		t.Errorf("draft view = %+v", v)
	}
}

// QA N7: key actions with nothing answered are listed as unscored, and the
// text for an empty plan says how many instead of claiming stage 5.
func TestViewUnscoredKeyActions(t *testing.T) {
	b := defaultBank(t)
	cat := messages.English()
	a := &Assessment{ID: "x1", Submission: Submission{Org: "X", Answers: Answers{"eng-channels": AtLevel(4)}}, Bank: RefOf(b)}
	a.Complete(b, time.Now(), Targets{})
	v := NewView(b, a, nil)
	if len(v.Unscored) != 8 || v.Unscored[0].ID == "" || v.Unscored[0].Title == v.Unscored[0].ID {
		t.Fatalf("unscored = %+v, want the 8 key actions with nothing answered", v.Unscored)
	}
	for _, u := range v.Unscored {
		if u.Score.Valid {
			t.Errorf("%s is scored", u.ID)
		}
	}
	if got := v.NoMovesText(cat); got != v.UnscoredText(cat) || !strings.Contains(got, "8 of 9 key actions are not scored") {
		t.Errorf("no moves = %q", got)
	}

	top := &Assessment{ID: "x2", Submission: Submission{Org: "X", Answers: Answers{}}, Bank: RefOf(b)}
	for _, question := range b.AllQuestions() {
		top.Answers[question.ID] = AtLevel(4)
	}
	top.Complete(b, time.Now(), Targets{})
	v = NewView(b, top, nil)
	if len(v.Unscored) != 0 || v.UnscoredText(cat) != "" || v.NoMovesText(cat) != cat.T(messages.ReportNoMoves) {
		t.Errorf("at the top: unscored %v, no moves %q", v.Unscored, v.NoMovesText(cat))
	}
}
