// Package report renders assessment results for people and programs: plain
// text for the terminal (results, listings of assessments and drafts,
// comparisons), and the deliverables written to files: HTML, Markdown, CSV
// and JSON. Every result is rendered from one assess.View; numbers and
// dates are written by the catalog's locale methods, and text people typed
// is escaped for the output it lands in.
package report

import (
	"strings"

	"socialmaturity/assess"
	"socialmaturity/messages"
)

// bar draws a score 0..100 as a bar of width cells, or dots when unscored.
func bar(s assess.Score, width int) string {
	if !s.Valid {
		return strings.Repeat("·", width)
	}
	filled := int(s.Value/100*float64(width) + 0.5)
	filled = min(max(filled, 0), width)
	return strings.Repeat("█", filled) + strings.Repeat("░", width-filled)
}

// scoreText is a score in the catalog's language, or its "not scored".
func scoreText(cat *messages.Catalog, s assess.Score) string {
	if !s.Valid {
		return cat.T(messages.ResultUnscored)
	}
	return cat.Score(s.Value)
}

// cellScore is a score in a table cell: "–" when unscored.
func cellScore(cat *messages.Catalog, s assess.Score) string {
	if !s.Valid {
		return "–"
	}
	return cat.Score(s.Value)
}

// cellDelta is a change in a table cell: signed, "–" when unscored.
func cellDelta(cat *messages.Catalog, s assess.Score) string {
	if !s.Valid {
		return "–"
	}
	return cat.Delta(s.Value)
}

// pct is a score as a share of a bar, 0..100; unscored is empty.
func pct(s assess.Score) float64 {
	if !s.Valid {
		return 0
	}
	return max(0, min(100, s.Value))
}
