package report

import (
	"encoding/csv"
	"io"
	"strconv"
	"strings"

	"socialmaturity/assess"
	"socialmaturity/messages"
)

// csvWriter writes CSV a row at a time, keeping text cells from being read
// as formulas by spreadsheets.
type csvWriter struct {
	w   *csv.Writer
	row []string
	err error
}

// newCSV writes CSV to w; for Excel, after a UTF-8 byte-order mark and
// with CRLF line ends.
func newCSV(w io.Writer, excel bool) *csvWriter {
	c := &csvWriter{w: csv.NewWriter(w)}
	if excel {
		c.w.UseCRLF = true
		_, c.err = io.WriteString(w, "\ufeff")
	}
	return c
}

// text adds cells of text, neutralised: control characters (C0 but tab
// and line feed, DEL, C1) and bidirectional overrides are dropped, so a
// file sent to a terminal cannot act on it; then, as OWASP recommends, a
// cell beginning with =, +, -, @ or a tab gets a leading apostrophe, so no
// spreadsheet evaluates it.
func (c *csvWriter) text(cells ...string) {
	for _, s := range cells {
		s = messages.Safe(s)
		if s != "" && strings.ContainsRune("=+-@\t", rune(s[0])) {
			s = "'" + s
		}
		c.row = append(c.row, s)
	}
}

// number adds cells the app wrote itself (numbers, times, flags), as they are.
func (c *csvWriter) number(cells ...string) { c.row = append(c.row, cells...) }

// end writes the row.
func (c *csvWriter) end() {
	if c.err == nil {
		c.err = c.w.Write(c.row)
	}
	c.row = c.row[:0]
}

// flush writes what is buffered and reports the first error.
func (c *csvWriter) flush() error {
	if c.err != nil {
		return c.err
	}
	c.w.Flush()
	return c.w.Error()
}

// machineScore is a score for programs: an ASCII number with one decimal,
// or empty when unscored.
func machineScore(s assess.Score) string {
	if !s.Valid {
		return ""
	}
	return strconv.FormatFloat(assess.Round(s.Value), 'f', 1, 64)
}
