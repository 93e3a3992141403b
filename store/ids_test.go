package store

import (
	"strings"
	"testing"
	"time"

	"socialmaturity/assess"
)

func TestIDsSortInTimeOrderAndIncrease(t *testing.T) {
	t0 := time.Date(2026, 5, 1, 12, 0, 0, 0, time.UTC)
	prev := ""
	for i := range 1000 {
		at := t0.Add(time.Duration(i/10) * time.Millisecond) // ten per millisecond
		id := NewID(at)
		if len(id) != timeChars+randomChars {
			t.Fatalf("id %q has length %d", id, len(id))
		}
		if strings.Trim(id, alphabet) != "" {
			t.Fatalf("id %q uses characters outside the alphabet", id)
		}
		if id <= prev {
			t.Fatalf("id %q does not sort after %q", id, prev)
		}
		prev = id
	}
	if later := NewID(t0.Add(time.Hour)); later[:timeChars] <= prev[:timeChars] {
		t.Errorf("an hour later has time part %q, not after %q", later[:timeChars], prev[:timeChars])
	}
	if back := NewID(t0.Add(-time.Hour)); back >= prev {
		t.Errorf("an hour earlier gave %q, not before %q", back, prev)
	}
}

func TestShortID(t *testing.T) {
	id := "1m8dtnqbve5z3f9n"
	if got := shortID(id); got != id[:assess.ShortIDLen] {
		t.Errorf("alone: %q", got)
	}
	if got := shortID(id, []byte("1m8dtnqbve5zaaaa")); got != "1m8dtnqbve5z3" {
		t.Errorf("with a close neighbour: %q", got)
	}
}
