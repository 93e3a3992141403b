package messages

// Keys and English texts added for the tui since the catalog was split by area.
const (
	_ Key = ""

	// accessible mode, rescue and the tui commands (TUI-B)
	RescueWritten         Key = "tui.rescue.written"
	RescueNotWritten      Key = "tui.rescue.notwritten"
	AccessibleRetrying    Key = "tui.acc.retrying"
	AccessibleInputEnded  Key = "tui.acc.inputended"
	TerminatedKept        Key = "tui.terminated"
	AccessibleElsewhere   Key = "tui.acc.elsewhere"
	AccessibleResumeOrg   Key = "tui.acc.resumeorg"
	AccessibleYesNo       Key = "tui.acc.yesno"
	ErrEmptyOrg           Key = "tui.err.emptyorg"
	AccessibleYesWords    Key = "tui.acc.yeswords"
	AccessibleNoWords     Key = "tui.acc.nowords"
	AccessibleScored      Key = "tui.acc.scored"
	AccessibleScoredStage Key = "tui.acc.scoredstage"

	// the screens (TUI-A)
	TUILoading        Key = "tui.loading"
	TUIWalkSaving     Key = "tui.walk.saving"
	TUIWalkCompleting Key = "tui.walk.completing"
	TUIQuitRetrying   Key = "tui.quit.retrying"
	TUIHomeDiscardAsk Key = "tui.home.discard.ask"
	TUIHomeDiscarded  Key = "tui.home.discarded"
	TUIOrgDraftsTitle Key = "tui.orgdrafts.title"
	TUIOrgDraftsNew   Key = "tui.orgdrafts.new"
	TUIExporting      Key = "tui.export.working"
	TUIScrollMore     Key = "tui.scroll.more"
	TUIKeyDiscard     Key = "tui.key.discard"
	TUIKeyConfirm     Key = "tui.key.confirm"
	TUIKeyExportHTML  Key = "tui.key.export.html"
	TUIKeyExportMD    Key = "tui.key.export.md"
	TUIKeyExportCSV   Key = "tui.key.export.csv"
	TUIKeyExportJSON  Key = "tui.key.export.json"
)

var englishTUI = map[Key]string{
	RescueWritten:         "Your answers for %s could not be saved (%v). Nothing is lost: they are in %s. To store them, run:\n  socialmaturity import %s",
	RescueNotWritten:      "Your answers for %s could not be saved (%v), nor written to a file (%v). Copy the answers below into a file and run socialmaturity import FILE:\n%s",
	AccessibleRetrying:    "Could not save (%v); trying again…",
	AccessibleInputEnded:  "input ended before the last question. %s",
	TerminatedKept:        "stopped by a termination signal. %s",
	AccessibleElsewhere:   "This assessment was completed in another window; your answers are kept as a new draft.",
	AccessibleResumeOrg:   "%s already has a draft (%d of %d answered, %s). Resume it?",
	AccessibleYesNo:       " Type y for yes or n for no: ",
	ErrEmptyOrg:           "--org is empty: give the organization's name, or leave --org out to be asked for it",
	AccessibleYesWords:    "y yes",
	AccessibleNoWords:     "n no",
	AccessibleScored:      "%s: %s",
	AccessibleScoredStage: "%s: %s, %s",

	// the screens (TUI-A)
	TUILoading:        "Loading…",
	TUIWalkSaving:     "… saving",
	TUIWalkCompleting: "Scoring and saving…",
	TUIQuitRetrying:   "Your latest answers are not saved yet (%v). Trying again before leaving (attempt %d)…",
	TUIHomeDiscardAsk: "Discard the draft of %s (%d of %d answered)? Press y to discard it, any other key to keep it.",
	TUIHomeDiscarded:  "Discarded the draft of %s.",
	TUIOrgDraftsTitle: "%s already has a draft. Resume it, or start a new assessment?",
	TUIOrgDraftsNew:   "Start a new assessment of %s",
	TUIExporting:      "Exporting…",
	TUIScrollMore:     "↓ more",
	TUIKeyDiscard:     "discard draft",
	TUIKeyConfirm:     "yes",
	TUIKeyExportHTML:  "HTML",
	TUIKeyExportMD:    "Markdown",
	TUIKeyExportCSV:   "CSV",
	TUIKeyExportJSON:  "JSON",
}
