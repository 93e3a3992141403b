package report

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/exp/golden"

	"socialmaturity/assess"
	"socialmaturity/messages"
	"socialmaturity/questions"
)

func v2Bank(t *testing.T) *questions.Bank {
	t.Helper()
	b, err := questions.Default()
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// teamSample is a workshop of six: three leaders and three practitioners
// who disagree on two questions, one of which nobody is sure about, with
// one agreed answer. Its organization and names carry markup, control
// characters and a formula.
func teamSample(t *testing.T, n int) *TeamReport {
	t.Helper()
	b := v2Bank(t)
	var ms []assess.Member
	for i := range n {
		as := assess.Answers{}
		for j, ref := range b.Questions() {
			as[b.At(ref).ID] = assess.AtLevel((2 + (i%2)*(j%2)) % 5)
		}
		as["eng-conversations"] = assess.AtLevel([]int{0, 4, 0, 4, 1, 3}[i%6])
		if i%2 == 0 {
			as["mea-tracking"] = assess.NotSure
		}
		role := "Leader"
		if i%2 == 1 {
			role = "Practitioner"
		}
		ms = append(ms, assess.Member{Name: fmt.Sprintf("=Xavier %d<b>", i), Role: role, Answers: as, Completed: i < 4})
	}
	agreed := assess.Agreed{"eng-conversations": {Answer: assess.AtLevel(2), Why: "we post <i>most</i> days\x1b[31m", At: time.Date(2026, 3, 1, 11, 0, 0, 0, time.UTC)}}
	return &TeamReport{
		ID: "1m8fx0000000team", Org: "Acme <script>alert(1)</script>\u202e", Title: "Kick-off", Bank: b,
		Created: time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC),
		Result:  assess.Team(b, ms, agreed),
	}
}

func teamExport(t *testing.T, r *TeamReport, format string) string {
	t.Helper()
	var buf bytes.Buffer
	if err := TeamExport(&buf, messages.English(), r, format); err != nil {
		t.Fatal(err)
	}
	return buf.String()
}

func TestTeamReportGolden(t *testing.T) {
	for _, f := range TeamFormats() {
		t.Run(f, func(t *testing.T) { golden.RequireEqual(t, teamExport(t, teamSample(t, 6), f)) })
	}
}

func TestTeamReportIsAnonymousUnlessNamed(t *testing.T) {
	r := teamSample(t, 6)
	for _, f := range TeamFormats() {
		if out := teamExport(t, r, f); strings.Contains(out, "Xavier") {
			t.Errorf("%s: an anonymous report names a participant", f)
		}
	}
	r.People = []TeamPerson{{Name: "Ana", Completed: true}, {Name: "Bo\x1b]8;;x\x07"}}
	for _, f := range []string{FormatHTML, FormatMarkdown, FormatJSON} {
		out := teamExport(t, r, f)
		if !strings.Contains(out, "Ana") || !strings.Contains(out, "Bo") {
			t.Errorf("%s: a report with --names lacks the names", f)
		}
		if f != FormatJSON && strings.ContainsRune(out, 0x1b) {
			t.Errorf("%s: a control sequence from a name reached the report", f)
		}
	}
	if out := teamExport(t, r, FormatCSV); strings.Contains(out, "Ana") {
		t.Error("CSV rows are per question: names have no place there")
	}
}

func TestTeamReportBreaksDownNoGroupUnderThree(t *testing.T) {
	two := teamSample(t, 2)
	for _, f := range TeamFormats() {
		out := teamExport(t, two, f)
		if strings.Contains(out, "eng-conversations") || strings.Contains(out, "Leader") {
			t.Errorf("%s: a team of two is broken down:\n%s", f, out)
		}
	}
	if out := teamExport(t, two, FormatMarkdown); !strings.Contains(out, "withheld") {
		t.Errorf("the withheld team result is not explained:\n%s", out)
	}
	// Five: the role groups would be three and two, so there is no view by
	// role, though the team result is shown.
	five := teamExport(t, teamSample(t, 5), FormatMarkdown)
	if strings.Contains(five, "Practitioner") || !strings.Contains(five, "Where the team disagrees") {
		t.Errorf("a team of 3 leaders and 2 practitioners:\n%s", five)
	}
	if six := teamExport(t, teamSample(t, 6), FormatMarkdown); !strings.Contains(six, "Practitioner (3)") {
		t.Errorf("two groups of three have no view by role:\n%s", six)
	}
}

func TestTeamReportKeepsUserTextAsText(t *testing.T) {
	r := teamSample(t, 6)
	html := teamExport(t, r, FormatHTML)
	if strings.Contains(html, "<script>") || strings.Contains(html, "<i>most") || strings.ContainsRune(html, 0x1b) || strings.ContainsRune(html, '\u202e') {
		t.Error("markup or control characters from user text reached the HTML")
	}
	if md := teamExport(t, r, FormatMarkdown); strings.Contains(md, "<script>") || strings.ContainsRune(md, 0x1b) {
		t.Error("markup or control characters from user text reached the Markdown")
	}
	rows, err := csv.NewReader(strings.NewReader(teamExport(t, r, FormatCSV))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != r.Bank.QuestionCount()+1 {
		t.Errorf("%d CSV rows; want a header and one per question", len(rows))
	}
	for _, row := range rows[1:] {
		if row[4] == "eng-conversations" {
			if why := row[len(row)-1]; strings.ContainsRune(why, 0x1b) || why == "" {
				t.Errorf("agreed why in CSV = %q", why)
			}
			if got := strings.Join(row[7:12], ","); got != "2,1,0,1,2" {
				t.Errorf("distribution in CSV = %s; want 2,1,0,1,2", got)
			}
		}
	}
	var f map[string]any
	if err := json.Unmarshal([]byte(teamExport(t, r, FormatJSON)), &f); err != nil {
		t.Fatal(err)
	}
	if f["schema"] != TeamSchema || f["hotspots"].([]any)[0] != "eng-conversations" {
		t.Errorf("JSON schema %v, first hotspot %v", f["schema"], f["hotspots"].([]any)[0])
	}
}

func TestTeamFileName(t *testing.T) {
	r := &TeamReport{Org: "Acme Corp", Created: time.Date(2026, 3, 1, 12, 0, 0, 0, time.Local)}
	if got := TeamFileName(r, FormatHTML); got != "acme-corp-team-2026-03-01.html" {
		t.Errorf("TeamFileName = %q", got)
	}
}
