package report

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"unicode/utf16"

	"socialmaturity/assess"
	"socialmaturity/messages"
)

// JSON writes the assessment a view shows in the interchange format, which
// import reads back, and under "context" what the view shows around it:
// targets, trend, source benchmarks and portfolio standing (see
// Benchmarks), each when it has them. Figures of findings are written by
// cat.
func JSON(w io.Writer, cat *messages.Catalog, v *assess.View) error {
	out, err := assess.EncodeResult(v.Source)
	if err != nil {
		return err
	}
	if c := contextOf(cat, v); !c.isZero() {
		if out, err = withContext(out, c); err != nil {
			return err
		}
	}
	return writeEscaped(w, out)
}

// writeJSON writes v as indented JSON through writeEscaped.
func writeJSON(w io.Writer, v any) error {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		return err
	}
	return writeEscaped(w, buf.Bytes())
}

// writeEscaped writes the JSON out with every character a terminal could
// act on escaped as \u: JSON leaves DEL, the C1 controls and the bidi
// controls raw inside its strings. Every JSON the reports write goes
// through it.
func writeEscaped(w io.Writer, out []byte) error {
	if s := string(out); messages.Safe(s) != s {
		var b bytes.Buffer
		for _, r := range s {
			// Outside its strings JSON holds only ASCII, and inside them
			// every control below 0x20 is already escaped.
			if r != '\n' && messages.Safe(string(r)) == "" {
				for _, u := range utf16.AppendRune(nil, r) {
					fmt.Fprintf(&b, `\u%04x`, u)
				}
				continue
			}
			b.WriteRune(r)
		}
		out = b.Bytes()
	}
	_, err := w.Write(out)
	return err
}
