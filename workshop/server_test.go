package workshop

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	gossh "golang.org/x/crypto/ssh"

	"socialmaturity/assess"
	"socialmaturity/messages"
	"socialmaturity/questions"
	"socialmaturity/store"
)

func TestWrongCodeIsRefusedAndThreeEndTheConnection(t *testing.T) {
	f := serve(t, false)
	c := dial(t, f.srv.Addr())
	c.waitFor("Join code")
	for i := 1; i <= 3; i++ {
		c.send("ZZZZZZ\r")
		eventually(t, "the code checked", func() bool { return f.logged("wrong join code") == i })
	}
	select {
	case <-c.ended:
	case <-time.After(10 * time.Second):
		t.Fatal("the connection stayed open after three wrong codes")
	}
	if !strings.Contains(c.screen(), "Too many wrong codes") {
		t.Errorf("not told why:\n%s", c.screen())
	}
	if strings.Contains(c.screen(), "Your name") {
		t.Error("a wrong code reached the name prompt")
	}
}

func TestRightCodeAfterAWrongOneJoins(t *testing.T) {
	f := serve(t, false)
	c := dial(t, f.srv.Addr())
	c.waitFor("Join code")
	c.send("ZZZZZZ\r")
	c.waitFor("try 1 of 3")
	c.send(strings.ToLower(f.ws.Code) + "\r") // typed in small letters
	c.waitFor("Your name")
}

func TestAFullWalkIsStoredAndCompleted(t *testing.T) {
	f := serve(t, false)
	c := dial(t, f.srv.Addr())
	c.join(f, "Ann")
	c.send(walkKeys(f.bank, "2")...)
	eventually(t, "the walk completed and stored", func() bool {
		n, done := f.member(t, "Ann")
		return done && n == f.bank.QuestionCount()
	})
}

func TestADroppedConnectionResumesWhereItWas(t *testing.T) {
	f := serve(t, false)
	c := dial(t, f.srv.Addr())
	c.join(f, "Bo")
	keys := walkKeys(f.bank, "3")
	c.send(keys[:5]...) // the scope card, the first pillar's, three answers
	eventually(t, "three answers stored", func() bool { n, _ := f.member(t, "Bo"); return n == 3 })
	c.conn.Close() // the laptop's lid shuts

	again := dial(t, f.srv.Addr())
	again.join(f, "  bo ") // the same name, typed differently
	again.send(keys[5:]...)
	eventually(t, "the walk completed with every answer", func() bool {
		n, done := f.member(t, "Bo")
		return done && n == f.bank.QuestionCount()
	})
}

func TestTheLimitCountsOnlyPeopleWhoHaveJoined(t *testing.T) {
	f := serve(t, false, func(c *Config) { c.Max = 2 })
	a, b := dial(t, f.srv.Addr()), dial(t, f.srv.Addr())
	a.waitFor("Join code") // two connections stopped at the code prompt
	b.waitFor("Join code")
	ann := dial(t, f.srv.Addr())
	ann.join(f, "Ann")
	bo := dial(t, f.srv.Addr())
	bo.join(f, "Bo")
	cy := dial(t, f.srv.Addr())
	cy.waitFor("Join code")
	cy.send(f.ws.Code + "\r")
	cy.waitFor("Your name")
	cy.send("Cy\r")
	cy.waitFor("This workshop is full (2 people have joined)")
	if f.logged("Cy joined") > 0 {
		t.Error("a third person joined a workshop limited to 2")
	}
	ann.conn.Close() // a seat frees up
	eventually(t, "Ann left", func() bool { return f.logged("Ann left") == 1 })
	cy.send("Cy\r")
	eventually(t, "Cy joined", func() bool { return f.logged("Cy joined") == 1 })
}

func TestTheJoinPromptClosesAfterItsTimeout(t *testing.T) {
	f := serve(t, false, func(c *Config) { c.JoinTimeout = 300 * time.Millisecond })
	c := dial(t, f.srv.Addr())
	c.waitFor("Join code")
	select {
	case <-c.ended:
	case <-time.After(10 * time.Second):
		t.Fatal("a connection that never joined stayed open")
	}
	if !strings.Contains(c.screen(), "Connect again when you are ready") {
		t.Errorf("not told why:\n%s", c.screen())
	}
}

func TestAClientThatStopsAnsweringIsClosedAndItsPersonCanJoinAgain(t *testing.T) {
	f := serve(t, false, func(c *Config) { c.KeepAlive = 100 * time.Millisecond })
	frozen := dial(t, f.srv.Addr())
	frozen.join(f, "Max")
	keys := walkKeys(f.bank, "3")
	frozen.send(keys[:4]...) // the cards and two answers
	eventually(t, "two answers stored", func() bool { n, _ := f.member(t, "Max"); return n == 2 })
	frozen.freeze() // kill -STOP, or the laptop sleeps
	eventually(t, "the frozen connection closed", func() bool { return f.logged("Max left") == 1 })
	again := dial(t, f.srv.Addr())
	again.join(f, "max")
	again.send(keys[4:]...)
	eventually(t, "the walk completed with every answer", func() bool {
		n, done := f.member(t, "Max")
		return done && n == f.bank.QuestionCount()
	})
}

func TestANameInUseIsNeverHandedOverNorItsSessionClosed(t *testing.T) {
	f := serve(t, false)
	alice := dial(t, f.srv.Addr())
	alice.join(f, "Alice")
	keys := walkKeys(f.bank, "2")
	alice.send(keys[:5]...)
	eventually(t, "three answers stored", func() bool { n, _ := f.member(t, "Alice"); return n == 3 })

	other := dial(t, f.srv.Addr())
	other.waitFor("Join code")
	other.send(f.ws.Code + "\r")
	other.waitFor("Your name")
	other.send("alice\r")
	other.waitFor("Someone is using that name in the room right now; pick another")
	if strings.Contains(other.screen(), "Alice") {
		t.Errorf("the other connection was shown Alice's session:\n%s", other.screen())
	}
	select {
	case <-alice.ended:
		t.Fatal("Alice's session was closed")
	default:
	}
	alice.send(keys[5])
	eventually(t, "Alice goes on answering", func() bool { n, _ := f.member(t, "Alice"); return n == 4 })
}

func TestAnswersGivenWhileTheDatabaseIsBusyAreKeptAndStoredOnceItIsFree(t *testing.T) {
	f := serve(t, false, func(c *Config) { c.SaveWait, c.Patience = 100*time.Millisecond, 200*time.Millisecond })
	c := dial(t, f.srv.Addr())
	c.join(f, "Pat")
	keys := walkKeys(f.bank, "1")
	c.send(keys[:3]...)
	eventually(t, "one answer stored", func() bool { n, _ := f.member(t, "Pat"); return n == 1 })
	holder := f.other(t) // another process keeps the file
	if err := holder.Hold(); err != nil {
		t.Fatal(err)
	}
	c.send(keys[3:5]...)
	c.waitFor("kept on the server")
	if strings.Contains(c.screen(), f.st.Path()) || strings.Contains(c.screen(), filepath.Dir(f.st.Path())) {
		t.Errorf("a participant was shown the server's paths:\n%s", c.screen())
	}
	if err := holder.Close(); err != nil {
		t.Fatal(err)
	}
	eventually(t, "the answers kept are stored", func() bool { n, _ := f.member(t, "Pat"); return n == 3 })
}

func TestAnswersStillRefusedWhenAParticipantLeavesGoToARescueFile(t *testing.T) {
	f := serve(t, false, func(c *Config) { c.SaveWait, c.Patience = 100*time.Millisecond, 200*time.Millisecond })
	c := dial(t, f.srv.Addr())
	c.join(f, "Quin")
	keys := walkKeys(f.bank, "4")
	c.send(keys[:3]...)
	eventually(t, "one answer stored", func() bool { n, _ := f.member(t, "Quin"); return n == 1 })
	holder := f.other(t)
	if err := holder.Hold(); err != nil {
		t.Fatal(err)
	}
	c.send(keys[3:5]...)
	c.waitFor("kept on the server")
	c.send("q", "y")
	select {
	case <-c.ended:
	case <-time.After(20 * time.Second):
		t.Fatal("the session did not end")
	}
	if !strings.Contains(c.screen(), "Nothing is lost") || !strings.Contains(c.screen(), "join again with the same code and name") {
		t.Errorf("the participant was not told the truth:\n%s", c.screen())
	}
	line := f.logLine("import --draft")
	path := filepath.Join(f.data, "socialmaturity-answers-")
	if !strings.Contains(line, path) {
		t.Fatalf("the facilitator was not told where the answers are: %q", line)
	}
	files, _ := filepath.Glob(path + "*.json")
	if len(files) != 1 {
		t.Fatalf("rescue files: %v", files)
	}
	data, err := os.ReadFile(files[0])
	if err != nil {
		t.Fatal(err)
	}
	sub, err := assess.ParseSubmission(files[0], data, f.bank)
	if err != nil {
		t.Fatal(err)
	}
	if len(sub.Answers) != 3 || sub.Respondent != "Quin" {
		t.Errorf("rescue file holds %d answers of %q, want 3 of Quin", len(sub.Answers), sub.Respondent)
	}
	if rs := f.srv.Room().Rescues(); len(rs) != 1 || rs[0].Path != files[0] {
		t.Errorf("the dashboard is not told: %+v", rs)
	}
	// Kept in memory too: stored once the database is free.
	if err := holder.Close(); err != nil {
		t.Fatal(err)
	}
	eventually(t, "the answers kept are stored", func() bool { n, _ := f.member(t, "Quin"); return n == 3 })
	eventually(t, "the facilitator told the file is not needed", func() bool { return f.logged("no longer needed") == 1 })
}

func TestShutdownWithTheDatabaseBusyWritesTheAnswersLeftToARescueFile(t *testing.T) {
	f := serve(t, false, func(c *Config) { c.SaveWait, c.Patience = 50*time.Millisecond, 100*time.Millisecond })
	seat, st, err := f.srv.Room().join("Ray", nil)
	if err != nil {
		t.Fatal(err)
	}
	holder := f.other(t)
	if err := holder.Hold(); err != nil {
		t.Fatal(err)
	}
	defer holder.Close()
	d := seat.Draft
	d.Answers[f.bank.Pillars[0].KeyActions[0].Questions[0].ID] = assess.AtLevel(3)
	if err := seat.Store.SaveDraft(d); err == nil || strings.Contains(err.Error(), f.st.Path()) {
		t.Fatalf("saving while busy: %v", err)
	}
	f.srv.Room().leave(st)
	f.stop(t)
	files, _ := filepath.Glob(filepath.Join(f.data, "socialmaturity-answers-*.json"))
	if len(files) != 1 {
		t.Fatalf("rescue files: %v; log:\n%s", files, strings.Join(f.log, "\n"))
	}
	if f.logged("could not be stored and are in rescue files") != 1 && f.logged("kept in") != 1 {
		t.Errorf("the facilitator was not told: %v", f.log)
	}
}

func TestServingLeavesTheDatabaseFolderAsItIs(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "shared")
	if err := os.Mkdir(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(dir, 0o777|fs.ModeSticky); err != nil {
		t.Fatal(err)
	}
	st, err := store.Open(filepath.Join(dir, "w.db"))
	if err != nil {
		t.Fatal(err)
	}
	ws, err := st.CreateWorkshop("P", "", false)
	if err != nil {
		t.Fatal(err)
	}
	bank, _ := questions.Default()
	data := filepath.Join(t.TempDir(), "data") // not there yet
	srv, err := New(Config{Store: st, Workshop: ws.ID, Bank: bank, Cat: messages.English(), Addr: "127.0.0.1:0", DataDir: data})
	if err != nil {
		t.Fatal(err)
	}
	defer srv.Shutdown(time.Second)
	if info, _ := os.Stat(dir); info.Mode()&fs.ModePerm|info.Mode()&fs.ModeSticky != 0o777|fs.ModeSticky {
		t.Errorf("the database's folder became %v", info.Mode())
	}
	if _, err := os.Stat(filepath.Join(dir, HostKeyFile)); err == nil {
		t.Error("the host key was written next to the database")
	}
	if info, err := os.Stat(data); err != nil || info.Mode().Perm() != 0o700 {
		t.Errorf("the data folder: %v, %v", info, err)
	}
	// A data folder that exists is never changed either.
	if err := os.Chmod(data, 0o750); err != nil {
		t.Fatal(err)
	}
	srv.Shutdown(time.Second)
	again, err := New(Config{Store: st, Workshop: ws.ID, Bank: bank, Cat: messages.English(), Addr: "127.0.0.1:0", DataDir: data})
	if err != nil {
		t.Fatal(err)
	}
	defer again.Shutdown(time.Second)
	if info, _ := os.Stat(data); info.Mode().Perm() != 0o750 {
		t.Errorf("the existing data folder became %v", info.Mode())
	}
}

func TestShutdownWithSessionsOpenKeepsEveryAnswer(t *testing.T) {
	// Answers wait 300 ms for a batch, so none is committed when the
	// server is told to stop.
	f := serve(t, false, func(c *Config) { c.SaveWindow = 300 * time.Millisecond })
	names := []string{"Cy", "Di", "Ed"}
	keys := walkKeys(f.bank, "1")
	for _, name := range names {
		c := dial(t, f.srv.Addr())
		c.join(f, name)
		c.send(keys[:6]...) // four answers, then the server stops
	}
	time.Sleep(100 * time.Millisecond) // the keys arrive
	start := time.Now()
	f.stop(t)
	if took := time.Since(start); took > 8*time.Second {
		t.Errorf("shutdown took %v", took)
	}
	for _, name := range names {
		if n, _ := f.member(t, name); n != 4 {
			t.Errorf("%s: %d answers stored, want 4", name, n)
		}
	}
}

func TestAParticipantNeverSeesAnothersAnswers(t *testing.T) {
	f := serve(t, false)
	ann := dial(t, f.srv.Addr())
	ann.join(f, "Ann")
	ann.send(walkKeys(f.bank, "4")...)
	eventually(t, "Ann finished", func() bool { _, done := f.member(t, "Ann"); return done })

	bo := dial(t, f.srv.Addr())
	bo.join(f, "Bo")
	seat, st, err := f.srv.Room().join("Cy", nil)
	if err != nil {
		t.Fatal(err)
	}
	defer f.srv.Room().leave(st)
	if len(seat.Draft.Answers) != 0 {
		t.Errorf("a new participant's draft holds answers: %v", seat.Draft.Answers)
	}
	if ds, _ := seat.Store.Drafts(); len(ds) != 0 {
		t.Errorf("drafts shown to a new participant: %d", len(ds))
	}
	if page, _ := seat.Store.List(store.ListOptions{}); len(page.Items) != 0 {
		t.Errorf("history shown to a participant: %v", page.Items)
	}
	if latest, _ := seat.Store.Latest(); len(latest) != 0 {
		t.Errorf("other organizations' results shown: %v", latest)
	}
	_, annDone := f.member(t, "Ann")
	all, _ := f.other(t).WorkshopMembers(f.ws.ID)
	for _, a := range all {
		if _, err := seat.Store.Get(a.ID); err == nil && a.Respondent != "Cy" {
			t.Errorf("Cy can open %s's assessment %s (completed %t)", a.Respondent, a.ID, annDone)
		}
	}
	// Completing never hands back the previous assessment of the
	// organization, which is another participant's.
	d := seat.Draft
	for _, p := range f.bank.Pillars {
		for _, ka := range p.KeyActions {
			for _, q := range ka.Questions {
				d.Answers[q.ID] = assess.AtLevel(1)
			}
		}
	}
	cs, err := seat.Store.Complete(f.bank, []*assess.Assessment{d})
	if err != nil {
		t.Fatal(err)
	}
	if cs[0].Previous != nil {
		t.Errorf("completing showed %s's assessment", cs[0].Previous.Respondent)
	}
	if strings.Contains(bo.screen(), "Ann") {
		t.Error("Bo was shown Ann's name")
	}
}

func TestHostKeyIsMadeOnceKeptPrivateAndReused(t *testing.T) {
	f := serve(t, false)
	path := filepath.Join(f.data, HostKeyFile)
	info, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if info.Mode().Perm() != 0o600 {
		t.Errorf("host key mode %v, want 0600", info.Mode().Perm())
	}
	first := f.srv.Fingerprint()
	f.stop(t)
	again, err := New(Config{Store: f.st, Workshop: f.ws.ID, Bank: f.bank, Cat: f.srv.cfg.Cat, Addr: "127.0.0.1:0", DataDir: f.data})
	if err != nil {
		t.Fatal(err)
	}
	defer again.Shutdown(time.Second)
	if again.Fingerprint() != first {
		t.Errorf("host key changed: %s, then %s", first, again.Fingerprint())
	}
}

func TestOnlyTheAppRuns(t *testing.T) {
	f := serve(t, false)
	conn := dial(t, f.srv.Addr()).conn
	sess, err := conn.NewSession()
	if err != nil {
		t.Fatal(err)
	}
	out, _ := sess.CombinedOutput("cat /etc/passwd")
	if strings.Contains(string(out), "root:") || !strings.Contains(string(out), "Only the workshop runs here") || !strings.Contains(string(out), "ssh -p "+f.srv.Port()+" HOST") {
		t.Errorf("exec got: %q", out)
	}
	if ok, _, _ := conn.SendRequest("tcpip-forward", true, gossh.Marshal(struct {
		Addr string
		Port uint32
	}{"127.0.0.1", 0})); ok {
		t.Error("remote port forwarding was allowed")
	}
	if ch, _, err := conn.OpenChannel("direct-tcpip", nil); err == nil {
		ch.Close()
		t.Error("port forwarding was allowed")
	}
}

func TestOtherCommandsReadTheDatabaseWhileParticipantsAnswer(t *testing.T) {
	f := serve(t, false)
	stop := make(chan struct{})
	var walkers sync.WaitGroup
	for _, name := range []string{"Fay", "Gus", "Hal"} {
		c := dial(t, f.srv.Addr())
		c.join(f, name)
		walkers.Go(func() {
			for _, k := range walkKeys(f.bank, "2") {
				select {
				case <-stop:
					return
				case <-time.After(15 * time.Millisecond):
				}
				c.send(k)
			}
		})
	}
	other := f.other(t) // another terminal: list, show, workshop report
	for i := 0; i < 20; i++ {
		start := time.Now()
		if _, err := other.List(store.ListOptions{}); err != nil {
			t.Fatalf("list while serving: %v", err)
		}
		if _, err := other.WorkshopMembers(f.ws.ID); err != nil {
			t.Fatalf("workshop report while serving: %v", err)
		}
		if took := time.Since(start); took > 2*time.Second {
			t.Errorf("reading took %v while serving", took)
		}
	}
	close(stop)
	walkers.Wait()
	if n := f.logged("could not save"); n > 0 {
		t.Errorf("%d saves failed while another process read", n)
	}
}

func TestARoomChangeNeverWaitsForASessionThatDoesNotRead(t *testing.T) {
	f := serve(t, false)
	_, st, err := f.srv.Room().join("Ida", nil) // nobody reads Ida's updates
	if err != nil {
		t.Fatal(err)
	}
	defer f.srv.Room().leave(st)
	done := make(chan struct{})
	go func() {
		defer close(done)
		for i := 0; i < 50; i++ {
			if err := f.srv.Room().Change(func(w *store.Workshop) { w.State.Paused = i%2 == 0 }); err != nil {
				t.Error(err)
			}
		}
	}()
	select {
	case <-done:
	case <-time.After(10 * time.Second):
		t.Fatal("changing the room waited for a session")
	}
	if got := <-st.updates; got.Paused {
		t.Errorf("the session holds a stale state: %+v", got)
	}
}

func TestAClientThatStopsReadingStallsNobodyElse(t *testing.T) {
	f := serve(t, false)
	stuck := dial(t, f.srv.Addr())
	stuck.join(f, "Jo")
	stuck.stopReading()
	for range 2000 { // far more screens than the connection's window holds
		stuck.send("j")
	}
	c := dial(t, f.srv.Addr())
	c.join(f, "Kim")
	c.send(walkKeys(f.bank, "2")...)
	eventually(t, "Kim finished", func() bool { _, done := f.member(t, "Kim"); return done })
}
