package report

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"time"

	"socialmaturity/assess"
	"socialmaturity/messages"
)

// Formats of Trend and Benchmarks.
const (
	FormatText = "text"
)

// Trend writes an organization's scores over time, in format text (a
// table of every series with a sparkline, and what moved most since the
// previous assessment), json (the points, series and moves) or csv (one
// row per assessment and series: assessment, date, part, id, title,
// score). It names no organization but the trend's own.
func Trend(w io.Writer, cat *messages.Catalog, t *assess.Trend, format string) error {
	switch format {
	case FormatText:
		var b strings.Builder
		fmt.Fprintln(&b, cat.T(messages.ReportTrend)+": "+messages.SafeLine(t.Org))
		if len(t.Points) < 2 {
			fmt.Fprint(&b, wrap(cat.T(messages.ReportTrendOne), textWidth, ""))
		}
		fmt.Fprint(&b, wrap(trendNote(cat, t), textWidth, ""))
		fmt.Fprintln(&b)
		textTrend(&b, cat, trendRows(cat, t, true))
		if h := movedHeading(cat, t); h != "" {
			fmt.Fprintln(&b)
			fmt.Fprintln(&b, h)
			for _, m := range movedLines(cat, t, len(t.Moves)) {
				fmt.Fprint(&b, wrap("- "+m, textWidth, "  "))
			}
		}
		_, err := io.WriteString(w, b.String())
		return err
	case FormatJSON:
		out := trendOf(t)
		out.Org = t.Org
		return writeJSON(w, out)
	case FormatCSV:
		cw := newCSV(w, false)
		cw.text("assessment_id", "completed_at", "part", "id", "title", "score")
		cw.end()
		for i, p := range t.Points {
			for _, s := range t.Series {
				cw.text(p.ID)
				cw.number(p.CompletedAt.Format(time.RFC3339), partName(s.Kind))
				cw.text(s.ID, s.Title)
				cw.number(machineScore(s.Scores[i]))
				cw.end()
			}
		}
		return cw.flush()
	}
	return fmt.Errorf("unknown trend format %q (expected text, json or csv)", format)
}

// Benchmarks writes where the view's assessment stands: against the
// source's findings (each with its figure and citation) and, when the view
// has one, among the latest assessments of other organizations (rank and
// percentile, never another organization's name), in format text or json.
// The view needs its context (assess.View.WithContext) for the portfolio.
func Benchmarks(w io.Writer, cat *messages.Catalog, v *assess.View, format string) error {
	switch format {
	case FormatText:
		var b strings.Builder
		d := doc{View: v, cat: cat}
		fmt.Fprintln(&b, cat.T(messages.ReportBenchHeading, messages.SafeLine(v.Org)))
		if len(v.SourceBenchmarks) == 0 {
			fmt.Fprintln(&b)
			fmt.Fprint(&b, wrap(cat.T(messages.ReportSourceBenchNone), textWidth, ""))
		}
		textBenchmarks(&b, d)
		if v.Portfolio == nil {
			fmt.Fprintln(&b)
			fmt.Fprint(&b, wrap(cat.T(messages.ReportPortfolioNone, cat.Int(assess.MinPortfolio)), textWidth, ""))
		}
		_, err := io.WriteString(w, b.String())
		return err
	case FormatJSON:
		c := contextOf(cat, v)
		return writeJSON(w, struct {
			Org              string            `json:"org"`
			SourceBenchmarks []sourceBenchJSON `json:"source_benchmarks"`
			Portfolio        *portfolioJSON    `json:"portfolio"`
		}{v.Org, c.SourceBenchmarks, c.Portfolio})
	}
	return fmt.Errorf("unknown benchmark format %q (expected text or json)", format)
}

// partName names a row kind in machine formats.
func partName(k assess.RowKind) string {
	switch k {
	case assess.OverallRow:
		return "overall"
	case assess.PillarRow:
		return "pillar"
	}
	return "key_action"
}

// The JSON shapes of what a view shows around its assessment.
type (
	contextJSON struct {
		Targets          []targetJSON      `json:"targets,omitempty"`
		Trend            *trendJSON        `json:"trend,omitempty"`
		SourceBenchmarks []sourceBenchJSON `json:"source_benchmarks,omitempty"`
		Portfolio        *portfolioJSON    `json:"portfolio,omitempty"`
	}
	targetJSON struct {
		Part  string `json:"part"`
		ID    string `json:"id"`
		Title string `json:"title,omitempty"`
		assess.TargetProgress
	}
	trendJSON struct {
		Org           string            `json:"org,omitempty"` // in Trend's own output only
		Points        []trendPointJSON  `json:"points"`
		Series        []trendSeriesJSON `json:"series"`
		Moves         []moveJSON        `json:"moves"`
		MixedVersions bool              `json:"mixed_versions,omitempty"`
	}
	trendPointJSON struct {
		ID          string    `json:"id"`
		CompletedAt time.Time `json:"completed_at"`
		Provisional bool      `json:"provisional,omitempty"`
	}
	trendSeriesJSON struct {
		Part   string         `json:"part"`
		ID     string         `json:"id"`
		Title  string         `json:"title,omitempty"`
		Scores []assess.Score `json:"scores"`
	}
	moveJSON struct {
		Part     string       `json:"part"`
		ID       string       `json:"id"`
		Title    string       `json:"title,omitempty"`
		From, To assess.Score `json:"-"`
		Delta    float64      `json:"-"`
	}
	sourceBenchJSON struct {
		ID       string `json:"id"`
		Subject  string `json:"subject"`
		Met      bool   `json:"met"`
		Text     string `json:"text"`
		Finding  string `json:"finding"`
		Citation string `json:"citation"`
	}
	portfolioJSON struct {
		Others   int              `json:"others"`
		Imported int              `json:"imported"`
		Overall  *standingJSON    `json:"overall"`
		Pillars  []pillarStanding `json:"pillars"`
	}
	standingJSON struct {
		Rank       int     `json:"rank"`
		Of         int     `json:"of"`
		Percentile float64 `json:"percentile"`
	}
	pillarStanding struct {
		ID string `json:"id"`
		standingJSON
	}
)

// MarshalJSON writes a target with its progress (see
// assess.TargetProgress.MarshalJSON) after what it is the target of.
func (t targetJSON) MarshalJSON() ([]byte, error) {
	progress, err := json.Marshal(t.TargetProgress)
	if err != nil {
		return nil, err
	}
	head, err := json.Marshal(struct {
		Part  string `json:"part"`
		ID    string `json:"id"`
		Title string `json:"title,omitempty"`
	}{t.Part, t.ID, t.Title})
	if err != nil {
		return nil, err
	}
	// Both are objects: join their members.
	return append(append(head[:len(head)-1], ','), progress[1:]...), nil
}

// MarshalJSON writes a move with its scores and change to one decimal.
func (m moveJSON) MarshalJSON() ([]byte, error) {
	type plain moveJSON
	return json.Marshal(struct {
		plain
		From  assess.Score `json:"from"`
		To    assess.Score `json:"to"`
		Delta float64      `json:"delta"`
	}{plain(m), m.From, m.To, assess.Round(m.Delta)})
}

func standingOf(s assess.Standing) standingJSON {
	return standingJSON{Rank: s.Rank, Of: s.Of, Percentile: assess.Round(s.Percentile)}
}

// trendOf is a trend in its JSON shape.
func trendOf(t *assess.Trend) *trendJSON {
	out := &trendJSON{MixedVersions: t.MixedVersions, Points: []trendPointJSON{}, Series: []trendSeriesJSON{}, Moves: []moveJSON{}}
	for _, p := range t.Points {
		out.Points = append(out.Points, trendPointJSON{ID: p.ID, CompletedAt: p.CompletedAt, Provisional: p.Provisional})
	}
	for _, s := range t.Series {
		out.Series = append(out.Series, trendSeriesJSON{Part: partName(s.Kind), ID: s.ID, Title: s.Title, Scores: s.Scores})
	}
	for _, m := range t.Moves {
		out.Moves = append(out.Moves, moveJSON{Part: partName(m.Kind), ID: m.ID, Title: m.Title, From: m.From, To: m.To, Delta: m.Delta})
	}
	return out
}

// contextOf is what v shows around its assessment, in its JSON shape;
// figures of findings are written by cat.
func contextOf(cat *messages.Catalog, v *assess.View) contextJSON {
	var c contextJSON
	for _, t := range v.Targets {
		c.Targets = append(c.Targets, targetJSON{Part: partName(t.Kind), ID: t.ID, Title: t.Title, TargetProgress: t.TargetProgress})
	}
	if v.Trend != nil {
		c.Trend = trendOf(v.Trend)
	}
	for _, b := range v.SourceBenchmarks {
		finding := ""
		if b.Fact.Fact != nil {
			finding = b.Fact.Fact.Fill(cat)
		}
		c.SourceBenchmarks = append(c.SourceBenchmarks, sourceBenchJSON{ID: b.ID, Subject: b.Subject, Met: b.Met, Text: b.Text, Finding: finding, Citation: b.Fact.Source})
	}
	if p := v.Portfolio; p != nil {
		c.Portfolio = &portfolioJSON{Others: p.Others, Imported: p.Imported, Pillars: []pillarStanding{}}
		if p.Overall != nil {
			s := standingOf(*p.Overall)
			c.Portfolio.Overall = &s
		}
		for _, ps := range p.Pillars {
			c.Portfolio.Pillars = append(c.Portfolio.Pillars, pillarStanding{ID: ps.ID, standingJSON: standingOf(ps.Standing)})
		}
	}
	return c
}

// isZero reports whether there is nothing around the assessment.
func (c contextJSON) isZero() bool {
	return len(c.Targets) == 0 && c.Trend == nil && len(c.SourceBenchmarks) == 0 && c.Portfolio == nil
}

// withContext adds "context" as the last member of the JSON object doc
// (indented as writeJSON indents).
func withContext(doc []byte, c contextJSON) ([]byte, error) {
	var buf bytes.Buffer
	if err := writeJSON(&buf, c); err != nil {
		return nil, err
	}
	body := bytes.TrimRight(doc, " \n")
	if len(body) == 0 || body[len(body)-1] != '}' {
		return nil, fmt.Errorf("add the context to the JSON export: it is not an object")
	}
	out := append([]byte{}, body[:len(body)-1]...)
	out = append(bytes.TrimRight(out, " \n"), ",\n  \"context\": "...)
	out = append(out, bytes.ReplaceAll(bytes.TrimRight(buf.Bytes(), "\n"), []byte("\n"), []byte("\n  "))...)
	return append(out, "\n}\n"...), nil
}
