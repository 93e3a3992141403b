package main

import (
	"encoding/json"
	"fmt"

	"github.com/spf13/cobra"

	"socialmaturity/messages"
)

func (a *app) bankCmd() *cobra.Command {
	cmd := &cobra.Command{Use: "bank", Short: a.cat.T(messages.CmdBank)}
	cmd.AddCommand(a.bankDumpCmd(), a.bankValidateCmd())
	return cmd
}

func (a *app) bankDumpCmd() *cobra.Command {
	var bankFile string
	format := newFormatFlag("yaml", "json")
	cmd := &cobra.Command{
		Use:   "dump",
		Short: a.cat.T(messages.CmdBankDump),
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			bank, source, err := a.loadBankSource(bankFile)
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
		Args:  a.args("FILE"),
		RunE: func(cmd *cobra.Command, args []string) error {
			if _, err := a.loadBank(args[0]); err != nil {
				return err
			}
			_, err := fmt.Fprintln(a.stdout, a.cat.T(messages.OK))
			return err
		},
	}
}
