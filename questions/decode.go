package questions

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"reflect"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"sync"
	"unicode/utf16"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
)

// maxDepth bounds how deep the field check walks a document.
const maxDepth = 32

var (
	lineRE      = regexp.MustCompile(`^(?:yaml: )?line (\d+): (.*)$`)
	unmarshalRE = regexp.MustCompile("^cannot unmarshal !!(\\w+)(?: `(.*)`)? into (\\S+)$")
)

// Decode strictly decodes one YAML (or JSON) document into v, recording every
// syntax error, wrong type, repeated key and unknown field in c with its line.
// It fills the Line field of every struct that has one. A second document in
// data is a problem. It reports whether the document could be read at all.
func Decode(c *Collector, data []byte, v any) bool {
	return decode(c, data, v, nil)
}

// decode is Decode; version, when not nil, tells the version of the
// document from its root mapping (see decodeNode).
func decode(c *Collector, data []byte, v any, version func(root *yaml.Node) int) bool {
	docs, ok := Documents(c, data)
	if !ok {
		return false
	}
	if len(docs) > 1 {
		c.Addf(docs[1].Line, "holds %d documents where one is expected (the second starts here)", len(docs))
		return false
	}
	return decodeNode(c, docs[0], v, version)
}

// Documents splits data into its YAML documents (a JSON document is one),
// leaving out empty ones; their lines are lines of data. A syntax error, or
// no document at all, is recorded in c and reported as false.
func Documents(c *Collector, data []byte) (docs []*yaml.Node, ok bool) {
	defer func() {
		if r := recover(); r != nil {
			c.Addf(0, "cannot be read as YAML or JSON")
			docs, ok = nil, false
		}
	}()
	isJSON := json.Valid(data)
	if isJSON {
		data = utf8Surrogates(data)
	}
	dec := yaml.NewDecoder(bytes.NewReader(data))
	for {
		var doc yaml.Node
		err := dec.Decode(&doc)
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			if !isJSON && looksLikeJSON(data) {
				addJSONError(c, data)
			} else {
				addYAMLError(c, err.Error())
			}
			return nil, false
		}
		if len(doc.Content) > 0 {
			docs = append(docs, &doc)
		}
	}
	if len(docs) == 0 {
		c.Addf(0, "is empty")
		return nil, false
	}
	return docs, true
}

// DecodeNode strictly decodes one document (from Documents) into v, as
// Decode does.
func DecodeNode(c *Collector, doc *yaml.Node, v any) bool {
	return decodeNode(c, doc, v, nil)
}

// decodeNode is DecodeNode for a document with versions: version, when not
// nil, tells the document's version from its root mapping (0: unknown), and
// a field tagged since:"N" is refused below version N, one tagged until:"N"
// above it.
func decodeNode(c *Collector, doc *yaml.Node, v any, version func(root *yaml.Node) int) (ok bool) {
	defer func() {
		if r := recover(); r != nil {
			c.Addf(0, "cannot be read as YAML or JSON")
			ok = false
		}
	}()
	root := doc
	if doc.Kind == yaml.DocumentNode {
		root = doc.Content[0]
	}
	if root.Kind != yaml.MappingNode {
		c.Addf(root.Line, "must be a mapping of fields, not %s", kindName(root.Kind))
		return false
	}
	before := len(c.Problems)
	checkRepeatedKeys(c, root, 0)
	if len(c.Problems) > before {
		return false // the decoder would stop at the first; say only that
	}
	if err := root.Decode(v); err != nil {
		var te *yaml.TypeError
		if !errors.As(err, &te) {
			addYAMLError(c, err.Error())
			return false
		}
		for _, e := range te.Errors {
			addYAMLError(c, e)
		}
	}
	ver := 0
	if version != nil {
		ver = version(root)
	}
	checkFields(c, root, reflect.ValueOf(v), "", ver, 0)
	return true
}

// looksLikeJSON reports whether data starts like a JSON object or list, so
// that its syntax errors are worded as JSON's.
func looksLikeJSON(data []byte) bool {
	t := bytes.TrimLeft(data, " \t\r\n\ufeff")
	return len(t) > 0 && (t[0] == '{' || t[0] == '[')
}

// addJSONError records why data is not valid JSON, at its line.
func addJSONError(c *Collector, data []byte) {
	var v any
	err := json.Unmarshal(data, &v)
	var se *json.SyntaxError
	if !errors.As(err, &se) {
		c.Addf(0, "is not valid JSON")
		return
	}
	line := 1 + bytes.Count(data[:min(int(se.Offset), len(data))], []byte("\n"))
	if se.Offset >= int64(len(bytes.TrimRight(data, " \t\r\n"))) {
		c.Addf(line, "the JSON ends too early: is the file complete?")
		return
	}
	c.Addf(line, "is not valid JSON: %s", se.Error())
}

// checkRepeatedKeys reports every key given twice in one mapping.
func checkRepeatedKeys(c *Collector, n *yaml.Node, depth int) {
	if depth > maxDepth {
		return
	}
	if n.Kind == yaml.MappingNode {
		first := map[string]int{}
		for i := 0; i+1 < len(n.Content); i += 2 {
			key := n.Content[i]
			if key.Kind != yaml.ScalarNode {
				continue
			}
			if line, dup := first[key.Value]; dup {
				c.Addf(key.Line, "%q is given twice (first at line %d)", key.Value, line)
				continue
			}
			first[key.Value] = key.Line
		}
	}
	for _, child := range n.Content {
		checkRepeatedKeys(c, child, depth+1)
	}
}

// addYAMLError records a message of the YAML decoder, located by its line
// and worded without the decoder's internals.
func addYAMLError(c *Collector, msg string) {
	msg = strings.TrimPrefix(msg, "yaml: ")
	line := 0
	if m := lineRE.FindStringSubmatch(msg); m != nil {
		line, _ = strconv.Atoi(m[1])
		msg = m[2]
	}
	if m := unmarshalRE.FindStringSubmatch(msg); m != nil {
		found := tagName(m[1])
		if m[2] != "" {
			found = strconv.Quote(m[2])
		}
		msg = "expected " + goTypeName(m[3]) + ", found " + found
	}
	c.Addf(line, "%s", msg)
}

// tagName says in words what a YAML tag holds.
func tagName(tag string) string {
	switch tag {
	case "seq":
		return "a list"
	case "map":
		return "a mapping"
	case "str":
		return "text"
	case "int", "float":
		return "a number"
	case "bool":
		return "true or false"
	case "null":
		return "nothing"
	}
	return "a value"
}

// goTypeName says in words what a Go type named by the YAML decoder holds.
func goTypeName(t string) string {
	switch {
	case t == "string":
		return "text"
	case strings.HasPrefix(t, "int"), strings.HasPrefix(t, "uint"):
		return "a whole number"
	case strings.HasPrefix(t, "float"):
		return "a number"
	case t == "bool":
		return "true or false"
	case strings.HasPrefix(t, "[]"):
		return "a list"
	}
	return "a mapping"
}

func kindName(k yaml.Kind) string {
	switch k {
	case yaml.SequenceNode:
		return "a list"
	case yaml.ScalarNode:
		return "a single value"
	case yaml.AliasNode:
		return "an alias"
	}
	return "this"
}

// checkFields walks node and value together: it reports keys that name no
// field (or a field of another version, when version is not 0), and records
// each struct's line.
func checkFields(c *Collector, n *yaml.Node, v reflect.Value, name string, version, depth int) {
	if depth > maxDepth || n == nil {
		return
	}
	for v.Kind() == reflect.Pointer || v.Kind() == reflect.Interface {
		if v.IsNil() {
			return
		}
		v = v.Elem()
	}
	if v.Type() == nodeType || v.CanAddr() && v.Addr().Type().Implements(unmarshalerType) {
		return
	}
	switch {
	case v.Kind() == reflect.String && n.Kind == yaml.ScalarNode && n.Tag != "!!str" && n.Tag != "!!null":
		c.Addf(n.Line, "%s must be text, not %s: put it in quotes", name, tagName(strings.TrimPrefix(n.Tag, "!!")))
	case v.Kind() == reflect.Struct && n.Kind == yaml.MappingNode:
		fields := fieldsOf(v.Type())
		if line := v.FieldByName("Line"); line.IsValid() && line.Kind() == reflect.Int && line.CanSet() {
			line.SetInt(int64(n.Line))
		}
		for i := 0; i+1 < len(n.Content); i += 2 {
			key, val := n.Content[i], n.Content[i+1]
			f, ok := fields.byName[key.Value]
			if !ok {
				c.Addf(key.Line, "unknown field %q (expected one of: %s)", key.Value, fields.list(version))
				continue
			}
			if !f.in(version) {
				c.Addf(key.Line, "field %q is not part of a version %d bank (it belongs to %s)", key.Value, version, f.versions())
				if fv := v.Field(f.index); fv.CanSet() {
					fv.SetZero() // refused: nothing else should judge it
				}
				continue
			}
			checkFields(c, val, v.Field(f.index), key.Value, version, depth+1)
		}
	case v.Kind() == reflect.Slice && n.Kind == yaml.SequenceNode:
		for i := 0; i < len(n.Content) && i < v.Len(); i++ {
			checkFields(c, n.Content[i], v.Index(i), name, version, depth+1)
		}
	}
}

type structFields struct {
	byName map[string]field
	names  []string // sorted, without unlisted fields
}

// field is one YAML field of a struct, with the versions it belongs to
// (tags since:"N" and until:"N"; 0 when unbounded).
type field struct {
	index        int
	since, until int
}

func (f field) in(version int) bool {
	return version == 0 || (f.since == 0 || version >= f.since) && (f.until == 0 || version <= f.until)
}

func (f field) versions() string {
	switch {
	case f.since > 0 && f.until > 0:
		return fmt.Sprintf("versions %d to %d", f.since, f.until)
	case f.since > 0:
		return fmt.Sprintf("version %d and later", f.since)
	}
	return fmt.Sprintf("version %d and earlier", f.until)
}

// list names the fields of a document of a version (0: any).
func (fs structFields) list(version int) string {
	var names []string
	for _, n := range fs.names {
		if fs.byName[n].in(version) {
			names = append(names, n)
		}
	}
	return strings.Join(names, ", ")
}

var (
	unmarshalerType = reflect.TypeFor[yaml.Unmarshaler]()
	nodeType        = reflect.TypeFor[yaml.Node]()
)

var fieldCache sync.Map // reflect.Type → structFields

func fieldsOf(t reflect.Type) structFields {
	if f, ok := fieldCache.Load(t); ok {
		return f.(structFields)
	}
	f := structFields{byName: map[string]field{}}
	for i := 0; i < t.NumField(); i++ {
		sf := t.Field(i)
		name, _, _ := strings.Cut(sf.Tag.Get("yaml"), ",")
		if name == "" || name == "-" {
			continue
		}
		since, _ := strconv.Atoi(sf.Tag.Get("since"))
		until, _ := strconv.Atoi(sf.Tag.Get("until"))
		f.byName[name] = field{index: i, since: since, until: until}
		if sf.Tag.Get("listed") != "no" {
			f.names = append(f.names, name)
		}
	}
	sort.Strings(f.names)
	fieldCache.Store(t, f)
	return f
}

// utf8Surrogates rewrites, inside the strings of valid JSON, each UTF-16
// surrogate pair escape ("\ud83d\ude80", as Python writes an emoji) as the
// character's UTF-8 bytes, which the YAML decoder reads; a lone surrogate
// becomes U+FFFD, as encoding/json reads it. Nothing else changes, so lines
// stay where they were.
func utf8Surrogates(data []byte) []byte {
	if !bytes.Contains(data, []byte(`\u`)) {
		return data
	}
	out := make([]byte, 0, len(data))
	inString := false
	for i := 0; i < len(data); i++ {
		b := data[i]
		switch {
		case b == '"':
			inString = !inString
		case b == '\\' && inString && i+1 < len(data):
			if r1, ok := escapedRune(data[i:]); ok && utf16.IsSurrogate(r1) {
				r2, ok2 := escapedRune(data[i+6:])
				if r := utf16.DecodeRune(r1, r2); ok2 && r != utf8.RuneError {
					out = utf8.AppendRune(out, r)
					i += 11
				} else {
					out = append(out, `\ufffd`...)
					i += 5
				}
				continue
			}
			out = append(out, b, data[i+1])
			i++
			continue
		}
		out = append(out, b)
	}
	return out
}

// escapedRune reads a \uXXXX escape at the start of s.
func escapedRune(s []byte) (rune, bool) {
	if len(s) < 6 || s[0] != '\\' || s[1] != 'u' {
		return 0, false
	}
	n, err := strconv.ParseUint(string(s[2:6]), 16, 32)
	return rune(n), err == nil
}
