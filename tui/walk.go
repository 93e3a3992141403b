package tui

import (
	"errors"
	"maps"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"socialmaturity/assess"
	"socialmaturity/messages"
	"socialmaturity/questions"
	"socialmaturity/store"
)

// The option rows after the five levels: "not sure", then "does not
// apply" on a question that may not apply.
const (
	notSureRow = questions.Levels
	naRow      = notSureRow + 1
)

// naLabel labels "does not apply" on the page, and is how accessible mode
// takes it (the walk's key is x too).
const naLabel = "x"

type stepKind int

const (
	stepScope  stepKind = iota // what to answer for, and the terms
	stepIntro                  // a pillar's intro card
	stepPage                   // a key action's questions
	stepFinish                 // the last page: score and save
)

type step struct {
	kind      stepKind
	pillar    int
	keyAction int
}

// walk is the assessment itself: a scope card, pillar intros, one page per
// key action, and a finish page. Every answer and note goes to the draft at once and
// is saved in the background; the status line says ✓ only once the latest
// change is committed.
type walk struct {
	c      *Common
	draft  *assess.Assessment
	saver  *saver
	steps  []step
	at     int            // current step
	focus  int            // focused question on a page
	cursor map[string]int // option row under the cursor, per question
	number map[string]int // 1-based position of each question in the bank

	note      textinput.Model
	editing   bool
	noteSaved bool // the note was saved by the last key: it is kept in view until the next

	queued     int   // number of the latest save queued
	committed  int   // number of the latest save committed under the draft's id
	resultSeq  int   // number of the latest save whose outcome is known
	saveErr    error // that outcome
	completing bool  // the draft is being scored and stored
	notice     string

	hint     string    // what choosing "not sure" means, and who would know
	asking   bool      // q was pressed once: the next q or y leaves
	glossary *glossary // open over the page, or nil

	card scroller // of a card taller than the screen

	// intro and evidence are the facts and cases of each pillar's card and
	// each key action's page (by pillar, then key action index).
	intro    [][]assess.Evidence
	evidence [][][]assess.Evidence

	optionCache map[optionKey][]string // wrapped, styled option texts
	extraCache  map[extraKey]pageTop   // a page's heading, term and evidence, wrapped
}

// pageTop is what a key action's page shows above its questions: the
// title, the summary, and the term and evidence shown when they fit.
type pageTop struct{ title, summary, extra []string }

// extraKey identifies one rendering of a page's top.
type extraKey struct {
	step   int
	width  int
	styles *Styles
}

// optionKey identifies one rendering of an option's text.
type optionKey struct {
	question string
	row      int
	width    int
	chosen   bool
	styles   *Styles
}

// Messages of the walk's commands.
type (
	// completedMsg carries a stored result and the organization's previous
	// one; the root shows them.
	completedMsg struct{ done, previous *assess.Assessment }
	// completeFailedMsg says why the draft with id could not be completed.
	completeFailedMsg struct {
		id  string
		err error
	}
)

func newWalk(c *Common, draft *assess.Assessment, sv *saver) *walk {
	w := &walk{c: c, draft: draft, saver: sv, cursor: map[string]int{}, number: map[string]int{}, optionCache: map[optionKey][]string{}, extraCache: map[extraKey]pageTop{}}
	if w.draft.Answers == nil {
		w.draft.Answers = assess.Answers{}
	}
	w.intro, w.evidence = bankEvidence(c.Bank)
	w.steps = append(w.steps, step{kind: stepScope})
	n := 0
	for p, pillar := range c.Bank.Pillars {
		w.steps = append(w.steps, step{kind: stepIntro, pillar: p})
		for k, ka := range pillar.KeyActions {
			w.steps = append(w.steps, step{kind: stepPage, pillar: p, keyAction: k})
			for _, q := range ka.Questions {
				n++
				w.number[q.ID] = n
				if a, found := draft.Answers[q.ID]; found {
					w.cursor[q.ID] = rowOf(a)
				}
			}
		}
	}
	w.steps = append(w.steps, step{kind: stepFinish})
	w.note = newInput(c.Cat.T(messages.WalkNotePrompt))
	w.note.CharLimit = 500
	w.resumeAtFirstUnanswered()
	return w
}

// questionNumber is the 1-based position of question id in b, as the
// walk numbers questions; 0 when b lacks it.
func questionNumber(b *questions.Bank, id string) int {
	for i, q := range b.AllQuestions() {
		if q.ID == id {
			return i + 1
		}
	}
	return 0
}

func rowOf(a assess.Answer) int {
	switch {
	case a.Unsure:
		return notSureRow
	case a.NA:
		return naRow
	}
	return a.Level
}

// lastRow is q's last option row.
func lastRow(q *questions.Question) int {
	if q.MayNotApply {
		return naRow
	}
	return notSureRow
}

// resumeAtFirstUnanswered puts the walk on the first question without an
// answer (the scope card for a new draft, the finish page for a full one).
func (w *walk) resumeAtFirstUnanswered() {
	if len(w.draft.Answers) == 0 {
		return
	}
	for i, st := range w.steps {
		if st.kind != stepPage {
			continue
		}
		for qi, q := range w.questions(st) {
			if _, found := w.draft.Answers[q.ID]; !found {
				w.at, w.focus = i, qi
				return
			}
		}
	}
	w.at = len(w.steps) - 1
}

func (w *walk) Init() tea.Cmd { return nil }

func (w *walk) SetSize(int, int) {}

func (w *walk) questions(st step) []questions.Question {
	return w.c.Bank.Pillars[st.pillar].KeyActions[st.keyAction].Questions
}

func (w *walk) current() step { return w.steps[w.at] }

func (w *walk) focused() *questions.Question {
	qs := w.questions(w.current())
	return &qs[w.focus]
}

func (w *walk) capturing() bool { return w.editing }

// leave returns a copy of the draft when it holds answers or notes, and
// whether all of them are committed.
func (w *walk) leave() (*assess.Assessment, bool) {
	if len(w.draft.Answers)+len(w.draft.Notes) == 0 {
		return nil, true
	}
	return w.snapshot(), w.committed >= w.queued
}

// handlesQuit tells the root that the walk asks before leaving on q.
func (w *walk) handlesQuit() bool { return true }

func (w *walk) help() bindings {
	k := w.c.Keys
	switch {
	case w.asking:
		return bindings{short: []key.Binding{k.Leave, k.Stay}, full: [][]key.Binding{{k.Leave, k.Stay}}}
	case w.editing:
		return bindings{short: []key.Binding{k.SaveNote, k.CancelNote}, full: [][]key.Binding{{k.SaveNote, k.CancelNote}}}
	case w.glossary != nil:
		return w.glossary.help()
	case w.current().kind == stepPage:
		answer := []key.Binding{k.Level, k.NotSure}
		if w.focused().MayNotApply {
			answer = append(answer, k.NotApply)
		}
		answer = append(answer, k.Note)
		return bindings{
			short: append(append([]key.Binding{k.Up, k.Down, k.Select}, answer...), k.NextPage, k.PrevPage, k.Glossary, k.Quit, k.Help),
			full:  [][]key.Binding{{k.Up, k.Down, k.Select}, answer, {k.NextQuestion, k.PrevQuestion, k.NextPage, k.PrevPage}, {k.Glossary, k.Quit, k.Help}},
		}
	default:
		return bindings{
			short: []key.Binding{k.Continue, k.NextPage, k.PrevPage, k.Glossary, k.Quit, k.Help},
			full:  [][]key.Binding{{k.Continue, k.NextPage, k.PrevPage, k.Scroll}, {k.Glossary, k.Quit, k.Help}},
		}
	}
}

// move goes to step i, focusing its first (or, going back, last) question.
func (w *walk) move(i int, fromEnd bool) {
	w.at = min(max(i, 0), len(w.steps)-1)
	w.focus, w.card = 0, scroller{}
	if st := w.current(); st.kind == stepPage && fromEnd {
		w.focus = len(w.questions(st)) - 1
	}
}

func (w *walk) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case savedMsg:
		return w.saved(msg)
	case completeFailedMsg:
		w.completing = false
		var done *store.CompletedError
		if errors.As(msg.err, &done) && msg.id == w.draft.ID {
			return w.reissue()
		}
		return func() tea.Msg { return errMsg{msg.err} }
	case tea.KeyPressMsg:
		if w.completing {
			return nil
		}
		if w.editing {
			return w.updateNote(msg)
		}
		return w.key(msg)
	default:
		if w.editing {
			var cmd tea.Cmd
			w.note, cmd = w.note.Update(msg)
			return cmd
		}
	}
	return nil
}

// saved takes in the outcome of a save.
func (w *walk) saved(msg savedMsg) tea.Cmd {
	if msg.seq > w.resultSeq {
		w.resultSeq, w.saveErr = msg.seq, msg.err
	}
	if msg.err == nil && msg.id == w.draft.ID {
		w.committed = max(w.committed, msg.seq)
	}
	var done *store.CompletedError
	if errors.As(msg.err, &done) && msg.id == w.draft.ID {
		return w.reissue()
	}
	return nil
}

// reissue keeps the answers on screen as a new draft when their draft was
// completed in another window, so nothing is lost and nothing overwritten.
func (w *walk) reissue() tea.Cmd {
	w.draft.ID = store.NewID(w.c.Now())
	w.notice = w.c.Cat.T(messages.AccessibleElsewhere)
	return w.persist()
}

// key handles a key outside a note: leaving once asked, the glossary,
// then the current step's keys.
func (w *walk) key(msg tea.KeyPressMsg) tea.Cmd {
	k := w.c.Keys
	w.noteSaved = false
	switch {
	case w.asking:
		w.asking = false
		if key.Matches(msg, k.Leave) {
			return func() tea.Msg { return quitMsg{} }
		}
		return nil
	case key.Matches(msg, k.Quit):
		w.asking = true
		return nil
	case w.glossary != nil:
		if !w.glossary.update(msg) {
			w.glossary = nil
		}
		return nil
	case key.Matches(msg, k.Glossary):
		w.glossary = &glossary{c: w.c}
		return nil
	}
	switch w.current().kind {
	case stepPage:
		return w.updatePage(msg)
	case stepFinish:
		return w.updateFinish(msg)
	}
	w.updateCard(msg)
	return nil
}

// updateCard handles the scope and pillar cards: the arrows scroll a card
// taller than the screen, then move on.
func (w *walk) updateCard(msg tea.KeyPressMsg) {
	k := w.c.Keys
	switch {
	case key.Matches(msg, k.Down) && w.card.by(1):
	case key.Matches(msg, k.Up) && w.card.by(-1):
	case key.Matches(msg, k.Continue, k.NextPage, k.Down, k.NextQuestion):
		w.move(w.at+1, false)
	case key.Matches(msg, k.PrevPage, k.Up, k.PrevQuestion):
		w.move(w.at-1, true)
	}
}

func (w *walk) updateFinish(msg tea.KeyPressMsg) tea.Cmd {
	k := w.c.Keys
	switch {
	case key.Matches(msg, k.Down) && w.card.by(1):
	case key.Matches(msg, k.Up) && w.card.by(-1):
	case key.Matches(msg, k.Continue) && len(w.draft.Answers) > 0:
		w.completing, w.notice = true, ""
		return w.complete(w.snapshot())
	case key.Matches(msg, k.PrevPage, k.Up, k.PrevQuestion):
		w.move(w.at-1, true)
	}
	return nil
}

// complete stores the draft as it is on screen as a completed assessment,
// once the saves queued before it are done.
func (w *walk) complete(d *assess.Assessment) tea.Cmd {
	sv, st, bank := w.saver, w.c.Store, w.c.Bank
	return func() tea.Msg {
		sv.flush()
		cs, err := st.Complete(bank, []*assess.Assessment{d})
		if err != nil {
			return completeFailedMsg{id: d.ID, err: err}
		}
		return completedMsg{done: cs[0].Done, previous: cs[0].Previous}
	}
}

func (w *walk) updatePage(msg tea.KeyPressMsg) tea.Cmd {
	k := w.c.Keys
	q := w.focused()
	w.hint = ""
	switch {
	case key.Matches(msg, k.Up):
		w.cursor[q.ID] = max(w.cursor[q.ID]-1, 0)
	case key.Matches(msg, k.Down):
		w.cursor[q.ID] = min(w.cursor[q.ID]+1, lastRow(q))
	case key.Matches(msg, k.Select):
		return w.answer(q, w.cursor[q.ID])
	case key.Matches(msg, k.Level):
		return w.answer(q, int(msg.Code-'0'))
	case key.Matches(msg, k.NotSure):
		return w.answer(q, notSureRow)
	case key.Matches(msg, k.NotApply) && q.MayNotApply:
		return w.answer(q, naRow)
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
		w.note.SetWidth(max(w.c.contentWidth()-messages.Width(w.note.Prompt)-6, 10))
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

// answer records the option in row for q, saves it, and moves on; "not
// sure" says what it means and who would know.
func (w *walk) answer(q *questions.Question, row int) tea.Cmd {
	a := assess.AtLevel(row)
	switch row {
	case notSureRow:
		a = assess.NotSure
		if q.WhoKnows != "" {
			w.hint = w.c.Cat.T(messages.WalkMarkedNotSure, messages.SafeLine(q.WhoKnows))
		}
	case naRow:
		a = assess.DoesNotApply
	}
	w.cursor[q.ID] = row
	w.draft.Answers[q.ID] = a
	w.notice = ""
	w.nextQuestion()
	return w.persist()
}

// snapshot is a copy of the draft that later changes on screen leave alone.
func (w *walk) snapshot() *assess.Assessment {
	s := *w.draft
	s.Answers = maps.Clone(w.draft.Answers)
	s.Notes = maps.Clone(w.draft.Notes)
	return &s
}

// persist saves the draft as it is on screen: every answer and note, so
// that a save that failed (the database busy, say) is made good by the next.
func (w *walk) persist() tea.Cmd {
	w.queued++
	return w.saver.save(w.snapshot(), w.queued)
}

func (w *walk) updateNote(msg tea.KeyPressMsg) tea.Cmd {
	k := w.c.Keys
	switch {
	case key.Matches(msg, k.Submit):
		w.editing, w.noteSaved = false, true
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

// counts is how the bank's questions stand in the draft.
type counts struct {
	answered, unsure, notApplicable, missing, total int
}

// given is how many questions have any answer.
func (c counts) given() int { return c.answered + c.unsure + c.notApplicable }

func (w *walk) counts() counts { return countsOf(w.c.Bank, w.draft.Answers) }

// countsOf is how b's questions stand in answers (answers to questions b
// lacks left out).
func countsOf(b *questions.Bank, answers assess.Answers) counts {
	c := counts{total: b.QuestionCount()}
	for id, a := range answers {
		if _, ok := b.Question(id); !ok {
			continue
		}
		switch {
		case a.Unsure:
			c.unsure++
		case a.NA:
			c.notApplicable++
		default:
			c.answered++
		}
	}
	c.missing = c.total - c.given()
	return c
}

// text is the counts in words, as the progress line and the finish page
// count: "8 answered, 1 not sure, of 29" (not sure and does not apply
// only when there are some).
func (c counts) text(cat *messages.Catalog) string {
	parts := []string{cat.T(messages.TUICountAnswered, c.answered)}
	if c.unsure > 0 {
		parts = append(parts, cat.T(messages.TUICountUnsure, c.unsure))
	}
	if c.notApplicable > 0 {
		parts = append(parts, cat.T(messages.TUICountNA, c.notApplicable))
	}
	return cat.T(messages.TUICountOf, strings.Join(parts, ", "), c.total)
}

// countsText is a draft's counts in words against bank b.
func countsText(cat *messages.Catalog, b *questions.Bank, d *assess.Assessment) string {
	return countsOf(b, d.Answers).text(cat)
}
