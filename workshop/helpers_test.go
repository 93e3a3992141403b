package workshop

import (
	"bytes"
	"io"
	"net"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"
	gossh "golang.org/x/crypto/ssh"

	"socialmaturity/messages"
	"socialmaturity/questions"
	"socialmaturity/store"
)

// fixture is a workshop served on loopback for one test.
type fixture struct {
	logMu sync.Mutex
	log   []string

	st   *store.Store
	ws   *store.Workshop
	data string // the data folder: host key and rescue files
	srv  *Server
	bank *questions.Bank
	done chan error
	once sync.Once
}

func serve(t testing.TB, paced bool, adjust ...func(*Config)) *fixture {
	t.Helper()
	dir := t.TempDir()
	st, err := store.Open(filepath.Join(dir, "sm.db"))
	if err != nil {
		t.Fatal(err)
	}
	ws, err := st.CreateWorkshop("Acme", "Kick-off", paced)
	if err != nil {
		t.Fatal(err)
	}
	bank, err := questions.Default()
	if err != nil {
		t.Fatal(err)
	}
	f := &fixture{st: st, ws: ws, bank: bank, done: make(chan error, 1), data: filepath.Join(dir, "data")}
	cfg := Config{Store: st, Workshop: ws.ID, Bank: bank, Cat: messages.English(), Addr: "127.0.0.1:0", CodeDelay: -1, DataDir: f.data, Rescue: f.rescue, Log: func(line string) {
		f.logMu.Lock()
		defer f.logMu.Unlock()
		f.log = append(f.log, line)
	}}
	for _, a := range adjust {
		a(&cfg)
	}
	srv, err := New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	f.srv = srv
	go func() { f.done <- srv.Serve() }()
	t.Cleanup(func() { f.stop(t) })
	return f
}

// rescue writes an answers file to the data folder, as the app's rescue
// writer does.
func (f *fixture) rescue(name string, data []byte) (string, error) {
	path := filepath.Join(f.data, name)
	file, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return "", err
	}
	defer file.Close()
	_, err = file.Write(data)
	return path, err
}

// logLine is the first log line containing text, or "".
func (f *fixture) logLine(text string) string {
	f.logMu.Lock()
	defer f.logMu.Unlock()
	for _, l := range f.log {
		if strings.Contains(l, text) {
			return l
		}
	}
	return ""
}

// logged counts the log lines containing text.
func (f *fixture) logged(text string) int {
	f.logMu.Lock()
	defer f.logMu.Unlock()
	n := 0
	for _, l := range f.log {
		if strings.Contains(l, text) {
			n++
		}
	}
	return n
}

// stop shuts the server down and waits for Serve to return.
func (f *fixture) stop(t testing.TB) {
	t.Helper()
	f.once.Do(func() { f.shutdown(t) })
}

func (f *fixture) shutdown(t testing.TB) {
	t.Helper()
	if err := f.srv.Shutdown(5 * time.Second); err != nil {
		t.Errorf("shutdown: %v", err)
	}
	select {
	case err := <-f.done:
		if err != nil {
			t.Errorf("serve: %v", err)
		}
	case <-time.After(10 * time.Second):
		t.Error("Serve did not return after Shutdown")
	}
}

// client is one participant's SSH connection with a terminal.
type client struct {
	t     testing.TB
	conn  *gossh.Client
	net   *freezable
	sess  *gossh.Session
	in    io.WriteCloser
	mu    sync.Mutex
	out   bytes.Buffer
	wrote chan struct{} // signalled after each read
	pause chan struct{} // closed to stop reading
	ended chan error
}

func dial(t testing.TB, addr string) *client {
	t.Helper()
	tcp, err := net.DialTimeout("tcp", addr, 10*time.Second)
	if err != nil {
		t.Fatal(err)
	}
	fc := &freezable{Conn: tcp, thawed: make(chan struct{})}
	close(fc.thawed)
	sc, chans, reqs, err := gossh.NewClientConn(fc, addr, &gossh.ClientConfig{User: "someone", HostKeyCallback: gossh.InsecureIgnoreHostKey(), Timeout: 10 * time.Second})
	if err != nil {
		t.Fatal(err)
	}
	conn := gossh.NewClient(sc, chans, reqs)
	c := &client{t: t, conn: conn, net: fc, wrote: make(chan struct{}, 1), ended: make(chan error, 1), pause: make(chan struct{})}
	if c.sess, err = conn.NewSession(); err != nil {
		t.Fatal(err)
	}
	c.sess.Stderr = writerFunc(func(p []byte) (int, error) {
		c.mu.Lock()
		defer c.mu.Unlock()
		return c.out.Write(p)
	})
	if err := c.sess.RequestPty("xterm-256color", 40, 100, gossh.TerminalModes{}); err != nil {
		t.Fatal(err)
	}
	if c.in, err = c.sess.StdinPipe(); err != nil {
		t.Fatal(err)
	}
	out, err := c.sess.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := c.sess.Shell(); err != nil {
		t.Fatal(err)
	}
	go func() {
		buf := make([]byte, 32<<10)
		for {
			select {
			case <-c.pause:
				return
			default:
			}
			n, err := out.Read(buf)
			c.mu.Lock()
			c.out.Write(buf[:n])
			c.mu.Unlock()
			select {
			case c.wrote <- struct{}{}:
			default:
			}
			if err != nil {
				c.ended <- c.sess.Wait()
				return
			}
		}
	}()
	t.Cleanup(func() { conn.Close() })
	return c
}

// screen is everything the client was shown, without escape sequences.
func (c *client) screen() string {
	c.mu.Lock()
	defer c.mu.Unlock()
	return ansi.Strip(c.out.String())
}

// waitFor waits until the client was shown text.
func (c *client) waitFor(text string) {
	c.t.Helper()
	deadline := time.After(10 * time.Second)
	for !strings.Contains(c.screen(), text) {
		select {
		case <-c.wrote:
		case <-deadline:
			c.t.Fatalf("never shown %q; shown:\n%s", text, c.screen())
		}
	}
}

// freezable is a connection whose reads can be stopped, as when the
// client's process is stopped (kill -STOP) or its laptop sleeps: nothing
// it is sent is answered.
type freezable struct {
	net.Conn
	mu     sync.Mutex
	thawed chan struct{}
}

func (c *freezable) Read(p []byte) (int, error) {
	c.mu.Lock()
	thawed := c.thawed
	c.mu.Unlock()
	<-thawed
	return c.Conn.Read(p)
}

// freeze stops the client answering anything, keep-alives included.
func (c *client) freeze() {
	c.net.mu.Lock()
	defer c.net.mu.Unlock()
	c.net.thawed = make(chan struct{})
	c.t.Cleanup(func() { close(c.net.thawed) })
}

// stopReading stops reading what the server sends, as a frozen client
// would.
func (c *client) stopReading() { close(c.pause) }

func (c *client) send(keys ...string) {
	c.t.Helper()
	for _, k := range keys {
		if _, err := io.WriteString(c.in, k); err != nil {
			c.t.Fatalf("send %q: %v", k, err)
		}
	}
}

// join gives the code and name and waits for the walk.
func (c *client) join(f *fixture, name string) {
	c.t.Helper()
	c.waitFor("Join code")
	c.send(f.ws.Code + "\r")
	c.waitFor("Your name")
	joined := f.logged("joined")
	c.send(name + "\r")
	eventually(c.t, "seated", func() bool { return f.logged("joined") > joined })
	c.waitFor("more keys") // the footer of the walk
}

// walkKeys are the key presses that answer every question of b at level
// and finish: past the scope card and each pillar's card with enter, each
// question with its level (the walk moves on by itself), enter to finish.
func walkKeys(b *questions.Bank, level string) []string {
	keys := []string{"\r"}
	for _, p := range b.Pillars {
		keys = append(keys, "\r")
		for _, ka := range p.KeyActions {
			for range ka.Questions {
				keys = append(keys, level)
			}
		}
	}
	return append(keys, "\r")
}

// member is the stored latest assessment of the participant called name.
func (f *fixture) member(t testing.TB, name string) (answered int, completed bool) {
	t.Helper()
	all, err := f.other(t).WorkshopMembers(f.ws.ID)
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range all {
		if a.Respondent == name {
			return len(a.Answers), a.CompletedAt != nil
		}
	}
	return 0, false
}

// other opens the database as another socialmaturity process would.
func (f *fixture) other(t testing.TB) *store.Store {
	t.Helper()
	st, err := store.Open(f.st.Path())
	if err != nil {
		t.Fatal(err)
	}
	return st
}

// eventually retries cond until it holds or 10 s pass.
func eventually(t testing.TB, what string, cond func() bool) {
	t.Helper()
	for deadline := time.Now().Add(10 * time.Second); !cond(); {
		if time.Now().After(deadline) {
			t.Fatalf("never: %s", what)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

type writerFunc func([]byte) (int, error)

func (f writerFunc) Write(p []byte) (int, error) { return f(p) }
