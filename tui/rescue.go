package tui

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
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

// rescue writes every answer and note of d, which could not be stored
// because of cause, as an answers file in dir (created if missing; "" is
// the current folder) under a new name that never replaces a file,
// readable by its owner only. The returned error says where the file is and
// how to import it, or, when it could not be written, carries the answers.
func rescue(cat *messages.Catalog, dir string, d *assess.Assessment, cause error) *UnsavedError {
	org := messages.SafeLine(d.Org)
	data, err := assess.EncodeAnswersFile(d.Submission)
	path := ""
	if err == nil {
		path, err = writeNew(dir, "socialmaturity-answers-"+fileID(d.ID), ".json", data)
	}
	if err != nil {
		return &UnsavedError{Err: cause, text: cat.T(messages.RescueNotWritten, org, cause, err, string(data))}
	}
	return &UnsavedError{Path: path, Err: cause, text: cat.T(messages.RescueWritten, org, cause, path, shellQuote(path))}
}

// fileID is a draft id fit for a file name ("unsaved" when it has none).
func fileID(id string) string {
	if id == "" || strings.ContainsAny(id, `/\.`) {
		return "unsaved"
	}
	return id
}

// writeNew writes data to a new file dir/base+ext, or base-2+ext, base-3+ext…
// when that exists, with mode 0600, and returns its path.
func writeNew(dir, base, ext string, data []byte) (string, error) {
	if dir != "" {
		if err := os.MkdirAll(dir, 0o700); err != nil {
			return "", err
		}
	}
	for n := 1; n <= maxRescueNames; n++ {
		name := base + ext
		if n > 1 {
			name = base + "-" + strconv.Itoa(n) + ext
		}
		path := filepath.Join(dir, name)
		f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
		if errors.Is(err, fs.ErrExist) {
			continue
		}
		if err != nil {
			return "", err
		}
		_, err = f.Write(data)
		if err == nil {
			err = f.Sync()
		}
		if cerr := f.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			_ = os.Remove(path) // a partial file would mislead; the answers go in the message instead
			return "", err
		}
		if abs, err := filepath.Abs(path); err == nil {
			path = abs
		}
		return path, nil
	}
	return "", fmt.Errorf("%s%s and %d numbered names after it are all taken", filepath.Join(dir, base), ext, maxRescueNames-1)
}

// maxRescueNames bounds the search for a free file name.
const maxRescueNames = 1000

// shellQuote quotes a path for a POSIX shell when it needs it.
func shellQuote(s string) string {
	if s != "" && strings.Trim(s, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_./+:@,%") == "" {
		return s
	}
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}
