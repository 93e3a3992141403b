package tui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"socialmaturity/assess"
	"socialmaturity/messages"
)

// wrap breaks plain text to width cells and styles every line.
func wrap(style lipgloss.Style, text string, width int) []string {
	if width < 1 {
		width = 1
	}
	lines := strings.Split(lipgloss.Wrap(strings.Join(strings.Fields(text), " "), width, ""), "\n")
	for i, l := range lines {
		lines[i] = style.Render(l)
	}
	return lines
}

// hang wraps text after a first-line prefix, indenting the following lines
// by the prefix's width.
func hang(prefix string, style lipgloss.Style, text string, width int) []string {
	pw := lipgloss.Width(prefix)
	lines := wrap(style, text, width-pw)
	indent := strings.Repeat(" ", pw)
	for i := range lines {
		if i == 0 {
			lines[i] = prefix + lines[i]
		} else {
			lines[i] = indent + lines[i]
		}
	}
	return lines
}

// window returns at most height lines of lines, scrolled to show the block
// from start to end whole when it fits, and otherwise the cursor line with
// some of the block around it.
func window(lines []string, start, end, cursor, height int) []string {
	if height <= 0 {
		return nil
	}
	if len(lines) <= height {
		return lines
	}
	var top int
	if end-start < height {
		top = max(end-height+1, 0)
	} else {
		top = min(max(cursor-height/3, start), end-height+1)
	}
	top = min(max(top, 0), len(lines)-height)
	return lines[top : top+height]
}

// bar draws a score 0..100 as a bar of width cells, filled and empty parts
// styled apart, or dots when unscored; the number goes beside it, so no
// meaning rests on colour alone.
func (s *Styles) bar(score assess.Score, width int) string {
	if !score.Valid {
		return s.BarEmpty.Render(strings.Repeat("·", width))
	}
	filled := min(max(int(score.Value/100*float64(width)+0.5), 0), width)
	return s.BarFull.Render(strings.Repeat("█", filled)) + s.BarEmpty.Render(strings.Repeat("░", width-filled))
}

// scoreText is a score as the catalog writes it, or "not scored".
func scoreText(cat *messages.Catalog, s assess.Score) string {
	if !s.Valid {
		return cat.T(messages.ResultUnscored)
	}
	return cat.Score(s.Value)
}

// pad fills s with spaces to width cells, or cuts it to width with an
// ellipsis.
func pad(s string, width int) string {
	w := messages.Width(s)
	if w > width {
		return ansi.Truncate(s, width, "…") // as messages.Truncate, the width known
	}
	return s + strings.Repeat(" ", width-w)
}

// padLeft right-aligns s in width cells.
func padLeft(s string, width int) string {
	return strings.Repeat(" ", max(width-messages.Width(s), 0)) + s
}

// moveCursor applies the up and down keys to a cursor over n items and
// reports whether the key was one of them.
func moveCursor(k *KeyMap, m tea.KeyPressMsg, cursor, n int) (int, bool) {
	switch {
	case key.Matches(m, k.Up):
		return max(cursor-1, 0), true
	case key.Matches(m, k.Down):
		return min(cursor+1, max(n-1, 0)), true
	}
	return cursor, false
}
