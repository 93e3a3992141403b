package store

import (
	"crypto/rand"
	"strings"
	"time"
)

// alphabet is Crockford's base32 in lower case: ids sort in time order as
// plain bytes and read without ambiguous letters.
const alphabet = "0123456789abcdefghjkmnpqrstvwxyz"

const (
	timeChars   = 9 // 45 bits of milliseconds since 1970
	randomChars = 7 // 35 random bits
	// ShortIDLen is how many characters of an id are shown by default.
	ShortIDLen = 10
)

// NewID returns a time-sortable id for t: 9 characters of milliseconds and 7
// random ones.
func NewID(t time.Time) string {
	var b [timeChars + randomChars]byte
	ms := uint64(t.UnixMilli())
	for i := timeChars - 1; i >= 0; i-- {
		b[i] = alphabet[ms&31]
		ms >>= 5
	}
	var r [randomChars]byte
	_, _ = rand.Read(r[:])
	for i := range randomChars {
		b[timeChars+i] = alphabet[r[i]&31]
	}
	return string(b[:])
}

// normalizeRef turns what a person typed into an id prefix.
func normalizeRef(ref string) string { return strings.ToLower(strings.TrimSpace(ref)) }

// shortID is the shortest prefix of id, at least ShortIDLen long, that no
// neighbouring key shares.
func shortID(id string, neighbours ...[]byte) string {
	n := ShortIDLen
	for _, nb := range neighbours {
		common := 0
		for common < len(id) && common < len(nb) && id[common] == nb[common] {
			common++
		}
		n = max(n, common+1)
	}
	return id[:min(n, len(id))]
}
