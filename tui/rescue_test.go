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
	err := rescue(catEnglish(), rescueIn(dir), d, errBusy)
	if err.Path == "" || filepath.Dir(err.Path) != dir {
		t.Fatalf("rescued to %q, want a file in %s: %v", err.Path, dir, err)
	}
	if err.Err != errBusy {
		t.Error("the error does not say why the answers were not saved")
	}
	for _, want := range []string{"Acme Corp", "database is in use", err.Path, "socialmaturity import --draft " + err.Path} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("message lacks %q:\n%s", want, err)
		}
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

func TestRescueQuotesThePathOfItsImportCommand(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "my data")
	if err := os.Mkdir(dir, 0o700); err != nil {
		t.Fatal(err)
	}
	err := rescue(catEnglish(), rescueIn(dir), rescueDraft(), errBusy)
	if err.Path == "" || filepath.Dir(err.Path) != dir {
		t.Fatalf("rescued to %q: %v", err.Path, err)
	}
	if !strings.Contains(err.Error(), "socialmaturity import --draft '"+err.Path+"'") {
		t.Errorf("the import command does not quote the path:\n%s", err)
	}
}

func TestRescueThatCannotWriteShowsTheAnswers(t *testing.T) {
	failing := func(string, []byte) (string, error) { return "", errors.New("disk full") }
	err := rescue(catEnglish(), failing, rescueDraft(), errBusy)
	if err.Path != "" {
		t.Fatalf("rescued to %q inside a file", err.Path)
	}
	for _, want := range []string{"database is in use", "disk full", `"eng-channels": 2`, `"eng-audiences": "unsure"`, "we post weekly", "socialmaturity import"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("message lacks %q:\n%s", want, err)
		}
	}
}

func TestRescueNeutralisesTheOrganizationInItsMessage(t *testing.T) {
	d := rescueDraft()
	d.Org = "Evil\x1b[31mRED\r\nInjected"
	err := rescue(catEnglish(), rescueIn(t.TempDir()), d, errBusy)
	if strings.ContainsAny(err.Error(), "\x1b\r") || !strings.Contains(err.Error(), "Evil[31mRED Injected") {
		t.Errorf("message:\n%q", err.Error())
	}
}

// rescueIn is a RescueWriter for tests: it writes name in dir, refusing to
// replace a file.
func rescueIn(dir string) RescueWriter {
	return func(name string, data []byte) (string, error) {
		path := filepath.Join(dir, name)
		f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
		if err != nil {
			return "", err
		}
		if _, err := f.Write(data); err != nil {
			f.Close()
			return "", err
		}
		return path, f.Close()
	}
}
