package messages

// This package keeps no golden files; the import registers the -update
// flag that x/exp/golden defines, so that "go test ./... -update" runs in
// every package of the module.
import _ "github.com/charmbracelet/x/exp/golden"
