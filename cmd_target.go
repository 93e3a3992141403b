package main

import (
	"errors"
	"fmt"
	"maps"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"socialmaturity/assess"
	"socialmaturity/messages"
	"socialmaturity/questions"
	"socialmaturity/store"
)

// targetFlags are the flags of the target commands.
type targetFlags struct {
	org, pillar, keyAction, bank string
	all                          bool
}

func (a *app) targetCmd() *cobra.Command {
	cmd := &cobra.Command{Use: "target", Short: a.cat.T(messages.CmdTarget), Long: a.cat.T(messages.CmdTargetLong)}
	var f targetFlags
	set := &cobra.Command{
		Use:   "set SCORE",
		Short: a.cat.T(messages.CmdTargetSet),
		Args:  a.args("SCORE"),
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := a.needOrg(cmd, f.org); err != nil {
				return err
			}
			v, err := strconv.ParseFloat(strings.TrimSpace(args[0]), 64)
			if err != nil || math.IsNaN(v) || v < 0 || v > 100 {
				return errors.New(a.cat.T(messages.ErrTargetScore, args[0]))
			}
			bank, err := a.loadBank(f.bank)
			if err != nil {
				return err
			}
			var t assess.TargetSet
			part := assess.OverallID
			switch {
			case f.pillar != "":
				if !isPillar(bank, f.pillar) {
					return errors.New(a.cat.T(messages.ErrTargetPillar, f.pillar, strings.Join(pillarIDs(bank), ", ")))
				}
				part, t.Pillars = f.pillar, map[string]float64{f.pillar: v}
			case f.keyAction != "":
				if _, ok := bank.KeyAction(f.keyAction); !ok {
					return errors.New(a.cat.T(messages.ErrTargetKeyAction, f.keyAction))
				}
				part, t.KeyActions = f.keyAction, map[string]float64{f.keyAction: v}
			default:
				t.Overall = &v
			}
			s, err := a.openStore()
			if err != nil {
				return err
			}
			if err := s.SetTarget(f.org, t); err != nil {
				return a.orgError(err, f.org)
			}
			o, err := s.Org(f.org)
			if err != nil {
				return err
			}
			_, err = fmt.Fprintln(a.stdout, a.cat.T(messages.TargetSaved, quoted(o.Name), a.partTitle(bank, part), a.cat.Score(v)))
			return err
		},
	}
	show := &cobra.Command{
		Use:   "show",
		Short: a.cat.T(messages.CmdTargetShow),
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if err := a.needOrg(cmd, f.org); err != nil {
				return err
			}
			bank, err := a.loadBank(f.bank)
			if err != nil {
				return err
			}
			s, err := a.openStore()
			if err != nil {
				return err
			}
			o, err := s.Org(f.org)
			if err != nil {
				return a.orgError(err, f.org)
			}
			if o.Targets.IsZero() {
				_, err = fmt.Fprintln(a.stdout, a.cat.T(messages.TargetNone, quoted(o.Name)))
				return err
			}
			h, err := s.History(f.org)
			if err != nil {
				return err
			}
			return a.targetTable(bank, o.Targets, h)
		},
	}
	clear := &cobra.Command{
		Use:   "clear",
		Short: a.cat.T(messages.CmdTargetClear),
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if err := a.needOrg(cmd, f.org); err != nil {
				return err
			}
			bank, err := a.loadBank(f.bank)
			if err != nil {
				return err
			}
			scope := store.TargetScope{Kind: store.TargetOverall, ID: assess.OverallID}
			switch {
			case f.all:
				scope = store.TargetScope{Kind: store.TargetsAll}
			case f.pillar != "":
				scope = store.TargetScope{Kind: store.TargetPillar, ID: f.pillar}
			case f.keyAction != "":
				scope = store.TargetScope{Kind: store.TargetKeyAction, ID: f.keyAction}
			}
			s, err := a.openStore()
			if err != nil {
				return err
			}
			o, err := s.Org(f.org)
			if err != nil {
				return a.orgError(err, f.org)
			}
			err = s.ClearTarget(f.org, scope)
			switch {
			case errors.Is(err, store.ErrNoTarget):
				return errors.New(a.cat.T(messages.ErrTargetNotSet, quoted(o.Name), a.partTitle(bank, scope.ID)))
			case err != nil:
				return a.orgError(err, f.org)
			case f.all:
				_, err = fmt.Fprintln(a.stdout, a.cat.T(messages.TargetClearedAll, quoted(o.Name)))
			default:
				_, err = fmt.Fprintln(a.stdout, a.cat.T(messages.TargetCleared, quoted(o.Name), a.partTitle(bank, scope.ID)))
			}
			return err
		},
	}
	for _, c := range []*cobra.Command{set, show, clear} {
		c.Flags().StringVar(&f.org, "org", "", a.cat.T(messages.FlagOrgName))
		c.Flags().StringVar(&f.bank, "bank", "", a.cat.T(messages.FlagBank))
	}
	for _, c := range []*cobra.Command{set, clear} {
		c.Flags().StringVar(&f.pillar, "pillar", "", a.cat.T(messages.FlagTargetPillar))
		c.Flags().StringVar(&f.keyAction, "key-action", "", a.cat.T(messages.FlagTargetKeyAction))
	}
	clear.Flags().BoolVar(&f.all, "all", false, a.cat.T(messages.FlagTargetAll))
	set.MarkFlagsMutuallyExclusive("pillar", "key-action")
	clear.MarkFlagsMutuallyExclusive("pillar", "key-action", "all")
	cmd.AddCommand(set, show, clear)
	return cmd
}

// needOrg checks that --org names an organization.
func (a *app) needOrg(cmd *cobra.Command, org string) error {
	if strings.TrimSpace(org) == "" {
		return errors.New(a.cat.T(messages.ErrArgMissing, cmd.CommandPath(), "--org NAME", cmd.UseLine()))
	}
	return nil
}

// isPillar reports whether b has a pillar with id.
func isPillar(b *questions.Bank, id string) bool {
	_, ok := b.Pillar(id)
	return ok
}

// pillarIDs lists b's pillar ids, for messages.
func pillarIDs(b *questions.Bank) []string {
	ids := make([]string, len(b.Pillars))
	for i, p := range b.Pillars {
		ids[i] = p.ID
	}
	return ids
}

// partTitle names the overall score, a pillar or a key action.
func (a *app) partTitle(b *questions.Bank, id string) string {
	if id == assess.OverallID {
		return a.cat.T(messages.TargetOverall)
	}
	return messages.SafeLine(b.TitleOf(id))
}

// targetTable writes each target against the latest score of history and
// the gap: the overall one, then each pillar's followed by its key
// actions', then those of parts the bank no longer has.
func (a *app) targetTable(b *questions.Bank, t assess.TargetSet, history []assess.Summary) error {
	var latest assess.Summary
	if len(history) > 0 {
		latest = history[len(history)-1]
	}
	scores := map[string]assess.Score{assess.OverallID: latest.Overall}
	for _, p := range slices.Concat(latest.Pillars, latest.KeyActions) {
		scores[p.ID] = p.Score
	}
	order := []string{assess.OverallID}
	for _, p := range b.Pillars {
		order = append(order, p.ID)
		for _, k := range p.KeyActions {
			order = append(order, k.ID)
		}
	}
	for _, id := range slices.Sorted(maps.Keys(t.Pillars)) {
		if !slices.Contains(order, id) {
			order = append(order, id)
		}
	}
	for _, id := range slices.Sorted(maps.Keys(t.KeyActions)) {
		if !slices.Contains(order, id) {
			order = append(order, id)
		}
	}
	rows := [][]string{{a.cat.T(messages.TargetColPart), a.cat.T(messages.ReportTargetCol), a.cat.T(messages.TargetColLatest), a.cat.T(messages.TargetColGap)}}
	for _, id := range order {
		target, ok := t.Of(id)
		if !ok {
			continue
		}
		title := a.partTitle(b, id)
		if id == assess.OverallID {
			title = a.cat.T(messages.ReportOverall)
		}
		p := assess.ProgressOf(assess.Score{}, scores[id], target)
		rows = append(rows, []string{messages.Truncate(title, 50), a.cat.Score(target), a.score(p.Current), a.score(p.Gap)})
	}
	if err := a.table(rows); err != nil {
		return err
	}
	if latest.ID == "" {
		return nil
	}
	_, err := fmt.Fprintln(a.stdout, "\n"+a.cat.T(messages.TargetShowMore, latest.Short))
	return err
}
