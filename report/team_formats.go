package report

import (
	"fmt"
	"html/template"
	"io"
	"strconv"
	"strings"
	"time"

	"socialmaturity/assess"
	"socialmaturity/messages"
)

func teamMarkdown(w io.Writer, d *teamDoc) error {
	var b strings.Builder
	fmt.Fprintf(&b, "# %s\n\n", md(d.Title))
	for _, f := range d.Facts {
		fmt.Fprintf(&b, "- **%s:** %s\n", md(f[0]), md(f[1]))
	}
	if d.Withheld != "" {
		fmt.Fprintf(&b, "\n%s\n", md(d.Withheld))
	} else {
		b.WriteString("\n")
		for _, f := range d.Overall {
			fmt.Fprintf(&b, "- **%s:** %s\n", md(f[0]), md(f[1]))
		}
		for _, n := range d.Notes {
			fmt.Fprintf(&b, "\n%s\n", md(n))
		}
		fmt.Fprintf(&b, "\n## %s\n\n%s\n\n", md(d.ScoresTitle), md(d.ScoresNote))
		mdRow(&b, d.Head)
		mdRule(&b, len(d.Head))
		for _, r := range d.Scores {
			cells := append([]string(nil), r.Cells...)
			cells[0] = md(cells[0])
			if r.Sub {
				cells[0] = "&nbsp;&nbsp;" + cells[0]
			} else {
				cells[0] = "**" + cells[0] + "**"
			}
			fmt.Fprintf(&b, "| %s |\n", strings.Join(cells, " | "))
		}
	}
	for _, t := range []teamTable{d.Hotspots, d.Gaps, d.Agreed, d.Roles, d.Recs, d.People} {
		if !t.Shown() {
			continue
		}
		fmt.Fprintf(&b, "\n## %s\n\n", md(t.Title))
		if t.Note != "" {
			fmt.Fprintf(&b, "%s\n\n", md(t.Note))
		}
		if len(t.Rows) == 0 {
			fmt.Fprintf(&b, "%s\n", md(t.Empty))
			continue
		}
		if t.Head != nil {
			mdRow(&b, t.Head)
			mdRule(&b, len(t.Head))
			for _, r := range t.Rows {
				mdRow(&b, r)
			}
			continue
		}
		for _, r := range t.Rows {
			fmt.Fprintf(&b, "- **%s** — %s\n", md(r[0]), md(r[1]))
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func mdRow(b *strings.Builder, cells []string) {
	out := make([]string, len(cells))
	for i, c := range cells {
		out[i] = md(c)
	}
	fmt.Fprintf(b, "| %s |\n", strings.Join(out, " | "))
}

func mdRule(b *strings.Builder, n int) {
	b.WriteString("|---" + strings.Repeat("|---:", n-1) + "|\n")
}

var teamPage = template.Must(template.New("team").Parse(`<!DOCTYPE html>
<html lang="{{.Lang}}" dir="{{.Dir}}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{.Title}}</title>
<style>
body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#222;line-height:1.45}
table{border-collapse:collapse;width:100%;margin:.5rem 0 1.5rem}
th,td{border-bottom:1px solid #ddd;padding:.3rem .5rem;text-align:start;vertical-align:top}
td.num{text-align:end;white-space:nowrap}
tr.sub td:first-child{padding-inline-start:1.5rem}
tr.pillar td{font-weight:600}
.note{color:#555}
</style>
</head>
<body>
<h1>{{.Title}}</h1>
<dl>{{range .Facts}}<dt>{{index . 0}}</dt><dd>{{index . 1}}</dd>{{end}}</dl>
{{if .Withheld}}<p>{{.Withheld}}</p>{{else}}
<dl>{{range .Overall}}<dt>{{index . 0}}</dt><dd>{{index . 1}}</dd>{{end}}</dl>
{{range .Notes}}<p class="note">{{.}}</p>{{end}}
<h2>{{.ScoresTitle}}</h2>
<p class="note">{{.ScoresNote}}</p>
<table><thead><tr>{{range .Head}}<th>{{.}}</th>{{end}}</tr></thead><tbody>
{{range .Scores}}<tr class="{{if .Sub}}sub{{else}}pillar{{end}}">{{range $i, $c := .Cells}}<td{{if $i}} class="num"{{end}}>{{$c}}</td>{{end}}</tr>
{{end}}</tbody></table>{{end}}
{{range .Tables}}{{if .Shown}}
<h2>{{.Title}}</h2>
{{if .Note}}<p class="note">{{.Note}}</p>{{end}}
{{if not .Rows}}<p>{{.Empty}}</p>{{else if .Head}}<table><thead><tr>{{range .Head}}<th>{{.}}</th>{{end}}</tr></thead><tbody>
{{range .Rows}}<tr>{{range .}}<td>{{.}}</td>{{end}}</tr>
{{end}}</tbody></table>{{else}}<ul>{{range .Rows}}<li><strong>{{index . 0}}</strong> — {{index . 1}}</li>{{end}}</ul>{{end}}
{{end}}{{end}}
</body>
</html>
`))

func teamHTML(w io.Writer, d *teamDoc) error {
	return teamPage.Execute(w, struct {
		*teamDoc
		Tables []teamTable
	}{d, []teamTable{d.Hotspots, d.Gaps, d.Agreed, d.Roles, d.Recs, d.People}})
}

// teamCSV writes one row per question: where it sits, whether it is
// withheld, the distribution, "not sure" and "does not apply" counts, the
// figures, flags, the team's and the agreed answer. A count under
// assess.MinGroup is written "<3"; a figure it would rest on is left empty.
// A withheld result has the header only. Participants are named only when
// t.People is set: then a blank line and a table of them follow.
func teamCSV(w io.Writer, t *TeamReport) error {
	cw := newCSV(w, false)
	head := []string{"workshop_id", "org", "pillar", "key_action", "question_id", "question", "withheld", "n"}
	for l := range len(assess.QuestionStats{}.Levels) {
		head = append(head, "level_"+strconv.Itoa(l))
	}
	head = append(head, "unsure", "na", "mean", "median", "leik_d", "outlier", "knowledge_gap", "consensus", "team_answer", "agreed", "agreed_why")
	cw.text(head...)
	cw.end()
	few := "<" + strconv.Itoa(assess.MinGroup)
	for i := range t.Result.Questions {
		q := &t.Result.Questions[i]
		prompt := ""
		if qq, ok := t.Bank.Question(q.ID); ok {
			prompt = messages.SafeLine(qq.Prompt)
		}
		cw.text(t.ID, messages.SafeLine(t.Org), q.Pillar, q.KeyAction, q.ID, prompt)
		levels := make([]string, len(q.Levels)+1)
		levels[0] = few
		if !q.FewLevels {
			levels[0] = strconv.Itoa(q.N)
			for l, n := range q.Levels {
				levels[l+1] = strconv.Itoa(n)
			}
		}
		cw.number(strconv.FormatBool(q.Withheld))
		cw.number(levels...)
		unsure, na, gap := "", "", ""
		if !q.Withheld {
			unsure, na, gap = strconv.Itoa(q.Unsure), strconv.Itoa(q.NA), strconv.FormatBool(q.KnowledgeGap)
		}
		mean, median, d, outlier, consensus := "", "", "", "", ""
		if !q.FewLevels {
			mean, median = strconv.FormatFloat(q.Mean, 'f', 2, 64), strconv.FormatFloat(q.Median, 'f', 1, 64)
			d = strconv.FormatFloat(*q.D, 'f', 3, 64)
			outlier, consensus = strconv.FormatBool(q.Outlier), strconv.FormatBool(q.Consensus)
		}
		team, agreed, why := "", "", ""
		if q.HasTeam {
			team = machineAnswer(q.Team)
		}
		if q.Agreed != nil {
			agreed, why = machineAnswer(q.Agreed.Answer), messages.SafeLine(q.Agreed.Why)
		}
		cw.number(unsure, na, mean, median, d, outlier, gap, consensus, team, agreed)
		cw.text(why)
		cw.end()
	}
	if t.People != nil {
		cw.end()
		cw.text("name", "completed")
		cw.end()
		for _, p := range t.People {
			cw.text(messages.SafeLine(p.Name))
			cw.number(strconv.FormatBool(p.Completed))
			cw.end()
		}
	}
	return cw.flush()
}

// teamFile is the JSON form of a team report.
type teamFile struct {
	Schema          string             `json:"schema"`
	ID              string             `json:"id"`
	Org             string             `json:"org"`
	Title           string             `json:"title,omitempty"`
	Created         time.Time          `json:"created_at"`
	Bank            assess.BankRef     `json:"bank"`
	Members         int                `json:"members"`
	Completed       int                `json:"completed"`
	Withheld        bool               `json:"withheld"`
	People          []TeamPerson       `json:"people,omitempty"`
	Overall         *teamPartJSON      `json:"overall,omitempty"`
	Provisional     bool               `json:"provisional"`
	Pillars         []teamPillarJSON   `json:"pillars,omitempty"`
	Questions       []teamQuestionJSON `json:"questions,omitempty"`
	Hotspots        []string           `json:"hotspots,omitempty"`
	KnowledgeGaps   []string           `json:"knowledge_gaps,omitempty"`
	Recommendations []assess.Triggered `json:"recommendations,omitempty"`
	Roles           []teamRoleJSON     `json:"roles,omitempty"`
}

// TeamSchema names the JSON form of a team report.
const TeamSchema = "socialmaturity.team/v1"

// teamPartJSON is a part: withheld when answered by fewer than
// assess.MinGroup people (nothing else is then given); score and stage
// those of the team's answers; people_scores the mean and spread of the
// people's own scores, null under assess.MinGroup people.
type teamPartJSON struct {
	ID           string           `json:"id,omitempty"`
	Withheld     bool             `json:"withheld"`
	Score        assess.Score     `json:"score"`
	Stage        *assess.StageRef `json:"stage"`
	PeopleScores *peopleJSON      `json:"people_scores"`
}

type peopleJSON struct {
	Mean   assess.Score `json:"mean"`
	Spread float64      `json:"spread"`
	N      int          `json:"n"`
}

type teamPillarJSON struct {
	teamPartJSON
	KeyActions []teamPartJSON `json:"key_actions"`
}

type teamRoleJSON struct {
	Role    string           `json:"role"`
	Members int              `json:"members"`
	Overall teamPartJSON     `json:"overall"`
	Pillars []teamPillarJSON `json:"pillars"`
}

// teamQuestionJSON is a question: withheld when answered by fewer than
// assess.MinGroup people; n, levels and the figures on them are null when
// fewer than that answered at a level; a null flag was not judged.
type teamQuestionJSON struct {
	ID           string               `json:"id"`
	Withheld     bool                 `json:"withheld"`
	N            *int                 `json:"n"`
	Levels       []int                `json:"levels"`
	Unsure       *int                 `json:"unsure"`
	NA           *int                 `json:"na"`
	Mean         *float64             `json:"mean"`
	Median       *float64             `json:"median"`
	D            *float64             `json:"leik_d"`
	Outlier      *bool                `json:"outlier"`
	KnowledgeGap *bool                `json:"knowledge_gap"`
	Consensus    *bool                `json:"consensus"`
	Team         *assess.Answer       `json:"team_answer"`
	Agreed       *assess.AgreedAnswer `json:"agreed,omitempty"`
}

func partJSON(p assess.TeamPart) teamPartJSON {
	j := teamPartJSON{ID: p.ID, Withheld: p.Withheld, Score: p.Score, Stage: p.Stage}
	if p.Mean.Valid {
		j.PeopleScores = &peopleJSON{Mean: p.Mean, Spread: assess.Round(p.Spread), N: p.N}
	}
	return j
}

func questionJSON(q *assess.QuestionStats) teamQuestionJSON {
	j := teamQuestionJSON{ID: q.ID, Withheld: q.Withheld, Agreed: q.Agreed}
	if !q.Withheld {
		j.Unsure, j.NA, j.KnowledgeGap = &q.Unsure, &q.NA, &q.KnowledgeGap
	}
	if !q.FewLevels {
		j.N, j.Levels, j.Mean, j.Median, j.D = &q.N, q.Levels[:], &q.Mean, &q.Median, q.D
		j.Outlier, j.Consensus = &q.Outlier, &q.Consensus
	}
	if q.HasTeam {
		j.Team = &q.Team
	}
	return j
}

func pillarsJSON(ps []assess.TeamPillar) []teamPillarJSON {
	out := make([]teamPillarJSON, len(ps))
	for i, p := range ps {
		out[i] = teamPillarJSON{teamPartJSON: partJSON(p.TeamPart)}
		for _, k := range p.KeyActions {
			out[i].KeyActions = append(out[i].KeyActions, partJSON(k))
		}
	}
	return out
}

func teamJSON(w io.Writer, t *TeamReport) error {
	r := &t.Result
	f := teamFile{Schema: TeamSchema, ID: t.ID, Org: t.Org, Title: t.Title, Created: t.Created, Bank: r.Bank,
		Members: r.Members, Completed: r.Completed, Withheld: r.Withheld, People: t.People}
	if !r.Withheld {
		overall := partJSON(r.Overall)
		f.Overall, f.Provisional, f.Pillars = &overall, r.Provisional, pillarsJSON(r.Pillars)
		f.Recommendations = r.Evaluation.Recommendations
		for i := range r.Questions {
			f.Questions = append(f.Questions, questionJSON(&r.Questions[i]))
		}
		for _, q := range r.Hotspots {
			f.Hotspots = append(f.Hotspots, q.ID)
		}
		for _, q := range r.KnowledgeGaps {
			f.KnowledgeGaps = append(f.KnowledgeGaps, q.ID)
		}
		for _, g := range r.Roles {
			f.Roles = append(f.Roles, teamRoleJSON{Role: g.Role, Members: g.Members, Overall: partJSON(g.Overall), Pillars: pillarsJSON(g.Pillars)})
		}
	}
	return writeJSON(w, f)
}
