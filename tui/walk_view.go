package tui

import (
	"strconv"
	"strings"

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
	var body []string
	switch st.kind {
	case stepIntro:
		body = w.card(w.introView(st, width), avail)
	case stepFinish:
		body = w.card(w.finishView(width), avail)
	default:
		lines, start, end, cursor := w.pageView(st, width)
		body = window(lines, start, end, cursor, avail)
	}
	return strings.Join(append(append(head, body...), status...), "\n")
}

// card shows lines from the scroll position, with a hint when more lies
// below, and notes how far the card can scroll.
func (w *walk) card(lines []string, height int) []string {
	if height <= 0 {
		return nil
	}
	w.overflow = max(len(lines)-height+1, 0) // a line is kept for the hint
	if len(lines) <= height {
		w.overflow = 0
		return lines
	}
	w.scroll = min(w.scroll, w.overflow)
	shown := lines[w.scroll:min(w.scroll+height, len(lines))]
	if w.scroll < w.overflow {
		shown = append(shown[:height-1:height-1], w.c.Styles.Subtle.Render(w.c.Cat.T(messages.TUIScrollMore)))
	}
	return shown
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
	if answered+unsure > 0 {
		lines = append(lines, "")
		lines = append(lines, wrap(s.Heading, cat.T(messages.WalkFinishAction), width)...)
	}
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
		num := strconv.Itoa(w.number[q.ID]) + ". "
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

// option is the label ("0".."4", or "?") and text of an option row.
func (w *walk) option(q *questions.Question, row int) (label, text string) {
	if row == notSureRow {
		return "?", w.c.Cat.T(messages.WalkNotSure)
	}
	return strconv.Itoa(row), q.Option(row)
}
