package messages

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/charmbracelet/x/ansi"
)

// Safe makes user text (an organization, a name, a note) safe to write to
// a terminal: control characters (C0, C1, DEL) and bidirectional overrides
// and isolates are dropped, and bytes that are not UTF-8 become U+FFFD, so
// stored text can never change colours, move the cursor, set a title or the
// clipboard, or reorder a row. Line breaks and tabs are kept; use SafeLine
// for a one-line cell.
func Safe(s string) string {
	if isPlain(s) {
		return s
	}
	return strings.Map(func(r rune) rune {
		if r == '\n' || r == '\t' {
			return r
		}
		if unsafeRune(r) {
			return -1
		}
		return r
	}, strings.ReplaceAll(s, "\r\n", "\n"))
}

// SafeLine is Safe on one line: every run of white space, line breaks
// included, becomes one space.
func SafeLine(s string) string {
	return strings.Join(strings.Fields(Safe(s)), " ")
}

// Truncate cuts s to at most width terminal cells, ending in "…" when cut.
// It counts display width (wide characters take two cells, joiners none)
// and never cuts inside a character.
func Truncate(s string, width int) string {
	if width <= 0 {
		return ""
	}
	if ansi.StringWidth(s) <= width {
		return s
	}
	return ansi.Truncate(s, width, "…")
}

// Width is the number of terminal cells s takes.
func Width(s string) int { return ansi.StringWidth(s) }

// isPlain reports whether s has nothing Safe would change.
func isPlain(s string) bool {
	if !utf8.ValidString(s) {
		return false
	}
	for _, r := range s {
		if r == '\r' || (r != '\n' && r != '\t' && unsafeRune(r)) {
			return false
		}
	}
	return true
}

// unsafeRune is a control character or a bidirectional formatting
// character that could reorder text around it (embeddings, overrides and
// isolates: U+202A–U+202E, U+2066–U+2069).
func unsafeRune(r rune) bool {
	switch {
	case unicode.IsControl(r):
		return true
	case r >= 0x202A && r <= 0x202E, r >= 0x2066 && r <= 0x2069:
		return true
	}
	return false
}

// SentenceStart is s with its first letter in upper case, for a phrase
// that opens a sentence ("about 70%" → "About 70%"); scripts without case
// are unchanged.
func SentenceStart(s string) string {
	r, size := utf8.DecodeRuneInString(s)
	if r == utf8.RuneError || !unicode.IsLower(r) {
		return s
	}
	return string(unicode.ToUpper(r)) + s[size:]
}

// ShellQuote quotes a path for a POSIX shell when it needs it, so a
// command the app prints can be pasted as it is.
func ShellQuote(s string) string {
	if s != "" && strings.Trim(s, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_./+:@,%") == "" {
		return s
	}
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}
