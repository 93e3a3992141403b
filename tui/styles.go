package tui

import (
	"charm.land/bubbles/v2/help"
	"charm.land/lipgloss/v2"
)

// Styles is every style the screens use, for one background.
type Styles struct {
	IsDark bool

	Title      lipgloss.Style
	Heading    lipgloss.Style
	Subtle     lipgloss.Style
	Text       lipgloss.Style
	Cursor     lipgloss.Style
	Chosen     lipgloss.Style
	Focused    lipgloss.Style
	Score      lipgloss.Style
	Stage      lipgloss.Style
	BarFull    lipgloss.Style
	BarEmpty   lipgloss.Style
	Good       lipgloss.Style
	Bad        lipgloss.Style
	Card       lipgloss.Style
	Figure     lipgloss.Style
	Help       help.Styles
	HelpLayout lipgloss.Style
}

// NewStyles builds the styles for a dark or light background.
func NewStyles(isDark bool) *Styles {
	ld := lipgloss.LightDark(isDark)
	accent := ld(lipgloss.Color("#5A3FC0"), lipgloss.Color("#B4A5FF"))
	muted := ld(lipgloss.Color("#6B6B6B"), lipgloss.Color("#9A9A9A"))
	text := ld(lipgloss.Color("#1A1A1A"), lipgloss.Color("#E8E8E8"))
	good := ld(lipgloss.Color("#1F7A3A"), lipgloss.Color("#6BD88A"))
	bad := ld(lipgloss.Color("#B3261E"), lipgloss.Color("#FF8A80"))
	fill := ld(lipgloss.Color("#5A3FC0"), lipgloss.Color("#9D8CFF"))
	empty := ld(lipgloss.Color("#D0D0D0"), lipgloss.Color("#4A4A4A"))
	return &Styles{
		IsDark:     isDark,
		Title:      lipgloss.NewStyle().Bold(true).Foreground(accent),
		Heading:    lipgloss.NewStyle().Bold(true).Foreground(text),
		Subtle:     lipgloss.NewStyle().Foreground(muted),
		Text:       lipgloss.NewStyle().Foreground(text),
		Cursor:     lipgloss.NewStyle().Bold(true).Foreground(accent),
		Chosen:     lipgloss.NewStyle().Bold(true).Foreground(accent),
		Focused:    lipgloss.NewStyle().Bold(true).Foreground(text),
		Score:      lipgloss.NewStyle().Bold(true).Foreground(text),
		Stage:      lipgloss.NewStyle().Bold(true).Foreground(accent),
		BarFull:    lipgloss.NewStyle().Foreground(fill),
		BarEmpty:   lipgloss.NewStyle().Foreground(empty),
		Good:       lipgloss.NewStyle().Foreground(good),
		Bad:        lipgloss.NewStyle().Foreground(bad),
		Card:       lipgloss.NewStyle().Border(lipgloss.RoundedBorder()).BorderForeground(accent).Padding(1, 2),
		Figure:     lipgloss.NewStyle().Italic(true).Foreground(text),
		Help:       help.DefaultStyles(isDark),
		HelpLayout: lipgloss.NewStyle().PaddingLeft(1),
	}
}
