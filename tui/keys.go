package tui

import (
	"charm.land/bubbles/v2/key"

	"socialmaturity/messages"
)

// KeyMap is every key binding of the app; each screen shows the ones it
// uses in the footer help.
type KeyMap struct {
	Up, Down, Select, Submit, Back  key.Binding
	Quit, Interrupt, Help           key.Binding
	Level, NotSure, Note            key.Binding
	NextQuestion, PrevQuestion      key.Binding
	NextPage, PrevPage              key.Binding
	AllRecs, History, Filter, Mark  key.Binding
	Home, Compare, Scroll, Export   key.Binding
	Discard, Confirm                key.Binding
	ExportHTML, ExportMD, ExportCSV key.Binding
	ExportJSON                      key.Binding
	ExportPDF, Open                 key.Binding // the results screen's PDF export and opening the file written (TUI-R)
	// The walk's: does not apply, the glossary and closing it, leaving
	// once asked, and a note's keys as its prompt names them.
	NotApply, Glossary, Close key.Binding
	Leave, Stay               key.Binding
	SaveNote, CancelNote      key.Binding
	// The results screen's target form: opening it and saving a score.
	Target, SaveTarget key.Binding
	// Continue is enter where there is nothing to choose: the walk's
	// cards and finish page.
	Continue key.Binding
}

// NewKeyMap builds the key map with help text from the catalog.
func NewKeyMap(cat *messages.Catalog) *KeyMap {
	b := func(help string, desc messages.Key, keys ...string) key.Binding {
		return key.NewBinding(key.WithKeys(keys...), key.WithHelp(help, cat.T(desc)))
	}
	return &KeyMap{
		Up:           b("↑/k", messages.KeyUp, "up", "k"),
		Down:         b("↓/j", messages.KeyDown, "down", "j"),
		Select:       b("enter", messages.KeySelect, "enter", "space"),
		Submit:       b("enter", messages.KeySelect, "enter"),
		Back:         b("esc", messages.KeyBack, "esc"),
		Quit:         b("q", messages.KeyQuit, "q", "ctrl+c"),
		Interrupt:    b("ctrl+c", messages.KeyQuit, "ctrl+c"),
		Help:         b("?", messages.KeyHelp, "?"),
		Level:        b("0-4", messages.KeyLevel, "0", "1", "2", "3", "4"),
		NotSure:      b("u", messages.KeyNotSure, "u"),
		Note:         b("n", messages.KeyNote, "n"),
		NextQuestion: b("tab", messages.KeyNextQ, "tab"),
		PrevQuestion: b("shift+tab", messages.KeyPrevQ, "shift+tab"),
		NextPage:     b("→/l", messages.KeyNextPage, "right", "l", "pgdown"),
		PrevPage:     b("←/h", messages.KeyPrevPage, "left", "h", "pgup"),
		AllRecs:      b("a", messages.KeyAllRecs, "a"),
		History:      b("p", messages.KeyHistory, "p"),
		Filter:       b("/", messages.KeyFilter, "/"),
		Mark:         b("space", messages.KeyMark, "space"),
		Compare:      b("c", messages.KeyCompare, "c"),
		Home:         b("esc", messages.KeyHome, "esc"),
		Scroll:       b("↑↓/pgup/pgdn", messages.KeyScroll, "up", "down", "pgup", "pgdown"),
		Export:       b("e", messages.KeyExport, "e"),
		Discard:      b("d", messages.TUIKeyDiscard, "d"),
		Confirm:      b("y", messages.TUIKeyConfirm, "y"),
		ExportHTML:   b("h", messages.TUIKeyExportHTML, "h"),
		ExportMD:     b("m", messages.TUIKeyExportMD, "m"),
		ExportCSV:    b("c", messages.TUIKeyExportCSV, "c"),
		ExportJSON:   b("j", messages.TUIKeyExportJSON, "j"),
		ExportPDF:    b("p", messages.TUIKeyExportPDF, "p"),
		Open:         b("o", messages.TUIKeyOpen, "o"),
		NotApply:     b("x", messages.TUIKeyNA, "x"),
		Glossary:     b("g", messages.TUIKeyGlossary, "g"),
		Close:        b("esc/g", messages.TUIKeyClose, "esc", "g"),
		Leave:        b("q/y", messages.TUIKeyLeave, "q", "y"),
		Stay:         b("any other key", messages.TUIKeyStay, "esc"),
		SaveNote:     b("enter", messages.TUIKeySaveNote, "enter"),
		CancelNote:   b("esc", messages.TUIKeyCancel, "esc"),
		Target:       b("t", messages.TUIKeyTarget, "t"),
		SaveTarget:   b("enter", messages.TUIKeySaveTarget, "enter"),
		Continue:     b("enter", messages.TUIKeyContinue, "enter", "space"),
	}
}

// bindings is a screen's help: a short line and full columns.
type bindings struct {
	short []key.Binding
	full  [][]key.Binding
}

func (b bindings) ShortHelp() []key.Binding  { return b.short }
func (b bindings) FullHelp() [][]key.Binding { return b.full }
