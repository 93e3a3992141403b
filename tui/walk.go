package tui

import (
	"fmt"
	"strconv"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"socialmaturity/assess"
	"socialmaturity/messages"
	"socialmaturity/questions"
)

// notSureRow is the option row after the five levels.
const notSureRow = questions.Levels

type stepKind int

const (
	stepIntro  stepKind = iota // a pillar's intro card
	stepPage                   // a key action's questions
	stepFinish                 // the last page: score and save
)

type step struct {
	kind      stepKind
	pillar    int
	keyAction int
}

// walk is the assessment itself: pillar intros, one page per key action,
// and a finish page. Every answer and note goes to the draft at once.
type walk struct {
	c      *Common
	draft  *assess.Assessment
	saver  *saver
	steps  []step
	at     int            // current step
	focus  int            // focused question on a page
	cursor map[string]int // option row under the cursor, per question
	number map[string]int // 1-based position of each question in the bank

	note     textinput.Model
	editing  bool
	status   string // the last save's outcome
	statusOK bool
	options  map[optionKey][]string // wrapped, styled option texts
}

// optionKey identifies one rendering of an option's text.
type optionKey struct {
	question string
	row      int
	width    int
	chosen   bool
	styles   *Styles
}

// completeMsg asks the root to score and store the draft.
type completeMsg struct{ draft *assess.Assessment }

func newWalk(c *Common, draft *assess.Assessment, sv *saver) *walk {
	w := &walk{c: c, draft: draft, saver: sv, cursor: map[string]int{}, number: map[string]int{}, options: map[optionKey][]string{}}
	if w.draft.Answers == nil {
		w.draft.Answers = assess.Answers{}
	}
	n := 0
	for p, pillar := range c.Bank.Pillars {
		w.steps = append(w.steps, step{kind: stepIntro, pillar: p})
		for k, ka := range pillar.KeyActions {
			w.steps = append(w.steps, step{kind: stepPage, pillar: p, keyAction: k})
			for _, q := range ka.Questions {
				n++
				w.number[q.ID] = n
				if a, ok := draft.Answers[q.ID]; ok {
					w.cursor[q.ID] = rowOf(a)
				}
			}
		}
	}
	w.steps = append(w.steps, step{kind: stepFinish})
	w.note = textinput.New()
	w.note.Prompt = c.Cat.T(messages.WalkNotePrompt)
	w.note.CharLimit = 500
	w.resumeAtFirstUnanswered()
	return w
}

func rowOf(a assess.Answer) int {
	if a.Unsure {
		return notSureRow
	}
	return a.Level
}

// resumeAtFirstUnanswered puts the walk on the first question without an
// answer (the start for a new draft, the finish page for a full one).
func (w *walk) resumeAtFirstUnanswered() {
	if len(w.draft.Answers) == 0 {
		return
	}
	for i, st := range w.steps {
		if st.kind != stepPage {
			continue
		}
		for qi, q := range w.questions(st) {
			if _, ok := w.draft.Answers[q.ID]; !ok {
				w.at, w.focus = i, qi
				return
			}
		}
	}
	w.at = len(w.steps) - 1
}

func (w *walk) questions(st step) []questions.Question {
	return w.c.Bank.Pillars[st.pillar].KeyActions[st.keyAction].Questions
}

func (w *walk) current() step { return w.steps[w.at] }

func (w *walk) focused() *questions.Question {
	qs := w.questions(w.current())
	return &qs[w.focus]
}

func (w *walk) capturing() bool { return w.editing }

func (w *walk) help() bindings {
	k := w.c.Keys
	switch w.current().kind {
	case stepPage:
		if w.editing {
			return bindings{short: []key.Binding{k.Select, k.Back}}
		}
		return bindings{
			short: []key.Binding{k.Up, k.Down, k.Select, k.Level, k.NotSure, k.Note, k.NextPage, k.PrevPage, k.Quit, k.Help},
			full:  [][]key.Binding{{k.Up, k.Down, k.Select}, {k.Level, k.NotSure, k.Note}, {k.NextQuestion, k.PrevQuestion, k.NextPage, k.PrevPage}, {k.Quit, k.Help}},
		}
	default:
		return bindings{
			short: []key.Binding{k.Select, k.NextPage, k.PrevPage, k.Quit, k.Help},
			full:  [][]key.Binding{{k.Select, k.NextPage, k.PrevPage}, {k.Quit, k.Help}},
		}
	}
}

// move goes to step i, focusing its first (or, going back, last) question.
func (w *walk) move(i int, fromEnd bool) {
	w.at = min(max(i, 0), len(w.steps)-1)
	w.focus = 0
	if st := w.current(); st.kind == stepPage && fromEnd {
		w.focus = len(w.questions(st)) - 1
	}
}

func (w *walk) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case savedMsg:
		w.statusOK = msg.err == nil
		w.status = w.c.Cat.T(messages.WalkSaved)
		if msg.err != nil {
			w.status = w.c.Cat.T(messages.WalkSaveFailed, msg.err)
		}
		return nil
	case tea.KeyPressMsg:
		if w.editing {
			return w.updateNote(msg)
		}
		k := w.c.Keys
		switch w.current().kind {
		case stepPage:
			return w.updatePage(msg)
		case stepFinish:
			switch {
			case key.Matches(msg, k.Select):
				return func() tea.Msg { return completeMsg{draft: w.draft} }
			case key.Matches(msg, k.PrevPage, k.Up, k.PrevQuestion):
				w.move(w.at-1, true)
			}
		default:
			switch {
			case key.Matches(msg, k.Select, k.NextPage, k.Down, k.NextQuestion):
				w.move(w.at+1, false)
			case key.Matches(msg, k.PrevPage, k.Up, k.PrevQuestion):
				w.move(w.at-1, true)
			}
		}
	default:
		if w.editing {
			var cmd tea.Cmd
			w.note, cmd = w.note.Update(msg)
			return cmd
		}
	}
	return nil
}

func (w *walk) updatePage(msg tea.KeyPressMsg) tea.Cmd {
	k := w.c.Keys
	q := w.focused()
	switch {
	case key.Matches(msg, k.Up):
		w.cursor[q.ID] = max(w.cursor[q.ID]-1, 0)
	case key.Matches(msg, k.Down):
		w.cursor[q.ID] = min(w.cursor[q.ID]+1, notSureRow)
	case key.Matches(msg, k.Select):
		return w.answer(q, w.cursor[q.ID])
	case key.Matches(msg, k.Level):
		return w.answer(q, int(msg.Code-'0'))
	case key.Matches(msg, k.NotSure):
		return w.answer(q, notSureRow)
	case key.Matches(msg, k.NextQuestion):
		w.nextQuestion()
	case key.Matches(msg, k.PrevQuestion):
		if w.focus > 0 {
			w.focus--
		} else {
			w.move(w.at-1, true)
		}
	case key.Matches(msg, k.NextPage):
		w.move(w.at+1, false)
	case key.Matches(msg, k.PrevPage):
		w.move(w.at-1, true)
	case key.Matches(msg, k.Note):
		w.editing = true
		w.note.SetValue(w.draft.Notes[q.ID])
		w.note.SetWidth(max(w.c.contentWidth()-len(w.note.Prompt)-6, 10))
		w.note.CursorEnd()
		return w.note.Focus()
	}
	return nil
}

func (w *walk) nextQuestion() {
	if w.focus+1 < len(w.questions(w.current())) {
		w.focus++
		return
	}
	w.move(w.at+1, false)
}

// answer records the option in row for q, saves it, and moves on.
func (w *walk) answer(q *questions.Question, row int) tea.Cmd {
	a := assess.AtLevel(row)
	if row == notSureRow {
		a = assess.NotSure
	}
	w.cursor[q.ID] = row
	w.draft.Answers[q.ID] = a
	w.nextQuestion()
	return w.persist()
}

// persist saves the draft as it is on screen: every answer and note, so
// that a save that failed (the database busy, say) is made good by the next.
func (w *walk) persist() tea.Cmd {
	snapshot := *w.draft
	snapshot.Answers = make(assess.Answers, len(w.draft.Answers))
	for id, a := range w.draft.Answers {
		snapshot.Answers[id] = a
	}
	snapshot.Notes = make(map[string]string, len(w.draft.Notes))
	for id, n := range w.draft.Notes {
		snapshot.Notes[id] = n
	}
	return w.saver.save(&snapshot)
}

func (w *walk) updateNote(msg tea.KeyPressMsg) tea.Cmd {
	k := w.c.Keys
	switch {
	case msg.String() == "enter":
		w.editing = false
		w.note.Blur()
		setNote(w.draft, w.focused().ID, strings.TrimSpace(w.note.Value()))
		return w.persist()
	case key.Matches(msg, k.Back):
		w.editing = false
		w.note.Blur()
		return nil
	}
	var cmd tea.Cmd
	w.note, cmd = w.note.Update(msg)
	return cmd
}

func setNote(d *assess.Assessment, id, text string) {
	if text == "" {
		delete(d.Notes, id)
		return
	}
	if d.Notes == nil {
		d.Notes = map[string]string{}
	}
	d.Notes[id] = text
}

// counts returns how many questions have a level and how many "not sure".
func (w *walk) counts() (answered, unsure int) {
	for _, a := range w.draft.Answers {
		if a.Unsure {
			unsure++
		} else {
			answered++
		}
	}
	return answered, unsure
}

// View renders the current step within the common size (height is what is
// left above the footer).
func (w *walk) View(height int) string {
	st := w.current()
	width := w.c.contentWidth()
	var lines []string
	var start, end, cursor int
	switch st.kind {
	case stepIntro:
		lines = w.introView(st, width)
	case stepFinish:
		lines = w.finishView(width)
	default:
		lines, start, end, cursor = w.pageView(st, width)
	}
	head := w.header(st, width)
	style := w.c.Styles.Good
	if !w.statusOK {
		style = w.c.Styles.Bad
	}
	status := wrap(style, w.status, width)
	body := window(lines, start, end, cursor, height-len(head)-len(status))
	return strings.Join(append(append(head, body...), status...), "\n")
}

func (w *walk) header(st step, width int) []string {
	s, cat, bank := w.c.Styles, w.c.Cat, w.c.Bank
	crumb := cat.T(messages.AppName)
	if st.kind != stepFinish {
		p := bank.Pillars[st.pillar]
		crumb = p.Title
		if st.kind == stepPage {
			crumb += " › " + p.KeyActions[st.keyAction].Title
		}
	}
	total := bank.QuestionCount()
	n := total
	if st.kind == stepPage {
		n = w.number[w.focused().ID]
	} else if st.kind == stepIntro {
		n = w.number[bank.Pillars[st.pillar].KeyActions[0].Questions[0].ID]
	}
	answered, unsure := w.counts()
	done := answered + unsure
	barWidth := max(min(width/3, 30), 10)
	filled := done * barWidth / max(total, 1)
	bar := s.BarFull.Render(strings.Repeat("█", filled)) + s.BarEmpty.Render(strings.Repeat("░", barWidth-filled))
	return []string{
		s.Subtle.Render(pad(crumb, width)),
		bar + " " + s.Text.Render(cat.T(messages.WalkProgress, n, total, done)),
		"",
	}
}

func (w *walk) introView(st step, width int) []string {
	s, cat, bank := w.c.Styles, w.c.Cat, w.c.Bank
	p := bank.Pillars[st.pillar]
	inner := width - s.Card.GetHorizontalFrameSize()
	var body []string
	body = append(body, s.Subtle.Render(cat.T(messages.WalkIntroPillar, st.pillar+1, len(bank.Pillars))))
	body = append(body, wrap(s.Title, p.Title, inner)...)
	body = append(body, "")
	body = append(body, wrap(s.Text, p.Thesis, inner)...)
	if len(p.Facts) > 0 {
		body = append(body, "")
		body = append(body, wrap(s.Figure, p.Facts[0], inner)...)
		if bank.Credit != "" {
			body = append(body, wrap(s.Subtle, bank.Credit, inner)...)
		}
	}
	body = append(body, "", s.Heading.Render(cat.T(messages.WalkIntroStart)))
	return strings.Split(s.Card.Width(width).Render(strings.Join(body, "\n")), "\n")
}

func (w *walk) finishView(width int) []string {
	s, cat := w.c.Styles, w.c.Cat
	answered, unsure := w.counts()
	total := w.c.Bank.QuestionCount()
	lines := []string{s.Title.Render(cat.T(messages.WalkFinishTitle)), ""}
	lines = append(lines, wrap(s.Text, cat.T(messages.WalkFinishBody, answered, total, unsure), width)...)
	if missing := total - answered - unsure; missing > 0 {
		lines = append(lines, "")
		lines = append(lines, wrap(s.Subtle, cat.T(messages.WalkFinishMissing, missing), width)...)
	}
	lines = append(lines, "")
	lines = append(lines, wrap(s.Heading, cat.T(messages.WalkFinishAction), width)...)
	return lines
}

// pageView renders a key action's questions: the focused one in full, the
// others as one line with their answer. It returns the lines where the
// focused question starts and ends and the cursor's line.
func (w *walk) pageView(st step, width int) (lines []string, start, end, cursor int) {
	s, cat := w.c.Styles, w.c.Cat
	ka := w.c.Bank.Pillars[st.pillar].KeyActions[st.keyAction]
	lines = wrap(s.Heading, ka.Title, width)
	lines = append(lines, wrap(s.Subtle, ka.Summary, width)...)
	lines = append(lines, "")
	for qi, q := range ka.Questions {
		num := fmt.Sprintf("%d. ", w.number[q.ID])
		a, answered := w.draft.Answers[q.ID]
		if qi != w.focus {
			summary := cat.T(messages.WalkUnanswered)
			if answered {
				label, text := w.option(&q, rowOf(a))
				summary = label + "  " + text
			}
			lines = append(lines, s.Subtle.Render(pad("  "+num+q.Prompt, width/2)+"  "+pad(summary, width-width/2-2)))
			continue
		}
		start = len(lines)
		lines = append(lines, hang("▸ "+num, s.Focused, q.Prompt, width)...)
		indent := strings.Repeat(" ", 2+len(num))
		if q.Help != "" {
			lines = append(lines, hang(indent, s.Subtle, q.Help, width)...)
		}
		for row := 0; row <= notSureRow; row++ {
			pointer := "  "
			if row == w.cursor[q.ID] {
				pointer = s.Cursor.Render("❯ ")
				cursor = len(lines)
			}
			chosen := answered && rowOf(a) == row
			mark, style := "○ ", s.Text
			if chosen {
				mark, style = "● ", s.Chosen
			}
			label, text := w.option(&q, row)
			prefix := indent + pointer + mark + style.Render(label) + "  "
			textWidth := width - len(indent) - 7
			ok := optionKey{q.ID, row, textWidth, chosen, s}
			wrapped, cached := w.options[ok]
			if !cached {
				wrapped = wrap(style, text, textWidth)
				w.options[ok] = wrapped
			}
			blank := strings.Repeat(" ", len(indent)+7)
			for i, l := range wrapped {
				if i == 0 {
					lines = append(lines, prefix+l)
				} else {
					lines = append(lines, blank+l)
				}
			}
		}
		if w.editing {
			lines = append(lines, indent+w.note.View())
			cursor = len(lines) - 1
		} else if note := w.draft.Notes[q.ID]; note != "" {
			lines = append(lines, hang(indent, s.Subtle, cat.T(messages.WalkNote, note), width)...)
		}
		end = len(lines) - 1
		lines = append(lines, "")
	}
	return lines, start, end, cursor
}

// option is the label ("0".."4", or "?") and text of an option row.
func (w *walk) option(q *questions.Question, row int) (label, text string) {
	if row == notSureRow {
		return "?", w.c.Cat.T(messages.WalkNotSure)
	}
	return strconv.Itoa(row), q.Option(row)
}
