package main

import (
	"context"
	"errors"
	"os"
	"os/signal"
	"path/filepath"
	"strings"
	"syscall"

	"github.com/charmbracelet/x/term"
	"github.com/spf13/cobra"

	"socialmaturity/assess"
	"socialmaturity/messages"
	"socialmaturity/questions"
	"socialmaturity/report"
	"socialmaturity/tui"
)

// tuiFlags are the flags of the commands that open the interactive app.
type tuiFlags struct {
	bank                  string
	accessible            bool
	org, respondent, role string
}

func (a *app) addTUIFlags(cmd *cobra.Command, f *tuiFlags) {
	cmd.Flags().StringVar(&f.bank, "bank", "", a.cat.T(messages.FlagBank))
	cmd.Flags().BoolVar(&f.accessible, "accessible", envOn("ACCESSIBLE"), a.cat.T(messages.FlagAccessible))
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
		Export: a.exporter(bank),
		Rescue: rescueWriter(filepath.Dir(s.Path())),
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
// to new files in the current folder.
func (a *app) exporter(bank *questions.Bank) tui.Exporter {
	return func(x, previous *assess.Assessment, format string) (string, error) {
		return report.WriteFile("", a.cat, assess.NewView(bank, x, previous), format)
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
