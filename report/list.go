package report

import (
	"encoding/csv"
	"fmt"
	"io"
	"strconv"
	"text/tabwriter"
	"time"

	"socialmaturity/assess"
	"socialmaturity/messages"
	"socialmaturity/questions"
)

// ListTable writes summaries as an aligned table, newest first.
func ListTable(w io.Writer, cat *messages.Catalog, items []assess.Summary) error {
	if len(items) == 0 {
		_, err := fmt.Fprintln(w, cat.T(messages.ListEmpty))
		return err
	}
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, cat.T(messages.ListHeader))
	for _, it := range items {
		stage := "-"
		if it.Stage != nil {
			stage = fmt.Sprintf("%d %s", it.Stage.Number, it.Stage.Name)
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\n", it.Short, it.CompletedAt.Local().Format(DateFormat),
			it.Org, dash(it.Respondent), FormatScore(cat, it.Overall), stage)
	}
	return tw.Flush()
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
	cw := csv.NewWriter(w)
	header := []string{"id", "org", "respondent", "completed_at", "overall", "stage", "stage_name", "coverage"}
	var pillars []string
	for _, p := range b.Pillars {
		pillars = append(pillars, p.ID)
		header = append(header, p.ID)
	}
	if err := cw.Write(header); err != nil {
		return err
	}
	for _, it := range items {
		row := []string{it.ID, it.Org, it.Respondent, it.CompletedAt.UTC().Format(time.RFC3339), csvScore(it.Overall), "", "", strconv.FormatFloat(it.Coverage, 'f', 3, 64)}
		if it.Stage != nil {
			row[5], row[6] = strconv.Itoa(it.Stage.Number), it.Stage.Name
		}
		scores := map[string]assess.Score{}
		for _, p := range it.Pillars {
			scores[p.ID] = p.Score
		}
		for _, id := range pillars {
			row = append(row, csvScore(scores[id]))
		}
		if err := cw.Write(row); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

func csvScore(s assess.Score) string {
	if !s.Valid {
		return ""
	}
	return strconv.FormatFloat(assess.Round(s.Value), 'f', 1, 64)
}

// DraftsTable writes drafts with their progress through bank b.
func DraftsTable(w io.Writer, cat *messages.Catalog, b *questions.Bank, drafts []*assess.Assessment) error {
	if len(drafts) == 0 {
		_, err := fmt.Fprintln(w, cat.T(messages.DraftsEmpty))
		return err
	}
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, cat.T(messages.DraftsHeader))
	for _, d := range drafts {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", d.ID[:assess.ShortIDLen], d.UpdatedAt.Local().Format(DateFormat), d.Org, dash(d.Respondent),
			cat.T(messages.DraftsProgress, len(d.Answers), b.QuestionCount()))
	}
	return tw.Flush()
}

func dash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}
