package messages

// Keys and English texts added for the tui since the catalog was split by area.
const (
	_ Key = ""

	// the walk on bank v2 (TUI-W)
	WalkScopeTitle         Key = "tui.walk.scope.title"
	WalkScopeUnit          Key = "tui.walk.scope.unit"     // organization
	WalkScopeSize          Key = "tui.walk.scope.size"     // questions, pillars
	WalkTermNotSure        Key = "tui.walk.term.notsure"   //
	WalkTermNA             Key = "tui.walk.term.na"        //
	WalkScopeGlossary      Key = "tui.walk.scope.glossary" //
	WalkTermPillar         Key = "tui.walk.term.pillar"    // pillars
	WalkTermKeyAction      Key = "tui.walk.term.keyaction" //
	WalkNotSureRow         Key = "tui.walk.notsure.row"    //
	WalkNARow              Key = "tui.walk.na.row"         // when it does not apply
	WalkNA                 Key = "tui.walk.na"             //
	WalkWhoKnows           Key = "tui.walk.whoknows"       // who
	WalkMarkedNotSure      Key = "tui.walk.marked.notsure" // who would know
	WalkQuitAsk            Key = "tui.walk.quit.ask"       // the counts so far
	WalkQuitAskEmpty       Key = "tui.walk.quit.askempty"  //
	WalkQuitAskParticipant Key = "tui.walk.quit.askjoin"   // the counts so far
	WalkGlossaryTitle      Key = "tui.walk.glossary.title" //
	WalkGlossaryEmpty      Key = "tui.walk.glossary.empty" //
	TUIKeyNA               Key = "tui.key.na"
	TUIKeyGlossary         Key = "tui.key.glossary"
	TUIKeyClose            Key = "tui.key.close"
	TUIKeyLeave            Key = "tui.key.leave"
	TUIKeyStay             Key = "tui.key.stay"
	TUIKeySaveNote         Key = "tui.key.savenote"
	TUIKeyCancel           Key = "tui.key.cancel"
	AccessibleNA           Key = "tui.acc.na"        // when it does not apply
	AccessibleAnswerNA     Key = "tui.acc.answerna"  //
	AccessibleInvalidNA    Key = "tui.acc.invalidna" //
	AccessibleGlossaryHint Key = "tui.acc.glossaryhint"

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
	// results, home, export, history and compare on bank v2 (TUI-R)
	TUIResultsScoreOf    Key = "tui.results.scoreof"     // score
	TUIResultsStageOf    Key = "tui.results.stageof"     // stage, stages, name
	TUIResultsToNext     Key = "tui.results.tonext"      // points, next stage, its name
	TUIResultsTopStage   Key = "tui.results.topstage"    //
	TUIResultsCoverageNA Key = "tui.results.coverage.na" // how many do not apply
	TUIResultsStageShort Key = "tui.results.stage.short" // stage number
	TUIResultsNoStage    Key = "tui.results.nostage"     //
	TUIResultsThin       Key = "tui.results.thin"        // title
	TUIResultsExtremes   Key = "tui.results.extremes"    // strongest, its score, weakest, its score
	TUIResultsGap        Key = "tui.results.gap"         // points
	TUIResultsImpact     Key = "tui.results.impact"      // the ranking figure of a result stored before v2
	TUIResultsBecause    Key = "tui.results.because"     // what fired it
	TUIResultsNextRung   Key = "tui.results.nextrung"    // question number, level, option text
	TUIResultsAlone      Key = "tui.results.alone"       //
	TUIResultsPropose    Key = "tui.results.propose"     //
	TUIResultsSteps      Key = "tui.results.steps"       //
	TUIResultsCaveat     Key = "tui.results.caveat"      // caveat
	TUIResultsEvidence   Key = "tui.results.source"      // claim, source
	TUIEvidenceCited     Key = "tui.evidence.cited"      // claim, source
	TUIResultsCase       Key = "tui.results.case"        // organization, what it did
	TUIResultsDetail     Key = "tui.results.detail"      //
	TUIResultsMoreBelow  Key = "tui.results.morebelow"   //
	TUIResultsGaps       Key = "tui.results.gaps"        //
	TUIResultsGapsIntro  Key = "tui.results.gaps.intro"  //
	TUIResultsWhoKnows   Key = "tui.results.whoknows"    // who would know
	TUIHomeCost          Key = "tui.home.cost"           // question count
	TUIHomeGives         Key = "tui.home.gives"          //
	TUIHomeLatest        Key = "tui.home.latest"         //
	TUIHomeFirst         Key = "tui.home.first"          //
	TUIHomeProvisional   Key = "tui.home.provisional"    // the stage, or "no stage"
	TUIExportTitle       Key = "tui.export.title"        //
	TUIExportHTML        Key = "tui.export.html"         //
	TUIExportPDF         Key = "tui.export.pdf"          //
	TUIExportMD          Key = "tui.export.md"           //
	TUIExportCSV         Key = "tui.export.csv"          //
	TUIExportJSON        Key = "tui.export.json"         //
	TUIExportCancel      Key = "tui.export.cancel"       //
	TUIExportSaved       Key = "tui.export.saved"        // full path
	TUIExportPrintHint   Key = "tui.export.printhint"    //
	TUIExportOpenHint    Key = "tui.export.openhint"     //
	TUIExportOpenFailed  Key = "tui.export.openfailed"   // path, error
	TUIKeyExportPDF      Key = "tui.key.export.pdf"      //
	TUIKeyOpen           Key = "tui.key.open"            //
	TUIHistoryNoneFor    Key = "tui.history.nonefor"     // the filter
	TUICompareA          Key = "tui.compare.a"           //
	TUICompareB          Key = "tui.compare.b"           //
	TUICompareEarlier    Key = "tui.compare.earlier"     //
	TUICompareLater      Key = "tui.compare.later"       //
	TUICompareSide       Key = "tui.compare.side"        // label, short id, organization, date
	TUICompareTwoOrgs    Key = "tui.compare.twoorgs"     //
	TUICompareVersions   Key = "tui.compare.versions"    // earlier version, later version, shared, total

	// organizations, targets, trends and benchmarks (TUI-13)
	TUISetupKnown             Key = "tui.setup.known"        // matching names, the completing key
	TUISetupKnownMore         Key = "tui.setup.known.more"   // how many more
	TUISetupKeyComplete       Key = "tui.setup.key.complete" //
	TUIKeyTarget              Key = "tui.key.target"
	TUIKeySaveTarget          Key = "tui.key.savetarget"
	TUITargetTitle            Key = "tui.target.title"             // organization
	TUITargetIntro            Key = "tui.target.intro"             //
	TUITargetNone             Key = "tui.target.none"              //
	TUITargetIs               Key = "tui.target.is"                // target
	TUITargetFor              Key = "tui.target.for"               // part title
	TUITargetPrompt           Key = "tui.target.prompt"            //
	TUITargetInvalid          Key = "tui.target.invalid"           //
	TUITargetSaving           Key = "tui.target.saving"            //
	TUITargetSaved            Key = "tui.target.saved"             //
	TUITargetFailed           Key = "tui.target.failed"            // error
	TUITargetUnscored         Key = "tui.target.unscored"          // target
	TUITargetMet              Key = "tui.target.met"               // target
	TUITargetGap              Key = "tui.target.gap"               // target, gap
	TUITargetBelowFirst       Key = "tui.target.belowfirst"        // target, gap
	TUITargetFallen           Key = "tui.target.fallen"            // target, gap, points lost since the first
	TUITargetProgress         Key = "tui.target.progress"          // target, gap, share of the way
	TUIResultsAtTarget        Key = "tui.results.attarget"         //
	TUITrendOverall           Key = "tui.trend.overall"            // assessments, date of the first
	TUITrendMoved             Key = "tui.trend.moved"              // the moves
	TUITrendMove              Key = "tui.trend.move"               // title, signed change
	TUITrendNoMoves           Key = "tui.trend.nomoves"            //
	TUIBenchSource            Key = "tui.bench.source"             //
	TUIBenchPortfolio         Key = "tui.bench.portfolio"          //
	TUIBenchPortfolioNote     Key = "tui.bench.portfolio.note"     // others
	TUIBenchPortfolioImported Key = "tui.bench.portfolio.imported" // others, of them imported
	TUIBenchStanding          Key = "tui.bench.standing"           // rank, of how many, percentile

	// what a first-time user's trial found (POLISH-TUI)
	TUICountAnswered     Key = "tui.count.answered"   // how many have a level
	TUICountUnsure       Key = "tui.count.unsure"     // how many are not sure
	TUICountNA           Key = "tui.count.na"         // how many do not apply
	TUICountOf           Key = "tui.count.of"         // the counts, the number of questions
	TUIKeyContinue       Key = "tui.key.continue"     //
	TUISetupKeyNextField Key = "tui.setup.key.next"   //
	TUIResultsGapMeans   Key = "tui.results.gapmeans" //
	TUIExportOpening     Key = "tui.export.opening"   // path
	TUICompareBMinusA    Key = "tui.compare.bminusa"  //
	TUIColOrg            Key = "tui.col.org"          //
	TUIColScore          Key = "tui.col.score"        //
	TUIColStage          Key = "tui.col.stage"        //
	TUIColDate           Key = "tui.col.date"         //
	TUIColChange         Key = "tui.col.change"       //
	TUIColID             Key = "tui.col.id"           //
	TUIColCompleted      Key = "tui.col.completed"    //
	TUIColTrend          Key = "tui.col.trend"        //
	AccessibleStages     Key = "tui.acc.stages"       // the stages, listed
	AccessibleStageHere  Key = "tui.acc.stagehere"    // the reached stage
	AccessibleWhyNow     Key = "tui.acc.whynow"       // what fired it
	AccessibleLater      Key = "tui.acc.later"        //
	AccessibleExportHint Key = "tui.acc.exporthint"   // assessment id
)

var englishTUI = map[Key]string{
	// the walk on bank v2 (TUI-W)
	WalkScopeTitle:         "Before you start",
	WalkScopeUnit:          "You are assessing: %s.",
	WalkScopeSize:          "%d questions in %d pillars, about 10–15 minutes. Every answer is saved as you go: stop any time and resume from the home screen.",
	WalkTermNotSure:        "Not sure: counts neither for nor against you. The question is left out of the scores and listed in your results as a gap to close, with who would know.",
	WalkTermNA:             "Does not apply: offered only on a question that may not fit your unit, and says when. The question is left out of the scores.",
	WalkScopeGlossary:      "Press g on any page for the glossary of the terms used.",
	WalkTermPillar:         "A pillar is one of the %d broad themes of this assessment. Each is made of key actions: the practices the questions ask about.",
	WalkTermKeyAction:      "A key action is one practice within a pillar. Each question describes it at five levels, from 0 (the least) to 4 (the most established); pick the one closest to what actually happens.",
	WalkNotSureRow:         "Not sure: counts neither for nor against you",
	WalkNARow:              "Does not apply: %s",
	WalkNA:                 "Does not apply",
	WalkWhoKnows:           "Who would know: %s.",
	WalkMarkedNotSure:      "Marked not sure: it counts neither for nor against you. Who would know: %s. Press n on it to note a name.",
	WalkQuitAsk:            "Leave now? Your answers so far (%s) are kept as a draft; choose Resume on the home screen to go on. Press q or y to leave, any other key to stay.",
	WalkQuitAskParticipant: "Leave now? Your answers so far (%s) are kept; join again with the same code and name to go on. Press q or y to leave, any other key to stay.",
	WalkQuitAskEmpty:       "Leave now? Nothing is answered yet, so no draft is kept. Press q or y to leave, any other key to stay.",
	WalkGlossaryTitle:      "Glossary",
	WalkGlossaryEmpty:      "This question bank has no glossary.",
	TUIKeyNA:               "does not apply",
	TUIKeyGlossary:         "glossary",
	TUIKeyClose:            "close",
	TUIKeyLeave:            "leave",
	TUIKeyStay:             "stay",
	TUIKeySaveNote:         "save note",
	TUIKeyCancel:           "cancel",
	AccessibleNA:           "x — Does not apply: %s",
	AccessibleAnswerNA:     "Answer 0 to 4, x for does not apply, or ? for not sure, optionally followed by a note (2 we post weekly); g shows the glossary, q stops: ",
	AccessibleInvalidNA:    "Please type a number from 0 to 4, x for does not apply, ? for not sure, g for the glossary, or q to stop.",
	AccessibleGlossaryHint: "Type g at any question for the glossary of the terms used.",

	RescueWritten:         "Your answers for %s could not be saved (%v). Nothing is lost: they are in %s. To go on with them, run:\n  socialmaturity import --draft %s\nthen run socialmaturity and choose Resume.",
	RescueNotWritten:      "Your answers for %s could not be saved (%v), nor written to a file (%v). Copy the answers below into a file, run socialmaturity import --draft FILE, then run socialmaturity and choose Resume:\n%s",
	AccessibleRetrying:    "Could not save (%v); trying again…",
	AccessibleInputEnded:  "input ended before the last question. %s",
	TerminatedKept:        "stopped by a termination signal. %s",
	AccessibleElsewhere:   "This assessment was completed in another window; your answers are kept as a new draft.",
	AccessibleResumeOrg:   "%s already has a draft (%s, %s). Resume it?",
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
	TUIHomeDiscardAsk: "Discard the draft of %s (%s)? Press y to discard it, any other key to keep it.",
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
	// results, home, export, history and compare on bank v2 (TUI-R)
	TUIResultsScoreOf:    "%s / 100",
	TUIResultsStageOf:    "Stage %d of %d · %s",
	TUIResultsToNext:     "%s points to stage %d, %s",
	TUIResultsTopStage:   "The top stage.",
	TUIResultsCoverageNA: ", %d do not apply",
	TUIResultsStageShort: "stage %d",
	TUIResultsNoStage:    "no stage",
	TUIResultsThin:       "%s has no stage of its own: fewer than half of its questions were answered.",
	TUIResultsExtremes:   "Strongest: %s (%s) · weakest: %s (%s)",
	TUIResultsGap:        "gap %s",
	TUIResultsImpact:     "impact %s",
	TUIResultsBecause:    "Because %s.",
	TUIResultsNextRung:   "Next rung, question %s → level %s: %s",
	TUIResultsAlone:      "You can start:",
	TUIResultsPropose:    "Propose to leadership:",
	TUIResultsSteps:      "First steps:",
	TUIResultsCaveat:     "Mind: %s",
	TUIResultsEvidence:   "Evidence: %s (%s)",
	TUIEvidenceCited:     "%s (%s)",
	TUIResultsCase:       "%s: %s",
	TUIResultsDetail:     "Your next 90 days, step by step",
	TUIResultsMoreBelow:  "↓ scroll for why, first steps and evidence",
	TUIResultsGaps:       "What nobody was sure of",
	TUIResultsGapsIntro:  "These questions were answered “not sure”; finding out is a first step in itself.",
	TUIResultsWhoKnows:   "ask: %s",
	TUIHomeCost:          "%d questions · about 10–15 minutes · stop any time: every answer is kept.",
	TUIHomeGives:         "At the end: a score out of 100, a stage of 5, a 90-day plan and a report to share. Your answers stay on this computer.",
	TUIHomeLatest:        "Latest results",
	TUIHomeFirst:         "first assessment",
	TUIHomeProvisional:   "%s, provisional",
	TUIExportTitle:       "Save a report to share",
	TUIExportHTML:        "a report to print or save as PDF (opens in a browser)",
	TUIExportPDF:         "a PDF, ready to send",
	TUIExportMD:          "Markdown, for a document or an e-mail",
	TUIExportCSV:         "a spreadsheet of the answers (CSV)",
	TUIExportJSON:        "data, for other tools (JSON)",
	TUIExportCancel:      "cancel",
	TUIExportSaved:       "Saved: %s.",
	TUIExportPrintHint:   "Open it in a browser, then Print → Save as PDF.",
	TUIExportOpenHint:    "Press o to open it.",
	TUIExportOpenFailed:  "Could not open %s: %v",
	TUIKeyExportPDF:      "PDF",
	TUIKeyOpen:           "open the file",
	TUIHistoryNoneFor:    "No assessments for %s.",
	TUICompareA:          "A",
	TUICompareB:          "B",
	TUICompareEarlier:    "earlier",
	TUICompareLater:      "later",
	TUICompareSide:       "%s  %s  %s  %s",
	TUICompareTwoOrgs:    "Two organizations side by side: A and B, not before and after.",
	TUICompareVersions:   "Answered with question banks %d and %d: both are scored again on the %d of %d questions they share.",

	// organizations, targets, trends and benchmarks (TUI-13)
	TUISetupKnown:             "Already assessed: %s. %s takes the suggested name, so the new assessment joins its history.",
	TUISetupKnownMore:         "(%d more)",
	TUISetupKeyComplete:       "take the suggestion",
	TUIKeyTarget:              "set a target",
	TUIKeySaveTarget:          "save the target",
	TUITargetTitle:            "Targets for %s",
	TUITargetIntro:            "Choose a part and type the score to aim at: not every part needs the top level. Targets are kept with the organization; a key action below its target moves up the next 90 days, one at its target is not pushed.",
	TUITargetNone:             "no target",
	TUITargetIs:               "target %s",
	TUITargetFor:              "Target for %s, from 0 to 100 (leave it empty to clear the target):",
	TUITargetPrompt:           "> ",
	TUITargetInvalid:          "Type a score from 0 to 100, or leave it empty to clear the target.",
	TUITargetSaving:           "Saving the target…",
	TUITargetSaved:            "Target saved.",
	TUITargetFailed:           "The target could not be saved: %s",
	TUITargetUnscored:         "Target %s · not scored, so no gap",
	TUITargetMet:              "Target %s · met",
	TUITargetGap:              "Target %s · %s to go",
	TUITargetBelowFirst:       "Target %s · %s to go · the first assessment met it",
	TUITargetFallen:           "Target %s · %s to go · %s points below the first assessment",
	TUITargetProgress:         "Target %s · %s to go · %s of the way since the first assessment",
	TUIResultsAtTarget:        "at its target",
	TUITrendOverall:           "Overall over %d assessments since %s:",
	TUITrendMoved:             "Moved most since last time: %s",
	TUITrendMove:              "%s %s",
	TUITrendNoMoves:           "Nothing moved since last time.",
	TUIBenchSource:            "Against the source’s findings",
	TUIBenchPortfolio:         "Among the other organizations assessed here",
	TUIBenchPortfolioNote:     "Ranked among the latest assessments of %d other organizations; none is named.",
	TUIBenchPortfolioImported: "Ranked among the latest assessments of %d other organizations, %d of them from an imported cohort; none is named.",
	TUIBenchStanding:          "rank %d of %d · percentile %s",

	// what a first-time user's trial found (POLISH-TUI)
	TUICountAnswered:     "%d answered",
	TUICountUnsure:       "%d not sure",
	TUICountNA:           "%d do not apply",
	TUICountOf:           "%s, of %d",
	TUIKeyContinue:       "continue",
	TUISetupKeyNextField: "next field",
	TUIResultsGapMeans:   "Gap: points below 100. Ordered by gap, weaker pillar, prerequisites first.",
	TUIExportOpening:     "Opening %s…",
	TUICompareBMinusA:    "B − A",
	TUIColOrg:            "organization",
	TUIColScore:          "score",
	TUIColStage:          "stage",
	TUIColDate:           "date",
	TUIColChange:         "change",
	TUIColID:             "id",
	TUIColCompleted:      "completed",
	TUIColTrend:          "trend",
	AccessibleStages:     "Stages: %s.",
	AccessibleStageHere:  "%s (you are here)",
	AccessibleWhyNow:     "Why now: %s.",
	AccessibleLater:      "After the next 90 days, in the order to take them",
	AccessibleExportHint: "To save a report to share, run: socialmaturity export %s",
}
