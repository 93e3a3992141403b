package report

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"regexp"
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
		for j, question := range b.AllQuestions() {
			as[question.ID] = assess.AtLevel((2 + (i%2)*(j%2)) % 5)
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
		t.Run("few-"+f, func(t *testing.T) { golden.RequireEqual(t, teamExport(t, fewSample(t), f)) })
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
}

// With --names the CSV has a table of the participants after the
// questions; without, it names no one.
func TestTeamCSVNamesPeopleOnlyWhenAsked(t *testing.T) {
	r := teamSample(t, 6)
	read := func() [][]string {
		t.Helper()
		cr := csv.NewReader(strings.NewReader(teamExport(t, r, FormatCSV)))
		cr.FieldsPerRecord = -1
		rows, err := cr.ReadAll()
		if err != nil {
			t.Fatal(err)
		}
		return rows
	}
	questions := r.Bank.QuestionCount() + 1
	if rows := read(); len(rows) != questions {
		t.Errorf("anonymous CSV: %d rows; want %d (header and questions only)", len(rows), questions)
	}
	r.People = []TeamPerson{{Name: "Ana", Completed: true}, {Name: "=Bo"}}
	rows := read()
	want := [][]string{{"name", "completed"}, {"Ana", "true"}, {"'=Bo", "false"}}
	if len(rows) != questions+len(want) || fmt.Sprint(rows[questions:]) != fmt.Sprint(want) {
		t.Errorf("CSV with --names ends %q; want the questions then %q", rows[min(questions, len(rows)):], want)
	}
}

func TestTeamJSONPeopleKeys(t *testing.T) {
	r := teamSample(t, 6)
	r.People = []TeamPerson{{Name: "Ana", Completed: true}}
	if out := teamExport(t, r, FormatJSON); !strings.Contains(out, `"people": [
    {
      "name": "Ana",
      "completed": true
    }`) {
		t.Errorf("people in JSON:\n%s", out)
	}
}

// fewSample is the tester's workshop of four: Bob and an anonymous one
// answered everything, Alice five questions, Dave three.
func fewSample(t *testing.T) *TeamReport {
	t.Helper()
	r := teamSample(t, 3)
	b := r.Bank
	everything := func(l int) assess.Answers {
		as := assess.Answers{}
		for _, question := range b.AllQuestions() {
			as[question.ID] = assess.AtLevel(l)
		}
		return as
	}
	some := func(l int, ids ...string) assess.Answers {
		as := assess.Answers{}
		for _, id := range ids {
			as[id] = assess.AtLevel(l)
		}
		return as
	}
	r.Result = assess.Team(b, []assess.Member{
		{Name: "Bob", Answers: everything(4), Completed: true},
		{Answers: everything(2), Completed: true},
		{Name: "Alice", Answers: some(1, "eng-channels", "eng-conversations", "eng-audiences", "lis-practice", "lis-uses")},
		{Name: "Dave", Answers: some(3, "eng-channels", "dis-plan", "ins-advocacy")},
	}, nil)
	return r
}

func TestTeamReportGivesNothingFromFewerThanThree(t *testing.T) {
	r := fewSample(t)
	md := teamExport(t, r, FormatMarkdown)
	if !strings.Contains(md, "| &nbsp;&nbsp;Merge the data from different channels | fewer than 3 answers |  |  |  |") {
		t.Errorf("a key action answered by two is not withheld in Markdown:\n%s", md)
	}
	// Every People cell of the scores table is 3 or more, or says fewer.
	for _, line := range strings.Split(md, "\n") {
		cells := strings.Split(line, " | ")
		if len(cells) != 5 || strings.HasPrefix(line, "|  | Team score") {
			continue
		}
		if people := strings.TrimSuffix(cells[4], " |"); people != "" && people != "fewer than 3" && people < "3" {
			t.Errorf("a row counts %s people: %s", people, line)
		}
	}
	for _, want := range []string{"fewer than 3 answers", "People&#39;s scores"} {
		if html := teamExport(t, r, FormatHTML); !strings.Contains(html, want) {
			t.Errorf("HTML lacks %q", want)
		}
	}

	rows, err := csv.NewReader(strings.NewReader(teamExport(t, r, FormatCSV))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	for _, row := range rows[1:] {
		id, figures := row[4], strings.Join(row[7:len(row)-2], ",")
		switch {
		case strings.HasPrefix(id, "dat-") || strings.HasPrefix(id, "int-"):
			if row[6] != "true" || figures != "<3"+strings.Repeat(",", 14) {
				t.Errorf("CSV gives %s, answered by two: withheld %s, %s", id, row[6], figures)
			}
		case id == "eng-conversations":
			if row[6] != "false" || figures != "3,0,1,1,0,1,0,0,2.33,2.0,0.500,true,false,false,2" {
				t.Errorf("CSV %s, answered by three: %s", id, figures)
			}
		}
	}

	var f struct {
		Pillars []struct {
			KeyActions []map[string]any `json:"key_actions"`
		}
		Questions []map[string]any
	}
	if err := json.Unmarshal([]byte(teamExport(t, r, FormatJSON)), &f); err != nil {
		t.Fatal(err)
	}
	if ka := f.Pillars[0].KeyActions[2]; ka["id"] != "channel-data" || ka["withheld"] != true || ka["score"] != nil || ka["people_scores"] != nil || ka["stage"] != nil {
		t.Errorf("JSON key action answered by two: %v", ka)
	}
	for _, q := range f.Questions {
		if id := q["id"].(string); strings.HasPrefix(id, "dat-") {
			for k, v := range q {
				if k != "id" && k != "withheld" && v != nil {
					t.Errorf("JSON %s, answered by two, gives %s = %v", id, k, v)
				}
			}
		}
	}
}

// The scores table and the recommendations rest on one basis: a key
// action's team score in the table is the one a recommendation quotes.
func TestTeamTableAgreesWithRecommendations(t *testing.T) {
	md := teamExport(t, teamSample(t, 6), FormatMarkdown)
	because := regexp.MustCompile(`— (.+) scores ([0-9.]+) \(stage (\d)\)`)
	found := because.FindAllStringSubmatch(md, -1)
	if len(found) == 0 {
		t.Fatalf("no recommendation quotes a score:\n%s", md)
	}
	for _, m := range found {
		if row := "| &nbsp;&nbsp;" + m[1] + " | " + m[2] + " | " + m[3] + ": "; !strings.Contains(md, row) {
			t.Errorf("a recommendation says %q, the table has no row %q:\n%s", m[0], row, md)
		}
	}
	if !strings.Contains(md, "score of the team's answers") || !strings.Contains(md, "mean ± standard deviation of each person's own score") {
		t.Errorf("the report does not say which score is which:\n%s", md)
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
			if got := strings.Join(row[8:13], ","); got != "2,1,0,1,2" {
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
