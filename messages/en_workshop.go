package messages

// Keys and English texts of the workshop mode.
const (
	_ Key = ""

	// the SSH server, join screen and dashboard (WS-SERVER)
	WSJoinTitle        Key = "ws.join.title"
	WSJoinCodePrompt   Key = "ws.join.code.prompt"
	WSJoinCodeHelp     Key = "ws.join.code.help"
	WSJoinWrongCode    Key = "ws.join.code.wrong"
	WSJoinTooMany      Key = "ws.join.code.toomany"
	WSJoinChecking     Key = "ws.join.checking"
	WSJoinNamePrompt   Key = "ws.join.name.prompt"
	WSJoinNameHelp     Key = "ws.join.name.help"
	WSJoinAnonymous    Key = "ws.join.anonymous"
	WSJoinAnonNote     Key = "ws.join.anonnote"
	WSBannerHeader     Key = "ws.banner.header"
	WSBannerPaused     Key = "ws.banner.paused"
	WSBannerWaiting    Key = "ws.banner.waiting"
	WSBannerEnded      Key = "ws.banner.ended"
	WSBannerClosing    Key = "ws.banner.closing"
	WSBannerRevealed   Key = "ws.banner.revealed"
	WSKeyTeam          Key = "ws.key.team"
	WSTeamTitle        Key = "ws.team.title"
	WSTeamWithheld     Key = "ws.team.withheld"
	WSTeamMembers      Key = "ws.team.members"
	WSTeamScore        Key = "ws.team.score"
	WSTeamStage        Key = "ws.team.stage"
	WSTeamNoStage      Key = "ws.team.nostage"
	WSTeamProvisional  Key = "ws.team.provisional"
	WSTeamPart         Key = "ws.team.part"
	WSPeopleScores     Key = "ws.team.people" // mean, spread of people's own scores
	WSPeopleFew        Key = "ws.team.people.few"
	WSTeamBack         Key = "ws.team.back"
	WSFull             Key = "ws.srv.full"
	WSOnlyApp          Key = "ws.srv.onlyapp"
	WSNoTerminal       Key = "ws.srv.noterminal"
	WSErrEnded         Key = "ws.srv.ended"
	WSDashTitle        Key = "ws.dash.title"
	WSDashJoin         Key = "ws.dash.join"
	WSDashHostKey      Key = "ws.dash.hostkey"
	WSDashPeople       Key = "ws.dash.people"
	WSDashParticipant  Key = "ws.dash.participant"
	WSDashOffline      Key = "ws.dash.offline"
	WSDashDone         Key = "ws.dash.done"
	WSDashStateHidden  Key = "ws.dash.state.hidden"
	WSDashStateShown   Key = "ws.dash.state.shown"
	WSDashStatePaused  Key = "ws.dash.state.paused"
	WSDashStatePaced   Key = "ws.dash.state.paced"
	WSDashStateNone    Key = "ws.dash.state.none"
	WSDashTeam         Key = "ws.dash.team"
	WSDashHotspots     Key = "ws.dash.hotspots"
	WSDashNoHotspots   Key = "ws.dash.nohotspots"
	WSDashHotspot      Key = "ws.dash.hotspot"
	WSDashAgreedNote   Key = "ws.dash.agreed"
	WSFlagOutlier      Key = "ws.flag.outlier"
	WSFlagGap          Key = "ws.flag.gap"
	WSBandAligned      Key = "ws.band.aligned"
	WSBandMixed        Key = "ws.band.mixed"
	WSBandSplit        Key = "ws.band.split"
	WSKeyReveal        Key = "ws.key.reveal"
	WSKeyPause         Key = "ws.key.pause"
	WSKeyNext          Key = "ws.key.next"
	WSKeyAgree         Key = "ws.key.agree"
	WSKeyEnd           Key = "ws.key.end"
	WSDashAgreePrompt  Key = "ws.dash.agree.prompt"
	WSDashWhyPrompt    Key = "ws.dash.why.prompt"
	WSDashEndAsk       Key = "ws.dash.end.ask"
	WSLogServing       Key = "ws.log.serving"
	WSLogJoined        Key = "ws.log.joined"
	WSLogLeft          Key = "ws.log.left"
	WSLogWrongCode     Key = "ws.log.wrongcode"
	WSLogState         Key = "ws.log.state"
	WSLogStopping      Key = "ws.log.stopping"
	WSLogStopped       Key = "ws.log.stopped"
	WSLogSaveFailed    Key = "ws.log.savefailed"
	WSCmdServe         Key = "ws.cmd.serve"
	WSFlagAddr         Key = "ws.flag.addr"
	WSFlagMax          Key = "ws.flag.max"
	WSFlagHeadless     Key = "ws.flag.headless"
	WSFlagServePaced   Key = "ws.flag.servepaced"
	WSErrNeedsTerminal Key = "ws.err.needsterminal"
	WSExampleServe     Key = "ws.example.serve"

	// defects from QA (WS-FIX)
	WSErrNameInUse      Key = "ws.srv.nameinuse"
	WSJoinTimedOut      Key = "ws.join.timedout"
	WSExitSaved         Key = "ws.exit.saved"
	WSExitKept          Key = "ws.exit.kept"
	WSSaveKept          Key = "ws.save.kept"
	WSSaveFailed        Key = "ws.save.failed"
	WSCompleteBusy      Key = "ws.complete.busy"
	WSErrNoRescueFolder Key = "ws.err.norescuefolder"
	WSErrMax            Key = "ws.err.max"
	WSLogRefused        Key = "ws.log.refused"
	WSLogDropped        Key = "ws.log.dropped"
	WSLogKept           Key = "ws.log.kept"
	WSLogRescued        Key = "ws.log.rescued"
	WSLogRescueFailed   Key = "ws.log.rescuefailed"
	WSLogStoredRescued  Key = "ws.log.storedrescued"
	WSLogStoredLate     Key = "ws.log.storedlate"
	WSLogStoppedKept    Key = "ws.log.stoppedkept"
	WSDashRescued       Key = "ws.dash.rescued"
	WSDashRescuedStored Key = "ws.dash.rescued.stored"

	// workshop commands and the team report (WS-CORE)
	WSCmdWorkshop     Key = "ws.cmd.workshop"
	WSCmdNew          Key = "ws.cmd.new"
	WSCmdList         Key = "ws.cmd.list"
	WSCmdReport       Key = "ws.cmd.report"
	WSFlagOrg         Key = "ws.flag.org"
	WSFlagTitle       Key = "ws.flag.title"
	WSFlagPaced       Key = "ws.flag.paced"
	WSFlagNames       Key = "ws.flag.names"
	WSErrOrgMissing   Key = "ws.err.org"
	WSErrNoWorkshop   Key = "ws.err.noworkshop"
	WSCreated         Key = "ws.created"
	WSListEmpty       Key = "ws.list.empty"
	WSStateOpen       Key = "ws.state.open"
	WSStateEnded      Key = "ws.state.ended"
	WSRepTitle        Key = "ws.rep.title"
	WSRepWorkshop     Key = "ws.rep.workshop"
	WSRepID           Key = "ws.rep.id"
	WSRepCreated      Key = "ws.rep.created"
	WSRepPeople       Key = "ws.rep.people"
	WSRepPeopleValue  Key = "ws.rep.people.value"
	WSRepWithheld     Key = "ws.rep.withheld"
	WSRepScore        Key = "ws.rep.score"
	WSRepStage        Key = "ws.rep.stage"
	WSRepStageValue   Key = "ws.rep.stage.value"
	WSRepScores       Key = "ws.rep.scores"
	WSRepScoresNote   Key = "ws.rep.scores.note"
	WSRepHotspots     Key = "ws.rep.hotspots"
	WSRepHotspotsNote Key = "ws.rep.hotspots.note"
	WSRepNoHotspots   Key = "ws.rep.nohotspots"
	WSRepQuestion     Key = "ws.rep.question"
	WSRepD            Key = "ws.rep.d"
	WSRepAnswers      Key = "ws.rep.answers"
	WSRepBar          Key = "ws.rep.bar"
	WSRepNotSure      Key = "ws.rep.notsure"
	WSRepFlags        Key = "ws.rep.flags"
	WSRepTeamAnswer   Key = "ws.rep.teamanswer"
	WSRepGaps         Key = "ws.rep.gaps"
	WSRepGapsNote     Key = "ws.rep.gaps.note"
	WSRepAgreed       Key = "ws.rep.agreed"
	WSRepWhy          Key = "ws.rep.why"
	WSRepNoAgreed     Key = "ws.rep.noagreed"
	WSRepRoles        Key = "ws.rep.roles"
	WSRepRolesNote    Key = "ws.rep.roles.note"
	WSRepNoRole       Key = "ws.rep.norole"
	WSRepNames        Key = "ws.rep.names"
	WSRepFinished     Key = "ws.rep.finished"
	WSRepInProgress   Key = "ws.rep.inprogress"
	WSRepUnnamed      Key = "ws.rep.unnamed"
	WSRepPeopleScores Key = "ws.rep.peoplescores"
	WSRepMeanSpread   Key = "ws.rep.meanspread"
	WSRepOverallMean  Key = "ws.rep.overallmean"
	WSRepFewAnswers   Key = "ws.rep.fewanswers"
	WSRepFewer        Key = "ws.rep.fewer"
)

var englishWorkshop = map[Key]string{
	WSJoinTitle:         "Workshop: %s",
	WSJoinCodePrompt:    "Join code: ",
	WSJoinCodeHelp:      "Type the 6-character code the facilitator shows, then press enter.",
	WSJoinWrongCode:     "That code is not right (try %d of %d).",
	WSJoinTooMany:       "Too many wrong codes. Ask the facilitator for the code and connect again.",
	WSJoinChecking:      "Checking…",
	WSJoinNamePrompt:    "Your name: ",
	WSJoinNameHelp:      "Give your name to come back to your answers later: join again with the same code and name. Leave it empty to stay anonymous. Others in the room never see your answers, only the team's.",
	WSJoinAnonymous:     "Anonymous %s",
	WSJoinAnonNote:      "You joined as %s: use this name to come back to your answers.",
	WSBannerHeader:      "%s · %s",
	WSBannerPaused:      "Paused by the facilitator. Your answers are kept.",
	WSBannerWaiting:     "That is all for now: the facilitator opens the next part for the room.",
	WSBannerEnded:       "The workshop has ended. Your answers are kept; press q to leave.",
	WSBannerClosing:     "The workshop is closing. Your answers are being saved.",
	WSBannerRevealed:    "The team result is in: press t to see it.",
	WSKeyTeam:           "team result",
	WSTeamTitle:         "Team result",
	WSTeamWithheld:      "The team result shows once at least %d people have answered.",
	WSTeamMembers:       "%s people, %s finished",
	WSTeamScore:         "Team score %s / 100 (%s)",
	WSTeamStage:         "Stage %s of 5: %s",
	WSTeamNoStage:       "No stage yet: too few answers.",
	WSTeamProvisional:   "Provisional: the team has not answered every question yet.",
	WSTeamPart:          "%s: %s (%s)",
	WSPeopleScores:      "people %s ± %s",
	WSPeopleFew:         "fewer than 3 answers",
	WSTeamBack:          "Press t or esc to go back to your own result.",
	WSFull:              "This workshop is full (%d people have joined). Please ask the facilitator.",
	WSOnlyApp:           "Only the workshop runs here: connect with ssh and no command, for example ssh -p %s HOST.",
	WSNoTerminal:        "The workshop needs a terminal: connect with ssh -t.",
	WSErrEnded:          "This workshop has ended.",
	WSDashTitle:         "Workshop %s · facilitator",
	WSDashJoin:          "Join: ssh -p %s %s    code %s",
	WSDashHostKey:       "Host key %s (first time: ssh -o StrictHostKeyChecking=accept-new)",
	WSDashPeople:        "%s connected · %s joined · %s finished",
	WSDashParticipant:   "%s  %s/%s",
	WSDashOffline:       " (away)",
	WSDashDone:          " ✓",
	WSDashStateHidden:   "team result hidden",
	WSDashStateShown:    "team result shown to the room",
	WSDashStatePaused:   "paused",
	WSDashStatePaced:    "open: %s",
	WSDashStateNone:     "open: nothing yet",
	WSDashTeam:          "Team %s / 100 (%s) · %s",
	WSDashHotspots:      "Where the room disagrees",
	WSDashNoHotspots:    "No question has 3 answers yet.",
	WSDashHotspot:       "D %s %s  %s",
	WSDashAgreedNote:    "agreed: %s",
	WSFlagOutlier:       "outlier",
	WSFlagGap:           "knowledge gap",
	WSBandAligned:       "aligned",
	WSBandMixed:         "mixed",
	WSBandSplit:         "split",
	WSKeyReveal:         "reveal/hide team",
	WSKeyPause:          "pause/resume",
	WSKeyNext:           "open next part",
	WSKeyAgree:          "record agreed answer",
	WSKeyEnd:            "end workshop",
	WSDashAgreePrompt:   "Agreed answer for %s (0-4, u not sure, x does not apply): ",
	WSDashWhyPrompt:     "Why: ",
	WSDashEndAsk:        "End the workshop for everyone? y ends it, any other key stays.",
	WSLogServing:        "serving workshop %s on %s: ssh -p %s HOST, code %s, host key %s",
	WSLogJoined:         "%s joined",
	WSLogLeft:           "%s left",
	WSLogWrongCode:      "wrong join code from %s",
	WSLogState:          "state: %s",
	WSLogStopping:       "stopping: waiting up to %s for %d sessions to save their answers",
	WSLogStopped:        "stopped; every answer given is stored",
	WSLogSaveFailed:     "could not save answers of %s: %v",
	WSCmdServe:          "Serve a workshop over SSH, with the facilitator's dashboard in this terminal",
	WSFlagAddr:          "address to listen on (this computer only unless you say otherwise, e.g. 0.0.0.0:2222)",
	WSFlagMax:           "most participants connected at once",
	WSFlagHeadless:      "no dashboard: log to stderr (a server box)",
	WSFlagServePaced:    "pace the room: the facilitator opens one key action at a time",
	WSErrNeedsTerminal:  "the dashboard needs a terminal; use --headless to serve without it",
	WSExampleServe:      "socialmaturity workshop serve 1m8f\n# let the room in: they join with ssh -p 2222 YOUR-ADDRESS\nsocialmaturity workshop serve 1m8f --addr 0.0.0.0:2222\n# a server box: log to stderr; open one key action at a time\nsocialmaturity workshop serve 1m8f --headless --paced",
	WSErrNameInUse:      "Someone is using that name in the room right now; pick another.",
	WSJoinTimedOut:      "No code and name were given for a while, so this connection closes. Connect again when you are ready.",
	WSExitSaved:         "Your answers are saved. To go on, join again with the same code and name.",
	WSExitKept:          "The database is busy, so your latest answers are not stored in it yet. Nothing is lost: the server keeps trying, and the facilitator has a copy in a file. To go on later, join again with the same code and name.",
	WSSaveKept:          "the database is busy; your answers are kept on the server and stored as soon as it is free",
	WSSaveFailed:        "the server could not store your answers; they are kept on the server, and the facilitator is told",
	WSCompleteBusy:      "the database is busy, so your assessment could not be finished yet; your answers are kept: try again in a moment",
	WSErrNoRescueFolder: "no folder to write it to",
	WSErrMax:            "--max must be at least 1 (it is %d): it is how many people may have joined at once",
	WSLogRefused:        "refused a join from %s: %v",
	WSLogDropped:        "%s stopped answering: connection closed, so they can join again",
	WSLogKept:           "the database is busy: answers of %s are kept in memory and stored once it is free",
	WSLogRescued:        "answers of %s could not be stored (the database is busy): kept in %s; add them with socialmaturity import --draft FILE",
	WSLogRescueFailed:   "answers of %s could not be stored, nor written to a file (%v); here they are:\n%s",
	WSLogStoredRescued:  "answers of %s are stored after all: %s is no longer needed",
	WSLogStoredLate:     "answers of %s are stored after all",
	WSLogStoppedKept:    "stopped; the answers of %d participants could not be stored and are in rescue files (see above)",
	WSDashRescued:       "Answers of %s are in %s: add them with socialmaturity import --draft FILE",
	WSDashRescuedStored: "Answers of %s are stored after all: %s is no longer needed",
	WSCmdWorkshop:       "Run a workshop: a room answering at once, with a team result",
	WSCmdNew:            "Create a workshop and print its join code",
	WSCmdList:           "List workshops, newest first",
	WSCmdReport:         "Write a workshop's team report (anonymous unless --names)",
	WSFlagOrg:           "organization the workshop assesses",
	WSFlagTitle:         "title of the workshop",
	WSFlagPaced:         "the facilitator opens one key action at a time for the room",
	WSFlagNames:         "name the participants in the report",
	WSErrOrgMissing:     "workshop new needs the organization: --org NAME",
	WSErrNoWorkshop:     "no workshop has id %q: see socialmaturity workshop list",
	WSCreated:           "Workshop %s for %s\nJoin code: %s\nRun it with: socialmaturity workshop serve %s",
	WSListEmpty:         "No workshops yet: create one with socialmaturity workshop new --org NAME.",
	WSStateOpen:         "open",
	WSStateEnded:        "ended",
	WSRepTitle:          "Team result: %s",
	WSRepWorkshop:       "Workshop",
	WSRepID:             "Workshop id",
	WSRepCreated:        "Created",
	WSRepPeople:         "People",
	WSRepPeopleValue:    "%s (%s finished)",
	WSRepWithheld:       "Fewer than %s people have answered: the team result is withheld, so that no one's answers can be worked out.",
	WSRepScore:          "Team score",
	WSRepStage:          "Stage",
	WSRepStageValue:     "%s: %s",
	WSRepScores:         "Scores by pillar and key action",
	WSRepScoresNote:     "The team score is the score of the team's answers (for each question, the middle answer given), which the recommendations also follow. People's scores are the mean ± standard deviation of each person's own score, in points, and People how many have one. Nothing answered by fewer than %s people is shown.",
	WSRepHotspots:       "Where the team disagrees",
	WSRepHotspotsNote:   "Questions ranked by Leik's D: 0 when everyone gave the same level, 1 when the team split into two opposite camps. Only questions with at least 3 answers at a level are ranked; \u201cnot sure\u201d is left out and counted apart.",
	WSRepNoHotspots:     "The team agrees on every question with at least 3 answers at a level.",
	WSRepQuestion:       "Question",
	WSRepD:              "D",
	WSRepAnswers:        "Answers by level",
	WSRepBar:            "%s: %s",
	WSRepNotSure:        "Not sure",
	WSRepFlags:          "Flags",
	WSRepTeamAnswer:     "Team answer",
	WSRepGaps:           "Knowledge gaps",
	WSRepGapsNote:       "A quarter or more answered \u201cnot sure\u201d: find out who knows before deciding.",
	WSRepAgreed:         "Agreed",
	WSRepWhy:            "Why",
	WSRepNoAgreed:       "No agreed answer was recorded.",
	WSRepRoles:          "By role",
	WSRepRolesNote:      "The team score of each group's answers, worked out as above. Shown only when every role group has at least %s people.",
	WSRepNoRole:         "no role given",
	WSRepNames:          "Participants",
	WSRepFinished:       "finished",
	WSRepInProgress:     "in progress",
	WSRepUnnamed:        "(no name)",
	WSRepPeopleScores:   "People's scores",
	WSRepMeanSpread:     "%s ± %s",
	WSRepOverallMean:    "%s ± %s (%s people)",
	WSRepFewAnswers:     "fewer than %s answers",
	WSRepFewer:          "fewer than %s",
}
