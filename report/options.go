package report

import (
	"bytes"
	"encoding/base64"
	"encoding/hex"
	"fmt"
	"html/template"
	"math"
	"regexp"
	"strings"
)

// Options brand and adapt an export; the zero value is the plain report.
type Options struct {
	// Logo is shown on the cover of HTML and PDF reports.
	Logo *Logo
	// Accent is a CSS colour from ParseAccent for headings, bars and the
	// radar; empty keeps the default.
	Accent string
	// PreparedBy names the consultant or firm on the cover.
	PreparedBy string
	// Excel writes CSV for Excel on Windows: a UTF-8 byte-order mark and
	// CRLF line ends.
	Excel bool
	// Browser is the Chrome or Chromium program that prints PDF; empty
	// looks for one on the PATH.
	Browser string
}

// MaxLogoBytes is the largest logo LoadLogo accepts (512 KiB): it is
// embedded in every report.
const MaxLogoBytes = 512 << 10

// Logo is an image checked by LoadLogo, embedded in reports as a data URI.
type Logo struct {
	// Type is its media type: image/png, image/jpeg or image/svg+xml.
	Type string
	Data []byte
}

// DataURI is the logo as a data: URL, so the report stays one file.
func (l *Logo) DataURI() string {
	return "data:" + l.Type + ";base64," + base64.StdEncoding.EncodeToString(l.Data)
}

// Src is the src attribute of the logo's <img>, written as it is: the type
// is one of three constants and the data base64, nothing to escape.
func (l *Logo) Src() template.HTMLAttr { return template.HTMLAttr(`src="` + l.DataURI() + `"`) }

// svgUnsafe finds what an SVG logo may not hold: scripts, event handlers,
// embedded HTML and links other than to its own fragments.
var svgUnsafe = regexp.MustCompile(`(?i)<\s*script|<\s*foreignobject|\son[a-z]+\s*=|href\s*=\s*["']?\s*[^"'#\s]|url\(\s*["']?\s*[^"'#\s)]|@import`)

// LoadLogo checks a logo read from the file name (named in errors): PNG,
// JPEG or SVG by its content, not its name, of at most MaxLogoBytes; an
// SVG may hold no script, event handler or link outside itself.
func LoadLogo(name string, data []byte) (*Logo, error) {
	if len(data) == 0 {
		return nil, fmt.Errorf("logo %s: the file is empty", name)
	}
	if len(data) > MaxLogoBytes {
		return nil, fmt.Errorf("logo %s: %d KiB, the most is %d KiB", name, (len(data)+1023)>>10, MaxLogoBytes>>10)
	}
	switch {
	case bytes.HasPrefix(data, []byte("\x89PNG\r\n\x1a\n")):
		return &Logo{Type: "image/png", Data: data}, nil
	case bytes.HasPrefix(data, []byte("\xff\xd8\xff")):
		return &Logo{Type: "image/jpeg", Data: data}, nil
	case isSVG(data):
		if m := svgUnsafe.Find(data); m != nil {
			return nil, fmt.Errorf("logo %s: the SVG holds %q; a logo may not run scripts or load anything", name, m)
		}
		return &Logo{Type: "image/svg+xml", Data: data}, nil
	}
	return nil, fmt.Errorf("logo %s: not a PNG, JPEG or SVG image", name)
}

// isSVG reports whether data is text whose first element is <svg>, after
// an optional XML declaration, comments and doctype.
func isSVG(data []byte) bool {
	s := strings.TrimPrefix(string(data), "\ufeff")
	for {
		s = strings.TrimLeft(s, " \t\r\n")
		switch {
		case strings.HasPrefix(s, "<?"):
			_, s, _ = strings.Cut(s, "?>")
		case strings.HasPrefix(s, "<!--"):
			_, s, _ = strings.Cut(s, "-->")
		case strings.HasPrefix(s, "<!"):
			_, s, _ = strings.Cut(s, ">")
		default:
			return strings.HasPrefix(s, "<svg")
		}
	}
}

var accentPattern = regexp.MustCompile(`^#([0-9a-fA-F]{3}|[0-9a-fA-F]{6})$`)

// MinAccentContrast is the least contrast ratio against white an accent
// must have: headings and the score are written in it on white, and WCAG
// asks 3:1 of large text.
const MinAccentContrast = 3.0

// ParseAccent checks an accent colour: #rgb or #rrggbb, returned as
// lower-case #rrggbb. Anything else (names, rgb(), CSS) is refused, and so
// is a colour too light to read on white (see MinAccentContrast).
func ParseAccent(s string) (string, error) {
	t := strings.TrimSpace(s)
	if !accentPattern.MatchString(t) {
		return "", fmt.Errorf("accent %q: give a colour as #rgb or #rrggbb, e.g. #1f5fa8", s)
	}
	t = strings.ToLower(t[1:])
	if len(t) == 3 {
		t = string([]byte{t[0], t[0], t[1], t[1], t[2], t[2]})
	}
	rgb, _ := hex.DecodeString(t) // six hex digits: checked above
	if c := contrastOnWhite(rgb); c < MinAccentContrast {
		return "", fmt.Errorf("accent %q: too light to read on white (contrast %.1f:1, headings need at least %.0f:1); choose a darker colour, e.g. #1f5fa8",
			s, math.Floor(c*10)/10, MinAccentContrast)
	}
	return "#" + t, nil
}

// contrastOnWhite is the WCAG 2 contrast ratio of an sRGB colour against
// white, from 1 (white) to 21 (black).
func contrastOnWhite(rgb []byte) float64 {
	lin := func(c byte) float64 {
		v := float64(c) / 255
		if v <= 0.04045 {
			return v / 12.92
		}
		return math.Pow((v+0.055)/1.055, 2.4)
	}
	l := 0.2126*lin(rgb[0]) + 0.7152*lin(rgb[1]) + 0.0722*lin(rgb[2])
	return 1.05 / (l + 0.05)
}
