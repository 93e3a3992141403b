package report

import (
	"fmt"
	"math"
	"strings"

	"socialmaturity/assess"
	"socialmaturity/messages"
)

// Radar chart geometry, in SVG user units.
const (
	radarWidth   = 660
	radarHeight  = 430
	radarRadius  = 150
	radarLabelAt = 172
	radarLineLen = 20 // cells per label line
)

type radarAxis struct {
	Label string
	Value assess.Score
}

// radar is a precomputed SVG radar chart: rings, spokes, the score polygon
// and labels, all as numbers for the template.
type radar struct {
	Width, Height int
	CX, CY        float64
	Rings         []string // polygon points of the 25/50/75/100 rings
	Spokes        []radarPoint
	Shape         string // polygon points of the scores
	Dots          []radarPoint
	Labels        []radarLabel
}

type radarPoint struct{ X, Y float64 }

type radarLabel struct {
	X, Y   float64
	Anchor string
	Lines  []string
	Score  string
}

func newRadar(cat *messages.Catalog, axes []radarAxis) radar {
	r := radar{Width: radarWidth, Height: radarHeight, CX: radarWidth / 2, CY: radarHeight / 2}
	n := len(axes)
	if n == 0 {
		return r
	}
	at := func(i int, dist float64) radarPoint {
		angle := -math.Pi/2 + 2*math.Pi*float64(i)/float64(n)
		return radarPoint{X: round1(r.CX + dist*math.Cos(angle)), Y: round1(r.CY + dist*math.Sin(angle))}
	}
	points := func(dist func(i int) float64) string {
		parts := make([]string, n)
		for i := range n {
			p := at(i, dist(i))
			parts[i] = fmt.Sprintf("%g,%g", p.X, p.Y)
		}
		return strings.Join(parts, " ")
	}
	for _, level := range []float64{25, 50, 75, 100} {
		r.Rings = append(r.Rings, points(func(int) float64 { return radarRadius * level / 100 }))
	}
	value := func(i int) float64 { return radarRadius * pct(axes[i].Value) / 100 }
	r.Shape = points(value)
	for i, ax := range axes {
		r.Spokes = append(r.Spokes, at(i, radarRadius))
		r.Dots = append(r.Dots, at(i, value(i)))
		p := at(i, radarLabelAt)
		anchor := "middle"
		switch {
		case p.X > r.CX+10:
			anchor = "start"
		case p.X < r.CX-10:
			anchor = "end"
		}
		score := "–"
		if ax.Value.Valid {
			score = cat.Number(ax.Value.Value, 0)
		}
		lines := splitLabel(ax.Label, radarLineLen)
		height := float64(len(lines)) * 14 // the label's lines and its score below them
		switch {
		case p.Y < r.CY-radarRadius/2:
			p.Y -= height
		case p.Y < r.CY+radarRadius/2:
			p.Y -= height / 2
		}
		r.Labels = append(r.Labels, radarLabel{X: p.X, Y: round1(p.Y + 4), Anchor: anchor, Lines: lines, Score: score})
	}
	return r
}

func round1(v float64) float64 { return math.Round(v*10) / 10 }

// splitLabel breaks a label into lines of about n cells (a longer word
// stands alone on its line).
func splitLabel(s string, n int) []string {
	var lines []string
	line := ""
	for _, w := range strings.Fields(s) {
		if line != "" && messages.Width(line)+1+messages.Width(w) > n {
			lines = append(lines, line)
			line = w
			continue
		}
		if line != "" {
			line += " "
		}
		line += w
	}
	if line != "" {
		lines = append(lines, line)
	}
	return lines
}
