package assess

import (
	"encoding/json"
	"fmt"
	"math"
)

// TargetSet is an organization's targets, each a score from 0 to 100: for
// the overall score, per pillar id and per key action id. It is stored with
// the organization, not inside results.
type TargetSet struct {
	Overall    *float64           `json:"overall,omitempty"`
	Pillars    map[string]float64 `json:"pillars,omitempty"`
	KeyActions map[string]float64 `json:"key_actions,omitempty"`
}

// IsZero reports whether no target is set.
func (t TargetSet) IsZero() bool {
	return t.Overall == nil && len(t.Pillars) == 0 && len(t.KeyActions) == 0
}

// Of is the target for "overall", a pillar id or a key action id.
func (t TargetSet) Of(id string) (float64, bool) {
	if id == OverallID {
		if t.Overall == nil {
			return 0, false
		}
		return *t.Overall, true
	}
	if v, ok := t.Pillars[id]; ok {
		return v, true
	}
	v, ok := t.KeyActions[id]
	return v, ok
}

// OverallID names the overall score where an id of a pillar or key action
// could stand (a target, a trend series, a comparison row).
const OverallID = "overall"

// ProgressState says which case of TargetProgress applies.
type ProgressState int

// The cases of TargetProgress, in the order ProgressOf tells them apart.
const (
	// ProgressUnscored: the current score is unscored; there is no gap and
	// no progress.
	ProgressUnscored ProgressState = iota
	// ProgressMet: the current score (as shown, to one decimal) is at or
	// above the target; the gap is 0 and progress 1.
	ProgressMet
	// ProgressNoFirst: there is no first score to measure from (only one
	// assessment, or the first left this part unscored); the gap stands,
	// progress is undefined.
	ProgressNoFirst
	// ProgressBelowFirst: the target is at or below the first score, which
	// met it, and the current score has fallen below it; the gap stands,
	// progress is undefined (its divisor would be 0 or negative).
	ProgressBelowFirst
	// ProgressUnderway: progress is (current − first) ÷ (target − first),
	// below 1; negative when the score has fallen since the first
	// assessment.
	ProgressUnderway
)

var progressStates = [...]string{"unscored", "met", "no_first", "below_first", "underway"}

// String names the state as JSON writes it.
func (s ProgressState) String() string {
	if s < 0 || int(s) >= len(progressStates) {
		return fmt.Sprintf("ProgressState(%d)", int(s))
	}
	return progressStates[s]
}

// MarshalJSON writes the state's name.
func (s ProgressState) MarshalJSON() ([]byte, error) { return json.Marshal(s.String()) }

// TargetProgress is a score against its target: the gap, and the progress
// made since the organization's first assessment. It writes itself as plain
// JSON fields, so it can be embedded in another type's JSON.
type TargetProgress struct {
	Target  float64       `json:"target"`
	Current Score         `json:"current"`
	First   Score         `json:"first"`
	State   ProgressState `json:"state"`
	// Gap is how many points the current score is short of the target,
	// rounded like scores: 0 when met, unscored when the current score is.
	Gap Score `json:"gap"`
	// Progress is (current − first) ÷ (target − first) to three decimals,
	// 1 when met; 0 and meaningless unless HasProgress.
	Progress float64 `json:"progress"`
}

// HasProgress reports whether Progress is defined (met or underway).
func (p TargetProgress) HasProgress() bool {
	return p.State == ProgressMet || p.State == ProgressUnderway
}

// ProgressOf measures current against target and the progress since first
// (pass an unscored first when there is only one assessment). Scores are
// compared as shown, to one decimal. The cases, in order:
//   - current unscored: ProgressUnscored, no gap, no progress;
//   - current at or above target: ProgressMet, gap 0, progress 1 (whatever
//     first was);
//   - first unscored: ProgressNoFirst, the gap, no progress;
//   - target at or below first: ProgressBelowFirst, the gap, no progress;
//   - otherwise ProgressUnderway, the gap and (current − first) ÷
//     (target − first) to three decimals, negative when the score fell
//     since the first.
func ProgressOf(first, current Score, target float64) TargetProgress {
	p := TargetProgress{Target: target, Current: current, First: first}
	if !current.Valid {
		return p
	}
	now := Round(current.Value)
	if now >= target {
		p.State, p.Gap, p.Progress = ProgressMet, Scored(0), 1
		return p
	}
	p.Gap = Scored(Round(target - now))
	switch {
	case !first.Valid:
		p.State = ProgressNoFirst
	case Round(first.Value) >= target:
		p.State = ProgressBelowFirst
	default:
		from := Round(first.Value)
		p.State, p.Progress = ProgressUnderway, math.Round((now-from)/(target-from)*1000)/1000
	}
	return p
}
