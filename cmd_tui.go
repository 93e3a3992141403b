package main

import (
	"context"
	"fmt"
	"os"
	"strings"

	"github.com/charmbracelet/x/term"
	"github.com/spf13/cobra"

	"socialmaturity/messages"
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
// screen, which needs a terminal.
func (a *app) runTUI(ctx context.Context, start tui.Start, f tuiFlags) error {
	bank, err := loadBank(f.bank)
	if err != nil {
		return err
	}
	if !f.accessible && !isTerminal(a.stdin) {
		return fmt.Errorf("%s", a.cat.T(messages.ErrNotTerminal))
	}
	s, err := a.openStore()
	if err != nil {
		return err
	}
	o := tui.Options{Store: s, Bank: bank, Cat: a.cat, Start: start, Org: f.org, Respondent: f.respondent, Role: f.role}
	if f.accessible {
		return tui.RunAccessible(o, a.stdin, a.stdout)
	}
	return tui.Run(ctx, o, a.stdin, a.stdout, os.Getenv("NO_COLOR") != "")
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
