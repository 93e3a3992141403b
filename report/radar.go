package report

import (
	"math"
	"strconv"
	"strings"

	"socialmaturity/assess"
	"socialmaturity/messages"
)

// Radar chart geometry, in SVG user units.
const (
	radarWidth   = 660
	radarHeight  = 440
	radarRadius  = 150
	radarLabelAt = 172
	radarLineLen = 20 // cells per label line
)

// radarRings are the scores the rings are drawn (and labelled) at.
var radarRings = []float64{25, 50, 75, 100}

type radarAxis struct {
	Label    string
	Value    assess.Score
	Previous assess.Score // unscored when there is no previous assessment
	Group    int          // the pillar, for its tint
}

// radar is a precomputed SVG radar chart, all as numbers for the template:
// rings with their labels, a tinted sector per pillar, spokes, the scores
// (a filled shape when every axis is scored, else lines broken at the
// unscored axes, which get a hollow mark), the previous assessment as a
// dashed outline, and labels.
type radar struct {
	Show          bool
	Width, Height int
	CX, CY        float64
	Rings         []string // polygon points
	RingLabels    []radarText
	Sectors       []radarSector
	Spokes        []radarPoint
	Shape         string   // polygon points when every axis is scored
	Lines         []string // polyline points of scored runs otherwise
	Previous      []string // polyline points of the previous scores' runs
	Dots          []radarPoint
	Hollow        []radarPoint
	Labels        []radarLabel
}

type radarPoint struct{ X, Y float64 }

type radarText struct {
	X, Y float64
	Text string
}

type radarSector struct {
	Group  int
	Points string
}

type radarLabel struct {
	X, Y   float64
	Anchor string
	Group  int
	Lines  []string
	Score  string
	Scored bool
}

func newRadar(cat *messages.Catalog, axes []radarAxis) radar {
	r := radar{Width: radarWidth, Height: radarHeight, CX: radarWidth / 2, CY: radarHeight / 2}
	n := len(axes)
	if n == 0 {
		return r
	}
	angleOf := func(i float64) float64 { return -math.Pi/2 + 2*math.Pi*i/float64(n) }
	at := func(angle, dist float64) radarPoint {
		return radarPoint{X: round1(r.CX + dist*math.Cos(angle)), Y: round1(r.CY + dist*math.Sin(angle))}
	}
	join := func(ps []radarPoint) string {
		parts := make([]string, len(ps))
		for i, p := range ps {
			parts[i] = strconv.FormatFloat(p.X, 'f', -1, 64) + "," + strconv.FormatFloat(p.Y, 'f', -1, 64)
		}
		return strings.Join(parts, " ")
	}
	for _, level := range radarRings {
		ps := make([]radarPoint, n)
		for i := range n {
			ps[i] = at(angleOf(float64(i)), radarRadius*level/100)
		}
		r.Rings = append(r.Rings, join(ps))
		top := at(angleOf(0), radarRadius*level/100)
		r.RingLabels = append(r.RingLabels, radarText{X: top.X + 4, Y: top.Y - 3, Text: cat.Int(int(level))})
	}
	// A sector per pillar, from half a step before its first axis to half
	// a step after its last.
	for first := 0; first < n; {
		last := first
		for last+1 < n && axes[last+1].Group == axes[first].Group {
			last++
		}
		ps := []radarPoint{{r.CX, r.CY}}
		for a := float64(first) - 0.5; a <= float64(last)+0.5+1e-9; a += 0.25 {
			ps = append(ps, at(angleOf(a), radarRadius))
		}
		r.Sectors = append(r.Sectors, radarSector{Group: axes[first].Group, Points: join(ps)})
		first = last + 1
	}
	point := func(i int, s assess.Score) radarPoint { return at(angleOf(float64(i)), radarRadius*pct(s)/100) }
	r.Lines = runs(n, func(i int) bool { return axes[i].Value.Valid }, func(i int) radarPoint { return point(i, axes[i].Value) }, join)
	if len(r.Lines) == 1 && allScored(axes) {
		r.Lines = nil
		ps := make([]radarPoint, n)
		for i := range n {
			ps[i] = point(i, axes[i].Value)
		}
		r.Shape = join(ps)
	}
	r.Previous = runs(n, func(i int) bool { return axes[i].Previous.Valid }, func(i int) radarPoint { return point(i, axes[i].Previous) }, join)
	for i, ax := range axes {
		angle := angleOf(float64(i))
		r.Spokes = append(r.Spokes, at(angle, radarRadius))
		if ax.Value.Valid {
			r.Dots = append(r.Dots, point(i, ax.Value))
		} else {
			r.Hollow = append(r.Hollow, at(angle, radarRadius/2))
		}
		p := at(angle, radarLabelAt)
		anchor := "middle"
		switch {
		case p.X > r.CX+10:
			anchor = "start"
		case p.X < r.CX-10:
			anchor = "end"
		}
		lines := splitLabel(ax.Label, radarLineLen)
		height := float64(len(lines)) * 14 // the label's lines and its score below them
		switch {
		case p.Y < r.CY-radarRadius/2:
			p.Y -= height
		case p.Y < r.CY+radarRadius/2:
			p.Y -= height / 2
		}
		r.Labels = append(r.Labels, radarLabel{X: p.X, Y: round1(p.Y + 4), Anchor: anchor, Group: ax.Group, Lines: lines,
			Score: scoreText(cat, ax.Value), Scored: ax.Value.Valid})
	}
	return r
}

func allScored(axes []radarAxis) bool {
	for _, a := range axes {
		if !a.Value.Valid {
			return false
		}
	}
	return true
}

// runs are the polylines through consecutive axes that have a value, going
// round: a closed outline when all have one, else one line per unbroken
// run of two or more.
func runs(n int, has func(int) bool, point func(int) radarPoint, join func([]radarPoint) string) []string {
	start := -1
	for i := range n {
		if !has(i) {
			start = i
			break
		}
	}
	if start < 0 {
		ps := make([]radarPoint, 0, n+1)
		for i := range n + 1 {
			ps = append(ps, point(i%n))
		}
		return []string{join(ps)}
	}
	var out []string
	var run []radarPoint
	flush := func() {
		if len(run) > 1 {
			out = append(out, join(run))
		}
		run = nil
	}
	for k := 1; k <= n; k++ {
		i := (start + k) % n
		if !has(i) {
			flush()
			continue
		}
		run = append(run, point(i))
	}
	flush()
	return out
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
