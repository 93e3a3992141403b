package assess

import (
	"bytes"
	"encoding/json"
	"fmt"
	"time"
)

// The writers of the interchange format (schema SubmissionSchema); its
// reader is ParseSubmission.

// resultFile is the JSON shape of a scored assessment: who and when, the
// bank, the answers and notes, and the result's fields. ParseSubmission
// reads it back (the result is always scored again).
type resultFile struct {
	Schema      string            `json:"schema"`
	ID          string            `json:"id,omitempty"`
	Org         string            `json:"org"`
	Respondent  string            `json:"respondent,omitempty"`
	Role        string            `json:"role,omitempty"`
	Workshop    string            `json:"workshop,omitempty"`
	StartedAt   *time.Time        `json:"started_at,omitempty"`
	CompletedAt *time.Time        `json:"completed_at,omitempty"`
	Bank        BankRef           `json:"bank"`
	Answers     Answers           `json:"answers"`
	Notes       map[string]string `json:"notes,omitempty"`
	Result
}

// EncodeResult writes a scored assessment in the interchange format
// (indented JSON); an assessment without a result has an empty one.
func EncodeResult(a *Assessment) ([]byte, error) {
	f := resultFile{
		Schema: SubmissionSchema,
		ID:     a.ID, Org: a.Org, Respondent: a.Respondent, Role: a.Role, Workshop: a.Workshop,
		CompletedAt: a.CompletedAt, Bank: a.Bank, Answers: a.Answers, Notes: a.Notes,
	}
	if a.Result != nil {
		f.Result = *a.Result
	}
	if !a.StartedAt.IsZero() {
		f.StartedAt = &a.StartedAt
	}
	if f.Answers == nil {
		f.Answers = Answers{}
	}
	return encode(f, a.ID)
}

// answersFile is what a person writes: who, and the answers with notes;
// a rescued draft adds its id and bank.
type answersFile struct {
	Schema     string            `json:"schema"`
	ID         string            `json:"id,omitempty"`
	Org        string            `json:"org"`
	Respondent string            `json:"respondent,omitempty"`
	Role       string            `json:"role,omitempty"`
	Bank       *BankRef          `json:"bank,omitempty"`
	Answers    Answers           `json:"answers"`
	Notes      map[string]string `json:"notes,omitempty"`
}

// EncodeAnswersFile writes an assessment's answers as an answers file
// (indented JSON, "not sure" as "unsure", "does not apply" as "na"), with
// its id and bank when it has them: exactly what ParseSubmission and
// import read, and what import --draft resumes as the draft of that id.
func EncodeAnswersFile(a *Assessment) ([]byte, error) {
	f := answersFile{Schema: SubmissionSchema, ID: a.ID, Org: a.Org, Respondent: a.Respondent, Role: a.Role,
		Answers: a.Answers, Notes: a.Notes}
	if a.Bank.ID != "" {
		f.Bank = &a.Bank
	}
	if f.Answers == nil {
		f.Answers = Answers{}
	}
	return encode(f, a.Org)
}

// encode writes v as indented JSON that ParseSubmission can read; what
// names the document in an error.
func encode(v any, what string) ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		return nil, fmt.Errorf("writing %q as JSON: %w", what, err)
	}
	return escapeUnreadable(buf.Bytes()), nil
}

// escapeUnreadable rewrites the characters JSON leaves raw but the reader
// of answers files refuses (DEL and the C1 controls) as \u escapes, so
// that everything written in the interchange format reads back. js must
// be valid JSON: such characters can only be inside its strings.
func escapeUnreadable(js []byte) []byte {
	if !bytes.ContainsFunc(js, unreadable) {
		return js
	}
	var out bytes.Buffer
	for _, r := range string(js) {
		if unreadable(r) {
			fmt.Fprintf(&out, `\u%04x`, r)
			continue
		}
		out.WriteRune(r)
	}
	return out.Bytes()
}

// unreadable is a character YAML does not allow raw in a document.
func unreadable(r rune) bool { return r == 0x7f || (r >= 0x80 && r <= 0x9f && r != 0x85) }
