package report

import (
	"encoding/json"
	"io"

	"socialmaturity/assess"
)

// BankRef identifies the bank a result was scored against.
type BankRef struct {
	ID       string `json:"id"`
	Version  int    `json:"version"`
	Language string `json:"language"`
}

// ScoreJSON is the JSON shape of a scored submission.
type ScoreJSON struct {
	Org        string  `json:"org"`
	Respondent string  `json:"respondent,omitempty"`
	Bank       BankRef `json:"bank"`
	assess.Result
}

// JSON writes the result of a submission as indented JSON.
func JSON(w io.Writer, a Assessment) error {
	return writeJSON(w, ScoreJSON{
		Org:        a.Submission.Org,
		Respondent: a.Submission.Respondent,
		Bank:       BankRef{a.Bank.ID, a.Bank.Version, a.Bank.Language},
		Result:     a.Result,
	})
}

func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}
