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
	"socialmaturity/questions"
	"socialmaturity/store"
)

// wideWidth is the terminal width from which the next 90 days stand beside
// the bars.
const wideWidth = 120

// Export formats, as the Exporter takes them.
const (
	formatHTML     = "html"
	formatPDF      = "pdf"
	formatMarkdown = "md"
	formatCSV      = "csv"
	formatJSON     = "json"
)

// results shows one scored assessment: the score out of 100 and the stage
// on the ladder, the next 90 days, a bar per pillar and key action (with
// the organization's targets and, with several assessments, a sparkline
// each), the benchmarks, then each recommendation in full and the
// knowledge gaps. Targets are set from it (key t).
type results struct {
	c                    *Common
	assessment, previous *assess.Assessment
	view                 *assess.View
	stages               []questions.Stage // of the bank the view is resolved against
	all                  bool
	vp                   viewport.Model
	width                int
	choosing             bool     // the export dialog is open
	status               []string // what the last export or target did
	written              string   // the path of the last export
	// org is the stored organization, with its targets; nil until it is
	// loaded, and when the store keeps none (no target can be set then).
	org    *store.Org
	target *targetForm       // the target form, when open
	sparks map[string]string // each part's scores over time, by id
}

// Messages of the results screen's commands.
type (
	openedMsg   struct{ a, previous *assess.Assessment }
	exportedMsg struct {
		path string
		err  error
	}
	openedFileMsg struct {
		path string
		err  error
	}
)

func newResults(c *Common, a, previous *assess.Assessment) *results {
	v := assess.NewView(c.Bank, a, previous)
	return &results{c: c, assessment: a, previous: previous, view: v, stages: stagesOf(c.Bank, v), vp: viewport.New()}
}

// stagesOf are the stages v is resolved against: those of the bank it was
// answered with when it is built in, else b's.
func stagesOf(b *questions.Bank, v *assess.View) []questions.Stage {
	if built, ok := questions.Builtin(v.Bank.ID, v.Bank.Version, v.Bank.Language); ok {
		return built.Stages
	}
	return b.Stages
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

// Init loads the organization's targets, history and portfolio.
func (r *results) Init() tea.Cmd { return loadContext(r.c.Store, r.assessment) }

func (r *results) SetSize(int, int) { r.width = 0 }

func (r *results) help() bindings {
	k := r.c.Keys
	if r.choosing {
		return bindings{short: append(r.formats(), k.Back)}
	}
	if r.target != nil {
		return r.target.help(k)
	}
	short := []key.Binding{k.Scroll, k.AllRecs}
	actions := []key.Binding{k.AllRecs}
	if r.org != nil {
		short, actions = append(short, k.Target), append(actions, k.Target)
	}
	if r.c.Export != nil {
		short, actions = append(short, k.Export), append(actions, k.Export)
	}
	if r.canOpen() {
		short, actions = append(short, k.Open), append(actions, k.Open)
	}
	short = append(short, k.History, k.Home, k.Quit, k.Help)
	actions = append(actions, k.History, k.Home)
	return bindings{short: short, full: [][]key.Binding{{k.Scroll}, actions, {k.Quit, k.Help}}}
}

func (r *results) canOpen() bool { return r.c.Open != nil && r.written != "" }

func (r *results) capturing() bool { return r.choosing || r.target != nil && r.target.editing }

// exportChoice is one line of the export dialog.
type exportChoice struct {
	binding key.Binding
	format  string
	label   messages.Key
}

// choices are the export dialog's lines: PDF only when the exporter
// writes it.
func (r *results) choices() []exportChoice {
	k := r.c.Keys
	cs := []exportChoice{{k.ExportHTML, formatHTML, messages.TUIExportHTML}}
	if r.c.ExportPDF {
		cs = append(cs, exportChoice{k.ExportPDF, formatPDF, messages.TUIExportPDF})
	}
	return append(cs,
		exportChoice{k.ExportMD, formatMarkdown, messages.TUIExportMD},
		exportChoice{k.ExportCSV, formatCSV, messages.TUIExportCSV},
		exportChoice{k.ExportJSON, formatJSON, messages.TUIExportJSON})
}

func (r *results) formats() []key.Binding {
	var bs []key.Binding
	for _, c := range r.choices() {
		bs = append(bs, c.binding)
	}
	return bs
}

// export handles a key in the export dialog: a format's key writes the
// file in a command; any other key closes the dialog.
func (r *results) export(m tea.KeyPressMsg) tea.Cmd {
	r.choosing = false
	for _, c := range r.choices() {
		if key.Matches(m, c.binding) {
			r.status = []string{r.c.Styles.Subtle.Render(r.c.Cat.T(messages.TUIExporting))}
			export, a, previous, format := r.c.Export, r.assessment, r.previous, c.format
			return func() tea.Msg {
				path, err := export(a, previous, format)
				return exportedMsg{path: path, err: err}
			}
		}
	}
	r.status = nil
	return nil
}

// exported says where the file went and what to do with it.
func (r *results) exported(msg exportedMsg) {
	s, cat, width := r.c.Styles, r.c.Cat, r.c.contentWidth()
	if msg.err != nil {
		r.status = wrap(s.Bad, messages.SafeLine(msg.err.Error()), width)
		return
	}
	r.written = msg.path
	text := cat.T(messages.TUIExportSaved, messages.SafeLine(msg.path))
	if strings.HasSuffix(msg.path, "."+formatHTML) {
		text += " " + cat.T(messages.TUIExportPrintHint)
	}
	if r.canOpen() {
		text += " " + cat.T(messages.TUIExportOpenHint)
	}
	r.status = wrap(s.Good, text, width)
}

// open opens the last export with the system's opener, in a command,
// saying so meanwhile.
func (r *results) open() tea.Cmd {
	open, path := r.c.Open, r.written
	r.status = wrap(r.c.Styles.Subtle, r.c.Cat.T(messages.TUIExportOpening, messages.SafeLine(path)), r.c.contentWidth())
	return func() tea.Msg { return openedFileMsg{path: path, err: open(path)} }
}

func (r *results) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case exportedMsg:
		r.exported(msg)
		return nil
	case openedFileMsg:
		if msg.err != nil { // on success, "Opening …" stays: the opener says no more
			r.status = wrap(r.c.Styles.Bad, r.c.Cat.T(messages.TUIExportOpenFailed, messages.SafeLine(msg.path), messages.SafeLine(msg.err.Error())), r.c.contentWidth())
		}
		return nil
	case contextMsg:
		r.withContext(msg)
		return nil
	case targetSavedMsg:
		return r.targetSaved(msg)
	case tea.KeyPressMsg:
		k := r.c.Keys
		if r.choosing {
			return r.export(msg)
		}
		if r.target != nil {
			return r.targetKey(msg)
		}
		switch {
		case key.Matches(msg, k.Target) && r.org != nil:
			r.target = newTargetForm(r.c.Cat, r.view, r.org.Targets)
			return nil
		case key.Matches(msg, k.Export) && r.c.Export != nil:
			r.choosing = true
			return nil
		case key.Matches(msg, k.Open) && r.canOpen():
			return r.open()
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
	if r.target != nil {
		return r.targetView(height)
	}
	width := r.layoutWidth()
	below := r.status
	if r.choosing {
		below = r.dialog()
	}
	height -= len(below)
	if r.width != width || r.vp.Height() != height {
		r.width = width
		r.vp.SetWidth(r.c.Width)
		r.vp.SetHeight(height)
		r.vp.SetContent(strings.Join(r.render(width), "\n"))
	}
	if len(below) > 0 {
		return r.vp.View() + "\n" + strings.Join(below, "\n")
	}
	return r.vp.View()
}

// layoutWidth is the width the result is laid out in: wide terminals use
// all of it, for two columns.
func (r *results) layoutWidth() int {
	if r.c.Width >= wideWidth {
		return r.c.Width - 2
	}
	return r.c.contentWidth()
}

// dialog is the export choices in plain words, one per line.
func (r *results) dialog() []string {
	s, cat, width := r.c.Styles, r.c.Cat, r.c.contentWidth()
	lines := []string{"", s.Heading.Render(cat.T(messages.TUIExportTitle))}
	item := func(k, text string) {
		lines = append(lines, hang("  "+s.Cursor.Render(pad(k, 4)), s.Text, text, width)...)
	}
	for _, c := range r.choices() {
		item(c.binding.Help().Key, cat.T(c.label))
	}
	item(r.c.Keys.Back.Help().Key, cat.T(messages.TUIExportCancel))
	return lines
}

// render lays out the whole result; the viewport scrolls it. On a wide
// terminal the next 90 days, what the stage means and the benchmarks stand
// beside the bars, else above and below them.
func (r *results) render(width int) []string {
	lines := append(r.headline(width), "")
	if width+2 >= wideWidth {
		right := width * 2 / 5
		left := width - right - 3
		next := append(r.plan(right), "")
		next = append(next, r.about(right)...)
		if bench := r.benchmarks(right); bench != nil {
			next = append(append(next, ""), bench...)
		}
		cols := lipgloss.JoinHorizontal(lipgloss.Top, strings.Join(r.scores(left), "\n"), "   ", strings.Join(next, "\n"))
		lines = append(lines, strings.Split(cols, "\n")...)
	} else {
		lines = append(lines, r.plan(width)...)
		lines = append(lines, "")
		lines = append(lines, r.about(width)...)
		lines = append(lines, "")
		lines = append(lines, r.scores(width)...)
		if bench := r.benchmarks(width); bench != nil {
			lines = append(append(lines, ""), bench...)
		}
	}
	lines = append(lines, "")
	lines = append(lines, r.details(width)...)
	if gaps := r.knowledgeGaps(width); gaps != nil {
		lines = append(append(lines, ""), gaps...)
	}
	return lines
}

// headline is the title, "63.0 / 100 · Stage 4 of 5", the ladder, how far
// the next stage is, and whether the stage is provisional or held down.
func (r *results) headline(width int) []string {
	s, cat, v := r.c.Styles, r.c.Cat, r.view
	lines := wrap(s.Title, cat.T(messages.ResultsTitle, messages.SafeLine(v.Org)), width)
	if v.CompletedAt != nil {
		lines = append(lines, s.Subtle.Render(cat.T(messages.ResultIDDate, v.ID, cat.DateTime(v.CompletedAt.Local()))))
	}
	lines = append(lines, "")
	score := s.Score.Render(cat.T(messages.TUIResultsScoreOf, scoreText(cat, v.Overall)))
	if v.Stage == nil {
		lines = append(lines, score+s.Subtle.Render(" · "+cat.T(messages.TUIResultsNoStage)))
	} else {
		lines = append(lines, score+s.Subtle.Render(" · ")+s.Stage.Render(cat.T(messages.TUIResultsStageOf, v.Stage.Number, len(r.stages), v.Stage.Name)))
		lines = append(lines, r.ladder(width))
		if next := toNext(cat, r.stages, v); next != "" {
			lines = append(lines, s.Subtle.Render(next))
		}
	}
	lines = append(lines, r.targetLines("", assess.OverallID, width)...)
	if t := v.ProvisionalText(cat); t != "" {
		lines = append(lines, wrap(s.Bad, t, width)...)
	}
	if t := v.CappedText(cat); t != "" {
		lines = append(lines, wrap(s.Subtle, t, width)...)
	}
	return lines
}

// ladder draws the stages in order with the reached one in brackets, so
// the marker does not rest on colour; names are left out when they do not
// fit.
func (r *results) ladder(width int) string {
	s := r.c.Styles
	for _, named := range []bool{true, false} {
		parts := make([]string, len(r.stages))
		plain := make([]string, len(r.stages))
		for i, st := range r.stages {
			label := strconv.Itoa(st.Number)
			if named || st.Number == r.view.Stage.Number {
				label += " " + st.Name
			}
			style := s.Subtle
			if st.Number == r.view.Stage.Number {
				label, style = "["+label+"]", s.Stage
			}
			parts[i], plain[i] = style.Render(label), label
		}
		if messages.Width(strings.Join(plain, " ─ ")) <= width || !named {
			return strings.Join(parts, s.Subtle.Render(" ─ "))
		}
	}
	return ""
}

// toNext is how many points the next of stages is away, or that this is
// the top stage; empty when the score alone already reaches the next stage
// (the stage is held down, which CappedText says). v has a stage.
func toNext(cat *messages.Catalog, stages []questions.Stage, v *assess.View) string {
	for _, st := range stages {
		if st.Number != v.Stage.Number+1 {
			continue
		}
		if gap := st.Min - v.Overall.Value; gap > 0 {
			return cat.T(messages.TUIResultsToNext, cat.Score(gap), st.Number, st.Name)
		}
		return ""
	}
	return cat.T(messages.TUIResultsTopStage)
}

// about is the stage's description, the coverage, the change since the
// previous assessment and the strongest and weakest key actions.
func (r *results) about(width int) []string {
	s, cat, v := r.c.Styles, r.c.Cat, r.view
	var lines []string
	if v.Stage != nil && v.Stage.Description != "" {
		lines = append(lines, wrap(s.Text, v.Stage.Description, width)...)
	}
	if v.Strongest != nil {
		lines = append(lines, wrap(s.Text, cat.T(messages.TUIResultsExtremes, v.Strongest.Title, scoreText(cat, v.Strongest.Score), v.Weakest.Title, scoreText(cat, v.Weakest.Score)), width)...)
	}
	coverage := cat.T(messages.ResultCoverage, v.Coverage.Answered, v.Coverage.Total, v.Coverage.Unsure)
	if v.Coverage.NotApplicable > 0 {
		coverage += cat.T(messages.TUIResultsCoverageNA, v.Coverage.NotApplicable)
	}
	lines = append(lines, wrap(s.Subtle, coverage, width)...)
	if c := v.Change; c != nil && c.From.CompletedAt != nil && c.Overall.Delta.Valid {
		lines = append(lines, wrap(r.deltaStyle(c.Overall.Delta), cat.T(messages.ResultChangeSince, cat.DateTime(c.From.CompletedAt.Local()), cat.Delta(c.Overall.Delta.Value)), width)...)
	}
	return append(lines, r.trendLines(width)...)
}

// scores is a row per pillar, with its stage, and per key action, each
// with its target under it; a pillar without a stage says why.
func (r *results) scores(width int) []string {
	s, cat := r.c.Styles, r.c.Cat
	lines := []string{s.Heading.Render(cat.T(messages.ResultPillars))}
	for _, p := range r.view.Pillars {
		stage := cat.T(messages.TUIResultsNoStage)
		if p.Stage != nil {
			stage = cat.T(messages.TUIResultsStageShort, p.Stage.Number)
		}
		lines = append(lines, r.row("", p.ID, p.Title, p.Score, p.Delta, stage, s.Heading, width))
		lines = append(lines, r.targetLines("  ", p.ID, width)...)
		if p.Stage == nil && p.Thin {
			lines = append(lines, hang("  ", s.Subtle, cat.T(messages.TUIResultsThin, p.Title), width)...)
		}
		for _, ka := range p.KeyActions {
			lines = append(lines, r.row("  ", ka.ID, ka.Title, ka.Score, ka.Delta, "", s.Text, width))
			lines = append(lines, r.targetLines("    ", ka.ID, width)...)
		}
	}
	return lines
}

// row is a title, with several assessments the part's scores over time,
// a bar, the score, a stage and, with a previous assessment, the change,
// in columns that fit width.
func (r *results) row(indent, id, title string, score, delta assess.Score, stage string, style lipgloss.Style, width int) string {
	s, cat := r.c.Styles, r.c.Cat
	scoreWidth, stageWidth, sparkCol := r.scoreWidth(), r.stageWidth(), r.sparkCol()
	deltaWidth := 0
	if r.view.Change != nil {
		deltaWidth = 8
	}
	barWidth := max(min(width-48-deltaWidth-sparkCol, 30), 10)
	titleWidth := width - barWidth - scoreWidth - stageWidth - 3 - deltaWidth - sparkCol
	line := indent + style.Render(pad(title, titleWidth-len(indent)))
	if sparkCol > 0 {
		line += " " + s.BarFull.Render(padLeft(r.sparks[id], sparkCol-1))
	}
	line += " " + s.bar(score, barWidth) + " " +
		s.Score.Render(padLeft(scoreText(cat, score), scoreWidth)) + " " + s.Subtle.Render(pad(stage, stageWidth))
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

// stageWidth is the width of the pillars' stage column.
func (r *results) stageWidth() int {
	cat := r.c.Cat
	return max(messages.Width(cat.T(messages.TUIResultsNoStage)), messages.Width(cat.T(messages.TUIResultsStageShort, len(r.stages))))
}

func (r *results) deltaStyle(d assess.Score) lipgloss.Style {
	if d.Value < 0 {
		return r.c.Styles.Bad
	}
	return r.c.Styles.Good
}

// shown are the recommendations on screen: the next 90 days (those at
// their target left out), or all.
func (r *results) shown() []assess.RecommendationView {
	if r.all {
		return r.view.Recommendations
	}
	return r.view.Next90()
}

// plan is the next 90 days at a glance: a title and its gap each.
func (r *results) plan(width int) []string {
	s, cat := r.c.Styles, r.c.Cat
	heading := cat.T(messages.ResultsNext90)
	if r.all {
		heading = cat.T(messages.ResultsAllRecs)
	}
	lines := []string{s.Heading.Render(heading)}
	recs := r.shown()
	if len(recs) == 0 {
		return append(lines, wrap(s.Text, r.view.NoMovesText(cat), width)...)
	}
	lines = append(lines, wrap(s.Subtle, cat.T(messages.TUIResultsGapMeans), width)...)
	for i, rec := range recs {
		gap := r.gapText(rec)
		title := hang(strconv.Itoa(i+1)+". ", s.Focused, rec.Title, width-messages.Width(gap)-1)
		last := len(title) - 1
		title[last] = pad(title[last], width-messages.Width(gap)) + s.Subtle.Render(gap)
		lines = append(lines, title...)
	}
	if more := len(r.view.Recommendations) - len(recs); more > 0 {
		lines = append(lines, wrap(s.Subtle, cat.T(messages.ResultsMoreRecs, more), width)...)
	}
	return append(lines, s.Subtle.Render(cat.T(messages.TUIResultsMoreBelow)))
}

// gapText is how far a recommendation's part is from the top: its gap, or
// the impact a result stored before scoring v2 ranked it by; and that its
// part is at its target, when it is.
func (r *results) gapText(rec assess.RecommendationView) string {
	cat := r.c.Cat
	text := cat.T(messages.TUIResultsGap, cat.Score(rec.Gap))
	if rec.Gap == 0 {
		text = cat.T(messages.TUIResultsImpact, cat.Score(rec.Impact))
	}
	if rec.AtTarget {
		text += " · " + cat.T(messages.TUIResultsAtTarget)
	}
	return text
}

// details are the shown recommendations in full: what fired each, why it
// matters, the next rung, the first steps split into what one can start
// alone and what to propose, the caveats and the evidence with its source.
func (r *results) details(width int) []string {
	s, cat := r.c.Styles, r.c.Cat
	recs := r.shown()
	if len(recs) == 0 {
		return nil
	}
	lines := []string{s.Heading.Render(cat.T(messages.TUIResultsDetail))}
	const indent = "   "
	for i, rec := range recs {
		lines = append(lines, hang(strconv.Itoa(i+1)+". ", s.Focused, rec.Title+" · "+r.gapText(rec), width)...)
		if t := rec.Because.Text(cat); t != "" {
			lines = append(lines, hang(indent, s.Text, cat.T(messages.TUIResultsBecause, t), width)...)
		}
		if rec.Why != "" {
			lines = append(lines, hang(indent, s.Subtle, cat.T(messages.ResultsEvidence, rec.Why), width)...)
		}
		for _, n := range rec.Next {
			lines = append(lines, hang(indent, s.Text, rungText(cat, r.c.Bank, n), width)...)
		}
		alone, propose := messages.TUIResultsAlone, messages.TUIResultsPropose
		if r.view.Method.Version < 2 {
			alone = messages.TUIResultsSteps
		}
		lines = append(lines, r.steps(alone, rec.Alone, width)...)
		lines = append(lines, r.steps(propose, rec.Propose, width)...)
		for _, c := range rec.Caveats {
			lines = append(lines, hang(indent, s.Subtle, cat.T(messages.TUIResultsCaveat, c), width)...)
		}
		for _, e := range rec.Evidence {
			lines = append(lines, hang(indent, s.Figure, evidenceText(cat, e), width)...)
		}
		lines = append(lines, "")
	}
	return lines[:len(lines)-1]
}

// rungText is a next rung with the number of its question in b.
func rungText(cat *messages.Catalog, b *questions.Bank, n assess.Rung) string {
	number := messages.SafeLine(n.Question)
	if i := questionNumber(b, n.Question); i > 0 {
		number = cat.Int(i)
	}
	return cat.T(messages.TUIResultsNextRung, number, cat.Int(n.Level), messages.SafeLine(n.Text))
}

// steps is a heading and a bullet per step, or nothing.
func (r *results) steps(heading messages.Key, steps []string, width int) []string {
	if len(steps) == 0 {
		return nil
	}
	s := r.c.Styles
	lines := []string{"   " + s.Heading.Render(r.c.Cat.T(heading))}
	for _, step := range steps {
		lines = append(lines, hang("   • ", s.Text, step, width)...)
	}
	return lines
}

// evidenceText is evidenceCited as a recommendation shows it, labelled.
func evidenceText(cat *messages.Catalog, e assess.Evidence) string {
	return cat.T(messages.TUIResultsEvidence, evidenceBody(cat, e), e.Source)
}

// evidenceCited is a fact or a case with its source inline, as a card in
// the walk shows it.
func evidenceCited(cat *messages.Catalog, e assess.Evidence) string {
	return cat.T(messages.TUIEvidenceCited, evidenceBody(cat, e), e.Source)
}

// evidenceBody is a fact or a case with its figures written in the
// catalog's language, and its source.
func evidenceBody(cat *messages.Catalog, e assess.Evidence) string {
	var text string
	switch {
	case e.Fact != nil:
		text = e.Fact.Fill(cat)
	case e.Case != nil:
		parts := []string{cat.T(messages.TUIResultsCase, e.Case.Org, e.Case.Text)}
		for _, f := range e.Case.Facts {
			parts = append(parts, f.Fill(cat))
		}
		text = strings.Join(parts, " ")
	}
	return text
}

// knowledgeGaps are the questions answered "not sure", with who would
// know; nil when there are none.
func (r *results) knowledgeGaps(width int) []string {
	gaps := r.view.KnowledgeGaps
	if len(gaps) == 0 {
		return nil
	}
	s, cat := r.c.Styles, r.c.Cat
	lines := []string{s.Heading.Render(cat.T(messages.TUIResultsGaps))}
	lines = append(lines, wrap(s.Subtle, cat.T(messages.TUIResultsGapsIntro), width)...)
	for _, g := range gaps {
		lines = append(lines, hang("• ", s.Text, g.Prompt, width)...)
		if g.WhoKnows != "" {
			lines = append(lines, hang("  ", s.Subtle, cat.T(messages.TUIResultsWhoKnows, g.WhoKnows), width)...)
		}
	}
	return lines
}
