package assess

import (
	"time"

	"socialmaturity/questions"
)

// BankRef identifies the bank an assessment was answered against.
type BankRef struct {
	ID       string `json:"id"`
	Version  int    `json:"version"`
	Language string `json:"language"`
}

// RefOf identifies a bank.
func RefOf(b *questions.Bank) BankRef {
	return BankRef{ID: b.ID, Version: b.Version, Language: b.Language}
}

// Assessment is one organization's assessment by one respondent: a draft
// while CompletedAt is nil, then a completed assessment with a snapshot of
// its result, so that history stays stable when banks change.
type Assessment struct {
	ID       string `json:"id"`
	Workshop string `json:"workshop,omitempty"`
	// OrgID is the stored organization the assessment belongs to (empty
	// before the store gives it one).
	OrgID string `json:"org_id,omitempty"`
	Submission
	Bank        BankRef    `json:"bank"`
	StartedAt   time.Time  `json:"started_at"`
	UpdatedAt   time.Time  `json:"updated_at"`
	CompletedAt *time.Time `json:"completed_at,omitempty"`
	Result      *Result    `json:"result,omitempty"`
}

// Complete scores the assessment against its bank and marks it completed at
// the given time.
func (a *Assessment) Complete(b *questions.Bank, at time.Time, t Targets) {
	r := Evaluate(b, a.Answers, t)
	a.Result = &r
	a.CompletedAt = &at
	a.UpdatedAt = at
}
