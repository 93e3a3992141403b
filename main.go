// Command socialmaturity measures how mature an organization's use of social
// media is and tells it what to do next.
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"

	"github.com/charmbracelet/fang"
	"github.com/spf13/cobra"

	"socialmaturity/messages"
	"socialmaturity/questions"
	"socialmaturity/store"
	"socialmaturity/tui"
)

// version is set at build time with -ldflags "-X main.version=...".
var version = "dev"

func main() {
	os.Exit(run(context.Background(), os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

// app is what every command shares: the catalog and the process's streams.
type app struct {
	cat    *messages.Catalog
	dbPath string
	stdin  io.Reader
	stdout io.Writer
	stderr io.Writer
}

// run executes the CLI with the given arguments and streams and returns the
// process exit code.
func run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) (code int) {
	defer func() { // the last line of defence: a bug is reported, not a stack
		if r := recover(); r != nil {
			fmt.Fprintf(stderr, "socialmaturity: internal error: %v (please report it)\n", r)
			code = 2
		}
	}()
	a := &app{cat: messages.English(), stdin: stdin, stdout: stdout, stderr: stderr}
	root := a.rootCmd()
	root.SetArgs(args)
	root.SetIn(stdin)
	root.SetOut(stdout)
	root.SetErr(stderr)
	err := fang.Execute(ctx, root,
		fang.WithVersion(version),
		fang.WithNotifySignal(os.Interrupt),
		fang.WithErrorHandler(a.printError),
	)
	if err != nil {
		return 1
	}
	return 0
}

func (a *app) rootCmd() *cobra.Command {
	var f tuiFlags
	root := &cobra.Command{
		Use:           "socialmaturity",
		Short:         a.cat.T(messages.CmdRoot),
		Long:          a.cat.T(messages.CmdRootLong),
		Args:          cobra.NoArgs,
		SilenceUsage:  true,
		SilenceErrors: true,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return a.runTUI(cmd.Context(), tui.StartHome, f)
		},
	}
	a.addTUIFlags(root, &f)
	root.PersistentFlags().StringVar(&a.dbPath, "db", "", a.cat.T(messages.FlagDB, store.EnvPath))
	root.AddCommand(a.bankCmd(), a.scoreCmd(), a.importCmd(), a.listCmd(), a.showCmd(), a.compareCmd(), a.deleteCmd(), a.dbCmd(), a.assessCmd(), a.exportCmd())
	return root
}

// printError writes an error plainly: problems one per line with a count,
// anything else on one line.
func (a *app) printError(w io.Writer, _ fang.Styles, err error) {
	var problems questions.Problems
	if errors.As(err, &problems) {
		for _, p := range problems {
			fmt.Fprintln(w, p)
		}
		fmt.Fprintln(w, a.cat.T(messages.ErrProblemsCount, len(problems)))
		return
	}
	fmt.Fprintf(w, "socialmaturity: %s: %v\n", a.cat.T(messages.ErrPrefix), err)
}
