package main

import (
	"encoding/json"
	"errors"
	"fmt"
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
	var version int
	format := newFormatFlag("yaml", "json")
	cmd := &cobra.Command{
		Use:   "dump",
		Short: a.cat.T(messages.CmdBankDump),
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			var bank *questions.Bank
			var source []byte
			var err error
			if cmd.Flags().Changed("version") {
				if bankFile != "" {
					return errors.New(a.cat.T(messages.ErrBankAndVersion))
				}
				bank, source, err = a.builtinBank(version)
			} else {
				bank, source, err = a.loadBankSource(bankFile)
			}
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
	cmd.Flags().IntVar(&version, "version", 0, a.cat.T(messages.FlagBankVersion))
	format.register(cmd, a)
	return cmd
}

// builtinBank returns a version of the built-in bank with its source.
func (a *app) builtinBank(version int) (*questions.Bank, []byte, error) {
	def, err := questions.Default()
	if err != nil {
		return nil, nil, err
	}
	bank, ok := questions.Builtin(def.ID, version, def.Language)
	if !ok {
		var have []string
		for _, v := range questions.BuiltinVersions(def.ID, def.Language) {
			have = append(have, a.cat.Int(v))
		}
		return nil, nil, errors.New(a.cat.T(messages.ErrBankVersion, version, strings.Join(have, ", ")))
	}
	_, source, _ := questions.BuiltinYAML(def.ID, version, def.Language)
	return bank, source, nil
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
