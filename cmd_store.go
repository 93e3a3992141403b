package main

import (
	"bufio"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"socialmaturity/assess"
	"socialmaturity/messages"
	"socialmaturity/questions"
	"socialmaturity/report"
	"socialmaturity/store"
)

// openStore opens the database named by --db, $SOCIALMATURITY_DB or the
// default path.
func (a *app) openStore() (*store.Store, error) {
	path := a.dbPath
	if path == "" {
		path = store.DefaultPath()
	}
	return store.Open(path)
}

func (a *app) importCmd() *cobra.Command {
	var bankFile string
	cmd := &cobra.Command{
		Use:   "import FILE...",
		Short: a.cat.T(messages.CmdImport),
		Long:  a.cat.T(messages.CmdImportLong),
		Args:  cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			bank, err := loadBank(bankFile)
			if err != nil {
				return err
			}
			var subs []assess.Submission
			var problems questions.Problems
			for _, path := range args {
				name, data, err := a.readInput(path)
				if err != nil {
					return err
				}
				got, err := assess.ParseSubmissions(name, data, bank)
				var ps questions.Problems
				if errors.As(err, &ps) {
					problems = append(problems, ps...)
					continue
				} else if err != nil {
					return err
				}
				subs = append(subs, got...)
			}
			if len(subs) > 0 {
				s, err := a.openStore()
				if err != nil {
					return err
				}
				now := time.Now()
				records := make([]*assess.Assessment, len(subs))
				for i, sub := range subs {
					at := now
					if sub.Completed != nil {
						at = *sub.Completed
					}
					records[i] = &assess.Assessment{Submission: sub, Bank: assess.RefOf(bank), StartedAt: at}
					records[i].Complete(bank, at, assess.Targets{})
					records[i].ID = store.NewID(at) // listed by when it was completed
				}
				if err := s.SaveAll(records); err != nil {
					return err
				}
				for _, r := range records {
					fmt.Fprintln(a.stdout, r.ID)
				}
			}
			if len(problems) > 0 {
				return problems
			}
			return nil
		},
	}
	cmd.Flags().StringVar(&bankFile, "bank", "", a.cat.T(messages.FlagBank))
	return cmd
}

func (a *app) listCmd() *cobra.Command {
	var opts store.ListOptions
	var drafts bool
	var bankFile string
	format := a.formatFlag("table", "json", "csv")
	cmd := &cobra.Command{
		Use:   "list",
		Short: a.cat.T(messages.CmdList),
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if opts.Limit < 0 {
				return fmt.Errorf("%s", a.cat.T(messages.ErrFlagLimit, opts.Limit))
			}
			bank, err := loadBank(bankFile)
			if err != nil {
				return err
			}
			s, err := a.openStore()
			if err != nil {
				return err
			}
			if drafts {
				ds, err := s.Drafts()
				if err != nil {
					return err
				}
				return report.DraftsTable(a.stdout, a.cat, bank, ds)
			}
			page, err := s.List(opts)
			if err != nil {
				return err
			}
			switch format.value {
			case "json":
				return report.ListJSON(a.stdout, page.Items)
			case "csv":
				return report.ListCSV(a.stdout, bank, page.Items)
			}
			if err := report.ListTable(a.stdout, a.cat, page.Items); err != nil {
				return err
			}
			if page.Next != "" {
				fmt.Fprintln(a.stdout, a.cat.T(messages.ListMore, page.Next))
			}
			return nil
		},
	}
	cmd.Flags().StringVar(&opts.Org, "org", "", a.cat.T(messages.FlagOrg))
	cmd.Flags().IntVar(&opts.Limit, "limit", store.DefaultLimit, a.cat.T(messages.FlagLimit))
	cmd.Flags().StringVar(&opts.Before, "before", "", a.cat.T(messages.FlagBefore))
	cmd.Flags().BoolVar(&drafts, "drafts", false, a.cat.T(messages.FlagDrafts))
	cmd.Flags().StringVar(&bankFile, "bank", "", a.cat.T(messages.FlagBank))
	format.register(cmd, a)
	return cmd
}

func (a *app) showCmd() *cobra.Command {
	var bankFile string
	format := a.formatFlag("text", "json", "md")
	cmd := &cobra.Command{
		Use:   "show ID",
		Short: a.cat.T(messages.CmdShow),
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			rep, err := a.loadReport(bankFile, args[0])
			if err != nil {
				return err
			}
			switch format.value {
			case "json":
				return report.JSON(a.stdout, rep)
			case "md":
				return report.Markdown(a.stdout, a.cat, rep)
			}
			return report.Text(a.stdout, a.cat, rep)
		},
	}
	cmd.Flags().StringVar(&bankFile, "bank", "", a.cat.T(messages.FlagBank))
	format.register(cmd, a)
	return cmd
}

// loadReport loads the bank and a stored assessment with the
// organization's previous one.
func (a *app) loadReport(bankFile, ref string) (report.Assessment, error) {
	bank, err := loadBank(bankFile)
	if err != nil {
		return report.Assessment{}, err
	}
	s, err := a.openStore()
	if err != nil {
		return report.Assessment{}, err
	}
	rec, prev, err := s.GetWithPrevious(ref)
	return report.Assessment{Bank: bank, Record: rec, Previous: prev}, err
}

func (a *app) compareCmd() *cobra.Command {
	var bankFile string
	format := a.formatFlag("text", "json")
	cmd := &cobra.Command{
		Use:   "compare ID ID",
		Short: a.cat.T(messages.CmdCompare),
		Args:  cobra.ExactArgs(2),
		RunE: func(cmd *cobra.Command, args []string) error {
			bank, err := loadBank(bankFile)
			if err != nil {
				return err
			}
			s, err := a.openStore()
			if err != nil {
				return err
			}
			from, err := s.Get(args[0])
			if err != nil {
				return err
			}
			to, err := s.Get(args[1])
			if err != nil {
				return err
			}
			if format.value == "json" {
				return report.CompareJSON(a.stdout, from, to)
			}
			return report.CompareText(a.stdout, a.cat, bank, from, to)
		},
	}
	cmd.Flags().StringVar(&bankFile, "bank", "", a.cat.T(messages.FlagBank))
	format.register(cmd, a)
	return cmd
}

func (a *app) deleteCmd() *cobra.Command {
	var yes bool
	cmd := &cobra.Command{
		Use:   "delete ID",
		Short: a.cat.T(messages.CmdDelete),
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			s, err := a.openStore()
			if err != nil {
				return err
			}
			rec, err := s.Get(args[0])
			if err != nil {
				return err
			}
			if !yes {
				fmt.Fprint(a.stdout, a.cat.T(messages.DeleteConfirm, rec.ID, rec.Org))
				answer, _ := bufio.NewReader(a.stdin).ReadString('\n')
				if reply := strings.ToLower(strings.TrimSpace(answer)); reply != "y" && reply != "yes" {
					return fmt.Errorf("%s", a.cat.T(messages.DeleteKept, rec.ID))
				}
			}
			id, err := s.Delete(rec.ID)
			if err != nil {
				return err
			}
			fmt.Fprintln(a.stdout, a.cat.T(messages.DeleteDone, id))
			return nil
		},
	}
	cmd.Flags().BoolVarP(&yes, "yes", "y", false, a.cat.T(messages.FlagYes))
	return cmd
}

func (a *app) dbCmd() *cobra.Command {
	cmd := &cobra.Command{Use: "db", Short: a.cat.T(messages.CmdDB)}
	check := &cobra.Command{
		Use:   "check",
		Short: a.cat.T(messages.CmdDBCheck),
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			s, err := a.openStore()
			if err != nil {
				return err
			}
			problems, err := s.Check()
			if err != nil {
				return err
			}
			for _, p := range problems {
				fmt.Fprintln(a.stderr, p)
			}
			if len(problems) > 0 {
				return fmt.Errorf("%s", a.cat.T(messages.DBCheckFailed, s.Path(), len(problems)))
			}
			fmt.Fprintln(a.stdout, a.cat.T(messages.DBCheckOK, s.Path()))
			return nil
		},
	}
	backup := &cobra.Command{
		Use:   "backup FILE",
		Short: a.cat.T(messages.CmdDBBackup),
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			s, err := a.openStore()
			if err != nil {
				return err
			}
			if err := s.Backup(args[0]); err != nil {
				return err
			}
			fmt.Fprintln(a.stdout, a.cat.T(messages.DBBackupDone, s.Path(), args[0]))
			return nil
		},
	}
	cmd.AddCommand(check, backup)
	return cmd
}

func (a *app) exportCmd() *cobra.Command {
	var bankFile, output string
	format := a.formatFlag(report.Formats()...)
	cmd := &cobra.Command{
		Use:   "export ID",
		Short: a.cat.T(messages.CmdExport),
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			rep, err := a.loadReport(bankFile, args[0])
			if err != nil {
				return err
			}
			if output == "-" {
				return report.Export(a.stdout, a.cat, rep, format.value)
			}
			path, err := report.WriteFile(output, a.cat, rep, format.value)
			if err != nil {
				return err
			}
			fmt.Fprintln(a.stdout, a.cat.T(messages.ExportWrote, path))
			return nil
		},
	}
	cmd.Flags().StringVar(&bankFile, "bank", "", a.cat.T(messages.FlagBank))
	cmd.Flags().StringVarP(&output, "output", "o", "", a.cat.T(messages.FlagOutput))
	format.register(cmd, a)
	return cmd
}
