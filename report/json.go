package report

import (
	"encoding/json"
	"io"
	"time"

	"socialmaturity/assess"
)

// ResultJSON is the JSON shape of a scored assessment (schema
// socialmaturity.assessment/v1): who and when, the bank, the answers and
// notes, and the result's fields. import reads it back.
type ResultJSON struct {
	Schema      string            `json:"schema"`
	ID          string            `json:"id,omitempty"`
	Org         string            `json:"org"`
	Respondent  string            `json:"respondent,omitempty"`
	Role        string            `json:"role,omitempty"`
	Workshop    string            `json:"workshop,omitempty"`
	StartedAt   *time.Time        `json:"started_at,omitempty"`
	CompletedAt *time.Time        `json:"completed_at,omitempty"`
	Bank        assess.BankRef    `json:"bank"`
	Answers     assess.Answers    `json:"answers"`
	Notes       map[string]string `json:"notes,omitempty"`
	assess.Result
}

// JSON writes a scored assessment as indented JSON.
func JSON(w io.Writer, a Assessment) error {
	rec := a.Record
	out := ResultJSON{
		Schema: assess.SubmissionSchema,
		ID:     rec.ID, Org: rec.Org, Respondent: rec.Respondent, Role: rec.Role, Workshop: rec.Workshop,
		CompletedAt: rec.CompletedAt, Bank: rec.Bank, Answers: rec.Answers, Notes: rec.Notes, Result: *rec.Result,
	}
	if !rec.StartedAt.IsZero() {
		out.StartedAt = &rec.StartedAt
	}
	return writeJSON(w, out)
}

func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}
