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
type setup struct {
	c                     *Common
	form                  *huh.Form
	org, respondent, role string
}

// startMsg asks the root to create a draft and start the walk.
type startMsg struct{ org, respondent, role string }

func newSetup(c *Common, org, respondent, role string) *setup {
	st := &setup{c: c, org: org, respondent: respondent, role: role}
	cat := c.Cat
	st.form = huh.NewForm(huh.NewGroup(
		huh.NewInput().Title(cat.T(messages.SetupOrg)).Description(cat.T(messages.SetupOrgHint)).
			CharLimit(200).Value(&st.org).Validate(func(s string) error {
			if strings.TrimSpace(s) == "" {
				return errors.New(cat.T(messages.SetupOrgRequired))
			}
			return nil
		}),
		huh.NewInput().Title(cat.T(messages.SetupRespondent)).Description(cat.T(messages.SetupOptional)).CharLimit(200).Value(&st.respondent),
		huh.NewInput().Title(cat.T(messages.SetupRole)).Description(cat.T(messages.SetupOptional)).CharLimit(200).Value(&st.role),
	)).WithShowHelp(false).WithTheme(huh.ThemeFunc(huh.ThemeCharm))
	st.resize()
	return st
}

func (st *setup) Init() tea.Cmd { return st.form.Init() }

func (st *setup) resize() {
	st.form = st.form.WithWidth(min(st.c.contentWidth(), 72)).WithHeight(max(st.c.Height-4, 6))
}

func (st *setup) capturing() bool { return true }

func (st *setup) help() bindings {
	k := st.c.Keys
	next := key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", st.c.Cat.T(messages.KeyNextQ)))
	return bindings{short: []key.Binding{next, k.Back}, full: [][]key.Binding{{next, k.Back}}}
}

func (st *setup) Update(msg tea.Msg) tea.Cmd {
	if m, ok := msg.(tea.KeyPressMsg); ok && key.Matches(m, st.c.Keys.Back) {
		return func() tea.Msg { return goHomeMsg{} }
	}
	model, cmd := st.form.Update(msg)
	if f, ok := model.(*huh.Form); ok {
		st.form = f
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

func (st *setup) View(height int) string {
	s := st.c.Styles
	return s.Title.Render(st.c.Cat.T(messages.SetupTitle)) + "\n\n" + st.form.View()
}
