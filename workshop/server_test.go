package workshop

import (
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	gossh "golang.org/x/crypto/ssh"

	"socialmaturity/assess"
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

func TestTheLimitIsEnforced(t *testing.T) {
	f := serve(t, false, func(c *Config) { c.Max = 2 })
	a, b := dial(t, f.srv.Addr()), dial(t, f.srv.Addr())
	a.waitFor("Join code")
	b.waitFor("Join code")
	third := dial(t, f.srv.Addr())
	select {
	case <-third.ended:
	case <-time.After(10 * time.Second):
		t.Fatal("a third participant got in")
	}
	if !strings.Contains(third.screen(), "full") {
		t.Errorf("not told the workshop is full: %q", third.screen())
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
	seat, st, err := f.srv.Room().join("Cy")
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
	path := DefaultHostKeyPath(f.st)
	info, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if info.Mode().Perm() != 0o600 {
		t.Errorf("host key mode %v, want 0600", info.Mode().Perm())
	}
	first := f.srv.Fingerprint()
	f.stop(t)
	again, err := New(Config{Store: f.st, Workshop: f.ws.ID, Bank: f.bank, Cat: f.srv.cfg.Cat, Addr: "127.0.0.1:0"})
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
	if strings.Contains(string(out), "root:") || !strings.Contains(string(out), "Only the workshop runs here") {
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
	_, st, err := f.srv.Room().join("Ida") // nobody reads Ida's updates
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
