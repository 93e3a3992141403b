package main

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"socialmaturity/assess"
	"socialmaturity/store"
)

func tempDB(t *testing.T) string {
	t.Helper()
	return filepath.Join(t.TempDir(), "sm.db")
}

func importOne(t *testing.T, db, stdin string) string {
	t.Helper()
	code, out, errOut := cli(t, stdin, "import", "--db", db, "-")
	if code != 0 {
		t.Fatalf("import: exit %d: %s", code, errOut)
	}
	return strings.TrimSpace(out)
}

func TestImportListShowCompareDelete(t *testing.T) {
	db := tempDB(t)
	code, out, errOut := cli(t, "", "import", "--db", db, "testdata/answers.json")
	if code != 0 {
		t.Fatalf("import: exit %d: %s", code, errOut)
	}
	first := strings.TrimSpace(out)
	second := importOne(t, db, `{"org": "acme ", "respondent": "Lee", "answers": {"eng-channels": 4, "lis-uses": 3}}`)
	importOne(t, db, `{"org": "Globex", "answers": {"eng-channels": 1}}`)

	code, out, _ = cli(t, "", "list", "--db", db, "--format", "json")
	var list []struct {
		ID          string   `json:"id"`
		Org         string   `json:"org"`
		Respondent  string   `json:"respondent"`
		CompletedAt string   `json:"completed_at"`
		Overall     *float64 `json:"overall"`
		Stage       *struct {
			Number int    `json:"number"`
			Name   string `json:"name"`
		} `json:"stage"`
	}
	if err := json.Unmarshal([]byte(out), &list); err != nil || code != 0 {
		t.Fatalf("list json: %v, exit %d", err, code)
	}
	if len(list) != 3 || list[0].Org != "Globex" || list[2].ID != first || list[2].Overall == nil || list[2].Stage == nil || list[2].CompletedAt == "" {
		t.Errorf("list = %+v", list)
	}

	code, out, _ = cli(t, "", "list", "--db", db, "--org", "ACME")
	if code != 0 || strings.Contains(out, "Globex") || !strings.Contains(out, "Dana") || !strings.Contains(out, "Lee") || !strings.Contains(out, first[:assess.ShortIDLen]) {
		t.Errorf("list --org:\n%s", out)
	}
	code, out, _ = cli(t, "", "list", "--db", db, "--format", "csv")
	rows, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	if err != nil || code != 0 || len(rows) != 4 || rows[0][0] != "id" || rows[0][len(rows[0])-1] != "culture" {
		t.Errorf("csv = %v, %v", rows, err)
	}

	code, out, _ = cli(t, "", "show", "--db", db, first[:assess.ShortIDLen], "--format", "json")
	var shown struct {
		ID          string         `json:"id"`
		Org         string         `json:"org"`
		CompletedAt string         `json:"completed_at"`
		Answers     map[string]any `json:"answers"`
		Overall     *float64       `json:"overall"`
		Pillars     []any          `json:"pillars"`
		Recs        []any          `json:"recommendations"`
	}
	if err := json.Unmarshal([]byte(out), &shown); err != nil || code != 0 {
		t.Fatalf("show json: %v", err)
	}
	if shown.ID != first || shown.Answers["lis-practice"] != "unsure" || shown.Overall == nil || len(shown.Pillars) != 3 || len(shown.Recs) == 0 {
		t.Errorf("show = %+v", shown)
	}
	code, out, _ = cli(t, "", "show", "--db", db, second)
	if code != 0 || !strings.Contains(out, " since ") || !strings.Contains(out, "answered by Lee") {
		t.Errorf("show text:\n%s", out)
	}

	code, out, _ = cli(t, "", "compare", "--db", db, first, second, "--format", "json")
	var cmp struct {
		From, To string
		Overall  struct{ From, To, Delta *float64 }
		Pillars  []struct {
			ID    string
			Delta *float64
		}
		KeyActions []any `json:"key_actions"`
	}
	if err := json.Unmarshal([]byte(out), &cmp); err != nil || code != 0 {
		t.Fatalf("compare json: %v", err)
	}
	if cmp.From != first || cmp.Overall.Delta == nil || *cmp.Overall.Delta != *cmp.Overall.To-*cmp.Overall.From || len(cmp.Pillars) != 3 || len(cmp.KeyActions) != 9 {
		t.Errorf("compare = %+v", cmp)
	}
	code, out, _ = cli(t, "", "compare", "--db", db, first, second)
	if code != 0 || !strings.Contains(out, "before") || !strings.Contains(out, "Focus on sustained engagement") {
		t.Errorf("compare text:\n%s", out)
	}

	code, out, errOut = cli(t, "n\n", "delete", "--db", db, first)
	if code != 1 || !strings.Contains(out, "Delete assessment "+first) || !strings.Contains(errOut, "nothing deleted") {
		t.Errorf("delete answered n: exit %d, %q %q", code, out, errOut)
	}
	code, _, _ = cli(t, "y\n", "delete", "--db", db, first)
	if code != 0 {
		t.Errorf("delete answered y: exit %d", code)
	}
	code, _, errOut = cli(t, "", "show", "--db", db, first)
	if code != 1 || !strings.Contains(errOut, "no assessment or draft has id "+first) {
		t.Errorf("show deleted: exit %d %q", code, errOut)
	}
	if code, _, _ = cli(t, "", "delete", "--db", db, second, "--yes"); code != 0 {
		t.Errorf("delete --yes: exit %d", code)
	}
}

// QA M1: one bad file among several stores nothing, whatever the order.
func TestImportStoresNothingFromAnInvalidFile(t *testing.T) {
	db := tempDB(t)
	bad := filepath.Join(t.TempDir(), "bad.yaml")
	if err := os.WriteFile(bad, []byte("org: Bad\nanswers:\n  eng-channels: 9\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{{bad, "testdata/answers.json"}, {"testdata/answers.json", bad}} {
		code, out, errOut := cli(t, "", append([]string{"import", "--db", db}, args...)...)
		if code != 1 || out != "" || !strings.Contains(errOut, "bad.yaml:3: answer to eng-channels") {
			t.Errorf("import %v: exit %d, stored %q, %q", args, code, out, errOut)
		}
	}
	lines := `{"org": "A", "answers": {"eng-channels": 1}}` + "\n" + `{"org": "B", "answers": {"nope": 1}}` + "\n"
	code, out, errOut := cli(t, lines, "import", "--db", db, "-")
	if code != 1 || out != "" || !strings.Contains(errOut, `stdin:2: unknown question id "nope"`) {
		t.Errorf("JSON Lines with a bad line: exit %d, stored %q, %q", code, out, errOut)
	}
	if n := countListed(t, db); n != 0 {
		t.Errorf("%d stored after failed imports, want none", n)
	}
}

func TestImportManyJSONLines(t *testing.T) {
	db := tempDB(t)
	var in bytes.Buffer
	for i := range 500 {
		fmt.Fprintf(&in, `{"org": "Org %d", "respondent": "R%d", "answers": {"eng-channels": %d, "spe-team": "unsure"}}`+"\n", i%10, i, i%5)
	}
	code, out, errOut := cli(t, in.String(), "import", "--db", db, "-")
	if code != 0 || len(strings.Fields(out)) != 500 {
		t.Fatalf("exit %d, %d ids: %s", code, len(strings.Fields(out)), errOut)
	}
	if n := countListed(t, db, "--org", "org 3", "--limit", "100"); n != 50 {
		t.Errorf("one org of 500: %d listed, want 50", n)
	}
}

func TestDatabaseFailuresThroughTheCLI(t *testing.T) {
	garbage := filepath.Join(t.TempDir(), "garbage.db")
	data := bytes.Repeat([]byte("junk"), 5000)
	if err := os.WriteFile(garbage, data, 0o600); err != nil {
		t.Fatal(err)
	}
	code, _, errOut := cli(t, "", "list", "--db", garbage)
	if code != 1 || !strings.Contains(errOut, "is damaged or not a socialmaturity database") {
		t.Errorf("garbage: exit %d, %q", code, errOut)
	}
	if after, _ := os.ReadFile(garbage); !bytes.Equal(after, data) {
		t.Error("garbage file was modified")
	}

	db := tempDB(t)
	holder, err := store.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	if err := holder.Hold(); err != nil {
		t.Fatal(err)
	}
	defer holder.Close()
	code, _, errOut = cli(t, "", "list", "--db", db)
	if code != 1 || !strings.Contains(errOut, "database "+db+" is in use by another socialmaturity process") {
		t.Errorf("in use: exit %d, %q", code, errOut)
	}
	holder.Close()

	t.Setenv(store.EnvPath, db)
	if code, out, _ := cli(t, "", "db", "check"); code != 0 || !strings.Contains(out, db+": ok") {
		t.Errorf("db check via env: exit %d %q", code, out)
	}
	backup := filepath.Join(t.TempDir(), "copy.db")
	if code, _, errOut := cli(t, "", "db", "backup", backup); code != 0 {
		t.Errorf("backup: exit %d %q", code, errOut)
	}
	if code, _, errOut := cli(t, "", "db", "backup", backup); code != 1 || !strings.Contains(errOut, "already exists") {
		t.Errorf("backup over a file: exit %d %q", code, errOut)
	}
	if code, _, errOut := cli(t, "", "list", "--limit", "-1"); code != 1 || !strings.Contains(errOut, "--limit -1") {
		t.Errorf("negative limit: exit %d %q", code, errOut)
	}
}

// countListed is how many assessments list --format json prints.
func countListed(t *testing.T, db string, args ...string) int {
	t.Helper()
	code, out, errOut := cli(t, "", append([]string{"list", "--db", db, "--format", "json"}, args...)...)
	var items []map[string]any
	if err := json.Unmarshal([]byte(out), &items); err != nil || code != 0 {
		t.Fatalf("list: exit %d, %v, %s", code, err, errOut)
	}
	return len(items)
}

func TestExportAndImportBack(t *testing.T) {
	db := tempDB(t)
	code, out, errOut := cli(t, "", "import", "--db", db, "testdata/answers.json")
	if code != 0 {
		t.Fatalf("import: %s", errOut)
	}
	id := strings.TrimSpace(out)
	dir := t.TempDir()
	t.Chdir(dir)
	code, out, errOut = cli(t, "", "export", "--db", db, id[:assess.ShortIDLen])
	if code != 0 || !strings.Contains(out, "wrote acme-") || !strings.HasSuffix(strings.TrimSpace(out), ".html") {
		t.Fatalf("export: exit %d %q %q", code, out, errOut)
	}
	html, err := os.ReadFile(strings.TrimPrefix(strings.TrimSpace(out), "wrote "))
	if err != nil || !bytes.Contains(html, []byte("<svg")) {
		t.Fatalf("html file: %v", err)
	}
	for _, f := range []string{"md", "csv"} {
		if code, out, _ := cli(t, "", "export", "--db", db, id, "--format", f, "-o", "-"); code != 0 || len(out) < 500 {
			t.Errorf("export --format %s -o -: exit %d, %d bytes", f, code, len(out))
		}
	}
	code, exported, _ := cli(t, "", "export", "--db", db, id, "--format", "json", "-o", "-")
	if code != 0 {
		t.Fatal("json export failed")
	}
	other := tempDB(t)
	code, out, errOut = cli(t, exported, "import", "--db", other, "-")
	if code != 0 {
		t.Fatalf("import of an export: exit %d: %s", code, errOut)
	}
	_, before, _ := cli(t, "", "show", "--db", db, id, "--format", "json")
	_, after, _ := cli(t, "", "show", "--db", other, strings.TrimSpace(out), "--format", "json")
	var x, y map[string]any
	if json.Unmarshal([]byte(before), &x) != nil || json.Unmarshal([]byte(after), &y) != nil {
		t.Fatal("show json does not parse")
	}
	for _, k := range []string{"org", "respondent", "completed_at", "answers", "notes", "overall", "stage", "pillars", "recommendations"} {
		a, _ := json.Marshal(x[k])
		b, _ := json.Marshal(y[k])
		if !bytes.Equal(a, b) {
			t.Errorf("%s differs after export and import:\n%s\n%s", k, a, b)
		}
	}
	if code, md, _ := cli(t, "", "show", "--db", db, id, "--format", "md"); code != 0 || !strings.HasPrefix(md, "# An assessment of Acme") {
		t.Errorf("show --format md: exit %d", code)
	}
	if code, _, errOut := cli(t, "", "export", "--db", db, id, "--format", "xml"); code != 1 || !strings.Contains(errOut, `--format "xml"`) {
		t.Errorf("bad format: exit %d %q", code, errOut)
	}
}

// History imported out of order is listed, and compared, by completion.
func TestImportKeepsCompletionOrder(t *testing.T) {
	db := tempDB(t)
	later := `{"org": "Acme", "completed_at": "2026-05-01T09:00:00Z", "answers": {"eng-channels": 4}}`
	earlier := `{"org": "Acme", "completed_at": "2025-05-01T09:00:00Z", "answers": {"eng-channels": 1}}`
	importOne(t, db, later)
	importOne(t, db, earlier)
	code, out, _ := cli(t, "", "list", "--db", db, "--format", "json")
	var items []struct {
		CompletedAt string `json:"completed_at"`
	}
	if err := json.Unmarshal([]byte(out), &items); err != nil || code != 0 || len(items) != 2 {
		t.Fatalf("list: %v", err)
	}
	if !strings.HasPrefix(items[0].CompletedAt, "2026-05-01") || !strings.HasPrefix(items[1].CompletedAt, "2025-05-01") {
		t.Errorf("listed %v, want newest completion first", items)
	}
}

func TestListPages(t *testing.T) {
	db := tempDB(t)
	var in strings.Builder
	for i := range 7 {
		fmt.Fprintf(&in, `{"org": "Org %d", "answers": {"eng-channels": "unsure"}}`+"\n", i)
	}
	importOne(t, db, in.String())
	code, out, _ := cli(t, "", "list", "--db", db, "--limit", "5")
	if code != 0 || !strings.Contains(out, "(more: --before ") {
		t.Fatalf("first page:\n%s", out)
	}
	next := strings.TrimSuffix(strings.Fields(out[strings.Index(out, "--before "):])[1], ")")
	if n := countListed(t, db, "--before", next); n != 2 {
		t.Errorf("second page has %d, want 2", n)
	}
}

// QA m9: importing the same answers twice is refused unless asked for, and
// an assessment with nothing answered is refused.
func TestImportRefusesDuplicatesAndEmptyAssessments(t *testing.T) {
	db := tempDB(t)
	if code, _, errOut := cli(t, "", "import", "--db", db, "testdata/answers.json"); code != 0 {
		t.Fatalf("first import: %s", errOut)
	}
	code, out, errOut := cli(t, "", "import", "--db", db, "testdata/answers.json")
	if code != 1 || out != "" || !strings.Contains(errOut, "testdata/answers.json: already stored as ") || !strings.Contains(errOut, "--allow-duplicates") {
		t.Errorf("second import: exit %d, %q, %q", code, out, errOut)
	}
	if code, out, _ = cli(t, "", "import", "--db", db, "--allow-duplicates", "testdata/answers.json"); code != 0 || out == "" {
		t.Errorf("--allow-duplicates: exit %d", code)
	}
	code, out, errOut = cli(t, `{"org": "Empty", "answers": {}}`, "import", "--db", db, "-")
	if code != 1 || out != "" || !strings.Contains(errOut, "nothing is answered") {
		t.Errorf("nothing answered: exit %d, %q, %q", code, out, errOut)
	}
	if n := countListed(t, db); n != 2 {
		t.Errorf("%d stored, want 2", n)
	}
}

// QA M8, m1: machine formats list every row, --limit 0 means all, a cut
// listing says where to go on, and an empty listing says why.
func TestListFormatsAndEmptyListings(t *testing.T) {
	db := tempDB(t)
	var in strings.Builder
	for i := range 63 {
		fmt.Fprintf(&in, `{"org": "Acme Corp %d", "respondent": "R%d", "answers": {"eng-channels": %d}}`+"\n", i%3, i, i%5)
	}
	importOne(t, db, in.String())
	if n := countListed(t, db); n != 63 {
		t.Errorf("list --format json: %d rows, want 63", n)
	}
	code, out, _ := cli(t, "", "list", "--db", db, "--format", "csv")
	if rows, err := csv.NewReader(strings.NewReader(out)).ReadAll(); code != 0 || err != nil || len(rows) != 64 {
		t.Errorf("list --format csv: %d rows, %v", len(rows), err)
	}
	code, out, _ = cli(t, "", "list", "--db", db, "--limit", "0")
	if code != 0 || strings.Count(out, "\n") != 64 || strings.Contains(out, "--before") {
		t.Errorf("list --limit 0: %d lines", strings.Count(out, "\n"))
	}
	code, out, errOut := cli(t, "", "list", "--db", db, "--format", "json", "--limit", "10")
	var items []map[string]any
	if err := json.Unmarshal([]byte(out), &items); err != nil || code != 0 || len(items) != 10 || !strings.Contains(errOut, "(more: --before ") {
		t.Errorf("json page of 10: %d items, %v, stderr %q", len(items), err, errOut)
	}
	if n := countListed(t, db, "--org", "acme corp 1"); n != 21 {
		t.Errorf("--org matches part of the name: %d, want 21", n)
	}
	if n := countListed(t, db, "--org", "CORP"); n != 63 {
		t.Errorf("--org CORP: %d, want 63", n)
	}
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"--org", "Nope"}, "No assessments for Nope."},
		{[]string{"--before", lastID(t, db)}, "No more assessments."},
	} {
		code, out, _ := cli(t, "", append([]string{"list", "--db", db}, c.args...)...)
		if code != 0 || strings.TrimSpace(out) != c.want {
			t.Errorf("list %v: exit %d, %q, want %q", c.args, code, out, c.want)
		}
	}
	if code, out, _ := cli(t, "", "list", "--db", tempDB(t)); code != 0 || !strings.Contains(out, "No assessments stored yet") {
		t.Errorf("empty database: %q", out)
	}
}

// lastID is the id of the oldest assessment listed.
func lastID(t *testing.T, db string) string {
	t.Helper()
	_, out, _ := cli(t, "", "list", "--db", db, "--format", "json")
	var items []struct{ ID string }
	if err := json.Unmarshal([]byte(out), &items); err != nil || len(items) == 0 {
		t.Fatalf("list: %v", err)
	}
	return items[len(items)-1].ID
}

// QA M11, M7: every document of a multi-document YAML file is imported,
// and JSON with surrogate pair escapes (as Python writes emoji) is read.
func TestImportReadsEveryDocumentAndEscapedEmoji(t *testing.T) {
	db := tempDB(t)
	multi := filepath.Join(t.TempDir(), "m.yaml")
	if err := os.WriteFile(multi, []byte("org: X\nanswers:\n  eng-channels: 3\n---\norg: Y\nanswers:\n  eng-channels: 1\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	code, out, errOut := cli(t, "", "import", "--db", db, multi)
	if code != 0 || len(strings.Fields(out)) != 2 {
		t.Fatalf("multi-document import: exit %d, %q, %s", code, out, errOut)
	}
	code, out, errOut = cli(t, `{"org": "\ud83d\ude80 Rocket", "answers": {"eng-channels": 2}}`, "import", "--db", db, "-")
	if code != 0 {
		t.Fatalf("surrogate pair: exit %d, %s", code, errOut)
	}
	code, out, _ = cli(t, "", "show", "--db", db, strings.TrimSpace(out), "--format", "json")
	if code != 0 || !strings.Contains(out, "🚀 Rocket") {
		t.Errorf("show: %s", out)
	}
}

// QA M9: delete finds drafts too.
func TestDeleteDiscardsADraft(t *testing.T) {
	db := tempDB(t)
	if code, _, errOut := cli(t, "2\n", "assess", "--accessible", "--org", "Stray", "--db", db); code == 2 {
		t.Fatalf("accessible run: %s", errOut)
	}
	code, out, _ := cli(t, "", "list", "--drafts", "--db", db)
	fields := strings.Fields(strings.SplitN(out, "\n", 3)[1])
	if code != 0 || len(fields) == 0 || !strings.Contains(out, "Stray") {
		t.Fatalf("no draft listed:\n%s", out)
	}
	code, out, errOut := cli(t, "y\n", "delete", "--db", db, fields[0])
	if code != 0 || !strings.Contains(out, "Delete "+fields[0]+"?") || !strings.Contains(out, "deleted ") {
		t.Fatalf("delete a draft: exit %d, %q, %q", code, out, errOut)
	}
	if _, out, _ := cli(t, "", "list", "--drafts", "--db", db); strings.Contains(out, "Stray") {
		t.Errorf("the draft is still there:\n%s", out)
	}
}

// QA m9: an assessment is not compared with itself.
func TestCompareRefusesTheSameAssessment(t *testing.T) {
	db := tempDB(t)
	id := importOne(t, db, `{"org": "Acme", "answers": {"eng-channels": 2}}`)
	code, _, errOut := cli(t, "", "compare", "--db", db, id, id[:assess.ShortIDLen])
	if code != 1 || !strings.Contains(errOut, "compare needs two different assessments") {
		t.Errorf("exit %d, %q", code, errOut)
	}
}

// QA M3: --format is never silently ignored with --drafts.
func TestListDraftsHonoursTheFormat(t *testing.T) {
	db := tempDB(t)
	if code, _, errOut := cli(t, "2\n", "assess", "--accessible", "--org", "=Draft Co", "--db", db); code == 2 {
		t.Fatalf("accessible run: %s", errOut)
	}
	code, out, errOut := cli(t, "", "list", "--drafts", "--format", "json", "--db", db)
	var rows []struct {
		Org      string `json:"org"`
		Answered int    `json:"answered"`
	}
	if err := json.Unmarshal([]byte(out), &rows); code != 0 || err != nil || len(rows) != 1 || rows[0].Org != "=Draft Co" || rows[0].Answered != 1 {
		t.Errorf("--drafts --format json: exit %d, %v, %q, %q", code, err, out, errOut)
	}
	code, out, errOut = cli(t, "", "list", "--drafts", "--format", "csv", "--db", db)
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if code != 0 || len(lines) != 2 || !strings.HasPrefix(lines[0], "id,org,") || !strings.Contains(lines[1], ",'=Draft Co,") {
		t.Errorf("--drafts --format csv: exit %d, %q, %q", code, out, errOut)
	}
}

// QA: show, export and compare of a draft's id say it is a draft in
// progress and how to resume it (with the database given), not that no
// assessment has the id.
func TestShowDraftSaysHowToResume(t *testing.T) {
	db := tempDB(t)
	code, out, errOut := cli(t, `{"org": "Acme", "answers": {"eng-channels": 2}}`, "import", "--draft", "--db", db, "-")
	if code != 0 {
		t.Fatalf("import --draft: exit %d: %s", code, errOut)
	}
	id := strings.TrimSpace(out)
	done := importOne(t, db, `{"org": "Acme", "answers": {"eng-channels": 3}}`)
	for _, args := range [][]string{{"show", id}, {"export", id, "-o", "-"}, {"compare", done, id}} {
		code, _, errOut := cli(t, "", append(args, "--db", db)...)
		if code != 1 || !strings.Contains(errOut, id+" is a draft in progress for Acme (1 of 29 questions answered so far)") ||
			!strings.Contains(errOut, "run socialmaturity --db "+db+" and choose Resume") {
			t.Errorf("%s: exit %d, %q", args[0], code, errOut)
		}
	}
	if code, _, errOut := cli(t, "", "show", "zzzz", "--db", db); code != 1 || !strings.Contains(errOut, "no assessment or draft has id zzzz") {
		t.Errorf("show of an unknown id: exit %d, %q", code, errOut)
	}
}

// QA: import names the file (and the document in it) that has nothing
// answered.
func TestImportNothingAnsweredNamesTheFile(t *testing.T) {
	db := tempDB(t)
	path := filepath.Join(t.TempDir(), "team.yaml")
	if err := os.WriteFile(path, []byte("org: A\nanswers:\n  eng-channels: 2\n---\norg: B\nanswers: {}\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	code, _, errOut := cli(t, "", "import", "--db", db, path)
	if code != 1 || !strings.Contains(errOut, path+" (assessment 2): nothing is answered") {
		t.Errorf("exit %d, %q", code, errOut)
	}
}
