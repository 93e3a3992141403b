package main

import (
	"fmt"
	"io"
	"os"

	"github.com/spf13/cobra"

	"socialmaturity/assess"
	"socialmaturity/messages"
	"socialmaturity/report"
)

func (a *app) scoreCmd() *cobra.Command {
	var bankFile string
	var targets []string
	format := a.formatFlag("text", "json")
	cmd := &cobra.Command{
		Use:   "score FILE",
		Short: a.cat.T(messages.CmdScore),
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			bank, err := loadBank(bankFile)
			if err != nil {
				return err
			}
			var t assess.Targets
			for _, s := range targets {
				if err := assess.ParseTarget(bank, s, &t); err != nil {
					return fmt.Errorf("--target: %w", err)
				}
			}
			name, data, err := a.readInput(args[0])
			if err != nil {
				return err
			}
			sub, err := assess.ParseSubmission(name, data, bank)
			if err != nil {
				return err
			}
			rep := report.Scored(bank, sub, assess.Evaluate(bank, sub.Answers, t))
			if format.value == "json" {
				return report.JSON(a.stdout, rep)
			}
			return report.Text(a.stdout, a.cat, rep)
		},
	}
	cmd.Flags().StringVar(&bankFile, "bank", "", a.cat.T(messages.FlagBank))
	cmd.Flags().StringArrayVar(&targets, "target", nil, a.cat.T(messages.FlagTarget))
	format.register(cmd, a)
	return cmd
}

// readInput reads a file, or standard input for "-".
func (a *app) readInput(path string) (string, []byte, error) {
	if path == "-" {
		data, err := io.ReadAll(a.stdin)
		if err != nil {
			return "", nil, fmt.Errorf("%s", a.cat.T(messages.ErrReadInput, "stdin", err))
		}
		return "stdin", data, nil
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return "", nil, fmt.Errorf("%s", a.cat.T(messages.ErrReadInput, path, err))
	}
	return path, data, nil
}
