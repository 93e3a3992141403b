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
	FlagDB           Key = "flag.db"
	FlagOrg          Key = "flag.org"
	FlagLimit        Key = "flag.limit"
	FlagDrafts       Key = "flag.drafts"
	FlagYes          Key = "flag.yes"
	ErrFlagLimit     Key = "err.flag.limit"
	CmdImport        Key = "cmd.import"
	CmdImportLong    Key = "cmd.import.long"
	CmdList          Key = "cmd.list"
	CmdShow          Key = "cmd.show"
	CmdCompare       Key = "cmd.compare"
	CmdDelete        Key = "cmd.delete"
	CmdDB            Key = "cmd.db"
	CmdDBCheck       Key = "cmd.db.check"
	CmdDBBackup      Key = "cmd.db.backup"
	ListMore         Key = "list.more"
	DeleteConfirm    Key = "delete.confirm"
	DeleteKept       Key = "delete.kept"
	DeleteDone       Key = "delete.done"
	DBCheckOK        Key = "db.check.ok"
	DBCheckFailed    Key = "db.check.failed"
	DBBackupDone     Key = "db.backup.done"
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

	// Listings and comparisons
	ListEmpty         Key = "list.empty"
	ListHeader        Key = "list.header"
	DraftsEmpty       Key = "drafts.empty"
	DraftsHeader      Key = "drafts.header"
	DraftsProgress    Key = "drafts.progress"
	CompareSide       Key = "compare.side"
	CompareBefore     Key = "compare.before"
	CompareAfter      Key = "compare.after"
	CompareChange     Key = "compare.change"
	ResultChangeSince Key = "result.change"
)

var english = map[Key]string{
	CmdRoot:          "Measure how mature an organization's use of social media is, and what to do next",
	CmdRootLong:      "socialmaturity walks you through questions on three pillars (relationships beyond customers, value and efficiency, culture), scores your organization, stores every result and shows the recommendations your answers trigger.",
	CmdBank:          "Inspect and check question banks",
	CmdBankDump:      "Print the default (or a given) question bank",
	CmdBankValidate:  "Check a question bank file and report every problem with its line",
	CmdScore:         "Score an answers file (JSON or YAML; - for stdin) without storing it",
	FlagBank:         "question bank file (default: the built-in bank)",
	FlagDB:           "database file (default: $%s, or socialmaturity.db in your XDG data folder)",
	FlagOrg:          "only this organization (case and spacing ignored)",
	FlagLimit:        "how many to list, newest first",
	FlagDrafts:       "list drafts (assessments in progress) instead",
	FlagYes:          "do not ask for confirmation",
	ErrFlagLimit:     "--limit %d must be 0 or more",
	CmdImport:        "Score answers files and store them",
	CmdImportLong:    "Score answers files (JSON or YAML, as score takes) and store them, printing each new id. - reads JSON Lines from stdin: one answers object per line. A file with any problem stores nothing and every problem is listed.",
	CmdList:          "List stored assessments, newest first",
	CmdShow:          "Show a stored assessment with its recommendations",
	CmdCompare:       "Compare two stored assessments: overall, pillar and key-action changes",
	CmdDelete:        "Delete a stored assessment",
	CmdDB:            "Check and back up the database",
	CmdDBCheck:       "Run a consistency check of the database",
	CmdDBBackup:      "Write a consistent copy of the database to FILE",
	ListMore:         "(more: raise --limit above %d, or narrow with --org)",
	DeleteConfirm:    "Delete assessment %s of %s? [y/N] ",
	DeleteKept:       "kept %s: nothing deleted",
	DeleteDone:       "deleted %s",
	DBCheckOK:        "%s: ok",
	DBCheckFailed:    "%s: %d problem(s) found",
	DBBackupDone:     "copied %s to %s",
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
	ResultNoRecs:       "No recommendation is triggered by the answers given.",
	ResultImpact:       "impact %.1f",
	ResultWhy:          "Why: %s",
	ResultSteps:        "First steps:",
	ResultTarget:       "target %.0f, %.1f to go",
	ResultRespondentBy: "answered by %s",
	ResultIDDate:       "assessment %s, completed %s",

	ListEmpty:         "No assessments stored yet. Run socialmaturity to take one, or socialmaturity import FILE.",
	ListHeader:        "ID\tCOMPLETED\tORGANIZATION\tRESPONDENT\tOVERALL\tSTAGE",
	DraftsEmpty:       "No drafts: every assessment started has been completed.",
	DraftsHeader:      "ID\tUPDATED\tORGANIZATION\tRESPONDENT\tPROGRESS",
	DraftsProgress:    "%d of %d answered",
	CompareSide:       "%s  %s  %s",
	CompareBefore:     "before",
	CompareAfter:      "after",
	CompareChange:     "change",
	ResultChangeSince: "change since the previous assessment (%s): %+.1f points",
}
