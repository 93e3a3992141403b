package tui

import (
	"strconv"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/viewport"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"socialmaturity/assess"
	"socialmaturity/messages"
)

// topRecommendations is how many recommendations make "the next 90 days".
const topRecommendations = 3

// Export formats, as the Exporter takes them.
const (
	formatHTML     = "html"
	formatMarkdown = "md"
	formatCSV      = "csv"
	formatJSON     = "json"
)

// results shows one scored assessment: overall and stage, a bar per pillar
// and key action, coverage, the next 90 days, and the change since the
// organization's previous assessment.
type results struct {
	c                    *Common
	assessment, previous *assess.Assessment
	view                 *assess.View
	all                  bool
	vp                   viewport.Model
	width                int
	choosing             bool   // waiting for an export format
	status               string // what the last export did
}

// Messages of the results screen's commands.
type (
	openedMsg   struct{ a, previous *assess.Assessment }
	exportedMsg struct {
		path string
		err  error
	}
)

func newResults(c *Common, a, previous *assess.Assessment) *results {
	return &results{c: c, assessment: a, previous: previous, view: assess.NewView(c.Bank, a, previous), vp: viewport.New()}
}

// openResults loads a stored assessment with the organization's previous
// one, for the root to show.
func openResults(st Store, id string) tea.Cmd {
	return func() tea.Msg {
		a, previous, err := st.GetWithPrevious(id)
		if err != nil {
			return errMsg{err}
		}
		return openedMsg{a: a, previous: previous}
	}
}

func (r *results) Init() tea.Cmd { return nil }

func (r *results) SetSize(int, int) { r.width = 0 }

func (r *results) help() bindings {
	k := r.c.Keys
	short := []key.Binding{k.Scroll, k.AllRecs, k.History, k.Home, k.Quit, k.Help}
	actions := []key.Binding{k.AllRecs, k.History, k.Home}
	if r.c.Export != nil {
		short = []key.Binding{k.Scroll, k.AllRecs, k.Export, k.History, k.Home, k.Quit, k.Help}
		actions = append(actions, k.Export)
	}
	return bindings{short: short, full: [][]key.Binding{{k.Scroll}, actions, {k.Quit, k.Help}}}
}

func (r *results) capturing() bool { return r.choosing }

// export handles the key after e: a format's key writes the file in a
// command.
func (r *results) export(m tea.KeyPressMsg) tea.Cmd {
	r.choosing = false
	k := r.c.Keys
	formats := []struct {
		binding key.Binding
		format  string
	}{{k.ExportHTML, formatHTML}, {k.ExportMD, formatMarkdown}, {k.ExportCSV, formatCSV}, {k.ExportJSON, formatJSON}}
	for _, f := range formats {
		if key.Matches(m, f.binding) {
			r.status = r.c.Styles.Subtle.Render(r.c.Cat.T(messages.TUIExporting))
			export, a, previous, format := r.c.Export, r.assessment, r.previous, f.format
			return func() tea.Msg {
				path, err := export(a, previous, format)
				return exportedMsg{path: path, err: err}
			}
		}
	}
	r.status = ""
	return nil
}

func (r *results) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case exportedMsg:
		if msg.err != nil {
			r.status = r.c.Styles.Bad.Render(messages.SafeLine(msg.err.Error()))
		} else {
			r.status = r.c.Styles.Good.Render(r.c.Cat.T(messages.ExportWrote, messages.SafeLine(msg.path)))
		}
		return nil
	case tea.KeyPressMsg:
		k := r.c.Keys
		if r.choosing {
			return r.export(msg)
		}
		switch {
		case key.Matches(msg, k.Export) && r.c.Export != nil:
			r.choosing = true
			r.status = r.c.Styles.Heading.Render(r.c.Cat.T(messages.ExportPrompt))
			return nil
		case key.Matches(msg, k.AllRecs):
			r.all = !r.all
			r.width = 0 // re-render
			return nil
		case key.Matches(msg, k.History):
			return func() tea.Msg { return goHistoryMsg{} }
		case key.Matches(msg, k.Home):
			return func() tea.Msg { return goHomeMsg{} }
		}
	}
	var cmd tea.Cmd
	r.vp, cmd = r.vp.Update(msg)
	return cmd
}

func (r *results) View(height int) string {
	width := r.c.contentWidth()
	if r.status != "" {
		height--
	}
	if r.width != width || r.vp.Height() != height {
		r.width = width
		r.vp.SetWidth(r.c.Width)
		r.vp.SetHeight(height)
		r.vp.SetContent(strings.Join(r.render(width), "\n"))
	}
	if r.status != "" {
		return r.vp.View() + "\n" + r.status
	}
	return r.vp.View()
}

// render lays out the whole result; the viewport scrolls it.
func (r *results) render(width int) []string {
	lines := r.summary(width)
	lines = append(lines, "")
	lines = append(lines, r.scores(width)...)
	lines = append(lines, "")
	return append(lines, r.recommendations(width)...)
}

// summary is the title, the overall score with its stage, the coverage
// and the change since the previous assessment.
func (r *results) summary(width int) []string {
	s, cat, v := r.c.Styles, r.c.Cat, r.view
	lines := wrap(s.Title, cat.T(messages.ResultsTitle, messages.SafeLine(v.Org)), width)
	if v.CompletedAt != nil {
		lines = append(lines, s.Subtle.Render(cat.T(messages.ResultIDDate, v.ID, cat.DateTime(v.CompletedAt.Local()))))
	}
	lines = append(lines, "")
	var overallDelta assess.Score
	if v.Change != nil {
		overallDelta = v.Change.Overall.Delta
	}
	lines = append(lines, r.row("", cat.T(messages.ResultOverall), v.Overall, overallDelta, s.Heading, width))
	if v.Stage != nil {
		lines = append(lines, s.Stage.Render(cat.T(messages.ResultStage, v.Stage.Number, v.Stage.Name)))
		if v.Stage.Description != "" {
			lines = append(lines, wrap(s.Text, v.Stage.Description, width)...)
		}
	}
	lines = append(lines, s.Subtle.Render(cat.T(messages.ResultCoverage, v.Coverage.Answered, v.Coverage.Total, v.Coverage.Unsure)))
	if c := v.Change; c != nil && c.From.CompletedAt != nil && c.Overall.Delta.Valid {
		lines = append(lines, r.deltaStyle(c.Overall.Delta).Render(cat.T(messages.ResultChangeSince, cat.DateTime(c.From.CompletedAt.Local()), cat.Delta(c.Overall.Delta.Value))))
	}
	return lines
}

// scores is a row per pillar and key action.
func (r *results) scores(width int) []string {
	s := r.c.Styles
	lines := []string{s.Heading.Render(r.c.Cat.T(messages.ResultPillars))}
	for _, p := range r.view.Pillars {
		lines = append(lines, r.row("", p.Title, p.Score, p.Delta, s.Heading, width))
		for _, ka := range p.KeyActions {
			lines = append(lines, r.row("  ", ka.Title, ka.Score, ka.Delta, s.Text, width))
		}
	}
	return lines
}

// row is a title, a bar, the score and, with a previous assessment, the
// change, in columns that fit width.
func (r *results) row(indent, title string, score, delta assess.Score, style lipgloss.Style, width int) string {
	s, cat := r.c.Styles, r.c.Cat
	scoreWidth := r.scoreWidth()
	deltaWidth := 0
	if r.view.Change != nil {
		deltaWidth = 8
	}
	barWidth := max(min(width-48-deltaWidth, 30), 10)
	titleWidth := width - barWidth - scoreWidth - 2 - deltaWidth
	line := indent + style.Render(pad(title, titleWidth-len(indent))) + " " + s.bar(score, barWidth) + " " + s.Score.Render(padLeft(scoreText(cat, score), scoreWidth))
	if delta.Valid {
		line += r.deltaStyle(delta).Render(" " + padLeft(cat.Delta(assess.Round(delta.Value)), deltaWidth-1))
	}
	return line
}

// scoreWidth is the width of the score column: every score of the view,
// "not scored" included, fits.
func (r *results) scoreWidth() int {
	w := 6
	grow := func(s assess.Score) { w = max(w, messages.Width(scoreText(r.c.Cat, s))) }
	grow(r.view.Overall)
	for _, p := range r.view.Pillars {
		grow(p.Score)
		for _, ka := range p.KeyActions {
			grow(ka.Score)
		}
	}
	return w
}

func (r *results) deltaStyle(d assess.Score) lipgloss.Style {
	if d.Value < 0 {
		return r.c.Styles.Bad
	}
	return r.c.Styles.Good
}

// recommendations are the next 90 days, or all of them.
func (r *results) recommendations(width int) []string {
	s, cat := r.c.Styles, r.c.Cat
	recs := r.view.Recommendations
	heading := cat.T(messages.ResultsNext90)
	if r.all {
		heading = cat.T(messages.ResultsAllRecs)
	} else if len(recs) > topRecommendations {
		recs = recs[:topRecommendations]
	}
	lines := []string{s.Heading.Render(heading)}
	if len(recs) == 0 {
		lines = append(lines, wrap(s.Text, cat.T(messages.ResultNoRecs), width)...)
	}
	for i, rec := range recs {
		lines = append(lines, hang(strconv.Itoa(i+1)+". ", s.Focused, rec.Title, width)...)
		if rec.Why == "" && len(rec.Steps) == 0 {
			continue
		}
		lines = append(lines, hang("   ", s.Subtle, cat.T(messages.ResultsEvidence, rec.Why), width)...)
		for _, step := range rec.Steps {
			lines = append(lines, hang("   • ", s.Text, step, width)...)
		}
		lines = append(lines, "")
	}
	if more := len(r.view.Recommendations) - len(recs); more > 0 {
		lines = append(lines, s.Subtle.Render(cat.T(messages.ResultsMoreRecs, more)))
	}
	return lines
}
