package assess

import (
	"cmp"
	"math"
	"strings"
	"time"

	"socialmaturity/messages"
	"socialmaturity/questions"
)

// View is a completed assessment resolved against a bank for display: every
// title, stage and recommendation looked up once, in the order a result is
// read. Every output (the results screen, text, Markdown, HTML, CSV, JSON)
// renders from a View and formats its numbers and dates itself.
type View struct {
	// Source is the assessment the view was made from; machine formats
	// (JSON, CSV) write its answers and result as they are.
	Source     *Assessment
	ID         string
	Org        string
	Respondent string
	Role       string
	Workshop   string
	// CompletedAt is nil for a result that was never stored.
	CompletedAt *time.Time

	// Bank is the bank the view is resolved against: the one the
	// assessment was answered with when it is built in.
	Bank BankRef

	Overall  Score
	Stage    *StageView // nil when the overall score is unscored
	Coverage Coverage
	// Provisional is true when the result rests on too few answers; Missing
	// then says what is missing. Show it wherever the stage is shown.
	Provisional bool
	Missing     *MissingView
	// Capped is set when the overall stage was held at one stage above the
	// weakest pillar's.
	Capped *CapView
	// Strongest and Weakest are the key actions with the highest and lowest
	// score among those with a stage of their own; nil unless they differ.
	Strongest, Weakest *PartLine
	// KnowledgeGaps are the questions answered "not sure", in bank order.
	KnowledgeGaps []KnowledgeGap
	// Unscored are the key actions with applicable questions but none
	// answered, in bank order: no recommendation can fire for them until
	// their questions are answered (see UnscoredText).
	Unscored []PartLine
	Target   *Progress // the overall target, if one was set
	Pillars  []PillarView
	// Change is the change since the organization's previous assessment,
	// nil when there is none.
	Change *ComparisonView
	// Recommendations are ranked, most impact first.
	Recommendations []RecommendationView
	// Answers are every question of the bank with its answer and note.
	Answers []AnswerGroup
	// Method is what the method section says of the bank.
	Method Method

	// SourceBenchmarks place the answers against the source's own
	// findings, in bank order (see SourceBenchmarks).
	SourceBenchmarks []SourceBenchmark
	// Targets, Trend and Portfolio are set by WithContext: the
	// organization's targets against the scores (overall, then each pillar
	// followed by its key actions); its scores over time, nil with fewer
	// than two assessments; its rank among the other organizations, nil
	// with fewer than MinPortfolio.
	Targets   []TargetLine
	Trend     *Trend
	Portfolio *PortfolioRank

	// bank is the bank the view is resolved against.
	bank *questions.Bank
}

// MissingView is what a provisional result lacks.
type MissingView struct {
	// Answers is how many more applicable questions must be answered to
	// reach MinCoverage (0 when coverage is enough).
	Answers int
	// ThinPillars have fewer than half of their applicable questions
	// answered.
	ThinPillars []PartLine
}

// CapView says which pillar held the overall stage down.
type CapView struct {
	Pillar      PartLine
	PillarStage *StageView
	// Uncapped is the stage the overall score alone would give.
	Uncapped *StageView
}

// PartLine names a pillar or key action with its score.
type PartLine struct {
	ID    string
	Title string
	Score Score
}

// KnowledgeGap is a question answered "not sure", with who would know.
type KnowledgeGap struct {
	QuestionID string
	Prompt     string
	WhoKnows   string // empty when the bank does not say
	Note       string
}

// Method is the bank's own account of where its content comes from.
type Method struct {
	Title   string
	Version int
	Credit  string // on one line
	Scope   string // on one line
	Sources []questions.Source
	// Glossary is the bank's glossary, in bank order.
	Glossary []questions.Term
	// Stages are the bank's stages with their minimum scores, lowest first.
	Stages []questions.Stage
}

// Evidence is a fact or a case resolved from the bank, with its source's
// citation; exactly one of Fact and Case is set.
type Evidence struct {
	ID     string
	Fact   *FactView
	Case   *CaseView
	Source string // the source's citation, or its id when the bank lacks it
}

// FactView is a figure as data: Text holds "{value}" where the value goes;
// Fill writes it with the catalog's locale.
type FactView struct {
	Value  float64
	Format string // questions.FormatPercent, FormatNumber or FormatTimes
	About  bool
	Text   string
}

// CaseView is what one organization did, with its figures.
type CaseView struct {
	Org   string
	Text  string // on one line
	Facts []FactView
}

// StageView is a stage as the bank names and describes it.
type StageView struct {
	Number      int
	Name        string
	Description string // on one line; empty when the bank lacks the stage
}

// Coverage is how much of the bank was answered. Not applicable questions
// are left out of Applicable; "not sure" is not answered.
type Coverage struct {
	Answered, Unsure, Total   int
	NotApplicable, Applicable int
	// Share is Answered/Applicable, 0..1.
	Share float64
}

// PillarView is one pillar's score, stage and key actions.
type PillarView struct {
	ID    string
	Title string
	Score Score
	Stage *StageView // nil when unscored or thin
	// Thin is true when fewer than half of its applicable questions were
	// answered: its score stands, but it has no stage of its own.
	Thin   bool
	Counts Counts
	// Intro is the evidence on the pillar's intro card.
	Intro      []Evidence
	Target     *Progress
	Delta      Score // the change since the previous assessment; unscored without one
	KeyActions []KeyActionView
}

// KeyActionView is one key action's score.
type KeyActionView struct {
	ID                        string
	Title                     string
	Score                     Score
	Stage                     *StageView // nil when unscored or thin (and in results stored before scoring v2)
	Thin                      bool
	Answered, Unsure, Total   int
	NotApplicable, Applicable int
	Delta                     Score // the change since the previous assessment; unscored without one
	// Evidence is what the bank shows on the key action's page.
	Evidence []Evidence
}

// RecommendationView is a triggered recommendation with its evidence and
// first steps; Why and Steps are empty when the bank no longer has it.
type RecommendationView struct {
	ID    string
	Title string
	// Gap is 100 less the score of what fired it (0 in results stored
	// before scoring v2, which have Impact instead).
	Gap float64
	// Impact is the ranking figure of a result stored before scoring v2,
	// and Gap for newer ones.
	//
	// Deprecated: show Gap; Impact remains for results stored before v2.
	Impact float64
	// KeyAction is the key action it is about (empty for a pillar's).
	KeyAction string
	// Because is what fired it; its zero value (results stored before
	// scoring v2) says nothing.
	Because BecauseView
	// Next are the concrete targets: options one level up.
	Next []Rung
	Why  string // on one line
	// Steps are every first step: Alone, then Propose.
	Steps []string
	// Alone are the steps the respondent can start alone; Propose those to
	// propose to leadership (a version 1 bank's steps are all Alone).
	Alone, Propose []string
	Caveats        []string
	Evidence       []Evidence
	// AtTarget is set when its key action (or pillar) is at or above the
	// organization's target for it: it is not pushed (see Next90).
	AtTarget bool
}

// BecauseView is what fired a recommendation, with the title of the key
// action or pillar (a question is named by its id).
type BecauseView struct {
	Because
	Title string
	Stage *StageView
	// For a question: its number in the bank (1-based) and the text of the
	// answer given, so the reason reads without knowing question ids.
	QuestionN int
	Answer    string
}

// AnswerGroup is the questions of one key action with their answers.
type AnswerGroup struct {
	PillarID, PillarTitle       string
	KeyActionID, KeyActionTitle string
	Items                       []AnswerView
}

// AnswerView is one question and how it was answered.
type AnswerView struct {
	N          int // 1-based position in the bank
	QuestionID string
	Prompt     string
	WhoKnows   string // who would know, for "not sure"
	Answered   bool
	Answer     Answer
	Option     string // the text of the level chosen, when answered at a level
	// Next is the text of the option one level up, when answered at a level
	// below the top.
	Next string
	Note string
}

// ComparisonView is the change from one assessment to a later one, laid out
// as rows: overall, then each pillar followed by its key actions.
type ComparisonView struct {
	From, To Side
	Comparison
	Rows []ChangeRow
	// Versions is set when the two were answered with different versions
	// of the bank: both are then scored again on the questions they share.
	Versions *VersionNote
}

// VersionNote says that a comparison spans two versions of a bank.
type VersionNote struct {
	From, To BankRef
	// Shared is how many questions the two versions have in common, and
	// Total how many the later one has.
	Shared, Total int
}

// Side is one of the two assessments of a comparison.
type Side struct {
	ID          string
	Org         string
	CompletedAt *time.Time
	Bank        BankRef
	// Stage is its overall stage as compared (nil when unscored).
	Stage *StageView
}

// ChangeRow is one row of a comparison.
type ChangeRow struct {
	Kind  RowKind
	Title string // empty for the overall row
	Change
}

// RowKind says what a comparison row is about.
type RowKind int

// The kinds of comparison rows.
const (
	OverallRow   RowKind = iota
	PillarRow            // a pillar
	KeyActionRow         // a key action, shown under its pillar
)

// NewView resolves a (completed) assessment for display, with the
// organization's previous assessment when there is one (previous may be
// nil). It shows the stored result as it was completed: titles, stages,
// questions and recommendations come from the bank the assessment was
// answered with (questions.Builtin, when a's bank is another built-in one
// than b), else from b. Stages are looked up by number; parts the bank no
// longer has keep their ids as titles.
func NewView(b *questions.Bank, a, previous *Assessment) *View {
	b = bankOf(a.Bank, b)
	res := a.Result
	if res == nil {
		res = &Result{}
	}
	v := &View{
		Source: a, ID: a.ID, Org: a.Org, Respondent: a.Respondent, Role: a.Role, Workshop: a.Workshop,
		CompletedAt: a.CompletedAt,
		Bank:        RefOf(b),
		Overall:     res.Overall,
		Stage:       stageView(b, res.Stage),
		Coverage: Coverage{Answered: res.Answered, Unsure: res.Unsure, Total: res.Total,
			NotApplicable: res.NotApplicable, Applicable: res.Applicable, Share: res.Coverage},
		Provisional: res.Provisional,
		Target:      res.Target,
		Method:      methodOf(b),
		bank:        b,
	}
	deltas := map[string]Score{}
	if previous != nil && previous.Result != nil {
		v.Change = NewComparisonView(b, previous, a)
		for _, c := range append(v.Change.Pillars, v.Change.KeyActions...) {
			deltas[c.ID] = c.Delta
		}
	}
	for _, pr := range res.Pillars {
		p := PillarView{ID: pr.ID, Title: b.TitleOf(pr.ID), Score: pr.Score, Stage: stageView(b, pr.Stage),
			Thin: pr.Thin(), Counts: pr.Counts, Target: pr.Target, Delta: deltas[pr.ID]}
		if bp, ok := b.Pillar(pr.ID); ok {
			p.Intro = evidence(b, bp.Intro)
		}
		for _, kr := range pr.KeyActions {
			k := KeyActionView{
				ID: kr.ID, Title: b.TitleOf(kr.ID), Score: kr.Score, Stage: stageView(b, kr.Stage), Thin: kr.Thin(),
				Answered: kr.Answered, Unsure: kr.Unsure, Total: kr.Total,
				NotApplicable: kr.NotApplicable, Applicable: kr.Applicable, Delta: deltas[kr.ID],
			}
			if bk, ok := b.KeyAction(kr.ID); ok {
				k.Evidence = evidence(b, bk.Evidence)
			}
			p.KeyActions = append(p.KeyActions, k)
			if !k.Score.Valid && k.Applicable > 0 {
				v.Unscored = append(v.Unscored, PartLine{ID: k.ID, Title: k.Title, Score: k.Score})
			}
		}
		v.Pillars = append(v.Pillars, p)
	}
	v.Strongest, v.Weakest = extremes(v.Pillars)
	if m := res.Missing; res.Provisional && m != nil {
		v.Missing = &MissingView{Answers: m.Answers}
		for _, id := range m.ThinPillars {
			v.Missing.ThinPillars = append(v.Missing.ThinPillars, partLine(v, id))
		}
	}
	if c := res.Capped; c != nil {
		v.Capped = &CapView{Pillar: partLine(v, c.Pillar), PillarStage: stageView(b, &c.PillarStage), Uncapped: stageView(b, &c.Uncapped)}
	}
	for _, t := range res.Recommendations {
		v.Recommendations = append(v.Recommendations, recommendationView(b, t))
	}
	v.Answers = answerGroups(b, a)
	v.SourceBenchmarks = SourceBenchmarks(b, res, a.Answers)
	for _, g := range v.Answers {
		for _, it := range g.Items {
			if it.Answered && it.Answer.Unsure {
				v.KnowledgeGaps = append(v.KnowledgeGaps, KnowledgeGap{QuestionID: it.QuestionID, Prompt: it.Prompt, WhoKnows: it.WhoKnows, Note: it.Note})
			}
		}
	}
	return v
}

// bankOf is the built-in bank ref names, or b when ref is b's, empty, or
// not built in.
func bankOf(ref BankRef, b *questions.Bank) *questions.Bank {
	if ref.ID == "" || ref == RefOf(b) {
		return b
	}
	if other, ok := questions.Builtin(ref.ID, ref.Version, ref.Language); ok {
		return other
	}
	return b
}

func methodOf(b *questions.Bank) Method {
	return Method{Title: b.Title, Version: b.Version, Credit: oneLine(b.Credit), Scope: oneLine(b.Scope), Sources: b.Sources, Glossary: b.Glossary, Stages: b.Stages}
}

// partLine names the pillar or key action id of v with its score.
func partLine(v *View, id string) PartLine {
	for _, p := range v.Pillars {
		if p.ID == id {
			return PartLine{ID: id, Title: p.Title, Score: p.Score}
		}
		for _, k := range p.KeyActions {
			if k.ID == id {
				return PartLine{ID: id, Title: k.Title, Score: k.Score}
			}
		}
	}
	return PartLine{ID: id, Title: id}
}

// extremes are the strongest and weakest key actions with a stage of their
// own (the first in bank order on a tie), or nil when they do not differ.
func extremes(pillars []PillarView) (strongest, weakest *PartLine) {
	for _, p := range pillars {
		for _, k := range p.KeyActions {
			if k.Stage == nil || !k.Score.Valid {
				continue
			}
			line := PartLine{ID: k.ID, Title: k.Title, Score: k.Score}
			if strongest == nil || k.Score.Value > strongest.Score.Value {
				strongest = &line
			}
			if weakest == nil || k.Score.Value < weakest.Score.Value {
				weakest = &line
			}
		}
	}
	if strongest == nil || Round(strongest.Score.Value) == Round(weakest.Score.Value) {
		return nil, nil
	}
	return strongest, weakest
}

// questionNumber is the 1-based position of question id in bank b, as the
// walk and the reports number questions; 0 when the bank lacks it.
func questionNumber(b *questions.Bank, id string) int {
	for i, q := range b.AllQuestions() {
		if q.ID == id {
			return i + 1
		}
	}
	return 0
}

// recommendationView resolves a fired recommendation against bank b.
func recommendationView(b *questions.Bank, t Triggered) RecommendationView {
	r := RecommendationView{ID: t.ID, Title: t.Title, Gap: t.Gap, Impact: cmp.Or(t.Impact, t.Gap), KeyAction: t.KeyAction}
	r.Because = BecauseView{Because: t.Because, Stage: stageView(b, t.Because.Stage)}
	switch {
	case t.Because.Question != "":
		r.Because.Title = t.Because.Question
		r.Because.QuestionN = questionNumber(b, t.Because.Question)
		if q, ok := b.Question(t.Because.Question); ok && t.Because.Level != nil {
			r.Because.Answer = q.Option(*t.Because.Level)
		}
	case !t.Because.IsZero():
		r.Because.Title = b.TitleOf(t.Because.KeyAction + t.Because.Pillar)
	}
	for _, n := range t.Next {
		if q, ok := b.Question(n.Question); ok && q.Option(n.Level) != "" {
			n.Text = q.Option(n.Level)
		}
		r.Next = append(r.Next, n)
	}
	if br, ok := b.Recommendation(t.ID); ok {
		r.Title, r.Why = br.Title, oneLine(br.Why)
		r.Steps, r.Alone, r.Propose = br.Steps.All(), br.Steps.Alone, br.Steps.Propose
		r.Caveats, r.Evidence = br.Caveats, evidence(b, br.Evidence)
	}
	if r.Title == "" {
		r.Title = t.ID
	}
	return r
}

// evidence resolves fact and case ids; ids the bank lacks are left out.
func evidence(b *questions.Bank, ids []string) []Evidence {
	var out []Evidence
	for _, id := range ids {
		e, ok := b.Evidence(id)
		if !ok {
			continue
		}
		ev := Evidence{ID: id}
		source := ""
		if e.Fact != nil {
			f := factView(e.Fact)
			ev.Fact, source = &f, e.Fact.Source
		} else {
			ev.Case, source = &CaseView{Org: e.Case.Org, Text: oneLine(e.Case.Text)}, e.Case.Source
			for _, fid := range e.Case.Facts {
				if f, ok := b.Fact(fid); ok {
					ev.Case.Facts = append(ev.Case.Facts, factView(f))
				}
			}
		}
		ev.Source = source
		if s, ok := b.Source(source); ok {
			ev.Source = s.Cite
			if s.Short != "" {
				ev.Source = s.Short
			}
		}
		out = append(out, ev)
	}
	return out
}

func factView(f *questions.Fact) FactView {
	return FactView{Value: f.Value, Format: f.Format, About: f.About, Text: oneLine(f.Text)}
}

// NewComparisonView lines up two assessments (from the earlier to the
// later) by id, with titles from bank b (or the later one's own bank, as
// NewView resolves it). Two assessments answered with different versions
// of a bank are both scored again, against the later one's bank, on only
// the questions the two versions share; Versions says so.
func NewComparisonView(b *questions.Bank, from, to *Assessment) *ComparisonView {
	fromRes, toRes := from.Result, to.Result
	if fromRes == nil {
		fromRes = &Result{}
	}
	if toRes == nil {
		toRes = &Result{}
	}
	c := &ComparisonView{
		From: Side{ID: from.ID, Org: from.Org, CompletedAt: from.CompletedAt, Bank: from.Bank},
		To:   Side{ID: to.ID, Org: to.Org, CompletedAt: to.CompletedAt, Bank: to.Bank},
	}
	toBank := bankOf(to.Bank, b)
	if from.Bank.ID != "" && to.Bank.ID != "" && from.Bank.Version != to.Bank.Version {
		shared := sharedQuestions(bankOf(from.Bank, b), toBank)
		c.Versions = &VersionNote{From: from.Bank, To: to.Bank, Shared: len(shared), Total: toBank.QuestionCount()}
		f, t := Evaluate(toBank, only(from.Answers, shared), Targets{}), Evaluate(toBank, only(to.Answers, shared), Targets{})
		fromRes, toRes = &f, &t
	}
	b = toBank
	c.From.Stage, c.To.Stage = stageView(b, fromRes.Stage), stageView(b, toRes.Stage)
	c.Comparison = Compare(fromRes, toRes)
	pillarOf := map[string]string{}
	for _, r := range []*Result{fromRes, toRes} {
		for _, p := range r.Pillars {
			for _, k := range p.KeyActions {
				pillarOf[k.ID] = p.ID
			}
		}
	}
	byPillar := map[string][]Change{}
	for _, k := range c.KeyActions {
		byPillar[pillarOf[k.ID]] = append(byPillar[pillarOf[k.ID]], k)
	}
	c.Rows = append(c.Rows, ChangeRow{Kind: OverallRow, Change: c.Overall})
	for _, p := range c.Pillars {
		c.Rows = append(c.Rows, ChangeRow{Kind: PillarRow, Title: b.TitleOf(p.ID), Change: p})
		for _, k := range byPillar[p.ID] {
			c.Rows = append(c.Rows, ChangeRow{Kind: KeyActionRow, Title: b.TitleOf(k.ID), Change: k})
		}
	}
	return c
}

// sharedQuestions are the ids of the questions both banks have.
func sharedQuestions(a, b *questions.Bank) map[string]bool {
	shared := map[string]bool{}
	for _, q := range a.AllQuestions() {
		if _, ok := b.Question(q.ID); ok {
			shared[q.ID] = true
		}
	}
	return shared
}

// only keeps the answers to the given questions.
func only(answers Answers, ids map[string]bool) Answers {
	out := Answers{}
	for id, a := range answers {
		if ids[id] {
			out[id] = a
		}
	}
	return out
}

// stageView resolves a stored stage by its number in bank b, keeping the
// stored name when b has no such stage.
func stageView(b *questions.Bank, s *StageRef) *StageView {
	if s == nil {
		return nil
	}
	for _, st := range b.Stages {
		if st.Number == s.Number {
			return &StageView{Number: st.Number, Name: st.Name, Description: oneLine(st.Description)}
		}
	}
	return &StageView{Number: s.Number, Name: s.Name}
}

func answerGroups(b *questions.Bank, a *Assessment) []AnswerGroup {
	var groups []AnswerGroup
	n := 0
	for _, p := range b.Pillars {
		for _, ka := range p.KeyActions {
			g := AnswerGroup{PillarID: p.ID, PillarTitle: p.Title, KeyActionID: ka.ID, KeyActionTitle: ka.Title}
			for i := range ka.Questions {
				q := &ka.Questions[i]
				n++
				ans, ok := a.Answers[q.ID]
				item := AnswerView{N: n, QuestionID: q.ID, Prompt: q.Prompt, WhoKnows: q.WhoKnows, Answered: ok, Answer: ans, Note: a.Notes[q.ID]}
				if ok && !ans.Unsure && !ans.NA {
					item.Option = q.Option(ans.Level)
					if ans.Level < questions.MaxLevel {
						item.Next = q.Option(ans.Level + 1)
					}
				}
				g.Items = append(g.Items, item)
			}
			groups = append(groups, g)
		}
	}
	return groups
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

// Text words what fired a recommendation, for example "Plan for the
// unknown scores 33.3 (stage 2)" or "dis-plan is at level 1"; empty for a
// result stored before scoring v2.
func (b BecauseView) Text(cat *messages.Catalog) string {
	switch {
	case b.Question != "" && b.Level != nil && b.QuestionN > 0 && b.Answer != "":
		return cat.T(messages.BecauseAnswer, cat.Int(b.QuestionN), cat.Int(*b.Level), strings.TrimSuffix(oneLine(b.Answer), "."))
	case b.Question != "" && b.Level != nil:
		return cat.T(messages.BecauseLevel, b.Title, *b.Level)
	case b.IsZero() || !b.Score.Valid:
		return ""
	case b.Stage == nil:
		return cat.T(messages.BecauseScoreNoStage, b.Title, cat.Score(b.Score.Value))
	}
	return cat.T(messages.BecauseScore, b.Title, cat.Score(b.Score.Value), b.Stage.Number)
}

// Figure writes the value in the catalog's language: a percentage, a
// number or a multiple, after "about" when the source gives it as
// approximate.
func (f FactView) Figure(cat *messages.Catalog) string {
	var v string
	switch f.Format {
	case questions.FormatPercent:
		v = cat.Percent(f.Value)
	case questions.FormatTimes:
		v = cat.T(messages.FactTimes, cat.Number(f.Value, decimalsOf(f.Value)))
	default:
		v = cat.Number(f.Value, decimalsOf(f.Value))
	}
	if f.About {
		v = cat.T(messages.FactAbout, v)
	}
	return v
}

// Fill is the fact's claim with its value written in the catalog's
// language.
func (f FactView) Fill(cat *messages.Catalog) string {
	figure := f.Figure(cat)
	if strings.HasPrefix(f.Text, questions.ValuePlaceholder) {
		figure = messages.SentenceStart(figure) // "About 70% of …"
	}
	return strings.ReplaceAll(f.Text, questions.ValuePlaceholder, figure)
}

// decimalsOf is how many decimals (up to two) v needs to be shown exactly.
func decimalsOf(v float64) int {
	for d := range 2 {
		p := math.Pow(10, float64(d))
		if math.Abs(math.Round(v*p)-v*p) < 1e-9 {
			return d
		}
	}
	return 2
}

// ProvisionalText says, next to the stage, that the result is provisional
// and what is missing; empty when it is not provisional.
func (v *View) ProvisionalText(cat *messages.Catalog) string {
	if !v.Provisional {
		return ""
	}
	s := cat.T(messages.ResultProvisional, cat.Int(v.Coverage.Answered), cat.Int(v.Coverage.Applicable), cat.Percent(MinCoverage))
	if m := v.Missing; m != nil && len(m.ThinPillars) > 0 {
		titles := make([]string, len(m.ThinPillars))
		for i, p := range m.ThinPillars {
			titles[i] = p.Title
		}
		s += cat.T(messages.ResultProvisionalThin, strings.Join(titles, ", "))
	}
	return s
}

// keyActionCount is how many key actions the view shows.
func (v *View) keyActionCount() int {
	n := 0
	for _, p := range v.Pillars {
		n += len(p.KeyActions)
	}
	return n
}

// UnscoredText says how many key actions are not scored and that
// answering their questions is what gives them a recommendation; empty
// when every key action with applicable questions is scored.
func (v *View) UnscoredText(cat *messages.Catalog) string {
	if len(v.Unscored) == 0 {
		return ""
	}
	return cat.T(messages.ResultUnscoredParts, cat.Int(len(v.Unscored)), cat.Int(v.keyActionCount()))
}

// NoMovesText is what to say where the next 90 days propose nothing: that
// key actions are not scored (UnscoredText), that every recommendation is
// for a part already at its target, or, only when neither, that every key
// action is at the top stage.
func (v *View) NoMovesText(cat *messages.Catalog) string {
	switch {
	case len(v.Unscored) > 0:
		return v.UnscoredText(cat)
	case len(v.Recommendations) > 0:
		return cat.T(messages.ResultAllAtTarget)
	}
	return cat.T(messages.ReportNoMoves)
}

// CappedText says, next to the stage, which pillar held it down; empty
// when none did.
func (v *View) CappedText(cat *messages.Catalog) string {
	c := v.Capped
	if c == nil || v.Stage == nil || c.PillarStage == nil || c.Uncapped == nil {
		return ""
	}
	return cat.T(messages.ResultCapped, v.Stage.Number, c.Pillar.Title, c.PillarStage.Number, c.Uncapped.Number)
}
