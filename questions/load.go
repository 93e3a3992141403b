package questions

import (
	_ "embed"
	"encoding/json"
	"fmt"
	"sync"

	"go.yaml.in/yaml/v3"
)

// The built-in banks, and the JSON form of the default one.
var (
	//go:embed banks/default.v2.en.yaml
	defaultV2YAML []byte
	//go:embed banks/default.v2.en.json
	defaultV2JSON []byte
	//go:embed banks/default.v1.en.yaml
	defaultV1YAML []byte
)

// DefaultBankName is how the default bank is named in messages.
const DefaultBankName = "default.v2.en.yaml"

// DefaultBankID is the id of the built-in banks.
const DefaultBankID = "social-maturity"

// builtin is one embedded bank. A bank with a JSON form decodes from it
// (the YAML loaded, validated and written as JSON by go test ./questions
// -update; a test keeps the two equal), which is several times faster than
// loading the YAML, a cost every start of the app would otherwise pay.
// Either way a bank is decoded once, when it is first asked for.
type builtin struct {
	id       string
	version  int
	language string
	name     string
	yaml     []byte
	json     []byte // nil: decoded from the YAML
	load     func() (*Bank, error)
}

//go:generate go test . -run TestBuiltinBankJSONMatchesTheYAML -update

var builtins = []*builtin{
	{id: DefaultBankID, version: 2, language: "en", name: DefaultBankName, yaml: defaultV2YAML, json: defaultV2JSON},
	{id: DefaultBankID, version: 1, language: "en", name: "default.v1.en.yaml", yaml: defaultV1YAML},
}

func init() {
	for _, b := range builtins {
		b.load = sync.OnceValues(b.decode)
	}
}

// decode reads the embedded bank: from its JSON form when it has one.
func (b *builtin) decode() (*Bank, error) {
	if b.json == nil {
		bank, err := Load(b.name, b.yaml)
		if err != nil {
			return nil, fmt.Errorf("built-in bank: %w", err)
		}
		return bank, nil
	}
	var bank Bank
	if err := json.Unmarshal(b.json, &bank); err != nil {
		return nil, fmt.Errorf("built-in bank %s: %w", b.name, err)
	}
	bank.buildIndex()
	return &bank, nil
}

func findBuiltin(id string, version int, language string) *builtin {
	for _, b := range builtins {
		if b.id == id && b.version == version && b.language == language {
			return b
		}
	}
	return nil
}

// Default returns the embedded default bank (version 2), loaded once.
func Default() (*Bank, error) { return builtins[0].load() }

// DefaultYAML returns the embedded default bank's source.
func DefaultYAML() []byte { return builtins[0].yaml }

// Builtin returns an embedded bank by id, version and language, decoded the
// first time it is asked for; it is safe for concurrent use. ok is false
// when no such bank is embedded.
func Builtin(id string, version int, language string) (bank *Bank, ok bool) {
	b := findBuiltin(id, version, language)
	if b == nil {
		return nil, false
	}
	bank, err := b.load()
	return bank, err == nil
}

// BuiltinYAML returns the source of an embedded bank and its file name.
func BuiltinYAML(id string, version int, language string) (name string, source []byte, ok bool) {
	b := findBuiltin(id, version, language)
	if b == nil {
		return "", nil, false
	}
	return b.name, b.yaml, true
}

// Load parses and validates a bank. name is used in problem locations. The
// error, when not nil, is Problems listing everything wrong, each with its
// line.
func Load(name string, data []byte) (*Bank, error) {
	c := &Collector{File: name}
	var b Bank
	if !decode(c, data, &b, bankVersion) {
		return nil, c.Err()
	}
	validate(c, &b)
	if err := c.Err(); err != nil {
		return nil, err
	}
	b.buildIndex()
	return &b, nil
}

// bankVersion reads the version of a bank document from its root mapping:
// 0 when it has none, or not a whole number of at least 1 (validation says
// so).
func bankVersion(root *yaml.Node) int {
	for i := 0; i+1 < len(root.Content); i += 2 {
		if root.Content[i].Value == "version" {
			var v int
			if root.Content[i+1].Decode(&v) == nil && v >= 1 {
				return v
			}
			return 0
		}
	}
	return 0
}

// BuiltinVersions lists the versions of the embedded banks with an id and
// language, newest first.
func BuiltinVersions(id, language string) []int {
	var vs []int
	for _, b := range builtins {
		if b.id == id && b.language == language {
			vs = append(vs, b.version)
		}
	}
	return vs
}
