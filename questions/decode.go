package questions

import (
	"errors"
	"reflect"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"sync"

	"go.yaml.in/yaml/v3"
)

// maxDepth bounds how deep the field check walks a document.
const maxDepth = 32

var lineRE = regexp.MustCompile(`^(?:yaml: )?line (\d+): (.*)$`)

// Decode strictly decodes one YAML (or JSON) document into v, recording every
// syntax error, wrong type and unknown field in c with its line. It fills the
// Line field of every struct that has one. It reports whether the document
// could be read at all.
func Decode(c *Collector, data []byte, v any) (ok bool) {
	defer func() {
		if r := recover(); r != nil {
			c.Add(0, "cannot be read as YAML or JSON")
			ok = false
		}
	}()
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		addYAMLError(c, err.Error())
		return false
	}
	if len(doc.Content) == 0 {
		c.Add(0, "is empty")
		return false
	}
	root := doc.Content[0]
	if root.Kind != yaml.MappingNode {
		c.Add(root.Line, "must be a mapping of fields, not %s", kindName(root.Kind))
		return false
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
	checkFields(c, root, reflect.ValueOf(v), 0)
	return true
}

func addYAMLError(c *Collector, msg string) {
	msg = strings.TrimPrefix(msg, "yaml: ")
	if m := lineRE.FindStringSubmatch(msg); m != nil {
		line, _ := strconv.Atoi(m[1])
		c.Add(line, "%s", m[2])
		return
	}
	c.Add(0, "%s", msg)
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
// field, and records each struct's line.
func checkFields(c *Collector, n *yaml.Node, v reflect.Value, depth int) {
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
	case v.Kind() == reflect.Struct && n.Kind == yaml.MappingNode:
		fields := fieldsOf(v.Type())
		if line := v.FieldByName("Line"); line.IsValid() && line.Kind() == reflect.Int && line.CanSet() {
			line.SetInt(int64(n.Line))
		}
		for i := 0; i+1 < len(n.Content); i += 2 {
			key, val := n.Content[i], n.Content[i+1]
			idx, ok := fields.byName[key.Value]
			if !ok {
				c.Add(key.Line, "unknown field %q (expected one of: %s)", key.Value, fields.names)
				continue
			}
			checkFields(c, val, v.Field(idx), depth+1)
		}
	case v.Kind() == reflect.Slice && n.Kind == yaml.SequenceNode:
		for i := 0; i < len(n.Content) && i < v.Len(); i++ {
			checkFields(c, n.Content[i], v.Index(i), depth+1)
		}
	}
}

type structFields struct {
	byName map[string]int
	names  string
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
	f := structFields{byName: map[string]int{}}
	var names []string
	for i := 0; i < t.NumField(); i++ {
		tag := t.Field(i).Tag.Get("yaml")
		name, _, _ := strings.Cut(tag, ",")
		if name == "" || name == "-" {
			continue
		}
		f.byName[name] = i
		names = append(names, name)
	}
	sort.Strings(names)
	f.names = strings.Join(names, ", ")
	fieldCache.Store(t, f)
	return f
}
