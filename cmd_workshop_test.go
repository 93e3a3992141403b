package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"socialmaturity/assess"
	"socialmaturity/questions"
	"socialmaturity/store"
)

// newWorkshop creates a workshop through the CLI and returns its id and
// code.
func newWorkshop(t *testing.T, db string, args ...string) (id, code string) {
	t.Helper()
	exit, out, errOut := cli(t, "", append([]string{"workshop", "new", "--db", db, "--format", "json"}, args...)...)
	if exit != 0 {
		t.Fatalf("workshop new: exit %d: %s", exit, errOut)
	}
	var got struct{ ID, Code, Org string }
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatalf("workshop new --format json: %v in %q", err, out)
	}
	return got.ID, got.Code
}

// join stores a participant's answers in workshop id, completed or not,
// as the workshop server does: every question, or only those named.
func join(t *testing.T, db, id, name, role string, level int, done bool, only ...string) {
	t.Helper()
	s, err := store.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	b, err := questions.Default()
	if err != nil {
		t.Fatal(err)
	}
	d := &assess.Assessment{Workshop: id, Submission: assess.Submission{Org: "Acme", Respondent: name, Role: role, Answers: assess.Answers{}}}
	for i, question := range b.AllQuestions() {
		if q := question.ID; len(only) == 0 || slices.Contains(only, q) {
			d.Answers[q] = assess.AtLevel((level + i%2) % 5)
		}
	}
	if err := s.SaveDraft(d); err != nil {
		t.Fatal(err)
	}
	if done {
		if _, err := s.Complete(b, []*assess.Assessment{d}); err != nil {
			t.Fatal(err)
		}
	}
}

func TestWorkshopNewListReport(t *testing.T) {
	db := tempDB(t)
	id, code := newWorkshop(t, db, "--org", "Acme", "--title", "Kick-off", "--paced")
	if len(code) != store.CodeLen || strings.ContainsAny(code, "0O1I") {
		t.Errorf("join code %q", code)
	}
	exit, out, errOut := cli(t, "", "workshop", "new", "--db", db, "--org", "Beta")
	if exit != 0 || !strings.Contains(out, "Join code: ") || !strings.Contains(out, "workshop serve ") {
		t.Errorf("workshop new (text): exit %d, %q, %q", exit, out, errOut)
	}
	exit, out, _ = cli(t, "", "workshop", "list", "--db", db)
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if exit != 0 || len(lines) != 2 || !strings.Contains(lines[0], "Beta") || !strings.HasPrefix(lines[1], id) || !strings.Contains(lines[1], code) || !strings.Contains(lines[1], "Kick-off") {
		t.Errorf("workshop list: exit %d:\n%s", exit, out)
	}

	// Two people: nothing is broken down.
	join(t, db, id, "Ana", "Leader", 1, true)
	join(t, db, id, "Bo", "Leader", 3, false)
	exit, out, errOut = cli(t, "", "workshop", "report", "--db", db, id, "--format", "md", "-o", "-")
	if exit != 0 || !strings.Contains(out, "withheld") || strings.Contains(out, "Where the team disagrees") {
		t.Errorf("report of two: exit %d, %s:\n%s", exit, errOut, out)
	}
	join(t, db, id, "Cy", "Leader", 2, true)
	exit, out, _ = cli(t, "", "workshop", "report", "--db", db, id, "--format", "md", "-o", "-")
	if exit != 0 || strings.Contains(out, "withheld") || !strings.Contains(out, "3 (2 finished)") || strings.Contains(out, "Ana") {
		t.Errorf("anonymous report of three: exit %d:\n%s", exit, out)
	}
	exit, out, _ = cli(t, "", "workshop", "report", "--db", db, id, "--format", "md", "--names", "-o", "-")
	if exit != 0 || !strings.Contains(out, "Ana") || !strings.Contains(out, "Cy") {
		t.Errorf("report with --names: exit %d:\n%s", exit, out)
	}

	dir := t.TempDir()
	path := filepath.Join(dir, "team.html")
	exit, out, errOut = cli(t, "", "workshop", "report", "--db", db, id, "-o", path)
	if exit != 0 || !strings.Contains(out, path) {
		t.Fatalf("report to a file: exit %d, %q, %s", exit, out, errOut)
	}
	if html, err := os.ReadFile(path); err != nil || !strings.Contains(string(html), "<h1>Team result: Acme</h1>") {
		t.Errorf("HTML report: %v", err)
	}
	for _, f := range []string{"csv", "json"} {
		if exit, out, errOut := cli(t, "", "workshop", "report", "--db", db, id, "--format", f, "-o", "-"); exit != 0 || out == "" {
			t.Errorf("report --format %s: exit %d: %s", f, exit, errOut)
		}
	}
}

// The tester's case through the command: two finished, one answered five
// questions, one three. Rows answered by two give nothing in any format;
// --names names people in the CSV too, and only then.
func TestWorkshopReportWithholdsFewerThanThree(t *testing.T) {
	db := tempDB(t)
	id, _ := newWorkshop(t, db, "--org", "Acme")
	join(t, db, id, "Bob", "", 3, true)
	join(t, db, id, "", "", 1, true)
	join(t, db, id, "Alice", "", 2, false, "eng-channels", "eng-conversations", "eng-audiences", "lis-practice", "lis-uses")
	join(t, db, id, "Dave", "", 4, false, "eng-channels", "dis-plan", "ins-advocacy")
	report := func(args ...string) string {
		t.Helper()
		exit, out, errOut := cli(t, "", append([]string{"workshop", "report", "--db", db, id, "-o", "-"}, args...)...)
		if exit != 0 {
			t.Fatalf("workshop report %v: exit %d: %s", args, exit, errOut)
		}
		return out
	}
	if md := report("--format", "md"); !strings.Contains(md, "Merge the data from different channels | fewer than 3 answers |") {
		t.Errorf("Markdown breaks down a key action answered by two:\n%s", md)
	}
	if html := report("--format", "html"); !strings.Contains(html, "<td>Merge the data from different channels</td><td class=\"num\">fewer than 3 answers</td>") {
		t.Errorf("HTML breaks down a key action answered by two:\n%s", html)
	}
	csv := report("--format", "csv")
	if !strings.Contains(csv, ",dat-unified,Where does audience data from your different channels end up?,true,<3,,,,,,,,,,,,,,,,\n") {
		t.Errorf("CSV breaks down a question answered by two:\n%s", csv)
	}
	if strings.Contains(csv, "Alice") || strings.Contains(csv, "name,completed") {
		t.Errorf("an anonymous CSV names people:\n%s", csv)
	}
	named := report("--format", "csv", "--names")
	_, people, _ := strings.Cut(named, "\n\nname,completed\n")
	lines := strings.Split(strings.TrimSpace(people), "\n")
	slices.Sort(lines)
	if !strings.HasPrefix(named, csv) || !slices.Equal(lines, []string{",true", "Alice,false", "Bob,true", "Dave,false"}) {
		t.Errorf("CSV with --names: the questions, then a table of the people:\n%s", named)
	}
	var f struct {
		People    []map[string]any
		Questions []struct {
			ID       string
			Withheld bool
			N        *int
		}
	}
	if err := json.Unmarshal([]byte(report("--format", "json", "--names")), &f); err != nil {
		t.Fatal(err)
	}
	if len(f.People) != 4 || f.People[0]["completed"] == nil || f.People[0]["name"] == nil {
		t.Errorf("JSON people = %v; want 4 with name and completed", f.People)
	}
	shown := []string{"eng-channels", "eng-conversations", "eng-audiences", "lis-practice", "lis-uses", "dis-plan", "ins-advocacy"}
	for _, q := range f.Questions {
		if slices.Contains(shown, q.ID) == q.Withheld || q.N != nil && *q.N < 3 {
			t.Errorf("JSON question %s: withheld %v, n %v", q.ID, q.Withheld, q.N)
		}
	}
}

func TestWorkshopCommandErrors(t *testing.T) {
	db := tempDB(t)
	newWorkshop(t, db, "--org", "Acme")
	for _, tt := range []struct {
		args []string
		want string
	}{
		{[]string{"workshop", "new"}, "--org NAME"},
		{[]string{"workshop", "new", "--org", "  "}, "--org NAME"},
		{[]string{"workshop", "report", "nope"}, `no workshop has id "nope"`},
		{[]string{"workshop", "report"}, "needs ID"},
		{[]string{"workshop", "report", "x", "--format", "pdf"}, "pdf"},
	} {
		exit, _, errOut := cli(t, "", append(tt.args, "--db", db)...)
		if exit == 0 || !strings.Contains(errOut, tt.want) {
			t.Errorf("%v: exit %d, %q; want an error saying %q", tt.args, exit, errOut, tt.want)
		}
	}
	exit, out, _ := cli(t, "", "workshop", "list", "--db", tempDB(t))
	if exit != 0 || !strings.Contains(out, "No workshops yet") {
		t.Errorf("empty list: exit %d, %q", exit, out)
	}
}
