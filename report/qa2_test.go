package report

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"socialmaturity/assess"
	"socialmaturity/messages"
)

// onlyOne is a result with one question answered, at the top level (QA N7):
// its score is 100, it has no stage, and eight of nine key actions are not
// scored.
func onlyOne(t testing.TB) *assess.View {
	t.Helper()
	b := bank(t)
	a := &assess.Assessment{ID: "1m8ddddddddddddd", Submission: assess.Submission{Org: "X", Answers: assess.Answers{"eng-channels": assess.AtLevel(4)}}, Bank: assess.RefOf(b)}
	a.Complete(b, time.Date(2026, 5, 4, 9, 0, 0, 0, time.UTC), assess.Targets{})
	v := assess.NewView(b, a, nil)
	if v.Stage != nil || !v.Overall.Valid || len(v.Recommendations) != 0 {
		t.Fatalf("fixture: stage %v, overall %v, %d recommendations", v.Stage, v.Overall, len(v.Recommendations))
	}
	return v
}

// topStage is a result with every question answered at the top level.
func topStage(t testing.TB) *assess.View {
	t.Helper()
	b := bank(t)
	a := &assess.Assessment{ID: "1m8eeeeeeeeeeeee", Submission: assess.Submission{Org: "Y", Answers: assess.Answers{}}, Bank: assess.RefOf(b)}
	for _, q := range b.AllQuestions() {
		a.Answers[q.ID] = assess.AtLevel(4)
	}
	a.Complete(b, time.Date(2026, 5, 4, 9, 0, 0, 0, time.UTC), assess.Targets{})
	return assess.NewView(b, a, nil)
}

const stage5Claim = "Every key action is at stage 5"

// QA N7: when nothing fires because key actions are not scored, no output
// claims every key action is at stage 5; each says how many are not
// scored, and the ladder marks no stage the result does not have.
func TestUnscoredKeyActionsAreNotCalledStage5(t *testing.T) {
	v := onlyOne(t)
	for _, f := range []string{FormatText, FormatMarkdown, FormatHTML} {
		var out string
		if f == FormatText {
			var buf bytes.Buffer
			if err := Text(&buf, messages.English(), v); err != nil {
				t.Fatal(err)
			}
			out = strings.Join(strings.Fields(buf.String()), " ")
		} else {
			out = exportWith(t, v, f, Options{})
		}
		if strings.Contains(out, stage5Claim) {
			t.Errorf("%s claims %q for a result with 8 key actions not scored", f, stage5Claim)
		}
		mustContain(t, f, out, "8 of 9 key actions are not scored", "answer their questions")
		if f == FormatHTML && strings.Contains(out, messages.English().T(messages.ReportYouAreHere)) {
			t.Errorf("html marks %q on a result with no stage", "you are here")
		}
	}
}

// The stage-5 text stays for a result that is at stage 5 everywhere, and a
// plan that proposes something says how many key actions are not scored.
func TestNoMovesTexts(t *testing.T) {
	out := exportWith(t, topStage(t), FormatMarkdown, Options{})
	mustContain(t, "md at the top", out, stage5Claim)
	if strings.Contains(out, "not scored, so") {
		t.Error("md at the top says key actions are not scored")
	}

	v := provisional(t)
	if len(v.Unscored) == 0 || len(v.Next90()) == 0 {
		t.Fatalf("fixture: %d unscored, %d in the plan", len(v.Unscored), len(v.Next90()))
	}
	for _, f := range []string{FormatMarkdown, FormatHTML} {
		mustContain(t, f+" with a plan", exportWith(t, v, f, Options{}), "key actions are not scored, so they have no recommendation yet")
	}

	v = stored(t, "Acme")
	for i := range v.Recommendations {
		v.Recommendations[i].AtTarget = true
	}
	for _, f := range []string{FormatMarkdown, FormatHTML} {
		out := exportWith(t, v, f, Options{})
		if strings.Contains(out, stage5Claim) {
			t.Errorf("%s claims %q when every recommendation is at its target", f, stage5Claim)
		}
		mustContain(t, f+" all at target", out, "already at its target")
	}
}

// QA: the "you are here" marker is never cut off at either end of the
// ladder: near an end its edge, not its middle, is at the score, with the
// arrow on the side of the score.
func TestLadderMarkerStaysOnTheLadder(t *testing.T) {
	top := exportWith(t, topStage(t), FormatHTML, Options{})
	mustContain(t, "html at 100", top, `<div class="marker" style="inset-inline-end:0%">you are here ▼</div>`)
	mid := exportWith(t, stored(t, "Acme"), FormatHTML, Options{})
	mustContain(t, "html in the middle", mid, `<div class="marker center" style="inset-inline-start:`, `">▼ you are here</div>`)

	b := bank(t)
	a := &assess.Assessment{ID: "1m8fffffffffffff", Submission: assess.Submission{Org: "Z", Answers: assess.Answers{}}, Bank: assess.RefOf(b)}
	for _, q := range b.AllQuestions() {
		a.Answers[q.ID] = assess.AtLevel(0)
	}
	a.Complete(b, time.Date(2026, 5, 4, 9, 0, 0, 0, time.UTC), assess.Targets{})
	low := exportWith(t, assess.NewView(b, a, nil), FormatHTML, Options{})
	mustContain(t, "html at 0", low, `<div class="marker" style="inset-inline-start:0%">▼ you are here</div>`)
}

// QA: a 10,000-character organization is shortened with "…" on the cover,
// in the page title, the Markdown heading and the running footer, and
// named in full once, in the appendix (HTML) or the details (Markdown).
func TestLongOrganizationIsShortenedOnTheCover(t *testing.T) {
	org := strings.Repeat("Very long organization name ", 358)[:10000]
	v := stored(t, org)
	html := exportWith(t, v, FormatHTML, Options{})
	if n := strings.Count(html, org); n != 1 {
		t.Errorf("html names the organization in full %d times, want once (the appendix)", n)
	}
	short := messages.Truncate(org, coverOrgCells)
	mustContain(t, "html", html, "<title>Social media maturity — "+short+"</title>", `<h1 class="long"><bdi>`+short+"</bdi></h1>",
		"<dd><bdi>"+short+"</bdi></dd>", "<strong>Organization:</strong> <bdi>"+org+"</bdi>")
	if !strings.HasSuffix(short, "…") {
		t.Errorf("shortened organization %q does not end in …", short[len(short)-10:])
	}
	md := exportWith(t, v, FormatMarkdown, Options{})
	mustContain(t, "md", md, "# An assessment of "+short+"\n", "- **Organization:** "+org+"\n")

	if html := exportWith(t, stored(t, "Acme"), FormatHTML, Options{}); strings.Contains(html, "<strong>Organization:</strong>") {
		t.Error("a short organization is named again in the appendix")
	}
}

// hostileText has every kind of control character a terminal acts on: C0,
// DEL, C1 and a bidi override, around a line break and a tab.
const hostileText = "Evil\x00\x07\x1b[31mRED\x1b]0;title\x07\x7f\u0085\u009b2J\u202eX\nline\ttab"

// QA: CSV exports drop control characters from text cells (tab and line
// break kept), so a file sent to a terminal cannot act on it.
func TestCSVExportsNeutraliseControlCharacters(t *testing.T) {
	want := "Evil[31mRED]0;title2JX\nline\ttab"
	check := func(what string, out []byte, cols ...int) {
		t.Helper()
		if s := string(out); messages.Safe(s) != s {
			t.Errorf("%s holds control characters: %q", what, s)
		}
		rows, err := csv.NewReader(bytes.NewReader(out)).ReadAll()
		if err != nil {
			t.Fatalf("%s: %v", what, err)
		}
		for _, c := range cols {
			if rows[1][c] != want {
				t.Errorf("%s cell %d = %q, want %q", what, c, rows[1][c], want)
			}
		}
	}
	v := stored(t, hostileText)
	v.Source.Respondent = hostileText
	v.Source.Notes["eng-channels"] = hostileText
	check("answers CSV", export(t, v, FormatCSV), 1)

	items := summaries(hostileText)
	items[0].Respondent = hostileText
	var buf bytes.Buffer
	if err := ListCSV(&buf, bank(t), items); err != nil {
		t.Fatal(err)
	}
	check("list CSV", buf.Bytes(), 1, 2)

	buf.Reset()
	drafts := []*assess.Assessment{{ID: "1m8aaaaaaaaaaaaa1", Submission: assess.Submission{Org: hostileText, Respondent: hostileText}, UpdatedAt: time.Date(2026, 9, 14, 16, 30, 0, 0, time.UTC)}}
	if err := DraftsCSV(&buf, bank(t), drafts); err != nil {
		t.Fatal(err)
	}
	check("drafts CSV", buf.Bytes())
}

// QA: every JSON the reports write keeps control characters only as \u
// escapes, and reads back to the text as it was typed.
func TestJSONExportsEscapeControlCharacters(t *testing.T) {
	cat := messages.English()
	v := stored(t, hostileText)
	outputs := map[string]func(*bytes.Buffer) error{
		"export": func(b *bytes.Buffer) error { return Export(b, cat, v, FormatJSON, Options{}) },
		"list":   func(b *bytes.Buffer) error { return ListJSON(b, summaries(hostileText)) },
		"drafts": func(b *bytes.Buffer) error {
			return DraftsJSON(b, bank(t), []*assess.Assessment{{ID: "1m8aaaaaaaaaaaaa1", Submission: assess.Submission{Org: hostileText}}})
		},
		"context": func(b *bytes.Buffer) error {
			return Export(b, cat, contextView(t, hostileText), FormatJSON, Options{})
		},
	}
	for what, write := range outputs {
		var buf bytes.Buffer
		if err := write(&buf); err != nil {
			t.Fatalf("%s: %v", what, err)
		}
		if s := buf.String(); messages.Safe(s) != s {
			t.Errorf("%s JSON holds raw control characters: %q", what, s)
		}
		if !strings.Contains(buf.String(), `\u0085`) || !strings.Contains(buf.String(), `\u202e`) {
			t.Errorf("%s JSON does not keep the controls as \\u escapes", what)
		}
		var back any
		if err := json.Unmarshal(buf.Bytes(), &back); err != nil {
			t.Fatalf("%s: %v", what, err)
		}
		if js, _ := json.Marshal(back); !strings.Contains(string(js), `Evil\u0000\u0007\u001b[31mRED`) {
			t.Errorf("%s JSON does not read back to what was typed", what)
		}
	}
}
