// Command socialmaturity measures how mature an organization's use of social
// media is and tells it what to do next.
package main

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"strings"

	"github.com/charmbracelet/fang"
	"github.com/spf13/cobra"

	"socialmaturity/messages"
	"socialmaturity/store"
	"socialmaturity/tui"
)

// version, when set at build time with -ldflags "-X main.version=...",
// overrides the version read from the build information.
var version string

func main() {
	os.Exit(run(context.Background(), os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

// run executes the CLI with the given arguments and streams and returns the
// process exit code.
func run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) (code int) {
	defer func() { // the last line of defence: a bug is reported, not a stack
		if r := recover(); r != nil {
			fmt.Fprintln(stderr, messages.English().T(messages.ErrInternal, r))
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
		fang.WithVersion(appVersion()),
		fang.WithNotifySignal(os.Interrupt),
		fang.WithErrorHandler(a.printError),
	)
	var coded interface{ ExitCode() int }
	switch {
	case err == nil:
		return 0
	case errors.As(err, &coded):
		return coded.ExitCode()
	default:
		return 1
	}
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
	root.AddCommand(a.bankCmd(), a.scoreCmd(), a.importCmd(), a.listCmd(), a.showCmd(), a.compareCmd(), a.deleteCmd(), a.dbCmd(), a.assessCmd(), a.exportCmd(), a.workshopCmd(), a.brandCmd(), a.orgCmd(), a.targetCmd(), a.trendCmd(), a.benchmarkCmd())
	a.document(root)
	return root
}

// examples are the --help examples of the commands, by command path.
var examples = map[string]messages.Key{
	"socialmaturity":                  messages.ExampleRoot,
	"socialmaturity assess":           messages.ExampleAssess,
	"socialmaturity score":            messages.ExampleScore,
	"socialmaturity import":           messages.ExampleImport,
	"socialmaturity list":             messages.ExampleList,
	"socialmaturity show":             messages.ExampleShow,
	"socialmaturity compare":          messages.ExampleCompare,
	"socialmaturity delete":           messages.ExampleDelete,
	"socialmaturity export":           messages.ExampleExport,
	"socialmaturity bank":             messages.ExampleBank,
	"socialmaturity bank dump":        messages.ExampleBankDump,
	"socialmaturity bank validate":    messages.ExampleBankValidate,
	"socialmaturity db":               messages.ExampleDB,
	"socialmaturity db check":         messages.ExampleDBCheck,
	"socialmaturity db backup":        messages.ExampleDBBackup,
	"socialmaturity brand":            messages.ExampleBrand,
	"socialmaturity brand set":        messages.ExampleBrandSet,
	"socialmaturity brand show":       messages.ExampleBrandShow,
	"socialmaturity brand clear":      messages.ExampleBrandClear,
	"socialmaturity workshop":         messages.ExampleWorkshop,
	"socialmaturity workshop new":     messages.ExampleWorkshopNew,
	"socialmaturity workshop list":    messages.ExampleWorkshopList,
	"socialmaturity workshop report":  messages.ExampleWorkshopReport,
	"socialmaturity org":              messages.ExampleOrg,
	"socialmaturity org list":         messages.ExampleOrgList,
	"socialmaturity org rename":       messages.ExampleOrgRename,
	"socialmaturity org merge":        messages.ExampleOrgMerge,
	"socialmaturity target":           messages.ExampleTarget,
	"socialmaturity target set":       messages.ExampleTargetSet,
	"socialmaturity target show":      messages.ExampleTargetShow,
	"socialmaturity target clear":     messages.ExampleTargetClear,
	"socialmaturity trend":            messages.ExampleTrend,
	"socialmaturity benchmark":        messages.ExampleBenchmark,
	"socialmaturity benchmark import": messages.ExampleBenchImport,
	"socialmaturity benchmark clear":  messages.ExampleBenchClear,
}

// document completes the help of cmd and every command under it: an
// example (issue 14), and for a command that takes an ID, that an ID may
// be shortened.
func (a *app) document(cmd *cobra.Command) {
	if key, ok := examples[cmd.CommandPath()]; ok && cmd.Example == "" {
		cmd.Example = a.cat.T(key)
	}
	if strings.Contains(" "+cmd.Use+" ", " ID ") {
		cmd.Long = cmp.Or(cmd.Long, cmd.Short) + "\n\n" + a.cat.T(messages.HelpShortIDs)
	}
	for _, sub := range cmd.Commands() {
		a.document(sub)
	}
}

// appVersion is the version set at build time, else the module's version
// from the build information: a release's tag, or for a build from a
// checkout its VCS revision (with "+dirty" when it had local changes).
func appVersion() string {
	if version != "" {
		return version
	}
	info, _ := debug.ReadBuildInfo()
	return versionOf(info)
}

func versionOf(info *debug.BuildInfo) string {
	if info == nil {
		return "unknown"
	}
	if v := info.Main.Version; v != "" && v != "(devel)" {
		return v
	}
	var rev, dirty string
	for _, s := range info.Settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value
		case "vcs.modified":
			if s.Value == "true" {
				dirty = "+dirty"
			}
		}
	}
	if rev == "" {
		return "(devel)"
	}
	return "devel-" + rev[:min(12, len(rev))] + dirty
}
