// Package workshop serves a workshop over SSH: each participant who
// connects (any client, no key set-up) gives the join code and a name and
// answers the same walk as the local app, in their own session; the
// facilitator's dashboard watches the room and decides what it sees. One
// process serves many sessions; their answers are committed in shared
// batches, and the database file is left free between batches so that
// other socialmaturity commands can read it meanwhile.
package workshop

import (
	"crypto/ed25519"
	"crypto/rand"
	"crypto/subtle"
	"encoding/pem"
	"errors"
	"fmt"
	"io/fs"
	"net"
	"os"
	"path/filepath"
	"sync"
	"sync/atomic"
	"time"

	tea "charm.land/bubbletea/v2"
	"charm.land/ssh"
	"charm.land/wish/v2"
	bm "charm.land/wish/v2/bubbletea"
	"charm.land/wish/v2/recover"
	"github.com/adrg/xdg"
	gossh "golang.org/x/crypto/ssh"

	"socialmaturity/assess"
	"socialmaturity/messages"
	"socialmaturity/questions"
	"socialmaturity/store"
	"socialmaturity/tui"
)

// Defaults of a Config.
const (
	DefaultAddr        = "127.0.0.1:2222"
	DefaultMax         = 200
	DefaultIdleTimeout = 45 * time.Minute
	DefaultCodeDelay   = time.Second
	DefaultJoinTimeout = 2 * time.Minute
	DefaultKeepAlive   = 15 * time.Second
	DefaultSaveWait    = 2 * time.Second
	// HostKeyFile is the host key's file name in the data folder.
	HostKeyFile = "workshop_host_ed25519"
)

// Config configures a Server. Store, Workshop, Bank and Cat are required.
type Config struct {
	Store    *store.Store
	Workshop string // the workshop's id (or a unique prefix)
	Bank     *questions.Bank
	Cat      *messages.Catalog
	// Addr is where to listen (DefaultAddr when empty: this computer only).
	Addr string
	// Max is how many participants may have joined at once (DefaultMax
	// when 0); connections still at the join code or name do not count.
	Max int
	// DataDir is the app's own private folder (DefaultDataDir() when
	// empty): the host key is kept there (made on first use, 0600) unless
	// HostKeyPath says otherwise. A DataDir that does not exist is made
	// 0700; one that does is never changed.
	DataDir     string
	HostKeyPath string
	// Rescue writes the answers the database kept refusing to an answers
	// file; without it they go to the log.
	Rescue tui.RescueWriter
	// IdleTimeout closes a connection silent for that long
	// (DefaultIdleTimeout when 0). JoinTimeout closes one that has not
	// joined within it (DefaultJoinTimeout when 0). KeepAlive is how often
	// a joined client is asked whether it still answers: one that does not
	// within KeepAlive is closed, so that its participant can join again
	// (DefaultKeepAlive when 0). CodeDelay is the wait after a wrong join
	// code (DefaultCodeDelay when 0; negative for none, in tests).
	IdleTimeout time.Duration
	JoinTimeout time.Duration
	KeepAlive   time.Duration
	CodeDelay   time.Duration
	// SaveWindow is how long the first answer of a batch waits for others
	// (20 ms when 0). SaveWait is how long a participant's save waits for
	// a busy database before they are told their answers are kept until
	// it is free (DefaultSaveWait when 0). Patience is how long one
	// attempt on the database keeps trying while another process has it
	// (30 s when 0); at shutdown, answers still refused after it are
	// written through Rescue.
	SaveWindow time.Duration
	SaveWait   time.Duration
	Patience   time.Duration
	// Log receives one line per event (joins, refusals, shutdown); nil
	// discards them.
	Log func(line string)
	Now func() time.Time
}

// Server is a workshop served over SSH.
type Server struct {
	cfg         Config
	room        *Room
	db          *db
	srv         *ssh.Server
	ln          net.Listener
	fingerprint string
	active      atomic.Int64 // sessions running
	stopRefresh chan struct{}
	shutdown    sync.Once
	stopping    atomic.Bool
}

// New loads the workshop and listens; Serve then accepts participants.
func New(cfg Config) (*Server, error) {
	if cfg.Addr == "" {
		cfg.Addr = DefaultAddr
	}
	if cfg.Max <= 0 {
		cfg.Max = DefaultMax
	}
	if cfg.DataDir == "" {
		cfg.DataDir = DefaultDataDir()
	}
	if cfg.HostKeyPath == "" {
		cfg.HostKeyPath = filepath.Join(cfg.DataDir, HostKeyFile)
	}
	if cfg.IdleTimeout <= 0 {
		cfg.IdleTimeout = DefaultIdleTimeout
	}
	if cfg.JoinTimeout <= 0 {
		cfg.JoinTimeout = DefaultJoinTimeout
	}
	if cfg.KeepAlive <= 0 {
		cfg.KeepAlive = DefaultKeepAlive
	}
	if cfg.SaveWait <= 0 {
		cfg.SaveWait = DefaultSaveWait
	}
	if cfg.Patience <= 0 {
		cfg.Patience = 30 * time.Second
	}
	if cfg.CodeDelay == 0 {
		cfg.CodeDelay = DefaultCodeDelay
	}
	if cfg.SaveWindow <= 0 {
		cfg.SaveWindow = 20 * time.Millisecond
	}
	if cfg.Log == nil {
		cfg.Log = func(string) {}
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	keyPEM, err := hostKey(cfg.HostKeyPath)
	if err != nil {
		return nil, fmt.Errorf("workshop host key %s: %w", cfg.HostKeyPath, err)
	}
	var room *Room // told of answers kept for later and stored at last
	d := newDB(cfg.Store, cfg.SaveWindow, cfg.Patience, cfg.SaveWait, func(a *assess.Assessment) { room.storedLate(a) })
	var ws *store.Workshop
	var members []*assess.Assessment
	err = d.do(func(st *store.Store) (err error) {
		if ws, err = st.Workshop(cfg.Workshop); err != nil {
			return err
		}
		members, err = st.WorkshopMembers(ws.ID)
		return err
	})
	if err != nil {
		d.close()
		return nil, err
	}
	room = newRoom(d, cfg.Bank, cfg.Cat, cfg.Now, cfg.Log, cfg.Max, cfg.Rescue, ws, members)
	s := &Server{cfg: cfg, db: d, room: room, stopRefresh: make(chan struct{})}
	if s.srv, err = wish.NewServer(
		wish.WithHostKeyPEM(keyPEM),
		wish.WithIdleTimeout(cfg.IdleTimeout),
		wish.WithMiddleware(s.app, recover.Middleware()),
	); err != nil {
		d.close()
		return nil, fmt.Errorf("workshop server: %w", err)
	}
	s.fingerprint = gossh.FingerprintSHA256(s.srv.HostSigners[0].PublicKey())
	if s.ln, err = net.Listen("tcp", cfg.Addr); err != nil {
		d.close()
		return nil, fmt.Errorf("workshop server: %w", err)
	}
	return s, nil
}

// DefaultDataDir is the app's own folder in the XDG data folder.
func DefaultDataDir() string { return filepath.Join(xdg.DataHome, "socialmaturity") }

// hostKey reads the host key at path, or makes one there: its folder,
// when missing, 0700 (a folder that exists is left as it is) and the key
// 0600, never replacing a file.
func hostKey(path string) ([]byte, error) {
	if data, err := os.ReadFile(path); err == nil {
		return data, os.Chmod(path, 0o600)
	} else if !errors.Is(err, fs.ErrNotExist) {
		return nil, err
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return nil, err
	}
	_, key, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		return nil, err
	}
	block, err := gossh.MarshalPrivateKey(key, "")
	if err != nil {
		return nil, err
	}
	data := pem.EncodeToMemory(block)
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if errors.Is(err, fs.ErrExist) { // made meanwhile by another server
		return hostKey(path)
	}
	if err != nil {
		return nil, err
	}
	if _, err := f.Write(data); err != nil {
		f.Close()
		os.Remove(path)
		return nil, err
	}
	if err := f.Close(); err != nil {
		os.Remove(path)
		return nil, err
	}
	return data, nil
}

// Addr is the address the server listens on.
func (s *Server) Addr() string { return s.ln.Addr().String() }

// Port is the port the server listens on.
func (s *Server) Port() string {
	_, port, _ := net.SplitHostPort(s.Addr())
	return port
}

// Fingerprint is the host key's SHA256 fingerprint, as ssh shows it.
func (s *Server) Fingerprint() string { return s.fingerprint }

// Room is the served workshop's live state.
func (s *Server) Room() *Room { return s.room }

// Serve accepts participants until Shutdown; it then returns nil.
func (s *Server) Serve() error {
	w := s.room.Workshop()
	s.cfg.Log(s.cfg.Cat.T(messages.WSLogServing, w.ID, s.Addr(), s.Port(), w.Code, s.fingerprint))
	go s.refresh()
	err := s.srv.Serve(s.ln)
	if errors.Is(err, ssh.ErrServerClosed) || s.stopping.Load() {
		return nil
	}
	return err
}

// refresh sends the team result, while shown, as answers arrive.
func (s *Server) refresh() {
	t := time.NewTicker(250 * time.Millisecond)
	defer t.Stop()
	for {
		select {
		case <-t.C:
			s.room.refresh()
		case <-s.stopRefresh:
			return
		}
	}
}

// Shutdown stops the server: every session is told to store what it has
// on screen and end; after wait, the connections left are closed. It
// returns once every answer given is committed, or, when the database
// kept refusing them, written through Rescue (see Room.Rescues).
func (s *Server) Shutdown(wait time.Duration) error {
	var err error
	s.shutdown.Do(func() {
		s.cfg.Log(s.cfg.Cat.T(messages.WSLogStopping, wait, s.active.Load()))
		s.stopping.Store(true)
		_ = s.ln.Close() // Serve, even if it has not started yet, returns
		s.room.close()
		// Sessions end by themselves once told; the ones left after wait
		// are closed. (ssh.Server.Shutdown is not used: it waits for
		// connections clients keep open, and races with a Serve starting.)
		for deadline := time.Now().Add(wait); s.active.Load() > 0 && time.Now().Before(deadline); {
			time.Sleep(10 * time.Millisecond)
		}
		if cerr := s.srv.Close(); cerr != nil && !errors.Is(cerr, ssh.ErrServerClosed) && !errors.Is(cerr, net.ErrClosed) {
			err = cerr
		}
		// Sessions closed by force still store their answers.
		for deadline := time.Now().Add(10 * time.Second); s.active.Load() > 0 && time.Now().Before(deadline); {
			time.Sleep(10 * time.Millisecond)
		}
		close(s.stopRefresh)
		left := s.db.close()
		for _, a := range left {
			s.room.keepInFile(a)
		}
		if len(left) == 0 {
			s.cfg.Log(s.cfg.Cat.T(messages.WSLogStopped))
		} else {
			s.cfg.Log(s.cfg.Cat.T(messages.WSLogStoppedKept, len(left)))
		}
	})
	return err
}

// app is the only thing a connection can run: the participant's session.
// Only people who have joined count against the limit (the room checks
// it); a connection that has not joined within the join timeout is
// closed; a joined one is asked now and then whether its client still
// answers, and closed when it does not, so that its participant can join
// again.
func (s *Server) app(next ssh.Handler) ssh.Handler {
	cat := s.cfg.Cat
	return func(sess ssh.Session) {
		if len(sess.Command()) > 0 || sess.Subsystem() != "" {
			wish.Fatalln(sess, cat.T(messages.WSOnlyApp, s.Port()))
			return
		}
		if _, _, ok := sess.Pty(); !ok {
			wish.Fatalln(sess, cat.T(messages.WSNoTerminal))
			return
		}
		s.active.Add(1)
		defer s.active.Add(-1)
		var seated atomic.Pointer[seat]
		j := tui.NewJoin(tui.JoinOptions{
			Bank: s.cfg.Bank, Cat: cat, Now: s.cfg.Now,
			Title:     tui.WorkshopTitle(s.room.Workshop()),
			CheckCode: s.checkCode(sess),
			Delay:     max(s.cfg.CodeDelay, 0),
			Timeout:   s.cfg.JoinTimeout,
			Join: func(name string) (*tui.Seat, error) {
				ts, st, err := s.room.join(name, sess.Context().Done())
				if err != nil {
					s.cfg.Log(cat.T(messages.WSLogRefused, sess.RemoteAddr(), err))
					return nil, err
				}
				seated.Store(st)
				s.cfg.Log(cat.T(messages.WSLogJoined, messages.SafeLine(ts.Name)))
				go s.keepAlive(sess, st)
				return ts, nil
			},
			Done: sess.Context().Done(),
		})
		run := bm.MiddlewareWithProgramHandler(func(sess ssh.Session) *tea.Program {
			return tea.NewProgram(j, bm.MakeOptions(sess)...)
		})
		run(func(ssh.Session) {})(sess)
		j.Settle()
		note := j.ExitNote()
		if st := seated.Load(); st != nil {
			if kept := s.room.leave(st); kept != "" {
				note = kept
			}
			s.cfg.Log(cat.T(messages.WSLogLeft, messages.SafeLine(st.name)))
		}
		if note != "" {
			wish.Println(sess, note)
		}
		next(sess)
	}
}

// keepAlive asks the client of a seated session, every KeepAlive, whether
// it still answers, and closes the connection when it does not answer
// within KeepAlive; it stops when the session ends.
func (s *Server) keepAlive(sess ssh.Session, st *seat) {
	conn, ok := sess.Context().Value(ssh.ContextKeyConn).(gossh.Conn)
	if !ok {
		return
	}
	t := time.NewTicker(s.cfg.KeepAlive)
	defer t.Stop()
	for {
		select {
		case <-st.gone:
			return
		case <-sess.Context().Done():
			return
		case <-t.C:
		}
		answered := make(chan error, 1)
		go func() {
			_, _, err := conn.SendRequest("keepalive@openssh.com", true, nil)
			answered <- err
		}()
		select {
		case err := <-answered:
			if err == nil {
				continue
			}
		case <-time.After(s.cfg.KeepAlive):
		case <-st.gone:
			return
		}
		s.cfg.Log(s.cfg.Cat.T(messages.WSLogDropped, messages.SafeLine(st.name)))
		_ = conn.Close()
		return
	}
}

// checkCode compares a typed code with the workshop's, logging misses.
func (s *Server) checkCode(sess ssh.Session) func(string) bool {
	return func(code string) bool {
		want := s.room.Workshop().Code
		ok := subtle.ConstantTimeCompare([]byte(store.NormalizeCode(code)), []byte(want)) == 1
		if !ok {
			s.cfg.Log(s.cfg.Cat.T(messages.WSLogWrongCode, sess.RemoteAddr()))
		}
		return ok
	}
}
