package report

import (
	"bytes"
	"errors"
	"html"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/exp/golden"

	"socialmaturity/assess"
	"socialmaturity/messages"
	"socialmaturity/questions"
)

// provisional is a result from a handful of answers, all in one pillar.
func provisional(t testing.TB) *assess.View {
	t.Helper()
	b := bank(t)
	a := &assess.Assessment{ID: "1m8ccccccccccccc", Submission: assess.Submission{Org: "Fabrikam Health", Answers: assess.Answers{}}, Bank: assess.RefOf(b)}
	for i, question := range b.AllQuestions() {
		if i >= 4 {
			break
		}
		a.Answers[question.ID] = assess.AtLevel(2 + i%2)
	}
	a.Complete(b, time.Date(2026, 5, 4, 9, 0, 0, 0, time.UTC), assess.Targets{})
	v := assess.NewView(b, a, nil)
	if !v.Provisional {
		t.Fatal("fixture is not provisional")
	}
	return v
}

// exportWith exports v in format with options.
func exportWith(t testing.TB, v *assess.View, format string, opts Options) string {
	t.Helper()
	var buf bytes.Buffer
	if err := Export(&buf, messages.English(), v, format, opts); err != nil {
		t.Fatal(err)
	}
	return buf.String()
}

func mustContain(t *testing.T, what, out string, wants ...string) {
	t.Helper()
	for _, w := range wants {
		if !strings.Contains(out, w) {
			t.Errorf("%s lacks %q", what, w)
		}
	}
}

// A result stored with bank v1 renders from bank v1: its titles, stages
// and recommendations, with the v1 method.
func TestV1AssessmentGolden(t *testing.T) {
	b, ok := questions.Builtin(questions.DefaultBankID, 1, "en")
	if !ok {
		t.Fatal("no bank v1")
	}
	a := &assess.Assessment{ID: "1k58zf1809aaaaaa", Submission: assess.Submission{Org: "Northwind", Answers: assess.Answers{}}, Bank: assess.RefOf(b)}
	for i, question := range b.AllQuestions() {
		a.Answers[question.ID] = assess.AtLevel(i % 3)
	}
	a.Complete(b, time.Date(2025, 3, 14, 10, 0, 0, 0, time.UTC), assess.Targets{})
	v := assess.NewView(bank(t), a, nil)
	if v.Method.Version != 1 {
		t.Fatalf("viewed with bank version %d", v.Method.Version)
	}
	md := exportWith(t, v, FormatMarkdown, Options{})
	mustContain(t, "v1 markdown", md, "The stage is the highest stage whose minimum is at or below the score.")
	golden.RequireEqual(t, md)
}

// Issue 10: the provisional banner says what is missing wherever the stage
// is shown, and pillars without enough answers say why they have no stage.
func TestProvisionalShownWithTheStage(t *testing.T) {
	v := provisional(t)
	banner := v.ProvisionalText(messages.English())
	for _, f := range []string{FormatHTML, FormatMarkdown} {
		out := exportWith(t, v, f, Options{})
		mustContain(t, f, out, banner, "no stage: fewer than half answered")
	}
	if html := exportWith(t, v, FormatHTML, Options{}); strings.Count(html, `class="banner"`) < 2 {
		t.Error("the HTML shows the banner neither on the cover nor in the summary")
	}
	mustContain(t, "text", strings.Join(strings.Fields(text(t, v)), " "), banner)
	if out := exportWith(t, v, FormatHTML, Options{}); strings.Contains(out, `class="shape"`) {
		t.Error("a radar is drawn from fewer than half of the answers")
	}
}

// Issue 10 and 11: every recommendation says why it fired, its gap, the
// next rung, the steps alone and to propose, caveats, and evidence with
// its source; blanks for owner and due; the top three in the body.
func TestRecommendationsInFull(t *testing.T) {
	v := stored(t, "Acme")
	if len(v.Recommendations) <= assess.TopCount {
		t.Fatalf("%d recommendations; the fixture needs more than the top three", len(v.Recommendations))
	}
	r := v.Recommendations[0]
	cat := messages.English()
	for _, f := range []string{FormatHTML, FormatMarkdown} {
		out := html.UnescapeString(exportWith(t, v, f, Options{}))
		mustContain(t, f, out, "Why now: ", "gap ", "Next rung", "You can start alone", "Propose to leadership",
			"self-reported survey answers", "Hootsuite & Altimeter", "What the survey found", "Owner", "Due", "Appendix: more recommendations",
			"more recommendations are in the appendix")
		if strings.Contains(out, "impact ") {
			t.Errorf("%s shows impact, not gap", f)
		}
		title := v.Recommendations[assess.TopCount].Title
		if i, j := strings.Index(out, "Appendix: more recommendations"), strings.LastIndex(out, title); j < i {
			t.Errorf("%s: the fourth recommendation is not in the appendix", f)
		}
		if len(r.Next) > 0 {
			mustContain(t, f, out, r.Next[0].Text)
		}
	}
	// the text wraps long lines: compare words
	mustContain(t, "text", strings.Join(strings.Fields(text(t, v)), " "), r.Because.Text(cat), "gap ")
}

// A result stored before scoring v2 (no gap) shows its impact.
func TestRecommendationStoredBeforeV2ShowsImpact(t *testing.T) {
	v := stored(t, "Acme")
	v.Recommendations[0].Gap, v.Recommendations[0].Impact = 0, 12.5
	mustContain(t, "markdown", exportWith(t, v, FormatMarkdown, Options{}), "impact 12.5")
}

// Issue 10 and L12: the method states the thresholds and rules, the
// survey and that stages and questions are this tool's.
func TestMethodStatesRulesAndLimits(t *testing.T) {
	out := exportWith(t, stored(t, "Acme"), FormatMarkdown, Options{})
	mustContain(t, "method", out, "12.5", "37.5", "62.5", "87.5", "70%", "never more than one stage above",
		"this tool's own, not the report's", "2,162 marketers", "self-assessments tend to run optimistic", "## Glossary"[1:])
}

// Issue 11: the executive summary has the ladder, the change with its
// stage move, strongest and weakest, the three moves and what is not known.
func TestExecutiveSummary(t *testing.T) {
	v := stored(t, "Acme")
	out := exportWith(t, v, FormatHTML, Options{})
	summary := out[strings.Index(out, `<section class="summary">`):strings.Index(out, `<h2>Scores</h2>`)]
	mustContain(t, "summary", summary, `class="ladder"`, "you are here", "since 2 March 2026 (stage", "Strongest: ", "Weakest: ",
		"The next 90 days", "What is not known", "1 answered “not sure”, 1 not answered")
	if n := strings.Count(summary, "<li><strong>"); n != assess.TopCount {
		t.Errorf("%d moves in the summary, want %d", n, assess.TopCount)
	}
}

// M4: an unscored key action is neither drawn at the centre nor joined to
// its neighbours; it gets a hollow mark and "not scored".
func TestRadarDoesNotDrawUnscoredAsZero(t *testing.T) {
	cat := messages.English()
	axes := []radarAxis{{Label: "a", Value: assess.Scored(50)}, {Label: "b"}, {Label: "c", Value: assess.Scored(50)}, {Label: "d", Value: assess.Scored(75)}}
	r := newRadar(cat, axes)
	if r.Shape != "" || len(r.Lines) != 1 || len(r.Hollow) != 1 {
		t.Fatalf("shape %q, lines %v, hollow %v: want one broken line and one hollow mark", r.Shape, r.Lines, r.Hollow)
	}
	centre := "330,220"
	if strings.Contains(r.Lines[0], centre) || strings.Count(r.Lines[0], ",") != 3 {
		t.Errorf("line %q passes the centre or the unscored axis", r.Lines[0])
	}
	if r.Labels[1].Score != "not scored" || r.Labels[1].Scored {
		t.Errorf("label = %+v", r.Labels[1])
	}
	full := newRadar(cat, []radarAxis{{Value: assess.Scored(62.5), Previous: assess.Scored(50)}, {Value: assess.Scored(10), Previous: assess.Scored(5)}, {Value: assess.Scored(30), Previous: assess.Scored(40)}})
	if full.Shape == "" || full.Lines != nil || len(full.Previous) != 1 || len(full.RingLabels) != 4 {
		t.Errorf("complete radar: %+v", full)
	}
	if full.Labels[0].Score != "62.5" {
		t.Errorf("L2: radar label %q, want one decimal like the tables", full.Labels[0].Score)
	}
}

// M1, L3, L9: user text is direction-isolated, notes keep their line breaks
// and stand upright, bidi overrides are dropped.
func TestHTMLIsolatesUserTextAndKeepsNoteLines(t *testing.T) {
	v := stored(t, "شرکت نمونه")
	v.Answers[0].Items[0].Note = "خط اول (۳ کانال).\nA\u202eevil\u202c line two"
	out := exportWith(t, v, FormatHTML, Options{})
	mustContain(t, "html", out, "<h1><bdi>شرکت نمونه</bdi></h1>", "<bdi>خط اول (۳ کانال).\nAevil line two</bdi>", "white-space: pre-line", "font-style: normal")
	if strings.Contains(out, "\u202e") {
		t.Error("a bidi override reached the HTML")
	}
	md := exportWith(t, v, FormatMarkdown, Options{})
	mustContain(t, "markdown", md, "> *Note:* \u2068خط اول (۳ کانال).\u2069\n> \u2068Aevil line two\u2069")
}

// M3, M7, H3, M2: printing numbers pages with a running footer whose text
// cannot break out of its CSS string; the page declares a light colour
// scheme, wraps long words and keeps headings with what follows.
func TestHTMLPrintAndLayout(t *testing.T) {
	out := exportWith(t, stored(t, `Evil"; } body { display:none } @page { content: "`), FormatHTML, Options{})
	mustContain(t, "html", out, `<meta name="color-scheme" content="light">`, "overflow-wrap: anywhere",
		`"Page\000020" counter(page) "\000020of\000020" counter(pages)`, "h3 { font-size: 16px; margin: 20px 0 6px; break-after: avoid; }",
		`@bottom-left { content: "\002068Evil\000022\00003b`, "@media (max-width: 600px)")
	if style := out[strings.Index(out, "<style>"):strings.Index(out, "</style>")]; strings.Contains(style, `display:none`) {
		t.Error("the organization broke out of the footer's CSS string")
	}
}

// L8: the date is the day in the time zone the assessment was completed in,
// whatever the zone of the machine exporting it.
func TestDatesInTheCompletionTimeZone(t *testing.T) {
	v := stored(t, "Acme")
	at := time.Date(2025, 3, 15, 0, 30, 0, 0, time.FixedZone("", 14*3600)) // 14 March in UTC
	v.CompletedAt, v.Source.CompletedAt = &at, &at
	mustContain(t, "markdown", exportWith(t, v, FormatMarkdown, Options{}), "15 March 2025")
	if got := FileName(v.Source, FormatHTML); !strings.HasSuffix(got, "-2025-03-15.html") {
		t.Errorf("FileName = %q", got)
	}
}

// L4: Markdown for GitHub and plain-text mail: no HTML entities, a blank
// line before every heading, pillar rows bold, stages in the table.
func TestMarkdownReadsAsPlainText(t *testing.T) {
	out := exportWith(t, stored(t, "Acme"), FormatMarkdown, Options{})
	if strings.Contains(out, "&nbsp;") || strings.Contains(out, "&lt;") {
		t.Error("HTML entities in the Markdown")
	}
	lines := strings.Split(out, "\n")
	for i, l := range lines {
		if strings.HasPrefix(l, "#") && i > 0 && lines[i-1] != "" {
			t.Errorf("heading %q follows %q without a blank line", l, lines[i-1])
		}
	}
	mustContain(t, "markdown", out, "| **Overall** | **", "| ↳ ", "| Stage 3 · ")
}

// The HTML is branded by the options: logo as a data URI, accent, prepared by.
func TestHTMLBranding(t *testing.T) {
	logo, err := LoadLogo("logo.svg", []byte(`<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10"/></svg>`))
	if err != nil {
		t.Fatal(err)
	}
	out := exportWith(t, stored(t, "Acme"), FormatHTML, Options{Logo: logo, Accent: "#0A6", PreparedBy: "Ada <Consulting>"})
	mustContain(t, "html", out, `<img class="logo" src="data:image/svg+xml;base64,`, "--accent: #00aa66;", "Ada &lt;Consulting&gt;")
	if err := HTML(new(bytes.Buffer), messages.English(), stored(t, "Acme"), Options{Accent: "red; }"}); err == nil {
		t.Error("an invalid accent was written")
	}
}

func TestLoadLogo(t *testing.T) {
	png := append([]byte("\x89PNG\r\n\x1a\n"), make([]byte, 64)...)
	for _, c := range []struct {
		name, data, typ, err string
	}{
		{"a.png", string(png), "image/png", ""},
		{"a.jpg", "\xff\xd8\xff\xe0rest", "image/jpeg", ""},
		{"a.svg", "\ufeff<!-- c --><svg viewBox='0 0 1 1'><use href='#x'/></svg>", "image/svg+xml", ""},
		{"b.png", "GIF89a....", "", "b.png: not a PNG, JPEG or SVG"},
		{"x.svg", "<svg><script>alert(1)</script></svg>", "", "x.svg: the SVG holds"},
		{"y.svg", `<svg><image href="https://evil.example/a.png"/></svg>`, "", "y.svg: the SVG holds"},
		{"z.svg", `<svg onload="alert(1)"></svg>`, "", "z.svg: the SVG holds"},
		{"empty.png", "", "", "empty.png: the file is empty"},
		{"big.png", string(png) + strings.Repeat("x", MaxLogoBytes), "", "big.png: 513 KiB, the most is 512 KiB"},
	} {
		l, err := LoadLogo(c.name, []byte(c.data))
		switch {
		case c.err == "" && (err != nil || l.Type != c.typ):
			t.Errorf("%s: %v, %+v", c.name, err, l)
		case c.err != "" && (err == nil || !strings.Contains(err.Error(), c.err)):
			t.Errorf("%s: err = %v, want %q", c.name, err, c.err)
		}
	}
}

func TestParseAccent(t *testing.T) {
	for in, want := range map[string]string{"#1F5FA8": "#1f5fa8", " #345 ": "#334455", "#0a6": "#00aa66", "#767676": "#767676"} {
		if got, err := ParseAccent(in); err != nil || got != want {
			t.Errorf("ParseAccent(%q) = %q, %v", in, got, err)
		}
	}
	for _, bad := range []string{"red", "#12", "#1234567", "rgb(1,2,3)", "#abc;}", ""} {
		if _, err := ParseAccent(bad); err == nil || !strings.Contains(err.Error(), "#rrggbb") {
			t.Errorf("ParseAccent(%q) err = %v", bad, err)
		}
	}
	// QA: an accent too light for headings on white (under 3:1) is refused,
	// saying why.
	for _, light := range []string{"#ffffff", "#fff", "#aabbcc", "#ffff00", "#11ff55", "#959595"} {
		if _, err := ParseAccent(light); err == nil || !strings.Contains(err.Error(), "too light to read on white") || !strings.Contains(err.Error(), "3:1") {
			t.Errorf("ParseAccent(%q) err = %v", light, err)
		}
	}
	if err := HTML(new(bytes.Buffer), messages.English(), stored(t, "Acme"), Options{Accent: "#fff"}); err == nil {
		t.Error("an accent white on white was written")
	}
}

// M8: CSV for Excel starts with a byte-order mark and ends lines in CRLF.
func TestAnswersCSVForExcel(t *testing.T) {
	v := stored(t, "شرکت")
	plain, excel := exportWith(t, v, FormatCSV, Options{}), exportWith(t, v, FormatCSV, Options{Excel: true})
	if !strings.HasPrefix(excel, "\ufeffassessment_id,") || !strings.Contains(excel, "\r\n") || strings.Count(excel, "\n") != strings.Count(excel, "\r\n") {
		t.Errorf("excel CSV: %q", excel[:40])
	}
	if strings.HasPrefix(plain, "\ufeff") || strings.Contains(plain, "\r\n") {
		t.Error("plain CSV has a BOM or CRLF")
	}
}

// Issue 14: two organizations are labelled A and B; one organization
// keeps before and after.
func TestCompareLabelsTwoOrganizationsAB(t *testing.T) {
	b := bank(t)
	a1, a2 := stored(t, "Acme").Source, stored(t, "Globex").Source
	two := assess.NewComparisonView(b, a1, a2)
	same := stored(t, "Acme").Change
	cat := messages.English()
	var md, page, txt, sameMD bytes.Buffer
	for _, err := range []error{CompareMarkdown(&md, cat, two), CompareHTML(&page, cat, two, Options{}), CompareText(&txt, cat, two), CompareMarkdown(&sameMD, cat, same)} {
		if err != nil {
			t.Fatal(err)
		}
	}
	mustContain(t, "markdown", md.String(), "- A: Acme, 14 September 2026", "- B: Globex, 14 September 2026", "| | A | B | B − A |")
	mustContain(t, "html", page.String(), "<bdi>A: Acme", "<bdi>B: Globex", "<th class=\"num\">B − A</th>", "counter(pages)")
	mustContain(t, "text", txt.String(), "A: Acme", "B: Globex")
	mustContain(t, "same", sameMD.String(), "- before: Acme, 2 March 2026", "| | before | after | change |")
	golden.RequireEqual(t, md.String())
}

// L14: a failed export names the file asked for, not a temporary one.
func TestWriteFileErrorNamesTheTarget(t *testing.T) {
	target := filepath.Join(t.TempDir(), "missing", "out.html")
	_, err := WriteFile(target, messages.English(), stored(t, "Acme"), FormatHTML, Options{})
	if err == nil || !strings.Contains(err.Error(), target) || strings.Contains(err.Error(), ".tmp") {
		t.Errorf("err = %v", err)
	}
}

// Without Chrome or Chromium, PDF says to print the HTML.
func TestPDFWithoutBrowser(t *testing.T) {
	var buf bytes.Buffer
	err := Export(&buf, messages.English(), stored(t, "Acme"), FormatPDF, Options{Browser: filepath.Join(t.TempDir(), "no-chrome")})
	var nb *NoBrowserError
	if !errors.As(err, &nb) || !strings.Contains(err.Error(), "export as HTML") || buf.Len() != 0 {
		t.Errorf("err = %v, %d bytes", err, buf.Len())
	}
}
