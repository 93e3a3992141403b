package main

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"socialmaturity/assess"
	"socialmaturity/messages"
	"socialmaturity/questions"
	"socialmaturity/report"
	"socialmaturity/store"
)

func (a *app) importCmd() *cobra.Command {
	var bankFile string
	var allowDuplicates, drafts bool
	cmd := &cobra.Command{
		Use:     "import FILE...",
		Short:   a.cat.T(messages.CmdImport),
		Long:    a.cat.T(messages.CmdImportLong) + "\n\n" + a.cat.T(messages.CmdImportDraftLong),
		Example: a.cat.T(messages.ExampleImport),
		Args:    a.atLeastOne("FILE"),
		RunE: func(cmd *cobra.Command, args []string) error {
			bank, err := a.loadBank(bankFile)
			if err != nil {
				return err
			}
			parse := assess.ParseAssessments
			if drafts {
				parse = assess.ParseDrafts
			}
			// Every file is read and checked before anything is stored:
			// one bad file stores nothing (QA M1).
			var records []*assess.Assessment
			var sources []string
			var problems questions.Problems
			for _, path := range args {
				name, data, err := a.readInput(path)
				if err != nil {
					return err
				}
				got, err := parse(name, data, bank)
				var ps questions.Problems
				if errors.As(err, &ps) {
					problems = append(problems, ps...)
					continue
				} else if err != nil {
					return err
				}
				for i, r := range got {
					records = append(records, r)
					sources = append(sources, a.source(name, i, len(got)))
				}
			}
			if len(problems) > 0 {
				return problems
			}
			s, err := a.openStore()
			if err != nil {
				return err
			}
			if drafts {
				return a.storeDrafts(s, records)
			}
			var opts []store.CompleteOption
			if !allowDuplicates {
				opts = append(opts, store.RefuseDuplicates())
			}
			done, err := s.Complete(bank, records, opts...)
			var dup *store.DuplicateError
			if errors.As(err, &dup) {
				return errors.New(a.cat.T(messages.ErrImportDuplicate, sources[dup.Index], dup.Existing))
			}
			if errors.Is(err, store.ErrNothingAnswered) {
				// Only a document without answers of its own can be refused so.
				for i, r := range records {
					if len(r.Answers) == 0 {
						return errors.New(a.cat.T(messages.ErrImportNothing, sources[i]))
					}
				}
			}
			if err != nil {
				return err
			}
			for _, c := range done {
				if _, err := fmt.Fprintln(a.stdout, c.Done.ID); err != nil {
					return err
				}
			}
			return nil
		},
	}
	cmd.Flags().StringVar(&bankFile, "bank", "", a.cat.T(messages.FlagBank))
	cmd.Flags().BoolVar(&allowDuplicates, "allow-duplicates", false, a.cat.T(messages.FlagAllowDups))
	cmd.Flags().BoolVar(&drafts, "draft", false, a.cat.T(messages.FlagImportDraft))
	cmd.MarkFlagsMutuallyExclusive("draft", "allow-duplicates")
	return cmd
}

// storeDrafts stores answers files as drafts to resume, each merged into
// the draft of the id it carries (a rescue file's), and prints their ids,
// then how to resume them.
func (a *app) storeDrafts(s *store.Store, ds []*assess.Assessment) error {
	if err := s.SaveDrafts(ds); err != nil {
		return err
	}
	for _, d := range ds {
		if _, err := fmt.Fprintln(a.stdout, d.ID); err != nil {
			return err
		}
	}
	_, err := fmt.Fprintln(a.stderr, a.cat.T(messages.ImportDraftsResume, len(ds)))
	return err
}

// source names the i-th of n assessments read from the input name.
func (a *app) source(name string, i, n int) string {
	if n == 1 {
		return name
	}
	return a.cat.T(messages.ImportSourceNth, name, i+1)
}

func (a *app) listCmd() *cobra.Command {
	var opts store.ListOptions
	var drafts bool
	var bankFile string
	format := newFormatFlag("table", "json", "csv")
	cmd := &cobra.Command{
		Use:   "list",
		Short: a.cat.T(messages.CmdList),
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if opts.Limit < 0 {
				return errors.New(a.cat.T(messages.ErrFlagLimit, opts.Limit))
			}
			bank, err := a.loadBank(bankFile)
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
				switch format.value {
				case "json":
					return report.DraftsJSON(a.stdout, bank, ds)
				case "csv":
					return report.DraftsCSV(a.stdout, bank, ds)
				}
				return report.DraftsTable(a.stdout, a.cat, bank, ds)
			}
			machine := format.value != "table"
			if machine && !cmd.Flags().Changed("limit") {
				opts.Limit = 0 // machine formats list every row unless told (QA M8)
			}
			page, err := s.List(opts)
			if err != nil {
				return err
			}
			switch {
			case format.value == "json":
				err = report.ListJSON(a.stdout, page.Items)
			case format.value == "csv":
				err = report.ListCSV(a.stdout, bank, page.Items)
			case len(page.Items) == 0 && opts.Org != "":
				_, err = fmt.Fprintln(a.stdout, a.cat.T(messages.ListEmptyOrg, messages.SafeLine(opts.Org)))
			case len(page.Items) == 0 && opts.Before != "":
				_, err = fmt.Fprintln(a.stdout, a.cat.T(messages.ListNoMore))
			default:
				err = report.ListTable(a.stdout, a.cat, page.Items)
			}
			if err != nil || page.Next == "" {
				return err
			}
			// The cursor goes where a person sees it and a script reading
			// the rows does not trip on it.
			more := a.stdout
			if machine {
				more = a.stderr
			}
			_, err = fmt.Fprintln(more, a.cat.T(messages.ListMore, page.Next))
			return err
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
	format := newFormatFlag("text", "json", "md")
	cmd := &cobra.Command{
		Use:   "show ID",
		Short: a.cat.T(messages.CmdShow),
		Args:  a.args("ID"),
		RunE: func(cmd *cobra.Command, args []string) error {
			v, _, err := a.loadView(bankFile, args[0])
			if err != nil {
				return err
			}
			switch format.value {
			case "json":
				return report.JSON(a.stdout, a.cat, v)
			case "md":
				return report.Markdown(a.stdout, a.cat, v)
			}
			return report.Text(a.stdout, a.cat, v)
		},
	}
	cmd.Flags().StringVar(&bankFile, "bank", "", a.cat.T(messages.FlagBank))
	format.register(cmd, a)
	return cmd
}

// loadView loads the bank and a stored assessment with the organization's
// previous one, resolved for display (with the bank version it was
// answered with), and returns the store it came from.
func (a *app) loadView(bankFile, ref string) (*assess.View, *store.Store, error) {
	bank, err := a.loadBank(bankFile)
	if err != nil {
		return nil, nil, err
	}
	s, err := a.openStore()
	if err != nil {
		return nil, nil, err
	}
	done, prev, err := s.GetWithPrevious(ref)
	if err != nil {
		return nil, nil, a.notCompleted(s, bank, ref, err)
	}
	c, err := viewContext(s, done) // targets, trend and portfolio, in every output
	if err != nil {
		return nil, nil, err
	}
	return assess.NewView(bank, done, prev).WithContext(c), s, nil
}

// notCompleted words a reference that matches no completed assessment:
// when it is a draft's, that the draft is in progress and how to resume
// it; else as notFound.
func (a *app) notCompleted(s *store.Store, b *questions.Bank, ref string, err error) error {
	if !errors.Is(err, store.ErrNotFound) {
		return err
	}
	ds, derr := s.Drafts()
	if derr != nil {
		return a.notFound(ref, err)
	}
	draft := draftByRef(ds, ref)
	if draft == nil {
		return a.notFound(ref, err)
	}
	run := "socialmaturity"
	if a.dbPath != "" {
		run += " --db " + messages.ShellQuote(a.dbPath)
	}
	return errors.New(a.cat.T(messages.ErrIsDraft, draft.ID, messages.SafeLine(draft.Org),
		a.cat.Int(len(draft.Answers)), a.cat.Int(b.QuestionCount()), run))
}

// draftByRef is the draft whose id is ref or the only one starting with
// it, as the store resolves ids; nil when none or several do.
func draftByRef(ds []*assess.Assessment, ref string) *assess.Assessment {
	prefix := strings.ToLower(strings.TrimSpace(ref))
	var found []*assess.Assessment
	for _, d := range ds {
		if d.ID == prefix {
			return d
		}
		if prefix != "" && strings.HasPrefix(d.ID, prefix) {
			found = append(found, d)
		}
	}
	if len(found) == 1 {
		return found[0]
	}
	return nil
}

// notFound words a reference that matches nothing; other errors pass.
func (a *app) notFound(ref string, err error) error {
	if errors.Is(err, store.ErrNotFound) {
		return errors.New(a.cat.T(messages.ErrNotFoundID, ref))
	}
	return err
}

// backupToStdout writes a consistent copy of the database to standard
// output, through a private temporary file (the store copies to files).
func (a *app) backupToStdout(s *store.Store) (err error) {
	dir, err := os.MkdirTemp("", "socialmaturity-backup-")
	if err != nil {
		return err
	}
	defer func() { err = errors.Join(err, os.RemoveAll(dir)) }()
	tmp := filepath.Join(dir, "backup.db")
	if err := s.Backup(tmp); err != nil {
		return err
	}
	f, err := os.Open(tmp)
	if err != nil {
		return err
	}
	_, err = io.Copy(a.stdout, f)
	return errors.Join(err, f.Close())
}

func (a *app) compareCmd() *cobra.Command {
	var bankFile string
	format := newFormatFlag("text", "json", "md", "html")
	cmd := &cobra.Command{
		Use:   "compare ID ID",
		Short: a.cat.T(messages.CmdCompare),
		Long:  a.cat.T(messages.CmdCompareLong),
		Args:  a.args("ID", "ID"),
		RunE: func(cmd *cobra.Command, args []string) error {
			bank, err := a.loadBank(bankFile)
			if err != nil {
				return err
			}
			s, err := a.openStore()
			if err != nil {
				return err
			}
			from, err := s.Get(args[0])
			if err != nil {
				return a.notCompleted(s, bank, args[0], err)
			}
			to, err := s.Get(args[1])
			if err != nil {
				return a.notCompleted(s, bank, args[1], err)
			}
			if from.ID == to.ID {
				return errors.New(a.cat.T(messages.ErrCompareSame, from.ID))
			}
			c := assess.NewComparisonView(bank, from, to)
			switch format.value {
			case "json":
				return report.CompareJSON(a.stdout, c)
			case "md":
				return report.CompareMarkdown(a.stdout, a.cat, c)
			case "html":
				b, err := s.Branding()
				if err != nil {
					return err
				}
				return report.CompareHTML(a.stdout, a.cat, c, reportOptions(b))
			}
			return report.CompareText(a.stdout, a.cat, c)
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
		Args:  a.args("ID"),
		RunE: func(cmd *cobra.Command, args []string) error {
			s, err := a.openStore()
			if err != nil {
				return err
			}
			ref := args[0]
			if !yes {
				// A completed assessment is named with its organization; a
				// draft (which Delete also finds) by the id given.
				prompt := a.cat.T(messages.DeleteConfirmRef, ref)
				if rec, err := s.Get(ref); err == nil {
					ref, prompt = rec.ID, a.cat.T(messages.DeleteConfirm, rec.ID, messages.SafeLine(rec.Org))
				} else if !errors.Is(err, store.ErrNotFound) {
					return err
				}
				if _, err := fmt.Fprint(a.stdout, prompt); err != nil {
					return err
				}
				answer, _ := bufio.NewReader(a.stdin).ReadString('\n')
				if reply := strings.ToLower(strings.TrimSpace(answer)); reply != "y" && reply != "yes" {
					return errors.New(a.cat.T(messages.DeleteKept, ref))
				}
			}
			id, err := s.Delete(ref)
			if err != nil {
				return a.notFound(ref, err)
			}
			_, err = fmt.Fprintln(a.stdout, a.cat.T(messages.DeleteDone, id))
			return err
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
				if _, err := fmt.Fprintln(a.stderr, messages.SafeLine(p)); err != nil {
					return err
				}
			}
			if len(problems) > 0 {
				return errors.New(a.cat.T(messages.DBCheckFailed, s.Path(), len(problems)))
			}
			_, err = fmt.Fprintln(a.stdout, a.cat.T(messages.DBCheckOK, s.Path()))
			return err
		},
	}
	backup := &cobra.Command{
		Use:   "backup FILE",
		Short: a.cat.T(messages.CmdDBBackup),
		Args:  a.args("FILE"),
		RunE: func(cmd *cobra.Command, args []string) error {
			s, err := a.openStore()
			if err != nil {
				return err
			}
			if args[0] == "-" {
				return a.backupToStdout(s)
			}
			if err := s.Backup(args[0]); err != nil {
				return err
			}
			_, err = fmt.Fprintln(a.stdout, a.cat.T(messages.DBBackupDone, s.Path(), args[0]))
			return err
		},
	}
	cmd.AddCommand(check, backup)
	return cmd
}

func (a *app) exportCmd() *cobra.Command {
	var bankFile, output string
	var brand brandFlags
	var excel bool
	format := newFormatFlag(report.Formats()...)
	cmd := &cobra.Command{
		Use:     "export ID",
		Short:   a.cat.T(messages.CmdExport),
		Example: a.cat.T(messages.ExampleExport),
		Args:    a.args("ID"),
		RunE: func(cmd *cobra.Command, args []string) error {
			if excel && format.value != report.FormatCSV {
				return errors.New(a.cat.T(messages.ErrExcelNotCSV))
			}
			v, s, err := a.loadView(bankFile, args[0])
			if err != nil {
				return err
			}
			b, err := s.Branding()
			if err != nil {
				return err
			}
			if b, err = a.over(cmd, brand, b); err != nil {
				return err
			}
			opts := reportOptions(b)
			opts.Excel = excel
			if output == "-" {
				return report.Export(a.stdout, a.cat, v, format.value, opts)
			}
			path, err := report.WriteFile(output, a.cat, v, format.value, opts)
			if err != nil {
				return err
			}
			_, err = fmt.Fprintln(a.stdout, a.cat.T(messages.ExportWrote, path))
			return err
		},
	}
	cmd.Flags().StringVar(&bankFile, "bank", "", a.cat.T(messages.FlagBank))
	cmd.Flags().StringVarP(&output, "output", "o", "", a.cat.T(messages.FlagOutput))
	cmd.Flags().BoolVar(&excel, "excel", false, a.cat.T(messages.FlagExcel))
	a.addBrandFlags(cmd, &brand)
	format.register(cmd, a)
	return cmd
}
