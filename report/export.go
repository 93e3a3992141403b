package report

import (
	"bytes"
	"embed"
	"encoding/csv"
	"fmt"
	"html/template"
	"io"
	"os"
	"strconv"
	"strings"
	"sync"
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

//go:embed templates/report.html.tmpl
var templates embed.FS

// htmlTemplate is parsed on first use, not at start-up.
var htmlTemplate = sync.OnceValue(func() *template.Template {
	return template.Must(template.New("report.html.tmpl").Funcs(template.FuncMap{
		"inc": func(i int) int { return i + 1 },
		"bar": func(pct float64) string { return strconv.FormatFloat(pct*3, 'f', 1, 64) },
	}).ParseFS(templates, "templates/report.html.tmpl"))
})

// Export writes an assessment in a format.
func Export(w io.Writer, cat *messages.Catalog, a Assessment, format string) error {
	switch format {
	case FormatHTML:
		return htmlTemplate().Execute(w, newDocument(cat, a))
	case FormatMarkdown:
		return Markdown(w, cat, a)
	case FormatCSV:
		return AnswersCSV(w, a)
	case FormatJSON:
		return JSON(w, a)
	}
	return fmt.Errorf("unknown export format %q (expected one of %s)", format, strings.Join(Formats(), ", "))
}

// FileName is the default file for an export: the organization and the
// completion date, e.g. "acme-corp-2026-11-27.html".
func FileName(rec *assess.Assessment, format string) string {
	slug := strings.Join(strings.FieldsFunc(strings.ToLower(rec.Org), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsNumber(r)
	}), "-")
	if slug == "" {
		slug = "assessment"
	}
	if len(slug) > 60 {
		slug = strings.TrimRight(slug[:60], "-")
	}
	if rec.CompletedAt != nil {
		slug += "-" + rec.CompletedAt.Local().Format("2006-01-02")
	}
	return slug + "." + format
}

// AnswersCSV writes one row per question: the assessment, where the
// question sits, the answer and its points, and the note.
func AnswersCSV(w io.Writer, a Assessment) error {
	cw := csv.NewWriter(w)
	if err := cw.Write([]string{"assessment_id", "org", "pillar", "key_action", "question_id", "question", "level", "points", "unsure", "note"}); err != nil {
		return err
	}
	rec := a.Record
	for _, p := range a.Bank.Pillars {
		for _, ka := range p.KeyActions {
			for _, q := range ka.Questions {
				level, points, unsure := "", "", "false"
				if ans, ok := rec.Answers[q.ID]; ok {
					if ans.Unsure {
						unsure = "true"
					} else if pts, ok := ans.Points(); ok {
						level, points = strconv.Itoa(ans.Level), strconv.FormatFloat(pts, 'f', -1, 64)
					}
				}
				if err := cw.Write([]string{rec.ID, rec.Org, p.ID, ka.ID, q.ID, q.Prompt, level, points, unsure, rec.Notes[q.ID]}); err != nil {
					return err
				}
			}
		}
	}
	cw.Flush()
	return cw.Error()
}

// WriteFile exports to path, or to FileName in the current folder when path
// is empty, and returns the path written. The file is written whole or not
// at all.
func WriteFile(path string, cat *messages.Catalog, a Assessment, format string) (string, error) {
	if path == "" {
		path = FileName(a.Record, format)
	}
	var buf bytes.Buffer
	if err := Export(&buf, cat, a, format); err != nil {
		return "", err
	}
	tmp := path + ".tmp"
	if err := os.WriteFile(tmp, buf.Bytes(), 0o644); err != nil {
		return "", fmt.Errorf("export: %w", err)
	}
	if err := os.Rename(tmp, path); err != nil {
		os.Remove(tmp)
		return "", fmt.Errorf("export: %w", err)
	}
	return path, nil
}
