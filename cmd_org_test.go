package main

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"
)

// importAt stores one assessment of org completed on day (of January
// 2026), answering eng-channels at level.
func importAt(t *testing.T, db, org string, day, level int) string {
	t.Helper()
	return importOne(t, db, fmt.Sprintf(`{"org": %q, "completed_at": "2026-01-%02dT09:00:00Z", "answers": {"eng-channels": %d, "eng-audiences": %d}}`, org, day, level, level))
}

// onTerminal makes the commands see a terminal on standard input for the
// test.
func onTerminal(t *testing.T) {
	t.Helper()
	was := stdinIsTerminal
	stdinIsTerminal = func(*app) bool { return true }
	t.Cleanup(func() { stdinIsTerminal = was })
}

func orgList(t *testing.T, db string) string {
	t.Helper()
	code, out, errOut := cli(t, "", "org", "list", "--db", db)
	if code != 0 {
		t.Fatalf("org list: exit %d: %s", code, errOut)
	}
	return out
}

func TestOrgListRenameAndMerge(t *testing.T) {
	db := tempDB(t)
	if out := orgList(t, db); !strings.Contains(out, "No organizations yet") {
		t.Errorf("empty org list = %q", out)
	}
	importAt(t, db, "Acme", 1, 1)
	importAt(t, db, "ACME Corp", 2, 2)
	importAt(t, db, " acme ", 3, 3)
	importAt(t, db, "Globex", 4, 4)
	out := orgList(t, db)
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 4 || !strings.HasPrefix(lines[1], "Acme ") || !strings.Contains(lines[1], " 2 ") || !strings.HasPrefix(lines[2], "ACME Corp ") || !strings.HasPrefix(lines[3], "Globex ") {
		t.Errorf("org list =\n%s", out)
	}

	for _, tc := range []struct {
		name string
		args []string
		code int
		want string
	}{
		{"rename", []string{"org", "rename", "globex", "Globex Inc"}, 0, `"globex" is now named "Globex Inc".`},
		{"rename to a taken name", []string{"org", "rename", "Globex Inc", "ACME corp"}, 1, `another organization is already named "ACME corp": to join their histories, use socialmaturity org merge`},
		{"rename an unknown organization", []string{"org", "rename", "Initech", "X"}, 1, `no organization is named "Initech"`},
		{"rename to nothing", []string{"org", "rename", "Acme", " "}, 1, "an organization needs a name"},
		{"merge into itself", []string{"org", "merge", "ACME", "acme"}, 1, `"ACME" and "acme" are the same organization`},
		{"merge an unknown organization", []string{"org", "merge", "Initech", "Acme"}, 1, `no organization is named "Initech"`},
		{"merge with no terminal and no --yes", []string{"org", "merge", "ACME Corp", "Acme"}, 1, "there is no terminal to ask on: pass --yes"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			code, out, errOut := cli(t, "", append(tc.args, "--db", db)...)
			if code != tc.code || !strings.Contains(out+errOut, tc.want) {
				t.Errorf("exit %d, %q%q; want %d, %q", code, out, errOut, tc.code, tc.want)
			}
		})
	}
	if after := orgList(t, db); !strings.Contains(after, "ACME Corp") || !strings.Contains(after, "Globex Inc") {
		t.Errorf("after the refused merge:\n%s", after)
	}

	onTerminal(t)
	code, out, errOut := cli(t, "n\n", "org", "merge", "ACME Corp", "Acme", "--db", db)
	if code != 1 || !strings.Contains(out, `Merge "ACME Corp" (1 assessments) into "Acme" (2 assessments)?`) || !strings.Contains(errOut, "nothing merged") {
		t.Errorf("merge answered no: exit %d, %q, %q", code, out, errOut)
	}
	if code, out, errOut = cli(t, "y\n", "org", "merge", "ACME Corp", "Acme", "--db", db); code != 0 || !strings.Contains(out, `"ACME Corp" is merged into "Acme", which has 3 assessments.`) {
		t.Fatalf("merge answered yes: exit %d, %q, %q", code, out, errOut)
	}
	lines = strings.Split(strings.TrimSpace(orgList(t, db)), "\n")
	if len(lines) != 3 || !strings.HasPrefix(lines[1], "Acme ") || !strings.Contains(lines[1], " 3 ") || !strings.HasSuffix(lines[1], "ACME Corp") {
		t.Errorf("org list after merge:\n%s", strings.Join(lines, "\n"))
	}
	// The merged name names the merged organization.
	code, out, _ = cli(t, "", "trend", "--org", "acme corp", "--format", "json", "--db", db)
	var trend struct {
		Points []json.RawMessage `json:"points"`
	}
	if err := json.Unmarshal([]byte(out), &trend); code != 0 || err != nil || len(trend.Points) != 3 {
		t.Errorf("trend of the merged name: exit %d, %v, %s", code, err, out)
	}
}

func TestTargetSetShowClear(t *testing.T) {
	db := tempDB(t)
	importAt(t, db, "Acme", 1, 1)
	importAt(t, db, "Acme", 2, 3)
	for _, tc := range []struct {
		name string
		args []string
		code int
		want string
	}{
		{"no targets yet", []string{"target", "show", "--org", "acme"}, 0, `"Acme" has no targets`},
		{"overall", []string{"target", "set", "--org", "ACME", "70"}, 0, `Target of "Acme" for the overall score: 70.0.`},
		{"a pillar", []string{"target", "set", "--org", "acme", "--pillar", "relationships", "60.5"}, 0, `Target of "Acme" for Relationships beyond customers: 60.5.`},
		{"a key action", []string{"target", "set", "--org", "acme", "--key-action", "engagement", "90"}, 0, `Target of "Acme" for Focus on sustained engagement: 90.0.`},
		{"above 100", []string{"target", "set", "--org", "acme", "101"}, 1, `"101" is not a target score: give a number from 0 to 100`},
		{"not a number", []string{"target", "set", "--org", "acme", "high"}, 1, `"high" is not a target score`},
		{"an unknown pillar", []string{"target", "set", "--org", "acme", "--pillar", "nope", "50"}, 1, `no pillar has id "nope" (pillars: relationships, value, culture)`},
		{"an unknown key action", []string{"target", "set", "--org", "acme", "--key-action", "nope", "50"}, 1, `no key action has id "nope"`},
		{"an unknown organization", []string{"target", "set", "--org", "Initech", "50"}, 1, `no organization is named "Initech"`},
		{"no organization", []string{"target", "set", "50"}, 1, "socialmaturity target set needs --org NAME"},
		{"both a pillar and a key action", []string{"target", "set", "--org", "acme", "--pillar", "value", "--key-action", "engagement", "50"}, 1, "none of the others can be"},
		{"show", []string{"target", "show", "--org", "acme"}, 0, "Overall score                   70.0    "},
		{"clear a pillar", []string{"target", "clear", "--org", "acme", "--pillar", "relationships"}, 0, `Removed the target of "Acme" for Relationships beyond customers.`},
		{"clear it again", []string{"target", "clear", "--org", "acme", "--pillar", "relationships"}, 1, `"Acme" has no target for Relationships beyond customers`},
		{"clear all", []string{"target", "clear", "--org", "acme", "--all"}, 0, `Removed every target of "Acme".`},
		{"none left", []string{"target", "show", "--org", "acme"}, 0, `"Acme" has no targets`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			code, out, errOut := cli(t, "", append(tc.args, "--db", db)...)
			if code != tc.code || !strings.Contains(out+errOut, tc.want) {
				t.Errorf("exit %d, %q%q; want %d, %q", code, out, errOut, tc.code, tc.want)
			}
		})
	}
}

func TestTargetShowIsEachTargetAgainstTheLatestScore(t *testing.T) {
	db := tempDB(t)
	importAt(t, db, "Acme", 1, 4)
	for _, args := range [][]string{{"80"}, {"--key-action", "engagement", "50"}, {"--pillar", "culture", "40"}} {
		if code, _, errOut := cli(t, "", append([]string{"target", "set", "--org", "Acme", "--db", db}, args...)...); code != 0 {
			t.Fatal(errOut)
		}
	}
	_, out, _ := cli(t, "", "target", "show", "--org", "Acme", "--db", db)
	lines := strings.Split(out, "\n")
	want := []string{
		"Part                           Target  Latest  Gap",
		"Overall score                  80.0    ",
		"Focus on sustained engagement  50.0    100.0   0.0",
		"Culture                        40.0    –       –",
	}
	for i, w := range want {
		if i >= len(lines) || !strings.HasPrefix(lines[i], w) {
			t.Errorf("line %d = %q; want it to start %q\n%s", i, lines[i], w, out)
		}
	}
}

func TestTrendCommand(t *testing.T) {
	db := tempDB(t)
	importAt(t, db, "Acme", 1, 1)
	if code, out, errOut := cli(t, "", "trend", "--org", "acme", "--db", db); code != 0 || !strings.Contains(out, "Over time: Acme") {
		t.Errorf("trend of one assessment: exit %d, %q, %q", code, out, errOut)
	}
	importAt(t, db, "ACME", 2, 3)
	code, out, _ := cli(t, "", "trend", "--org", "acme", "--format", "csv", "--db", db)
	if code != 0 || !strings.HasPrefix(out, "assessment_id,completed_at,part,id,title,score\n") || strings.Count(out, "\n") < 3 {
		t.Errorf("trend csv: exit %d\n%s", code, out)
	}
	if _, out, _ = cli(t, "", "trend", "--org", "acme", "--db", db); !strings.Contains(out, "Focus on sustained engagement") {
		t.Errorf("trend text names no key action:\n%s", out)
	}
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"--org", "Initech"}, `no organization is named "Initech"`},
		{[]string{}, "needs --org NAME"},
		{[]string{"--org", "acme", "--format", "md"}, "md"},
	} {
		if code, _, errOut := cli(t, "", append([]string{"trend", "--db", db}, tc.args...)...); code != 1 || !strings.Contains(errOut, tc.want) {
			t.Errorf("trend %v: exit %d, %q", tc.args, code, errOut)
		}
	}
	// An organization with a draft only has no trend.
	if code, _, errOut := cli(t, `{"org": "Drafty", "answers": {"eng-channels": 1}}`, "import", "--draft", "--db", db, "-"); code != 0 {
		t.Fatal(errOut)
	}
	if code, _, errOut := cli(t, "", "trend", "--org", "drafty", "--db", db); code != 1 || !strings.Contains(errOut, `"drafty" has no completed assessment yet`) {
		t.Errorf("trend of a draft only: exit %d, %q", code, errOut)
	}
}
