package tui

import (
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"socialmaturity/assess"
	"socialmaturity/messages"
	"socialmaturity/questions"
)

// RoomState is what a workshop's facilitator decides, as each participant
// is told of it.
type RoomState struct {
	Paused bool
	// Paced: only the key actions up to Open (a key action id; "" before
	// the first) may be answered.
	Paced bool
	Open  string
	// Revealed: the team result, Team, is shown to participants who have
	// finished.
	Revealed bool
	Team     *assess.TeamResult
	// Ended: the facilitator ended the workshop. Closing: the server is
	// stopping; the session stores what is on screen and ends.
	Ended, Closing bool
}

// Seat is a participant's place in a workshop.
type Seat struct {
	Name string
	// Draft is where to resume: a draft (new or not) or a completed
	// assessment, whose result is then shown.
	Draft *assess.Assessment
	// Store holds only this participant's own records.
	Store Store
	// Updates carries the room's state; only the latest matters.
	Updates <-chan RoomState
}

// JoinOptions configure a participant's session.
type JoinOptions struct {
	Bank  *questions.Bank
	Cat   *messages.Catalog
	Title string // the workshop's organization and title
	Now   func() time.Time
	// CheckCode reports whether code joins the workshop.
	CheckCode func(code string) bool
	// Attempts is how many wrong codes end the session; Delay is the wait
	// after each.
	Attempts int
	Delay    time.Duration
	// Timeout ends a session that has not joined within it (none when 0).
	Timeout time.Duration
	// Join seats the participant called name ("" for anonymous); its error
	// is shown to the participant as it is.
	Join func(name string) (*Seat, error)
	// Done is closed when the session ends.
	Done <-chan struct{}
}

type joinStage int

const (
	joinCode joinStage = iota
	joinName
	joinApp
	joinTeam
)

// Join is a workshop participant's session: the join code, a name, then
// the same walk as the local app, their own result and, once revealed, the
// team's. What the facilitator decides arrives as RoomState.
type Join struct {
	o        JoinOptions
	stage    joinStage
	input    textinput.Model
	wrong    int
	busy     bool
	again    bool   // enter was pressed while a code was being checked
	failure  string // why the last step failed, shown under the prompt
	timedOut bool
	width    int
	height   int
	bg       *tea.BackgroundColorMsg

	seat  *Seat
	app   *Model
	state RoomState
	team  key.Binding
}

// Messages of the join screen's commands.
type (
	codeCheckedMsg struct{ ok bool }
	joinTimeoutMsg struct{}
	seatedMsg      struct {
		seat *Seat
		err  error
	}
	roomMsg struct{ state RoomState }
)

// NewJoin builds a participant's session.
func NewJoin(o JoinOptions) *Join {
	if o.Now == nil {
		o.Now = time.Now
	}
	if o.Attempts <= 0 {
		o.Attempts = 3
	}
	j := &Join{o: o, input: newInput(o.Cat.T(messages.WSJoinCodePrompt))}
	j.input.CharLimit = 16
	j.team = key.NewBinding(key.WithKeys("t"), key.WithHelp("t", o.Cat.T(messages.WSKeyTeam)))
	return j
}

// Init asks for the background colour, focuses the code prompt and
// starts the join timeout.
func (j *Join) Init() tea.Cmd {
	cmds := []tea.Cmd{tea.RequestBackgroundColor, j.input.Focus()}
	if j.o.Timeout > 0 {
		cmds = append(cmds, tea.Tick(j.o.Timeout, func(time.Time) tea.Msg { return joinTimeoutMsg{} }))
	}
	return tea.Batch(cmds...)
}

// Update runs the join steps, then hands over to the app.
func (j *Join) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		j.width, j.height = msg.Width, msg.Height
		if j.app != nil {
			return j, j.forward(j.innerSize())
		}
		return j, nil
	case tea.BackgroundColorMsg:
		j.bg = &msg
		if j.app != nil {
			return j, j.forward(msg)
		}
		return j, nil
	case codeCheckedMsg:
		return j, j.codeChecked(msg.ok)
	case joinTimeoutMsg:
		return j, j.timeout()
	case seatedMsg:
		return j, j.seated(msg)
	case roomMsg:
		return j, j.room(msg.state)
	}
	switch j.stage {
	case joinCode, joinName:
		if msg, ok := msg.(tea.KeyPressMsg); ok {
			return j, j.prompt(msg)
		}
		return j, nil
	case joinTeam:
		if msg, ok := msg.(tea.KeyPressMsg); ok {
			return j, j.teamKey(msg)
		}
	}
	if j.app == nil {
		return j, nil
	}
	return j, j.appUpdate(msg)
}

// timeout ends a session still at the code or name prompt; one being
// seated gets another while.
func (j *Join) timeout() tea.Cmd {
	switch {
	case j.stage == joinName && j.busy:
		return tea.Tick(j.o.Timeout, func(time.Time) tea.Msg { return joinTimeoutMsg{} })
	case j.stage == joinCode || j.stage == joinName:
		j.timedOut, j.failure = true, j.o.Cat.T(messages.WSJoinTimedOut)
		return tea.Quit
	}
	return nil
}

// prompt handles a key on the code or name prompt. While a code is
// checked, what is typed goes on the prompt (cleared when the code was
// sent), and enter sends it once the check is done.
func (j *Join) prompt(msg tea.KeyPressMsg) tea.Cmd {
	keys := NewKeyMap(j.o.Cat)
	switch {
	case key.Matches(msg, keys.Interrupt), msg.String() == "esc":
		return tea.Quit
	case j.busy && j.stage == joinCode && key.Matches(msg, keys.Submit):
		j.again = true
		return nil
	case j.busy && j.stage == joinName:
		return nil
	case j.busy:
	case key.Matches(msg, keys.Submit):
		j.busy, j.failure = true, ""
		value := j.input.Value()
		if j.stage == joinCode {
			j.input.SetValue("")
			check, delay := j.o.CheckCode, j.o.Delay
			return func() tea.Msg {
				ok := check(value)
				if !ok {
					time.Sleep(delay)
				}
				return codeCheckedMsg{ok: ok}
			}
		}
		join := j.o.Join
		name := strings.Join(strings.Fields(messages.SafeLine(value)), " ")
		return func() tea.Msg {
			seat, err := join(name)
			return seatedMsg{seat: seat, err: err}
		}
	}
	var cmd tea.Cmd
	j.input, cmd = j.input.Update(msg)
	return cmd
}

func (j *Join) codeChecked(ok bool) tea.Cmd {
	j.busy = false
	again := j.again
	j.again = false
	if !ok {
		j.wrong++
		if j.wrong >= j.o.Attempts {
			j.failure = j.o.Cat.T(messages.WSJoinTooMany)
			return tea.Quit
		}
		j.failure = j.o.Cat.T(messages.WSJoinWrongCode, j.wrong, j.o.Attempts)
		if again {
			return j.prompt(tea.KeyPressMsg{Code: tea.KeyEnter})
		}
		return nil
	}
	j.stage = joinName
	j.input = newInput(j.o.Cat.T(messages.WSJoinNamePrompt))
	j.input.CharLimit = 40
	return j.input.Focus()
}

// seated starts the app on the participant's draft or result.
func (j *Join) seated(msg seatedMsg) tea.Cmd {
	j.busy = false
	if msg.err != nil {
		j.failure = messages.SafeLine(msg.err.Error())
		return nil
	}
	j.seat, j.stage = msg.seat, joinApp
	j.app = New(Options{Store: msg.seat.Store, Bank: j.o.Bank, Cat: j.o.Cat, Now: j.o.Now, Start: StartWalk, Org: msg.seat.Draft.Org})
	j.app.c.Participant = true
	d := msg.seat.Draft
	var s screen
	if d.CompletedAt != nil {
		s = newResults(j.app.c, d, nil)
	} else {
		w := newWalk(j.app.c, d, j.app.saver)
		if !strings.EqualFold(d.Respondent, j.nameAsked()) {
			w.notice = j.o.Cat.T(messages.WSJoinAnonNote, messages.SafeLine(d.Respondent))
		}
		s = w
	}
	j.app.screen = s
	cmds := []tea.Cmd{j.app.Init(), j.wait()}
	if j.width > 0 {
		cmds = append(cmds, j.forward(j.innerSize()))
	}
	return tea.Batch(cmds...)
}

// nameAsked is the name typed at the prompt.
func (j *Join) nameAsked() string {
	return strings.Join(strings.Fields(messages.SafeLine(j.input.Value())), " ")
}

// wait returns the room's next state, or nothing once the session ends.
func (j *Join) wait() tea.Cmd {
	updates, done := j.seat.Updates, j.o.Done
	return func() tea.Msg {
		select {
		case s := <-updates:
			return roomMsg{state: s}
		case <-done:
			return nil
		}
	}
}

// room takes the facilitator's latest decisions.
func (j *Join) room(s RoomState) tea.Cmd {
	j.state = s
	if j.stage == joinTeam && (!s.Revealed || s.Team == nil) {
		j.stage = joinApp
	}
	if s.Closing {
		return tea.Quit // Settle stores what is on screen
	}
	j.clamp()
	return j.wait()
}

// appUpdate hands msg to the app, keeping the participant inside their
// own walk and result, and, in a paced room, on the parts open.
func (j *Join) appUpdate(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case goHomeMsg, goSetupMsg, goHistoryMsg, compareMsg, goResumeMsg, startMsg, openMsg:
		return nil // a participant sees only their own assessment
	case tea.KeyPressMsg:
		k := j.app.c.Keys
		quitting := key.Matches(msg, k.Interrupt) || key.Matches(msg, k.Quit)
		if (j.state.Paused || j.state.Ended) && !quitting {
			return nil
		}
		if j.teamShown() && key.Matches(msg, j.team) {
			j.stage = joinTeam
			return nil
		}
	}
	_, cmd := j.app.Update(msg)
	j.clamp()
	return cmd
}

func (j *Join) teamKey(msg tea.KeyPressMsg) tea.Cmd {
	k := j.app.c.Keys
	switch {
	case key.Matches(msg, k.Interrupt):
		return j.forward(msg)
	case key.Matches(msg, j.team, k.Back, k.Quit):
		j.stage = joinApp
	}
	return nil
}

// teamShown reports whether the participant may see the team result now.
func (j *Join) teamShown() bool {
	_, finished := j.app.screen.(*results)
	return finished && j.state.Revealed && j.state.Team != nil
}

// clamp keeps the walk, in a paced room, on the key actions open.
func (j *Join) clamp() {
	if w, ok := j.app.screen.(*walk); ok && j.state.Paced {
		if last := j.lastOpen(w); w.at > last {
			w.move(last, true)
		}
	}
}

// waiting reports whether a paced walk is held on the last step open.
func (j *Join) waiting() bool {
	w, ok := j.app.screen.(*walk)
	if !ok || !j.state.Paced {
		return false
	}
	last := j.lastOpen(w)
	return w.at == last && last < len(w.steps)-1
}

// lastOpen is the last step of the walk a paced room may show: the page
// of the key action open, or the step before the first page when none is.
func (j *Join) lastOpen(w *walk) int {
	beforeFirst := -1
	for i, st := range w.steps {
		if st.kind != stepPage {
			continue
		}
		if beforeFirst < 0 {
			beforeFirst = max(i-1, 0)
		}
		if j.state.Open != "" && j.o.Bank.Pillars[st.pillar].KeyActions[st.keyAction].ID == j.state.Open {
			if i == lastPage(w) {
				return len(w.steps) - 1 // the last key action open: the finish too
			}
			return i
		}
	}
	return max(beforeFirst, 0)
}

// lastPage is the index of the walk's last key-action page.
func lastPage(w *walk) int {
	for i := len(w.steps) - 1; i >= 0; i-- {
		if w.steps[i].kind == stepPage {
			return i
		}
	}
	return 0
}

func (j *Join) forward(msg tea.Msg) tea.Cmd {
	_, cmd := j.app.Update(msg)
	return cmd
}

// innerSize is the app's size: the terminal less the banner line.
func (j *Join) innerSize() tea.WindowSizeMsg {
	return tea.WindowSizeMsg{Width: j.width, Height: max(j.height-1, 1)}
}

// Settle stores what is on screen after the program has ended; call it
// once the session is over.
func (j *Join) Settle() {
	if j.app != nil {
		j.app.settle()
	}
}

// ExitNote is what to tell the participant after the session ends: why
// it was refused or closed, or how to come back to their answers (join
// again; a participant has no app of their own to resume in).
func (j *Join) ExitNote() string {
	if j.app != nil {
		if j.app.ExitNote() != "" || j.app.Err() != nil {
			return j.o.Cat.T(messages.WSExitSaved)
		}
		return ""
	}
	if j.wrong >= j.o.Attempts || j.timedOut {
		return j.failure
	}
	return ""
}

// View draws the prompts, or the app under a one-line banner.
func (j *Join) View() tea.View {
	v := tea.NewView(j.content())
	v.AltScreen = true
	return v
}

func (j *Join) content() string {
	if j.width == 0 {
		return ""
	}
	st := NewStyles(j.bg == nil || j.bg.IsDark())
	if j.app != nil {
		st = j.app.c.Styles
	}
	width := max(min(j.width, maxWidth)-2, 10)
	switch j.stage {
	case joinApp:
		return j.banner(st, width) + "\n" + j.app.content()
	case joinTeam:
		return j.banner(st, width) + "\n" + teamView(j.app.c, j.state.Team)
	}
	lines := []string{st.Title.Render(messages.SafeLine(j.o.Cat.T(messages.WSJoinTitle, j.o.Title))), ""}
	help := messages.WSJoinCodeHelp
	if j.stage == joinName {
		help = messages.WSJoinNameHelp
	}
	lines = append(lines, wrap(st.Text, j.o.Cat.T(help), width)...)
	lines = append(lines, "", j.input.View())
	switch {
	case j.busy:
		lines = append(lines, "", st.Subtle.Render(j.o.Cat.T(messages.WSJoinChecking)))
	case j.failure != "":
		lines = append(lines, "")
		lines = append(lines, wrap(st.Bad, j.failure, width)...)
	}
	return " " + strings.Join(lines, "\n ")
}

// banner is the line above the app: who and where, or what the room is
// waiting for.
func (j *Join) banner(st *Styles, width int) string {
	s := j.state
	var text string
	style := st.Subtle
	switch {
	case s.Closing:
		text = j.o.Cat.T(messages.WSBannerClosing)
	case s.Ended:
		text, style = j.o.Cat.T(messages.WSBannerEnded), st.Bad
	case s.Paused:
		text, style = j.o.Cat.T(messages.WSBannerPaused), st.Bad
	case j.stage == joinTeam:
		text = j.o.Cat.T(messages.WSTeamBack)
	case j.teamShown():
		text, style = j.o.Cat.T(messages.WSBannerRevealed), st.Good
	case j.waiting():
		text = j.o.Cat.T(messages.WSBannerWaiting)
	default:
		text = j.o.Cat.T(messages.WSBannerHeader, j.o.Title, j.seat.Name)
	}
	return " " + style.Render(messages.Truncate(messages.SafeLine(text), width))
}

// teamView draws the team result as a participant sees it: the team's
// figures only, never a person's answers.
func teamView(c *Common, t *assess.TeamResult) string {
	cat, st, width := c.Cat, c.Styles, c.contentWidth()
	lines := []string{st.Title.Render(cat.T(messages.WSTeamTitle)), ""}
	lines = append(lines, st.Subtle.Render(cat.T(messages.WSTeamMembers, cat.Int(t.Members), cat.Int(t.Completed))), "")
	if t.Withheld {
		lines = append(lines, wrap(st.Text, cat.T(messages.WSTeamWithheld, assess.MinGroup), width)...)
		return " " + strings.Join(lines, "\n ")
	}
	lines = append(lines, st.Score.Render(cat.T(messages.WSTeamScore, partScore(cat, t.Overall), peopleScores(cat, t.Overall))))
	lines = append(lines, stageLine(cat, t.Overall.Stage))
	if t.Provisional {
		lines = append(lines, wrap(st.Subtle, cat.T(messages.WSTeamProvisional), width)...)
	}
	lines = append(lines, "")
	for pi, p := range t.Pillars {
		title := c.Bank.Pillars[pi].Title
		lines = append(lines, st.Heading.Render(messages.Truncate(cat.T(messages.WSTeamPart, messages.SafeLine(title), partScore(cat, p.TeamPart), peopleScores(cat, p.TeamPart)), width)))
	}
	return " " + strings.Join(lines, "\n ")
}

func stageLine(cat *messages.Catalog, s *assess.StageRef) string {
	if s == nil {
		return cat.T(messages.WSTeamNoStage)
	}
	return cat.T(messages.WSTeamStage, cat.Int(s.Number), messages.SafeLine(s.Name))
}

// peopleScores is the mean ± spread of people's own scores of a part, or
// "fewer than 3 answers" when fewer than three people have one.
func peopleScores(cat *messages.Catalog, p assess.TeamPart) string {
	if p.Withheld || !p.Mean.Valid {
		return cat.T(messages.WSPeopleFew)
	}
	return cat.T(messages.WSPeopleScores, cat.Score(p.Mean.Value), cat.Score(p.Spread))
}

// partScore is a part's team score, or a dash without one.
func partScore(cat *messages.Catalog, p assess.TeamPart) string {
	if !p.Score.Valid {
		return "–"
	}
	return cat.Score(p.Score.Value)
}
