package main

import (
	"context"
	"errors"
	"fmt"
	"net"
	"os"
	"os/signal"
	"syscall"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/spf13/cobra"

	"socialmaturity/messages"
	"socialmaturity/store"
	"socialmaturity/tui"
	"socialmaturity/workshop"
)

func init() { workshopSubcommands = append(workshopSubcommands, (*app).workshopServeCmd) }

// shutdownWait is how long the server waits for sessions to store their
// answers and end before closing them.
const shutdownWait = 10 * time.Second

type serveFlags struct {
	addr            string
	max             int
	headless, paced bool
}

func (a *app) workshopServeCmd() *cobra.Command {
	var f serveFlags
	cmd := &cobra.Command{
		Use:     "serve ID",
		Short:   a.cat.T(messages.WSCmdServe),
		Example: a.cat.T(messages.WSExampleServe),
		Args:    cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return a.serveWorkshop(cmd.Context(), args[0], f)
		},
	}
	cmd.Flags().StringVar(&f.addr, "addr", workshop.DefaultAddr, a.cat.T(messages.WSFlagAddr))
	cmd.Flags().IntVar(&f.max, "max", workshop.DefaultMax, a.cat.T(messages.WSFlagMax))
	cmd.Flags().BoolVar(&f.headless, "headless", false, a.cat.T(messages.WSFlagHeadless))
	cmd.Flags().BoolVar(&f.paced, "paced", false, a.cat.T(messages.WSFlagServePaced))
	return cmd
}

// serveWorkshop serves workshop id until the facilitator quits or ends it,
// or (headless) until an interrupt; then it stores every answer given.
func (a *app) serveWorkshop(ctx context.Context, id string, f serveFlags) error {
	if f.max < 1 {
		return errors.New(a.cat.T(messages.WSErrMax, f.max))
	}
	if !f.headless && !isTerminal(a.stdin) {
		return errors.New(a.cat.T(messages.WSErrNeedsTerminal))
	}
	bank, err := a.loadBank("")
	if err != nil {
		return err
	}
	st, err := a.openStore()
	if err != nil {
		return err
	}
	logTo := func(string) {}
	if f.headless {
		logTo = func(line string) { fmt.Fprintln(a.stderr, messages.SafeLine(line)) }
	}
	data := workshop.DefaultDataDir()
	srv, err := workshop.New(workshop.Config{Store: st, Workshop: id, Bank: bank, Cat: a.cat, Addr: f.addr, Max: f.max, Log: logTo,
		DataDir: data, Rescue: rescueWriter(data)})
	if err != nil {
		return err
	}
	if f.paced && !srv.Room().Workshop().State.Paced {
		if err := srv.Room().Change(func(w *store.Workshop) { w.State.Paced = true }); err != nil {
			_ = srv.Shutdown(0)
			return err
		}
	}
	served := make(chan error, 1)
	go func() { served <- srv.Serve() }()

	if f.headless {
		sigCtx, stop := signal.NotifyContext(ctx, os.Interrupt, syscall.SIGTERM)
		defer stop()
		select {
		case <-sigCtx.Done():
		case err := <-served:
			return err
		}
	} else {
		d := tui.NewDashboard(tui.DashboardOptions{
			Room: srv.Room(), Bank: bank, Cat: a.cat,
			Port: srv.Port(), Host: joinHost(srv.Addr()), Fingerprint: srv.Fingerprint(),
		})
		if _, err := tea.NewProgram(d, tea.WithContext(ctx), tea.WithInput(a.stdin), tea.WithOutput(a.stdout)).Run(); err != nil && !errors.Is(err, tea.ErrProgramKilled) {
			_ = a.stopServer(srv, f.headless)
			return err
		}
	}
	if err := a.stopServer(srv, f.headless); err != nil {
		return err
	}
	return <-served
}

// stopServer shuts the server down; with the dashboard gone and no log,
// it then says where answers the database refused were written.
func (a *app) stopServer(srv *workshop.Server, headless bool) error {
	err := srv.Shutdown(shutdownWait)
	if headless {
		return err // the log said it
	}
	for _, r := range srv.Room().Rescues() {
		key := messages.WSDashRescued
		if r.Stored {
			key = messages.WSDashRescuedStored
		}
		fmt.Fprintln(a.stderr, messages.SafeLine(a.cat.T(key, r.Name, r.Path)))
	}
	return err
}

// joinHost is the host participants type: this computer's address in the
// room when the server listens on every interface, else the one it
// listens on.
func joinHost(addr string) string {
	host, _, _ := net.SplitHostPort(addr)
	ip := net.ParseIP(host)
	if ip == nil || !ip.IsUnspecified() {
		return host
	}
	addrs, _ := net.InterfaceAddrs()
	for _, a := range addrs {
		if n, ok := a.(*net.IPNet); ok && !n.IP.IsLoopback() && n.IP.To4() != nil {
			return n.IP.String()
		}
	}
	return host
}
