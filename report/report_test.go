package report

import (
	"bytes"
	"strings"
	"testing"

	"github.com/charmbracelet/x/exp/golden"

	"socialmaturity/assess"
	"socialmaturity/messages"
	"socialmaturity/questions"
)

func bank(t testing.TB) *questions.Bank {
	t.Helper()
	b, err := questions.Default()
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// sample is a scored assessment that was never stored (as score shows it).
func sample(t testing.TB) *assess.View {
	t.Helper()
	b := bank(t)
	a := assess.Answers{}
	for i, question := range b.AllQuestions() {
		a[question.ID] = assess.AtLevel(i % 4)
	}
	a["lis-practice"] = assess.NotSure
	r := assess.Evaluate(b, a, assess.Targets{})
	return assess.NewView(b, &assess.Assessment{Submission: assess.Submission{Org: "Acme", Respondent: "Dana", Answers: a}, Bank: assess.RefOf(b), Result: &r}, nil)
}

func text(t testing.TB, v *assess.View) string {
	t.Helper()
	var buf bytes.Buffer
	if err := Text(&buf, messages.English(), v); err != nil {
		t.Fatal(err)
	}
	return buf.String()
}

func TestTextGolden(t *testing.T) {
	golden.RequireEqual(t, text(t, sample(t)))
}

func TestJSONGolden(t *testing.T) {
	var buf bytes.Buffer
	if err := JSON(&buf, messages.English(), sample(t)); err != nil {
		t.Fatal(err)
	}
	golden.RequireEqual(t, buf.Bytes())
}

// QA M4: every target is shown with its gap, rounded like scores.
func TestTextShowsEveryTarget(t *testing.T) {
	b := bank(t)
	a := assess.Answers{}
	for _, question := range b.AllQuestions() {
		a[question.ID] = assess.AtLevel(1)
	}
	overall, culture := 70.0, 60.0
	r := assess.Evaluate(b, a, assess.Targets{Overall: &overall, Pillars: map[string]float64{"culture": culture}})
	out := text(t, assess.NewView(b, &assess.Assessment{Submission: assess.Submission{Org: "Acme", Answers: a}, Result: &r}, nil))
	for _, want := range []string{"target 70.0, 45.0 to go", "target 60.0, 35.0 to go"} {
		if !strings.Contains(out, want) {
			t.Errorf("text lacks %q:\n%s", want, out)
		}
	}
	culturePillar := b.TitleOf("culture")
	if i, j := strings.Index(out, culturePillar), strings.Index(out, "target 60.0"); i < 0 || j < i {
		t.Errorf("the culture target is not under its pillar:\n%s", out)
	}
}

// QA M6: stored text cannot colour the terminal or break lines.
func TestTextNeutralisesControlCharacters(t *testing.T) {
	v := sample(t)
	v.Org = "Evil\x1b[31mRED\x1b[0m\r\nInjected\u202e\x00"
	v.Respondent = "Dana\x1b]52;c;ZXZpbA==\a"
	out := text(t, v)
	assertTerminalSafe(t, out)
	if first, _, _ := strings.Cut(out, "\n"); !strings.Contains(first, "Evil[31mRED[0m Injected") {
		t.Errorf("heading = %q, want the organization on one line without its controls", first)
	}
}

// assertTerminalSafe fails when s holds a control character other than a
// line break, or a bidirectional override.
func assertTerminalSafe(t testing.TB, s string) {
	t.Helper()
	if safe := messages.Safe(s); safe != s || strings.Contains(s, "\t") {
		t.Errorf("output holds control or bidi characters: %q", s)
	}
}

func TestWrapCountsCells(t *testing.T) {
	got := wrap("one two three four five six", 12, "  ")
	for _, line := range strings.Split(strings.TrimSuffix(got, "\n"), "\n") {
		if messages.Width(line) > 12 || !strings.HasPrefix(line, "  ") {
			t.Errorf("line %q breaks the width or indent", line)
		}
	}
	if strings.Join(strings.Fields(got), " ") != "one two three four five six" {
		t.Errorf("words lost: %q", got)
	}
	if wrap("", 10, "  ") != "" {
		t.Error("empty text made output")
	}
	// Wide characters take two cells each: four of them fill a line of 8.
	for _, line := range strings.Split(strings.TrimSuffix(wrap("日本 日本 日本", 8, ""), "\n"), "\n") {
		if messages.Width(line) > 8 {
			t.Errorf("line %q is %d cells wide, want at most 8", line, messages.Width(line))
		}
	}
}

func TestBar(t *testing.T) {
	for _, c := range []struct {
		s    assess.Score
		want string
	}{{assess.Scored(0), "░░░░"}, {assess.Scored(50), "██░░"}, {assess.Scored(100), "████"}, {assess.Score{}, "····"}} {
		if got := bar(c.s, 4); got != c.want {
			t.Errorf("bar(%+v) = %q, want %q", c.s, got, c.want)
		}
	}
}
