package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"socialmaturity/assess"
	"socialmaturity/questions"
)

func writeFile(t *testing.T, name, text string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, []byte(text), 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

// Issue 13: a portfolio figure needs at least five other organizations
// (imported cohort rows count), and never names another organization.
func TestBenchmarkCommand(t *testing.T) {
	db := tempDB(t)
	importAt(t, db, "Acme", 1, 2)
	for i := range 4 {
		importAt(t, db, fmt.Sprintf("Secret Client %d", i), 2+i, i%5)
	}
	code, out, errOut := cli(t, "", "benchmark", "--org", "acme", "--db", db)
	if code != 0 || !strings.Contains(out, "Benchmarks: Acme") || !strings.Contains(out, "needs the latest assessments of at least 5") || !strings.Contains(out, "75% of businesses") {
		t.Fatalf("benchmark with four others: exit %d, %q, %q", code, out, errOut)
	}
	cohort := writeFile(t, "cohort.csv", "overall,relationships,value,culture\n40,50,30,\n# a comment\n70,,,80\n")
	if code, out, errOut = cli(t, "", "benchmark", "import", cohort, "--db", db); code != 0 || !strings.Contains(out, "Imported 2 cohort rows") {
		t.Fatalf("import: exit %d, %q, %q", code, out, errOut)
	}
	code, out, _ = cli(t, "", "benchmark", "--org", "acme", "--db", db)
	if code != 0 || strings.Contains(out, "needs the latest assessments of at least 5") || strings.Contains(out, "Secret Client") {
		t.Errorf("benchmark with six others:\n%s", out)
	}
	code, out, _ = cli(t, "", "benchmark", "--org", "acme", "--format", "json", "--db", db)
	if code != 0 || !strings.Contains(out, `"portfolio": {`) || strings.Contains(out, "Secret Client") {
		t.Errorf("benchmark json:\n%s", out)
	}
	if code, _, errOut = cli(t, "", "benchmark", "clear", "--db", db); code != 1 || !strings.Contains(errOut, "pass --yes") {
		t.Errorf("clear with no terminal: exit %d, %q", code, errOut)
	}
	if code, out, _ = cli(t, "", "benchmark", "clear", "--yes", "--db", db); code != 0 || !strings.Contains(out, "Removed 2 imported cohort rows.") {
		t.Errorf("clear --yes: exit %d, %q", code, out)
	}
	if code, _, errOut = cli(t, "", "benchmark", "--org", "Initech", "--db", db); code != 1 || !strings.Contains(errOut, `no organization is named "Initech"`) {
		t.Errorf("unknown organization: exit %d, %q", code, errOut)
	}
}

// A cohort file with any problem is reported by file and line, and
// nothing is stored.
func TestBenchmarkImportRefusesBadInputWhole(t *testing.T) {
	for _, tc := range []struct {
		name, file, text string
		want             []string
	}{
		{"unknown column", "c.csv", "overall,listen\n50,60\n", []string{"c.csv:1: column \"listen\" is neither overall nor a pillar id (pillars: relationships, value, culture)"}},
		{"out of range", "c.csv", "overall,value\n50,60\n\n101,20\n", []string{"c.csv:4: overall: 101 is not a score from 0 to 100"}},
		{"not a number", "c.csv", "overall\n50\nhigh\n", []string{`c.csv:3: overall: "high" is not a score from 0 to 100`}},
		{"no score", "c.csv", "overall,value\n50,60\n,\n", []string{"c.csv:3: the row has no score"}},
		{"ragged", "c.csv", "overall,value\n50\n", []string{"c.csv:2: wrong number of fields"}},
		{"empty", "c.csv", "", []string{"c.csv:1: the file is empty"}},
		{"header only", "c.csv", "overall\n", []string{"c.csv:1: no rows"}},
		{"json unknown pillar", "c.json", "[\n  {\"overall\": 50},\n  {\"pillars\": {\"nope\": 3}}\n]\n", []string{`c.json:3: "nope" is not a pillar id`}},
		{"json unknown field", "c.json", "[\n  {\"overall\": 50, \"name\": \"Acme\"}\n]", []string{`c.json:2: unknown field "name"`}},
		{"json wrong type", "c.json", "[\n  {\"overall\": 50},\n  {\"overall\": \"50\"}\n]", []string{"c.json:3: overall: a JSON string where a score from 0 to 100 or null belongs"}},
		{"json not an array", "c.json", `{"overall": 50}`, []string{"c.json:1: a JSON cohort is an array of rows"}},
		{"json cut short", "c.json", "[\n {\"overall\": 50},\n", []string{"c.json:"}},
		{"json negative", "c.json", "[{\"pillars\": {\"value\": -1}}]", []string{"c.json:1: value: -1 is not a score from 0 to 100"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			db := tempDB(t)
			importAt(t, db, "Acme", 1, 2)
			code, out, errOut := cli(t, "", "benchmark", "import", writeFile(t, tc.file, tc.text), "--db", db)
			if code != 1 {
				t.Errorf("exit %d, %q", code, out)
			}
			for _, w := range tc.want {
				if !strings.Contains(errOut, w) {
					t.Errorf("stderr %q; want %q", errOut, w)
				}
			}
			if code, out, _ := cli(t, "", "benchmark", "clear", "--yes", "--db", db); code != 0 || !strings.Contains(out, "Removed 0 ") {
				t.Errorf("something was stored: %q", out)
			}
		})
	}
}

func TestParseCohortReadsBothFormats(t *testing.T) {
	bank, err := questions.Default()
	if err != nil {
		t.Fatal(err)
	}
	csvRows, err := parseCohort("c.csv", []byte("\uFEFFculture, overall\n80,62.5\n,40\n"), bank)
	if err != nil {
		t.Fatal(err)
	}
	jsonRows, err := parseCohort("stdin", []byte(`[{"overall": 62.5, "pillars": {"culture": 80}}, {"overall": 40, "pillars": {"culture": null}}]`), bank)
	if err != nil {
		t.Fatal(err)
	}
	for _, rows := range [][]assess.PortfolioEntry{csvRows, jsonRows} {
		if len(rows) != 2 || rows[0].Overall != assess.Scored(62.5) || len(rows[0].Pillars) != 1 || rows[0].Pillars[0] != (assess.PillarScore{ID: "culture", Score: assess.Scored(80)}) ||
			rows[1].Overall != assess.Scored(40) || len(rows[1].Pillars) != 0 || !rows[0].Imported {
			t.Errorf("rows = %+v", rows)
		}
	}
}

func FuzzParseCohort(f *testing.F) {
	bank, err := questions.Default()
	if err != nil {
		f.Fatal(err)
	}
	for _, seed := range []string{
		"overall,relationships\n50,60\n",
		"culture\n\"80\"\n# x\n,\n",
		`[{"overall": 1, "pillars": {"value": 2}}]`,
		"[\n{\"overall\": null}]",
		"[1,2]",
		"overall,overall\n1,2\n",
	} {
		f.Add("c.csv", []byte(seed))
		f.Add("c.json", []byte(seed))
	}
	f.Fuzz(func(t *testing.T, name string, data []byte) {
		rows, err := parseCohort(name, data, bank)
		if err != nil {
			var ps questions.Problems
			if !errors.As(err, &ps) || len(ps) == 0 || rows != nil {
				t.Fatalf("err %v (%T), rows %v", err, err, rows)
			}
			for _, p := range ps {
				if p.Line < 1 {
					t.Errorf("problem without a line: %v", p)
				}
			}
			return
		}
		if len(rows) == 0 {
			t.Fatal("no rows and no problem")
		}
		for _, r := range rows {
			scored := r.Overall.Valid
			for _, p := range append([]assess.PillarScore{{ID: "overall", Score: r.Overall}}, r.Pillars...) {
				if p.ID != "overall" && !isPillar(bank, p.ID) {
					t.Errorf("unknown pillar %q", p.ID)
				}
				if p.Score.Valid && (p.Score.Value < 0 || p.Score.Value > 100) {
					t.Errorf("score out of range: %+v", p)
				}
				scored = scored || p.Score.Valid
			}
			if !scored || !r.Imported || r.OrgID != "" {
				t.Errorf("row %+v", r)
			}
		}
	})
}

// Issue 13: show (and so every export) carries the organization's targets.
func TestShowCarriesTheOrganizationsTargets(t *testing.T) {
	db := tempDB(t)
	if code, _, errOut := cli(t, "", "import", "--db", db, "testdata/answers.json"); code != 0 {
		t.Fatal(errOut)
	}
	if code, _, errOut := cli(t, "", "target", "set", "--db", db, "--org", "acme", "70"); code != 0 {
		t.Fatal(errOut)
	}
	code, out, errOut := cli(t, "", "list", "--db", db, "--format", "json")
	var rows []struct {
		ID string `json:"id"`
	}
	if err := json.Unmarshal([]byte(out), &rows); code != 0 || err != nil || len(rows) != 1 {
		t.Fatalf("list: %v %s", err, errOut)
	}
	for _, format := range []string{"text", "md"} {
		_, out, _ = cli(t, "", "show", "--db", db, rows[0].ID, "--format", format)
		if !strings.Contains(out, "Targets") || !strings.Contains(out, "70.0") {
			t.Errorf("show --format %s lacks the target:\n%s", format, out)
		}
	}
}
