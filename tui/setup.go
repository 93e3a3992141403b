package tui

import (
	"errors"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/huh/v2"
	"github.com/charmbracelet/x/ansi"

	"socialmaturity/messages"
)

// setup asks who and what is being assessed.
//
// The form moves focus one command after the key that asks for it, so keys
// typed faster than that (a paste, a script) would land in the field being
// left. After such a key, setup holds the keys that follow until the focus
// has moved, then hands them on in order.
type setup struct {
	c        *Common
	form     *huh.Form
	keys     *huh.KeyMap
	fields   []huh.Field
	orgInput *huh.Input
	// known are the stored organizations' names, offered as the name is
	// typed, and shown the same names made safe to show.
	known, shown          []string
	org, respondent, role string
	moving                bool              // a focus move is on its way
	held                  []tea.KeyPressMsg // keys typed while it was
}

// Messages of the set-up: the root creates a draft and starts the walk;
// the stored organizations' names have been loaded.
type (
	startMsg     struct{ org, respondent, role string }
	knownOrgsMsg struct{ names []string }
)

func newSetup(c *Common, org, respondent, role string) *setup {
	st := &setup{c: c, org: org, respondent: respondent, role: role, keys: huh.NewDefaultKeyMap()}
	cat := c.Cat
	st.orgInput = huh.NewInput().Title(cat.T(messages.SetupOrg)).Description(cat.T(messages.SetupOrgHint)).
		CharLimit(200).Value(&st.org).Validate(func(s string) error {
		if strings.TrimSpace(s) == "" {
			return errors.New(cat.T(messages.SetupOrgRequired))
		}
		return nil
	})
	st.fields = []huh.Field{
		st.orgInput,
		huh.NewInput().Title(cat.T(messages.SetupRespondent)).Description(cat.T(messages.SetupOptional)).CharLimit(200).Value(&st.respondent),
		huh.NewInput().Title(cat.T(messages.SetupRole)).Description(cat.T(messages.SetupOptional)).CharLimit(200).Value(&st.role),
	}
	st.form = huh.NewForm(huh.NewGroup(st.fields...)).
		WithShowHelp(false).WithKeyMap(st.keys).WithTheme(huh.ThemeFunc(huh.ThemeCharm))
	st.SetSize(c.Width, c.Height)
	return st
}

// Init starts the form and loads the stored organizations' names.
func (st *setup) Init() tea.Cmd {
	db := st.c.Store
	return tea.Batch(st.form.Init(), func() tea.Msg {
		orgs, err := db.Orgs()
		if err != nil {
			return errMsg{err}
		}
		names := make([]string, len(orgs))
		for i, o := range orgs {
			names[i] = o.Name
		}
		return knownOrgsMsg{names: names}
	})
}

// SetSize fits the form to the terminal (the size is also in Common).
func (st *setup) SetSize(int, int) {
	st.form = st.form.WithWidth(min(st.c.contentWidth(), 72)).WithHeight(max(st.c.Height-4, 6))
}

func (st *setup) capturing() bool { return true }

func (st *setup) help() bindings {
	k := st.c.Keys
	next := key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", st.c.Cat.T(messages.TUISetupKeyNextField)))
	keys := []key.Binding{next, k.Back}
	if len(st.matches()) > 0 {
		keys = []key.Binding{next, st.complete(), k.Back}
	}
	return bindings{short: keys, full: [][]key.Binding{keys}}
}

// complete is the key that takes the suggested name, as the form binds it.
func (st *setup) complete() key.Binding {
	b := st.keys.Input.AcceptSuggestion
	return key.NewBinding(key.WithKeys(b.Keys()...), key.WithHelp(b.Help().Key, st.c.Cat.T(messages.TUISetupKeyComplete)))
}

// matches are the stored organizations' names, made safe to show, that
// begin with what is typed in the organization field, as the field
// suggests them (case ignored), while it has the focus.
func (st *setup) matches() []string {
	typed := strings.ToLower(st.org)
	if typed == "" || st.focused() != 0 || st.form.State != huh.StateNormal {
		return nil
	}
	var out []string
	for _, n := range st.shown {
		if strings.HasPrefix(strings.ToLower(n), typed) {
			out = append(out, n)
		}
	}
	return out
}

func (st *setup) Update(msg tea.Msg) tea.Cmd {
	if k, ok := msg.(knownOrgsMsg); ok {
		st.known, st.shown = k.names, make([]string, len(k.names))
		for i, n := range k.names {
			st.shown[i] = messages.SafeLine(n) // a stored name is data, never a control sequence
		}
		st.orgInput.Suggestions(st.shown)
		return nil
	}
	if m, ok := msg.(tea.KeyPressMsg); ok {
		if key.Matches(m, st.c.Keys.Back) {
			return func() tea.Msg { return goHomeMsg{} }
		}
		if st.moving {
			st.held = append(st.held, m)
			return nil
		}
	}
	cmd := st.step(msg)
	if st.moving || len(st.held) == 0 {
		return cmd
	}
	cmds := []tea.Cmd{cmd}
	for len(st.held) > 0 && !st.moving && st.form.State == huh.StateNormal {
		k := st.held[0]
		st.held = st.held[1:]
		cmds = append(cmds, st.step(k))
	}
	if st.form.State != huh.StateNormal {
		st.held = nil
	}
	return tea.Batch(cmds...)
}

// step hands one message to the form and notes whether it started or
// finished a focus move.
func (st *setup) step(msg tea.Msg) tea.Cmd {
	before := st.focused()
	model, cmd := st.form.Update(msg)
	if f, ok := model.(*huh.Form); ok {
		st.form = f
	}
	if k, ok := msg.(tea.KeyPressMsg); ok {
		st.moving = st.startsMove(k, before)
	} else if st.moving && (st.focused() != before || st.form.State != huh.StateNormal) {
		st.moving = false
	}
	switch st.form.State {
	case huh.StateCompleted:
		org, respondent, role := st.knownName(strings.TrimSpace(st.org)), strings.TrimSpace(st.respondent), strings.TrimSpace(st.role)
		return func() tea.Msg { return startMsg{org: org, respondent: respondent, role: role} }
	case huh.StateAborted:
		return func() tea.Msg { return goHomeMsg{} }
	}
	return cmd
}

// knownName is the stored organization's name for a typed one that names
// it (case and spacing ignored, as the store matches), else the typed one:
// a completed suggestion keeps the letters typed before it.
func (st *setup) knownName(typed string) string {
	for i, n := range st.shown {
		if orgFold(n) == orgFold(typed) {
			return st.known[i]
		}
	}
	return typed
}

// startsMove reports whether key k, just handled by the field at index
// from, sent the focus on its way to another field (or the form to its
// end): a next key the field accepted, or a previous key off the first
// field.
func (st *setup) startsMove(k tea.KeyPressMsg, from int) bool {
	if st.form.State != huh.StateNormal {
		return false
	}
	switch {
	case key.Matches(k, st.keys.Input.Prev):
		return from > 0
	case key.Matches(k, st.keys.Input.Next, st.keys.Input.Submit):
		return st.fields[from].Error() == nil
	}
	return false
}

// focused is the index of the field that has the focus.
func (st *setup) focused() int {
	f := st.form.GetFocusedField()
	for i, field := range st.fields {
		if field == f {
			return i
		}
	}
	return 0
}

// maxKnownShown is how many matching organizations set-up names at once.
const maxKnownShown = 3

func (st *setup) View(height int) string {
	s, cat := st.c.Styles, st.c.Cat
	view := s.Title.Render(cat.T(messages.SetupTitle)) + "\n\n" + st.form.View()
	matches := st.matches()
	if len(matches) == 0 {
		return view
	}
	shown := matches[:min(len(matches), maxKnownShown)]
	text := cat.T(messages.TUISetupKnown, strings.Join(shown, " · "), st.complete().Help().Key)
	if more := len(matches) - len(shown); more > 0 {
		text += " " + cat.T(messages.TUISetupKnownMore, more)
	}
	// The form pads itself to its height: the names take its blank end.
	lines := strings.Split(view, "\n")
	for len(lines) > 0 && strings.TrimSpace(ansi.Strip(lines[len(lines)-1])) == "" {
		lines = lines[:len(lines)-1]
	}
	lines = append(lines, "")
	return strings.Join(append(lines, wrap(s.Subtle, text, min(st.c.contentWidth(), 72))...), "\n")
}
