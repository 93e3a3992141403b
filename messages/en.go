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
	FlagBefore       Key = "flag.before"
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

	// TUI
	CmdAssess          Key = "cmd.assess"
	FlagAccessible     Key = "flag.accessible"
	FlagRespondent     Key = "flag.respondent"
	FlagRole           Key = "flag.role"
	FlagAssessOrg      Key = "flag.assess.org"
	ErrNotTerminal     Key = "err.notterminal"
	TooSmall           Key = "tui.toosmall"
	AppName            Key = "tui.app"
	AppTagline         Key = "tui.tagline"
	HomeNew            Key = "tui.home.new"
	HomeResume         Key = "tui.home.resume"
	HomeHistory        Key = "tui.home.history"
	HomeQuit           Key = "tui.home.quit"
	SetupTitle         Key = "tui.setup.title"
	SetupOrg           Key = "tui.setup.org"
	SetupOrgHint       Key = "tui.setup.org.hint"
	SetupOrgRequired   Key = "tui.setup.org.required"
	SetupRespondent    Key = "tui.setup.respondent"
	SetupRole          Key = "tui.setup.role"
	SetupOptional      Key = "tui.setup.optional"
	WalkProgress       Key = "tui.walk.progress"
	WalkNotSure        Key = "tui.walk.notsure"
	WalkNote           Key = "tui.walk.note"
	WalkNotePrompt     Key = "tui.walk.noteprompt"
	WalkUnanswered     Key = "tui.walk.unanswered"
	WalkSaved          Key = "tui.walk.saved"
	WalkSaveFailed     Key = "tui.walk.savefailed"
	WalkIntroPillar    Key = "tui.walk.intro.pillar"
	WalkIntroStart     Key = "tui.walk.intro.start"
	WalkFinishTitle    Key = "tui.walk.finish.title"
	WalkFinishBody     Key = "tui.walk.finish.body"
	WalkFinishMissing  Key = "tui.walk.finish.missing"
	WalkFinishAction   Key = "tui.walk.finish.action"
	DraftSavedExit     Key = "tui.exit.draft"
	ResultsTitle       Key = "tui.results.title"
	ResultsNext90      Key = "tui.results.next90"
	ResultsAllRecs     Key = "tui.results.all"
	ResultsMoreRecs    Key = "tui.results.more"
	ResultsEvidence    Key = "tui.results.evidence"
	HistoryTitle       Key = "tui.history.title"
	HistoryFilter      Key = "tui.history.filter"
	HistoryMarked      Key = "tui.history.marked"
	HistoryNoMatch     Key = "tui.history.nomatch"
	CompareTitle       Key = "tui.compare.title"
	ErrDraftOtherBank  Key = "tui.err.draftbank"
	AccessibleLevel    Key = "tui.acc.level"
	AccessibleQuestion Key = "tui.acc.question"
	AccessibleDone     Key = "tui.acc.done"
	AccessibleTitle    Key = "tui.acc.title"
	AccessibleChoose   Key = "tui.acc.choose"
	AccessibleAnswer   Key = "tui.acc.answer"
	AccessibleInvalid  Key = "tui.acc.invalid"
	AccessibleStopped  Key = "tui.acc.stopped"
	AccessibleMenuPick Key = "tui.acc.menupick"

	// Key help
	KeyUp       Key = "key.up"
	KeyDown     Key = "key.down"
	KeySelect   Key = "key.select"
	KeyBack     Key = "key.back"
	KeyQuit     Key = "key.quit"
	KeyHelp     Key = "key.help"
	KeyLevel    Key = "key.level"
	KeyNotSure  Key = "key.notsure"
	KeyNote     Key = "key.note"
	KeyNextQ    Key = "key.nextq"
	KeyPrevQ    Key = "key.prevq"
	KeyNextPage Key = "key.nextpage"
	KeyPrevPage Key = "key.prevpage"
	KeyAllRecs  Key = "key.allrecs"
	KeyHistory  Key = "key.history"
	KeyFilter   Key = "key.filter"
	KeyMark     Key = "key.mark"
	KeyCompare  Key = "key.compare"
	KeyHome     Key = "key.home"
	KeyScroll   Key = "key.scroll"

	// Reports
	CmdExport        Key = "cmd.export"
	FlagOutput       Key = "flag.output"
	ExportWrote      Key = "export.wrote"
	ReportTitle      Key = "report.title"
	ReportSubtitle   Key = "report.subtitle"
	ReportAssessed   Key = "report.assessed"
	ReportBy         Key = "report.by"
	ReportCompleted  Key = "report.completed"
	ReportID         Key = "report.id"
	ReportOverall    Key = "report.overall"
	ReportRadar      Key = "report.radar"
	ReportPillars    Key = "report.pillars"
	ReportRecs       Key = "report.recs"
	ReportFirstSteps Key = "report.firststeps"
	ReportAnswers    Key = "report.answers"
	ReportAnswer     Key = "report.answer"
	ReportNote       Key = "report.note"
	ReportChange     Key = "report.change"
	ReportChangeFrom Key = "report.changefrom"
	ReportMethod     Key = "report.method"
	ReportMethodText Key = "report.methodtext"
	ReportCredit     Key = "report.credit"
	ReportUnanswered Key = "report.unanswered"
	ExportPrompt     Key = "tui.export.prompt"
	KeyExport        Key = "key.export"
)

// english is every English text: the tables below and those beside them
// (en_*.go), one per area, so areas grow without touching each other.
var english = joinTables(englishBase, englishCLI, englishTUI, englishReport, englishWorkshop)

var englishBase = map[Key]string{
	CmdRoot:          "Measure how mature an organization's use of social media is, and what to do next",
	CmdRootLong:      "socialmaturity walks you through questions on three pillars (relationships beyond customers, value and efficiency, culture), scores your organization, stores every result and shows the recommendations your answers trigger.",
	CmdBank:          "Inspect and check question banks",
	CmdBankDump:      "Print the default (or a given) question bank",
	CmdBankValidate:  "Check a question bank file and report every problem with its line",
	CmdScore:         "Score an answers file (JSON or YAML; - for stdin) without storing it",
	FlagBank:         "question bank file (default: the built-in bank)",
	FlagDB:           "database file (default: $%s, or socialmaturity.db in your XDG data folder)",
	FlagOrg:          "only organizations whose name contains this (case and spacing ignored)",
	FlagLimit:        "how many to list, newest first; 0 for all (default: 50 in the table, all in json and csv)",
	FlagBefore:       "continue a listing after this id (the last one shown)",
	FlagDrafts:       "list drafts (assessments in progress) instead",
	FlagYes:          "do not ask for confirmation",
	ErrFlagLimit:     "--limit %d must be 0 or more",
	CmdImport:        "Score answers files and store them",
	CmdImportLong:    "Score answers files (JSON or YAML, as score takes) and store them, printing each new id. - reads stdin: JSON Lines (one answers object per line) or one answers document, such as an export. A YAML file may hold several documents (separated by ---). If any file has a problem, nothing is stored and every problem is listed; answers identical to a stored assessment are refused unless --allow-duplicates is given.",
	CmdList:          "List stored assessments, newest first",
	CmdShow:          "Show a stored assessment with its recommendations",
	CmdCompare:       "Compare two stored assessments: overall, pillar and key-action changes",
	CmdDelete:        "Delete a stored assessment or a draft",
	CmdDB:            "Check and back up the database",
	CmdDBCheck:       "Run a consistency check of the database",
	CmdDBBackup:      "Write a consistent copy of the database to FILE (- for standard output)",
	ListMore:         "(more: --before %s for the next page)",
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
	ResultImpact:       "impact %s",
	ResultWhy:          "Why: %s",
	ResultSteps:        "First steps:",
	ResultTarget:       "target %s, %s to go, %s of the target reached",
	ResultRespondentBy: "answered by %s",
	ResultIDDate:       "assessment %s, completed %s",

	ListEmpty:          "No assessments stored yet. Run socialmaturity to take one, or socialmaturity import FILE.",
	ListHeader:         "ID\tCOMPLETED\tORGANIZATION\tRESPONDENT\tOVERALL\tSTAGE",
	DraftsEmpty:        "No drafts: every assessment started has been completed.",
	DraftsHeader:       "ID\tUPDATED\tORGANIZATION\tRESPONDENT\tPROGRESS",
	DraftsProgress:     "%d of %d answered",
	CompareSide:        "%s  %s  %s",
	CompareBefore:      "before",
	CompareAfter:       "after",
	CompareChange:      "change",
	ResultChangeSince:  "change since the previous assessment (%s): %s points",
	CmdAssess:          "Start an assessment straight away",
	FlagAccessible:     "plain numbered prompts for screen readers (also ACCESSIBLE=1)",
	FlagRespondent:     "who is answering",
	FlagRole:           "the respondent's role",
	FlagAssessOrg:      "the organization being assessed (skips the set-up form)",
	ErrNotTerminal:     "standard input is not a terminal: use --accessible for plain prompts, or socialmaturity score FILE to score an answers file",
	TooSmall:           "Make the terminal at least %d×%d (now %d×%d).",
	AppName:            "socialmaturity",
	AppTagline:         "How mature is your organization's use of social media, and what should it do next?",
	HomeNew:            "Start a new assessment",
	HomeResume:         "Resume %s — %s — %s",
	HomeHistory:        "Past results (%d)",
	HomeQuit:           "Quit",
	SetupTitle:         "New assessment",
	SetupOrg:           "Organization",
	SetupOrgHint:       "the organization you are assessing",
	SetupOrgRequired:   "the organization is required",
	SetupRespondent:    "Your name",
	SetupRole:          "Your role",
	SetupOptional:      "optional",
	WalkProgress:       "question %d of %d · %d answered",
	WalkNotSure:        "Not sure",
	WalkNote:           "Note: %s",
	WalkNotePrompt:     "Note (enter to save, esc to cancel): ",
	WalkUnanswered:     "not answered yet",
	WalkSaved:          "✓ saved",
	WalkSaveFailed:     "✗ not saved: %v",
	WalkIntroPillar:    "Pillar %d of %d",
	WalkIntroStart:     "Press enter to begin.",
	WalkFinishTitle:    "Ready to see your results",
	WalkFinishBody:     "Of %d questions: %d answered, %d not sure, %d do not apply, %d not answered.",
	WalkFinishMissing:  "%d question(s) are not answered yet; they are left out of the scores. Go back with ← to answer them.",
	WalkFinishAction:   "Press enter to score and save this assessment.",
	DraftSavedExit:     "Your answers for %s are saved as a draft (%s). Run socialmaturity and choose Resume to continue.",
	ResultsTitle:       "%s — results",
	ResultsNext90:      "Your next 90 days",
	ResultsAllRecs:     "All recommendations, in the order to take them",
	ResultsMoreRecs:    "%d more recommendation(s): press a to see them all.",
	ResultsEvidence:    "Why: %s",
	HistoryTitle:       "Past results",
	HistoryFilter:      "Organization: ",
	HistoryMarked:      "%d marked: press c to compare",
	HistoryNoMatch:     "No assessment matches.",
	CompareTitle:       "Comparison",
	ErrDraftOtherBank:  "this draft was answered with bank %q; start socialmaturity with that bank (--bank FILE) to resume it",
	AccessibleLevel:    "%d — %s",
	AccessibleQuestion: "Question %d of %d (%s › %s): %s",
	AccessibleDone:     "Saved as assessment %s.",
	AccessibleTitle:    "socialmaturity, plain prompts. Answer each question with its number; type q to stop and keep a draft.",
	AccessibleChoose:   "What would you like to do?",
	AccessibleAnswer:   "Answer 0 to 4 or ? for not sure, optionally followed by a note (2 we post weekly); g shows the glossary, q stops: ",
	AccessibleInvalid:  "Please type a number from 0 to 4, ? for not sure, g for the glossary, or q to stop.",
	AccessibleStopped:  "Stopped.",
	AccessibleMenuPick: "Type a number from 1 to %d: ",

	KeyUp:            "up",
	KeyDown:          "down",
	KeySelect:        "choose",
	KeyBack:          "back",
	KeyQuit:          "quit",
	KeyHelp:          "more keys",
	KeyLevel:         "pick level",
	KeyNotSure:       "not sure",
	KeyNote:          "note",
	KeyNextQ:         "next question",
	KeyPrevQ:         "previous question",
	KeyNextPage:      "next page",
	KeyPrevPage:      "previous page",
	KeyAllRecs:       "all recommendations",
	KeyHistory:       "past results",
	KeyFilter:        "filter",
	KeyMark:          "mark",
	KeyCompare:       "compare marked",
	KeyHome:          "home",
	KeyScroll:        "scroll",
	CmdExport:        "Write a stored assessment as a report: HTML, PDF, Markdown, CSV or JSON",
	FlagOutput:       "file to write (- for standard output; default: ORG-DATE.FORMAT in this folder)",
	ExportWrote:      "wrote %s",
	ReportTitle:      "Social media maturity",
	ReportSubtitle:   "An assessment of %s",
	ReportAssessed:   "Organization",
	ReportBy:         "Answered by",
	ReportCompleted:  "Completed",
	ReportID:         "Assessment",
	ReportOverall:    "Overall score",
	ReportRadar:      "The nine key actions",
	ReportPillars:    "Pillars",
	ReportRecs:       "Recommendations",
	ReportFirstSteps: "First steps",
	ReportAnswers:    "Answers",
	ReportAnswer:     "Answer",
	ReportNote:       "Note",
	ReportChange:     "Change since the previous assessment",
	ReportChangeFrom: "Compared with the assessment of %s.",
	ReportMethod:     "How scores are calculated",
	ReportMethodText: "Every question has five answers on one ladder: 0 absent, 1 ad hoc, 2 repeatable, 3 defined and measured, 4 integrated and improving; a level is worth 25 points per step, from 0 to 100.\n\"Not sure\" is always allowed and is left out of every average.\nA key action scores the weighted average of its answered questions, a pillar the weighted average of its scored key actions, and the overall score the weighted average of the scored pillars. Something with nothing answered under it is not scored, never 0.\nThe stage is the highest stage whose minimum is at or below the score.\nA recommendation is triggered when its conditions hold (a key action or pillar below a threshold, or a question answered at or below a level) and is ranked by how far below the threshold the score is, times the weight of what it concerns.",
	ReportCredit:     "Figures cited are from Hootsuite / Altimeter, Social Transformation Report (2021).",
	ReportUnanswered: "not answered",
	ExportPrompt:     "Export as: h HTML · m Markdown · c CSV · j JSON (esc to cancel)",
	KeyExport:        "export",
}
