package tui

import (
	"errors"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/huh/v2"

	"socialmaturity/messages"
)

// setup asks who and what is being assessed.
//
// The form moves focus one command after the key that asks for it, so keys
// typed faster than that (a paste, a script) would land in the field being
// left. After such a key, setup holds the keys that follow until the focus
// has moved, then hands them on in order.
type setup struct {
	c                     *Common
	form                  *huh.Form
	keys                  *huh.KeyMap
	fields                []huh.Field
	org, respondent, role string
	moving                bool              // a focus move is on its way
	held                  []tea.KeyPressMsg // keys typed while it was
}

// startMsg asks the root to create a draft and start the walk.
type startMsg struct{ org, respondent, role string }

func newSetup(c *Common, org, respondent, role string) *setup {
	st := &setup{c: c, org: org, respondent: respondent, role: role, keys: huh.NewDefaultKeyMap()}
	cat := c.Cat
	st.fields = []huh.Field{
		huh.NewInput().Title(cat.T(messages.SetupOrg)).Description(cat.T(messages.SetupOrgHint)).
			CharLimit(200).Value(&st.org).Validate(func(s string) error {
			if strings.TrimSpace(s) == "" {
				return errors.New(cat.T(messages.SetupOrgRequired))
			}
			return nil
		}),
		huh.NewInput().Title(cat.T(messages.SetupRespondent)).Description(cat.T(messages.SetupOptional)).CharLimit(200).Value(&st.respondent),
		huh.NewInput().Title(cat.T(messages.SetupRole)).Description(cat.T(messages.SetupOptional)).CharLimit(200).Value(&st.role),
	}
	st.form = huh.NewForm(huh.NewGroup(st.fields...)).
		WithShowHelp(false).WithKeyMap(st.keys).WithTheme(huh.ThemeFunc(huh.ThemeCharm))
	st.SetSize(c.Width, c.Height)
	return st
}

func (st *setup) Init() tea.Cmd { return st.form.Init() }

// SetSize fits the form to the terminal (the size is also in Common).
func (st *setup) SetSize(int, int) {
	st.form = st.form.WithWidth(min(st.c.contentWidth(), 72)).WithHeight(max(st.c.Height-4, 6))
}

func (st *setup) capturing() bool { return true }

func (st *setup) help() bindings {
	k := st.c.Keys
	next := key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", st.c.Cat.T(messages.KeyNextQ)))
	return bindings{short: []key.Binding{next, k.Back}, full: [][]key.Binding{{next, k.Back}}}
}

func (st *setup) Update(msg tea.Msg) tea.Cmd {
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
		org, respondent, role := strings.TrimSpace(st.org), strings.TrimSpace(st.respondent), strings.TrimSpace(st.role)
		return func() tea.Msg { return startMsg{org: org, respondent: respondent, role: role} }
	case huh.StateAborted:
		return func() tea.Msg { return goHomeMsg{} }
	}
	return cmd
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

func (st *setup) View(height int) string {
	s := st.c.Styles
	return s.Title.Render(st.c.Cat.T(messages.SetupTitle)) + "\n\n" + st.form.View()
}
