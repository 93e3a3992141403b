package report

import (
	"bytes"
	"encoding/csv"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/exp/golden"

	"socialmaturity/assess"
	"socialmaturity/messages"
)

func summaries(orgs ...string) []assess.Summary {
	at := time.Date(2026, 9, 14, 16, 30, 0, 0, time.UTC)
	var out []assess.Summary
	for i, org := range orgs {
		id := "1m8" + strings.Repeat(string(rune('a'+i)), 13)
		out = append(out, assess.Summary{ID: id, Short: id[:assess.ShortIDLen], Org: org, Respondent: "Dana", CompletedAt: at,
			Overall: assess.Scored(47.25), Stage: &assess.StageRef{Number: 3, Name: "Repeatable"},
			Coverage: 0.9, Pillars: []assess.PillarScore{{ID: "culture", Score: assess.Scored(-0.04)}}})
	}
	return out
}

func listTable(t *testing.T, items []assess.Summary) string {
	t.Helper()
	var buf bytes.Buffer
	if err := ListTable(&buf, messages.English(), items); err != nil {
		t.Fatal(err)
	}
	return buf.String()
}

func TestListTableGolden(t *testing.T) {
	golden.RequireEqual(t, listTable(t, summaries("Acme Corp", "Globex")))
}

// QA m4: a very long organization is cut, not spread over the row.
func TestListTableCutsLongCells(t *testing.T) {
	out := listTable(t, summaries(strings.Repeat("L", 10000), "Acme"))
	for _, line := range strings.Split(strings.TrimSuffix(out, "\n"), "\n") {
		if w := messages.Width(line); w > 120 {
			t.Errorf("a row of %d cells", w)
		}
	}
	if !strings.Contains(out, "LLL…") {
		t.Error("the cut is not marked with …")
	}
}

// QA m11 and M6: columns line up by display width, whatever the script,
// and stored text cannot split or recolour a row.
func TestListTableAlignsByDisplayWidth(t *testing.T) {
	orgs := []string{"🚀 Rocket 👩‍💻", "شرکت نمونه", "Acme", "Evil\x1b[31m\r\nRow\u202e", "日本語の会社"}
	out := listTable(t, summaries(orgs...))
	assertTerminalSafe(t, out)
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	if len(lines) != 1+len(orgs) {
		t.Fatalf("%d lines, want a header and %d rows:\n%s", len(lines), len(orgs), out)
	}
	col := func(line, cell string) int {
		i := strings.Index(line, cell)
		if i < 0 {
			t.Fatalf("%q not in %q", cell, line)
		}
		return messages.Width(line[:i])
	}
	want := col(lines[0], "RESPONDENT")
	for _, line := range lines[1:] {
		if got := col(line, "Dana"); got != want {
			t.Errorf("respondent at cell %d, want %d: %q", got, want, line)
		}
	}
}

// Short draft ids are long enough to tell drafts apart (QA m9/m10 short ids).
func TestDraftsTableShowsUniqueShortIDs(t *testing.T) {
	at := time.Date(2026, 9, 14, 16, 30, 0, 0, time.UTC)
	drafts := []*assess.Assessment{
		{ID: "1m8aaaaaaaaaaaaa1", Submission: assess.Submission{Org: "Acme"}, UpdatedAt: at},
		{ID: "1m8aaaaaaaaaaaaa2", Submission: assess.Submission{Org: "Acme\x1b]0;title\a"}, UpdatedAt: at},
	}
	var buf bytes.Buffer
	if err := DraftsTable(&buf, messages.English(), bank(t), drafts); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	assertTerminalSafe(t, out)
	for _, d := range drafts {
		if !strings.Contains(out, d.ID+" ") {
			t.Errorf("draft %s is not shown by a unique id:\n%s", d.ID, out)
		}
	}
}

// QA C4 for list --format csv: text cells are neutralised, numbers (even
// negative ones) stay numbers.
func TestListCSVNeutralisesFormulas(t *testing.T) {
	items := summaries(hostile...)
	items[0].Respondent = "@SUM(1)"
	var buf bytes.Buffer
	if err := ListCSV(&buf, bank(t), items); err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(&buf).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	culture := -1
	for i, h := range rows[0] {
		if h == "culture" {
			culture = i
		}
	}
	for i, r := range rows[1:] {
		if r[1] != neutralised(hostile[i]) {
			t.Errorf("org cell %q, want %q", r[1], neutralised(hostile[i]))
		}
		if r[4] != "47.3" || r[5] != "3" || r[7] != "0.900" || r[culture] != "-0.0" {
			t.Errorf("numeric cells changed: %v", r)
		}
	}
	if rows[1][2] != "'@SUM(1)" {
		t.Errorf("respondent cell %q", rows[1][2])
	}
}

func TestCompareTextGolden(t *testing.T) {
	v := stored(t, "Acme Corp")
	var buf bytes.Buffer
	if err := CompareText(&buf, messages.English(), v.Change); err != nil {
		t.Fatal(err)
	}
	golden.RequireEqual(t, buf.String())
}

// QA M6: whatever people typed, terminal outputs hold no control sequence
// and rows stay on their lines.
func FuzzTerminalOutputsAreSafe(f *testing.F) {
	f.Add("Acme", "Dana", "a note")
	f.Add("Evil\x1b[31mRED\x1b[0m\r\nInjected", "\x1b]52;c;ZXZpbA==\a", "\u202eoverride\x00\x9b")
	f.Add("🚀 Rocket 👩‍💻", "شرکت", "\t\v\f")
	f.Fuzz(func(t *testing.T, org, who, note string) {
		v := stored(t, org)
		v.Respondent = who
		v.Change.From.Org = note
		var buf bytes.Buffer
		cat := messages.English()
		if err := Text(&buf, cat, v); err != nil {
			t.Fatal(err)
		}
		if err := CompareText(&buf, cat, v.Change); err != nil {
			t.Fatal(err)
		}
		items := summaries(org, note)
		items[0].Respondent = who
		var table bytes.Buffer
		if err := ListTable(&table, cat, items); err != nil {
			t.Fatal(err)
		}
		draft := &assess.Assessment{ID: "1m8draft", Submission: assess.Submission{Org: org, Respondent: who}}
		if err := DraftsTable(&table, cat, bank(t), []*assess.Assessment{draft}); err != nil {
			t.Fatal(err)
		}
		assertTerminalSafe(t, buf.String()+table.String())
		if n := strings.Count(table.String(), "\n"); n != 5 {
			t.Errorf("%d table lines, want 5:\n%s", n, table.String())
		}
	})
}
