// Package workshop serves a workshop over SSH: each participant who
// connects (any client, no key set-up) gives the join code and a name and
// answers the same walk as the local app, in their own session; the
// facilitator's dashboard watches the room and decides what it sees. One
// process serves many sessions; their answers are committed in shared
// batches, and the database file is left free between batches so that
// other socialmaturity commands can read it meanwhile.
package workshop

import (
	"crypto/subtle"
	"errors"
	"fmt"
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
	// HostKeyFile is the host key's file name in the database's folder.
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
	// Max is how many participants may be connected at once (DefaultMax
	// when 0).
	Max int
	// HostKeyPath is the host key, made on first use (0600); HostKeyFile
	// next to the database when empty.
	HostKeyPath string
	// IdleTimeout closes a connection silent for that long
	// (DefaultIdleTimeout when 0). CodeDelay is the wait after a wrong
	// join code (DefaultCodeDelay when 0; negative for none, in tests).
	IdleTimeout time.Duration
	CodeDelay   time.Duration
	// SaveWindow is how long the first answer of a batch waits for others
	// (20 ms when 0).
	SaveWindow time.Duration
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
	if cfg.HostKeyPath == "" {
		cfg.HostKeyPath = DefaultHostKeyPath(cfg.Store)
	}
	if cfg.IdleTimeout <= 0 {
		cfg.IdleTimeout = DefaultIdleTimeout
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
	d := newDB(cfg.Store, cfg.SaveWindow, 30*time.Second)
	var ws *store.Workshop
	var members []*assess.Assessment
	err := d.do(func(st *store.Store) (err error) {
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
	s := &Server{cfg: cfg, db: d, room: newRoom(d, cfg.Bank, cfg.Cat, cfg.Now, cfg.Log, ws, members), stopRefresh: make(chan struct{})}
	if s.srv, err = wish.NewServer(
		wish.WithHostKeyPath(cfg.HostKeyPath),
		wish.WithIdleTimeout(cfg.IdleTimeout),
		wish.WithMiddleware(s.app, recover.Middleware()),
	); err != nil {
		d.close()
		return nil, fmt.Errorf("workshop server: %w", err)
	}
	if err := os.Chmod(cfg.HostKeyPath, 0o600); err != nil {
		d.close()
		return nil, fmt.Errorf("host key: %w", err)
	}
	s.fingerprint = gossh.FingerprintSHA256(s.srv.HostSigners[0].PublicKey())
	if s.ln, err = net.Listen("tcp", cfg.Addr); err != nil {
		d.close()
		return nil, fmt.Errorf("workshop server: %w", err)
	}
	return s, nil
}

// DefaultHostKeyPath is the host key's path next to st's database.
func DefaultHostKeyPath(st *store.Store) string {
	return filepath.Join(filepath.Dir(st.Path()), HostKeyFile)
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
// returns once every answer given is committed (or could not be).
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
		s.db.close()
		s.cfg.Log(s.cfg.Cat.T(messages.WSLogStopped))
	})
	return err
}

// app is the only thing a connection can run: the participant's session.
func (s *Server) app(next ssh.Handler) ssh.Handler {
	cat := s.cfg.Cat
	return func(sess ssh.Session) {
		if len(sess.Command()) > 0 || sess.Subsystem() != "" {
			wish.Fatalln(sess, cat.T(messages.WSOnlyApp))
			return
		}
		if _, _, ok := sess.Pty(); !ok {
			wish.Fatalln(sess, cat.T(messages.WSNoTerminal))
			return
		}
		if n := s.active.Add(1); n > int64(s.cfg.Max) {
			s.active.Add(-1)
			s.cfg.Log(cat.T(messages.WSLogFull, sess.RemoteAddr(), s.cfg.Max))
			wish.Fatalln(sess, cat.T(messages.WSFull, s.cfg.Max))
			return
		}
		defer s.active.Add(-1)
		var seated atomic.Pointer[seat]
		j := tui.NewJoin(tui.JoinOptions{
			Bank: s.cfg.Bank, Cat: cat, Now: s.cfg.Now,
			Title:     tui.WorkshopTitle(s.room.Workshop()),
			CheckCode: s.checkCode(sess),
			Delay:     max(s.cfg.CodeDelay, 0),
			Join: func(name string) (*tui.Seat, error) {
				ts, st, err := s.room.join(name)
				if err == nil {
					seated.Store(st)
					s.cfg.Log(cat.T(messages.WSLogJoined, messages.SafeLine(ts.Name)))
				}
				return ts, err
			},
			Done: sess.Context().Done(),
		})
		run := bm.MiddlewareWithProgramHandler(func(sess ssh.Session) *tea.Program {
			return tea.NewProgram(j, bm.MakeOptions(sess)...)
		})
		run(func(ssh.Session) {})(sess)
		j.Settle()
		if note := j.ExitNote(); note != "" {
			wish.Println(sess, note)
		}
		if st := seated.Load(); st != nil {
			s.room.leave(st)
			s.cfg.Log(cat.T(messages.WSLogLeft, messages.SafeLine(st.name)))
		}
		next(sess)
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
