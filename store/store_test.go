package store

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"socialmaturity/assess"
	"socialmaturity/questions"
)

const childEnv = "SOCIALMATURITY_STORE_TEST_CHILD"

func TestMain(m *testing.M) {
	if path := os.Getenv(childEnv); path != "" {
		answerForever(path)
		return
	}
	code := m.Run()
	if populatedPath != "" {
		os.RemoveAll(filepath.Dir(populatedPath))
	}
	os.Exit(code)
}

// answerForever is the child of the kill test: it answers one question after
// another, printing "ack ID" once each answer is committed.
func answerForever(path string) {
	s, err := Open(path)
	if err != nil {
		fmt.Println("error", err)
		os.Exit(2)
	}
	d := &assess.Assessment{Submission: assess.Submission{Org: "Killed Co", Answers: assess.Answers{}}}
	for i := 0; ; i++ {
		q := fmt.Sprintf("q%d", i)
		d.Answers[q] = assess.AtLevel(i % 5)
		if err := s.SaveDraft(d); err != nil {
			fmt.Println("error", err)
			os.Exit(2)
		}
		fmt.Println("ack", q)
	}
}

func newStore(t testing.TB) *Store {
	t.Helper()
	s, err := Open(filepath.Join(t.TempDir(), "data", "sm.db"))
	if err != nil {
		t.Fatal(err)
	}
	return s
}

var bank = func() *questions.Bank {
	b, err := questions.Default()
	if err != nil {
		panic(err)
	}
	return b
}()

// answered builds an assessment of org by Dana, every question answered
// starting at level, to be completed at t.
func answered(org string, t time.Time, level int) *assess.Assessment {
	a := &assess.Assessment{Submission: assess.Submission{Org: org, Respondent: "Dana", Answers: assess.Answers{}}, CompletedAt: &t}
	for i, question := range bank.AllQuestions() {
		a.Answers[question.ID] = assess.AtLevel((level + i) % 5)
	}
	return a
}

// complete stores as as completed, in one transaction, and returns them as
// stored.
func complete(t testing.TB, s *Store, as ...*assess.Assessment) []*assess.Assessment {
	t.Helper()
	cs, err := s.Complete(bank, as)
	if err != nil {
		t.Fatal(err)
	}
	done := make([]*assess.Assessment, len(cs))
	for i, c := range cs {
		done[i] = c.Done
	}
	return done
}

// draftByRef is the draft whose id is ref or starts with it.
func draftByRef(s *Store, ref string) (*assess.Assessment, error) {
	var d assess.Assessment
	if err := s.do(readTx, func(tx *bolt.Tx) error { return getByRef(tx.Bucket(bucketDrafts), ref, &d) }); err != nil {
		return nil, err
	}
	return &d, nil
}

func TestOpenCreatesPrivateFiles(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "nested", "folder")
	path := filepath.Join(dir, "sm.db")
	if _, err := Open(path); err != nil {
		t.Fatal(err)
	}
	for p, want := range map[string]os.FileMode{dir: 0o700, path: 0o600} {
		info, err := os.Stat(p)
		if err != nil {
			t.Fatal(err)
		}
		if got := info.Mode().Perm(); got != want {
			t.Errorf("%s mode = %o, want %o", p, got, want)
		}
	}
	if _, err := Open(path); err != nil {
		t.Errorf("reopen: %v", err)
	}
}

func TestSaveGetDeleteByPrefix(t *testing.T) {
	s := newStore(t)
	base := time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)
	a := complete(t, s, answered("Acme", base, 2))[0]
	got, err := s.Get(strings.ToUpper(a.ID[:assess.ShortIDLen]))
	if err != nil {
		t.Fatal(err)
	}
	if got.Org != "Acme" || got.Result == nil || got.Result.Overall.Value != assess.Round(a.Result.Overall.Value) || len(got.Answers) != len(a.Answers) {
		t.Errorf("got %+v", got)
	}
	if _, err := s.Get("zzzz"); !errors.Is(err, ErrNotFound) {
		t.Errorf("Get(zzzz) = %v, want not found", err)
	}
	twin := complete(t, s, answered("Acme", base, 3))[0] // same millisecond: shares the time part
	var amb *AmbiguousError
	if _, err := s.Get(a.ID[:9]); !errors.As(err, &amb) || len(amb.Matches) != 2 {
		t.Errorf("Get(time prefix) = %v, want ambiguous between 2", err)
	}
	id, err := s.Delete(a.ID)
	if err != nil || id != a.ID {
		t.Fatalf("Delete = %q, %v", id, err)
	}
	if _, err := s.Get(a.ID); !errors.Is(err, ErrNotFound) {
		t.Errorf("deleted assessment still found: %v", err)
	}
	page, err := s.List(ListOptions{Org: "acme"})
	if err != nil || len(page.Items) != 1 || page.Items[0].ID != twin.ID {
		t.Errorf("after delete, org listing = %+v, %v", page.Items, err)
	}
}

func TestListNewestFirstWithCursorAndOrg(t *testing.T) {
	s := newStore(t)
	base := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	var as []*assess.Assessment
	for i := range 25 {
		org := []string{"Acme", "Globex", "Initech"}[i%3]
		as = append(as, answered(org, base.Add(time.Duration(i)*time.Hour), i))
	}
	all := complete(t, s, as...)
	var seen []string
	before := ""
	for {
		page, err := s.List(ListOptions{Limit: 7, Before: before})
		if err != nil {
			t.Fatal(err)
		}
		for _, it := range page.Items {
			seen = append(seen, it.ID)
			if len(it.Short) < assess.ShortIDLen || !strings.HasPrefix(it.ID, it.Short) {
				t.Errorf("short id %q of %q", it.Short, it.ID)
			}
		}
		if page.Next == "" {
			break
		}
		before = page.Next
	}
	if len(seen) != 25 {
		t.Fatalf("paged through %d, want 25", len(seen))
	}
	for i, id := range seen {
		if want := all[24-i].ID; id != want {
			t.Fatalf("item %d = %s, want %s (newest first)", i, id, want)
		}
	}
	page, err := s.List(ListOptions{Org: "  GLOBEX ", Limit: 3})
	if err != nil {
		t.Fatal(err)
	}
	if len(page.Items) != 3 || page.Next == "" {
		t.Fatalf("org page = %d items, next %q", len(page.Items), page.Next)
	}
	for _, it := range page.Items {
		if it.Org != "Globex" {
			t.Errorf("org listing has %s", it.Org)
		}
	}
	if page.Items[0].ID != all[22].ID {
		t.Errorf("newest Globex = %s, want %s", page.Items[0].ID, all[22].ID)
	}
	rest, err := s.List(ListOptions{Org: "globex", Before: page.Next})
	if err != nil || len(rest.Items) != 5 || rest.Next != "" {
		t.Errorf("second org page = %d items, next %q, %v", len(rest.Items), rest.Next, err)
	}
	if rec, prev, err := s.GetWithPrevious(all[22].ID[:assess.ShortIDLen+2]); err != nil || rec.ID != all[22].ID || prev == nil || prev.ID != all[19].ID {
		t.Errorf("GetWithPrevious = %v, %v, %v", rec, prev, err)
	}
	if _, prev, err := s.GetWithPrevious(all[1].ID); err != nil || prev != nil {
		t.Errorf("previous of the first Globex = %v, %v", prev, err)
	}
	if _, n, err := s.Overview(); err != nil || n != 25 {
		t.Errorf("Overview count = %d, %v", n, err)
	}
}

func TestDraftLifecycle(t *testing.T) {
	s := newStore(t)
	d := &assess.Assessment{Submission: assess.Submission{Org: "Acme", Answers: assess.Answers{"eng-channels": assess.AtLevel(3)}}, Bank: assess.RefOf(bank)}
	if err := s.SaveDraft(d); err != nil {
		t.Fatal(err)
	}
	if d.ID == "" || d.StartedAt.IsZero() {
		t.Fatalf("SaveDraft gave no id or start: %+v", d)
	}
	// Another session saves the same draft without the first answer: both
	// answers are kept.
	other := &assess.Assessment{ID: d.ID, Submission: assess.Submission{Org: "Acme", Answers: assess.Answers{"lis-uses": assess.NotSure}}, StartedAt: d.StartedAt}
	if err := s.SaveDraft(other); err != nil {
		t.Fatal(err)
	}
	drafts, err := s.Drafts()
	if err != nil || len(drafts) != 1 || len(drafts[0].Answers) != 2 || drafts[0].Answers["lis-uses"] != assess.NotSure {
		t.Fatalf("Drafts = %+v, %v", drafts, err)
	}
	if len(other.Answers) != 1 {
		t.Errorf("SaveDraft changed the caller's answers: %v", other.Answers)
	}
	if got, err := draftByRef(s, d.ID[:assess.ShortIDLen]); err != nil || got.ID != d.ID {
		t.Errorf("Draft(prefix) = %v, %v", got, err)
	}
	d.Answers["spe-team"] = assess.AtLevel(1) // on screen, not yet saved
	cs, err := s.Complete(bank, []*assess.Assessment{d})
	if err != nil || cs[0].Done.Result == nil || cs[0].Done.ID != d.ID || cs[0].Previous != nil {
		t.Fatalf("Complete = %+v, %v", cs, err)
	}
	if drafts, _ := s.Drafts(); len(drafts) != 0 {
		t.Errorf("draft still there after completion")
	}
	stored, err := s.Get(d.ID)
	if err != nil || len(stored.Answers) != 3 || stored.Answers["lis-uses"] != assess.NotSure || stored.Result == nil {
		t.Errorf("completed = %+v, %v", stored, err)
	}
	never := &assess.Assessment{Submission: assess.Submission{Org: "Never saved", Answers: assess.Answers{"eng-channels": assess.NotSure}}}
	if _, err := s.Complete(bank, []*assess.Assessment{never}); err != nil {
		t.Errorf("completing a draft that was never saved: %v", err)
	}
}

func TestInUseIsReportedWithinTwoSeconds(t *testing.T) {
	holder := newStore(t)
	if err := holder.Hold(); err != nil {
		t.Fatal(err)
	}
	defer func() {
		if err := holder.Close(); err != nil {
			t.Error(err)
		}
	}()
	other := &Store{path: holder.Path(), lockWait: defaultLockWait, now: time.Now}
	start := time.Now()
	_, err := other.List(ListOptions{})
	var inUse *InUseError
	if !errors.As(err, &inUse) {
		t.Fatalf("List while held = %v, want in use", err)
	}
	if elapsed := time.Since(start); elapsed > 2*time.Second {
		t.Errorf("took %v to report in use", elapsed)
	}
	want := fmt.Sprintf("database %s is in use by another socialmaturity process", holder.Path())
	if err.Error() != want {
		t.Errorf("message = %q", err)
	}
	if _, err := Open(holder.Path()); !errors.As(err, &inUse) {
		t.Errorf("Open while held = %v", err)
	}
	if err := holder.Close(); err != nil {
		t.Fatal(err)
	}
	if _, err := other.List(ListOptions{}); err != nil {
		t.Errorf("after release: %v", err)
	}
}

func TestTakingTurns(t *testing.T) {
	s := newStore(t)
	other, err := Open(s.Path())
	if err != nil {
		t.Fatal(err)
	}
	errs := make(chan error, 2)
	for _, st := range []*Store{s, other} {
		go func() {
			for i := range 20 {
				if _, err := st.Complete(bank, []*assess.Assessment{answered("Turns", time.Now(), i)}); err != nil {
					errs <- err
					return
				}
			}
			errs <- nil
		}()
	}
	for range 2 {
		if err := <-errs; err != nil {
			t.Fatal(err)
		}
	}
	if _, n, _ := s.Overview(); n != 40 {
		t.Errorf("count = %d, want 40", n)
	}
}

func fileHash(t *testing.T, path string) [32]byte {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return sha256.Sum256(data)
}

func TestDamagedFilesAreReportedAndLeftUntouched(t *testing.T) {
	valid := newStore(t)
	complete(t, valid, answered("Acme", time.Now(), 1))
	good, err := os.ReadFile(valid.Path())
	if err != nil {
		t.Fatal(err)
	}
	foreign := filepath.Join(t.TempDir(), "foreign.db")
	db, err := bolt.Open(foreign, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	if err := db.Update(func(tx *bolt.Tx) error { _, err := tx.CreateBucket([]byte("other")); return err }); err != nil {
		t.Fatal(err)
	}
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
	foreignData, err := os.ReadFile(foreign)
	if err != nil {
		t.Fatal(err)
	}

	zeroedMeta := bytes.Clone(good)
	clear(zeroedMeta[:2*4096])
	cases := map[string][]byte{
		"garbage":     bytes.Repeat([]byte("not a database "), 1000),
		"truncated":   good[:1000],
		"zeroed meta": zeroedMeta,
		"empty":       {},
		"foreign":     foreignData,
	}
	for name, data := range cases {
		t.Run(name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "sm.db")
			if err := os.WriteFile(path, data, 0o600); err != nil {
				t.Fatal(err)
			}
			before := fileHash(t, path)
			_, err := Open(path)
			var damaged *DamagedError
			if !errors.As(err, &damaged) {
				t.Fatalf("Open = %v, want damaged", err)
			}
			if !strings.Contains(err.Error(), "damaged or not a socialmaturity database") {
				t.Errorf("message = %q", err)
			}
			if fileHash(t, path) != before {
				t.Error("the damaged file was modified")
			}
		})
	}
}

func TestDamagedDataPageNeverPanics(t *testing.T) {
	s := newStore(t)
	var as []*assess.Assessment
	for i := range 200 {
		as = append(as, answered(fmt.Sprintf("Org %d", i%7), time.Now().Add(time.Duration(i)*time.Second), i))
	}
	as = complete(t, s, as...)
	data, err := os.ReadFile(s.Path())
	if err != nil {
		t.Fatal(err)
	}
	// Scribble over every page after the meta pages, freelist and root.
	for off := 4 * 4096; off+64 < len(data); off += 4096 {
		copy(data[off:off+64], bytes.Repeat([]byte{0xA5}, 64))
	}
	if err := os.WriteFile(s.Path(), data, 0o600); err != nil {
		t.Fatal(err)
	}
	before := fileHash(t, s.Path())
	var damaged *DamagedError
	_, err = s.List(ListOptions{})
	if err == nil {
		_, err = s.Get(as[0].ID)
	}
	if err == nil {
		var problems []string
		problems, err = s.Check()
		if err == nil && len(problems) == 0 {
			t.Fatal("a scribbled database reads and checks clean")
		}
	}
	t.Logf("outcome: %v", err)
	if err != nil && !errors.As(err, &damaged) {
		t.Errorf("err = %v, want damaged", err)
	}
	if fileHash(t, s.Path()) != before {
		t.Error("the damaged file was modified")
	}
}

func TestNewerSchemaIsRefused(t *testing.T) {
	s := newStore(t)
	db, err := bolt.Open(s.Path(), 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	if err := db.Update(func(tx *bolt.Tx) error {
		return tx.Bucket(bucketMeta).Put(keySchema, []byte{0, 0, 0, 0, 0, 0, 0, 99})
	}); err != nil {
		t.Fatal(err)
	}
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
	_, err = Open(s.Path())
	var newer *NewerSchemaError
	if !errors.As(err, &newer) || newer.Have != 99 || newer.Max != len(migrations) || newer.Path != s.Path() {
		t.Errorf("Open = %v", err)
	}
}

func TestMigrationsRecordTheSchemaVersion(t *testing.T) {
	s := newStore(t)
	err := s.do(readTx, func(tx *bolt.Tx) error {
		v, err := schemaVersion(tx, s.Path())
		if v != len(migrations) {
			t.Errorf("schema version = %d, want %d", v, len(migrations))
		}
		for _, b := range [][]byte{bucketAssessments, bucketSummaries, bucketByOrg, bucketDrafts, bucketWorkshops, bucketSettings, bucketOrgs, bucketOrgNames, bucketCohort} {
			if tx.Bucket(b) == nil {
				t.Errorf("bucket %s missing", b)
			}
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
}

func TestBackupAndCheck(t *testing.T) {
	s := newStore(t)
	for i := range 30 {
		complete(t, s, answered("Acme", time.Now(), i))
	}
	if problems, err := s.Check(); err != nil || len(problems) != 0 {
		t.Fatalf("Check = %v, %v", problems, err)
	}
	backup := filepath.Join(t.TempDir(), "backup.db")
	if err := s.Backup(backup); err != nil {
		t.Fatal(err)
	}
	copyStore, err := Open(backup)
	if err != nil {
		t.Fatal(err)
	}
	if _, n, err := copyStore.Overview(); err != nil || n != 30 {
		t.Errorf("backup holds %d, %v", n, err)
	}
	if err := s.Backup(backup); err == nil || !strings.Contains(err.Error(), "already exists") {
		t.Errorf("backup over an existing file = %v", err)
	}
}

// A process killed in the middle of answering loses no acknowledged answer.
func TestKilledProcessLosesNoAcknowledgedAnswer(t *testing.T) {
	path := filepath.Join(t.TempDir(), "sm.db")
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), childEnv+"="+path)
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	var acked []string
	lines := bufio.NewScanner(out)
	for lines.Scan() {
		line := lines.Text()
		if strings.HasPrefix(line, "error") {
			t.Fatal(line)
		}
		acked = append(acked, strings.TrimPrefix(line, "ack "))
		if len(acked) == 25 {
			if err := cmd.Process.Signal(syscall.SIGKILL); err != nil {
				t.Fatal(err)
			}
			break
		}
	}
	_ = cmd.Wait()
	s, err := Open(path)
	if err != nil {
		t.Fatalf("reopen after kill: %v", err)
	}
	drafts, err := s.Drafts()
	if err != nil || len(drafts) != 1 {
		t.Fatalf("drafts = %d, %v", len(drafts), err)
	}
	for _, q := range acked {
		if _, ok := drafts[0].Answers[q]; !ok {
			t.Errorf("acknowledged answer %s was lost", q)
		}
	}
	if problems, err := s.Check(); err != nil || len(problems) > 0 {
		t.Errorf("check after kill: %v %v", problems, err)
	}
}
