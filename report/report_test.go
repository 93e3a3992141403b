package report

import (
	"bytes"
	"flag"
	"os"
	"strings"
	"testing"

	"socialmaturity/assess"
	"socialmaturity/messages"
	"socialmaturity/questions"
)

var update = flag.Bool("update", false, "rewrite golden files")

func golden(t testing.TB, name string, got []byte) {
	t.Helper()
	path := "testdata/" + name
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./report -update)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs:\n--- got\n%s--- want\n%s", path, got, want)
	}
}

func sample(t *testing.T) Assessment {
	t.Helper()
	b, err := questions.Default()
	if err != nil {
		t.Fatal(err)
	}
	a := assess.Answers{}
	for i, ref := range b.Questions() {
		a[b.At(ref).ID] = assess.AtLevel(i % 4)
	}
	a["lis-practice"] = assess.NotSure
	sub := assess.Submission{Org: "Acme", Respondent: "Dana", Answers: a}
	return Scored(b, sub, assess.Evaluate(b, a, assess.Targets{}))
}

func TestTextGolden(t *testing.T) {
	var buf bytes.Buffer
	if err := Text(&buf, messages.English(), sample(t)); err != nil {
		t.Fatal(err)
	}
	golden(t, "result.txt", buf.Bytes())
}

func TestJSONGolden(t *testing.T) {
	var buf bytes.Buffer
	if err := JSON(&buf, sample(t)); err != nil {
		t.Fatal(err)
	}
	golden(t, "result.json", buf.Bytes())
}

func TestWrap(t *testing.T) {
	got := Wrap("one two three four five six", 12, "  ")
	for _, line := range strings.Split(strings.TrimSuffix(got, "\n"), "\n") {
		if len(line) > 12 || !strings.HasPrefix(line, "  ") {
			t.Errorf("line %q breaks the width or indent", line)
		}
	}
	if strings.Join(strings.Fields(got), " ") != "one two three four five six" {
		t.Errorf("words lost: %q", got)
	}
	if Wrap("", 10, "  ") != "" {
		t.Error("empty text made output")
	}
}

func TestBar(t *testing.T) {
	for _, c := range []struct {
		s    assess.Score
		want string
	}{{assess.Scored(0), "░░░░"}, {assess.Scored(50), "██░░"}, {assess.Scored(100), "████"}, {assess.Score{}, "····"}} {
		if got := Bar(c.s, 4); got != c.want {
			t.Errorf("Bar(%+v) = %q, want %q", c.s, got, c.want)
		}
	}
}
