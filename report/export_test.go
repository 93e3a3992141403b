package report

import (
	"bytes"
	"encoding/csv"
	"strings"
	"testing"
	"time"

	"golang.org/x/net/html"

	"socialmaturity/assess"
	"socialmaturity/messages"
	"socialmaturity/questions"
)

// stored builds a completed assessment with notes, and an earlier one of
// the same organization.
func stored(t testing.TB, org string) Assessment {
	t.Helper()
	b, err := questions.Default()
	if err != nil {
		t.Fatal(err)
	}
	make := func(id string, at time.Time, shift int) *assess.Assessment {
		a := &assess.Assessment{ID: id, Submission: assess.Submission{Org: org, Respondent: "Dana", Role: "CMO", Answers: assess.Answers{}, Notes: map[string]string{}}, Bank: assess.RefOf(b), StartedAt: at}
		for i, ref := range b.Questions() {
			a.Answers[b.At(ref).ID] = assess.AtLevel((i + shift) % 5)
		}
		a.Answers["lis-practice"] = assess.NotSure
		delete(a.Answers, "spe-team")
		a.Notes["eng-channels"] = "Three channels <b>and</b> a newsletter"
		a.Complete(b, at, assess.Targets{})
		return a
	}
	prev := make("1m8aaaaaaaaaaaaa", time.Date(2026, 3, 2, 10, 0, 0, 0, time.UTC), 0)
	rec := make("1m8bbbbbbbbbbbbb", time.Date(2026, 9, 14, 16, 30, 0, 0, time.UTC), 1)
	return Assessment{Bank: b, Record: rec, Previous: prev}
}

func export(t testing.TB, a Assessment, format string) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := Export(&buf, messages.English(), a, format); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestExportGoldens(t *testing.T) {
	a := stored(t, "Acme Corp")
	for _, f := range Formats() {
		golden(t, "export."+f, export(t, a, f))
	}
}

func TestHTMLIsSelfContainedAndSafe(t *testing.T) {
	a := stored(t, `<script>alert(1)</script> & Co`)
	a.Record.Respondent = `"><img src=x onerror=alert(2)>`
	out := export(t, a, FormatHTML)
	doc, err := html.Parse(bytes.NewReader(out))
	if err != nil {
		t.Fatal(err)
	}
	var svgs, scripts int
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			switch n.Data {
			case "svg":
				svgs++
			case "script", "img", "link", "iframe", "object":
				if n.Data == "script" {
					scripts++
				} else {
					t.Errorf("element <%s> in the report", n.Data)
				}
			}
			for _, at := range n.Attr {
				if at.Key == "src" || at.Key == "href" || strings.HasPrefix(at.Key, "on") {
					t.Errorf("<%s %s=%q>: reports load nothing and run nothing", n.Data, at.Key, at.Val)
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	if svgs < 2 {
		t.Errorf("%d <svg> charts, want the radar and the bars", svgs)
	}
	if scripts != 0 {
		t.Errorf("%d <script> elements", scripts)
	}
	text := string(out)
	for _, bad := range []string{"<script>alert", "http:", "https:", "//", "@import", "url(", "@font-face"} {
		if strings.Contains(text, bad) {
			t.Errorf("report contains %q", bad)
		}
	}
	if !strings.Contains(text, "&lt;script&gt;alert(1)&lt;/script&gt; &amp; Co") {
		t.Error("the organization is not shown escaped")
	}
	if !strings.Contains(text, "@page { size: A4") {
		t.Error("no A4 print stylesheet")
	}
}

func TestAnswersCSVParsesBack(t *testing.T) {
	a := stored(t, "Acme, Inc.")
	rows, err := csv.NewReader(bytes.NewReader(export(t, a, FormatCSV))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 1+a.Bank.QuestionCount() {
		t.Fatalf("%d rows, want a header and one per question", len(rows))
	}
	want := []string{"assessment_id", "org", "pillar", "key_action", "question_id", "question", "level", "points", "unsure", "note"}
	if strings.Join(rows[0], ",") != strings.Join(want, ",") {
		t.Errorf("header = %v", rows[0])
	}
	byID := map[string][]string{}
	for _, r := range rows[1:] {
		byID[r[4]] = r
		if r[1] != "Acme, Inc." {
			t.Errorf("org column = %q", r[1])
		}
	}
	if r := byID["eng-channels"]; r[6] != "1" || r[7] != "25" || r[8] != "false" || !strings.Contains(r[9], "newsletter") {
		t.Errorf("eng-channels row = %v", r)
	}
	if r := byID["lis-practice"]; r[6] != "" || r[8] != "true" {
		t.Errorf("not-sure row = %v", r)
	}
	if r := byID["spe-team"]; r[6] != "" || r[8] != "false" {
		t.Errorf("unanswered row = %v", r)
	}
}

// Export as JSON, read it back as import does: same answers, same scores.
func TestJSONRoundTrip(t *testing.T) {
	a := stored(t, "Acme Corp")
	out := export(t, a, FormatJSON)
	sub, err := assess.ParseSubmission("export.json", out, a.Bank)
	if err != nil {
		t.Fatal(err)
	}
	if sub.Org != a.Record.Org || sub.Respondent != "Dana" || sub.Role != "CMO" || sub.Notes["eng-channels"] != a.Record.Notes["eng-channels"] {
		t.Errorf("read back %+v", sub)
	}
	if len(sub.Answers) != len(a.Record.Answers) {
		t.Fatalf("%d answers read back, want %d", len(sub.Answers), len(a.Record.Answers))
	}
	for id, ans := range a.Record.Answers {
		if sub.Answers[id] != ans {
			t.Errorf("answer %s = %+v, want %+v", id, sub.Answers[id], ans)
		}
	}
	if sub.Completed == nil || !sub.Completed.Equal(*a.Record.CompletedAt) {
		t.Errorf("completed = %v, want %v", sub.Completed, a.Record.CompletedAt)
	}
	again := assess.Evaluate(a.Bank, sub.Answers, assess.Targets{})
	if assess.Round(again.Overall.Value) != assess.Round(a.Record.Result.Overall.Value) || len(again.Recommendations) != len(a.Record.Result.Recommendations) {
		t.Errorf("scores differ after the round trip: %v vs %v", again.Overall, a.Record.Result.Overall)
	}
	if !strings.Contains(string(out), `"schema": "socialmaturity.assessment/v1"`) {
		t.Error("export does not name its schema")
	}
}

func TestMarkdownEscapesWhatPeopleTyped(t *testing.T) {
	a := stored(t, "Acme *bold* | pipe <b>")
	out := string(export(t, a, FormatMarkdown))
	if !strings.Contains(out, `Acme \*bold\* \| pipe &lt;b&gt;`) {
		t.Errorf("org not escaped:\n%s", out[:200])
	}
	for _, want := range []string{"## Pillars", "## Recommendations", "## Answers", "## How scores are calculated", "## Change since the previous assessment"} {
		if !strings.Contains(out, want) {
			t.Errorf("markdown lacks %q", want)
		}
	}
}

func TestFileName(t *testing.T) {
	a := stored(t, "Ünïcode & Sons, Ltd.")
	if got := FileName(a.Record, FormatHTML); got != "ünïcode-sons-ltd-2026-09-14.html" {
		t.Errorf("FileName = %q", got)
	}
	a.Record.Org = "***"
	if got := FileName(a.Record, FormatCSV); got != "assessment-2026-09-14.csv" {
		t.Errorf("FileName = %q", got)
	}
}

func BenchmarkExportHTML(b *testing.B) {
	a := stored(b, "Acme Corp")
	cat := messages.English()
	var buf bytes.Buffer
	b.ReportAllocs()
	for b.Loop() {
		buf.Reset()
		if err := Export(&buf, cat, a, FormatHTML); err != nil {
			b.Fatal(err)
		}
	}
}
