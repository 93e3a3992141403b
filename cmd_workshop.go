package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"socialmaturity/assess"
	"socialmaturity/messages"
	"socialmaturity/questions"
	"socialmaturity/report"
	"socialmaturity/store"
)

// workshopSubcommands are further workshop subcommands (serve), which
// their own files register from init, so that each stays in its file.
var workshopSubcommands []func(*app) *cobra.Command

func (a *app) workshopCmd() *cobra.Command {
	cmd := &cobra.Command{Use: "workshop", Short: a.cat.T(messages.WSCmdWorkshop), Args: cobra.NoArgs}
	cmd.AddCommand(a.workshopNewCmd(), a.workshopListCmd(), a.workshopReportCmd())
	for _, sub := range workshopSubcommands {
		cmd.AddCommand(sub(a))
	}
	return cmd
}

func (a *app) workshopNewCmd() *cobra.Command {
	var org, title string
	var paced bool
	format := newFormatFlag("text", "json")
	cmd := &cobra.Command{
		Use:   "new --org NAME",
		Short: a.cat.T(messages.WSCmdNew),
		Args:  cobra.NoArgs,
		RunE: func(*cobra.Command, []string) error {
			if strings.TrimSpace(org) == "" {
				return errors.New(a.cat.T(messages.WSErrOrgMissing))
			}
			s, err := a.openStore()
			if err != nil {
				return err
			}
			w, err := s.CreateWorkshop(org, title, paced)
			if err != nil {
				return err
			}
			if format.value == "json" {
				enc := json.NewEncoder(a.stdout)
				enc.SetIndent("", "  ")
				return enc.Encode(map[string]string{"id": w.ID, "code": w.Code, "org": w.Org})
			}
			_, err = fmt.Fprintln(a.stdout, a.cat.T(messages.WSCreated, w.ID, messages.SafeLine(w.Org), w.Code, w.ID))
			return err
		},
	}
	cmd.Flags().StringVar(&org, "org", "", a.cat.T(messages.WSFlagOrg))
	cmd.Flags().StringVar(&title, "title", "", a.cat.T(messages.WSFlagTitle))
	cmd.Flags().BoolVar(&paced, "paced", false, a.cat.T(messages.WSFlagPaced))
	format.register(cmd, a)
	return cmd
}

func (a *app) workshopListCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "list",
		Short: a.cat.T(messages.WSCmdList),
		Args:  cobra.NoArgs,
		RunE: func(*cobra.Command, []string) error {
			s, err := a.openStore()
			if err != nil {
				return err
			}
			ws, err := s.Workshops()
			if err != nil {
				return err
			}
			if len(ws) == 0 {
				_, err = fmt.Fprintln(a.stdout, a.cat.T(messages.WSListEmpty))
				return err
			}
			for _, w := range ws {
				state := a.cat.T(messages.WSStateOpen)
				if w.State.Ended {
					state = a.cat.T(messages.WSStateEnded)
				}
				name := messages.SafeLine(w.Org)
				if w.Title != "" {
					name += " · " + messages.SafeLine(w.Title)
				}
				if _, err := fmt.Fprintf(a.stdout, "%s  %s  %s  %-6s  %s\n", w.ID, w.Code, a.cat.Day(w.CreatedAt), state, name); err != nil {
					return err
				}
			}
			return nil
		},
	}
}

func (a *app) workshopReportCmd() *cobra.Command {
	var output string
	var names bool
	format := newFormatFlag(report.TeamFormats()...)
	cmd := &cobra.Command{
		Use:   "report ID",
		Short: a.cat.T(messages.WSCmdReport),
		Args:  a.args("ID"),
		RunE: func(_ *cobra.Command, args []string) error {
			s, err := a.openStore()
			if err != nil {
				return err
			}
			w, err := s.Workshop(args[0])
			if errors.Is(err, store.ErrNotFound) {
				return errors.New(a.cat.T(messages.WSErrNoWorkshop, args[0]))
			}
			if err != nil {
				return err
			}
			b, err := questions.Default()
			if err != nil {
				return err
			}
			t, members, err := teamOf(s, b, w)
			if err != nil {
				return err
			}
			rep := &report.TeamReport{ID: w.ID, Org: w.Org, Title: w.Title, Created: w.CreatedAt, Bank: b, Result: t}
			if names {
				rep.People = make([]report.TeamPerson, len(members))
				for i, m := range members {
					rep.People[i] = report.TeamPerson{Name: m.Name, Completed: m.Completed}
				}
			}
			if output == "-" {
				return report.TeamExport(a.stdout, a.cat, rep, format.value)
			}
			var buf strings.Builder
			if err := report.TeamExport(&buf, a.cat, rep, format.value); err != nil {
				return err
			}
			name := output
			if name == "" {
				name = report.TeamFileName(rep, format.value)
			}
			path, err := report.WriteNew(name, []byte(buf.String()), 0o644)
			if err != nil {
				return err
			}
			_, err = fmt.Fprintln(a.stdout, a.cat.T(messages.ExportWrote, path))
			return err
		},
	}
	cmd.Flags().StringVarP(&output, "output", "o", "", a.cat.T(messages.FlagOutput))
	cmd.Flags().BoolVar(&names, "names", false, a.cat.T(messages.WSFlagNames))
	format.register(cmd, a)
	return cmd
}

// teamOf is the team result of workshop w from its participants' latest
// answers, with the members it was made from.
func teamOf(s *store.Store, b *questions.Bank, w *store.Workshop) (assess.TeamResult, []assess.Member, error) {
	as, err := s.WorkshopMembers(w.ID)
	if err != nil {
		return assess.TeamResult{}, nil, err
	}
	members := make([]assess.Member, len(as))
	for i, x := range as {
		members[i] = assess.Member{Name: x.Respondent, Role: x.Role, Answers: x.Answers, Completed: x.CompletedAt != nil}
	}
	return assess.Team(b, members, w.Agreed), members, nil
}
