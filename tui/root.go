package tui

import (
	"context"
	"fmt"
	"image/color"
	"io"
	"strings"
	"time"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"

	"socialmaturity/assess"
	"socialmaturity/messages"
	"socialmaturity/questions"
	"socialmaturity/report"
	"socialmaturity/store"
)

// screen is one page of the app. View gets the height left above the
// footer; the width is in Common.
type screen interface {
	Update(tea.Msg) tea.Cmd
	View(height int) string
	help() bindings
}

// capturer is a screen that is taking text, so q and ? are typed, not
// commands.
type capturer interface{ capturing() bool }

// Start says which screen the app opens on.
type Start int

// Where the app can start.
const (
	StartHome  Start = iota // the home screen
	StartSetup              // the set-up form of a new assessment
	StartWalk               // straight into a new assessment (Org is required)
)

// Options configure the app. Store, Bank and Cat are required.
type Options struct {
	Store                 *store.Store
	Bank                  *questions.Bank
	Cat                   *messages.Catalog
	Start                 Start
	Org, Respondent, Role string
	Now                   func() time.Time
	// Export writes reports from the results screen (see Common.Export).
	Export func(a report.Assessment, format string) (string, error)
}

// Model is the root model: it owns the shared Common, the current screen
// and the footer help, and moves between screens.
type Model struct {
	c        *Common
	screen   screen
	help     help.Model
	saver    *saver
	bgKnown  bool
	err      error
	exitNote string
	footer   footerCache
}

// footerCache keeps the last rendered help footer: it only changes with the
// bindings shown, the width and the styles.
type footerCache struct {
	key  string
	view string
}

// New builds the app.
func New(o Options) (*Model, error) {
	if o.Now == nil {
		o.Now = time.Now
	}
	c := &Common{Styles: NewStyles(true), Keys: NewKeyMap(o.Cat), Cat: o.Cat, Store: o.Store, Bank: o.Bank, Now: o.Now, Export: o.Export}
	m := &Model{c: c, help: help.New(), saver: newSaver(o.Store)}
	m.help.Styles = c.Styles.Help
	switch o.Start {
	case StartWalk:
		m.screen = newWalk(c, m.newDraft(o.Org, o.Respondent, o.Role), m.saver)
	case StartSetup:
		m.screen = newSetup(c, o.Org, o.Respondent, o.Role)
	default:
		m.screen = newHome(c)
	}
	return m, nil
}

// newDraft starts an assessment in memory; it is stored with its first
// answer, so opening and leaving leaves no empty draft behind.
func (m *Model) newDraft(org, respondent, role string) *assess.Assessment {
	now := m.c.Now()
	return &assess.Assessment{
		ID:         store.NewID(now),
		Submission: assess.Submission{Org: org, Respondent: respondent, Role: role, Answers: assess.Answers{}},
		Bank:       assess.RefOf(m.c.Bank),
		StartedAt:  now,
	}
}

// Init asks the terminal for its background colour.
func (m *Model) Init() tea.Cmd {
	cmds := []tea.Cmd{tea.RequestBackgroundColor}
	if st, ok := m.screen.(*setup); ok {
		cmds = append(cmds, st.Init())
	}
	return tea.Batch(cmds...)
}

// Update routes messages: size, colours and global keys here, navigation
// between screens here, everything else to the current screen.
func (m *Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.c.Width, m.c.Height = msg.Width, msg.Height
		m.help.SetWidth(msg.Width - 1)
		if st, ok := m.screen.(*setup); ok {
			st.resize()
		}
		return m, m.screen.Update(msg)
	case tea.BackgroundColorMsg:
		m.c.Styles = NewStyles(msg.IsDark())
		m.help.Styles = m.c.Styles.Help
		m.bgKnown = true
		return m, m.screen.Update(msg)
	case tea.KeyPressMsg:
		capturing := false
		if c, ok := m.screen.(capturer); ok {
			capturing = c.capturing()
		}
		switch {
		case msg.String() == "ctrl+c", !capturing && key.Matches(msg, m.c.Keys.Quit):
			return m, m.quit()
		case !capturing && key.Matches(msg, m.c.Keys.Help):
			m.help.ShowAll = !m.help.ShowAll
			return m, nil
		}
		m.err = nil
	case quitMsg:
		return m, m.quit()
	case goHomeMsg:
		m.screen = newHome(m.c)
		return m, nil
	case goSetupMsg:
		st := newSetup(m.c, "", "", "")
		m.screen = st
		return m, tea.Batch(st.Init(), m.replayBackground())
	case startMsg:
		m.screen = newWalk(m.c, m.newDraft(msg.org, msg.respondent, msg.role), m.saver)
		return m, nil
	case goResumeMsg:
		if msg.draft.Bank.ID != m.c.Bank.ID {
			return m, m.fail(fmt.Errorf("%s", m.c.Cat.T(messages.ErrDraftOtherBank, msg.draft.Bank.ID)))
		}
		m.screen = newWalk(m.c, msg.draft, m.saver)
		return m, nil
	case goHistoryMsg:
		m.screen = newHistory(m.c)
		return m, nil
	case completeMsg:
		return m, m.complete(msg.draft)
	case openMsg:
		return m, m.open(msg.id)
	case compareMsg:
		return m, m.compare(msg.from, msg.to)
	}
	return m, m.screen.Update(msg)
}

// replayBackground tells a new huh form the background colour the root
// already knows (the form never asks for it itself).
func (m *Model) replayBackground() tea.Cmd {
	if !m.bgKnown {
		return nil
	}
	var c color.Color = color.White
	if m.c.Styles.IsDark {
		c = color.Black
	}
	return func() tea.Msg { return tea.BackgroundColorMsg{Color: c} }
}

func (m *Model) fail(err error) tea.Cmd {
	m.err = err
	return nil
}

// quit ends the program; leaving a walk says the draft is saved and how to
// resume.
func (m *Model) quit() tea.Cmd {
	if w, ok := m.screen.(*walk); ok && len(w.draft.Answers)+len(w.draft.Notes) > 0 {
		m.exitNote = m.c.Cat.T(messages.DraftSavedExit, w.draft.Org, len(w.draft.Answers), m.c.Bank.QuestionCount())
	}
	return tea.Quit
}

// complete waits for pending saves, scores the draft as it is on screen
// and stores it, then shows the results.
func (m *Model) complete(d *assess.Assessment) tea.Cmd {
	m.saver.flush()
	done, err := m.c.Store.CompleteDraft(d, func(a *assess.Assessment) {
		a.Complete(m.c.Bank, m.c.Now(), assess.Targets{})
	})
	if err != nil {
		return m.fail(err)
	}
	prev, err := m.c.Store.Previous(done)
	if err != nil {
		return m.fail(err)
	}
	m.screen = newResults(m.c, done, prev)
	return nil
}

func (m *Model) open(id string) tea.Cmd {
	rec, prev, err := m.c.Store.GetWithPrevious(id)
	if err != nil {
		return m.fail(err)
	}
	m.screen = newResults(m.c, rec, prev)
	return nil
}

func (m *Model) compare(fromID, toID string) tea.Cmd {
	from, err := m.c.Store.Get(fromID)
	if err != nil {
		return m.fail(err)
	}
	to, err := m.c.Store.Get(toID)
	if err != nil {
		return m.fail(err)
	}
	if from.ID > to.ID { // older first
		from, to = to, from
	}
	m.screen = newCompare(m.c, from, to)
	return nil
}

// View draws the current screen above the footer help, or asks for a
// bigger terminal.
func (m *Model) View() tea.View {
	v := tea.NewView(m.content())
	v.AltScreen = true
	return v
}

func (m *Model) content() string {
	c := m.c
	if c.Width == 0 || c.Height == 0 {
		return ""
	}
	if c.Width < MinWidth || c.Height < MinHeight {
		return strings.Join(wrap(c.Styles.Text, c.Cat.T(messages.TooSmall, MinWidth, MinHeight, c.Width, c.Height), c.Width), "\n")
	}
	footer := m.footerView()
	if m.err != nil {
		footer = strings.Join(wrap(c.Styles.Bad, m.err.Error(), c.contentWidth()), "\n") + "\n" + footer
	}
	height := c.Height - strings.Count(footer, "\n") - 2
	body := m.screen.View(height)
	if n := strings.Count(body, "\n") + 1; n < height {
		body += strings.Repeat("\n", height-n)
	}
	return " " + strings.ReplaceAll(body, "\n", "\n ") + "\n\n" + footer
}

func (m *Model) footerView() string {
	b := m.screen.help()
	var sig strings.Builder
	fmt.Fprintf(&sig, "%d|%t|%p|", m.c.Width, m.help.ShowAll, m.c.Styles)
	for _, k := range b.short {
		sig.WriteString(k.Help().Key + "|")
	}
	if m.help.ShowAll {
		for _, col := range b.full {
			for _, k := range col {
				sig.WriteString(k.Help().Key + ",")
			}
		}
	}
	if sig.String() != m.footer.key {
		m.footer = footerCache{key: sig.String(), view: m.c.Styles.HelpLayout.Render(m.help.View(b))}
	}
	return m.footer.view
}

// ExitNote is what to tell the person after the program ends (how to
// resume a draft), or "".
func (m *Model) ExitNote() string { return m.exitNote }

// Close commits every pending answer; call it after the program ends.
func (m *Model) Close() { m.saver.close() }

// Run runs the app on a terminal's input and output until the person
// quits, then prints the exit note. noColor forces a colourless profile.
// Exports from the results screen go to the current folder unless
// o.Export says otherwise.
func Run(ctx context.Context, o Options, in io.Reader, out io.Writer, noColor bool) error {
	if o.Export == nil {
		o.Export = func(a report.Assessment, format string) (string, error) {
			return report.WriteFile("", o.Cat, a, format)
		}
	}
	m, err := New(o)
	if err != nil {
		return err
	}
	opts := []tea.ProgramOption{tea.WithContext(ctx), tea.WithInput(in), tea.WithOutput(out)}
	if noColor {
		opts = append(opts, tea.WithColorProfile(colorprofile.Ascii))
	}
	_, err = tea.NewProgram(m, opts...).Run()
	m.Close()
	if note := m.ExitNote(); note != "" {
		fmt.Fprintln(out, note)
	}
	return err
}
