package workshop

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	gossh "golang.org/x/crypto/ssh"

	"socialmaturity/messages"
	"socialmaturity/questions"
	"socialmaturity/store"
	"socialmaturity/tui"
)

// envLoadServer makes the test binary a workshop server for the load
// benchmark: it serves the workshop named by the variable in the database
// named by envLoadDB, with the dashboard running, prints its address, and
// stops when its standard input closes.
const (
	envLoadServer = "WORKSHOP_LOAD_SERVER"
	envLoadDB     = "WORKSHOP_LOAD_DB"
)

func TestMain(m *testing.M) {
	if id := os.Getenv(envLoadServer); id != "" {
		os.Exit(loadServer(id, os.Getenv(envLoadDB)))
	}
	os.Exit(m.Run())
}

func loadServer(id, path string) int {
	st, err := store.Open(path)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	bank, _ := questions.Default()
	cat := messages.English()
	srv, err := New(Config{Store: st, Workshop: id, Bank: bank, Cat: cat, Addr: "127.0.0.1:0", Max: 1000, CodeDelay: -1,
		DataDir: filepath.Join(filepath.Dir(path), "data"),
		Log: func(line string) {
			if strings.Contains(line, "could not save") || strings.Contains(line, "kept in") {
				fmt.Fprintln(os.Stderr, line)
			}
		}})
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	go func() { _ = srv.Serve() }()
	dash := tui.NewDashboard(tui.DashboardOptions{Room: srv.Room(), Bank: bank, Cat: cat, Port: srv.Port(), Host: "127.0.0.1", Fingerprint: srv.Fingerprint()})
	p := tea.NewProgram(dash, tea.WithInput(nil), tea.WithOutput(io.Discard), tea.WithWindowSize(120, 40))
	go func() { _, _ = p.Run() }()
	fmt.Println(srv.Addr())
	_, _ = io.Copy(io.Discard, os.Stdin)
	p.Kill()
	if err := srv.Shutdown(30 * time.Second); err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	return 0
}

// BenchmarkWorkshopLoad is the load test: N participants (WORKSHOP_LOAD_N,
// 200) connect over SSH on loopback, each joins with the code and walks the
// whole bank with real key presses, one every WORKSHOP_LOAD_PACE (1s),
// while the facilitator's dashboard runs in the server. It reports the
// keystroke → first screen update latency (p50/p95/p99), errors, the
// server's peak RSS and its memory per session, and checks that the
// database holds every answer afterwards. Run it alone, once:
//
//	go test ./workshop -run '^$' -bench WorkshopLoad -benchtime 1x
func BenchmarkWorkshopLoad(b *testing.B) {
	n := envInt("WORKSHOP_LOAD_N", 200)
	pace := time.Second
	if v := os.Getenv("WORKSHOP_LOAD_PACE"); v != "" {
		pace, _ = time.ParseDuration(v)
	}
	for range b.N {
		runLoad(b, n, pace)
	}
}

func envInt(name string, def int) int {
	if v, err := strconv.Atoi(os.Getenv(name)); err == nil && v > 0 {
		return v
	}
	return def
}

func runLoad(b *testing.B, n int, pace time.Duration) {
	path := filepath.Join(b.TempDir(), "sm.db")
	st, err := store.Open(path)
	if err != nil {
		b.Fatal(err)
	}
	ws, err := st.CreateWorkshop("Load", "", false)
	if err != nil {
		b.Fatal(err)
	}
	bank, _ := questions.Default()
	server := exec.Command(os.Args[0], "-test.run", "^$")
	server.Env = append(os.Environ(), envLoadServer+"="+ws.ID, envLoadDB+"="+path)
	server.Stderr = os.Stderr
	stdin, _ := server.StdinPipe()
	stdout, _ := server.StdoutPipe()
	if err := server.Start(); err != nil {
		b.Fatal(err)
	}
	addr, err := bufio.NewReader(stdout).ReadString('\n')
	if err != nil {
		b.Fatal(err)
	}
	addr = strings.TrimSpace(addr)
	idle := rss(server.Process.Pid, "VmRSS")

	keys := walkKeys(bank, "2")
	var (
		mu        sync.Mutex
		latencies []time.Duration
		errs      []error
		wg        sync.WaitGroup
		connected sync.WaitGroup
	)
	connected.Add(n)
	start := time.Now()
	gate := make(chan struct{}, 20) // connections made at once
	for i := range n {
		wg.Go(func() {
			name := fmt.Sprintf("p%03d", i)
			gate <- struct{}{}
			lc, err := loadJoin(addr, ws.Code, name)
			<-gate
			connected.Done()
			if err != nil {
				mu.Lock()
				errs = append(errs, fmt.Errorf("%s: %w", name, err))
				mu.Unlock()
				return
			}
			defer lc.close()
			connected.Wait()
			time.Sleep(time.Duration(i) * pace / time.Duration(n)) // spread the keys over the second
			for _, k := range keys {
				time.Sleep(pace)
				d, err := lc.press(k)
				mu.Lock()
				if err != nil {
					errs = append(errs, fmt.Errorf("%s: key %q: %w", name, k, err))
				} else {
					latencies = append(latencies, d)
				}
				mu.Unlock()
			}
			time.Sleep(2 * time.Second) // the result is stored before leaving
		})
	}
	connected.Wait()
	joinedIn := time.Since(start)
	full := rss(server.Process.Pid, "VmRSS")
	wg.Wait()
	peak := rss(server.Process.Pid, "VmHWM")
	stdin.Close()
	if err := server.Wait(); err != nil {
		b.Errorf("server: %v", err)
	}

	members, err := st.WorkshopMembers(ws.ID)
	if err != nil {
		b.Fatal(err)
	}
	stored := 0
	for _, m := range members {
		if m.CompletedAt != nil && len(m.Answers) == bank.QuestionCount() {
			stored++
		}
	}
	slices.Sort(latencies)
	pct := func(p float64) time.Duration {
		if len(latencies) == 0 {
			return 0
		}
		return latencies[min(int(p*float64(len(latencies))), len(latencies)-1)]
	}
	b.ReportMetric(float64(pct(0.50).Microseconds())/1000, "p50-ms")
	b.ReportMetric(float64(pct(0.95).Microseconds())/1000, "p95-ms")
	b.ReportMetric(float64(pct(0.99).Microseconds())/1000, "p99-ms")
	b.ReportMetric(float64(len(errs)), "errors")
	b.ReportMetric(float64(peak)/1024, "peak-RSS-MiB")
	b.ReportMetric(float64(full-idle)/1024/float64(n), "MiB/session")
	b.ReportMetric(float64(stored), "walks-stored")
	b.Logf("%d participants joined in %v; %d key presses; %d errors; %d of %d walks stored complete",
		n, joinedIn.Round(time.Millisecond), len(latencies), len(errs), stored, n)
	for _, e := range errs[:min(len(errs), 5)] {
		b.Log(e)
	}
	if len(errs) > 0 || stored != n {
		b.Errorf("%d errors, %d of %d walks stored", len(errs), stored, n)
	}
}

// rss reads a memory figure (kB) of a process from /proc.
func rss(pid int, field string) int {
	data, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(data), "\n") {
		if rest, ok := strings.CutPrefix(line, field+":"); ok {
			kb, _ := strconv.Atoi(strings.TrimSuffix(strings.TrimSpace(rest), " kB"))
			return kb
		}
	}
	return 0
}

// loadClient is one participant of the load test.
type loadClient struct {
	conn  *gossh.Client
	in    io.Writer
	reads chan time.Time // when each chunk of output arrived
	mu    sync.Mutex
	seen  strings.Builder
}

func loadJoin(addr, code, name string) (*loadClient, error) {
	conn, err := gossh.Dial("tcp", addr, &gossh.ClientConfig{User: name, HostKeyCallback: gossh.InsecureIgnoreHostKey(), Timeout: 30 * time.Second})
	if err != nil {
		return nil, err
	}
	sess, err := conn.NewSession()
	if err != nil {
		conn.Close()
		return nil, err
	}
	lc := &loadClient{conn: conn, reads: make(chan time.Time, 4096)}
	out, _ := sess.StdoutPipe()
	if lc.in, err = sess.StdinPipe(); err != nil {
		conn.Close()
		return nil, err
	}
	if err := sess.RequestPty("xterm-256color", 40, 100, gossh.TerminalModes{}); err != nil {
		conn.Close()
		return nil, err
	}
	if err := sess.Shell(); err != nil {
		conn.Close()
		return nil, err
	}
	go func() {
		buf := make([]byte, 32<<10)
		for {
			n, err := out.Read(buf)
			if n > 0 {
				lc.mu.Lock()
				if lc.seen.Len() < 64<<10 {
					lc.seen.Write(buf[:n])
				}
				lc.mu.Unlock()
				select {
				case lc.reads <- time.Now():
				default:
				}
			}
			if err != nil {
				close(lc.reads)
				return
			}
		}
	}()
	steps := []struct{ wait, send string }{{"Join code", code + "\r"}, {"Your name", name + "\r"}, {"more keys", ""}}
	for _, s := range steps {
		if err := lc.waitFor(s.wait); err != nil {
			conn.Close()
			return nil, err
		}
		if s.send != "" {
			if _, err := io.WriteString(lc.in, s.send); err != nil {
				conn.Close()
				return nil, err
			}
		}
	}
	return lc, nil
}

func (lc *loadClient) waitFor(text string) error {
	deadline := time.After(60 * time.Second)
	for {
		lc.mu.Lock()
		found := strings.Contains(lc.seen.String(), text)
		lc.mu.Unlock()
		if found {
			return nil
		}
		select {
		case _, ok := <-lc.reads:
			if !ok {
				return io.ErrUnexpectedEOF
			}
		case <-deadline:
			return fmt.Errorf("never shown %q", text)
		}
	}
}

// press sends a key and returns how long the first screen update took.
func (lc *loadClient) press(k string) (time.Duration, error) {
	lc.settle()
	start := time.Now()
	if _, err := io.WriteString(lc.in, k); err != nil {
		return 0, err
	}
	select {
	case at, ok := <-lc.reads:
		if !ok {
			return 0, io.ErrUnexpectedEOF
		}
		return at.Sub(start), nil
	case <-time.After(10 * time.Second):
		return 0, fmt.Errorf("no screen update in 10 s")
	}
}

// settle forgets the output that arrived so far (a saved mark, say).
func (lc *loadClient) settle() {
	for {
		select {
		case <-lc.reads:
		default:
			return
		}
	}
}

func (lc *loadClient) close() { lc.conn.Close() }
