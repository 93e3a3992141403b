package tui

import (
	"strings"

	"socialmaturity/assess"
)

// sparkLevels are the heights of a sparkline, lowest first.
var sparkLevels = []rune("▁▂▃▄▅▆▇█")

// sparkWidth is the most points a sparkline shows: the latest ones.
const sparkWidth = 8

// sparkline draws scores 0..100, oldest first, one cell each on a fixed
// scale (so two sparklines compare), the unscored as "·"; only the last
// sparkWidth are drawn.
func sparkline(scores []assess.Score) string {
	scores = scores[max(len(scores)-sparkWidth, 0):]
	var b strings.Builder
	top := float64(len(sparkLevels) - 1)
	for _, s := range scores {
		if !s.Valid {
			b.WriteRune('·')
			continue
		}
		i := min(max(int(s.Value/100*top+0.5), 0), len(sparkLevels)-1)
		b.WriteRune(sparkLevels[i])
	}
	return b.String()
}
