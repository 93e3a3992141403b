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
	HintOtherBank      Key = "cli.hint.otherbank"
	ErrCompareSame     Key = "cli.err.compare.same"
	ListEmptyOrg       Key = "cli.list.empty.org"
	ListNoMore         Key = "cli.list.nomore"
	FlagAllowDups      Key = "cli.flag.allowdups"
	FlagBankVersion    Key = "cli.flag.bankversion"
	ErrBankVersion     Key = "cli.err.bankversion"
	ErrBankAndVersion  Key = "cli.err.bankandversion"
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
	HintOtherBank:      "pass the bank those answers were given with: --bank FILE",
	ErrCompareSame:     "compare needs two different assessments; both ids name %s",
	ListEmptyOrg:       "No assessments for %s.",
	ListNoMore:         "No more assessments.",
	FlagAllowDups:      "store answers even when an identical assessment is already stored",
	FlagBankVersion:    "version of the built-in bank to print (default: the newest)",
	ErrBankVersion:     "no built-in question bank has version %d (built in: %s)",
	ErrBankAndVersion:  "--bank and --version cannot be used together: --version picks a built-in bank",
}
