package main

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"
	"testing"

	"github.com/charmbracelet/fang"
	"github.com/charmbracelet/x/exp/golden"

	"socialmaturity/messages"
	"socialmaturity/store"
)

// The errors of lower layers are worded at the edge, with the advice only
// the command line can give (pass --db, upgrade, --allow-duplicates).
func TestErrorPrinterWordsTypedErrors(t *testing.T) {
	a := &app{cat: messages.English()}
	var out bytes.Buffer
	for _, err := range []error{
		&store.DamagedError{Path: "/data/sm.db", Cause: "truncated"},
		&store.NewerSchemaError{Path: "/data/sm.db", Have: 9, Max: 1},
		fmt.Errorf("list: %w", &store.InUseError{Path: "/data/sm.db"}),
		&store.CompletedError{ID: "1m8fskg22bxxxxxx"},
		store.ErrNothingAnswered,
		&store.AmbiguousError{Prefix: "1m8", Matches: []string{"1m8a", "1m8b"}},
		&store.RecordError{Path: "/data/sm.db", ID: "1m8c", Cause: errors.New("invalid character '\\x00'")},
		errors.New("plain \x1b[31mred\x1b[0m\r\nsecond line"),
	} {
		a.printError(&out, fang.Styles{}, err)
	}
	golden.RequireEqual(t, out.String())
	for _, internal := range []string{"\x1b", "\r", "invalid character"} {
		if strings.Contains(out.String(), internal) {
			t.Errorf("printed %q", internal)
		}
	}
}

func TestMessagesInPlainLanguage(t *testing.T) {
	db := tempDB(t)
	for _, c := range []struct {
		stdin string
		args  []string
		want  string
	}{
		{"", []string{"list", "--limit", "abc"}, `"abc" is not a valid value for --limit: give a whole number`},
		{"", []string{"show"}, "socialmaturity show needs ID (usage: socialmaturity show ID"},
		{"", []string{"compare", "x"}, "socialmaturity compare needs ID"},
		{"", []string{"show", "a", "b"}, `socialmaturity show got an unexpected argument "b"`},
		{"", []string{"show", "zzz"}, "no assessment or draft has id zzz"},
		{"", []string{"delete", "zzz", "--yes"}, "no assessment or draft has id zzz"},
		{"org: [X]\n", []string{"score", "-"}, "stdin:1: expected text, found a list"},
		{`{"org": "A", "answers": {`, []string{"score", "-"}, "stdin:1: the JSON ends too early"},
		{"", []string{"score", "no/such/answers.json"}, "read no/such/answers.json: no such file or directory"},
		{"", []string{"bank", "validate", "no/such/bank.yaml"}, "read no/such/bank.yaml: no such file or directory"},
	} {
		code, _, errOut := cli(t, c.stdin, append(c.args, "--db", db)...)
		if code != 1 || !strings.Contains(errOut, c.want) {
			t.Errorf("%v: exit %d, %q\nwant %q", c.args, code, errOut, c.want)
		}
		for _, internal := range []string{"strconv.", "!!", "arg(s)", "did not find expected", "not found"} {
			if strings.Contains(errOut, internal) {
				t.Errorf("%v: %q shows %q", c.args, errOut, internal)
			}
		}
		for _, path := range []string{"no/such/answers.json", "no/such/bank.yaml"} {
			if strings.Count(errOut, path) > 1 {
				t.Errorf("%v: the path is given twice: %q", c.args, errOut)
			}
		}
	}
}

// Answers given with another bank get the CLI's advice once, after the
// problems.
func TestOtherBankAdvice(t *testing.T) {
	code, _, errOut := cli(t, `{"org": "A", "bank": {"id": "other-bank"}, "answers": {}}`, "score", "-")
	if code != 1 || !strings.Contains(errOut, `stdin:1: answered with bank "other-bank"`) || !strings.Contains(errOut, "--bank FILE") {
		t.Errorf("exit %d, %q", code, errOut)
	}
}

func TestVersionFromBuildInfo(t *testing.T) {
	for _, c := range []struct {
		info *debug.BuildInfo
		want string
	}{
		{&debug.BuildInfo{Main: debug.Module{Version: "v1.2.0"}}, "v1.2.0"},
		{&debug.BuildInfo{Main: debug.Module{Version: "(devel)"}, Settings: []debug.BuildSetting{
			{Key: "vcs.revision", Value: "8999bf1c0ffee0123456789"}, {Key: "vcs.modified", Value: "true"}}}, "devel-8999bf1c0ffe+dirty"},
		{&debug.BuildInfo{Main: debug.Module{Version: "(devel)"}, Settings: []debug.BuildSetting{
			{Key: "vcs.revision", Value: "abc"}}}, "devel-abc"},
		{&debug.BuildInfo{Main: debug.Module{Version: "(devel)"}}, "(devel)"},
		{nil, "unknown"},
	} {
		if got := versionOf(c.info); got != c.want {
			t.Errorf("versionOf(%+v) = %q, want %q", c.info, got, c.want)
		}
	}
	code, out, _ := cli(t, "", "--version")
	if code != 0 || strings.Contains(out, "dev\n") || !strings.Contains(out, appVersion()) {
		t.Errorf("--version: exit %d, %q", code, out)
	}
}

// db backup - writes the copy to standard output (QA m9).
func TestBackupToStdout(t *testing.T) {
	db := tempDB(t)
	importOne(t, db, `{"org": "Acme", "answers": {"eng-channels": 2}}`)
	code, out, errOut := cli(t, "", "db", "backup", "-", "--db", db)
	if code != 0 || len(out) < 4096 {
		t.Fatalf("exit %d, %d bytes, %q", code, len(out), errOut)
	}
	if _, err := os.Stat("-"); err == nil {
		t.Error(`a file named "-" was written`)
	}
	copyDB := filepath.Join(t.TempDir(), "copy.db")
	if err := os.WriteFile(copyDB, []byte(out), 0o600); err != nil {
		t.Fatal(err)
	}
	if n := countListed(t, copyDB); n != 1 {
		t.Errorf("the copy lists %d assessments, want 1", n)
	}
}
