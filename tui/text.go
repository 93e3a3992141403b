package tui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"socialmaturity/assess"
	"socialmaturity/report"
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
	pad := strings.Repeat(" ", pw)
	for i := range lines {
		if i == 0 {
			lines[i] = prefix + lines[i]
		} else {
			lines[i] = pad + lines[i]
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

// bar draws a score bar with styled filled and empty parts and the number
// beside it, so no meaning rests on colour alone.
func (s *Styles) bar(score assess.Score, width int) string {
	plain := report.Bar(score, width)
	filled := strings.Count(plain, "█")
	return s.BarFull.Render(strings.Repeat("█", filled)) + s.BarEmpty.Render(plain[len("█")*filled:])
}

// pad fills s with spaces to width cells, or cuts it to width with an
// ellipsis.
func pad(s string, width int) string {
	w := ansi.StringWidth(s)
	if w > width {
		return ansi.Truncate(s, width, "…")
	}
	return s + strings.Repeat(" ", width-w)
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
