package messages

import (
	"math"
	"strconv"
	"strings"
	"time"
)

// locale is how one language writes numbers, dates and text direction.
type locale struct {
	dir      string     // "ltr" or "rtl"
	digits   [10]rune   // the digits 0–9
	decimal  string     // the decimal separator
	group    string     // the thousands separator
	percent  string     // the percent sign, written after the number
	minus    string     // the sign of a negative number
	months   [12]string // month names, January first
	dateLong string     // a day in prose: {d} {month} {yyyy}
}

var locales = map[string]locale{
	"en": {
		dir:     "ltr",
		digits:  [10]rune{'0', '1', '2', '3', '4', '5', '6', '7', '8', '9'},
		decimal: ".", group: ",", percent: "%", minus: "-",
		months: [12]string{"January", "February", "March", "April", "May", "June",
			"July", "August", "September", "October", "November", "December"},
		dateLong: "{d} {month} {yyyy}",
	},
}

func (c *Catalog) locale() locale {
	if l, ok := locales[c.lang]; ok {
		return l
	}
	return locales["en"]
}

// Lang is the catalog's language tag, for example "en" (also the value of
// an HTML lang attribute).
func (c *Catalog) Lang() string { return c.lang }

// Dir is the language's text direction: "ltr" or "rtl".
func (c *Catalog) Dir() string { return c.locale().dir }

// Number writes v with the given number of decimals (none when negative),
// in the language's digits and separators (grouping thousands). Negative
// numbers carry the language's minus sign; a number that rounds to zero
// has none. Infinities and NaN are written as Go writes them.
func (c *Catalog) Number(v float64, decimals int) string {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return strconv.FormatFloat(v, 'f', -1, 64)
	}
	decimals = max(decimals, 0)
	if p := math.Pow(10, float64(decimals)); math.Abs(v*p) < 1<<53 {
		v = math.Round(v*p) / p // halves away from zero, as assess.Round
	}
	raw := strconv.FormatFloat(math.Abs(v), 'f', decimals, 64)
	intPart, frac, _ := strings.Cut(raw, ".")
	neg := v < 0 && strings.Trim(intPart+frac, "0") != ""
	return c.localDigits(neg, intPart, frac)
}

// Int writes a whole number in the language's digits.
func (c *Catalog) Int(n int) string {
	raw := strconv.FormatUint(uint64(n), 10)
	if n < 0 {
		raw = strconv.FormatUint(-uint64(n), 10)
	}
	return c.localDigits(n < 0, raw, "")
}

// localDigits writes a number given as ASCII digits before and after the
// decimal point in the language's digits, separators and minus sign.
func (c *Catalog) localDigits(neg bool, intPart, frac string) string {
	l := c.locale()
	var b strings.Builder
	if neg {
		b.WriteString(l.minus)
	}
	for i, r := range intPart {
		if i > 0 && (len(intPart)-i)%3 == 0 {
			b.WriteString(l.group)
		}
		b.WriteRune(l.digits[r-'0'])
	}
	if frac != "" {
		b.WriteString(l.decimal)
		for _, r := range frac {
			b.WriteRune(l.digits[r-'0'])
		}
	}
	return b.String()
}

// Score writes a score of 0..100 with one decimal, as every output shows
// scores.
func (c *Catalog) Score(v float64) string { return c.Number(v, 1) }

// Delta writes a change in points with one decimal and always a sign
// ("+3.2", "-1.0", "+0.0").
func (c *Catalog) Delta(v float64) string {
	s := c.Number(v, 1)
	if strings.HasPrefix(s, c.locale().minus) {
		return s
	}
	return "+" + s
}

// Percent writes a fraction (0.7) as a whole percentage ("70%").
func (c *Catalog) Percent(frac float64) string {
	return c.Number(frac*100, 0) + c.locale().percent
}

// Date writes a day in prose ("2 January 2026") in t's own time zone.
func (c *Catalog) Date(t time.Time) string {
	l := c.locale()
	return strings.NewReplacer(
		"{d}", c.Int(t.Day()),
		"{month}", l.months[t.Month()-1],
		"{yyyy}", c.digitsOf(t.Format("2006")),
	).Replace(l.dateLong)
}

// DateTime writes a compact date and time ("2026-01-02 15:04") in t's own
// time zone, for tables and listings.
func (c *Catalog) DateTime(t time.Time) string { return c.digitsOf(t.Format("2006-01-02 15:04")) }

// Day writes a compact date ("2026-01-02") in t's own time zone.
func (c *Catalog) Day(t time.Time) string { return c.digitsOf(t.Format("2006-01-02")) }

// digitsOf replaces ASCII digits in s with the language's digits.
func (c *Catalog) digitsOf(s string) string {
	l := c.locale()
	if l.digits[0] == '0' {
		return s
	}
	return strings.Map(func(r rune) rune {
		if r >= '0' && r <= '9' {
			return l.digits[r-'0']
		}
		return r
	}, s)
}
