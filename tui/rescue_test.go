package tui

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"socialmaturity/assess"
)

var errBusy = errors.New("database is in use")

func rescueDraft() *assess.Assessment {
	return &assess.Assessment{
		ID: "1m8fskg22b",
		Submission: assess.Submission{Org: "Acme Corp", Respondent: "Dana", Role: "CMO",
			Answers: assess.Answers{"eng-channels": assess.AtLevel(2), "eng-audiences": assess.NotSure},
			Notes:   map[string]string{"eng-channels": "we post weekly"}},
	}
}

func TestRescueWritesAnImportableAnswersFile(t *testing.T) {
	f := newFixture(t)
	dir := t.TempDir()
	d := rescueDraft()
	err := rescue(catEnglish(), dir, d, errBusy)
	if err.Path == "" || filepath.Dir(err.Path) != dir {
		t.Fatalf("rescued to %q, want a file in %s: %v", err.Path, dir, err)
	}
	if err.Err != errBusy {
		t.Error("the error does not say why the answers were not saved")
	}
	for _, want := range []string{"Acme Corp", "database is in use", err.Path, "socialmaturity import " + err.Path} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("message lacks %q:\n%s", want, err)
		}
	}
	info, statErr := os.Stat(err.Path)
	if statErr != nil || info.Mode().Perm() != 0o600 {
		t.Fatalf("file %v, %v; want mode 0600", info, statErr)
	}
	data, _ := os.ReadFile(err.Path)
	s, parseErr := assess.ParseSubmission(err.Path, data, f.bank)
	if parseErr != nil {
		t.Fatalf("import would refuse the rescued file: %v\n%s", parseErr, data)
	}
	if s.Org != d.Org || s.Respondent != d.Respondent || s.Role != d.Role || len(s.Answers) != 2 ||
		s.Answers["eng-channels"] != assess.AtLevel(2) || s.Answers["eng-audiences"] != assess.NotSure ||
		s.Notes["eng-channels"] != "we post weekly" {
		t.Errorf("read back %+v", s)
	}
}

func TestRescueNeverOverwrites(t *testing.T) {
	dir := t.TempDir()
	d := rescueDraft()
	first := rescue(catEnglish(), dir, d, errBusy)
	before, _ := os.ReadFile(first.Path)
	d.Answers["eng-channels"] = assess.AtLevel(4)
	second := rescue(catEnglish(), dir, d, errBusy)
	if second.Path == "" || second.Path == first.Path {
		t.Fatalf("second rescue went to %q (first %q)", second.Path, first.Path)
	}
	if after, _ := os.ReadFile(first.Path); string(after) != string(before) {
		t.Error("the second rescue changed the first file")
	}
}

func TestRescueCreatesTheFolderAndQuotesThePath(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "my data", "socialmaturity")
	err := rescue(catEnglish(), dir, rescueDraft(), errBusy)
	if err.Path == "" || filepath.Dir(err.Path) != dir {
		t.Fatalf("rescued to %q: %v", err.Path, err)
	}
	if !strings.Contains(err.Error(), "socialmaturity import '"+err.Path+"'") {
		t.Errorf("the import command does not quote the path:\n%s", err)
	}
}

func TestRescueThatCannotWriteShowsTheAnswers(t *testing.T) {
	notADir := filepath.Join(t.TempDir(), "file")
	if err := os.WriteFile(notADir, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	err := rescue(catEnglish(), notADir, rescueDraft(), errBusy)
	if err.Path != "" {
		t.Fatalf("rescued to %q inside a file", err.Path)
	}
	for _, want := range []string{"database is in use", `"eng-channels": 2`, `"eng-audiences": "unsure"`, "we post weekly", "socialmaturity import"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("message lacks %q:\n%s", want, err)
		}
	}
}

func TestRescueNeutralisesTheOrganizationInItsMessage(t *testing.T) {
	d := rescueDraft()
	d.Org = "Evil\x1b[31mRED\r\nInjected"
	err := rescue(catEnglish(), t.TempDir(), d, errBusy)
	if strings.ContainsAny(err.Error(), "\x1b\r") || !strings.Contains(err.Error(), "Evil[31mRED Injected") {
		t.Errorf("message:\n%q", err.Error())
	}
}
