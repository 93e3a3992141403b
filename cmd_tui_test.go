package main

import (
	"bytes"
	"context"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

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
	if code != 1 || !strings.Contains(errOut, "input ended before the last question") || !strings.Contains(errOut, "saved as a draft (1 of 27 answered)") {
		t.Fatalf("exit %d, %q", code, errOut)
	}
	code, out, errOut := cli(t, "y\n"+strings.Repeat("2\n", 26), "assess", "--accessible", "--org", "EofCo", "--db", db)
	if code != 0 || !strings.Contains(out, "EofCo already has a draft (1 of 27 answered") || !strings.Contains(out, "Saved as assessment") {
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
	for i := 0; !strings.Contains(out.String(), "Question 2 of 27"); i++ { // the answer is stored
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
	if !strings.Contains(err.Error(), "termination signal") || !strings.Contains(err.Error(), "saved as a draft (1 of 27 answered)") {
		t.Errorf("message: %v", err)
	}
	if ds := draftsIn(t, db); len(ds) != 1 || len(ds[0].Answers) != 1 {
		t.Errorf("drafts = %v", ds)
	}
}

func TestExporterWritesNewFilesInTheCurrentFolder(t *testing.T) {
	t.Chdir(t.TempDir())
	b, err := questions.Default()
	if err != nil {
		t.Fatal(err)
	}
	at := time.Date(2026, 6, 1, 9, 0, 0, 0, time.UTC)
	x := &assess.Assessment{ID: "1abc", Submission: assess.Submission{Org: "Acme", Answers: assess.Answers{"eng-channels": assess.AtLevel(2)}}, Bank: assess.RefOf(b)}
	x.Complete(b, at, assess.Targets{})
	export := (&app{cat: messages.English()}).exporter(b)
	first, err := export(x, nil, "md")
	if err != nil {
		t.Fatal(err)
	}
	second, err := export(x, nil, "md")
	if err != nil || second == first {
		t.Fatalf("second export %q (first %q), %v", second, first, err)
	}
	data, err := os.ReadFile(first)
	if err != nil || !strings.Contains(string(data), "Acme") {
		t.Errorf("export %s: %v\n%s", first, err, data)
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
