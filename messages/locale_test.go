package messages

import (
	"math"
	"testing"
	"time"
)

func TestNumbersInEnglish(t *testing.T) {
	c := English()
	for _, tc := range []struct {
		name string
		got  string
		want string
	}{
		{"groups thousands", c.Number(1234567.891, 2), "1,234,567.89"},
		{"no decimals", c.Number(999.4, 0), "999"},
		{"rounds half away from zero", c.Number(2.5, 0), "3"},
		{"rounds a carry into a new group", c.Number(999.95, 1), "1,000.0"},
		{"negative", c.Number(-1234.5, 1), "-1,234.5"},
		{"negative rounding to zero has no sign", c.Number(-0.04, 1), "0.0"},
		{"negative decimals mean none", c.Number(12.6, -2), "13"},
		{"NaN does not panic", c.Number(math.NaN(), 1), "NaN"},
		{"infinity does not panic", c.Number(math.Inf(-1), 1), "-Inf"},
		{"int", c.Int(1234567), "1,234,567"},
		{"negative int", c.Int(-5), "-5"},
		{"smallest int", c.Int(math.MinInt64), "-9,223,372,036,854,775,808"},
		{"score", c.Score(51.85), "51.9"},
		{"score rounds like assess.Round", c.Score(0.25), "0.3"},
		{"whole score keeps its decimal", c.Score(100), "100.0"},
		{"delta up", c.Delta(3.21), "+3.2"},
		{"delta down", c.Delta(-1), "-1.0"},
		{"delta none", c.Delta(0), "+0.0"},
		{"delta rounding to none", c.Delta(-0.04), "+0.0"},
		{"percent", c.Percent(0.7), "70%"},
		{"percent rounds", c.Percent(0.333), "33%"},
	} {
		if tc.got != tc.want {
			t.Errorf("%s: got %q, want %q", tc.name, tc.got, tc.want)
		}
	}
}

func TestDatesInEnglish(t *testing.T) {
	c := English()
	at := time.Date(2026, time.January, 2, 15, 4, 5, 0, time.UTC)
	east := at.In(time.FixedZone("UTC+10", 10*3600)) // 3 January, 01:04
	for _, tc := range []struct {
		name string
		got  string
		want string
	}{
		{"date", c.Date(at), "2 January 2026"},
		{"date in its own zone", c.Date(east), "3 January 2026"},
		{"last month", c.Date(time.Date(2025, time.December, 31, 0, 0, 0, 0, time.UTC)), "31 December 2025"},
		{"date time", c.DateTime(at), "2026-01-02 15:04"},
		{"date time in its own zone", c.DateTime(east), "2026-01-03 01:04"},
		{"day", c.Day(at), "2026-01-02"},
	} {
		if tc.got != tc.want {
			t.Errorf("%s: got %q, want %q", tc.name, tc.got, tc.want)
		}
	}
}

func TestLangAndDir(t *testing.T) {
	for _, tc := range []struct{ tag, lang, dir string }{
		{"en", "en", "ltr"},
		{"EN-gb", "en", "ltr"},
		{"xx", "en", "ltr"}, // unknown languages fall back to English
		{"", "en", "ltr"},
	} {
		c := For(tc.tag)
		if c.Lang() != tc.lang || c.Dir() != tc.dir {
			t.Errorf("For(%q): Lang %q Dir %q, want %q %q", tc.tag, c.Lang(), c.Dir(), tc.lang, tc.dir)
		}
	}
}

// TestOtherDigitsAndSeparators checks that a language's own digits,
// separators, minus sign and month names are used everywhere, with a
// made-up right-to-left locale.
func TestOtherDigitsAndSeparators(t *testing.T) {
	locales["zz"] = locale{
		dir:     "rtl",
		digits:  [10]rune{'۰', '۱', '۲', '۳', '۴', '۵', '۶', '۷', '۸', '۹'},
		decimal: "٫", group: "٬", percent: "٪", minus: "−",
		months:   [12]string{"M1", "M2", "M3", "M4", "M5", "M6", "M7", "M8", "M9", "M10", "M11", "M12"},
		dateLong: "{d} {month} {yyyy}",
	}
	t.Cleanup(func() { delete(locales, "zz") })
	c := &Catalog{lang: "zz", table: english}
	at := time.Date(2026, time.March, 4, 9, 5, 0, 0, time.UTC)
	for _, tc := range []struct {
		name string
		got  string
		want string
	}{
		{"dir", c.Dir(), "rtl"},
		{"number", c.Number(-1234.56, 1), "−۱٬۲۳۴٫۶"},
		{"int", c.Int(1200), "۱٬۲۰۰"},
		{"delta down", c.Delta(-2), "−۲٫۰"},
		{"delta up", c.Delta(2), "+۲٫۰"},
		{"percent", c.Percent(0.5), "۵۰٪"},
		{"date", c.Date(at), "۴ M3 ۲۰۲۶"},
		{"date time", c.DateTime(at), "۲۰۲۶-۰۳-۰۴ ۰۹:۰۵"},
		{"day", c.Day(at), "۲۰۲۶-۰۳-۰۴"},
	} {
		if tc.got != tc.want {
			t.Errorf("%s: got %q, want %q", tc.name, tc.got, tc.want)
		}
	}
}
