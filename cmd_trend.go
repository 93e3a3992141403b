package main

import (
	"errors"

	"github.com/spf13/cobra"

	"socialmaturity/assess"
	"socialmaturity/messages"
	"socialmaturity/report"
)

func (a *app) trendCmd() *cobra.Command {
	var org, bankFile string
	format := newFormatFlag(report.FormatText, report.FormatJSON, report.FormatCSV)
	cmd := &cobra.Command{
		Use:   "trend",
		Short: a.cat.T(messages.CmdTrend),
		Long:  a.cat.T(messages.CmdTrendLong),
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if err := a.needOrg(cmd, org); err != nil {
				return err
			}
			bank, err := a.loadBank(bankFile)
			if err != nil {
				return err
			}
			s, err := a.openStore()
			if err != nil {
				return err
			}
			h, err := s.History(org)
			if err != nil {
				return a.orgError(err, org)
			}
			if len(h) == 0 {
				return errors.New(a.cat.T(messages.ErrNoHistory, quoted(org)))
			}
			return report.Trend(a.stdout, a.cat, assess.NewTrend(bank, h), format.value)
		},
	}
	cmd.Flags().StringVar(&org, "org", "", a.cat.T(messages.FlagOrgName))
	cmd.Flags().StringVar(&bankFile, "bank", "", a.cat.T(messages.FlagBank))
	format.register(cmd, a)
	return cmd
}
