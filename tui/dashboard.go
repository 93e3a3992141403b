package tui

import (
	"fmt"
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"socialmaturity/assess"
	"socialmaturity/messages"
	"socialmaturity/questions"
	"socialmaturity/store"
)

// RoomView is a served workshop as its facilitator sees it.
type RoomView struct {
	Workshop     store.Workshop
	Participants []RoomParticipant
	Connected    int
	Completed    int
	Team         *assess.TeamResult
	// Rescues are answers the database kept refusing, written to files.
	Rescues []RoomRescue
}

// RoomRescue is a participant's answers written to an answers file
// because the database kept refusing them; Stored: stored since, so the
// file is no longer needed.
type RoomRescue struct {
	ID, Name, Path string
	Stored         bool
}

// RoomParticipant is one participant's progress.
type RoomParticipant struct {
	Name      string
	Answered  int
	Completed bool
	Connected bool
}

// Facilitation is the room a dashboard watches and steers.
type Facilitation interface {
	// View is the room now.
	View() RoomView
	// Change applies a decision to the workshop, stores it and tells the
	// room.
	Change(fn func(*store.Workshop)) error
}

// DashboardOptions configure the facilitator's dashboard.
type DashboardOptions struct {
	Room Facilitation
	Bank *questions.Bank
	Cat  *messages.Catalog
	Now  func() time.Time
	// How participants join: the port, the host to type, the host key's
	// fingerprint.
	Port, Host, Fingerprint string
	// Every is how often the room is read again (500 ms when 0).
	Every time.Duration
}

type dashMode int

const (
	dashWatch dashMode = iota
	dashAgreeAnswer
	dashAgreeWhy
	dashEndAsk
)

// Dashboard is the facilitator's screen: how to join, who is in and how
// far, the team's live figures, where the room disagrees; and the
// facilitator's controls. It ends when the facilitator quits or ends the
// workshop (Ended tells which).
type Dashboard struct {
	o      DashboardOptions
	st     *Styles
	keys   dashKeys
	view   RoomView
	width  int
	height int
	mode   dashMode
	cursor int // the hotspot selected
	agreed assess.Answer
	why    textinput.Model
	err    error
	ended  bool
}

type dashKeys struct {
	Up, Down, Reveal, Pause, Next, Agree, End, Quit key.Binding
}

// Messages of the dashboard's commands.
type (
	dashTickMsg  struct{}
	dashViewMsg  struct{ view RoomView }
	dashDoneMsg  struct{ err error }
	dashEndedMsg struct{ err error }
)

// NewDashboard builds the dashboard.
func NewDashboard(o DashboardOptions) *Dashboard {
	if o.Every <= 0 {
		o.Every = 500 * time.Millisecond
	}
	if o.Now == nil {
		o.Now = time.Now
	}
	b := func(help string, desc messages.Key, keys ...string) key.Binding {
		return key.NewBinding(key.WithKeys(keys...), key.WithHelp(help, o.Cat.T(desc)))
	}
	d := &Dashboard{o: o, st: NewStyles(true), view: o.Room.View()}
	d.keys = dashKeys{
		Up:     b("↑/k", messages.KeyUp, "up", "k"),
		Down:   b("↓/j", messages.KeyDown, "down", "j"),
		Reveal: b("r", messages.WSKeyReveal, "r"),
		Pause:  b("p", messages.WSKeyPause, "p"),
		Next:   b("n", messages.WSKeyNext, "n"),
		Agree:  b("a", messages.WSKeyAgree, "a"),
		End:    b("e", messages.WSKeyEnd, "e"),
		Quit:   b("q", messages.KeyQuit, "q", "ctrl+c"),
	}
	d.why = newInput(o.Cat.T(messages.WSDashWhyPrompt))
	d.why.CharLimit = 300
	return d
}

// Ended reports whether the facilitator ended the workshop.
func (d *Dashboard) Ended() bool { return d.ended }

// Init starts reading the room.
func (d *Dashboard) Init() tea.Cmd { return tea.Batch(tea.RequestBackgroundColor, d.tick()) }

func (d *Dashboard) tick() tea.Cmd {
	return tea.Tick(d.o.Every, func(time.Time) tea.Msg { return dashTickMsg{} })
}

// Update handles the facilitator's keys and the room's news.
func (d *Dashboard) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		d.width, d.height = msg.Width, msg.Height
	case tea.BackgroundColorMsg:
		d.st = NewStyles(msg.IsDark())
	case dashTickMsg:
		room := d.o.Room
		return d, func() tea.Msg { return dashViewMsg{view: room.View()} }
	case dashViewMsg:
		d.view = msg.view
		return d, d.tick()
	case dashDoneMsg:
		d.err = msg.err
		d.view = d.o.Room.View()
	case dashEndedMsg:
		if d.err = msg.err; d.err == nil {
			d.ended = true
			return d, tea.Quit
		}
	case tea.KeyPressMsg:
		return d, d.key(msg)
	}
	return d, nil
}

func (d *Dashboard) key(msg tea.KeyPressMsg) tea.Cmd {
	if msg.String() == "ctrl+c" {
		return tea.Quit
	}
	switch d.mode {
	case dashEndAsk:
		d.mode = dashWatch
		if msg.String() == "y" {
			return d.change(func(w *store.Workshop) { w.State.Ended = true }, true)
		}
		return nil
	case dashAgreeAnswer:
		return d.agreeAnswer(msg)
	case dashAgreeWhy:
		return d.agreeWhy(msg)
	}
	k, ws := d.keys, d.view.Workshop
	d.err = nil
	switch {
	case key.Matches(msg, k.Quit):
		return tea.Quit
	case key.Matches(msg, k.Up):
		d.cursor = max(d.cursor-1, 0)
	case key.Matches(msg, k.Down):
		d.cursor = min(d.cursor+1, max(len(d.hotspots())-1, 0))
	case key.Matches(msg, k.Reveal):
		return d.change(func(w *store.Workshop) { w.State.Revealed = !ws.State.Revealed }, false)
	case key.Matches(msg, k.Pause):
		return d.change(func(w *store.Workshop) { w.State.Paused = !ws.State.Paused }, false)
	case key.Matches(msg, k.Next) && ws.State.Paced:
		if next := nextKeyAction(d.o.Bank, ws.State.Open); next != "" {
			return d.change(func(w *store.Workshop) { w.State.Open = next }, false)
		}
	case key.Matches(msg, k.Agree) && len(d.hotspots()) > 0:
		d.mode = dashAgreeAnswer
	case key.Matches(msg, k.End):
		d.mode = dashEndAsk
	}
	return nil
}

// agreeAnswer takes the agreed answer for the selected hotspot.
func (d *Dashboard) agreeAnswer(msg tea.KeyPressMsg) tea.Cmd {
	s := msg.String()
	switch {
	case len(s) == 1 && s[0] >= '0' && int(s[0]-'0') <= questions.MaxLevel:
		d.agreed = assess.AtLevel(int(s[0] - '0'))
	case s == "u":
		d.agreed = assess.NotSure
	case s == "x":
		d.agreed = assess.DoesNotApply
	default:
		d.mode = dashWatch
		return nil
	}
	d.mode = dashAgreeWhy
	d.why.SetValue("")
	d.why.SetWidth(max(d.width-messages.Width(d.why.Prompt)-4, 10))
	return d.why.Focus()
}

// agreeWhy takes why the team agreed, then records it.
func (d *Dashboard) agreeWhy(msg tea.KeyPressMsg) tea.Cmd {
	switch msg.String() {
	case "esc":
		d.mode = dashWatch
		return nil
	case "enter":
		d.mode = dashWatch
		q := d.hotspots()[min(d.cursor, len(d.hotspots())-1)].ID
		a, why, at := d.agreed, strings.TrimSpace(d.why.Value()), d.o.Now()
		return d.change(func(w *store.Workshop) {
			if w.Agreed == nil {
				w.Agreed = assess.Agreed{}
			}
			w.Agreed[q] = assess.AgreedAnswer{Answer: a, Why: why, At: at}
		}, false)
	}
	var cmd tea.Cmd
	d.why, cmd = d.why.Update(msg)
	return cmd
}

// change applies a decision in a command; ending quits once stored.
func (d *Dashboard) change(fn func(*store.Workshop), ending bool) tea.Cmd {
	room := d.o.Room
	return func() tea.Msg {
		err := room.Change(fn)
		if ending {
			return dashEndedMsg{err: err}
		}
		return dashDoneMsg{err: err}
	}
}

// nextKeyAction is the key action after open in bank order: the first when
// open is "", "" after the last.
func nextKeyAction(b *questions.Bank, open string) string {
	found := open == ""
	for _, p := range b.Pillars {
		for _, ka := range p.KeyActions {
			if found {
				return ka.ID
			}
			found = ka.ID == open
		}
	}
	return ""
}

func (d *Dashboard) hotspots() []*assess.QuestionStats {
	if d.view.Team == nil {
		return nil
	}
	return d.view.Team.Hotspots
}

// View draws the dashboard.
func (d *Dashboard) View() tea.View {
	v := tea.NewView(d.content())
	v.AltScreen = true
	return v
}

func (d *Dashboard) content() string {
	if d.width == 0 {
		return ""
	}
	cat, st, rv := d.o.Cat, d.st, d.view
	width := max(d.width-2, 20)
	line := func(style func(...string) string, text string) string {
		return style(messages.Truncate(messages.SafeLine(text), width))
	}
	ws := rv.Workshop
	out := []string{
		line(st.Title.Render, cat.T(messages.WSDashTitle, WorkshopTitle(ws))),
		line(st.Heading.Render, cat.T(messages.WSDashJoin, d.o.Port, d.o.Host, ws.Code)),
		line(st.Subtle.Render, cat.T(messages.WSDashHostKey, d.o.Fingerprint)),
		line(st.Text.Render, d.stateLine()),
		line(st.Text.Render, cat.T(messages.WSDashPeople, cat.Int(rv.Connected), cat.Int(len(rv.Participants)), cat.Int(rv.Completed))),
	}
	for _, r := range rv.Rescues {
		text, style := cat.T(messages.WSDashRescued, messages.SafeLine(r.Name), messages.SafeLine(r.Path)), st.Bad
		if r.Stored {
			text, style = cat.T(messages.WSDashRescuedStored, messages.SafeLine(r.Name), messages.SafeLine(r.Path)), st.Subtle
		}
		out = append(out, wrap(style, text, width)...)
	}
	out = append(out, "")
	out = append(out, d.teamLines(line)...)
	out = append(out, "", line(st.Heading.Render, cat.T(messages.WSDashHotspots)))
	out = append(out, d.hotspotLines(line)...)
	people := make([]string, 0, len(rv.Participants))
	for _, p := range rv.Participants {
		text := cat.T(messages.WSDashParticipant, messages.SafeLine(p.Name), cat.Int(p.Answered), cat.Int(d.o.Bank.QuestionCount()))
		if p.Completed {
			text += cat.T(messages.WSDashDone)
		}
		if !p.Connected {
			text += cat.T(messages.WSDashOffline)
		}
		people = append(people, text)
	}
	if len(people) > 0 {
		out = append(out, "")
		out = append(out, wrap(st.Text, strings.Join(people, " · "), width)...)
	}
	footer := d.footer(line)
	if d.height > 0 && len(out)+len(footer) > d.height {
		out = out[:max(d.height-len(footer), 0)]
	}
	return " " + strings.Join(append(out, footer...), "\n ")
}

func (d *Dashboard) stateLine() string {
	cat, s := d.o.Cat, d.view.Workshop.State
	parts := []string{cat.T(messages.WSDashStateHidden)}
	if s.Revealed {
		parts[0] = cat.T(messages.WSDashStateShown)
	}
	if s.Paused {
		parts = append(parts, cat.T(messages.WSDashStatePaused))
	}
	if s.Paced {
		open := cat.T(messages.WSDashStateNone)
		if s.Open != "" {
			open = cat.T(messages.WSDashStatePaced, d.o.Bank.TitleOf(s.Open))
		}
		parts = append(parts, open)
	}
	return strings.Join(parts, " · ")
}

// teamLines are the team's figures: overall, then each pillar with its
// key actions, mean and spread.
func (d *Dashboard) teamLines(line func(func(...string) string, string) string) []string {
	cat, st, t := d.o.Cat, d.st, d.view.Team
	if t == nil || t.Withheld {
		return []string{line(st.Subtle.Render, cat.T(messages.WSTeamWithheld, assess.MinGroup))}
	}
	out := []string{line(st.Score.Render, cat.T(messages.WSDashTeam, partScore(cat, t.Overall), peopleScores(cat, t.Overall), stageLine(cat, t.Overall.Stage)))}
	for pi, p := range t.Pillars {
		pillar := d.o.Bank.Pillars[pi]
		out = append(out, line(st.Heading.Render, cat.T(messages.WSTeamPart, pillar.Title, partScore(cat, p.TeamPart), peopleScores(cat, p.TeamPart))))
		for ki, ka := range p.KeyActions {
			out = append(out, "  "+line(st.Text.Render, cat.T(messages.WSTeamPart, pillar.KeyActions[ki].Title, partScore(cat, ka), peopleScores(cat, ka))))
		}
	}
	return out
}

// hotspotLines rank the questions by disagreement, each with its
// histogram and flags, the selected one marked.
func (d *Dashboard) hotspotLines(line func(func(...string) string, string) string) []string {
	cat, st := d.o.Cat, d.st
	hs := d.hotspots()
	if len(hs) == 0 {
		return []string{line(st.Subtle.Render, cat.T(messages.WSDashNoHotspots))}
	}
	var out []string
	for i, q := range hs[:min(len(hs), 5)] {
		mark := "  "
		if i == d.cursor {
			mark = "> "
		}
		flags := []string{bandName(cat, assess.BandOf(*q.D))}
		if q.Outlier {
			flags = append(flags, cat.T(messages.WSFlagOutlier))
		}
		if q.KnowledgeGap {
			flags = append(flags, cat.T(messages.WSFlagGap))
		}
		if q.Agreed != nil {
			flags = append(flags, cat.T(messages.WSDashAgreedNote, answerText(q.Agreed.Answer)))
		}
		prompt := q.ID
		if bq, ok := d.o.Bank.Question(q.ID); ok {
			prompt = bq.Prompt
		}
		out = append(out, line(st.Text.Render, mark+prompt),
			"    "+line(st.Subtle.Render, cat.T(messages.WSDashHotspot, cat.Number(*q.D, 2), strings.Join(flags, ", "), histogram(q))))
	}
	return out
}

// histogram is a question's answers per level, then "not sure".
func histogram(q *assess.QuestionStats) string {
	var b strings.Builder
	for l, n := range q.Levels {
		fmt.Fprintf(&b, "%d:%s ", l, strings.Repeat("█", n))
	}
	fmt.Fprintf(&b, "?:%s", strings.Repeat("█", q.Unsure))
	return b.String()
}

func answerText(a assess.Answer) string {
	switch {
	case a.Unsure:
		return "?"
	case a == assess.DoesNotApply:
		return "n/a"
	}
	return fmt.Sprint(a.Level)
}

func bandName(cat *messages.Catalog, b assess.Band) string {
	switch b {
	case assess.Split:
		return cat.T(messages.WSBandSplit)
	case assess.Mixed:
		return cat.T(messages.WSBandMixed)
	}
	return cat.T(messages.WSBandAligned)
}

// footer is the prompt under way, an error, and the keys.
func (d *Dashboard) footer(line func(func(...string) string, string) string) []string {
	cat, st := d.o.Cat, d.st
	var out []string
	switch d.mode {
	case dashEndAsk:
		out = append(out, line(st.Bad.Render, cat.T(messages.WSDashEndAsk)))
	case dashAgreeAnswer:
		hs := d.hotspots()
		out = append(out, line(st.Heading.Render, cat.T(messages.WSDashAgreePrompt, hs[min(d.cursor, len(hs)-1)].ID)))
	case dashAgreeWhy:
		out = append(out, d.why.View())
	}
	if d.err != nil {
		out = append(out, line(st.Bad.Render, d.err.Error()))
	}
	k := d.keys
	var help []string
	for _, b := range []key.Binding{k.Up, k.Down, k.Reveal, k.Pause, k.Next, k.Agree, k.End, k.Quit} {
		if b.Help().Key == "n" && !d.view.Workshop.State.Paced {
			continue
		}
		help = append(help, b.Help().Key+" "+b.Help().Desc)
	}
	return append(append(out, ""), wrap(st.Subtle, strings.Join(help, " · "), max(d.width-2, 20))...)
}

// WorkshopTitle is a workshop's name as shown: organization and title.
func WorkshopTitle(w store.Workshop) string {
	if w.Title != "" {
		return w.Org + " · " + w.Title
	}
	return w.Org
}
