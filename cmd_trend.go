package main

import (
	"errors"

	"github.com/spf13/cobra"

	"socialmaturity/assess"
	"socialmaturity/messages"
	"socialmaturity/questions"
	"socialmaturity/report"
	"socialmaturity/store"
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
			bank, _, h, err := a.orgHistory(cmd, org, bankFile)
			if err != nil {
				return err
			}
			return report.Trend(a.stdout, a.cat, assess.NewTrend(bank, h), format.value)
		},
	}
	cmd.Flags().StringVar(&org, "org", "", a.cat.T(messages.FlagOrgName))
	cmd.Flags().StringVar(&bankFile, "bank", "", a.cat.T(messages.FlagBank))
	format.register(cmd, a)
	return cmd
}

// orgHistory is what trend and benchmark start from: the bank, the store and
// the organization's completed assessments, oldest first; an organization
// with none is an error that names it.
func (a *app) orgHistory(cmd *cobra.Command, org, bankFile string) (*questions.Bank, *store.Store, []assess.Summary, error) {
	if err := a.needOrg(cmd, org); err != nil {
		return nil, nil, nil, err
	}
	bank, err := a.loadBank(bankFile)
	if err != nil {
		return nil, nil, nil, err
	}
	s, err := a.openStore()
	if err != nil {
		return nil, nil, nil, err
	}
	h, err := s.History(org)
	if err != nil {
		return nil, nil, nil, a.orgError(err, org)
	}
	if len(h) == 0 {
		return nil, nil, nil, errors.New(a.cat.T(messages.ErrNoHistory, quoted(org)))
	}
	return bank, s, h, nil
}
