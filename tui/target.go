package tui

import (
	"errors"
	"math"
	"strconv"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"socialmaturity/assess"
	"socialmaturity/messages"
	"socialmaturity/store"
)

// targetForm is the results screen's small form for a target: which part
// (the overall score, a pillar or a key action), then what score; an empty
// score clears the part's target.
type targetForm struct {
	parts   []targetPart
	cursor  int
	input   textinput.Model
	editing bool   // the score is being typed
	err     string // why the typed score was refused
}

// targetPart is a part a target can be set for.
type targetPart struct {
	kind   assess.RowKind
	id     string
	title  string
	score  assess.Score
	target *float64 // nil when none is set
}

// targetSavedMsg reports a stored (or cleared) target.
type targetSavedMsg struct{ err error }

// newTargetForm lists v's parts, overall first, then each pillar followed
// by its key actions, with their targets in t.
func newTargetForm(cat *messages.Catalog, v *assess.View, t assess.TargetSet) *targetForm {
	part := func(kind assess.RowKind, id, title string, s assess.Score) targetPart {
		p := targetPart{kind: kind, id: id, title: title, score: s}
		if v, ok := t.Of(id); ok {
			p.target = &v
		}
		return p
	}
	parts := []targetPart{part(assess.OverallRow, assess.OverallID, cat.T(messages.ResultOverall), v.Overall)}
	for _, p := range v.Pillars {
		parts = append(parts, part(assess.PillarRow, p.ID, p.Title, p.Score))
		for _, k := range p.KeyActions {
			parts = append(parts, part(assess.KeyActionRow, k.ID, k.Title, k.Score))
		}
	}
	return &targetForm{parts: parts, input: newInput(cat.T(messages.TUITargetPrompt))}
}

// errTargetRange refuses a typed score that is not one from 0 to 100.
var errTargetRange = errors.New("not a score from 0 to 100")

// parseTarget reads a typed target: nil for an empty one (clear it), a
// decimal comma taken as a point.
func parseTarget(s string) (*float64, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return nil, nil
	}
	v, err := strconv.ParseFloat(strings.Replace(s, ",", ".", 1), 64)
	if err != nil || math.IsNaN(v) || v < 0 || v > 100 {
		return nil, errTargetRange
	}
	return &v, nil
}

// targetKey handles a key while the target form is open: it moves, starts
// typing a score, stores it in a command, or closes the form.
func (r *results) targetKey(m tea.KeyPressMsg) tea.Cmd {
	f, k, cat := r.target, r.c.Keys, r.c.Cat
	if !f.editing {
		var moved bool
		if f.cursor, moved = moveCursor(k, m, f.cursor, len(f.parts)); moved {
			return nil
		}
		switch {
		case key.Matches(m, k.Submit):
			f.editing, f.err = true, ""
			f.input.SetValue("")
			if t := f.parts[f.cursor].target; t != nil {
				f.input.SetValue(strconv.FormatFloat(*t, 'f', -1, 64))
			}
			f.input.CursorEnd()
			return f.input.Focus()
		case key.Matches(m, k.Back):
			r.target = nil
		}
		return nil
	}
	switch {
	case key.Matches(m, k.Back):
		f.editing, f.err = false, ""
		f.input.Blur()
		return nil
	case key.Matches(m, k.Submit):
		v, err := parseTarget(f.input.Value())
		part := f.parts[f.cursor]
		switch {
		case err != nil:
			f.err = cat.T(messages.TUITargetInvalid)
			return nil
		case v == nil && part.target == nil: // nothing to clear
			r.target = nil
			return nil
		}
		r.target = nil
		r.status = []string{r.c.Styles.Subtle.Render(cat.T(messages.TUITargetSaving))}
		return saveTarget(r.c.Store, r.org.Name, part, v)
	}
	var cmd tea.Cmd
	f.input, cmd = f.input.Update(m)
	return cmd
}

// saveTarget stores the target v of part for the organization named org,
// or clears the part's target when v is nil, in a command.
func saveTarget(st Store, org string, part targetPart, v *float64) tea.Cmd {
	return func() tea.Msg {
		if v == nil {
			scope := store.TargetScope{Kind: store.TargetOverall, ID: part.id}
			switch part.kind {
			case assess.PillarRow:
				scope.Kind = store.TargetPillar
			case assess.KeyActionRow:
				scope.Kind = store.TargetKeyAction
			}
			return targetSavedMsg{err: st.ClearTarget(org, scope)}
		}
		var t assess.TargetSet
		switch part.kind {
		case assess.OverallRow:
			t.Overall = v
		case assess.PillarRow:
			t.Pillars = map[string]float64{part.id: *v}
		case assess.KeyActionRow:
			t.KeyActions = map[string]float64{part.id: *v}
		}
		return targetSavedMsg{err: st.SetTarget(org, t)}
	}
}

// targetSaved says whether the target was stored and, when it was, loads
// the organization's context again so the screen shows it.
func (r *results) targetSaved(msg targetSavedMsg) tea.Cmd {
	s, cat := r.c.Styles, r.c.Cat
	if msg.err != nil {
		r.status = wrap(s.Bad, cat.T(messages.TUITargetFailed, messages.SafeLine(msg.err.Error())), r.c.contentWidth())
		return nil
	}
	r.status = wrap(s.Good, cat.T(messages.TUITargetSaved), r.c.contentWidth())
	return loadContext(r.c.Store, r.assessment)
}

func (f *targetForm) help(k *KeyMap) bindings {
	if f.editing {
		return bindings{short: []key.Binding{k.SaveTarget, k.CancelNote}}
	}
	return bindings{short: []key.Binding{k.Up, k.Down, k.Submit, k.Back}, full: [][]key.Binding{{k.Up, k.Down, k.Submit, k.Back}}}
}

// targetView is the target form: what a target does, a row per part with its score and
// target, and, while a score is typed, its prompt.
func (r *results) targetView(height int) string {
	f, s, cat := r.target, r.c.Styles, r.c.Cat
	width := r.c.contentWidth()
	lines := wrap(s.Title, cat.T(messages.TUITargetTitle, messages.SafeLine(r.org.Name)), width)
	lines = append(lines, wrap(s.Subtle, cat.T(messages.TUITargetIntro), width)...)
	lines = append(lines, "")
	var below []string
	if f.editing {
		below = append(append(below, ""), wrap(s.Text, cat.T(messages.TUITargetFor, f.parts[f.cursor].title), width)...)
		below = append(below, f.input.View())
		if f.err != "" {
			below = append(below, wrap(s.Bad, f.err, width)...)
		}
	}
	scoreWidth := 6
	for _, p := range f.parts {
		scoreWidth = max(scoreWidth, messages.Width(scoreText(cat, p.score)))
	}
	targetWidth := messages.Width(cat.T(messages.TUITargetNone))
	targets := make([]string, len(f.parts))
	for i, p := range f.parts {
		targets[i] = cat.T(messages.TUITargetNone)
		if p.target != nil {
			targets[i] = cat.T(messages.TUITargetIs, cat.Score(*p.target))
		}
		targetWidth = max(targetWidth, messages.Width(targets[i]))
	}
	titleWidth := width - 2 - scoreWidth - targetWidth - 4
	head := len(lines)
	for i, p := range f.parts {
		indent, style := "", s.Heading
		if p.kind == assess.KeyActionRow {
			indent, style = "  ", s.Text
		}
		pointer := "  "
		if i == f.cursor {
			pointer, style = s.Cursor.Render("❯ "), s.Focused
		}
		lines = append(lines, pointer+indent+style.Render(pad(p.title, titleWidth-len(indent)))+"  "+
			s.Score.Render(padLeft(scoreText(cat, p.score), scoreWidth))+"  "+s.Subtle.Render(targets[i]))
	}
	rows := window(lines[head:], f.cursor, f.cursor, f.cursor, height-head-len(below))
	return strings.Join(append(append(lines[:head], rows...), below...), "\n")
}
