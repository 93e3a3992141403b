package report

import (
	"embed"
	"html/template"
	"io"
	"strconv"
	"sync"

	"socialmaturity/assess"
	"socialmaturity/messages"
)

//go:embed templates/report.html.tmpl
var templates embed.FS

// htmlTemplate is parsed on first use, not at start-up.
var htmlTemplate = sync.OnceValue(func() *template.Template {
	return template.Must(template.New("report.html.tmpl").Funcs(template.FuncMap{
		"inc": func(i int) int { return i + 1 },
		"bar": func(s assess.Score) string { return strconv.FormatFloat(pct(s)*3, 'f', 1, 64) },
	}).ParseFS(templates, "templates/report.html.tmpl"))
})

// htmlDoc is what the HTML template shows: the view and its radar chart.
type htmlDoc struct {
	doc
	Radar radar
}

// HTML writes the deliverable as one self-contained HTML page (inline CSS
// and SVG charts; nothing loaded, nothing run), printable on A4.
func HTML(w io.Writer, cat *messages.Catalog, v *assess.View) error {
	d := doc{View: v, cat: cat}
	var axes []radarAxis
	for _, p := range v.Pillars {
		for _, k := range p.KeyActions {
			axes = append(axes, radarAxis{Label: k.Title, Value: k.Score})
		}
	}
	return htmlTemplate().Execute(w, htmlDoc{doc: d, Radar: newRadar(cat, axes)})
}
