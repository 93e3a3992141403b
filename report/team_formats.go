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

// teamCSV writes one row per question: where it sits, the distribution,
// "not sure" and "does not apply" counts, the figures, flags, the team's
// and the agreed answer. A withheld result has the header only. Names are
// never written.
func teamCSV(w io.Writer, t *TeamReport) error {
	cw := newCSV(w, false)
	head := []string{"workshop_id", "org", "pillar", "key_action", "question_id", "question", "n"}
	for l := range len(assess.QuestionStats{}.Levels) {
		head = append(head, "level_"+strconv.Itoa(l))
	}
	head = append(head, "unsure", "na", "mean", "median", "leik_d", "outlier", "knowledge_gap", "consensus", "team_answer", "agreed", "agreed_why")
	cw.text(head...)
	cw.end()
	for i := range t.Result.Questions {
		q := &t.Result.Questions[i]
		prompt := ""
		if qq, ok := t.Bank.Question(q.ID); ok {
			prompt = messages.SafeLine(qq.Prompt)
		}
		cw.text(t.ID, messages.SafeLine(t.Org), q.Pillar, q.KeyAction, q.ID, prompt)
		cw.number(strconv.Itoa(q.N))
		for _, n := range q.Levels {
			cw.number(strconv.Itoa(n))
		}
		mean, median, d := "", "", ""
		if q.N > 0 {
			mean, median = strconv.FormatFloat(q.Mean, 'f', 2, 64), strconv.FormatFloat(q.Median, 'f', 1, 64)
		}
		if q.D != nil {
			d = strconv.FormatFloat(*q.D, 'f', 3, 64)
		}
		team, agreed, why := "", "", ""
		if q.HasTeam {
			team = machineAnswer(q.Team)
		}
		if q.Agreed != nil {
			agreed, why = machineAnswer(q.Agreed.Answer), messages.SafeLine(q.Agreed.Why)
		}
		cw.number(strconv.Itoa(q.Unsure), strconv.Itoa(q.NA), mean, median, d,
			strconv.FormatBool(q.Outlier), strconv.FormatBool(q.KnowledgeGap), strconv.FormatBool(q.Consensus), team, agreed)
		cw.text(why)
		cw.end()
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

type teamPartJSON struct {
	ID     string           `json:"id,omitempty"`
	Score  assess.Score     `json:"score"`
	Spread float64          `json:"spread"`
	N      int              `json:"n"`
	Stage  *assess.StageRef `json:"stage"`
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

type teamQuestionJSON struct {
	ID           string               `json:"id"`
	N            int                  `json:"n"`
	Levels       []int                `json:"levels"`
	Unsure       int                  `json:"unsure"`
	NA           int                  `json:"na"`
	Mean         *float64             `json:"mean"`
	Median       *float64             `json:"median"`
	D            *float64             `json:"leik_d"`
	Outlier      bool                 `json:"outlier"`
	KnowledgeGap bool                 `json:"knowledge_gap"`
	Consensus    bool                 `json:"consensus"`
	Team         *assess.Answer       `json:"team_answer"`
	Agreed       *assess.AgreedAnswer `json:"agreed,omitempty"`
}

func partJSON(p assess.TeamPart) teamPartJSON {
	return teamPartJSON{ID: p.ID, Score: p.Score, Spread: assess.Round(p.Spread), N: p.N, Stage: p.Stage}
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
			q := &r.Questions[i]
			j := teamQuestionJSON{ID: q.ID, N: q.N, Levels: q.Levels[:], Unsure: q.Unsure, NA: q.NA, D: q.D,
				Outlier: q.Outlier, KnowledgeGap: q.KnowledgeGap, Consensus: q.Consensus, Agreed: q.Agreed}
			if q.N > 0 {
				j.Mean, j.Median = &q.Mean, &q.Median
			}
			if q.HasTeam {
				j.Team = &q.Team
			}
			f.Questions = append(f.Questions, j)
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
