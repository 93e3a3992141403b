package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/adrg/xdg"

	"socialmaturity/assess"
	"socialmaturity/messages"
	"socialmaturity/questions"
	"socialmaturity/store"
	"socialmaturity/tui"
)

// draftsIn returns the drafts stored in db.
func draftsIn(t *testing.T, db string) []*assess.Assessment {
	t.Helper()
	s, err := store.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	ds, err := s.Drafts()
	if err != nil {
		t.Fatal(err)
	}
	return ds
}

// lockedBuffer is a buffer one goroutine writes while another reads.
type lockedBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *lockedBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *lockedBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// QA m9: an empty --org is refused, not filled from the first answer.
func TestAssessRefusesAnEmptyOrg(t *testing.T) {
	db := filepath.Join(t.TempDir(), "sm.db")
	for _, org := range []string{"", "   "} {
		code, out, errOut := cli(t, "1\n2\n", "assess", "--accessible", "--org", org, "--db", db)
		if code != 1 || !strings.Contains(errOut, "--org is empty") || strings.Contains(out, "Question") {
			t.Errorf("--org %q: exit %d, %q\n%s", org, code, errOut, out)
		}
	}
	if _, err := os.Stat(db); err == nil && len(draftsIn(t, db)) != 0 {
		t.Error("a draft was stored")
	}
}

// QA m7 and m8: input that ends before the last question fails, keeping
// the draft; the next run for the same organization offers it.
func TestAccessibleIncompleteRunFailsAndIsOfferedAgain(t *testing.T) {
	db := filepath.Join(t.TempDir(), "sm.db")
	code, _, errOut := cli(t, "1\n", "assess", "--accessible", "--org", "EofCo", "--db", db)
	if code != 1 || !strings.Contains(errOut, "input ended before the last question") || !strings.Contains(errOut, fmt.Sprintf("saved as a draft (1 answered, of %d)", questionCount(t))) {
		t.Fatalf("exit %d, %q", code, errOut)
	}
	code, out, errOut := cli(t, "y\n"+strings.Repeat("2\n", questionCount(t)-1), "assess", "--accessible", "--org", "EofCo", "--db", db)
	if code != 0 || !strings.Contains(out, fmt.Sprintf("EofCo already has a draft (1 answered, of %d", questionCount(t))) || !strings.Contains(out, "Saved as assessment") {
		t.Fatalf("exit %d, %s\n%s", code, errOut, out)
	}
	if n := countListed(t, db); n != 1 || len(draftsIn(t, db)) != 0 {
		t.Errorf("stored %d, drafts %d", n, len(draftsIn(t, db)))
	}
}

// QA m7: SIGTERM during a walk exits 143 with the answers stored and said so.
func TestAccessibleTerminatedExits143(t *testing.T) {
	db := filepath.Join(t.TempDir(), "sm.db")
	in, typist := io.Pipe()
	defer typist.Close()
	out := &lockedBuffer{}
	a := &app{cat: messages.English(), dbPath: db, stdin: in, stdout: out, stderr: io.Discard}
	done := make(chan error, 1)
	go func() {
		done <- a.runTUI(context.Background(), tui.StartWalk, tuiFlags{accessible: true, org: "SigCo"})
	}()
	if _, err := io.WriteString(typist, "2\n"); err != nil {
		t.Fatal(err)
	}
	for i := 0; !strings.Contains(out.String(), fmt.Sprintf("Question 2 of %d", questionCount(t))); i++ { // the answer is stored
		if i > 500 {
			t.Fatalf("no second question:\n%s", out.String())
		}
		time.Sleep(10 * time.Millisecond)
	}
	if err := syscall.Kill(os.Getpid(), syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	err := <-done
	var coded interface{ ExitCode() int }
	if !errors.As(err, &coded) || coded.ExitCode() != 143 {
		t.Fatalf("err = %v, want exit code 143", err)
	}
	if !strings.Contains(err.Error(), "termination signal") || !strings.Contains(err.Error(), fmt.Sprintf("saved as a draft (1 answered, of %d)", questionCount(t))) {
		t.Errorf("message: %v", err)
	}
	if ds := draftsIn(t, db); len(ds) != 1 || len(ds[0].Answers) != 1 {
		t.Errorf("drafts = %v", ds)
	}
}

// Issue 14: the app's exports go to one known folder, made when missing,
// under their full path, branded as the database says, never replacing a
// file.
func TestExporterWritesNewFilesInTheExportFolder(t *testing.T) {
	t.Chdir(t.TempDir())
	b, err := questions.Default()
	if err != nil {
		t.Fatal(err)
	}
	s, err := store.Open(filepath.Join(t.TempDir(), "sm.db"))
	if err != nil {
		t.Fatal(err)
	}
	if err := s.SaveBranding(store.Branding{PreparedBy: "Lee & Partners"}); err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(t.TempDir(), "Documents", "socialmaturity")
	at := time.Date(2026, 6, 1, 9, 0, 0, 0, time.UTC)
	x := &assess.Assessment{ID: "1abc", Submission: assess.Submission{Org: "Acme", Answers: assess.Answers{"eng-channels": assess.AtLevel(2)}}, Bank: assess.RefOf(b)}
	x.Complete(b, at, assess.Targets{})
	export := (&app{cat: messages.English()}).exporter(b, dir, s)
	first, err := export(x, nil, "md")
	if err != nil {
		t.Fatal(err)
	}
	second, err := export(x, nil, "md")
	if err != nil || second == first {
		t.Fatalf("second export %q (first %q), %v", second, first, err)
	}
	for _, p := range []string{first, second} {
		if !filepath.IsAbs(p) || filepath.Dir(p) != dir {
			t.Errorf("wrote %s, want a full path in %s", p, dir)
		}
	}
	data, err := os.ReadFile(first)
	if err != nil || !strings.Contains(string(data), "Acme") || !strings.Contains(string(data), "Lee &amp; Partners") && !strings.Contains(string(data), "Lee & Partners") {
		t.Errorf("export %s: %v\n%s", first, err, data)
	}
	blocked := filepath.Join(t.TempDir(), "file")
	if err := os.WriteFile(blocked, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := (&app{cat: messages.English()}).exporter(b, filepath.Join(blocked, "sub"), s)(x, nil, "md"); err == nil || !strings.Contains(err.Error(), "cannot use "+filepath.Join(blocked, "sub")+" as the folder for reports") {
		t.Errorf("a folder that cannot be made: %v", err)
	}
}

// Issue 14: the folder is the flag, else $SOCIALMATURITY_EXPORT_DIR, else
// socialmaturity in the XDG documents folder.
func TestExportDirIsFlagThenEnvironmentThenDocuments(t *testing.T) {
	t.Setenv(envExportDir, "")
	if got := exportDir(""); filepath.Base(got) != "socialmaturity" || filepath.Dir(got) != xdg.UserDirs.Documents {
		t.Errorf("default = %s, want socialmaturity in %s", got, xdg.UserDirs.Documents)
	}
	t.Setenv(envExportDir, "/reports")
	if got := exportDir(""); got != "/reports" {
		t.Errorf("from the environment = %s", got)
	}
	if got := exportDir("/flag"); got != "/flag" {
		t.Errorf("from the flag = %s", got)
	}
}

// Issue 14: o opens a report with the system's opener, found on the PATH,
// and there is no opener when there is none.
func TestSystemOpenerRunsTheOpenerFoundOnThePath(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("the fake opener is xdg-open")
	}
	bin := t.TempDir()
	t.Setenv("PATH", bin)
	if systemOpener() != nil {
		t.Fatal("an opener without xdg-open on the PATH")
	}
	opened := filepath.Join(t.TempDir(), "opened")
	script := "#!/bin/sh\nprintf '%s\\n' \"$1\" > " + opened + "\n" // builtins only: the PATH has nothing else
	if err := os.WriteFile(filepath.Join(bin, "xdg-open"), []byte(script), 0o755); err != nil {
		t.Fatal(err)
	}
	open := systemOpener()
	if open == nil {
		t.Fatal("no opener with xdg-open on the PATH")
	}
	if err := open("/tmp/report one.html"); err != nil {
		t.Fatal(err)
	}
	for i := 0; ; i++ {
		data, err := os.ReadFile(opened)
		if err == nil && strings.HasSuffix(string(data), "\n") {
			if strings.TrimSpace(string(data)) != "/tmp/report one.html" {
				t.Errorf("opened %q", data)
			}
			break
		}
		if i > 200 {
			t.Fatal("the opener was not run")
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// Answers the database refused are kept in the data folder, which is made
// when missing, readable by their owner only, and a second rescue never
// replaces the first.
func TestRescueWriterKeepsAnswersPrivateAndNeverReplacesThem(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "data", "socialmaturity")
	write := rescueWriter(dir)
	first, err := write("socialmaturity-answers-x.json", []byte(`{"org":"A"}`))
	if err != nil || filepath.Dir(first) != dir {
		t.Fatalf("first = %q, %v", first, err)
	}
	second, err := write("socialmaturity-answers-x.json", []byte(`{"org":"B"}`))
	if err != nil || second == first {
		t.Fatalf("second = %q, %v (first %q)", second, err, first)
	}
	if info, err := os.Stat(dir); err != nil || info.Mode().Perm() != 0o700 {
		t.Errorf("folder %v, %v; want 0700", info.Mode(), err)
	}
	for path, want := range map[string]string{first: `{"org":"A"}`, second: `{"org":"B"}`} {
		info, err := os.Stat(path)
		data, _ := os.ReadFile(path)
		if err != nil || info.Mode().Perm() != 0o600 || string(data) != want {
			t.Errorf("%s: %v, %v, %q", path, info.Mode(), err, data)
		}
	}
}

// Issue 12: a local respondent answers a workshop on this computer; the
// answers are filed under the workshop, and an ended workshop takes none.
func TestAssessAsAWorkshopRespondent(t *testing.T) {
	db := filepath.Join(t.TempDir(), "sm.db")
	s, err := store.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	w, err := s.CreateWorkshop("Acme Corp", "Kick-off", false)
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	input := strings.Repeat("2\n", questionCount(t))
	code, out, errOut := cli(t, input, "assess", "--accessible", "--workshop", w.ID[:10], "--respondent", "Ana", "--db", db)
	if code != 0 || !strings.Contains(out, "Acme Corp") {
		t.Fatalf("exit %d: %s\n%s", code, errOut, out)
	}
	s, err = store.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	members, err := s.WorkshopMembers(w.ID)
	if err != nil || len(members) != 1 || members[0].Respondent != "Ana" || members[0].Org != "Acme Corp" || members[0].CompletedAt == nil {
		t.Fatalf("members %v, %v", members, err)
	}
	if err := s.UpdateWorkshop(w.ID, func(w *store.Workshop) error { w.State.Ended = true; return nil }); err != nil {
		t.Fatal(err)
	}
	s.Close()
	code, _, errOut = cli(t, input, "assess", "--accessible", "--workshop", w.ID, "--respondent", "Bo", "--db", db)
	if code != 1 || !strings.Contains(errOut, "has ended") {
		t.Errorf("ended workshop: exit %d, %s", code, errOut)
	}
	if code, _, errOut = cli(t, "", "assess", "--accessible", "--workshop", w.ID, "--org", "Other", "--db", db); code != 1 || !strings.Contains(errOut, "org") {
		t.Errorf("--org with --workshop: exit %d, %s", code, errOut)
	}
}
