package report

import (
	"encoding/json"
	"io"

	"socialmaturity/assess"
)

// JSON writes the assessment a view shows in the interchange format, which
// import reads back.
func JSON(w io.Writer, v *assess.View) error {
	out, err := assess.EncodeResult(v.Source)
	if err != nil {
		return err
	}
	_, err = w.Write(out)
	return err
}

func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}
