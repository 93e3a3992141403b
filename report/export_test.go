package report

import (
	"bytes"
	"encoding/csv"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/charmbracelet/x/exp/golden"
	"golang.org/x/net/html"

	"socialmaturity/assess"
	"socialmaturity/messages"
)

// stored is a completed assessment with notes, viewed with an earlier one
// of the same organization.
func stored(t testing.TB, org string) *assess.View {
	t.Helper()
	b := bank(t)
	complete := func(id string, at time.Time, shift int) *assess.Assessment {
		a := &assess.Assessment{ID: id, Submission: assess.Submission{Org: org, Respondent: "Dana", Role: "CMO", Answers: assess.Answers{}, Notes: map[string]string{}}, Bank: assess.RefOf(b), StartedAt: at}
		for i, question := range b.AllQuestions() {
			a.Answers[question.ID] = assess.AtLevel((i + shift) % 5)
		}
		a.Answers["lis-practice"] = assess.NotSure
		delete(a.Answers, "spe-team")
		a.Notes["eng-channels"] = "Three channels <b>and</b> a newsletter"
		a.Complete(b, at, assess.Targets{})
		return a
	}
	prev := complete("1m8aaaaaaaaaaaaa", time.Date(2026, 3, 2, 10, 0, 0, 0, time.UTC), 0)
	done := complete("1m8bbbbbbbbbbbbb", time.Date(2026, 9, 14, 16, 30, 0, 0, time.UTC), 1)
	return assess.NewView(b, done, prev)
}

func export(t testing.TB, v *assess.View, format string) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := Export(&buf, messages.English(), v, format, Options{}); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestExportGoldens(t *testing.T) {
	v := stored(t, "Acme Corp")
	for _, f := range Formats() {
		if f == FormatPDF {
			continue // TestPDF checks the printed pages
		}
		t.Run(f, func(t *testing.T) { golden.RequireEqual(t, export(t, v, f)) })
	}
}

func TestHTMLIsSelfContainedAndSafe(t *testing.T) {
	v := stored(t, `<script>alert(1)</script> & Co`)
	v.Respondent = `"><img src=x onerror=alert(2)>`
	out := export(t, v, FormatHTML)
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

// The page states the catalog's language and direction.
func TestHTMLLangAndDirFromTheCatalog(t *testing.T) {
	out := string(export(t, stored(t, "Acme"), FormatHTML))
	if !strings.Contains(out, `<html lang="en" dir="ltr">`) {
		t.Errorf("html element: %q", out[:80])
	}
}

func TestAnswersCSVParsesBack(t *testing.T) {
	v := stored(t, "Acme, Inc.")
	rows, err := csv.NewReader(bytes.NewReader(export(t, v, FormatCSV))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 1+bank(t).QuestionCount() {
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

// hostile are cells a spreadsheet would run as formulas (QA C4).
var hostile = []string{`=cmd|' /C calc'!A0`, "+SUM(1,2)", "@SUM(1)", "-2+3", "\t=1+1", "\r=1+1", `=HYPERLINK("http://evil","x")`}

// neutralised is a hostile cell as CSV writes it: its carriage return
// dropped (a control character), then an apostrophe in front.
func neutralised(evil string) string { return "'" + strings.TrimPrefix(evil, "\r") }

// QA C4: text cells that start like a formula are neutralised; numbers stay
// numbers.
func TestAnswersCSVNeutralisesFormulas(t *testing.T) {
	for _, evil := range hostile {
		v := stored(t, evil)
		v.Source.Notes["eng-channels"] = evil
		v.Answers[0].Items[0].Note = evil
		rows, err := csv.NewReader(bytes.NewReader(export(t, v, FormatCSV))).ReadAll()
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range rows[1:] {
			if r[1] != neutralised(evil) {
				t.Errorf("org cell %q, want %q", r[1], neutralised(evil))
			}
			if r[4] == "eng-channels" {
				if r[9] != neutralised(evil) {
					t.Errorf("note cell %q, want %q", r[9], neutralised(evil))
				}
				if r[6] != "1" || r[7] != "25" {
					t.Errorf("numeric cells changed: level %q points %q", r[6], r[7])
				}
			}
		}
	}
}

func TestMarkdownEscapesWhatPeopleTyped(t *testing.T) {
	v := stored(t, "Acme *bold* | pipe <b>\x1b[31m")
	out := string(export(t, v, FormatMarkdown))
	if !strings.Contains(out, `Acme \*bold\* \| pipe \<b\>\[31m`) {
		t.Errorf("org not escaped:\n%s", out[:200])
	}
	for _, want := range []string{"## Executive summary", "## Scores", "## Recommendations", "## Appendix: every answer and note", "## Method and limits", "## Change since the previous assessment"} {
		if !strings.Contains(out, want) {
			t.Errorf("markdown lacks %q", want)
		}
	}
}

func TestFileName(t *testing.T) {
	a := stored(t, "Ünïcode & Sons, Ltd.").Source
	if got := FileName(a, FormatHTML); got != "ünïcode-sons-ltd-2026-09-14.html" {
		t.Errorf("FileName = %q", got)
	}
	a.Org = "***"
	if got := FileName(a, FormatCSV); got != "assessment-2026-09-14.csv" {
		t.Errorf("FileName = %q", got)
	}
	a.Org = "../../etc/passwd\x00 CON"
	if got := FileName(a, FormatCSV); got != "etc-passwd-con-2026-09-14.csv" {
		t.Errorf("FileName = %q", got)
	}
}

// A long Persian name is cut by character, never inside one.
func TestFileNameCutsByCharacter(t *testing.T) {
	a := stored(t, strings.Repeat("شرکت ", 40)).Source
	got := FileName(a, FormatHTML)
	slug := strings.TrimSuffix(got, "-2026-09-14.html")
	if !utf8.ValidString(got) || utf8.RuneCountInString(slug) > slugLen || strings.HasSuffix(slug, "-") || !strings.HasPrefix(slug, "شرکت-شرکت") {
		t.Errorf("FileName = %q", got)
	}
}

// QA M5: default names never overwrite: two respondents of one organization
// on one day get two files.
func TestWriteFileNeverOverwritesByDefault(t *testing.T) {
	t.Chdir(t.TempDir())
	cat := messages.English()
	first, second := stored(t, "Acme"), stored(t, "Acme")
	second.Respondent, second.Source.Respondent = "Sam", "Sam"
	var paths []string
	for _, v := range []*assess.View{first, second, first} {
		p, err := WriteFile("", cat, v, FormatJSON, Options{})
		if err != nil {
			t.Fatal(err)
		}
		paths = append(paths, p)
	}
	want := []string{"acme-2026-09-14.json", "acme-2026-09-14-2.json", "acme-2026-09-14-3.json"}
	if strings.Join(paths, " ") != strings.Join(want, " ") {
		t.Errorf("paths = %v, want %v", paths, want)
	}
	if data, err := os.ReadFile(want[0]); err != nil || !bytes.Contains(data, []byte(`"respondent": "Dana"`)) {
		t.Errorf("the first export was replaced (%v):\n%s", err, data)
	}
	if data, err := os.ReadFile(want[1]); err != nil || !bytes.Contains(data, []byte(`"respondent": "Sam"`)) {
		t.Errorf("the second export is not Sam's (%v)", err)
	}
	entries, _ := os.ReadDir(".")
	if len(entries) != 3 {
		t.Errorf("%d files left behind, want the 3 exports", len(entries))
	}
}

// With a path given, the user chose the file: it is replaced, whole.
func TestWriteFileToPathReplacesIt(t *testing.T) {
	path := filepath.Join(t.TempDir(), "out.md")
	if err := os.WriteFile(path, []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	got, err := WriteFile(path, messages.English(), stored(t, "Acme"), FormatMarkdown, Options{})
	if err != nil || got != path {
		t.Fatalf("WriteFile = %q, %v", got, err)
	}
	data, _ := os.ReadFile(path)
	if !bytes.HasPrefix(data, []byte("# An assessment of Acme")) {
		t.Errorf("file = %q", data[:min(len(data), 40)])
	}
	if entries, _ := os.ReadDir(filepath.Dir(path)); len(entries) != 1 {
		t.Errorf("%d files in the folder, want only the export", len(entries))
	}
}

func TestWriteFileReportsWhereItFailed(t *testing.T) {
	_, err := WriteFile(filepath.Join(t.TempDir(), "missing", "out.html"), messages.English(), stored(t, "Acme"), FormatHTML, Options{})
	if err == nil || !strings.Contains(err.Error(), filepath.Join("missing")) {
		t.Errorf("err = %v", err)
	}
}

// A file written for the user alone (answers the database refused) keeps
// its permission, and a second one never replaces the first.
func TestWriteNewKeepsPermissionAndNeverOverwrites(t *testing.T) {
	name := filepath.Join(t.TempDir(), "answers.json")
	first, err := WriteNew(name, []byte("one"), 0o600)
	if err != nil || first != name {
		t.Fatalf("first = %q, %v", first, err)
	}
	second, err := WriteNew(name, []byte("two"), 0o600)
	if err != nil || second != filepath.Join(filepath.Dir(name), "answers-2.json") {
		t.Fatalf("second = %q, %v", second, err)
	}
	for path, want := range map[string]string{first: "one", second: "two"} {
		info, statErr := os.Stat(path)
		data, _ := os.ReadFile(path)
		if statErr != nil || info.Mode().Perm() != 0o600 || string(data) != want {
			t.Errorf("%s: %v %v %q", path, info.Mode(), statErr, data)
		}
	}
}

func BenchmarkExportHTML(b *testing.B) {
	v := stored(b, "Acme Corp")
	cat := messages.English()
	var buf bytes.Buffer
	b.ReportAllocs()
	for b.Loop() {
		buf.Reset()
		if err := Export(&buf, cat, v, FormatHTML, Options{}); err != nil {
			b.Fatal(err)
		}
	}
}
