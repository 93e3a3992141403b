package main

import (
	"go/parser"
	"go/token"
	"io/fs"
	"maps"
	"path"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"
)

// module is this module's path; its packages are module/DIR.
const module = "socialmaturity"

// layers lists, for each package of the module, the packages of the module
// it may import: main → tui/report/workshop → store/assess → questions,
// with messages a leaf anyone may import. report never imports store or
// tui, tui never imports report (main injects the exporter), store imports
// neither tui nor report.
var layers = map[string][]string{
	"messages":  {},
	"questions": {"messages"},
	"assess":    {"questions", "messages"},
	"store":     {"assess", "questions", "messages"},
	"report":    {"assess", "questions", "messages"},
	"tui":       {"store", "assess", "questions", "messages"},
	"workshop":  {"tui", "store", "assess", "questions", "messages"},
	"":          {"tui", "report", "workshop", "store", "assess", "questions", "messages"},
}

// forbidden lists, for some packages, imports from outside the module they
// must not use: the domain (questions, assess) does no I/O, and only store
// touches the database.
var forbidden = map[string][]string{
	"questions": noIO,
	"assess":    noIO,
	"report":    {bbolt},
	"tui":       {bbolt},
	"messages":  {bbolt},
}

const bbolt = "go.etcd.io/bbolt"

var noIO = []string{"os", "os/exec", "os/signal", "io/fs", "io/ioutil", "net", "net/http", "path/filepath", "syscall", bbolt}

// TestLayering fails when a package of the module imports (in non-test
// code) what its layer may not.
func TestLayering(t *testing.T) {
	imports, err := moduleImports(".")
	if err != nil {
		t.Fatal(err)
	}
	if len(imports) < len(layers)-1 {
		t.Fatalf("found only %d packages: %v", len(imports), imports)
	}
	for _, v := range layeringViolations(imports) {
		t.Error(v)
	}
}

// The check itself catches each kind of wrong arrow.
func TestLayeringViolationsAreFound(t *testing.T) {
	bad := map[string][]string{
		"questions": {"os", module + "/assess"},
		"assess":    {"io/fs", bbolt},
		"report":    {module + "/store", module + "/tui"},
		"tui":       {module + "/report", bbolt},
		"store":     {module + "/tui", module + "/report"},
		"messages":  {module + "/questions"},
		"newpkg":    {"fmt"},
		"":          {module + "/store", "os"},
	}
	got := strings.Join(layeringViolations(bad), "\n")
	for _, want := range []string{
		"questions imports os", "questions imports socialmaturity/assess",
		"assess imports io/fs", "assess imports go.etcd.io/bbolt",
		"report imports socialmaturity/store", "report imports socialmaturity/tui",
		"tui imports socialmaturity/report", "tui imports go.etcd.io/bbolt",
		"store imports socialmaturity/tui", "store imports socialmaturity/report",
		"messages imports socialmaturity/questions",
		"newpkg has no layer",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("not reported: %s", want)
		}
	}
	if strings.Contains(got, "main imports") {
		t.Errorf("main's imports are all allowed, got:\n%s", got)
	}
}

// layeringViolations checks each package's imports (keyed by its folder,
// "" for main) against layers and forbidden.
func layeringViolations(imports map[string][]string) []string {
	var out []string
	for _, pkg := range slices.Sorted(maps.Keys(imports)) {
		name := pkg
		if name == "" {
			name = "main"
		}
		may, known := layers[pkg]
		if !known {
			out = append(out, name+" has no layer: add it to layers in layering_test.go")
			continue
		}
		for _, imp := range imports[pkg] {
			inner, ok := strings.CutPrefix(imp, module+"/")
			switch {
			case ok && !slices.Contains(may, inner):
				out = append(out, name+" imports "+imp)
			case !ok && slices.ContainsFunc(forbidden[pkg], func(f string) bool { return imp == f || strings.HasPrefix(imp, f+"/") }):
				out = append(out, name+" imports "+imp)
			}
		}
	}
	return out
}

// moduleImports reads the imports of every non-test Go file under root,
// by package folder ("" for the root).
func moduleImports(root string) (map[string][]string, error) {
	imports := map[string][]string{}
	fset := token.NewFileSet()
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if p != root && (strings.HasPrefix(d.Name(), ".") || d.Name() == "testdata") {
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(p, ".go") || strings.HasSuffix(p, "_test.go") {
			return nil
		}
		f, err := parser.ParseFile(fset, p, nil, parser.ImportsOnly)
		if err != nil {
			return err
		}
		dir := path.Clean(filepath.ToSlash(filepath.Dir(p)))
		if dir == "." {
			dir = ""
		}
		for _, spec := range f.Imports {
			imp, err := strconv.Unquote(spec.Path.Value)
			if err != nil {
				return err
			}
			if !slices.Contains(imports[dir], imp) {
				imports[dir] = append(imports[dir], imp)
			}
		}
		if _, ok := imports[dir]; !ok {
			imports[dir] = nil
		}
		return nil
	})
	for _, imps := range imports {
		sort.Strings(imps)
	}
	return imports, err
}
