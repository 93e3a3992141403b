package report

import (
	"embed"
	"fmt"
	"html/template"
	"io"
	"strconv"
	"strings"
	"sync"

	"socialmaturity/assess"
	"socialmaturity/messages"
)

//go:embed templates/*.html.tmpl
var templates embed.FS

// defaultAccent is the accent colour of an unbranded report.
const defaultAccent = "#4b32b5"

// footerOrgCells is the most cells of the organization the running footer
// shows: a footer is one line.
const footerOrgCells = 60

// htmlTemplates are parsed on first use, not at start-up.
var htmlTemplates = sync.OnceValue(func() *template.Template {
	return template.Must(template.New("report").Funcs(template.FuncMap{
		"inc":  func(i int) int { return i + 1 },
		"bar":  func(s assess.Score) string { return strconv.FormatFloat(pct(s)*3, 'f', 1, 64) },
		"line": messages.SafeLine,
		"safe": messages.Safe,
	}).ParseFS(templates, "templates/*.html.tmpl"))
})

// page is what every HTML page carries: language, accent and print footer.
type page struct {
	Accent template.CSS
	// Footer and PageOf are CSS content values for the print margins.
	Footer, PageOf template.CSS
}

// newPage checks the accent and builds the print footer "org · date".
func newPage(cat *messages.Catalog, opts Options, org, date string) (page, error) {
	accent := defaultAccent
	if opts.Accent != "" {
		a, err := ParseAccent(opts.Accent)
		if err != nil {
			return page{}, err
		}
		accent = a
	}
	// The organization is isolated so that right-to-left text does not
	// carry the date into its run.
	footer := "\u2068" + messages.Truncate(messages.SafeLine(org), footerOrgCells) + "\u2069"
	if date != "" {
		footer += " · " + date
	}
	return page{
		// accent is #rrggbb (ParseAccent), and cssContent quotes every text.
		Accent: template.CSS(accent),
		Footer: template.CSS(cssString(footer)),
		PageOf: template.CSS(cssContent(cat.T(messages.ReportPageOf, "\x00page\x00", "\x00pages\x00"))),
	}, nil
}

// cssString quotes s as a CSS string, escaping every character that is
// not a plain letter or digit (spaces too: an escape swallows the space
// after it).
func cssString(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		if r < 0x80 && (r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9') {
			b.WriteRune(r)
			continue
		}
		fmt.Fprintf(&b, "\\%06x", r)
	}
	b.WriteByte('"')
	return b.String()
}

// cssContent turns a text with "\x00page\x00" and "\x00pages\x00" in it
// into a CSS content value with the page counters in their places.
func cssContent(s string) string {
	var parts []string
	for i, part := range strings.Split(s, "\x00") {
		switch {
		case i%2 == 1 && (part == "page" || part == "pages"):
			parts = append(parts, "counter("+part+")")
		case part != "":
			parts = append(parts, cssString(part))
		}
	}
	return strings.Join(parts, " ")
}

// htmlDoc is what the report template shows: the view, its radar chart,
// its stage ladder and the page.
type htmlDoc struct {
	doc
	Page   page
	Radar  radar
	Ladder ladder
	// Rows are the answers as the gap table and the appendix show them.
	Rows []answerSection
}

// answerSection is a key action's questions, written out once for the
// gap table and the appendix (cheaper than working them out in the
// template, twice).
type answerSection struct {
	PillarTitle, KeyActionTitle string
	Items                       []answerRow
}

// answerRow is one question: its number, prompt, place on the ladder, the
// next level, the answer and the note; Muted when the answer says nothing
// about the organization.
type answerRow struct {
	N, Prompt, Given, Next, Answer, Note string
	Muted                                bool
}

// answerSections writes out every answer of the view.
func answerSections(d doc) []answerSection {
	out := make([]answerSection, len(d.Answers))
	for i, g := range d.Answers {
		rows := make([]answerRow, len(g.Items))
		for j, it := range g.Items {
			rows[j] = answerRow{N: d.cat.Int(it.N), Prompt: it.Prompt, Given: d.Given(it), Next: d.NextLevel(it),
				Answer: d.Answer(it), Note: it.Note, Muted: d.Muted(it)}
		}
		out[i] = answerSection{PillarTitle: g.PillarTitle, KeyActionTitle: g.KeyActionTitle, Items: rows}
	}
	return out
}

// HTML writes the deliverable as one self-contained HTML page (inline CSS
// and SVG charts; nothing loaded, nothing run), printable on A4 with page
// numbers and a running footer. It fails only on an invalid accent or a
// failed write.
func HTML(w io.Writer, cat *messages.Catalog, v *assess.View, opts Options) error {
	d := doc{View: v, cat: cat, opts: opts}
	p, err := newPage(cat, opts, v.Org, d.Date())
	if err != nil {
		return err
	}
	previous := map[string]assess.Score{}
	if v.Change != nil {
		for _, c := range v.Change.KeyActions {
			previous[c.ID] = c.From
		}
	}
	var axes []radarAxis
	for i, p := range v.Pillars {
		for _, k := range p.KeyActions {
			axes = append(axes, radarAxis{Label: k.Title, Value: k.Score, Previous: previous[k.ID], Group: i})
		}
	}
	r := newRadar(cat, axes)
	r.Show = v.Coverage.Share >= radarMinCoverage
	return htmlTemplates().ExecuteTemplate(w, "report.html.tmpl", htmlDoc{doc: d, Page: p, Radar: r, Ladder: newLadder(v), Rows: answerSections(d)})
}

// radarMinCoverage is the share of answers below which the report shows
// bars only: a radar of a few answers draws a shape that says nothing.
const radarMinCoverage = 0.5

// ladder is the five-step stage ladder with a marker at the score.
type ladder struct {
	Steps []ladderStep
	// Show is false when the score is unscored or the bank has no stages.
	Show bool
	// Here is the "you are here" marker, nil when the result has no
	// stage.
	Here *ladderMarker
}

type ladderStep struct {
	Number  int
	Name    string
	Width   float64 // percent of the ladder
	Current bool
}

// ladderMarker places the "you are here" marker at the score: its middle
// there, or near either end of the ladder its edge, so that it is never
// cut off; the arrow is on the side that points at the score.
type ladderMarker struct {
	Style template.CSS
	// Center is set when the marker's middle is at the score; ArrowAfter
	// when the arrow ends the text (the marker's end edge is at the score).
	Center, ArrowAfter bool
}

// markerEdge is how near (in percent of the ladder) an end of it the
// marker is held by its edge instead of its middle.
const markerEdge = 20

func newLadder(v *assess.View) ladder {
	st := v.Method.Stages
	l := ladder{Show: v.Overall.Valid && len(st) > 0}
	for i, s := range st {
		end := 100.0
		if i+1 < len(st) {
			end = st[i+1].Min
		}
		l.Steps = append(l.Steps, ladderStep{Number: s.Number, Name: s.Name, Width: round1(end - s.Min),
			Current: v.Stage != nil && v.Stage.Number == s.Number})
	}
	if l.Show && v.Stage != nil {
		at := round1(pct(v.Overall))
		// at is a number: the styles hold nothing a user typed.
		switch {
		case at > 100-markerEdge:
			l.Here = &ladderMarker{Style: template.CSS(fmt.Sprintf("inset-inline-end:%s%%", fmtPct(100-at))), ArrowAfter: true}
		case at < markerEdge:
			l.Here = &ladderMarker{Style: template.CSS(fmt.Sprintf("inset-inline-start:%s%%", fmtPct(at)))}
		default:
			l.Here = &ladderMarker{Style: template.CSS(fmt.Sprintf("inset-inline-start:%s%%", fmtPct(at))), Center: true}
		}
	}
	return l
}

// fmtPct writes a percentage of the ladder with at most one decimal.
func fmtPct(v float64) string { return strconv.FormatFloat(round1(v), 'f', -1, 64) }
