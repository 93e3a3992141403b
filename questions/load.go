package questions

import (
	_ "embed"
	"encoding/json"
	"fmt"
	"sync"
)

//go:embed default.en.yaml
var defaultBankYAML []byte

// defaultBankJSON is default.en.yaml loaded, validated and written as JSON
// (go test ./questions -update writes it; a test keeps the two equal). It
// decodes about three times faster than the YAML, which every start of the
// app would otherwise pay.
//
//go:embed default.en.json
var defaultBankJSON []byte

// DefaultBankName is how the embedded bank is named in messages.
const DefaultBankName = "default.en.yaml"

var defaultBank = sync.OnceValues(func() (*Bank, error) {
	var b Bank
	if err := json.Unmarshal(defaultBankJSON, &b); err != nil {
		return nil, fmt.Errorf("built-in bank: %w", err)
	}
	b.buildIndex()
	return &b, nil
})

// Default returns the embedded default bank, loaded once.
func Default() (*Bank, error) { return defaultBank() }

// DefaultYAML returns the embedded default bank's source.
func DefaultYAML() []byte { return defaultBankYAML }

// Load parses and validates a bank. name is used in problem locations. The
// error, when not nil, is Problems listing everything wrong, each with its
// line.
func Load(name string, data []byte) (*Bank, error) {
	c := &Collector{File: name}
	var b Bank
	if !Decode(c, data, &b) {
		return nil, c.Err()
	}
	validate(c, &b)
	if err := c.Err(); err != nil {
		return nil, err
	}
	b.buildIndex()
	return &b, nil
}
