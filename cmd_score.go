package main

import (
	"fmt"

	"github.com/spf13/cobra"

	"socialmaturity/assess"
	"socialmaturity/messages"
	"socialmaturity/report"
)

func (a *app) scoreCmd() *cobra.Command {
	var bankFile string
	var targets []string
	format := newFormatFlag("text", "json")
	cmd := &cobra.Command{
		Use:   "score FILE",
		Short: a.cat.T(messages.CmdScore),
		Args:  a.args("FILE"),
		RunE: func(cmd *cobra.Command, args []string) error {
			bank, err := a.loadBank(bankFile)
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
			r := assess.Evaluate(bank, sub.Answers, t)
			v := assess.NewView(bank, &assess.Assessment{Submission: sub, Bank: assess.RefOf(bank), Result: &r}, nil)
			if format.value == "json" {
				// Each recommendation says why it fired, worded.
				for i, rv := range v.Recommendations {
					r.Recommendations[i].Because.Text = rv.Because.Text(a.cat)
				}
				return report.JSON(a.stdout, a.cat, v)
			}
			return report.Text(a.stdout, a.cat, v)
		},
	}
	cmd.Flags().StringVar(&bankFile, "bank", "", a.cat.T(messages.FlagBank))
	cmd.Flags().StringArrayVar(&targets, "target", nil, a.cat.T(messages.FlagTarget))
	format.register(cmd, a)
	return cmd
}
