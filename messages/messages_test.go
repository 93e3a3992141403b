package messages

import (
	"strings"
	"testing"
)

func TestEveryKeyHasEnglishText(t *testing.T) {
	for k, text := range english {
		if strings.TrimSpace(text) == "" {
			t.Errorf("key %s has no English text", k)
		}
	}
}

func TestTFormatsAndFallsBack(t *testing.T) {
	c := For("en-GB")
	if c.Lang() != "en" {
		t.Errorf("en-GB resolved to %q", c.Lang())
	}
	if got := c.T(ResultCoverage, 24, 27, 3); got != "24 of 27 answered, 3 not sure" {
		t.Errorf("T = %q", got)
	}
	if got := For("xx").T(OK); got != "ok" {
		t.Errorf("unknown language: %q", got)
	}
	if got := c.T(Key("no.such.key")); got != "no.such.key" {
		t.Errorf("missing key shows %q, want the key itself", got)
	}
}
