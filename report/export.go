package report

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"unicode"

	"socialmaturity/assess"
	"socialmaturity/messages"
)

// Export formats.
const (
	FormatHTML     = "html"
	FormatMarkdown = "md"
	FormatCSV      = "csv"
	FormatJSON     = "json"
	FormatPDF      = "pdf"
)

// Formats lists the export formats, the default first.
func Formats() []string {
	return []string{FormatHTML, FormatPDF, FormatMarkdown, FormatCSV, FormatJSON}
}

// Export writes the assessment a view shows in a format, branded and
// adapted by opts (the zero Options for a plain report). PDF needs Chrome
// or Chromium: without one it returns a *NoBrowserError.
func Export(w io.Writer, cat *messages.Catalog, v *assess.View, format string, opts Options) error {
	switch format {
	case FormatHTML:
		return HTML(w, cat, v, opts)
	case FormatPDF:
		return PDF(w, cat, v, opts)
	case FormatMarkdown:
		return markdown(w, doc{View: v, cat: cat, opts: opts})
	case FormatCSV:
		return AnswersCSV(w, v, opts.Excel)
	case FormatJSON:
		return JSON(w, cat, v)
	}
	return fmt.Errorf("unknown export format %q (expected one of %s)", format, strings.Join(Formats(), ", "))
}

// slugLen is the most characters of an organization a file name keeps.
const slugLen = 60

// FileName is the default file for an export: the organization and the
// completion date in the time zone it was completed in, e.g. "acme-corp-2026-11-27.html". The organization keeps
// only its letters and digits (any script), lower-cased, joined by "-" and
// cut to slugLen characters.
func FileName(a *assess.Assessment, format string) string {
	words := strings.FieldsFunc(strings.ToLower(a.Org), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsNumber(r)
	})
	slug := []rune(strings.Join(words, "-"))
	if len(slug) > slugLen {
		slug = slug[:slugLen]
	}
	name := strings.Trim(string(slug), "-")
	if name == "" {
		name = "assessment"
	}
	if a.CompletedAt != nil {
		name += "-" + a.CompletedAt.Format("2006-01-02")
	}
	return name + "." + format
}

// AnswersCSV writes one row per question: the assessment, where the
// question sits, the answer and its points, and the note. Text cells are
// neutralised so that spreadsheets do not run them as formulas. For Excel
// the file starts with a UTF-8 byte-order mark and lines end in CRLF.
func AnswersCSV(w io.Writer, v *assess.View, excel bool) error {
	cw := newCSV(w, excel)
	cw.text("assessment_id", "org", "pillar", "key_action", "question_id", "question", "level", "points", "unsure", "note")
	cw.end()
	for _, g := range v.Answers {
		for _, it := range g.Items {
			level, points, unsure := "", "", "false"
			if it.Answered {
				if it.Answer.Unsure {
					unsure = "true"
				} else if pts, ok := it.Answer.Points(); ok {
					level, points = strconv.Itoa(it.Answer.Level), strconv.FormatFloat(pts, 'f', -1, 64)
				}
			}
			cw.text(v.ID, v.Org, g.PillarID, g.KeyActionID, it.QuestionID, it.Prompt)
			cw.number(level, points, unsure)
			cw.text(it.Note)
			cw.end()
		}
	}
	return cw.flush()
}

// WriteFile exports to path, replacing it, and returns path. With an empty
// path it writes a new file named by FileName in the current folder and
// never replaces one: when the name is taken it tries "-2", "-3"… before
// the extension. Either way the file is written whole or not at all.
func WriteFile(path string, cat *messages.Catalog, v *assess.View, format string, opts Options) (string, error) {
	var buf bytes.Buffer
	if err := Export(&buf, cat, v, format, opts); err != nil {
		return "", err
	}
	if path == "" {
		return WriteNew(FileName(v.Source, format), buf.Bytes(), 0o644)
	}
	tmp, err := writeTemp(path, buf.Bytes(), 0o644)
	if err != nil {
		return "", err
	}
	if err := os.Rename(tmp, path); err != nil {
		os.Remove(tmp)
		return "", fmt.Errorf("write %s: %w", path, bare(err))
	}
	return path, nil
}

// maxNameTries bounds the search for a free file name.
const maxNameTries = 1000

// WriteNew writes data to a file named name, or name-2, name-3… (before
// the extension), whichever is free first, with permission perm, and
// returns its path. It never replaces a file, and the file appears whole
// or not at all.
func WriteNew(name string, data []byte, perm fs.FileMode) (string, error) {
	tmp, err := writeTemp(name, data, perm)
	if err != nil {
		return "", err
	}
	defer os.Remove(tmp)
	ext := filepath.Ext(name)
	base := strings.TrimSuffix(name, ext)
	for n := 1; n <= maxNameTries; n++ {
		path := name
		if n > 1 {
			path = base + "-" + strconv.Itoa(n) + ext
		}
		// Claim the name; only the one who created it may replace it.
		f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, perm)
		if errors.Is(err, fs.ErrExist) {
			continue
		}
		if err != nil {
			return "", fmt.Errorf("write %s: %w", path, err)
		}
		if err := f.Close(); err != nil {
			os.Remove(path)
			return "", fmt.Errorf("write %s: %w", path, err)
		}
		if err := os.Rename(tmp, path); err != nil {
			os.Remove(path)
			return "", fmt.Errorf("write %s: %w", path, err)
		}
		return path, nil
	}
	return "", fmt.Errorf("write %s: it and %d numbered names after it are all taken", name, maxNameTries-1)
}

// writeTemp writes data to a new temporary file beside target (which
// errors name: the temporary name means nothing to the user) with
// permission perm and returns its path.
func writeTemp(target string, data []byte, perm fs.FileMode) (string, error) {
	f, err := os.CreateTemp(filepath.Dir(target), ".export-*.tmp")
	if err != nil {
		return "", fmt.Errorf("write %s: %w", target, bare(err))
	}
	_, err = f.Write(data)
	if err == nil {
		err = f.Chmod(perm)
	}
	if err == nil {
		err = f.Close()
	} else {
		f.Close()
	}
	if err != nil {
		os.Remove(f.Name())
		return "", fmt.Errorf("write %s: %w", target, bare(err))
	}
	return f.Name(), nil
}

// bare is err without the paths a *fs.PathError or *os.LinkError adds.
func bare(err error) error {
	var pe *fs.PathError
	var le *os.LinkError
	switch {
	case errors.As(err, &pe):
		return pe.Err
	case errors.As(err, &le):
		return le.Err
	}
	return err
}
