// Package messages is the one catalog of user-facing text. Every string the
// CLI, the reports and the TUI show comes from a Catalog, so that a
// translation is a new table, not a code change.
package messages

import (
	"fmt"
	"strings"
)

// Key names one message.
type Key string

// Catalog is the messages of one language.
type Catalog struct {
	lang  string
	table map[Key]string
}

var catalogs = map[string]map[Key]string{"en": english}

// For returns the catalog for a language tag such as "en" or "en-GB",
// falling back to English.
func For(lang string) *Catalog {
	base, _, _ := strings.Cut(strings.ToLower(lang), "-")
	if t, ok := catalogs[base]; ok {
		return &Catalog{lang: base, table: t}
	}
	return &Catalog{lang: "en", table: english}
}

// English is the English catalog.
func English() *Catalog { return For("en") }

// Language is the catalog's language tag.
func (c *Catalog) Language() string { return c.lang }

// T formats message k with args (fmt verbs). A key missing from this
// language falls back to English, and a key missing from English shows
// itself, so a gap is visible rather than blank.
func (c *Catalog) T(k Key, args ...any) string {
	s, ok := c.table[k]
	if !ok {
		s, ok = english[k]
	}
	if !ok {
		return string(k)
	}
	if len(args) == 0 {
		return s
	}
	return fmt.Sprintf(s, args...)
}

// Keys lists every key of the English catalog.
func Keys() []Key {
	keys := make([]Key, 0, len(english))
	for k := range english {
		keys = append(keys, k)
	}
	return keys
}
