package tui

import (
	"errors"
	"strings"

	"socialmaturity/assess"
	"socialmaturity/messages"
)

// UnsavedError is what Run and RunAccessible return when answers could not
// be stored in the database. The answers were written to Path as an answers
// file (the format `socialmaturity import` reads), and the error's text says
// where and how to import them; when even that failed, Path is "" and the
// text carries the answers file itself. A caller exits non-zero on it and
// shows its text whole: Err is deliberately not unwrapped, so that wording
// a caller gives the cause cannot replace where the answers are.
type UnsavedError struct {
	Path string // the answers file, or "" when it could not be written
	Err  error  // why the answers could not be stored
	text string
}

func (e *UnsavedError) Error() string { return e.text }

// RescueWriter keeps an answers file that the database refused: it writes
// data to a new file called name in the data folder (name-2… when taken,
// never replacing a file), readable by its owner only, and returns the
// file's path. The caller wires it to the one file writer the app has.
type RescueWriter func(name string, data []byte) (path string, err error)

// rescue writes every answer and note of d, which could not be stored
// because of cause, as an answers file through write. The returned error
// says where the file is and how to import it, or, when it could not be
// written, carries the answers.
func rescue(cat *messages.Catalog, write RescueWriter, d *assess.Assessment, cause error) *UnsavedError {
	org := messages.SafeLine(d.Org)
	data, err := assess.EncodeAnswersFile(d)
	path := ""
	if err == nil && write == nil {
		err = errNoRescueWriter
	}
	if err == nil {
		path, err = write("socialmaturity-answers-"+fileID(d.ID)+".json", data)
	}
	if err != nil {
		return &UnsavedError{Err: cause, text: cat.T(messages.RescueNotWritten, org, cause, err, string(data))}
	}
	return &UnsavedError{Path: path, Err: cause, text: cat.T(messages.RescueWritten, org, cause, path, messages.ShellQuote(path))}
}

// errNoRescueWriter is why nothing was written when the app was given no
// RescueWriter.
var errNoRescueWriter = errors.New("no folder to write it to")

// fileID is a draft id fit for a file name ("unsaved" when it has none).
func fileID(id string) string {
	if id == "" || strings.ContainsAny(id, `/\.`) {
		return "unsaved"
	}
	return id
}
