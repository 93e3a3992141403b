package messages

// Keys and English texts added for the report since the catalog was split by area.
const (
	// What fired a recommendation.
	BecauseScore        Key = "because.score"         // title, score, stage number
	BecauseScoreNoStage Key = "because.score.nostage" // title, score
	BecauseLevel        Key = "because.level"         // question id, level
	BecauseAnswer       Key = "because.answer"        // question number, level, the answer's text
	// Next to the stage.
	ResultProvisional     Key = "result.provisional"      // answered, applicable, share needed
	ResultProvisionalThin Key = "result.provisional.thin" // pillar titles
	ResultCapped          Key = "result.capped"           // stage, pillar title, its stage, uncapped stage
	// A figure of the source.
	FactAbout Key = "fact.about" // the formatted value
	FactTimes Key = "fact.times" // the formatted number

	// The deliverable (HTML, PDF, Markdown).
	ReportCoverTitle    Key = "report.cover.title"
	ReportPreparedFor   Key = "report.preparedfor"
	ReportPreparedBy    Key = "report.preparedby"
	ReportConfidential  Key = "report.confidential"
	ReportLogo          Key = "report.logo"
	ReportSummary       Key = "report.summary"
	ReportLadder        Key = "report.ladder"
	ReportYouAreHere    Key = "report.youarehere"
	ReportChangeSince   Key = "report.changesince"    // signed change, date
	ReportStageMove     Key = "report.stagemove"      // from stage, to stage
	ReportStrongest     Key = "report.strongest"      // title, score
	ReportWeakest       Key = "report.weakest"        // title, score
	ReportNext90        Key = "report.next90"         //
	ReportNoMoves       Key = "report.nomoves"        //
	ReportUnknown       Key = "report.unknown"        //
	ReportUnknownCount  Key = "report.unknown.count"  // not sure, not answered
	ReportWhoKnows      Key = "report.whoknows"       // who
	ReportScores        Key = "report.scores"         //
	ReportScore         Key = "report.score"          //
	ReportStageCol      Key = "report.stagecol"       //
	ReportNoStageThin   Key = "report.nostage.thin"   //
	ReportRadarNote     Key = "report.radar.note"     //
	ReportRadarPrevious Key = "report.radar.previous" // the caption's line for the previous outline
	ReportBecause       Key = "report.because"        // what fired it
	ReportGap           Key = "report.gap"            // the gap
	ReportImpact        Key = "report.impact"         // the impact (results stored before v2)
	ReportNextRung      Key = "report.nextrung"       //
	ReportRungLine      Key = "report.rungline"       // question id, level, option text
	ReportAlone         Key = "report.alone"          //
	ReportPropose       Key = "report.propose"        //
	ReportCaveats       Key = "report.caveats"        //
	ReportEvidence      Key = "report.evidence"       //
	ReportFactSource    Key = "report.fact.source"    // citation
	ReportCaseSource    Key = "report.case.source"    // citation
	ReportOwner         Key = "report.owner"          //
	ReportDue           Key = "report.due"            //
	ReportMoreRecs      Key = "report.morerecs"       //
	ReportMoreRecsNote  Key = "report.morerecs.note"  // how many
	ReportGapTable      Key = "report.gaptable"       //
	ReportQuestion      Key = "report.question"       //
	ReportGiven         Key = "report.given"          //
	ReportNextLevel     Key = "report.nextlevel"      //
	ReportTopReached    Key = "report.topreached"     //
	ReportAppendix      Key = "report.appendix"       //
	ReportNA            Key = "report.na"             //
	ReportMethodLimits  Key = "report.methodlimits"   //
	ReportMethodV2      Key = "report.method.v2"      // paragraphs; see below
	ReportStageRange    Key = "report.stagerange"     // number, name, from
	ReportStageBelow    Key = "report.stagebelow"     // number, name, below
	ReportMethodSource  Key = "report.method.source"  // citation, its note
	ReportLimits        Key = "report.limits"         // answered, applicable, not sure, not applicable
	ReportGlossary      Key = "report.glossary"       //
	ReportPageOf        Key = "report.pageof"         // page, pages
	ReportLevelOf       Key = "report.levelof"        // level, top level
	ReportCompareTitle  Key = "report.compare.title"  //
	ReportCompareA      Key = "report.compare.a"      //
	ReportCompareB      Key = "report.compare.b"      //
	ReportCompareDiff   Key = "report.compare.diff"   //
	ReportCompareSide   Key = "report.compare.side"   // label, organization, date
	ReportCompareBanks  Key = "report.compare.banks"  // from version, to version, shared, total
	ReportCompareStages Key = "report.compare.stage"  //
	ReportSurvey        Key = "report.survey"         //

	// Targets, trend and benchmarks (issue 13), in every export.
	ReportTargets          Key = "report.targets"           //
	ReportTargetCol        Key = "report.target.col"        //
	ReportGapCol           Key = "report.gap.col"           //
	ReportProgressCol      Key = "report.progress.col"      //
	ReportProgressMet      Key = "report.progress.met"      //
	ReportProgressNoFirst  Key = "report.progress.nofirst"  //
	ReportProgressBelow    Key = "report.progress.below"    //
	ReportProgressUnscored Key = "report.progress.unscored" //
	ReportProgressDone     Key = "report.progress.done"     // share of the way, since date
	ReportTargetsNote      Key = "report.targets.note"      // date of the first assessment
	ReportTrend            Key = "report.trend"             //
	ReportTrendChart       Key = "report.trend.chart"       //
	ReportTrendNote        Key = "report.trend.note"        // count, first date, latest date
	ReportTrendFirst       Key = "report.trend.first"       //
	ReportTrendLatest      Key = "report.trend.latest"      //
	ReportTrendSeries      Key = "report.trend.series"      //
	ReportTrendOne         Key = "report.trend.one"         //
	ReportMoved            Key = "report.moved"             // date of the previous assessment
	ReportMovedLine        Key = "report.moved.line"        // title, from, to, signed change
	ReportMovedNone        Key = "report.moved.none"        //
	ReportSourceBench      Key = "report.sourcebench"       //
	ReportSourceBenchNote  Key = "report.sourcebench.note"  //
	ReportSourceBenchLine  Key = "report.sourcebench.line"  // where it stands, citation
	ReportSourceBenchNone  Key = "report.sourcebench.none"  //
	ReportPortfolio        Key = "report.portfolio"         //
	ReportPortfolioNote    Key = "report.portfolio.note"    // others, of them imported
	ReportPortfolioRank    Key = "report.portfolio.rank"    // rank, of how many
	ReportPortfolioPct     Key = "report.portfolio.pct"     // percentile
	ReportPortfolioCol     Key = "report.portfolio.col"     //
	ReportPortfolioPctCol  Key = "report.portfolio.pctcol"  //
	ReportPortfolioNone    Key = "report.portfolio.none"    // the fewest others needed
	ReportBenchHeading     Key = "report.bench.heading"     // organization
)

// What a result says where it proposes nothing, in every output (QA N7).
const (
	ResultUnscoredParts Key = "result.unscored.parts" // not scored, of how many
	ResultAllAtTarget   Key = "result.allattarget"    //
)

var englishReport = map[Key]string{
	BecauseScore:          "%s scores %s (stage %d)",
	BecauseScoreNoStage:   "%s scores %s (too few answers for a stage)",
	BecauseLevel:          "%s is at level %d",
	BecauseAnswer:         "question %s is answered at level %s (“%s”)",
	ResultProvisional:     "Provisional: %s of %s applicable questions answered (%s needed)",
	ResultProvisionalThin: "; too few answers in %s",
	ResultCapped:          "Held at stage %d, one above %s (stage %d); the score alone would give stage %d",
	FactAbout:             "about %s",
	FactTimes:             "%s×",

	ReportCoverTitle:    "Social media maturity assessment",
	ReportPreparedFor:   "Prepared for",
	ReportPreparedBy:    "Prepared by",
	ReportConfidential:  "Confidential",
	ReportLogo:          "Logo",
	ReportSummary:       "Executive summary",
	ReportLadder:        "The five stages",
	ReportYouAreHere:    "you are here",
	ReportChangeSince:   "%s since %s",
	ReportStageMove:     " (stage %d → %d)",
	ReportStrongest:     "Strongest: %s (%s)",
	ReportWeakest:       "Weakest: %s (%s)",
	ReportNext90:        "The next 90 days",
	ReportNoMoves:       "Every key action is at stage 5: keep what works and review it each year.",
	ReportUnknown:       "What is not known",
	ReportUnknownCount:  "%s answered “not sure”, %s not answered.",
	ReportWhoKnows:      "who would know: %s",
	ReportScores:        "Scores",
	ReportScore:         "Score",
	ReportStageCol:      "Stage",
	ReportNoStageThin:   "no stage: fewer than half answered",
	ReportRadarNote:     "Rings at 25, 50, 75 and 100; a hollow mark is not scored.",
	ReportRadarPrevious: "The dashed outline is the previous assessment.",
	ReportBecause:       "Why now: %s.",
	ReportGap:           "gap %s",
	ReportImpact:        "impact %s",
	ReportNextRung:      "Next rung",
	ReportRungLine:      "Level %d: %s",
	ReportAlone:         "You can start alone",
	ReportPropose:       "Propose to leadership",
	ReportCaveats:       "Mind",
	ReportEvidence:      "Evidence",
	ReportFactSource:    "(%s; self-reported survey answers)",
	ReportCaseSource:    "(%s)",
	ReportOwner:         "Owner",
	ReportDue:           "Due",
	ReportMoreRecs:      "Appendix: more recommendations",
	ReportMoreRecsNote:  "%s more recommendations are in the appendix.",
	ReportGapTable:      "Where each answer stands",
	ReportQuestion:      "Question",
	ReportGiven:         "Answer given",
	ReportNextLevel:     "What the next level looks like",
	ReportTopReached:    "top level reached",
	ReportAppendix:      "Appendix: every answer and note",
	ReportNA:            "does not apply",
	ReportMethodLimits:  "Method and limits",
	ReportMethodV2: "Every question has five answers on one ladder from level 0 to level 4, worth 25 points a step, from 0 to 100.\n" +
		"“Not sure” and unanswered questions are left out of every average and listed as what is not known; “does not apply” is left out of the scores and of coverage.\n" +
		"A key action scores the weighted average of its answered questions, a pillar the weighted average of its key actions, and the overall score the weighted average of the pillars. Nothing answered is “not scored”, never 0.\n" +
		"The stage is the ladder level nearest the score: %s. The overall stage is never more than one stage above the weakest pillar's.\n" +
		"A result is provisional when fewer than %s of the applicable questions are answered, or fewer than half of any pillar's. A pillar or key action scored from fewer than half of its applicable questions has no stage of its own.\n" +
		"Every key action below %s gets one recommendation for its level: build it below %s, make it a defined practice below %s, connect it across the organization below %s. Its gap is 100 less the score that fired it. The top three take at most one per key action, put prerequisites first and break ties towards the weaker pillar.\n" +
		"The stages, questions and recommendations are this tool's own, not the report's.",
	ReportStageRange:    "stage %d (%s) from %s",
	ReportStageBelow:    "stage %d (%s) below %s",
	ReportMethodSource:  "Figures and cases: %s. %s",
	ReportLimits:        "This is a self-assessment: answers are what the respondents believe, and self-assessments tend to run optimistic. Coverage: %s of %s applicable questions answered, %s not sure, %s not applicable.",
	ReportGlossary:      "Glossary",
	ReportPageOf:        "Page %s of %s",
	ReportLevelOf:       "%s / %s",
	ReportCompareTitle:  "Comparison",
	ReportCompareA:      "A",
	ReportCompareB:      "B",
	ReportCompareDiff:   "B − A",
	ReportCompareSide:   "%s: %s, %s",
	ReportCompareBanks:  "The two were answered with versions %d and %d of the questions; both are scored on the %d of %d questions they share.",
	ReportCompareStages: "Stage",
	ReportSurvey:        "What the survey found",

	ReportTargets:          "Targets",
	ReportTargetCol:        "Target",
	ReportGapCol:           "Gap",
	ReportProgressCol:      "Progress since the first assessment",
	ReportProgressMet:      "target met",
	ReportProgressNoFirst:  "no earlier score to measure from",
	ReportProgressBelow:    "below the first score, which met the target",
	ReportProgressUnscored: "not scored",
	ReportProgressDone:     "%s of the way",
	ReportTargetsNote:      "Progress is (now − first) ÷ (target − first), measured from the first assessment on %s.",
	ReportTrend:            "Over time",
	ReportTrendChart:       "Overall and pillar scores over time",
	ReportTrendNote:        "%s assessments from %s to %s; a gap in a line is a score that could not be given.",
	ReportTrendFirst:       "First",
	ReportTrendLatest:      "Latest",
	ReportTrendSeries:      "Over time",
	ReportTrendOne:         "This is the organization's only assessment: a trend needs two.",
	ReportMoved:            "What moved most since %s",
	ReportMovedLine:        "%s: %s → %s (%s)",
	ReportMovedNone:        "Nothing moved since the previous assessment.",
	ReportSourceBench:      "Against the report's findings",
	ReportSourceBenchNote:  "Where these answers place the organization against what the survey found; the figures are the survey's own, self-reported by the businesses it asked.",
	ReportSourceBenchLine:  "%s (%s)",
	ReportSourceBenchNone:  "None of the survey's findings can be placed from these answers.",
	ReportPortfolio:        "Among other organizations",
	ReportPortfolioNote:    "Rank and percentile among the latest assessments of %s other organizations (%s of them imported); no other organization is named.",
	ReportPortfolioRank:    "%s of %s",
	ReportPortfolioPct:     "%s",
	ReportPortfolioCol:     "Rank",
	ReportPortfolioPctCol:  "Percentile",
	ReportPortfolioNone:    "A comparison with other organizations needs the latest assessments of at least %s others.",
	ReportBenchHeading:     "Benchmarks: %s",

	ResultUnscoredParts: "%s of %s key actions are not scored, so they have no recommendation yet: answer their questions to get one.",
	ResultAllAtTarget:   "Every recommendation is for a part already at its target, so none is proposed for the next 90 days.",
}
