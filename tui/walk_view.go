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
		body = w.pageView(st, width, avail)
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
			ask = cat.T(messages.WalkQuitAsk, c.text(cat))
			if w.c.Participant {
				ask = cat.T(messages.WalkQuitAskParticipant, c.text(cat))
			}
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
		body = append(body, wrap(s.Subtle, cat.T(messages.WalkTermKeyAction), inner)...)
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

// pageView renders a key action's questions in height lines: the focused
// one in full, the others as one line with their answer. Entering a page
// (on its first question) shows the key action's title, then its summary,
// what a key action is (on the first page) and its evidence, each while the
// question's prompt and options still fit below it (the pillar's card has
// the evidence all). When the focused question does not fit, its prompt is
// the first line, and the page scrolls as the cursor moves through the
// options; the hints below them come into view on the last option.
func (w *walk) pageView(st step, width, height int) []string {
	ka := w.c.Bank.Pillars[st.pillar].KeyActions[st.keyAction]
	top := w.pageTop(st, ka, width)
	qs, b := w.questionLines(ka, width)
	lines := make([]string, 0, len(top.title)+len(top.summary)+len(top.extra)+1+len(qs))
	lines = append(lines, top.title...)
	marker := 0 // the line saying more follows, when hints follow the options
	if b.end > b.options {
		marker = 1
	}
	if w.focus == 0 {
		need := b.options + 2 + marker // a blank line, the question to its options, the marker
		for _, part := range [][]string{top.summary, top.extra} {
			if len(lines)+len(part)+need > height {
				break
			}
			lines = append(lines, part...)
		}
	} else {
		lines = append(lines, top.summary...)
	}
	lines = append(lines, "")
	b = b.shift(len(lines))
	lines = append(lines, qs...)
	first := b.start
	switch {
	case w.focus == 0 && b.options+marker < height:
		first = 0
	case w.focus > 0 && b.end-b.start < height:
		first = max(b.end-height+1, 0)
	}
	shown, more := scrollTo(lines, first, b, height)
	if more {
		shown = append(shown, w.c.Styles.Subtle.Render(w.c.Cat.T(messages.TUIScrollMore)))
	}
	return shown
}

// pageTop is a page's title, summary and, on the first question, the term
// and evidence, wrapped (and kept: they change only with the size).
func (w *walk) pageTop(st step, ka questions.KeyAction, width int) pageTop {
	s, cat := w.c.Styles, w.c.Cat
	ck := extraKey{w.at, width, s}
	top, ok := w.extraCache[ck]
	if !ok {
		top.title = wrap(s.Heading, ka.Title, width)
		top.summary = wrap(s.Subtle, ka.Summary, width)
		if w.at == w.firstPage() {
			top.extra = wrap(s.Subtle, cat.T(messages.WalkTermKeyAction), width)
		}
		top.extra = append(top.extra, evidenceLines(cat, s.Subtle, w.evidence[st.pillar][st.keyAction], width)...)
		w.extraCache[ck] = top
	}
	return top
}

// focusBlock is where the focused question lies among a page's lines.
type focusBlock struct {
	start   int // the prompt's first line
	options int // the last option's last line
	end     int // the last line: hints and note included
	// top and bottom are the lines to keep in view: the option under the
	// cursor (with the hints below it on the last option), the note being
	// written, or a note just saved.
	top, bottom int
}

// shift moves the block n lines down.
func (b focusBlock) shift(n int) focusBlock {
	return focusBlock{b.start + n, b.options + n, b.end + n, b.top + n, b.bottom + n}
}

// scrollTo returns height lines of lines from first, moved just enough to
// show b's top to bottom (the top when they do not fit together); while
// the focused question goes on below, one line fewer, and more is true:
// the last line is to say so.
func scrollTo(lines []string, first int, b focusBlock, height int) (shown []string, more bool) {
	if height <= 0 {
		return nil, false
	}
	if len(lines) <= height {
		return lines, false
	}
	at := func(h int) int {
		t := first
		if b.bottom >= t+h {
			t = b.bottom - h + 1
		}
		t = min(t, b.top)
		return min(max(t, 0), len(lines)-h)
	}
	t := at(height)
	if t+height > b.end || height < 2 {
		return lines[t : t+height], false
	}
	t = at(height - 1)
	return lines[t : t+height-1], true
}

// questionLines renders the page's questions: the focused one as its
// prompt, its options, its note, then its hints (how to judge it, who
// would know); the others as a line each. It says where the focused one
// lies.
func (w *walk) questionLines(ka questions.KeyAction, width int) (lines []string, b focusBlock) {
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
		b.start = len(lines)
		lines = append(lines, hang("▸ "+num, s.Focused, q.Prompt, width)...)
		indent := strings.Repeat(" ", 2+len(num))
		last := lastRow(&q)
		for row := 0; row <= last; row++ {
			first := len(lines)
			pointer := "  "
			if row == w.cursor[q.ID] {
				pointer = s.Cursor.Render("❯ ")
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
			if row == w.cursor[q.ID] {
				b.top, b.bottom = first, len(lines)-1
			}
		}
		b.options = len(lines) - 1
		note := len(lines)
		if w.editing {
			lines = append(lines, indent+w.note.View())
		} else if text := w.draft.Notes[q.ID]; text != "" {
			lines = append(lines, hang(indent, s.Subtle, cat.T(messages.WalkNote, messages.SafeLine(text)), width)...)
		}
		noteEnd := len(lines) - 1
		if q.Help != "" {
			lines = append(lines, hang(indent, s.Subtle, q.Help, width)...)
		}
		if answered && a.Unsure && q.WhoKnows != "" {
			lines = append(lines, hang(indent, s.Subtle, cat.T(messages.WalkWhoKnows, messages.SafeLine(q.WhoKnows)), width)...)
		}
		b.end = len(lines) - 1
		switch {
		case (w.editing || w.noteSaved) && noteEnd >= note:
			b.top, b.bottom = note, noteEnd
		case w.cursor[q.ID] == last:
			b.bottom = b.end
		}
		lines = append(lines, "")
	}
	return lines, b
}

// option is the label ("0".."4", "?" or "x") and text of an option row,
// as the focused question lists it.
func (w *walk) option(q *questions.Question, row int) (label, text string) {
	cat := w.c.Cat
	switch {
	case row == notSureRow:
		return "?", cat.T(messages.WalkNotSureRow)
	case row == naRow && q.NotApplicable != "":
		return naLabel, cat.T(messages.WalkNARow, q.NotApplicable)
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
		return naLabel, w.c.Cat.T(messages.WalkNA)
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
