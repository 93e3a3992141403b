package report

import (
	"fmt"
	"math"
	"strings"

	"socialmaturity/assess"
	"socialmaturity/messages"
	"socialmaturity/questions"
)

// document is everything a deliverable shows, resolved from an assessment
// and its bank once, for the HTML and Markdown renderers.
type document struct {
	cat        *messages.Catalog
	Org        string
	Respondent string
	Role       string
	Date       string
	ID         string
	Overall    string
	OverallPct float64
	Stage      *assess.StageRef
	StageText  string
	Coverage   string
	Pillars    []docPillar
	Radar      radar
	Recs       []docRec
	Answers    []docAnswerGroup
	Change     *docChange
	Method     []string
	Credit     string
}

type docPillar struct {
	Title      string
	Score      string
	Pct        float64
	Stage      string
	KeyActions []docScore
}

type docScore struct {
	Title string
	Score string
	Pct   float64
}

type docRec struct {
	Title string
	Why   string
	Steps []string
}

type docAnswerGroup struct {
	Pillar    string
	KeyAction string
	Items     []docAnswer
}

type docAnswer struct {
	N      int
	Prompt string
	Answer string
	Note   string
}

type docChange struct {
	From  string
	Rows  []docDelta
	Score string
}

type docDelta struct {
	Title    string
	Indent   bool
	From, To string
	Delta    string
}

// T is the catalog's message k, for the template.
func (d document) T(k string, args ...any) string { return d.cat.T(messages.Key(k), args...) }

func newDocument(cat *messages.Catalog, a Assessment) document {
	rec, bank, res := a.Record, a.Bank, a.Record.Result
	d := document{
		cat:        cat,
		Org:        rec.Org,
		Respondent: rec.Respondent,
		Role:       rec.Role,
		ID:         rec.ID,
		Overall:    FormatScore(cat, res.Overall),
		OverallPct: pct(res.Overall),
		Stage:      res.Stage,
		Coverage:   cat.T(messages.ResultCoverage, res.Answered, res.Total, res.Unsure),
		Method:     strings.Split(cat.T(messages.ReportMethodText), "\n"),
		Credit:     cat.T(messages.ReportCredit),
	}
	if rec.CompletedAt != nil {
		d.Date = rec.CompletedAt.Local().Format("2 January 2006")
	}
	if res.Stage != nil {
		for _, st := range bank.Stages {
			if st.Number == res.Stage.Number {
				d.StageText = strings.Join(strings.Fields(st.Description), " ")
			}
		}
	}
	var axes []radarAxis
	for _, pr := range res.Pillars {
		p := docPillar{Title: bank.TitleOf(pr.ID), Score: FormatScore(cat, pr.Score), Pct: pct(pr.Score)}
		if pr.Stage != nil {
			p.Stage = cat.T(messages.ResultStage, pr.Stage.Number, pr.Stage.Name)
		}
		for _, kr := range pr.KeyActions {
			title := bank.TitleOf(kr.ID)
			p.KeyActions = append(p.KeyActions, docScore{Title: title, Score: FormatScore(cat, kr.Score), Pct: pct(kr.Score)})
			axes = append(axes, radarAxis{Label: title, Value: kr.Score})
		}
		d.Pillars = append(d.Pillars, p)
	}
	d.Radar = newRadar(axes)
	for _, t := range res.Recommendations {
		r := docRec{Title: t.Title}
		if br, ok := bank.Recommendation(t.ID); ok {
			r = docRec{Title: br.Title, Why: strings.Join(strings.Fields(br.Why), " "), Steps: br.Steps}
		}
		d.Recs = append(d.Recs, r)
	}
	d.Answers = answerGroups(cat, bank, rec)
	if prev := a.Previous; prev != nil && prev.Result != nil {
		d.Change = newChange(cat, bank, prev, rec)
	}
	return d
}

func pct(s assess.Score) float64 {
	if !s.Valid {
		return 0
	}
	return math.Max(0, math.Min(100, s.Value))
}

func answerGroups(cat *messages.Catalog, bank *questions.Bank, rec *assess.Assessment) []docAnswerGroup {
	var groups []docAnswerGroup
	n := 0
	for _, p := range bank.Pillars {
		for _, ka := range p.KeyActions {
			g := docAnswerGroup{Pillar: p.Title, KeyAction: ka.Title}
			for _, q := range ka.Questions {
				n++
				g.Items = append(g.Items, docAnswer{N: n, Prompt: q.Prompt, Answer: answerText(cat, &q, rec.Answers), Note: rec.Notes[q.ID]})
			}
			groups = append(groups, g)
		}
	}
	return groups
}

// answerText is "2 — what level 2 says", "Not sure" or "not answered".
func answerText(cat *messages.Catalog, q *questions.Question, answers assess.Answers) string {
	a, ok := answers[q.ID]
	switch {
	case !ok:
		return cat.T(messages.ReportUnanswered)
	case a.Unsure:
		return cat.T(messages.WalkNotSure)
	}
	return fmt.Sprintf("%d — %s", a.Level, q.Option(a.Level))
}

func newChange(cat *messages.Catalog, bank *questions.Bank, prev, rec *assess.Assessment) *docChange {
	c := assess.Compare(prev.Result, rec.Result)
	ch := &docChange{Score: delta(c.Overall.Delta)}
	if prev.CompletedAt != nil {
		ch.From = cat.T(messages.ReportChangeFrom, prev.CompletedAt.Local().Format("2 January 2006"))
	}
	ch.Rows = comparisonRows(cat, bank, c)
	return ch
}
