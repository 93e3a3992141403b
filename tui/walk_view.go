package tui

import (
	"strconv"
	"strings"

	"charm.land/lipgloss/v2"

	"socialmaturity/assess"
	"socialmaturity/messages"
	"socialmaturity/questions"
)

// View renders the current step within the common size (height is what is
// left above the footer).
func (w *walk) View(height int) string {
	st := w.current()
	width := w.c.contentWidth()
	head := w.header(st, width)
	status := w.statusLines(width)
	avail := height - len(head) - len(status)
	more := w.c.Styles.Subtle.Render(w.c.Cat.T(messages.TUIScrollMore))
	var body []string
	switch {
	case w.glossary != nil:
		body = w.glossary.view(width, avail)
	case st.kind == stepScope:
		body = w.card.show(w.scopeView(width), avail, more)
	case st.kind == stepIntro:
		body = w.card.show(w.introView(st, width), avail, more)
	case st.kind == stepFinish:
		body = w.card.show(w.finishView(width), avail, more)
	default:
		lines, start, end, cursor := w.pageView(st, width, avail)
		body = window(lines, start, end, cursor, avail)
	}
	return strings.Join(append(append(head, body...), status...), "\n")
}

// statusLines says what became of the latest change: ✓ only once it is
// committed.
func (w *walk) statusLines(width int) []string {
	s, cat := w.c.Styles, w.c.Cat
	var lines []string
	if w.notice != "" {
		lines = wrap(s.Bad, w.notice, width)
	}
	switch {
	case w.asking:
		ask := cat.T(messages.WalkQuitAskEmpty)
		if c := w.counts(); c.given() > 0 {
			ask = cat.T(messages.WalkQuitAsk, c.given(), c.total)
		}
		return append(lines, wrap(s.Heading, ask, width)...)
	case w.hint != "":
		lines = append(lines, wrap(s.Subtle, w.hint, width)...)
	}
	switch {
	case w.completing:
		return append(lines, wrap(s.Subtle, cat.T(messages.TUIWalkCompleting), width)...)
	case w.queued == 0:
		return lines
	case w.committed >= w.queued:
		return append(lines, wrap(s.Good, cat.T(messages.WalkSaved), width)...)
	case w.saveErr != nil:
		return append(lines, wrap(s.Bad, cat.T(messages.WalkSaveFailed, w.saveErr), width)...)
	}
	return append(lines, wrap(s.Subtle, cat.T(messages.TUIWalkSaving), width)...)
}

func (w *walk) header(st step, width int) []string {
	s, cat, bank := w.c.Styles, w.c.Cat, w.c.Bank
	crumb := cat.T(messages.AppName)
	if st.kind == stepIntro || st.kind == stepPage {
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
	if st.kind == stepScope {
		n = 1
	}
	c := w.counts()
	barWidth := max(min(width/3, 30), 10)
	filled := c.given() * barWidth / max(total, 1)
	bar := s.BarFull.Render(strings.Repeat("█", filled)) + s.BarEmpty.Render(strings.Repeat("░", barWidth-filled))
	return []string{
		s.Subtle.Render(pad(crumb, width)),
		bar + " " + s.Text.Render(cat.T(messages.WalkProgress, n, total, c.answered)),
		"",
	}
}

// scopeView is the card before the first pillar: whom and what period to
// answer for, and what "not sure" and "does not apply" mean.
func (w *walk) scopeView(width int) []string {
	s, cat, bank := w.c.Styles, w.c.Cat, w.c.Bank
	inner := width - s.Card.GetHorizontalFrameSize()
	body := wrap(s.Title, cat.T(messages.WalkScopeTitle), inner)
	body = append(body, "")
	body = append(body, wrap(s.Heading, cat.T(messages.WalkScopeUnit, messages.SafeLine(w.draft.Org)), inner)...)
	body = append(body, wrap(s.Text, cat.T(messages.WalkScopeSize, bank.QuestionCount(), len(bank.Pillars)), inner)...)
	if bank.Scope != "" {
		body = append(body, "")
		body = append(body, wrap(s.Text, messages.SafeLine(bank.Scope), inner)...)
	}
	body = append(body, "")
	body = append(body, hang("• ", s.Text, cat.T(messages.WalkTermNotSure), inner)...)
	if mayNotApply(bank) {
		body = append(body, hang("• ", s.Text, cat.T(messages.WalkTermNA), inner)...)
	}
	if len(bank.Glossary) > 0 {
		body = append(body, hang("• ", s.Text, cat.T(messages.WalkScopeGlossary), inner)...)
	}
	body = append(body, "", s.Heading.Render(cat.T(messages.WalkIntroStart)))
	return strings.Split(s.Card.Width(width).Render(strings.Join(body, "\n")), "\n")
}

// mayNotApply reports whether any question of b offers "does not apply".
func mayNotApply(b *questions.Bank) bool {
	for _, q := range b.AllQuestions() {
		if q.MayNotApply {
			return true
		}
	}
	return false
}

// bankEvidence resolves the facts and cases of each pillar's intro and of
// each key action (by pillar, then key action), as a result's view
// resolves them, with their sources.
func bankEvidence(b *questions.Bank) (intro [][]assess.Evidence, evidence [][][]assess.Evidence) {
	r := assess.Evaluate(b, nil, assess.Targets{})
	v := assess.NewView(b, &assess.Assessment{Result: &r}, nil)
	for _, p := range v.Pillars {
		intro = append(intro, p.Intro)
		var kas [][]assess.Evidence
		for _, k := range p.KeyActions {
			kas = append(kas, k.Evidence)
		}
		evidence = append(evidence, kas)
	}
	return intro, evidence
}

// evidenceLines are evidence items as bullets in style.
func evidenceLines(cat *messages.Catalog, style lipgloss.Style, items []assess.Evidence, width int) []string {
	var lines []string
	for _, e := range items {
		lines = append(lines, hang("• ", style, messages.SafeLine(evidenceCited(cat, e)), width)...)
	}
	return lines
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
	if st.pillar == 0 {
		body = append(body, "")
		body = append(body, wrap(s.Subtle, cat.T(messages.WalkTermPillar, len(bank.Pillars)), inner)...)
	}
	facts := evidenceLines(cat, s.Figure, w.intro[st.pillar], inner)
	for _, f := range p.Facts { // a version 1 bank's facts, as text
		facts = append(facts, hang("• ", s.Figure, messages.SafeLine(f), inner)...)
	}
	for k, ka := range p.KeyActions { // every key action's evidence too, readable at any size
		if ev := w.evidence[st.pillar][k]; len(ev) > 0 {
			facts = append(append(facts, ""), wrap(s.Heading, ka.Title, inner)...)
			facts = append(facts, evidenceLines(cat, s.Text, ev, inner)...)
		}
	}
	if len(facts) > 0 {
		body = append(body, "")
		body = append(body, facts...)
		if bank.Credit != "" {
			body = append(body, wrap(s.Subtle, messages.SafeLine(bank.Credit), inner)...)
		}
	}
	body = append(body, "", s.Heading.Render(cat.T(messages.WalkIntroStart)))
	return strings.Split(s.Card.Width(width).Render(strings.Join(body, "\n")), "\n")
}

func (w *walk) finishView(width int) []string {
	s, cat := w.c.Styles, w.c.Cat
	c := w.counts()
	lines := []string{s.Title.Render(cat.T(messages.WalkFinishTitle)), ""}
	lines = append(lines, wrap(s.Text, cat.T(messages.WalkFinishBody, c.total, c.answered, c.unsure, c.notApplicable, c.missing), width)...)
	if c.missing > 0 {
		lines = append(lines, "")
		lines = append(lines, wrap(s.Subtle, cat.T(messages.WalkFinishMissing, c.missing), width)...)
	}
	if len(w.draft.Answers) > 0 {
		lines = append(lines, "")
		lines = append(lines, wrap(s.Heading, cat.T(messages.WalkFinishAction), width)...)
	}
	return lines
}

// pageView renders a key action's questions: the focused one in full, the
// others as one line with their answer. Above them, on the first question,
// what a key action is (on the first page) and the key action's evidence,
// when they fit in height with the question (the pillar's card has them
// all). It returns the lines where the focused question starts and ends and
// the cursor's line.
func (w *walk) pageView(st step, width, height int) (lines []string, start, end, cursor int) {
	s, cat := w.c.Styles, w.c.Cat
	ka := w.c.Bank.Pillars[st.pillar].KeyActions[st.keyAction]
	ck := extraKey{w.at, width, s}
	cached, ok := w.extraCache[ck]
	if !ok {
		cached.head = wrap(s.Heading, ka.Title, width)
		cached.head = append(cached.head, wrap(s.Subtle, ka.Summary, width)...)
		if w.at == w.firstPage() {
			cached.extra = wrap(s.Subtle, cat.T(messages.WalkTermKeyAction), width)
		}
		cached.extra = append(cached.extra, evidenceLines(cat, s.Subtle, w.evidence[st.pillar][st.keyAction], width)...)
		w.extraCache[ck] = cached
	}
	lines = append(lines, cached.head...)
	var extra []string
	if w.focus == 0 {
		extra = cached.extra
	}
	head := len(lines) + 1
	qs, start, end, cursor := w.questionLines(ka, width)
	if len(extra) > 0 && head+len(extra)+end < height {
		lines = append(lines, extra...)
		head += len(extra)
	}
	lines = append(append(lines, ""), qs...)
	if w.focus == 0 {
		start = -head // with the heading above it
	}
	return lines, start + head, end + head, cursor + head
}

// questionLines renders the page's questions, with where the focused one
// starts and ends and the cursor's line.
func (w *walk) questionLines(ka questions.KeyAction, width int) (lines []string, start, end, cursor int) {
	s, cat := w.c.Styles, w.c.Cat
	for qi, q := range ka.Questions {
		num := strconv.Itoa(w.number[q.ID]) + ". "
		a, answered := w.draft.Answers[q.ID]
		if qi != w.focus {
			summary := cat.T(messages.WalkUnanswered)
			if answered {
				label, text := w.choice(&q, rowOf(a))
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
		for row := 0; row <= lastRow(&q); row++ {
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
			ck := optionKey{q.ID, row, textWidth, chosen, s}
			wrapped, cached := w.optionCache[ck]
			if !cached {
				wrapped = wrap(style, text, textWidth)
				w.optionCache[ck] = wrapped
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
		if answered && a.Unsure && q.WhoKnows != "" {
			lines = append(lines, hang(indent, s.Subtle, cat.T(messages.WalkWhoKnows, messages.SafeLine(q.WhoKnows)), width)...)
		}
		if w.editing {
			lines = append(lines, indent+w.note.View())
			cursor = len(lines) - 1
		} else if note := w.draft.Notes[q.ID]; note != "" {
			lines = append(lines, hang(indent, s.Subtle, cat.T(messages.WalkNote, messages.SafeLine(note)), width)...)
		}
		end = len(lines) - 1
		lines = append(lines, "")
	}
	return lines, start, end, cursor
}

// option is the label ("0".."4", "?" or "x") and text of an option row,
// as the focused question lists it.
func (w *walk) option(q *questions.Question, row int) (label, text string) {
	cat := w.c.Cat
	switch {
	case row == notSureRow:
		return "?", cat.T(messages.WalkNotSureRow)
	case row == naRow && q.NotApplicable != "":
		return "x", cat.T(messages.WalkNARow, q.NotApplicable)
	}
	return w.choice(q, row)
}

// choice is the label and short text of an answer, as a line of the page
// sums it up.
func (w *walk) choice(q *questions.Question, row int) (label, text string) {
	switch row {
	case notSureRow:
		return "?", w.c.Cat.T(messages.WalkNotSure)
	case naRow:
		return "x", w.c.Cat.T(messages.WalkNA)
	}
	return strconv.Itoa(row), q.Option(row)
}

// firstPage is the step of the first key action's page.
func (w *walk) firstPage() int {
	for i, st := range w.steps {
		if st.kind == stepPage {
			return i
		}
	}
	return -1
}
