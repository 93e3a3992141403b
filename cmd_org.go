package main

import (
	"bufio"
	"errors"
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"socialmaturity/assess"
	"socialmaturity/messages"
	"socialmaturity/store"
)

// stdinIsTerminal reports whether the app's standard input is a terminal
// to ask a question on (a variable for tests).
var stdinIsTerminal = func(a *app) bool { return isTerminal(a.stdin) }

// confirm asks prompt on the terminal unless yes; it returns nil when the
// answer is yes, the error kept when it is not, and an error saying to
// pass --yes when there is no terminal to ask on (then nothing changes).
func (a *app) confirm(cmd *cobra.Command, yes bool, prompt string, kept error) error {
	if yes {
		return nil
	}
	if !stdinIsTerminal(a) {
		return errors.New(a.cat.T(messages.ErrNeedsYes, cmd.CommandPath()))
	}
	if _, err := fmt.Fprint(a.stdout, prompt); err != nil {
		return err
	}
	answer, _ := bufio.NewReader(a.stdin).ReadString('\n')
	if reply := strings.ToLower(strings.TrimSpace(answer)); reply != "y" && reply != "yes" {
		return kept
	}
	return nil
}

// orgError words the store's errors about organizations and targets for
// the command line; others pass.
func (a *app) orgError(err error, name string) error {
	var exists *store.OrgExistsError
	var target *store.TargetError
	switch {
	case errors.Is(err, store.ErrNotFound):
		return errors.New(a.cat.T(messages.ErrOrgNotFound, quoted(name)))
	case errors.As(err, &exists):
		return errors.New(a.cat.T(messages.ErrOrgExists, quoted(exists.Name)))
	case errors.Is(err, store.ErrNoOrgName):
		return errors.New(a.cat.T(messages.ErrOrgName))
	case errors.As(err, &target):
		return errors.New(a.cat.T(messages.ErrTargetScore, a.cat.Number(target.Value, 1)))
	}
	return err
}

// quoted is a name as typed, on one line, in quotes.
func quoted(name string) string { return fmt.Sprintf("%q", messages.SafeLine(name)) }

func (a *app) orgCmd() *cobra.Command {
	cmd := &cobra.Command{Use: "org", Short: a.cat.T(messages.CmdOrg), Long: a.cat.T(messages.CmdOrgLong)}
	list := &cobra.Command{
		Use:   "list",
		Short: a.cat.T(messages.CmdOrgList),
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			s, err := a.openStore()
			if err != nil {
				return err
			}
			orgs, err := s.Orgs()
			if err != nil {
				return err
			}
			if len(orgs) == 0 {
				_, err = fmt.Fprintln(a.stdout, a.cat.T(messages.OrgListEmpty))
				return err
			}
			return a.orgTable(orgs)
		},
	}
	rename := &cobra.Command{
		Use:   "rename OLD NEW",
		Short: a.cat.T(messages.CmdOrgRename),
		Args:  a.args("OLD", "NEW"),
		RunE: func(cmd *cobra.Command, args []string) error {
			s, err := a.openStore()
			if err != nil {
				return err
			}
			if err := s.RenameOrg(args[0], args[1]); err != nil {
				return a.orgError(err, args[0])
			}
			o, err := s.Org(args[1])
			if err != nil {
				return err
			}
			_, err = fmt.Fprintln(a.stdout, a.cat.T(messages.OrgRenamed, quoted(args[0]), quoted(o.Name)))
			return err
		},
	}
	var yes bool
	merge := &cobra.Command{
		Use:   "merge FROM INTO",
		Short: a.cat.T(messages.CmdOrgMerge),
		Long:  a.cat.T(messages.CmdOrgMergeLong),
		Args:  a.args("FROM", "INTO"),
		RunE: func(cmd *cobra.Command, args []string) error {
			s, err := a.openStore()
			if err != nil {
				return err
			}
			from, err := s.History(args[0])
			if err != nil {
				return a.orgError(err, args[0])
			}
			into, err := s.History(args[1])
			if err != nil {
				return a.orgError(err, args[1])
			}
			f, err := s.Org(args[0])
			if err != nil {
				return a.orgError(err, args[0])
			}
			t, err := s.Org(args[1])
			if err != nil {
				return a.orgError(err, args[1])
			}
			if f.ID == t.ID {
				return errors.New(a.cat.T(messages.ErrOrgSame, quoted(args[0]), quoted(args[1])))
			}
			prompt := a.cat.T(messages.OrgMergeConfirm, quoted(f.Name), a.cat.Int(len(from)), quoted(t.Name), a.cat.Int(len(into)), quoted(t.Name))
			if err := a.confirm(cmd, yes, prompt, errors.New(a.cat.T(messages.OrgMergeKept, quoted(f.Name), quoted(t.Name)))); err != nil {
				return err
			}
			if err := s.MergeOrgs(f.Name, t.Name); err != nil {
				return a.orgError(err, args[0])
			}
			_, err = fmt.Fprintln(a.stdout, a.cat.T(messages.OrgMerged, quoted(f.Name), quoted(t.Name), a.cat.Int(len(from)+len(into))))
			return err
		},
	}
	merge.Flags().BoolVarP(&yes, "yes", "y", false, a.cat.T(messages.FlagYesMerge))
	cmd.AddCommand(list, rename, merge)
	return cmd
}

// orgTable writes organizations as a table: name, number of assessments,
// latest date and score, other names.
func (a *app) orgTable(orgs []store.OrgInfo) error {
	rows := [][]string{{a.cat.T(messages.OrgColName), a.cat.T(messages.OrgColCount), a.cat.T(messages.OrgColLatest), a.cat.T(messages.OrgColScore), a.cat.T(messages.OrgColAliases)}}
	for _, o := range orgs {
		latest, score := a.cat.T(messages.TargetNoScore), a.cat.T(messages.TargetNoScore)
		if o.Latest != nil {
			latest, score = a.cat.Day(o.Latest.CompletedAt), a.score(o.Latest.Overall)
		}
		aliases := make([]string, len(o.Aliases))
		for i, al := range o.Aliases {
			aliases[i] = messages.SafeLine(al)
		}
		rows = append(rows, []string{messages.Truncate(messages.SafeLine(o.Name), 40), a.cat.Int(o.Assessments), latest, score, messages.Truncate(strings.Join(aliases, ", "), 40)})
	}
	return a.table(rows)
}

// score writes a score, or a dash when it is unscored.
func (a *app) score(s assess.Score) string {
	if !s.Valid {
		return a.cat.T(messages.TargetNoScore)
	}
	return a.cat.Score(s.Value)
}

// table writes rows as columns two spaces apart, aligned by display
// width; no line ends in spaces.
func (a *app) table(rows [][]string) error {
	widths := make([]int, len(rows[0]))
	for _, r := range rows {
		for i, c := range r {
			widths[i] = max(widths[i], messages.Width(c))
		}
	}
	var b strings.Builder
	for _, r := range rows {
		var line strings.Builder
		for i, c := range r {
			line.WriteString(c)
			if i < len(r)-1 {
				line.WriteString(strings.Repeat(" ", widths[i]-messages.Width(c)+2))
			}
		}
		b.WriteString(strings.TrimRight(line.String(), " ") + "\n")
	}
	_, err := fmt.Fprint(a.stdout, b.String())
	return err
}
