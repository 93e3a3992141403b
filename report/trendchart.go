package report

import (
	"strconv"
	"strings"
	"time"

	"socialmaturity/assess"
	"socialmaturity/messages"
)

// Geometry of the trend chart, in SVG units.
const (
	chartW, chartH     = 640, 260
	plotLeft, plotTop  = 40, 14
	plotRight          = chartW - 16
	plotBottom         = chartH - 34
	chartLabelGap      = 78 // the least room between two date labels
	chartDateLabelLift = 14 // how far below the plot the dates sit
)

// chartLine is one row of the trend: a title and a score per assessment.
type chartLine struct {
	Title  string
	Values []assess.Score
}

// trendChart is a line chart of scores over time, drawn as inline SVG:
// the overall score and each pillar's, a line each, broken where a score
// is missing. Dates sit on the x axis by their time, not evenly.
type trendChart struct {
	Width, Height int
	// Left and Right bound the plot; LabelX is where the score labels end.
	Left, Right, LabelX int
	Grid                []chartGrid
	Dates               []chartText
	Lines               []chartPath
}

type chartGrid struct {
	Y     float64
	Label string
}

type chartText struct {
	X, Y   float64
	Text   string
	Anchor string // SVG text-anchor: the ends are anchored inside the chart
}

type chartPath struct {
	// Class picks the line's colour and dash: "t0" is the overall score.
	Class string
	Title string
	// Runs are the unbroken stretches, as SVG points.
	Runs []string
	Dots []chartPoint
}

type chartPoint struct{ X, Y float64 }

// newTrendChart lays out lines over the times of the assessments, oldest
// first. With one assessment or none it shows no line.
func newTrendChart(cat *messages.Catalog, at []time.Time, lines []chartLine) trendChart {
	c := trendChart{Width: chartW, Height: chartH, Left: plotLeft, Right: plotRight, LabelX: plotLeft - 6}
	for _, v := range []int{0, 25, 50, 75, 100} {
		c.Grid = append(c.Grid, chartGrid{Y: chartY(float64(v)), Label: cat.Int(v)})
	}
	xs := chartXs(at)
	last := -float64(chartLabelGap)
	for i, x := range xs {
		// A date is labelled when it does not crowd the last one; the
		// latest always is, in place of a crowded one before it.
		if x-last < chartLabelGap {
			if i != len(xs)-1 || len(c.Dates) == 0 {
				continue
			}
			c.Dates = c.Dates[:len(c.Dates)-1]
		}
		c.Dates = append(c.Dates, chartText{X: x, Y: plotBottom + chartDateLabelLift + 4, Text: cat.Date(at[i]), Anchor: "middle"})
		last = x
	}
	if n := len(c.Dates); n > 0 {
		c.Dates[0].Anchor = "start"
		if n > 1 || c.Dates[0].X > (plotLeft+plotRight)/2 {
			c.Dates[n-1].Anchor = "end"
		}
		if len(xs) == 1 {
			c.Dates[0].Anchor = "middle"
		}
	}
	for n, l := range lines {
		p := chartPath{Class: "t" + strconv.Itoa(min(n, 6)), Title: l.Title}
		var run []string
		flush := func() {
			if len(run) > 1 {
				p.Runs = append(p.Runs, strings.Join(run, " "))
			}
			run = nil
		}
		for i, s := range l.Values {
			if i >= len(xs) || !s.Valid {
				flush()
				continue
			}
			pt := chartPoint{X: xs[i], Y: chartY(s.Value)}
			p.Dots = append(p.Dots, pt)
			run = append(run, num(pt.X)+","+num(pt.Y))
		}
		flush()
		c.Lines = append(c.Lines, p)
	}
	return c
}

// chartXs places each time on the x axis in proportion to the time
// elapsed; when all share one time they are spread evenly.
func chartXs(at []time.Time) []float64 {
	xs := make([]float64, len(at))
	if len(at) == 0 {
		return xs
	}
	first, span := at[0], at[len(at)-1].Sub(at[0])
	for i, t := range at {
		switch {
		case len(at) == 1:
			xs[i] = (plotLeft + plotRight) / 2
		case span <= 0:
			xs[i] = plotLeft + float64(plotRight-plotLeft)*float64(i)/float64(len(at)-1)
		default:
			xs[i] = plotLeft + float64(plotRight-plotLeft)*float64(t.Sub(first))/float64(span)
		}
		xs[i] = round1(xs[i])
	}
	return xs
}

// chartY is where a score 0..100 sits on the y axis.
func chartY(v float64) float64 {
	v = max(0, min(100, v))
	return round1(plotBottom - (plotBottom-plotTop)*v/100)
}

// num writes an SVG coordinate.
func num(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }

// sparkBlocks are the eight heights of a sparkline.
var sparkBlocks = []rune("▁▂▃▄▅▆▇█")

// spark is a score series as a one-line sparkline, one cell a score: a
// block from ▁ (0) to █ (100), "·" where unscored.
func spark(values []assess.Score) string {
	var b strings.Builder
	for _, s := range values {
		if !s.Valid {
			b.WriteRune('·')
			continue
		}
		i := int(max(0, min(100, s.Value))/100*float64(len(sparkBlocks)-1) + 0.5)
		b.WriteRune(sparkBlocks[i])
	}
	return b.String()
}

// Size of a sparkline drawn in SVG.
const sparkW, sparkH = 84, 16

// sparkPoints is a score series as the points of a small SVG polyline,
// sparkW by sparkH, unscored scores left out; "" with fewer than two.
func sparkPoints(values []assess.Score) string {
	var pts []string
	for i, s := range values {
		if !s.Valid || len(values) < 2 {
			continue
		}
		x := 2 + float64(sparkW-4)*float64(i)/float64(len(values)-1)
		y := sparkH - 2 - float64(sparkH-4)*max(0, min(100, s.Value))/100
		pts = append(pts, num(round1(x))+","+num(round1(y)))
	}
	if len(pts) < 2 {
		return ""
	}
	return strings.Join(pts, " ")
}
