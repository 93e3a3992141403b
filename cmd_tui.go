package main

import (
	"bytes"
	"context"
	"errors"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"

	"github.com/adrg/xdg"
	"github.com/charmbracelet/x/term"
	"github.com/spf13/cobra"

	"socialmaturity/assess"
	"socialmaturity/messages"
	"socialmaturity/questions"
	"socialmaturity/report"
	"socialmaturity/store"
	"socialmaturity/tui"
)

// tuiFlags are the flags of the commands that open the interactive app.
type tuiFlags struct {
	bank                  string
	accessible            bool
	org, respondent, role string
	exportDir             string
	workshop              string
}

func (a *app) addTUIFlags(cmd *cobra.Command, f *tuiFlags) {
	cmd.Flags().StringVar(&f.bank, "bank", "", a.cat.T(messages.FlagBank))
	cmd.Flags().BoolVar(&f.accessible, "accessible", envOn("ACCESSIBLE"), a.cat.T(messages.FlagAccessible))
	cmd.Flags().StringVar(&f.exportDir, "export-dir", "", a.cat.T(messages.FlagExportDir, envExportDir))
}

// envExportDir names the environment variable that sets the folder for
// reports exported from the app.
const envExportDir = "SOCIALMATURITY_EXPORT_DIR"

// exportDir is the folder reports exported from the app go to: flag when
// given, else $SOCIALMATURITY_EXPORT_DIR, else a socialmaturity folder in
// the user's documents folder (XDG user directories).
func exportDir(flag string) string {
	if flag != "" {
		return flag
	}
	if dir := os.Getenv(envExportDir); dir != "" {
		return dir
	}
	return filepath.Join(xdg.UserDirs.Documents, "socialmaturity")
}

func (a *app) assessCmd() *cobra.Command {
	var f tuiFlags
	cmd := &cobra.Command{
		Use:   "assess",
		Short: a.cat.T(messages.CmdAssess),
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if cmd.Flags().Changed("org") && strings.TrimSpace(f.org) == "" {
				return errors.New(a.cat.T(messages.ErrEmptyOrg))
			}
			start := tui.StartSetup
			if f.org != "" {
				start = tui.StartWalk
			}
			return a.runTUI(cmd.Context(), start, f)
		},
	}
	a.addTUIFlags(cmd, &f)
	cmd.Flags().StringVar(&f.org, "org", "", a.cat.T(messages.FlagAssessOrg))
	cmd.Flags().StringVar(&f.respondent, "respondent", "", a.cat.T(messages.FlagRespondent))
	cmd.Flags().StringVar(&f.role, "role", "", a.cat.T(messages.FlagRole))
	cmd.Flags().StringVar(&f.workshop, "workshop", "", a.cat.T(messages.FlagAssessWorkshop))
	cmd.MarkFlagsMutuallyExclusive("org", "workshop")
	return cmd
}

// runTUI opens the app at start: as plain prompts when asked for, else full
// screen, which needs a terminal. Answers that cannot be stored are rescued
// to the database's folder. A termination signal (SIGTERM) ends the run with
// the answers stored, said so, and exit code 143.
func (a *app) runTUI(ctx context.Context, start tui.Start, f tuiFlags) (err error) {
	bank, err := a.loadBank(f.bank)
	if err != nil {
		return err
	}
	if !f.accessible && !isTerminal(a.stdin) {
		return errors.New(a.cat.T(messages.ErrNotTerminal))
	}
	s, err := a.openStore()
	if err != nil {
		return err
	}
	defer func() {
		if cerr := s.Close(); err == nil {
			err = cerr
		}
	}()
	o := tui.Options{
		Store: s, Bank: bank, Cat: a.cat, Start: start, Org: f.org, Respondent: f.respondent, Role: f.role,
		Export:    a.exporter(bank, exportDir(f.exportDir), s),
		ExportPDF: havePDF(),
		Open:      systemOpener(),
		Rescue:    rescueWriter(filepath.Dir(s.Path())),
	}
	if f.workshop != "" {
		if err := a.joinLocally(s, &o, f.workshop); err != nil {
			return err
		}
	}
	runCtx, stop := signal.NotifyContext(ctx, syscall.SIGTERM)
	defer stop()
	if f.accessible {
		err = tui.RunAccessible(runCtx, o, a.stdin, a.stdout)
	} else {
		err = tui.Run(runCtx, o, a.stdin, a.stdout, os.Getenv("NO_COLOR") != "")
	}
	if runCtx.Err() != nil && ctx.Err() == nil { // SIGTERM
		var unsaved *tui.UnsavedError
		if !f.accessible && !errors.As(err, &unsaved) { // the exit note is printed; the rest is the runtime's
			err = errors.New(strings.TrimSpace(a.cat.T(messages.TerminatedKept, "")))
		}
		return &exitError{code: exitTerminated, err: err}
	}
	return err
}

// joinLocally makes the app a local respondent of a workshop (the laptop
// passed round the room): the workshop's organization, every new
// assessment filed under it, and the set-up form asking who is answering
// unless --respondent said so.
func (a *app) joinLocally(s *store.Store, o *tui.Options, ref string) error {
	w, err := s.Workshop(ref)
	if err != nil {
		return err
	}
	if w.State.Ended {
		return errors.New(a.cat.T(messages.ErrWorkshopEnded, messages.SafeLine(w.Org)))
	}
	o.Workshop, o.Org, o.Start = w.ID, w.Org, tui.StartSetup
	if o.Respondent != "" {
		o.Start = tui.StartWalk
	}
	return nil
}

// havePDF reports whether reports can be printed to PDF here (an installed
// Chrome or Chromium).
func havePDF() bool {
	_, err := report.FindBrowser("")
	return err == nil
}

// exitTerminated is the exit code after SIGTERM: 128+15, what a shell
// reports for a process the signal ended.
const exitTerminated = 143

// rescueWriter keeps answers the database refused in dir (the data
// folder), readable by their owner only, never replacing a file.
func rescueWriter(dir string) tui.RescueWriter {
	return func(name string, data []byte) (string, error) {
		if err := os.MkdirAll(dir, 0o700); err != nil {
			return "", err
		}
		path, err := report.WriteNew(filepath.Join(dir, name), data, 0o600)
		if err != nil {
			return "", err
		}
		return filepath.Abs(path)
	}
}

// exitError is an error that ends the process with its own exit code
// rather than 1.
type exitError struct {
	code int
	err  error
}

func (e *exitError) Error() string { return e.err.Error() }

func (e *exitError) Unwrap() error { return e.err }

// ExitCode is the process's exit code.
func (e *exitError) ExitCode() int { return e.code }

// exporter writes the results screen's exports with the report package,
// branded as s says, to new files in dir (made when missing), and returns
// each file's full path.
func (a *app) exporter(bank *questions.Bank, dir string, s *store.Store) tui.Exporter {
	return func(x, previous *assess.Assessment, format string) (string, error) {
		b, err := s.Branding()
		if err != nil {
			return "", err
		}
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return "", errors.New(a.cat.T(messages.ErrExportDir, dir, pathCause(err)))
		}
		var buf bytes.Buffer
		if err := report.Export(&buf, a.cat, assess.NewView(bank, x, previous), format, reportOptions(b)); err != nil {
			return "", err
		}
		path, err := report.WriteNew(filepath.Join(dir, report.FileName(x, format)), buf.Bytes(), 0o644)
		if err != nil {
			return "", err
		}
		return filepath.Abs(path)
	}
}

// systemOpener opens a file with the system's opener (xdg-open, or open on
// macOS), started on its own with its output discarded; nil when there is
// none.
func systemOpener() func(path string) error {
	name := "xdg-open"
	if runtime.GOOS == "darwin" {
		name = "open"
	}
	prog, err := exec.LookPath(name)
	if err != nil {
		return nil
	}
	return func(path string) error {
		cmd := exec.Command(prog, path)
		cmd.Stdin, cmd.Stdout, cmd.Stderr = nil, nil, nil // the null device
		if err := cmd.Start(); err != nil {
			return err
		}
		go func() { _ = cmd.Wait() }() // reaped whenever it ends; never waited for
		return nil
	}
}

// envOn reports whether an environment variable is set to something other
// than empty, 0 or false.
func envOn(name string) bool {
	switch strings.ToLower(os.Getenv(name)) {
	case "", "0", "false", "no", "off":
		return false
	}
	return true
}

func isTerminal(r any) bool {
	f, ok := r.(*os.File)
	return ok && term.IsTerminal(f.Fd())
}
