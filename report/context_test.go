package report

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/exp/golden"

	"socialmaturity/assess"
	"socialmaturity/messages"
)

// history is org's assessments, oldest first: four, a few months apart,
// each answered a level higher on some questions than the one before.
func history(t testing.TB, org string) []*assess.Assessment {
	t.Helper()
	b := bank(t)
	var out []*assess.Assessment
	for n, at := range []time.Time{
		time.Date(2025, 6, 3, 9, 0, 0, 0, time.UTC),
		time.Date(2025, 11, 20, 9, 0, 0, 0, time.UTC),
		time.Date(2026, 3, 2, 10, 0, 0, 0, time.UTC),
		time.Date(2026, 9, 14, 16, 30, 0, 0, time.UTC),
	} {
		a := &assess.Assessment{ID: "1m8" + strings.Repeat(string(rune('a'+n)), 13), OrgID: "org-own",
			Submission: assess.Submission{Org: org, Respondent: "Dana", Answers: assess.Answers{}}, Bank: assess.RefOf(b), StartedAt: at}
		for i, question := range b.AllQuestions() {
			a.Answers[question.ID] = assess.AtLevel(min(4, (i%3)+n*(i%2)))
		}
		a.Answers["lis-practice"] = assess.NotSure
		a.Complete(b, at, assess.Targets{})
		out = append(out, a)
	}
	return out
}

func ptr(v float64) *float64 { return &v }

// contextView is the latest of org's history with targets (overall, a
// pillar, and key actions below and at their targets), the trend and a
// portfolio of six other organizations, one row of them imported.
func contextView(t testing.TB, org string) *assess.View {
	t.Helper()
	b := bank(t)
	h := history(t, org)
	var sums []assess.Summary
	for _, a := range h {
		sums = append(sums, assess.Summarize(a))
	}
	p := b.Pillars[0]
	targets := &assess.TargetSet{Overall: ptr(80), Pillars: map[string]float64{p.ID: 75},
		KeyActions: map[string]float64{p.KeyActions[0].ID: 90, p.KeyActions[1].ID: 10}}
	var others []assess.PortfolioEntry
	for i := range 6 {
		e := assess.PortfolioEntry{OrgID: "org-" + string(rune('a'+i)), Overall: assess.Scored(float64(20 + 10*i)), Imported: i == 5}
		for _, pl := range b.Pillars {
			e.Pillars = append(e.Pillars, assess.PillarScore{ID: pl.ID, Score: assess.Scored(float64(15 + 12*i))})
		}
		others = append(others, e)
	}
	// The organization's own latest entry is in the portfolio too, and left out.
	others = append(others, assess.PortfolioEntry{OrgID: "org-own", Overall: sums[3].Overall})
	return assess.NewView(b, h[3], h[2]).WithContext(assess.Context{Targets: targets, History: sums, Portfolio: others})
}

func TestContextGoldens(t *testing.T) {
	v := contextView(t, "Acme Corp")
	if len(v.Targets) == 0 || v.Trend == nil || v.Portfolio == nil || len(v.SourceBenchmarks) == 0 {
		t.Fatalf("the fixture lacks context: targets %d, trend %v, portfolio %v, benchmarks %d", len(v.Targets), v.Trend, v.Portfolio, len(v.SourceBenchmarks))
	}
	for _, format := range []string{FormatHTML, FormatMarkdown, FormatJSON, FormatText} {
		t.Run(format, func(t *testing.T) {
			if format == FormatText {
				golden.RequireEqual(t, text(t, v))
				return
			}
			golden.RequireEqual(t, export(t, v, format))
		})
	}
}

// Every export shows the targets, the trend, what moved most and both
// kinds of benchmark.
func TestEveryExportShowsTheContext(t *testing.T) {
	v := contextView(t, "Acme Corp")
	cat := messages.English()
	move := v.Trend.Moves[0]
	moved := move.Title + ": " + cat.Score(move.From.Value) + " → " + cat.Score(move.To.Value)
	for _, format := range []string{FormatHTML, FormatMarkdown, FormatText} {
		out := text(t, v)
		if format != FormatText {
			out = string(export(t, v, format))
		}
		// Text wraps its lines.
		out = strings.Join(strings.Fields(out), " ")
		mustContain(t, format, out,
			"Targets", "Progress since the first assessment", "target met", "of the way",
			"Over time", "What moved most since 2 March 2026", moved,
			"Against the report", "Hootsuite",
			"Among other organizations", "6 other organizations (1 of them imported)")
	}
	mustContain(t, "html", string(export(t, v, FormatHTML)), `<polyline class="trendline t0"`, `class="legend"`)
}

// Targets shape the next 90 days: a recommendation at its target is not
// among them, and is still listed.
func TestRecommendationAtTargetIsNotInTheNext90Days(t *testing.T) {
	v := contextView(t, "Acme Corp")
	var held *assess.RecommendationView
	for i := range v.Recommendations {
		if v.Recommendations[i].AtTarget {
			held = &v.Recommendations[i]
		}
	}
	if held == nil {
		t.Fatal("the fixture has no recommendation at its target")
	}
	d := doc{View: v, cat: messages.English()}
	for _, r := range d.Top() {
		if r.ID == held.ID {
			t.Errorf("%s is at its target and among the next 90 days", r.ID)
		}
	}
	found := false
	for _, r := range d.Rest() {
		found = found || r.ID == held.ID
	}
	if !found {
		t.Errorf("%s is at its target and missing from the later recommendations", held.ID)
	}
}

func TestProgressText(t *testing.T) {
	cat := messages.English()
	for _, tc := range []struct {
		first, current assess.Score
		target         float64
		want           string
	}{
		{assess.Score{}, assess.Score{}, 60, "not scored"},
		{assess.Scored(40), assess.Scored(70), 60, "target met"},
		{assess.Score{}, assess.Scored(40), 60, "no earlier score to measure from"},
		{assess.Scored(70), assess.Scored(50), 60, "below the first score, which met the target"},
		{assess.Scored(40), assess.Scored(50), 60, "50% of the way"},
		{assess.Scored(40), assess.Scored(30), 60, "-50% of the way"},
	} {
		if got := progressText(cat, assess.ProgressOf(tc.first, tc.current, tc.target)); got != tc.want {
			t.Errorf("first %v, now %v, target %v: %q, want %q", tc.first, tc.current, tc.target, got, tc.want)
		}
	}
}

func TestTrendChart(t *testing.T) {
	cat := messages.English()
	day := func(d int) time.Time { return time.Date(2026, 1, d, 0, 0, 0, 0, time.UTC) }
	t.Run("a missing score breaks the line", func(t *testing.T) {
		c := newTrendChart(cat, []time.Time{day(1), day(2), day(3), day(4)},
			[]chartLine{{Title: "Overall", Values: []assess.Score{assess.Scored(50), {}, assess.Scored(60), assess.Scored(100)}}})
		l := c.Lines[0]
		if len(l.Runs) != 1 || strings.Count(l.Runs[0], ",") != 2 || len(l.Dots) != 3 {
			t.Errorf("runs %q, dots %v: want one run of the last two and three dots", l.Runs, l.Dots)
		}
		if got := l.Dots[2].Y; got != plotTop {
			t.Errorf("100 sits at y %v, want the top of the plot %v", got, plotTop)
		}
	})
	t.Run("dates sit by their time", func(t *testing.T) {
		c := newTrendChart(cat, []time.Time{day(1), day(2), day(31)}, []chartLine{{Values: make([]assess.Score, 3)}})
		xs := chartXs([]time.Time{day(1), day(2), day(31)})
		if xs[0] != plotLeft || xs[2] != plotRight || xs[1]-xs[0] > 30 {
			t.Errorf("x %v: want the ends at the plot's edges and the second day near the first", xs)
		}
		// The first two crowd each other: the first and the last are labelled.
		if len(c.Dates) != 2 || c.Dates[0].Text != "1 January 2026" || c.Dates[1].Text != "31 January 2026" {
			t.Errorf("date labels %v", c.Dates)
		}
	})
	t.Run("one time", func(t *testing.T) {
		xs := chartXs([]time.Time{day(1), day(1)})
		if xs[0] != plotLeft || xs[1] != plotRight {
			t.Errorf("x %v: want them spread", xs)
		}
	})
}

func TestSpark(t *testing.T) {
	got := spark([]assess.Score{assess.Scored(0), assess.Scored(50), {}, assess.Scored(100), assess.Scored(120)})
	if got != "▁▅·██" {
		t.Errorf("spark = %q", got)
	}
}

func TestTrendFormats(t *testing.T) {
	v := contextView(t, "Acme Corp")
	cat := messages.English()
	write := func(format string) string {
		var buf bytes.Buffer
		if err := Trend(&buf, cat, v.Trend, format); err != nil {
			t.Fatal(err)
		}
		return buf.String()
	}
	t.Run("text", func(t *testing.T) {
		golden.RequireEqual(t, write(FormatText))
	})
	t.Run("csv", func(t *testing.T) {
		rows, err := csv.NewReader(strings.NewReader(write(FormatCSV))).ReadAll()
		if err != nil {
			t.Fatal(err)
		}
		if want := 1 + len(v.Trend.Points)*len(v.Trend.Series); len(rows) != want {
			t.Fatalf("%d rows, want %d", len(rows), want)
		}
		last := rows[len(rows)-len(v.Trend.Series)]
		if last[0] != v.ID || last[1] != "2026-09-14T16:30:00Z" || last[2] != "overall" || last[5] != machineScore(v.Overall) {
			t.Errorf("the latest overall row is %q", last)
		}
	})
	t.Run("json", func(t *testing.T) {
		var got struct {
			Org    string
			Points []struct{ ID string }
			Series []struct {
				Part, ID string
				Scores   []*float64
			}
			Moves []struct{ Delta float64 }
		}
		if err := json.Unmarshal([]byte(write(FormatJSON)), &got); err != nil {
			t.Fatal(err)
		}
		if got.Org != "Acme Corp" || len(got.Points) != 4 || got.Series[0].Part != "overall" || len(got.Series[0].Scores) != 4 || len(got.Moves) == 0 {
			t.Errorf("trend JSON %+v", got)
		}
	})
	t.Run("one assessment", func(t *testing.T) {
		one := assess.NewTrend(bank(t), []assess.Summary{assess.Summarize(history(t, "Acme")[0])})
		var buf bytes.Buffer
		if err := Trend(&buf, cat, one, FormatText); err != nil {
			t.Fatal(err)
		}
		mustContain(t, "text", buf.String(), "a trend needs two")
		if strings.Contains(buf.String(), "moved") {
			t.Errorf("one assessment says what moved:\n%s", buf.String())
		}
	})
	if err := Trend(&bytes.Buffer{}, cat, v.Trend, "xml"); err == nil || !strings.Contains(err.Error(), `"xml"`) {
		t.Errorf("unknown format: %v", err)
	}
}

func TestBenchmarks(t *testing.T) {
	cat := messages.English()
	v := contextView(t, "Acme Corp")
	var buf bytes.Buffer
	if err := Benchmarks(&buf, cat, v, FormatText); err != nil {
		t.Fatal(err)
	}
	golden.RequireEqual(t, buf.String())

	alone := assess.NewView(bank(t), history(t, "Acme")[3], nil)
	buf.Reset()
	if err := Benchmarks(&buf, cat, alone, FormatText); err != nil {
		t.Fatal(err)
	}
	mustContain(t, "no portfolio", strings.Join(strings.Fields(buf.String()), " "), "needs the latest assessments of at least 5 others")

	buf.Reset()
	if err := Benchmarks(&buf, cat, v, FormatJSON); err != nil {
		t.Fatal(err)
	}
	var got struct {
		SourceBenchmarks []struct{ Finding, Citation string } `json:"source_benchmarks"`
		Portfolio        struct {
			Others, Imported int
			Overall          struct{ Rank, Of int }
		}
	}
	if err := json.Unmarshal(buf.Bytes(), &got); err != nil {
		t.Fatal(err)
	}
	if len(got.SourceBenchmarks) == 0 || got.SourceBenchmarks[0].Citation == "" || got.Portfolio.Others != 6 || got.Portfolio.Imported != 1 || got.Portfolio.Overall.Of != 7 {
		t.Errorf("benchmarks JSON %+v", got)
	}
}

// The JSON export with its context is still the interchange format: it
// reads back.
func TestJSONExportWithContextReadsBack(t *testing.T) {
	v := contextView(t, "Acme Corp")
	out := export(t, v, FormatJSON)
	var doc map[string]json.RawMessage
	if err := json.Unmarshal(out, &doc); err != nil {
		t.Fatal(err)
	}
	var c map[string]json.RawMessage
	if err := json.Unmarshal(doc["context"], &c); err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{"targets", "trend", "source_benchmarks", "portfolio"} {
		if _, ok := c[k]; !ok {
			t.Errorf("context lacks %q", k)
		}
	}
	got, err := assess.ParseAssessments("export.json", out, bank(t))
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 1 || got[0].Org != "Acme Corp" {
		t.Errorf("read back %+v", got)
	}
}

// Whatever the organization is called, the trend and benchmarks written
// for a terminal hold no control sequence.
func TestTrendAndBenchmarksAreTerminalSafe(t *testing.T) {
	v := contextView(t, "Evil\x1b[31mRED\x1b[0m\r\nInjected\u202e\x9b")
	cat := messages.English()
	var buf bytes.Buffer
	if err := Trend(&buf, cat, v.Trend, FormatText); err != nil {
		t.Fatal(err)
	}
	if err := Benchmarks(&buf, cat, v, FormatText); err != nil {
		t.Fatal(err)
	}
	if err := Trend(&buf, cat, v.Trend, FormatJSON); err != nil {
		t.Fatal(err)
	}
	assertTerminalSafe(t, buf.String())
}

func BenchmarkExportHTMLWithContext(b *testing.B) {
	v := contextView(b, "Acme Corp")
	cat := messages.English()
	var buf bytes.Buffer
	b.ReportAllocs()
	for b.Loop() {
		buf.Reset()
		if err := Export(&buf, cat, v, FormatHTML, Options{}); err != nil {
			b.Fatal(err)
		}
	}
}
