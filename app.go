package main

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"strings"

	"github.com/charmbracelet/fang"
	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"socialmaturity/assess"
	"socialmaturity/messages"
	"socialmaturity/questions"
	"socialmaturity/report"
	"socialmaturity/store"
	"socialmaturity/tui"
)

// app is what every command shares: the catalog, the database path and the
// process's streams.
type app struct {
	cat    *messages.Catalog
	dbPath string
	stdin  io.Reader
	stdout io.Writer
	stderr io.Writer
}

// stdinName is how standard input is named in messages and problems.
const stdinName = "stdin"

// readInput reads a file, or standard input for "-", and returns the name
// problems in it are reported under.
func (a *app) readInput(path string) (string, []byte, error) {
	if path == "-" {
		data, err := io.ReadAll(a.stdin)
		if err != nil {
			return "", nil, errors.New(a.cat.T(messages.ErrReadInput, stdinName, err))
		}
		return stdinName, data, nil
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return "", nil, errors.New(a.cat.T(messages.ErrReadInput, path, pathCause(err)))
	}
	return path, data, nil
}

// pathCause is what went wrong with a file, without the path an
// *fs.PathError repeats.
func pathCause(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// loadBank returns the bank in file, or the built-in bank when file is empty.
func (a *app) loadBank(file string) (*questions.Bank, error) {
	b, _, err := a.loadBankSource(file)
	return b, err
}

// loadBankSource is loadBank with the bank's source text. A bank file is
// read here and handed to questions as bytes with its name, which locates
// every problem in it.
func (a *app) loadBankSource(file string) (*questions.Bank, []byte, error) {
	if file == "" {
		b, err := questions.Default()
		return b, questions.DefaultYAML(), err
	}
	name, data, err := a.readInput(file)
	if err != nil {
		return nil, nil, err
	}
	b, err := questions.Load(name, data)
	return b, data, err
}

// openStore opens the database named by --db, $SOCIALMATURITY_DB or the
// default path.
func (a *app) openStore() (*store.Store, error) {
	path := a.dbPath
	if path == "" {
		path = store.DefaultPath()
	}
	return store.Open(path)
}

// formatFlag is a --format flag restricted to a list of values, the first
// being the default.
type formatFlag struct {
	value   string
	allowed []string
}

func newFormatFlag(allowed ...string) *formatFlag {
	return &formatFlag{value: allowed[0], allowed: allowed}
}

// register adds the flag to cmd and checks its value before cmd runs.
func (f *formatFlag) register(cmd *cobra.Command, a *app) {
	cmd.Flags().StringVar(&f.value, "format", f.value, a.cat.T(messages.FlagFormat, strings.Join(f.allowed, "|")))
	cmd.PreRunE = func(*cobra.Command, []string) error { return f.check(a) }
}

func (f *formatFlag) check(a *app) error {
	for _, v := range f.allowed {
		if f.value == v {
			return nil
		}
	}
	return errors.New(a.cat.T(messages.ErrFlagFormat, f.value, strings.Join(f.allowed, ", ")))
}

// args checks that a command gets exactly the arguments named, saying which
// is missing or extra in plain words.
func (a *app) args(names ...string) cobra.PositionalArgs {
	return func(cmd *cobra.Command, args []string) error {
		switch {
		case len(args) < len(names):
			return errors.New(a.cat.T(messages.ErrArgMissing, cmd.CommandPath(), names[len(args)], cmd.UseLine()))
		case len(args) > len(names):
			return errors.New(a.cat.T(messages.ErrArgExtra, cmd.CommandPath(), args[len(names)], cmd.UseLine()))
		}
		return nil
	}
}

// atLeastOne checks that a command gets one argument or more.
func (a *app) atLeastOne(name string) cobra.PositionalArgs {
	return func(cmd *cobra.Command, args []string) error {
		if len(args) == 0 {
			return errors.New(a.cat.T(messages.ErrArgMissing, cmd.CommandPath(), name, cmd.UseLine()))
		}
		return nil
	}
}

// printError writes an error plainly: problems one per line with a count,
// anything else on one line in the CLI's words.
func (a *app) printError(w io.Writer, _ fang.Styles, err error) {
	var problems questions.Problems
	if errors.As(err, &problems) {
		hint := false
		for _, p := range problems {
			fmt.Fprintln(w, messages.SafeLine(p.String()))
			hint = hint || p.Code == assess.ProblemOtherBank
		}
		if hint {
			fmt.Fprintln(w, a.cat.T(messages.HintOtherBank))
		}
		fmt.Fprintln(w, a.cat.T(messages.ErrProblemsCount, len(problems)))
		return
	}
	var unsaved *tui.UnsavedError
	if errors.As(err, &unsaved) { // where the answers went, line by line
		fmt.Fprintf(w, "socialmaturity: %s\n", messages.Safe(unsaved.Error()))
		return
	}
	fmt.Fprintf(w, "socialmaturity: %s: %s\n", a.cat.T(messages.ErrPrefix), messages.SafeLine(a.explain(err)))
}

// explain words an error from a lower layer for a person at the command
// line, with the advice only the CLI can give.
func (a *app) explain(err error) string {
	var (
		damaged   *store.DamagedError
		newer     *store.NewerSchemaError
		inUse     *store.InUseError
		completed *store.CompletedError
		ambiguous *store.AmbiguousError
		record    *store.RecordError
		invalid   *pflag.InvalidValueError
		noBrowser *report.NoBrowserError
	)
	switch {
	case errors.As(err, &damaged):
		return a.cat.T(messages.ErrDBDamaged, damaged.Path, damaged.Cause)
	case errors.As(err, &newer):
		return a.cat.T(messages.ErrDBNewer, newer.Path, newer.Have, newer.Max)
	case errors.As(err, &inUse):
		return a.cat.T(messages.ErrDBInUse, inUse.Path)
	case errors.As(err, &completed):
		return a.cat.T(messages.ErrCompleted, completed.ID)
	case errors.Is(err, store.ErrNothingAnswered):
		return a.cat.T(messages.ErrNothingAnswered)
	case errors.As(err, &record):
		return a.cat.T(messages.ErrDBRecord, record.ID, record.Path, record.ID)
	case errors.As(err, &ambiguous):
		return a.cat.T(messages.ErrAmbiguous, ambiguous.Prefix, strings.Join(ambiguous.Matches, ", "))
	case errors.As(err, &noBrowser):
		return a.cat.T(messages.ErrNoBrowser, strings.Join(noBrowser.Looked, ", "))
	case errors.As(err, &invalid):
		return a.cat.T(messages.ErrFlagValue, invalid.GetValue(), "--"+invalid.GetFlag().Name, a.valueKind(invalid.GetFlag().Value.Type()))
	}
	return err.Error()
}

// valueKind says in words what a flag of a pflag type takes.
func (a *app) valueKind(typ string) string {
	switch typ {
	case "int", "int8", "int16", "int32", "int64", "uint", "uint8", "uint16", "uint32", "uint64":
		return a.cat.T(messages.KindWholeNumber)
	case "float32", "float64":
		return a.cat.T(messages.KindNumber)
	case "bool":
		return a.cat.T(messages.KindBool)
	}
	return typ
}
