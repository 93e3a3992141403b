package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/spf13/cobra"

	"socialmaturity/assess"
	"socialmaturity/messages"
	"socialmaturity/questions"
	"socialmaturity/store"
	"socialmaturity/tui"
)

// shownJSON is what show --format json says of an assessment's bank and
// result.
type shownJSON struct {
	Bank    assess.BankRef `json:"bank"`
	Overall *float64       `json:"overall"`
	Total   int            `json:"total"`
	Stage   struct {
		Number int    `json:"number"`
		Name   string `json:"name"`
	} `json:"stage"`
}

func showJSON(t *testing.T, db, id string) shownJSON {
	t.Helper()
	code, out, errOut := cli(t, "", "show", "--db", db, id, "--format", "json")
	var s shownJSON
	if err := json.Unmarshal([]byte(out), &s); code != 0 || err != nil {
		t.Fatalf("show %s: exit %d, %v, %s", id, code, err, errOut)
	}
	return s
}

// Issue 10: an export made with bank v1 imports with v1, and shows,
// exports and imports again exactly as it was scored; compared with a v2
// assessment, the comparison says it uses the questions both share.
func TestAV1ExportImportsAndShowsWithItsOwnBank(t *testing.T) {
	v1, ok := questions.Builtin(questions.DefaultBankID, 1, "en")
	if !ok {
		t.Fatal("bank v1 is not built in")
	}
	db := tempDB(t)
	code, out, errOut := cli(t, "", "import", "--db", db, "testdata/answers-v1.json")
	if code != 0 {
		t.Fatalf("import a v1 file: exit %d: %s", code, errOut)
	}
	id := strings.TrimSpace(out)
	data, err := os.ReadFile("testdata/answers-v1.json")
	if err != nil {
		t.Fatal(err)
	}
	sub, err := assess.ParseAssessments("v1", data, v1)
	if err != nil {
		t.Fatal(err)
	}
	want := assess.Evaluate(v1, sub[0].Answers, assess.Targets{})
	shown := showJSON(t, db, id)
	if shown.Bank != assess.RefOf(v1) || shown.Total != v1.QuestionCount() || shown.Overall == nil ||
		*shown.Overall != assess.Round(want.Overall.Value) || shown.Stage.Name != want.Stage.Name {
		t.Errorf("shown %+v, want bank v1, %d questions, %v, %q", shown, v1.QuestionCount(), want.Overall, want.Stage.Name)
	}
	code, text, _ := cli(t, "", "show", "--db", db, id)
	if code != 0 || !strings.Contains(text, want.Stage.Name) {
		t.Errorf("show text lacks the v1 stage %q:\n%s", want.Stage.Name, text)
	}
	code, exported, _ := cli(t, "", "export", "--db", db, id, "--format", "json", "-o", "-")
	if code != 0 {
		t.Fatal("export failed")
	}
	other := tempDB(t)
	again := importOne(t, other, exported)
	if got := showJSON(t, other, again); got.Bank != shown.Bank || *got.Overall != *shown.Overall || got.Total != shown.Total || got.Stage != shown.Stage {
		t.Errorf("after export and import: %+v, want %+v", got, shown)
	}
	later := importOne(t, db, `{"org": "Acme", "answers": {"eng-channels": 4, "int-efficiency": 3}}`)
	code, cmp, errOut := cli(t, "", "compare", "--db", db, id, later)
	if code != 0 || !strings.Contains(cmp, "version") {
		t.Errorf("compare across versions: exit %d, %s\n%s", code, errOut, cmp)
	}
}

// failingStore refuses every draft save once a draft has three answers,
// as a full disk or a locked database would.
type failingStore struct{ *store.Store }

func (f failingStore) SaveDraft(d *assess.Assessment) error {
	if len(d.Answers) >= 3 {
		return errors.New("disk full")
	}
	return f.Store.SaveDraft(d)
}

// Issue 10 (item 3): answers the database refused are rescued to a file;
// import --draft puts them back into their draft, and resuming it shows
// every answer and note.
func TestRescuedAnswersImportAsADraftAndResume(t *testing.T) {
	if testing.Short() {
		t.Skip("waits out the walk's retries")
	}
	db := tempDB(t)
	s, err := store.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	bank, err := questions.Default()
	if err != nil {
		t.Fatal(err)
	}
	o := tui.Options{Store: failingStore{s}, Bank: bank, Cat: messages.English(), Start: tui.StartWalk, Org: "Rescue Co",
		Rescue: rescueWriter(filepath.Dir(db))}
	var out lockedBuffer
	err = tui.RunAccessible(context.Background(), o, strings.NewReader("2\n3 weekly calendar\n?\n1\n"), &out)
	var unsaved *tui.UnsavedError
	if !errors.As(err, &unsaved) || unsaved.Path == "" {
		t.Fatalf("err = %v, want answers rescued to a file\n%s", err, out.String())
	}
	if !strings.Contains(err.Error(), "socialmaturity import --draft "+unsaved.Path) {
		t.Errorf("the message does not say how to resume: %v", err)
	}
	code, ids, errOut := cli(t, "", "import", "--draft", "--db", db, unsaved.Path)
	if code != 0 || !strings.Contains(errOut, "choose Resume") {
		t.Fatalf("import --draft: exit %d, %s", code, errOut)
	}
	ds := draftsIn(t, db)
	if len(ds) != 1 || ds[0].ID != strings.TrimSpace(ids) {
		t.Fatalf("drafts = %v, want the rescued one merged into its draft %s", ds, ids)
	}
	qs := bank.Pillars[0].KeyActions[0].Questions // the first three questions
	first, second, third := qs[0].ID, qs[1].ID, qs[2].ID
	if len(ds[0].Answers) != 3 || ds[0].Answers[third] != assess.NotSure || ds[0].Notes[second] != "weekly calendar" {
		t.Errorf("draft answers %v, notes %v", ds[0].Answers, ds[0].Notes)
	}
	n := questionCount(t)
	code, walk, errOut := cli(t, "y\n"+strings.Repeat("2\n", n-3), "assess", "--accessible", "--org", "rescue co", "--db", db)
	if code != 0 || !strings.Contains(walk, fmt.Sprintf("already has a draft (2 answered, 1 not sure, of %d", n)) {
		t.Fatalf("resume: exit %d, %s\n%s", code, errOut, walk)
	}
	_, list, _ := cli(t, "", "list", "--db", db, "--format", "json")
	var items []struct{ ID string }
	if err := json.Unmarshal([]byte(list), &items); err != nil || len(items) != 1 {
		t.Fatalf("list: %v, %s", err, list)
	}
	_, shown, _ := cli(t, "", "show", "--db", db, items[0].ID, "--format", "json")
	var done struct {
		Answers map[string]any    `json:"answers"`
		Notes   map[string]string `json:"notes"`
	}
	if err := json.Unmarshal([]byte(shown), &done); err != nil {
		t.Fatal(err)
	}
	if len(done.Answers) != n || done.Answers[first] != float64(2) || done.Answers[second] != float64(3) || done.Answers[third] != "unsure" || done.Notes[second] != "weekly calendar" {
		t.Errorf("completed with %d answers %v, notes %v", len(done.Answers), done.Answers, done.Notes)
	}
	if code, _, errOut := cli(t, "", "import", "--draft", "--db", db, unsaved.Path); code != 1 || !strings.Contains(errOut, "already completed") {
		t.Errorf("resuming a completed draft again: exit %d, %s", code, errOut)
	}
}

// Issue 11: branding is set once per database, shown, used by every export
// and overridable per export; bad logos and colours are refused saying why.
func TestBrandSetShowClearAndExport(t *testing.T) {
	db := tempDB(t)
	dir := t.TempDir()
	logo := filepath.Join(dir, "logo.svg")
	if err := os.WriteFile(logo, []byte(`<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10"/></svg>`), 0o600); err != nil {
		t.Fatal(err)
	}
	if code, out, _ := cli(t, "", "brand", "show", "--db", db); code != 0 || !strings.Contains(out, "not branded") {
		t.Errorf("brand show before set: exit %d, %q", code, out)
	}
	if code, _, errOut := cli(t, "", "brand", "set", "--db", db); code != 1 || !strings.Contains(errOut, "at least one of --logo") {
		t.Errorf("brand set without flags: exit %d, %q", code, errOut)
	}
	if code, _, errOut := cli(t, "", "brand", "set", "--db", db, "--logo", logo, "--accent", "#15A", "--prepared-by", "Lee & Partners"); code != 0 {
		t.Fatalf("brand set: exit %d, %s", code, errOut)
	}
	code, out, _ := cli(t, "", "brand", "show", "--db", db)
	for _, want := range []string{"image/svg+xml", "#1155aa", "Lee & Partners"} {
		if code != 0 || !strings.Contains(out, want) {
			t.Errorf("brand show lacks %q:\n%s", want, out)
		}
	}
	for _, c := range []struct{ flag, value, want string }{
		{"--accent", "red", "#rgb or #rrggbb"},
		{"--logo", "testdata/answers.json", "not a PNG, JPEG or SVG"},
		{"--logo", "no/such.png", "no/such.png"},
	} {
		if code, _, errOut := cli(t, "", "brand", "set", "--db", db, c.flag, c.value); code != 1 || !strings.Contains(errOut, c.want) {
			t.Errorf("brand set %s %s: exit %d, %q", c.flag, c.value, code, errOut)
		}
	}
	id := importOne(t, db, `{"org": "Acme", "answers": {"eng-channels": 2}}`)
	code, html, errOut := cli(t, "", "export", "--db", db, id, "-o", "-")
	for _, want := range []string{"data:image/svg+xml;base64,", "#1155aa", "Lee &amp; Partners"} {
		if code != 0 || !strings.Contains(html, want) {
			t.Errorf("export with the stored branding lacks %s: exit %d, %s", want, code, errOut)
		}
	}
	code, html, _ = cli(t, "", "export", "--db", db, id, "-o", "-", "--accent", "#000000", "--prepared-by", "Kim", "--logo", "")
	if code != 0 || strings.Contains(html, "#1155aa") || !strings.Contains(html, "#000000") || !strings.Contains(html, "Kim") || strings.Contains(html, "data:image/svg+xml") {
		t.Errorf("export overriding the branding: exit %d", code)
	}
	if code, out, _ := cli(t, "", "brand", "show", "--db", db); !strings.Contains(out, "#1155aa") {
		t.Errorf("an export's override changed the stored branding: exit %d\n%s", code, out)
	}
	if code, _, _ := cli(t, "", "brand", "clear", "--db", db); code != 0 {
		t.Errorf("brand clear: exit %d", code)
	}
	if _, out, _ := cli(t, "", "brand", "show", "--db", db); !strings.Contains(out, "not branded") {
		t.Errorf("after clear:\n%s", out)
	}
}

// Issue 11: CSV for Excel has a byte-order mark and CRLF; --excel with
// another format is refused; a PDF without a browser says what to do.
func TestExportExcelAndPDFWithoutABrowser(t *testing.T) {
	db := tempDB(t)
	id := importOne(t, db, `{"org": "Acme", "answers": {"eng-channels": 2}}`)
	code, csv, _ := cli(t, "", "export", "--db", db, id, "--format", "csv", "--excel", "-o", "-")
	if code != 0 || !strings.HasPrefix(csv, "\ufeff") || !strings.Contains(csv, "\r\n") {
		t.Errorf("--excel: exit %d, %q", code, csv[:min(len(csv), 80)])
	}
	if code, _, errOut := cli(t, "", "export", "--db", db, id, "--excel"); code != 1 || !strings.Contains(errOut, "--excel is for CSV") {
		t.Errorf("--excel with HTML: exit %d, %q", code, errOut)
	}
	t.Setenv("PATH", t.TempDir())
	code, _, errOut := cli(t, "", "export", "--db", db, id, "--format", "pdf", "-o", filepath.Join(t.TempDir(), "r.pdf"))
	if code != 1 || !strings.Contains(errOut, "Chrome or Chromium") || !strings.Contains(errOut, "--format html") {
		t.Errorf("pdf without a browser: exit %d, %q", code, errOut)
	}
}

// Issue 14: compare writes Markdown and HTML for a client, and labels two
// organizations A and B.
func TestCompareFormatsForAClient(t *testing.T) {
	db := tempDB(t)
	acme := importOne(t, db, `{"org": "Acme", "answers": {"eng-channels": 2}}`)
	globex := importOne(t, db, `{"org": "Globex", "answers": {"eng-channels": 4}}`)
	code, md, errOut := cli(t, "", "compare", "--db", db, acme, globex, "--format", "md")
	if code != 0 || !strings.Contains(md, "Acme") || !strings.Contains(md, "Globex") || !strings.Contains(md, "|") {
		t.Errorf("compare --format md: exit %d, %s\n%s", code, errOut, md)
	}
	code, html, errOut := cli(t, "", "compare", "--db", db, acme, globex, "--format", "html")
	if code != 0 || !strings.HasPrefix(strings.TrimSpace(html), "<!DOCTYPE html>") && !strings.HasPrefix(strings.TrimSpace(html), "<!doctype html>") {
		t.Errorf("compare --format html: exit %d, %s\n%.200s", code, errOut, html)
	}
	if code, text, _ := cli(t, "", "compare", "--db", db, acme, globex); code != 0 || strings.Contains(text, "before") {
		t.Errorf("two organizations read as before and after:\n%s", text)
	}
}

// Issue 14: every command's --help has an example, and every command that
// takes an ID says it may be shortened.
func TestEveryCommandsHelpHasAnExample(t *testing.T) {
	a := &app{cat: messages.English()}
	var walk func(*cobra.Command)
	walk = func(cmd *cobra.Command) {
		if cmd.Hidden || cmd.Name() == "help" || cmd.Name() == "completion" {
			return
		}
		args := append(strings.Fields(cmd.CommandPath())[1:], "--help")
		code, out, _ := cli(t, "", args...)
		if code != 0 || !strings.Contains(out, "EXAMPLES") {
			t.Errorf("%s --help has no example", cmd.CommandPath())
		}
		if strings.Contains(cmd.Use, "ID") && !strings.Contains(strings.Join(strings.Fields(out), " "), "may be shortened") {
			t.Errorf("%s --help does not say ids may be shortened", cmd.CommandPath())
		}
		for _, sub := range cmd.Commands() {
			walk(sub)
		}
	}
	walk(a.rootCmd())
}

// Issue 14: listings show an organization as it was first stored.
func TestListShowsTheFirstSpelling(t *testing.T) {
	db := tempDB(t)
	importOne(t, db, `{"org": "Acme Corp", "completed_at": "2026-01-01T09:00:00Z", "answers": {"eng-channels": 2}}`)
	importOne(t, db, `{"org": "ACME  corp", "completed_at": "2026-02-01T09:00:00Z", "answers": {"eng-channels": 3}}`)
	code, out, _ := cli(t, "", "list", "--db", db)
	if code != 0 || strings.Count(out, "Acme Corp") != 2 || strings.Contains(out, "ACME") {
		t.Errorf("list:\n%s", out)
	}
}
