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
)

// Formats lists the export formats, the default first.
func Formats() []string { return []string{FormatHTML, FormatMarkdown, FormatCSV, FormatJSON} }

// Export writes the assessment a view shows in a format.
func Export(w io.Writer, cat *messages.Catalog, v *assess.View, format string) error {
	switch format {
	case FormatHTML:
		return HTML(w, cat, v)
	case FormatMarkdown:
		return Markdown(w, cat, v)
	case FormatCSV:
		return AnswersCSV(w, v)
	case FormatJSON:
		return JSON(w, v)
	}
	return fmt.Errorf("unknown export format %q (expected one of %s)", format, strings.Join(Formats(), ", "))
}

// slugLen is the most characters of an organization a file name keeps.
const slugLen = 60

// FileName is the default file for an export: the organization and the
// completion date, e.g. "acme-corp-2026-11-27.html". The organization keeps
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
		name += "-" + a.CompletedAt.Local().Format("2006-01-02")
	}
	return name + "." + format
}

// AnswersCSV writes one row per question: the assessment, where the
// question sits, the answer and its points, and the note. Text cells are
// neutralised so that spreadsheets do not run them as formulas.
func AnswersCSV(w io.Writer, v *assess.View) error {
	cw := newCSV(w)
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
func WriteFile(path string, cat *messages.Catalog, v *assess.View, format string) (string, error) {
	var buf bytes.Buffer
	if err := Export(&buf, cat, v, format); err != nil {
		return "", err
	}
	if path == "" {
		return WriteNew(FileName(v.Source, format), buf.Bytes(), 0o644)
	}
	tmp, err := writeTemp(filepath.Dir(path), buf.Bytes(), 0o644)
	if err != nil {
		return "", err
	}
	if err := os.Rename(tmp, path); err != nil {
		os.Remove(tmp)
		return "", fmt.Errorf("export to %s: %w", path, err)
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
	tmp, err := writeTemp(filepath.Dir(name), data, perm)
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

// writeTemp writes data to a new temporary file in dir with permission
// perm and returns its path.
func writeTemp(dir string, data []byte, perm fs.FileMode) (string, error) {
	f, err := os.CreateTemp(dir, ".export-*.tmp")
	if err != nil {
		return "", fmt.Errorf("write in %s: %w", dir, err)
	}
	_, err = f.Write(data)
	if err == nil {
		err = f.Chmod(perm)
	}
	if err != nil {
		f.Close()
		os.Remove(f.Name())
		return "", fmt.Errorf("write %s: %w", f.Name(), err)
	}
	if err := f.Close(); err != nil {
		os.Remove(f.Name())
		return "", fmt.Errorf("write %s: %w", f.Name(), err)
	}
	return f.Name(), nil
}
