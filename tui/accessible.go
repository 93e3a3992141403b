package tui

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"socialmaturity/assess"
	"socialmaturity/messages"
	"socialmaturity/questions"
	"socialmaturity/store"
)

// How long accessible mode keeps trying a save the database refuses (busy,
// read-only) before it rescues the answers to a file, and how often.
var (
	accessibleRetryFor   = 5 * time.Second
	accessibleRetryEvery = 250 * time.Millisecond
)

var (
	// errStopped ends the walk at the person's word (q); the draft stays
	// saved.
	errStopped = errors.New("stopped")
	// errInputEnded ends the walk when the input ends before the last
	// question; the draft stays saved.
	errInputEnded = errors.New("input ended")
)

// accessible runs the assessment as plain numbered prompts, one per line,
// for screen readers: the same questions, the same draft storage (each
// answer committed before the next question) and the result as plain
// lines.
type accessible struct {
	ctx      context.Context
	c        *Common
	lines    <-chan inputLine
	out      io.Writer
	rescueTo RescueWriter
}

// inputLine is one line read from the input, or why there is none.
type inputLine struct {
	text string
	err  error
}

// RunAccessible runs the whole walk as plain prompts on in and out. It
// returns nil when the assessment is completed or the person typed q; an
// error when the input ended or ctx was cancelled (a signal) before the
// last question (the answers given are kept as a draft and the error says
// so), or an *UnsavedError when the answers could not be stored (they are
// rescued to a file through o.Rescue).
func RunAccessible(ctx context.Context, o Options, in io.Reader, out io.Writer) error {
	if o.Now == nil {
		o.Now = time.Now
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	a := &accessible{
		ctx:      ctx,
		c:        &Common{Cat: o.Cat, Store: o.Store, Bank: o.Bank, Now: o.Now, Workshop: o.Workshop},
		lines:    readLines(ctx, in),
		out:      out,
		rescueTo: o.Rescue,
	}
	a.say(a.c.Cat.T(messages.AccessibleTitle))
	d, err := a.choose(o)
	if err == nil {
		if len(d.Answers) == 0 {
			a.scope(d)
		}
		err = a.walk(d)
	}
	if err == nil {
		return a.complete(d)
	}
	return a.stopped(d, err)
}

// readLines reads in line by line until it ends or ctx is done, so that a
// prompt can also end with ctx.
func readLines(ctx context.Context, in io.Reader) <-chan inputLine {
	lines := make(chan inputLine)
	go func() {
		defer close(lines)
		r := bufio.NewReader(in)
		for {
			s, err := r.ReadString('\n')
			select {
			case lines <- inputLine{s, err}:
			case <-ctx.Done():
				return
			}
			if err != nil {
				return
			}
		}
	}()
	return lines
}

// stopped says what was kept when the walk ended before the last question
// and returns nil when the person chose to stop, else an error.
func (a *accessible) stopped(d *assess.Assessment, err error) error {
	cat := a.c.Cat
	kept := cat.T(messages.AccessibleStopped)
	if d != nil && len(d.Answers) > 0 {
		kept = a.draftNote(d)
	}
	switch {
	case errors.Is(err, errStopped):
		a.say(kept)
		return nil
	case errors.Is(err, errInputEnded):
		return errors.New(cat.T(messages.AccessibleInputEnded, kept))
	case a.ctx.Err() != nil && errors.Is(err, a.ctx.Err()):
		return errors.New(cat.T(messages.TerminatedKept, kept))
	}
	return err
}

func (a *accessible) draftNote(d *assess.Assessment) string {
	return a.c.Cat.T(messages.DraftSavedExit, messages.SafeLine(d.Org), countsText(a.c.Cat, a.c.Bank, d))
}

func (a *accessible) say(s string) { fmt.Fprintln(a.out, s) }

// read shows prompt and reads one line, trimmed.
func (a *accessible) read(prompt string) (string, error) {
	fmt.Fprint(a.out, prompt)
	select {
	case <-a.ctx.Done():
		fmt.Fprintln(a.out)
		return "", a.ctx.Err()
	case l, ok := <-a.lines:
		s := strings.TrimSpace(l.text)
		if !ok || l.err != nil && s == "" {
			fmt.Fprintln(a.out)
			return "", errInputEnded
		}
		return s, nil
	}
}

// line reads one line; "q" stops the walk.
func (a *accessible) line(prompt string) (string, error) {
	s, err := a.read(prompt)
	if err == nil && strings.EqualFold(s, "q") {
		return "", errStopped
	}
	return s, err
}

// choose starts a new draft, or resumes one: picked from a numbered list,
// or the draft of the organization asked for.
func (a *accessible) choose(o Options) (*assess.Assessment, error) {
	cat := a.c.Cat
	switch {
	case o.Start == StartHome:
		if d, err := a.pickDraft(); d != nil || err != nil {
			return d, err
		}
	case strings.TrimSpace(o.Org) != "":
		if d, err := a.offerDraft(strings.TrimSpace(o.Org), o.Respondent); d != nil || err != nil {
			return d, err
		}
	}
	org := strings.TrimSpace(o.Org)
	for org == "" {
		s, err := a.line(cat.T(messages.SetupOrg) + ": ")
		if err != nil {
			return nil, err
		}
		if org = s; org == "" {
			a.say(cat.T(messages.SetupOrgRequired))
		}
	}
	respondent, role := o.Respondent, o.Role
	if strings.TrimSpace(o.Org) == "" {
		var err error
		if respondent, err = a.read(cat.T(messages.SetupRespondent) + " (" + cat.T(messages.SetupOptional) + "): "); err != nil {
			return nil, err
		}
		if role, err = a.read(cat.T(messages.SetupRole) + " (" + cat.T(messages.SetupOptional) + "): "); err != nil {
			return nil, err
		}
	}
	return &assess.Assessment{
		Workshop:   a.c.Workshop,
		Submission: assess.Submission{Org: org, Respondent: respondent, Role: role, Answers: assess.Answers{}},
		Bank:       assess.RefOf(a.c.Bank),
	}, nil
}

// pickDraft lists the drafts and returns the one picked, or nil for a new
// assessment.
func (a *accessible) pickDraft() (*assess.Assessment, error) {
	cat := a.c.Cat
	drafts, err := a.c.Store.Drafts()
	if err != nil || len(drafts) == 0 {
		return nil, err
	}
	a.say(cat.T(messages.AccessibleChoose))
	a.say(cat.Int(1) + ". " + cat.T(messages.HomeNew))
	for i, d := range drafts {
		a.say(cat.Int(i+2) + ". " + a.resumeLabel(d))
	}
	for {
		s, err := a.line(cat.T(messages.AccessibleMenuPick, len(drafts)+1))
		if err != nil {
			return nil, err
		}
		n, convErr := strconv.Atoi(s)
		switch {
		case convErr != nil || n < 1 || n > len(drafts)+1:
			continue
		case n == 1:
			return nil, nil
		case drafts[n-2].Bank.ID != a.c.Bank.ID:
			return nil, errors.New(cat.T(messages.ErrDraftOtherBank, drafts[n-2].Bank.ID))
		}
		return drafts[n-2], nil
	}
}

func (a *accessible) resumeLabel(d *assess.Assessment) string {
	return a.c.Cat.T(messages.HomeResume, messages.SafeLine(d.Org), countsText(a.c.Cat, a.c.Bank, d), a.c.Cat.DateTime(d.UpdatedAt.Local()))
}

// offerDraft offers to resume the latest draft of org answered with this
// bank, and returns it when the person says yes (nil for a new
// assessment).
func (a *accessible) offerDraft(org, respondent string) (*assess.Assessment, error) {
	cat := a.c.Cat
	drafts, err := a.c.Store.Drafts()
	if err != nil {
		return nil, err
	}
	var d *assess.Assessment
	for _, candidate := range drafts {
		if candidate.Bank.ID == a.c.Bank.ID && ownDraft(candidate, startMsg{org: org, respondent: respondent}, a.c.Workshop) &&
			(d == nil || candidate.UpdatedAt.After(d.UpdatedAt)) {
			d = candidate
		}
	}
	if d == nil {
		return nil, nil
	}
	question := cat.T(messages.AccessibleResumeOrg, messages.SafeLine(d.Org), countsText(cat, a.c.Bank, d), cat.DateTime(d.UpdatedAt.Local()))
	for {
		s, err := a.line(question + cat.T(messages.AccessibleYesNo))
		if err != nil {
			return nil, err
		}
		switch {
		case isWord(s, cat.T(messages.AccessibleYesWords)):
			return d, nil
		case isWord(s, cat.T(messages.AccessibleNoWords)):
			return nil, nil
		}
	}
}

// isWord reports whether s is one of the space-separated words.
func isWord(s, words string) bool {
	for _, w := range strings.Fields(words) {
		if strings.EqualFold(s, w) {
			return true
		}
	}
	return false
}

// scope says, before the questions, whom and what period to answer for
// and what "not sure" and "does not apply" mean, as the walk's scope card
// does.
func (a *accessible) scope(d *assess.Assessment) {
	cat, bank := a.c.Cat, a.c.Bank
	a.say("")
	a.say(cat.T(messages.WalkScopeTitle) + ". " + cat.T(messages.WalkScopeUnit, messages.SafeLine(d.Org)))
	a.say(cat.T(messages.WalkScopeSize, bank.QuestionCount(), len(bank.Pillars)))
	if bank.Scope != "" {
		a.say(messages.SafeLine(bank.Scope))
	}
	a.say(cat.T(messages.WalkTermNotSure))
	if mayNotApply(bank) {
		a.say(cat.T(messages.WalkTermNA))
	}
	if len(bank.Glossary) > 0 {
		a.say(cat.T(messages.AccessibleGlossaryHint))
	}
	a.say(cat.T(messages.WalkTermPillar, len(bank.Pillars)))
}

// walk asks every unanswered question in bank order and saves each answer
// before asking the next.
func (a *accessible) walk(d *assess.Assessment) error {
	cat, bank := a.c.Cat, a.c.Bank
	intro, evidence := bankEvidence(bank)
	total, n := bank.QuestionCount(), 0
	for pi, p := range bank.Pillars {
		introduced := false
		for ki, ka := range p.KeyActions {
			started := false
			for _, q := range ka.Questions {
				n++
				if _, done := d.Answers[q.ID]; done {
					continue
				}
				if !introduced {
					introduced = true
					a.say("")
					a.say(cat.T(messages.WalkIntroPillar, pi+1, len(bank.Pillars)) + ": " + messages.SafeLine(p.Title) + ". " + messages.Safe(p.Thesis))
					a.evidence(intro[pi])
					for _, f := range p.Facts { // a version 1 bank's facts, as text
						a.say(messages.Safe(f))
					}
				}
				if !started {
					started = true
					a.say("")
					a.say(messages.SafeLine(ka.Title) + ". " + messages.SafeLine(ka.Summary))
					a.evidence(evidence[pi][ki])
				}
				a.say("")
				a.say(cat.T(messages.AccessibleQuestion, n, total, messages.SafeLine(p.Title), messages.SafeLine(ka.Title), messages.Safe(q.Prompt)))
				if q.Help != "" {
					a.say(messages.Safe(q.Help))
				}
				for l := range questions.Levels {
					a.say(cat.T(messages.AccessibleLevel, l, messages.Safe(q.Option(l))))
				}
				if q.MayNotApply {
					a.say(cat.T(messages.AccessibleNA, messages.SafeLine(q.NotApplicable)))
				}
				a.say("? — " + cat.T(messages.WalkNotSure))
				answer, note, err := a.ask(&q)
				if err != nil {
					return err
				}
				if answer.Unsure && q.WhoKnows != "" {
					a.say(cat.T(messages.WalkWhoKnows, messages.SafeLine(q.WhoKnows)))
				}
				d.Answers[q.ID] = answer
				if note != "" {
					setNote(d, q.ID, note)
				}
				if err := a.save(d); err != nil {
					return err
				}
			}
		}
	}
	return nil
}

// evidence says facts and cases, each with its source.
func (a *accessible) evidence(items []assess.Evidence) {
	for _, e := range items {
		a.say(messages.SafeLine(evidenceText(a.c.Cat, e)))
	}
}

// ask reads an answer to q and the note that may follow it on the same
// line; g lists the glossary and asks again. "Does not apply" is x (as on
// the screen) or na, where q allows it.
func (a *accessible) ask(q *questions.Question) (assess.Answer, string, error) {
	cat := a.c.Cat
	prompt, invalid := cat.T(messages.AccessibleAnswer), cat.T(messages.AccessibleInvalid)
	if q.MayNotApply {
		prompt, invalid = cat.T(messages.AccessibleAnswerNA), cat.T(messages.AccessibleInvalidNA)
	}
	for {
		s, err := a.line(prompt)
		if err != nil {
			return assess.Answer{}, "", err
		}
		word, note, _ := strings.Cut(s, " ")
		note = strings.TrimSpace(note)
		l, convErr := strconv.Atoi(word)
		switch {
		case strings.EqualFold(s, "g"):
			a.glossary()
			continue
		case word == "?" || strings.EqualFold(word, assess.UnsureWord):
			return assess.NotSure, note, nil
		case q.MayNotApply && (strings.EqualFold(word, naLabel) || strings.EqualFold(word, assess.NotApplicableWord)):
			return assess.DoesNotApply, note, nil
		case convErr == nil && l >= 0 && l <= questions.MaxLevel:
			return assess.AtLevel(l), note, nil
		}
		a.say(invalid)
	}
}

// glossary says every term of the bank with its definition.
func (a *accessible) glossary() {
	cat := a.c.Cat
	a.say(cat.T(messages.WalkGlossaryTitle))
	if len(a.c.Bank.Glossary) == 0 {
		a.say(cat.T(messages.WalkGlossaryEmpty))
	}
	for _, t := range sortedTerms(a.c.Bank) {
		a.say(messages.SafeLine(t.Term) + ": " + messages.SafeLine(t.Definition))
	}
}

// save commits d. When another session has completed it meanwhile, d's
// answers go on as a new draft.
func (a *accessible) save(d *assess.Assessment) error {
	err := a.commit(d, func() error { return a.c.Store.SaveDraft(d) })
	if _, elsewhere := errors.AsType[*store.CompletedError](err); elsewhere {
		a.say(a.c.Cat.T(messages.AccessibleElsewhere))
		d.ID, d.StartedAt = "", time.Time{}
		err = a.commit(d, func() error { return a.c.Store.SaveDraft(d) })
	}
	return err
}

// complete stores d as a completed assessment and writes its result.
func (a *accessible) complete(d *assess.Assessment) error {
	cat := a.c.Cat
	var done []store.Completion
	err := a.commit(d, func() (err error) {
		done, err = a.c.Store.Complete(a.c.Bank, []*assess.Assessment{d})
		return err
	})
	if _, elsewhere := errors.AsType[*store.CompletedError](err); elsewhere {
		a.say(cat.T(messages.AccessibleElsewhere))
		d.ID, d.StartedAt = "", time.Time{}
		if err := a.commit(d, func() error { return a.c.Store.SaveDraft(d) }); err != nil {
			return err
		}
		return errors.New(cat.T(messages.AccessibleElsewhere) + " " + a.draftNote(d))
	}
	if err != nil {
		return err
	}
	a.say("")
	a.result(assess.NewView(a.c.Bank, done[0].Done, done[0].Previous))
	a.say("")
	a.say(cat.T(messages.AccessibleDone, done[0].Done.ID))
	return nil
}

// commit runs op, a save or the completion of d, trying again for a few
// seconds while the database refuses it (busy, read-only). When it still
// fails, d's answers are rescued to a file and the error says where. A
// refusal that trying again cannot change (d was completed elsewhere, or
// has no answer) is returned as it is.
func (a *accessible) commit(d *assess.Assessment, op func() error) error {
	err := op()
	if err == nil || final(err) {
		return err
	}
	a.say(a.c.Cat.T(messages.AccessibleRetrying, err))
	deadline := time.Now().Add(accessibleRetryFor)
	for err != nil && !final(err) && time.Now().Before(deadline) && a.ctx.Err() == nil {
		select {
		case <-a.ctx.Done():
		case <-time.After(accessibleRetryEvery):
			err = op()
		}
	}
	if err == nil || final(err) {
		return err
	}
	return rescue(a.c.Cat, a.rescueTo, d, err)
}

// final reports whether a store refusal stays the same however often it
// is tried.
func final(err error) bool {
	_, completed := errors.AsType[*store.CompletedError](err)
	return completed || errors.Is(err, store.ErrNothingAnswered)
}

// result writes a result as plain lines for a screen reader, in the
// screen's order: the score out of 100 and the stage of 5 with the stages
// in words, how far the next stage is, whether the result is provisional
// or held down, the next 90 days with why now, then the rest, the scores,
// and how to save a report. Scores and stages are in words: no bars or
// columns.
func (a *accessible) result(v *assess.View) {
	cat := a.c.Cat
	a.say(cat.T(messages.ResultHeading, messages.SafeLine(v.Org)))
	if v.CompletedAt != nil {
		a.say(cat.T(messages.ResultIDDate, v.ID, cat.DateTime(v.CompletedAt.Local())))
	}
	overall := cat.T(messages.ResultOverall) + ": " + cat.T(messages.TUIResultsScoreOf, scoreText(cat, v.Overall))
	if v.Stage == nil {
		a.say(overall + ", " + cat.T(messages.TUIResultsNoStage))
	} else {
		stages := stagesOf(a.c.Bank, v)
		a.say(overall + ", " + cat.T(messages.TUIResultsStageOf, v.Stage.Number, len(stages), messages.SafeLine(v.Stage.Name)))
		ladder := make([]string, len(stages))
		for i, st := range stages {
			ladder[i] = cat.Int(st.Number) + " " + messages.SafeLine(st.Name)
			if st.Number == v.Stage.Number {
				ladder[i] = cat.T(messages.AccessibleStageHere, ladder[i])
			}
		}
		a.say(cat.T(messages.AccessibleStages, strings.Join(ladder, ", ")))
		if next := toNext(cat, stages, v); next != "" {
			a.say(next)
		}
	}
	if t := v.ProvisionalText(cat); t != "" {
		a.say(messages.SafeLine(t))
	}
	if t := v.CappedText(cat); t != "" {
		a.say(messages.SafeLine(t))
	}
	if v.Stage != nil && v.Stage.Description != "" {
		a.say(messages.SafeLine(v.Stage.Description))
	}
	coverage := cat.T(messages.ResultCoverage, v.Coverage.Answered, v.Coverage.Total, v.Coverage.Unsure)
	if v.Coverage.NotApplicable > 0 {
		coverage += cat.T(messages.TUIResultsCoverageNA, v.Coverage.NotApplicable)
	}
	a.say(coverage)
	if c := v.Change; c != nil && c.From.CompletedAt != nil && c.Overall.Delta.Valid {
		a.say(cat.T(messages.ResultChangeSince, cat.DateTime(c.From.CompletedAt.Local()), cat.Delta(c.Overall.Delta.Value)))
	}
	a.say("")
	a.say(cat.T(messages.ResultsNext90))
	if len(v.Recommendations) == 0 {
		a.say(v.NoMovesText(cat))
	} else {
		a.say(cat.T(messages.TUIResultsGapMeans))
	}
	next := v.Next90()
	a.recommendations(next, 0)
	if later := v.Later(); len(later) > 0 {
		a.say("")
		a.say(cat.T(messages.AccessibleLater))
		a.recommendations(later, len(next))
	}
	a.say("")
	a.say(cat.T(messages.ResultPillars))
	for _, p := range v.Pillars {
		a.say(a.scored(p.Title, p.Score, p.Stage))
		for _, k := range p.KeyActions {
			a.say("  " + a.scored(k.Title, k.Score, nil))
		}
	}
	if v.ID != "" {
		a.say("")
		a.say(cat.T(messages.AccessibleExportHint, v.ID))
	}
}

// recommendations says each recommendation, numbered on from after: its
// title and gap, why now, why it matters, its next rungs and first steps.
func (a *accessible) recommendations(recs []assess.RecommendationView, after int) {
	cat := a.c.Cat
	for i, r := range recs {
		title := messages.SafeLine(r.Title)
		if r.Gap > 0 {
			title += ", " + cat.T(messages.TUIResultsGap, cat.Score(r.Gap))
		}
		a.say(cat.Int(after+i+1) + ". " + title)
		if t := r.Because.Text(cat); t != "" {
			a.say(cat.T(messages.AccessibleWhyNow, messages.SafeLine(t)))
		}
		if r.Why != "" {
			a.say(cat.T(messages.ResultWhy, messages.SafeLine(r.Why)))
		}
		for _, n := range r.Next {
			a.say(rungText(cat, a.c.Bank, n))
		}
		if len(r.Steps) > 0 {
			a.say(cat.T(messages.ResultSteps))
		}
		for _, s := range r.Steps {
			a.say("- " + messages.SafeLine(s))
		}
	}
}

// scored is one line of a result: a title, its score and its stage.
func (a *accessible) scored(title string, s assess.Score, stage *assess.StageView) string {
	cat := a.c.Cat
	score := cat.T(messages.ResultUnscored)
	if s.Valid {
		score = cat.Score(s.Value)
	}
	if stage == nil {
		return cat.T(messages.AccessibleScored, messages.SafeLine(title), score)
	}
	return cat.T(messages.AccessibleScoredStage, messages.SafeLine(title), score,
		cat.T(messages.ResultStage, stage.Number, messages.SafeLine(stage.Name)))
}
