package tui

import (
	"context"
	"errors"
	"fmt"
	"image/color"
	"io"
	"strings"
	"time"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/colorprofile"

	"socialmaturity/assess"
	"socialmaturity/messages"
	"socialmaturity/questions"
	"socialmaturity/store"
)

// screen is one page of the app. Init starts its loading (a command, as
// every read and write of storage is); SetSize tells it the terminal's
// size, also in Common; View gets the height left above the footer.
type screen interface {
	Init() tea.Cmd
	Update(tea.Msg) tea.Cmd
	View(height int) string
	SetSize(width, height int)
	help() bindings
}

// capturer is a screen that is taking text, so q and ? are typed, not
// commands.
type capturer interface{ capturing() bool }

// asksFirst reports whether s asks before q leaves (a walk does).
func asksFirst(s screen) bool {
	a, ok := s.(interface{ handlesQuit() bool })
	return ok && a.handlesQuit()
}

// leaver is a screen holding answers that must be stored before the app
// ends: leave returns a copy of them (nil when there are none) and whether
// all of them are committed.
type leaver interface {
	leave() (draft *assess.Assessment, committed bool)
}

// errMsg reports a failed command; the root shows it above the footer.
type errMsg struct{ err error }

// Start says which screen the app opens on.
type Start int

// Where the app can start.
const (
	StartHome  Start = iota // the home screen
	StartSetup              // the set-up form of a new assessment
	StartWalk               // an assessment of Org (required): its draft, or a new one
)

// Options configure the app. Store, Bank and Cat are required.
type Options struct {
	Store                 Store
	Bank                  *questions.Bank
	Cat                   *messages.Catalog
	Start                 Start
	Org, Respondent, Role string
	Now                   func() time.Time
	// Export writes reports from the results screen; nil hides export.
	Export Exporter
	// ExportPDF says that Export also writes format "pdf".
	ExportPDF bool
	// Workshop makes every new assessment a respondent's answers to that
	// workshop (a local respondent: the laptop passed round the room).
	Workshop string
	// Open opens a written report with the system's opener; nil hides
	// the key that does it.
	Open func(path string) error
	// Rescue keeps the answers the database refused as an answers file;
	// nil puts them in the error message instead.
	Rescue RescueWriter
}

// Model is the root model: it owns the shared Common, the current screen
// and the footer help, and moves between screens.
type Model struct {
	c        *Common
	screen   screen
	help     help.Model
	saver    *saver
	bgKnown  bool
	err      error        // shown above the footer until the next key
	working  string       // what is under way while no screen shows it
	rescueTo RescueWriter // where answers the database refused are kept
	retry    retryPolicy
	leaving  *leaving      // the quit under way
	done     bool          // the app has ended by its own quit
	unsaved  *UnsavedError // answers that could not be stored
	exitNote string
	footer   footerCache
}

// retryPolicy is how long leaving keeps trying to store answers not yet
// committed, and how often.
type retryPolicy struct{ every, total time.Duration }

var defaultRetry = retryPolicy{every: 250 * time.Millisecond, total: 5 * time.Second}

// leaving is a quit waiting for answers to be stored.
type leaving struct {
	draft    *assess.Assessment
	attempt  int
	err      error // of the last attempt
	deadline time.Time
}

// Messages of the quit's commands.
type (
	leaveSavedMsg struct {
		attempt int
		err     error
	}
	rescuedMsg struct{ err *UnsavedError }
)

// footerCache keeps the last rendered help footer: it only changes with the
// bindings shown, the width and the styles.
type footerCache struct {
	key  string
	view string
}

// New builds the app.
func New(o Options) *Model {
	if o.Now == nil {
		o.Now = time.Now
	}
	c := &Common{Styles: NewStyles(true), Keys: NewKeyMap(o.Cat), Cat: o.Cat, Store: o.Store, Bank: o.Bank, Now: o.Now, Export: o.Export, ExportPDF: o.ExportPDF, Open: o.Open, Workshop: o.Workshop}
	m := &Model{c: c, help: help.New(), saver: newSaver(o.Store), rescueTo: o.Rescue, retry: defaultRetry}
	m.help.Styles = c.Styles.Help
	switch o.Start {
	case StartWalk:
		m.screen = newOrgStart(c, o.Org, o.Respondent, o.Role)
	case StartSetup:
		m.screen = newSetup(c, o.Org, o.Respondent, o.Role)
	default:
		m.screen = newHome(c)
	}
	return m
}

// newDraft starts an assessment in memory; it is stored with its first
// answer, so opening and leaving leaves no empty draft behind.
func (m *Model) newDraft(org, respondent, role string) *assess.Assessment {
	now := m.c.Now()
	return &assess.Assessment{
		ID:         store.NewID(now),
		Workshop:   m.c.Workshop,
		Submission: assess.Submission{Org: org, Respondent: respondent, Role: role, Answers: assess.Answers{}},
		Bank:       assess.RefOf(m.c.Bank),
		StartedAt:  now,
	}
}

// Init asks the terminal for its background colour and starts the first
// screen.
func (m *Model) Init() tea.Cmd {
	return tea.Batch(tea.RequestBackgroundColor, m.screen.Init())
}

// Update routes messages: size, colours and global keys here, navigation
// between screens here, everything else to the current screen.
func (m *Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.c.Width, m.c.Height = msg.Width, msg.Height
		m.screen.SetSize(msg.Width, msg.Height)
	case tea.BackgroundColorMsg:
		m.c.Styles = NewStyles(msg.IsDark())
		m.help.Styles = m.c.Styles.Help
		m.bgKnown = true
	case tea.KeyPressMsg:
		return m, m.key(msg)
	case errMsg:
		m.err, m.working = msg.err, ""
		return m, nil
	case leaveSavedMsg:
		return m, m.leaveSaved(msg)
	case rescuedMsg:
		m.unsaved = msg.err
		return m, m.end()
	case quitMsg:
		return m, m.quit()
	case goHomeMsg:
		return m, m.show(newHome(m.c))
	case goSetupMsg:
		return m, tea.Batch(m.show(newSetup(m.c, "", "", "")), m.replayBackground())
	case startMsg:
		return m, m.show(newWalk(m.c, m.newDraft(msg.org, msg.respondent, msg.role), m.saver))
	case goResumeMsg:
		if msg.draft.Bank.ID != m.c.Bank.ID {
			m.err = errors.New(m.c.Cat.T(messages.ErrDraftOtherBank, msg.draft.Bank.ID))
			return m, nil
		}
		// A draft begun with another version of the bank goes on with this
		// one: completion scores a draft against the bank it names.
		msg.draft.Bank = assess.RefOf(m.c.Bank)
		return m, m.show(newWalk(m.c, msg.draft, m.saver))
	case goHistoryMsg:
		return m, m.show(newHistory(m.c))
	case openMsg:
		m.working = m.c.Cat.T(messages.TUILoading)
		return m, openResults(m.c.Store, msg.id)
	case openedMsg:
		m.working = ""
		return m, m.show(newResults(m.c, msg.a, msg.previous))
	case completedMsg:
		return m, m.show(newResults(m.c, msg.done, msg.previous))
	case compareMsg:
		return m, m.show(newCompare(m.c, msg.from, msg.to))
	}
	return m, m.screen.Update(msg)
}

// show makes s the current screen and starts it.
func (m *Model) show(s screen) tea.Cmd {
	m.screen = s
	s.SetSize(m.c.Width, m.c.Height)
	return s.Init()
}

// key handles the global keys and hands the others to the screen.
func (m *Model) key(msg tea.KeyPressMsg) tea.Cmd {
	if m.leaving != nil {
		return nil // the answers are being put away
	}
	k := m.c.Keys
	capturing := false
	if c, ok := m.screen.(capturer); ok {
		capturing = c.capturing()
	}
	switch {
	case key.Matches(msg, k.Interrupt), (!capturing || m.tooSmall()) && key.Matches(msg, k.Quit) && (m.tooSmall() || !asksFirst(m.screen)):
		return m.quit()
	case m.tooSmall():
		return nil // nothing on screen to act on
	case !capturing && key.Matches(msg, k.Help):
		m.help.ShowAll = !m.help.ShowAll
		return nil
	}
	m.err = nil
	return m.screen.Update(msg)
}

func (m *Model) tooSmall() bool { return m.c.Width < MinWidth || m.c.Height < MinHeight }

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

// quit ends the program once the answers on screen are stored: at once
// when they are, else after saving them again, for a few seconds if the
// database is busy, and writing them to an answers file if that fails.
func (m *Model) quit() tea.Cmd {
	l, ok := m.screen.(leaver)
	if !ok {
		return m.end()
	}
	d, committed := l.leave()
	switch {
	case d == nil:
		return m.end()
	case committed:
		m.exitNote = m.savedNote(d)
		return m.end()
	}
	m.leaving = &leaving{draft: d, deadline: time.Now().Add(m.retry.total)}
	return m.saveBeforeLeaving(0)
}

func (m *Model) end() tea.Cmd {
	m.done = true
	return tea.Quit
}

func (m *Model) savedNote(d *assess.Assessment) string {
	return m.c.Cat.T(messages.DraftSavedExit, messages.SafeLine(d.Org), countsText(m.c.Cat, m.c.Bank, d))
}

// saveBeforeLeaving saves the leaving draft after wait, once the saves
// queued before it are done.
func (m *Model) saveBeforeLeaving(wait time.Duration) tea.Cmd {
	sv, st, d := m.saver, m.c.Store, m.leaving.draft
	m.leaving.attempt++
	attempt := m.leaving.attempt
	return func() tea.Msg {
		time.Sleep(wait)
		sv.flush()
		return leaveSavedMsg{attempt: attempt, err: st.SaveDraft(d)}
	}
}

func (m *Model) leaveSaved(msg leaveSavedMsg) tea.Cmd {
	l := m.leaving
	if msg.err == nil {
		m.exitNote = m.savedNote(l.draft)
		return m.end()
	}
	var done *store.CompletedError
	if errors.As(msg.err, &done) && done.ID == l.draft.ID { // completed in another window: a new draft
		l.draft.ID = store.NewID(m.c.Now())
		return m.saveBeforeLeaving(0)
	}
	l.err = msg.err
	if time.Now().Before(l.deadline) {
		return m.saveBeforeLeaving(m.retry.every)
	}
	cat, write, d := m.c.Cat, m.rescueTo, l.draft
	return func() tea.Msg { return rescuedMsg{err: rescue(cat, write, d, msg.err)} }
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
	if m.tooSmall() {
		return strings.Join(wrap(c.Styles.Text, c.Cat.T(messages.TooSmall, MinWidth, MinHeight, c.Width, c.Height), c.Width), "\n")
	}
	footer := m.footerView()
	var notice []string
	switch {
	case m.leaving != nil && m.leaving.err != nil:
		notice = wrap(c.Styles.Bad, c.Cat.T(messages.TUIQuitRetrying, m.leaving.err, m.leaving.attempt), c.contentWidth())
	case m.leaving != nil:
		notice = wrap(c.Styles.Subtle, c.Cat.T(messages.TUIWalkSaving), c.contentWidth())
	case m.err != nil:
		notice = wrap(c.Styles.Bad, messages.SafeLine(m.err.Error()), c.contentWidth())
	case m.working != "":
		notice = wrap(c.Styles.Subtle, m.working, c.contentWidth())
	}
	if notice != nil {
		footer = strings.Join(notice, "\n") + "\n" + footer
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
		m.footer = footerCache{key: sig.String(), view: m.c.Styles.HelpLayout.Render(m.helpView(b))}
	}
	return m.footer.view
}

// helpView lays the help out in rows that fit the terminal, so that every
// key shows even at the smallest size: the short help wraps between
// bindings, the full help's columns into more rows.
func (m *Model) helpView(b bindings) string {
	width := m.c.Width - 1 - m.c.Styles.HelpLayout.GetHorizontalFrameSize()
	if m.help.ShowAll {
		return strings.Join(fitRows(b.full, width, m.help.FullHelpView), "\n\n")
	}
	return strings.Join(fitRows(b.short, width, m.help.ShortHelpView), "\n")
}

// fitRows groups items into rows whose rendering fits width.
func fitRows[T any](items []T, width int, render func([]T) string) []string {
	var rows []string
	var row []T
	for _, it := range items {
		if len(row) > 0 && lipgloss.Width(render(append(row[:len(row):len(row)], it))) > width {
			rows = append(rows, render(row))
			row = nil
		}
		row = append(row, it)
	}
	return append(rows, render(row))
}

// ExitNote is what to tell the person after the program ends (how to
// resume a draft), or "".
func (m *Model) ExitNote() string { return m.exitNote }

// Err is the *UnsavedError of answers that could not be stored, or nil.
func (m *Model) Err() error {
	if m.unsaved == nil {
		return nil
	}
	return m.unsaved
}

// Close commits every pending answer; call it after the program ends.
func (m *Model) Close() { m.saver.close() }

// settle finishes after the program has ended: when it ended without its
// own quit (a signal, say), the answers on screen are stored, or rescued,
// as quitting would; then pending saves are committed.
func (m *Model) settle() {
	if !m.done {
		for cmd := m.quit(); cmd != nil; {
			msg := cmd()
			if _, ok := msg.(tea.QuitMsg); ok {
				break
			}
			_, cmd = m.Update(msg)
		}
	}
	m.Close()
}

// Run runs the app on a terminal's input and output until the person
// quits, then prints the exit note. noColor forces a colourless profile.
// Answers that could not be stored come back as an *UnsavedError.
func Run(ctx context.Context, o Options, in io.Reader, out io.Writer, noColor bool) error {
	m := New(o)
	opts := []tea.ProgramOption{tea.WithContext(ctx), tea.WithInput(in), tea.WithOutput(out)}
	if noColor {
		opts = append(opts, tea.WithColorProfile(colorprofile.Ascii))
	}
	_, err := tea.NewProgram(m, opts...).Run()
	m.settle()
	if err := m.Err(); err != nil {
		return err
	}
	if note := m.ExitNote(); note != "" {
		fmt.Fprintln(out, note)
	}
	return err
}
