package main

import (
	"encoding/json"
	"fmt"
	"os"
	"strings"

	"github.com/spf13/cobra"

	"socialmaturity/messages"
	"socialmaturity/questions"
)

func (a *app) bankCmd() *cobra.Command {
	cmd := &cobra.Command{Use: "bank", Short: a.cat.T(messages.CmdBank)}
	cmd.AddCommand(a.bankDumpCmd(), a.bankValidateCmd())
	return cmd
}

func (a *app) bankDumpCmd() *cobra.Command {
	var bankFile string
	format := a.formatFlag("yaml", "json")
	cmd := &cobra.Command{
		Use:   "dump",
		Short: a.cat.T(messages.CmdBankDump),
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			bank, source, err := loadBankSource(bankFile)
			if err != nil {
				return err
			}
			if format.value == "json" {
				enc := json.NewEncoder(a.stdout)
				enc.SetIndent("", "  ")
				return enc.Encode(bank)
			}
			_, err = a.stdout.Write(source)
			return err
		},
	}
	cmd.Flags().StringVar(&bankFile, "bank", "", a.cat.T(messages.FlagBank))
	format.register(cmd, a)
	return cmd
}

func (a *app) bankValidateCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "validate FILE",
		Short: a.cat.T(messages.CmdBankValidate),
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if _, err := questions.LoadFile(args[0]); err != nil {
				return err
			}
			fmt.Fprintln(a.stdout, a.cat.T(messages.OK))
			return nil
		},
	}
}

// loadBank returns the bank in file, or the default bank when file is empty.
func loadBank(file string) (*questions.Bank, error) {
	b, _, err := loadBankSource(file)
	return b, err
}

func loadBankSource(file string) (*questions.Bank, []byte, error) {
	if file == "" {
		b, err := questions.Default()
		return b, questions.DefaultYAML(), err
	}
	data, err := os.ReadFile(file)
	if err != nil {
		return nil, nil, fmt.Errorf("--bank: %w", err)
	}
	b, err := questions.Load(file, data)
	return b, data, err
}

// formatFlag is a --format flag restricted to a list of values, the first
// being the default.
type formatFlag struct {
	value   string
	allowed []string
}

func (a *app) formatFlag(allowed ...string) *formatFlag {
	return &formatFlag{value: allowed[0], allowed: allowed}
}

// register adds the flag to cmd and checks its value before cmd runs.
func (f *formatFlag) register(cmd *cobra.Command, a *app) {
	cmd.Flags().StringVar(&f.value, "format", f.value, a.cat.T(messages.FlagFormat, strings.Join(f.allowed, "|")))
	cmd.PreRunE = func(*cobra.Command, []string) error { return f.check(a) }
}

func (f *formatFlag) check(a *app) error {
	for _, v := range f.allowed {
		if f.value == v {
			return nil
		}
	}
	return fmt.Errorf("%s", a.cat.T(messages.ErrFlagFormat, f.value, strings.Join(f.allowed, ", ")))
}
