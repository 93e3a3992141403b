package messages

// Message keys. Grouped by where they are shown.
const (
	// CLI
	CmdRoot          Key = "cmd.root"
	CmdRootLong      Key = "cmd.root.long"
	CmdBank          Key = "cmd.bank"
	CmdBankDump      Key = "cmd.bank.dump"
	CmdBankValidate  Key = "cmd.bank.validate"
	CmdScore         Key = "cmd.score"
	FlagBank         Key = "flag.bank"
	FlagFormat       Key = "flag.format"
	FlagTarget       Key = "flag.target"
	ErrFlagFormat    Key = "err.flag.format"
	ErrReadInput     Key = "err.read.input"
	OK               Key = "ok"
	ErrPrefix        Key = "err.prefix"
	ErrProblemsCount Key = "err.problems.count"

	// Results, as text
	ResultHeading      Key = "result.heading"
	ResultOverall      Key = "result.overall"
	ResultUnscored     Key = "result.unscored"
	ResultStage        Key = "result.stage"
	ResultCoverage     Key = "result.coverage"
	ResultPillars      Key = "result.pillars"
	ResultRecs         Key = "result.recs"
	ResultNoRecs       Key = "result.norecs"
	ResultImpact       Key = "result.impact"
	ResultWhy          Key = "result.why"
	ResultSteps        Key = "result.steps"
	ResultTarget       Key = "result.target"
	ResultRespondentBy Key = "result.by"
	ResultIDDate       Key = "result.iddate"
	ResultChangeSince  Key = "result.change"
)

var english = map[Key]string{
	CmdRoot:          "Measure how mature an organization's use of social media is, and what to do next",
	CmdRootLong:      "socialmaturity walks you through questions on three pillars (relationships beyond customers, value and efficiency, culture), scores your organization, stores every result and shows the recommendations your answers trigger.",
	CmdBank:          "Inspect and check question banks",
	CmdBankDump:      "Print the default (or a given) question bank",
	CmdBankValidate:  "Check a question bank file and report every problem with its line",
	CmdScore:         "Score an answers file (JSON or YAML; - for stdin) without storing it",
	FlagBank:         "question bank file (default: the built-in bank)",
	FlagFormat:       "output format: %s",
	FlagTarget:       "a target, overall=N or PILLAR=N (0–100); repeatable",
	ErrFlagFormat:    "--format %q is not one of: %s",
	ErrReadInput:     "read %s: %v",
	OK:               "ok",
	ErrPrefix:        "error",
	ErrProblemsCount: "%d problem(s) found",

	ResultHeading:      "%s — social media maturity",
	ResultOverall:      "Overall",
	ResultUnscored:     "not scored",
	ResultStage:        "Stage %d · %s",
	ResultCoverage:     "%d of %d answered, %d not sure",
	ResultPillars:      "Pillars and key actions",
	ResultRecs:         "Recommendations, most impact first",
	ResultNoRecs:       "No recommendation is triggered: every area is at or above its threshold.",
	ResultImpact:       "impact %.1f",
	ResultWhy:          "Why: %s",
	ResultSteps:        "First steps:",
	ResultTarget:       "target %.0f, %.1f to go",
	ResultRespondentBy: "answered by %s",
	ResultIDDate:       "assessment %s, completed %s",
	ResultChangeSince:  "change since the previous assessment (%s): %+.1f points",
}
