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

// joinTables merges message tables; a key in two tables is a programming
// error.
func joinTables(tables ...map[Key]string) map[Key]string {
	n := 0
	for _, t := range tables {
		n += len(t)
	}
	all := make(map[Key]string, n)
	for _, t := range tables {
		for k, v := range t {
			if _, dup := all[k]; dup {
				panic("messages: key " + string(k) + " defined twice")
			}
			all[k] = v
		}
	}
	return all
}
