package store

import (
	"crypto/rand"
	"encoding/binary"
	"strings"
	"sync"
	"time"

	"socialmaturity/assess"
)

// alphabet is Crockford's base32 in lower case: ids sort in time order as
// plain bytes and read without ambiguous letters.
const alphabet = "0123456789abcdefghjkmnpqrstvwxyz"

const (
	timeChars   = 9 // 45 bits of milliseconds since 1970
	randomChars = 7 // 35 random bits
)

const randomBits = 5 * randomChars

// lastID makes the ids one process makes within one millisecond strictly
// increasing.
var lastID struct {
	sync.Mutex
	ms, random uint64
}

// NewID returns a time-sortable id for t: 9 characters of milliseconds and 7
// random ones. Ids made by one process for one millisecond increase
// strictly; an earlier t gives an id that sorts earlier.
func NewID(t time.Time) string {
	ms := uint64(max(t.UnixMilli(), 0))
	var r [8]byte
	_, _ = rand.Read(r[:])
	random := binary.BigEndian.Uint64(r[:]) >> (64 - randomBits)

	lastID.Lock()
	if ms == lastID.ms {
		random = lastID.random + 1
		if random >= 1<<randomBits {
			ms, random = ms+1, 0
		}
	}
	lastID.ms, lastID.random = ms, random
	lastID.Unlock()

	var b [timeChars + randomChars]byte
	for i := timeChars - 1; i >= 0; i-- {
		b[i] = alphabet[ms&31]
		ms >>= 5
	}
	for i := len(b) - 1; i >= timeChars; i-- {
		b[i] = alphabet[random&31]
		random >>= 5
	}
	return string(b[:])
}

// idTime is the time an id made by NewID was made for (to the
// millisecond); the zero time for anything else.
func idTime(id string) time.Time {
	if len(id) < timeChars {
		return time.Time{}
	}
	var ms int64
	for _, c := range []byte(id[:timeChars]) {
		i := strings.IndexByte(alphabet, c)
		if i < 0 {
			return time.Time{}
		}
		ms = ms<<5 | int64(i)
	}
	return time.UnixMilli(ms).UTC()
}

// normalizeRef turns what a person typed into an id prefix.
func normalizeRef(ref string) string { return strings.ToLower(strings.TrimSpace(ref)) }

// shortID is the shortest prefix of id, at least assess.ShortIDLen long, that no
// neighbouring key shares.
func shortID(id string, neighbours ...[]byte) string {
	n := assess.ShortIDLen
	for _, nb := range neighbours {
		common := 0
		for common < len(id) && common < len(nb) && id[common] == nb[common] {
			common++
		}
		n = max(n, common+1)
	}
	return id[:min(n, len(id))]
}
