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

// Widest cells of the listings, in terminal cells: longer text is cut.
const (
	orgWidth   = 32
	nameWidth  = 24
	stageWidth = 28
)

// ListTable writes summaries as an aligned table, newest first.
func ListTable(w io.Writer, cat *messages.Catalog, items []assess.Summary) error {
	if len(items) == 0 {
		_, err := fmt.Fprintln(w, cat.T(messages.ListEmpty))
		return err
	}
	rows := make([][]string, len(items))
	for i, it := range items {
		stage := "-"
		if it.Stage != nil {
			stage = cat.Int(it.Stage.Number) + " " + it.Stage.Name
		}
		rows[i] = []string{it.Short, cat.DateTime(it.CompletedAt), limit(it.Org, orgWidth),
			limit(dash(it.Respondent), nameWidth), scoreText(cat, it.Overall), limit(stage, stageWidth)}
	}
	return table(w, cat.T(messages.ListHeader), rows)
}

// DraftsTable writes drafts with their progress through bank b.
func DraftsTable(w io.Writer, cat *messages.Catalog, b *questions.Bank, drafts []*assess.Assessment) error {
	if len(drafts) == 0 {
		_, err := fmt.Fprintln(w, cat.T(messages.DraftsEmpty))
		return err
	}
	ids := make([]string, len(drafts))
	for i, d := range drafts {
		ids[i] = d.ID
	}
	short := assess.ShortIDs(ids)
	rows := make([][]string, len(drafts))
	for i, d := range drafts {
		rows[i] = []string{short[i], cat.DateTime(d.UpdatedAt), limit(d.Org, orgWidth), limit(dash(d.Respondent), nameWidth),
			cat.T(messages.DraftsProgress, len(d.Answers), b.QuestionCount())}
	}
	return table(w, cat.T(messages.DraftsHeader), rows)
}

// limit is user text as one safe line of at most width cells.
func limit(s string, width int) string { return messages.Truncate(messages.SafeLine(s), width) }

// table writes a header (cells separated by tabs) and rows as columns
// aligned by display width, two spaces apart; the last column is not
// padded.
func table(w io.Writer, header string, rows [][]string) error {
	all := append([][]string{strings.Split(header, "\t")}, rows...)
	var widths []int
	for _, r := range all {
		for i, c := range r {
			if i == len(widths) {
				widths = append(widths, 0)
			}
			widths[i] = max(widths[i], messages.Width(c))
		}
	}
	var b strings.Builder
	for _, r := range all {
		for i, c := range r {
			if i == len(r)-1 {
				b.WriteString(c)
				break
			}
			b.WriteString(padRight(c, widths[i]+2))
		}
		b.WriteString("\n")
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// ListJSON writes summaries as a JSON array.
func ListJSON(w io.Writer, items []assess.Summary) error {
	if items == nil {
		items = []assess.Summary{}
	}
	return writeJSON(w, items)
}

// ListCSV writes one row per assessment with its pillar scores, for
// spreadsheets.
func ListCSV(w io.Writer, b *questions.Bank, items []assess.Summary) error {
	cw := newCSV(w, false)
	header := []string{"id", "org", "respondent", "completed_at", "overall", "stage", "stage_name", "coverage"}
	var pillars []string
	for _, p := range b.Pillars {
		pillars = append(pillars, p.ID)
		header = append(header, p.ID)
	}
	cw.text(header...)
	cw.end()
	for _, it := range items {
		stage, stageName := "", ""
		if it.Stage != nil {
			stage, stageName = strconv.Itoa(it.Stage.Number), it.Stage.Name
		}
		scores := map[string]assess.Score{}
		for _, p := range it.Pillars {
			scores[p.ID] = p.Score
		}
		cw.text(it.ID, it.Org, it.Respondent)
		cw.number(it.CompletedAt.UTC().Format(time.RFC3339), machineScore(it.Overall), stage)
		cw.text(stageName)
		cw.number(strconv.FormatFloat(it.Coverage, 'f', 3, 64))
		for _, id := range pillars {
			cw.number(machineScore(scores[id]))
		}
		cw.end()
	}
	return cw.flush()
}

func dash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

// draftRow is what a machine listing shows of a draft in progress.
type draftRow struct {
	ID         string    `json:"id"`
	Org        string    `json:"org"`
	Respondent string    `json:"respondent"`
	Role       string    `json:"role"`
	StartedAt  time.Time `json:"started_at"`
	UpdatedAt  time.Time `json:"updated_at"`
	Answered   int       `json:"answered"`
	Questions  int       `json:"questions"`
}

func draftRows(b *questions.Bank, drafts []*assess.Assessment) []draftRow {
	rows := make([]draftRow, 0, len(drafts))
	for _, d := range drafts {
		rows = append(rows, draftRow{ID: d.ID, Org: d.Org, Respondent: d.Respondent, Role: d.Role,
			StartedAt: d.StartedAt, UpdatedAt: d.UpdatedAt, Answered: len(d.Answers), Questions: b.QuestionCount()})
	}
	return rows
}

// DraftsJSON writes drafts as a JSON array with their progress through
// bank b.
func DraftsJSON(w io.Writer, b *questions.Bank, drafts []*assess.Assessment) error {
	return writeJSON(w, draftRows(b, drafts))
}

// DraftsCSV writes one row per draft with its progress through bank b.
func DraftsCSV(w io.Writer, b *questions.Bank, drafts []*assess.Assessment) error {
	cw := newCSV(w, false)
	cw.text("id", "org", "respondent", "role", "started_at", "updated_at", "answered", "questions")
	cw.end()
	for _, r := range draftRows(b, drafts) {
		cw.text(r.ID, r.Org, r.Respondent, r.Role)
		cw.number(r.StartedAt.UTC().Format(time.RFC3339), r.UpdatedAt.UTC().Format(time.RFC3339),
			strconv.Itoa(r.Answered), strconv.Itoa(r.Questions))
		cw.end()
	}
	return cw.flush()
}
