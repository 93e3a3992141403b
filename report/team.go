package report

import (
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"socialmaturity/assess"
	"socialmaturity/messages"
	"socialmaturity/questions"
)

// TeamReport is what a workshop's team report shows.
type TeamReport struct {
	ID, Org, Title string
	Created        time.Time
	Bank           *questions.Bank
	Result         assess.TeamResult
	// People are the participants by name, shown only when set (the report
	// is anonymous otherwise).
	People []TeamPerson
}

// TeamPerson is a participant named in a team report.
type TeamPerson struct {
	Name      string `json:"name"`
	Completed bool   `json:"completed"`
}

// TeamFormats lists the formats of a team report, the default first.
func TeamFormats() []string { return []string{FormatHTML, FormatMarkdown, FormatCSV, FormatJSON} }

// TeamExport writes a workshop's team report in a format (see TeamFormats).
// Nothing answered by fewer than assess.MinGroup people is given, in any
// format; participants are named (in CSV, a table of its own after the
// questions) only when t.People is set.
func TeamExport(w io.Writer, cat *messages.Catalog, t *TeamReport, format string) error {
	d := newTeamDoc(cat, t)
	switch format {
	case FormatHTML:
		return teamHTML(w, d)
	case FormatMarkdown:
		return teamMarkdown(w, d)
	case FormatCSV:
		return teamCSV(w, t)
	case FormatJSON:
		return teamJSON(w, t)
	}
	return fmt.Errorf("unknown team report format %q (expected one of %s)", format, strings.Join(TeamFormats(), ", "))
}

// TeamFileName is the default file of a team report, e.g.
// "acme-team-2026-03-01.html".
func TeamFileName(t *TeamReport, format string) string {
	name := FileName(&assess.Assessment{Submission: assess.Submission{Org: t.Org}}, format)
	return strings.TrimSuffix(name, "."+format) + "-team-" + t.Created.Local().Format("2006-01-02") + "." + format
}

// teamDoc is the team report worded for people, shared by Markdown and
// HTML: every text is the catalog's, user text made display-safe.
type teamDoc struct {
	Lang, Dir, Title string
	Facts            [][2]string
	Withheld         string
	Overall          [][2]string
	Notes            []string
	Head             []string
	Scores           []teamRow
	ScoresTitle      string
	ScoresNote       string
	Hotspots         teamTable
	Gaps             teamTable
	Agreed           teamTable
	Roles            teamTable
	Recs             teamTable
	People           teamTable
}

// teamRow is a row of the scores table; Sub marks a key action under its
// pillar.
type teamRow struct {
	Cells []string
	Sub   bool
}

// teamTable is a titled table with a note; Empty is said when it has no
// rows, and a table with neither rows nor Empty is left out.
type teamTable struct {
	Title, Note, Empty string
	Head               []string
	Rows               [][]string
}

// Shown reports whether the table is part of the report.
func (t teamTable) Shown() bool { return len(t.Rows) > 0 || t.Empty != "" }

func newTeamDoc(cat *messages.Catalog, t *TeamReport) *teamDoc {
	r := &t.Result
	d := &teamDoc{Lang: cat.Lang(), Dir: cat.Dir(), Title: cat.T(messages.WSRepTitle, messages.SafeLine(t.Org))}
	if t.Title != "" {
		d.Facts = append(d.Facts, [2]string{cat.T(messages.WSRepWorkshop), messages.SafeLine(t.Title)})
	}
	d.Facts = append(d.Facts,
		[2]string{cat.T(messages.WSRepID), t.ID},
		[2]string{cat.T(messages.WSRepCreated), cat.Date(t.Created)},
		[2]string{cat.T(messages.WSRepPeople), cat.T(messages.WSRepPeopleValue, cat.Int(r.Members), cat.Int(r.Completed))})
	if t.People != nil {
		d.People = teamTable{Title: cat.T(messages.WSRepNames), Head: []string{cat.T(messages.WSRepNames), ""}}
		for _, p := range t.People {
			name, state := messages.SafeLine(p.Name), cat.T(messages.WSRepInProgress)
			if name == "" {
				name = cat.T(messages.WSRepUnnamed)
			}
			if p.Completed {
				state = cat.T(messages.WSRepFinished)
			}
			d.People.Rows = append(d.People.Rows, []string{name, state})
		}
	}
	if r.Withheld {
		d.Withheld = cat.T(messages.WSRepWithheld, cat.Int(assess.MinGroup))
		return d
	}
	b := t.Bank
	overallMean := cat.T(messages.WSRepFewer, cat.Int(assess.MinGroup))
	if o := r.Overall; o.Mean.Valid {
		overallMean = cat.T(messages.WSRepOverallMean, cat.Score(o.Mean.Value), cat.Score(o.Spread), cat.Int(o.N))
	}
	d.Overall = [][2]string{
		{cat.T(messages.WSRepScore), scoreText(cat, r.Overall.Score) + " / 100"},
		{cat.T(messages.WSRepStage), teamStage(cat, r.Overall.Stage)},
		{cat.T(messages.WSRepPeopleScores), overallMean},
	}
	view := assess.NewView(b, &assess.Assessment{
		Submission: assess.Submission{Org: t.Org, Answers: r.Answers}, Bank: r.Bank, Result: &r.Evaluation,
	}, nil)
	if s := view.ProvisionalText(cat); s != "" {
		d.Notes = append(d.Notes, s)
	}
	if c := r.Capped; c != nil && r.Overall.Stage != nil {
		d.Notes = append(d.Notes, cat.T(messages.ResultCapped, r.Overall.Stage.Number, b.TitleOf(c.Pillar), c.PillarStage.Number, c.Uncapped.Number))
	}
	d.Head = []string{"", cat.T(messages.WSRepScore), cat.T(messages.WSRepStage), cat.T(messages.WSRepPeopleScores), cat.T(messages.WSRepPeople)}
	d.ScoresTitle, d.ScoresNote = cat.T(messages.WSRepScores), cat.T(messages.WSRepScoresNote, cat.Int(assess.MinGroup))
	partRow := func(p assess.TeamPart) []string {
		title := messages.SafeLine(b.TitleOf(p.ID))
		if p.Withheld {
			return []string{title, partScore(cat, p), "", "", ""}
		}
		mean, people := "–", cat.T(messages.WSRepFewer, cat.Int(assess.MinGroup))
		if p.Mean.Valid {
			mean, people = cat.T(messages.WSRepMeanSpread, cat.Score(p.Mean.Value), cat.Score(p.Spread)), cat.Int(p.N)
		}
		return []string{title, partScore(cat, p), teamStage(cat, p.Stage), mean, people}
	}
	for _, p := range r.Pillars {
		d.Scores = append(d.Scores, teamRow{Cells: partRow(p.TeamPart)})
		for _, k := range p.KeyActions {
			d.Scores = append(d.Scores, teamRow{Cells: partRow(k), Sub: true})
		}
	}

	question := func(q *assess.QuestionStats) string {
		if qq, ok := b.Question(q.ID); ok {
			return messages.SafeLine(qq.Prompt)
		}
		return q.ID
	}
	d.Hotspots = teamTable{Title: cat.T(messages.WSRepHotspots), Note: cat.T(messages.WSRepHotspotsNote), Empty: cat.T(messages.WSRepNoHotspots),
		Head: []string{cat.T(messages.WSRepQuestion), cat.T(messages.WSRepD), cat.T(messages.WSRepAnswers), cat.T(messages.WSRepNotSure), cat.T(messages.WSRepFlags), cat.T(messages.WSRepAgreed)}}
	for _, q := range r.Hotspots {
		if *q.D == 0 {
			break
		}
		d.Hotspots.Rows = append(d.Hotspots.Rows, []string{question(q), cat.Number(*q.D, 2) + " " + bandText(cat, *q.D),
			histogram(cat, q), cat.Int(q.Unsure), flags(cat, q), agreedText(cat, q.Agreed)})
	}
	if len(r.KnowledgeGaps) > 0 {
		d.Gaps = teamTable{Title: cat.T(messages.WSRepGaps), Note: cat.T(messages.WSRepGapsNote),
			Head: []string{cat.T(messages.WSRepQuestion), cat.T(messages.WSRepNotSure), cat.T(messages.WSRepAnswers)}}
		for _, q := range r.KnowledgeGaps {
			d.Gaps.Rows = append(d.Gaps.Rows, []string{question(q), cat.Int(q.Unsure), histogram(cat, q)})
		}
	}
	d.Agreed = teamTable{Title: cat.T(messages.WSRepAgreed), Empty: cat.T(messages.WSRepNoAgreed),
		Head: []string{cat.T(messages.WSRepQuestion), cat.T(messages.WSRepAgreed), cat.T(messages.WSRepWhy), cat.T(messages.WSRepTeamAnswer), cat.T(messages.WSRepAnswers)}}
	for i := range r.Questions {
		q := &r.Questions[i]
		if q.Agreed != nil {
			d.Agreed.Rows = append(d.Agreed.Rows, []string{question(q), agreedText(cat, q.Agreed), messages.SafeLine(q.Agreed.Why), teamAnswer(cat, q), histogram(cat, q)})
		}
	}
	if len(r.Roles) > 0 {
		d.Roles = teamTable{Title: cat.T(messages.WSRepRoles), Note: cat.T(messages.WSRepRolesNote, cat.Int(assess.MinGroup)), Head: []string{""}}
		for _, g := range r.Roles {
			role := messages.SafeLine(g.Role)
			if role == "" {
				role = cat.T(messages.WSRepNoRole)
			}
			d.Roles.Head = append(d.Roles.Head, role+" ("+cat.Int(g.Members)+")")
		}
		row := []string{cat.T(messages.WSRepScore)}
		for _, g := range r.Roles {
			row = append(row, partScore(cat, g.Overall))
		}
		d.Roles.Rows = append(d.Roles.Rows, row)
		for p, pillar := range b.Pillars {
			row := []string{messages.SafeLine(pillar.Title)}
			for _, g := range r.Roles {
				row = append(row, partScore(cat, g.Pillars[p].TeamPart))
			}
			d.Roles.Rows = append(d.Roles.Rows, row)
		}
	}
	d.Recs = teamTable{Title: cat.T(messages.ReportRecs), Empty: cat.T(messages.ResultNoRecs)}
	for _, rec := range view.Recommendations {
		d.Recs.Rows = append(d.Recs.Rows, []string{messages.SafeLine(rec.Title), messages.SafeLine(rec.Because.Text(cat))})
	}
	return d
}

// partScore is a part's team score in a cell: "–" when unscored, and
// "fewer than 3 answers" when withheld.
func partScore(cat *messages.Catalog, p assess.TeamPart) string {
	if p.Withheld {
		return fewAnswers(cat)
	}
	return cellScore(cat, p.Score)
}

func fewAnswers(cat *messages.Catalog) string {
	return cat.T(messages.WSRepFewAnswers, cat.Int(assess.MinGroup))
}

func teamStage(cat *messages.Catalog, s *assess.StageRef) string {
	if s == nil {
		return "–"
	}
	return cat.T(messages.WSRepStageValue, cat.Int(s.Number), messages.SafeLine(s.Name))
}

func bandText(cat *messages.Catalog, d float64) string {
	switch assess.BandOf(d) {
	case assess.Aligned:
		return cat.T(messages.WSBandAligned)
	case assess.Mixed:
		return cat.T(messages.WSBandMixed)
	}
	return cat.T(messages.WSBandSplit)
}

// histogram is the answers by level, e.g. "0: 1 · 1: 0 · 2: 3 · 3: 0 · 4: 2",
// or why there is none.
func histogram(cat *messages.Catalog, q *assess.QuestionStats) string {
	switch {
	case q.Withheld:
		return fewAnswers(cat)
	case q.FewLevels:
		return cat.T(messages.WSRepFewer, cat.Int(assess.MinGroup))
	}
	bars := make([]string, len(q.Levels))
	for l, n := range q.Levels {
		bars[l] = cat.T(messages.WSRepBar, cat.Int(l), cat.Int(n))
	}
	return strings.Join(bars, " · ")
}

func flags(cat *messages.Catalog, q *assess.QuestionStats) string {
	var fs []string
	if q.Outlier {
		fs = append(fs, cat.T(messages.WSFlagOutlier))
	}
	if q.KnowledgeGap {
		fs = append(fs, cat.T(messages.WSFlagGap))
	}
	return strings.Join(fs, ", ")
}

func answerText(cat *messages.Catalog, a assess.Answer) string {
	switch {
	case a.NA:
		return cat.T(messages.ReportNA)
	case a.Unsure:
		return cat.T(messages.WSRepNotSure)
	}
	return cat.Int(a.Level)
}

func agreedText(cat *messages.Catalog, a *assess.AgreedAnswer) string {
	if a == nil {
		return ""
	}
	return answerText(cat, a.Answer)
}

func teamAnswer(cat *messages.Catalog, q *assess.QuestionStats) string {
	if q.Withheld {
		return fewAnswers(cat)
	}
	if !q.HasTeam {
		return "–"
	}
	return answerText(cat, q.Team)
}

// machineAnswer is an answer for programs: the level, "unsure" or "na".
func machineAnswer(a assess.Answer) string {
	switch {
	case a.NA:
		return assess.NotApplicableWord
	case a.Unsure:
		return assess.UnsureWord
	}
	return strconv.Itoa(a.Level)
}
