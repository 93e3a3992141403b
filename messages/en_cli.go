package messages

// Keys and English texts added for the CLI since the catalog was split by area.
const (
	ErrArgMissing      Key = "cli.err.arg.missing"
	ErrArgExtra        Key = "cli.err.arg.extra"
	ErrFlagValue       Key = "cli.err.flag.value"
	KindWholeNumber    Key = "cli.kind.whole"
	KindNumber         Key = "cli.kind.number"
	KindBool           Key = "cli.kind.bool"
	ErrDBDamaged       Key = "cli.err.db.damaged"
	ErrDBNewer         Key = "cli.err.db.newer"
	ErrDBInUse         Key = "cli.err.db.inuse"
	ErrDBRecord        Key = "cli.err.db.record"
	ErrAmbiguous       Key = "cli.err.ambiguous"
	ErrNotFoundID      Key = "cli.err.notfound"
	DeleteConfirmRef   Key = "cli.delete.confirm.ref"
	ErrInternal        Key = "cli.err.internal"
	ErrCompleted       Key = "cli.err.completed"
	ErrImportDuplicate Key = "cli.err.import.duplicate"
	ImportSourceNth    Key = "cli.import.source.nth"
	ErrNothingAnswered Key = "cli.err.nothing"
	ErrImportNothing   Key = "cli.err.import.nothing" // the file (and document)
	ErrIsDraft         Key = "cli.err.isdraft"        // id, organization, answered, questions, command
	HintOtherBank      Key = "cli.hint.otherbank"
	ErrCompareSame     Key = "cli.err.compare.same"
	ListEmptyOrg       Key = "cli.list.empty.org"
	ListNoMore         Key = "cli.list.nomore"
	FlagAllowDups      Key = "cli.flag.allowdups"
	FlagBankVersion    Key = "cli.flag.bankversion"
	ErrBankVersion     Key = "cli.err.bankversion"
	ErrBankAndVersion  Key = "cli.err.bankandversion"

	CmdImportDraftLong  Key = "cli.import.draft.long"
	FlagImportDraft     Key = "cli.flag.import.draft"
	ImportDraftsResume  Key = "cli.import.drafts.resume"
	HelpShortIDs        Key = "cli.help.shortids"
	FlagExportDir       Key = "cli.flag.exportdir"
	ErrExportDir        Key = "cli.err.exportdir"
	CmdCompareLong      Key = "cli.compare.long"
	ExampleRoot         Key = "cli.example.root"
	ExampleAssess       Key = "cli.example.assess"
	ExampleScore        Key = "cli.example.score"
	ExampleImport       Key = "cli.example.import"
	ExampleList         Key = "cli.example.list"
	ExampleShow         Key = "cli.example.show"
	ExampleCompare      Key = "cli.example.compare"
	ExampleDelete       Key = "cli.example.delete"
	ExampleExport       Key = "cli.example.export"
	ExampleBank         Key = "cli.example.bank"
	ExampleBankDump     Key = "cli.example.bank.dump"
	ExampleBankValidate Key = "cli.example.bank.validate"
	ExampleDB           Key = "cli.example.db"
	ExampleDBCheck      Key = "cli.example.db.check"
	ExampleDBBackup     Key = "cli.example.db.backup"

	CmdBrand              Key = "cli.brand"
	CmdBrandLong          Key = "cli.brand.long"
	CmdBrandSet           Key = "cli.brand.set"
	CmdBrandShow          Key = "cli.brand.show"
	CmdBrandClear         Key = "cli.brand.clear"
	FlagLogo              Key = "cli.flag.logo"
	FlagAccent            Key = "cli.flag.accent"
	FlagPreparedBy        Key = "cli.flag.preparedby"
	FlagExcel             Key = "cli.flag.excel"
	ErrBrandNothing       Key = "cli.err.brand.nothing"
	ErrExcelNotCSV        Key = "cli.err.excel"
	ErrNoBrowser          Key = "cli.err.nobrowser"
	BrandSaved            Key = "cli.brand.saved"
	BrandCleared          Key = "cli.brand.cleared"
	BrandNone             Key = "cli.brand.none"
	BrandLogo             Key = "cli.brand.logo"
	BrandLogoFile         Key = "cli.brand.logo.file"
	BrandAccent           Key = "cli.brand.accent"
	BrandPreparedBy       Key = "cli.brand.preparedby"
	BrandUnset            Key = "cli.brand.unset"
	ExampleBrand          Key = "cli.example.brand"
	ExampleBrandSet       Key = "cli.example.brand.set"
	ExampleBrandShow      Key = "cli.example.brand.show"
	ExampleWorkshop       Key = "cli.example.workshop"
	FlagAssessWorkshop    Key = "cli.flag.assess.workshop"
	ErrWorkshopEnded      Key = "cli.err.workshop.ended"
	ExampleWorkshopNew    Key = "cli.example.workshop.new"
	ExampleWorkshopList   Key = "cli.example.workshop.list"
	ExampleWorkshopReport Key = "cli.example.workshop.report"
	ExampleBrandClear     Key = "cli.example.brand.clear"

	// Issue 13: organizations, targets, trends and benchmarks.
	CmdOrg               Key = "cli.org"
	CmdOrgLong           Key = "cli.org.long"
	CmdOrgList           Key = "cli.org.list"
	CmdOrgRename         Key = "cli.org.rename"
	CmdOrgMerge          Key = "cli.org.merge"
	CmdOrgMergeLong      Key = "cli.org.merge.long"
	OrgListEmpty         Key = "cli.org.list.empty"
	OrgColName           Key = "cli.org.col.name"
	OrgColCount          Key = "cli.org.col.count"
	OrgColLatest         Key = "cli.org.col.latest"
	OrgColScore          Key = "cli.org.col.score"
	OrgColAliases        Key = "cli.org.col.aliases"
	OrgRenamed           Key = "cli.org.renamed"
	OrgMergeConfirm      Key = "cli.org.merge.confirm"
	OrgMergeKept         Key = "cli.org.merge.kept"
	OrgMerged            Key = "cli.org.merged"
	ErrNeedsYes          Key = "cli.err.needsyes"
	ErrOrgNotFound       Key = "cli.err.org.notfound"
	ErrOrgExists         Key = "cli.err.org.exists"
	ErrOrgSame           Key = "cli.err.org.same"
	ErrOrgName           Key = "cli.err.org.name"
	FlagOrgName          Key = "cli.flag.org.name"
	FlagYesMerge         Key = "cli.flag.yes.merge"
	CmdTarget            Key = "cli.target"
	CmdTargetLong        Key = "cli.target.long"
	CmdTargetSet         Key = "cli.target.set"
	CmdTargetShow        Key = "cli.target.show"
	CmdTargetClear       Key = "cli.target.clear"
	FlagTargetPillar     Key = "cli.flag.target.pillar"
	FlagTargetKeyAction  Key = "cli.flag.target.keyaction"
	FlagTargetAll        Key = "cli.flag.target.all"
	ErrTargetScore       Key = "cli.err.target.score"
	ErrTargetPillar      Key = "cli.err.target.pillar"
	ErrTargetKeyAction   Key = "cli.err.target.keyaction"
	ErrTargetNotSet      Key = "cli.err.target.notset"
	TargetSaved          Key = "cli.target.saved"
	TargetCleared        Key = "cli.target.cleared"
	TargetClearedAll     Key = "cli.target.cleared.all"
	TargetNone           Key = "cli.target.none"
	TargetColPart        Key = "cli.target.col.part"
	TargetColLatest      Key = "cli.target.col.latest"
	TargetColGap         Key = "cli.target.col.gap"
	TargetOverall        Key = "cli.target.overall"
	TargetNoScore        Key = "cli.target.noscore"
	TargetShowMore       Key = "cli.target.showmore"
	CmdTrend             Key = "cli.trend"
	CmdTrendLong         Key = "cli.trend.long"
	ErrNoHistory         Key = "cli.err.nohistory"
	CmdBenchmark         Key = "cli.benchmark"
	CmdBenchmarkLong     Key = "cli.benchmark.long"
	CmdBenchmarkImport   Key = "cli.benchmark.import"
	CmdBenchmarkImportLg Key = "cli.benchmark.import.long"
	CmdBenchmarkClear    Key = "cli.benchmark.clear"
	BenchmarkImported    Key = "cli.benchmark.imported"
	BenchmarkClearAsk    Key = "cli.benchmark.clear.ask"
	BenchmarkClearKept   Key = "cli.benchmark.clear.kept"
	BenchmarkCleared     Key = "cli.benchmark.cleared"
	ExampleOrg           Key = "cli.example.org"
	ExampleOrgList       Key = "cli.example.org.list"
	ExampleOrgRename     Key = "cli.example.org.rename"
	ExampleOrgMerge      Key = "cli.example.org.merge"
	ExampleTarget        Key = "cli.example.target"
	ExampleTargetSet     Key = "cli.example.target.set"
	ExampleTargetShow    Key = "cli.example.target.show"
	ExampleTargetClear   Key = "cli.example.target.clear"
	ExampleTrend         Key = "cli.example.trend"
	ExampleBenchmark     Key = "cli.example.benchmark"
	ExampleBenchImport   Key = "cli.example.benchmark.import"
	ExampleBenchClear    Key = "cli.example.benchmark.clear"
)

var englishCLI = map[Key]string{
	ErrArgMissing:      "%s needs %s (usage: %s)",
	ErrArgExtra:        "%s got an unexpected argument %q (usage: %s)",
	ErrFlagValue:       "%q is not a valid value for %s: give %s",
	KindWholeNumber:    "a whole number",
	KindNumber:         "a number",
	KindBool:           "true or false",
	ErrDBDamaged:       "database %s is damaged or not a socialmaturity database (%s); it was left untouched: move it aside, or pass --db to use another file",
	ErrDBNewer:         "database %s has schema version %d, newer than this socialmaturity understands (%d): upgrade socialmaturity",
	ErrDBInUse:         "database %s is in use by another socialmaturity process: close it and try again, or pass --db to use another file",
	ErrDBRecord:        "assessment %s in database %s is damaged and cannot be read: socialmaturity db check lists every such record, and socialmaturity delete %s removes it",
	ErrAmbiguous:       "id %q matches several assessments (%s): give more characters",
	ErrNotFoundID:      "no assessment or draft has id %s (socialmaturity list shows the ids, and list --drafts those of drafts)",
	DeleteConfirmRef:   "Delete %s? [y/N] ",
	ErrInternal:        "socialmaturity: internal error: %v (please report it)",
	ErrCompleted:       "assessment %s is already completed and is never overwritten",
	ErrImportDuplicate: "%s: already stored as %s; pass --allow-duplicates to store it again",
	ImportSourceNth:    "%s (assessment %d)",
	ErrNothingAnswered: "nothing is answered: an assessment needs at least one answer",
	ErrImportNothing:   "%s: nothing is answered: an assessment needs at least one answer",
	ErrIsDraft:         "%s is a draft in progress for %s (%s of %s questions answered so far), not a completed assessment: run %s and choose Resume to go on answering it",
	HintOtherBank:      "pass the bank those answers were given with: --bank FILE",
	ErrCompareSame:     "compare needs two different assessments; both ids name %s",
	ListEmptyOrg:       "No assessments for %s.",
	ListNoMore:         "No more assessments.",
	FlagAllowDups:      "store answers even when an identical assessment is already stored",
	FlagBankVersion:    "version of the built-in bank to print (default: the newest)",
	ErrBankVersion:     "no built-in question bank has version %d (built in: %s)",
	ErrBankAndVersion:  "--bank and --version cannot be used together: --version picks a built-in bank",

	CmdImportDraftLong:  "With --draft the files are stored as drafts to resume instead: a file the app wrote when it could not save your answers goes back into the draft it came from, and running socialmaturity offers Resume.",
	FlagImportDraft:     "store the answers as drafts to resume (such as a file the app rescued), not as completed assessments",
	ImportDraftsResume:  "%d draft(s) stored: run socialmaturity and choose Resume to go on answering.",
	HelpShortIDs:        "An ID may be shortened to its first characters (list shows at least 10 of them), as long as no other assessment starts the same way.",
	FlagExportDir:       "folder for reports exported from the app (default: $%s, or socialmaturity in your Documents folder)",
	ErrExportDir:        "cannot use %s as the folder for reports: %v",
	CmdCompareLong:      "Compare two stored assessments: overall, pillar and key-action changes. Two assessments of one organization read as earlier and later; two organizations as A and B. --format md or html writes a comparison to hand to a client.",
	ExampleRoot:         "# open the app\nsocialmaturity\n# plain prompts, for a screen reader\nsocialmaturity --accessible",
	ExampleAssess:       "socialmaturity assess --org \"Acme Corp\" --respondent Dana --role CMO",
	ExampleScore:        "socialmaturity score answers.json\nsocialmaturity score answers.yaml --format json --target overall=70",
	ExampleImport:       "socialmaturity import answers.json team.yaml\n# resume answers the app rescued to a file\nsocialmaturity import --draft socialmaturity-answers-01k2v9x3m4.json",
	ExampleList:         "socialmaturity list --org acme\nsocialmaturity list --drafts\nsocialmaturity list --format csv > history.csv",
	ExampleShow:         "# an id from list, shortened\nsocialmaturity show 01k2v9x3m4\nsocialmaturity show 01k2v9x3m4 --format md",
	ExampleCompare:      "socialmaturity compare 01k2v9x3m4 01k3a7bq2z\nsocialmaturity compare 01k2v9x3m4 01k3a7bq2z --format html > compare.html",
	ExampleDelete:       "socialmaturity delete 01k2v9x3m4\nsocialmaturity delete 01k2v9x3m4 --yes",
	ExampleExport:       "socialmaturity export 01k2v9x3m4\nsocialmaturity export 01k2v9x3m4 --format md -o report.md\nsocialmaturity export 01k2v9x3m4 --format csv -o -",
	ExampleBank:         "socialmaturity bank dump > bank.yaml\nsocialmaturity bank validate bank.yaml",
	ExampleBankDump:     "socialmaturity bank dump\nsocialmaturity bank dump --format json --version 1",
	ExampleBankValidate: "socialmaturity bank validate my-bank.yaml",
	ExampleDB:           "socialmaturity db check\nsocialmaturity db backup socialmaturity-copy.db",
	ExampleDBCheck:      "socialmaturity db check --db /path/to/socialmaturity.db",
	ExampleDBBackup:     "socialmaturity db backup socialmaturity-copy.db\nsocialmaturity db backup - > socialmaturity-copy.db",

	CmdBrand:         "Brand the reports of this database: logo, accent colour, prepared by",
	CmdBrandLong:     "Brand the reports of this database: a logo on the cover, an accent colour and who prepared them. Set them once here; export --logo, --accent and --prepared-by override them for one export.",
	CmdBrandSet:      "Set the logo, accent colour or prepared-by line of reports (the others are kept)",
	CmdBrandShow:     "Show how reports are branded",
	CmdBrandClear:    "Remove the logo, accent colour and prepared-by line",
	FlagLogo:         "logo for the report's cover: a PNG, JPEG or SVG file (\"\" removes it)",
	FlagAccent:       "accent colour of the report, as #rgb or #rrggbb (\"\" for the default)",
	FlagPreparedBy:   "who prepared the report, shown on its cover (\"\" removes it)",
	FlagExcel:        "write CSV for Excel on Windows (a byte-order mark and CRLF line ends)",
	ErrBrandNothing:  "brand set needs at least one of --logo, --accent and --prepared-by",
	ErrExcelNotCSV:   "--excel is for CSV: add --format csv",
	ErrNoBrowser:     "a PDF is printed by Chrome or Chromium, and none was found (looked for %s): install one, or export --format html, open the file in a browser and print it to PDF",
	BrandSaved:       "Reports from %s are branded: socialmaturity brand show lists how.",
	BrandCleared:     "Reports from %s are no longer branded.",
	BrandNone:        "Reports are not branded. Set a logo, an accent colour or a prepared-by line with socialmaturity brand set.",
	BrandLogo:        "Logo:        %s",
	BrandLogoFile:    "%s, %s bytes",
	BrandAccent:      "Accent:      %s",
	BrandPreparedBy:  "Prepared by: %s",
	BrandUnset:       "(not set)",
	ExampleBrand:     "socialmaturity brand set --logo logo.png --accent \"#1f5fa8\" --prepared-by \"Lee & Partners\"\nsocialmaturity brand show",
	ExampleBrandSet:  "socialmaturity brand set --logo logo.svg\nsocialmaturity brand set --accent \"#1f5fa8\" --prepared-by \"Lee & Partners\"",
	ExampleBrandShow: "socialmaturity brand show",
	ExampleWorkshop: `socialmaturity workshop new --org "Acme Corp" --title "Kick-off"
socialmaturity workshop serve 1m8fw --addr 0.0.0.0:2222
socialmaturity workshop report 1m8fw --format html`,
	ExampleWorkshopNew:  `socialmaturity workshop new --org "Acme Corp" --title "Kick-off" --paced`,
	ExampleWorkshopList: "socialmaturity workshop list",
	FlagAssessWorkshop:  "answer as a respondent of this workshop on this computer (id or prefix; the laptop passed round the room)",
	ErrWorkshopEnded:    "the workshop of %s has ended: it takes no more answers",
	ExampleWorkshopReport: `socialmaturity workshop report 1m8fw --format html -o team.html
socialmaturity workshop report 1m8fw --format csv --names`,
	ExampleBrandClear: "socialmaturity brand clear",

	CmdOrg:               "Organizations: list, rename and merge them",
	CmdOrgLong:           "Every assessment belongs to an organization, made the first time its name is used. A name is matched with case and spacing ignored, so \"ACME corp\" is Acme Corp; two spellings that are one organization (Acme and ACME Corp) are joined with org merge.",
	CmdOrgList:           "List every organization with its number of assessments and latest score",
	CmdOrgRename:         "Rename an organization; the old name then names nothing",
	CmdOrgMerge:          "Merge one organization into another: the history of both becomes one",
	CmdOrgMergeLong:      "Merge FROM into INTO: FROM's assessments and drafts join INTO's history, its targets fill those INTO lacks, and its name becomes another name of INTO, so that typing it again means INTO. It asks first; --yes does not ask, and without a terminal to ask on nothing is merged unless --yes is given.",
	OrgListEmpty:         "No organizations yet: one is made with its first assessment.",
	OrgColName:           "Organization",
	OrgColCount:          "Assessments",
	OrgColLatest:         "Latest",
	OrgColScore:          "Score",
	OrgColAliases:        "Also named",
	OrgRenamed:           "%s is now named %s.",
	OrgMergeConfirm:      "Merge %s (%s assessments) into %s (%s assessments)? Its history becomes part of %s. [y/N] ",
	OrgMergeKept:         "nothing merged: %s and %s are as they were",
	OrgMerged:            "%s is merged into %s, which has %s assessments.",
	ErrNeedsYes:          "%s changes the database and there is no terminal to ask on: pass --yes to go ahead",
	ErrOrgNotFound:       "no organization is named %s (socialmaturity org list shows them)",
	ErrOrgExists:         "another organization is already named %s: to join their histories, use socialmaturity org merge",
	ErrOrgSame:           "%s and %s are the same organization",
	ErrOrgName:           "an organization needs a name",
	FlagOrgName:          "the organization (its name, case and spacing ignored)",
	FlagYesMerge:         "merge without asking",
	CmdTarget:            "Targets an organization aims at: overall, per pillar, per key action",
	CmdTargetLong:        "A target is the score (0 to 100) an organization aims at, for its overall score, a pillar or a key action: not every area needs the top level. Targets are kept with the organization; results and reports show each score against its target, the gap, and the progress since the first assessment, and a key action far below its target ranks higher among the next steps.",
	CmdTargetSet:         "Set a target score from 0 to 100: the overall score's, or with --pillar or --key-action that one's",
	CmdTargetShow:        "Show an organization's targets against its latest scores",
	CmdTargetClear:       "Remove the overall target, or with --pillar or --key-action that one's, or with --all every target",
	FlagTargetPillar:     "a pillar id (socialmaturity bank dump lists them)",
	FlagTargetKeyAction:  "a key action id (socialmaturity bank dump lists them)",
	FlagTargetAll:        "remove every target of the organization",
	ErrTargetScore:       "%q is not a target score: give a number from 0 to 100",
	ErrTargetPillar:      "no pillar has id %q (pillars: %s)",
	ErrTargetKeyAction:   "no key action has id %q (socialmaturity bank dump lists them)",
	ErrTargetNotSet:      "%s has no target for %s",
	TargetSaved:          "Target of %s for %s: %s.",
	TargetCleared:        "Removed the target of %s for %s.",
	TargetClearedAll:     "Removed every target of %s.",
	TargetNone:           "%s has no targets: set one with socialmaturity target set.",
	TargetColPart:        "Part",
	TargetColLatest:      "Latest",
	TargetColGap:         "Gap",
	TargetOverall:        "the overall score",
	TargetNoScore:        "–",
	TargetShowMore:       "Progress since the first assessment is in socialmaturity show %s and every export.",
	CmdTrend:             "Show an organization's scores over time and what moved most since last time",
	CmdTrendLong:         "Show the overall, pillar and key-action scores of every completed assessment of an organization, oldest first, and what moved most since the previous one. --format json or csv gives the series to a script or a spreadsheet.",
	ErrNoHistory:         "%s has no completed assessment yet",
	CmdBenchmark:         "Show where an organization stands: against the source's findings and among other organizations",
	CmdBenchmarkLong:     "Show where an organization's latest assessment stands against the source report's own findings, each with its figure and citation, and, when the database holds assessments of at least %d other organizations (imported cohort rows count), its rank and percentile per pillar among their latest assessments. No other organization is ever named.",
	CmdBenchmarkImport:   "Import an anonymized cohort of scores, from a CSV or JSON file, into the portfolio",
	CmdBenchmarkImportLg: "Import scores of organizations assessed elsewhere, without names, to rank against. CSV: a header row naming the columns, overall and pillar ids (socialmaturity bank dump lists them), then one row per organization with scores from 0 to 100; an empty cell is unscored; lines starting with # are comments. JSON: an array of objects such as {\"overall\": 62.5, \"pillars\": {\"relationships\": 55}}; null is unscored. Each row needs at least one score. The rows join the portfolio marked as imported; a file with any problem stores nothing.",
	CmdBenchmarkClear:    "Remove every imported cohort row from the portfolio",
	BenchmarkImported:    "Imported %s cohort rows; benchmark --org now ranks among them.",
	BenchmarkClearAsk:    "Remove all %s imported cohort rows? [y/N] ",
	BenchmarkClearKept:   "nothing removed",
	BenchmarkCleared:     "Removed %s imported cohort rows.",
	ExampleOrg:           "socialmaturity org list\nsocialmaturity org merge \"ACME Corp\" Acme",
	ExampleOrgList:       "socialmaturity org list",
	ExampleOrgRename:     "socialmaturity org rename \"Acme\" \"Acme Industries\"",
	ExampleOrgMerge:      "socialmaturity org merge \"ACME Corp\" Acme\nsocialmaturity org merge \"ACME Corp\" Acme --yes",
	ExampleTarget:        "socialmaturity target set --org Acme 70\nsocialmaturity target show --org Acme",
	ExampleTargetSet:     "socialmaturity target set --org Acme 70\nsocialmaturity target set --org Acme --pillar relationships 60\nsocialmaturity target set --org Acme --key-action listening 50",
	ExampleTargetShow:    "socialmaturity target show --org Acme",
	ExampleTargetClear:   "socialmaturity target clear --org Acme --pillar relationships\nsocialmaturity target clear --org Acme --all",
	ExampleTrend:         "socialmaturity trend --org Acme\nsocialmaturity trend --org Acme --format csv > acme-trend.csv",
	ExampleBenchmark:     "socialmaturity benchmark --org Acme\nsocialmaturity benchmark import cohort.csv",
	ExampleBenchImport:   "socialmaturity benchmark import cohort.csv\nsocialmaturity benchmark import cohort.json",
	ExampleBenchClear:    "socialmaturity benchmark clear --yes",
}
