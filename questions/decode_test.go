package questions

import (
	"encoding/json"
	"reflect"
	"strings"
	"testing"
)

type person struct {
	Name string `yaml:"name"`
	Note string `yaml:"note"`
}

func decodeOne(t *testing.T, in string) (person, Problems) {
	t.Helper()
	c := &Collector{File: "in"}
	var p person
	Decode(c, []byte(in), &p)
	return p, c.Problems
}

// Valid JSON with UTF-16 surrogate pair escapes, as Python writes emoji, is
// read like any other JSON (QA M7).
func TestDecodeReadsSurrogatePairEscapes(t *testing.T) {
	p, problems := decodeOne(t, `{"name": "\ud83d\ude80 Rocket", "note": "a \\ud83d b \ud83d"}`)
	if len(problems) > 0 {
		t.Fatalf("problems: %v", problems)
	}
	if p.Name != "🚀 Rocket" || p.Note != `a \ud83d b `+"\uFFFD" {
		t.Errorf("decoded %+q", p)
	}
}

// Broken JSON is described as JSON, not in the YAML parser's words.
func TestDecodeWordsJSONErrorsAsJSON(t *testing.T) {
	for in, want := range map[string]string{
		"{\"name\": \"a\",\n  ":   "in:2: the JSON ends too early",
		"{\"name\": \"a\" \"b\"}": "in:1: is not valid JSON",
	} {
		_, problems := decodeOne(t, in)
		if len(problems) != 1 || !strings.HasPrefix(problems[0].String(), want) {
			t.Errorf("%q: %v, want %q", in, problems, want)
		}
	}
}

// Wrong types and repeated keys are refused, not silently converted or
// overwritten (QA m3).
func TestDecodeRefusesWrongTypesAndRepeatedKeys(t *testing.T) {
	for in, want := range map[string]string{
		`{"name": 42}`:                "in:1: name must be text, not a number",
		`{"name": true}`:              "in:1: name must be text, not true or false",
		"name: [x]\n":                 "in:1: expected text, found a list",
		"name: a\nnote: b\nname: c\n": `in:3: "name" is given twice (first at line 1)`,
	} {
		_, problems := decodeOne(t, in)
		if len(problems) == 0 || !strings.HasPrefix(problems[0].String(), want) {
			t.Errorf("%q: %v, want %q", in, problems, want)
		}
	}
	if p, problems := decodeOne(t, "name: null\nnote: \"42\"\n"); len(problems) > 0 || p.Note != "42" {
		t.Errorf("null and quoted numbers: %+v %v", p, problems)
	}
}

// utf8Surrogates never changes what valid JSON means.
func FuzzUTF8Surrogates(f *testing.F) {
	f.Add([]byte(`{"a": "\ud83d\ude80", "b": "\\ud83d", "c": "\ud83d", "d": "\udc00\ud83d x"}`))
	f.Add([]byte(`["\u00e9\"\ud83d\ude80\\"]`))
	f.Fuzz(func(t *testing.T, data []byte) {
		var want any
		if json.Unmarshal(data, &want) != nil {
			return
		}
		out := utf8Surrogates(data)
		var got any
		if err := json.Unmarshal(out, &got); err != nil {
			t.Fatalf("%q became invalid JSON %q: %v", data, out, err)
		}
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("%q means %v, rewritten %q means %v", data, want, out, got)
		}
		if strings.Count(string(out), "\n") != strings.Count(string(data), "\n") {
			t.Fatalf("lines moved: %q → %q", data, out)
		}
	})
}
