package messages

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

func TestSafe(t *testing.T) {
	for _, tc := range []struct{ name, in, want string }{
		{"plain text passes", "Acme Corp — café 🚀", "Acme Corp — café 🚀"},
		{"keeps line breaks and tabs", "a\n\tb", "a\n\tb"},
		{"colour sequence", "Evil\x1b[31mRED\x1b[0m", "Evil[31mRED[0m"},
		{"CRLF becomes a line break", "a\r\nb", "a\nb"},
		{"lone CR dropped", "a\rb", "ab"},
		{"OSC 52 clipboard", "x\x1b]52;c;aGk=\x07y", "x]52;c;aGk=y"},
		{"NUL and DEL", "a\x00b\x7fc", "abc"},
		{"C1 CSI", "a\u009b31mb", "a31mb"},
		{"bidi override", "abc\u202eevil\u202c", "abcevil"},
		{"bidi isolate", "\u2066x\u2069", "x"},
		{"keeps Persian with its joiners and marks", "سلام\u200cها\u200f", "سلام\u200cها\u200f"},
		{"invalid UTF-8", "a\xffb\x9b", "a\uFFFDb\uFFFD"},
	} {
		if got := Safe(tc.in); got != tc.want {
			t.Errorf("%s: Safe(%q) = %q, want %q", tc.name, tc.in, got, tc.want)
		}
	}
}

func TestSafeLine(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"Evil\r\nInjected", "Evil Injected"},
		{"  a \t b\n\nc  ", "a b c"},
		{"x\u2028y", "x y"},
		{"one\x1b[2Ktwo", "one[2Ktwo"},
	} {
		if got := SafeLine(tc.in); got != tc.want {
			t.Errorf("SafeLine(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestTruncateAndWidth(t *testing.T) {
	for _, tc := range []struct {
		in    string
		width int
		want  string
	}{
		{"Acme", 10, "Acme"},
		{"Acme", 4, "Acme"},
		{"Acme Corp", 5, "Acme…"},
		{"Acme", 0, ""},
		{"Acme", -3, ""},
		{"日本語の会社", 5, "日本…"},                     // wide characters take two cells
		{"日本語", 1, "…"},                          // never half a character
		{"e\u0301e\u0301e\u0301", 2, "e\u0301…"}, // combining marks take none
		{"سلام\u200cها", 6, "سلام\u200cها"},
	} {
		got := Truncate(tc.in, tc.width)
		if got != tc.want {
			t.Errorf("Truncate(%q, %d) = %q, want %q", tc.in, tc.width, got, tc.want)
		}
		if tc.width > 0 && Width(got) > tc.width {
			t.Errorf("Truncate(%q, %d) is %d cells wide", tc.in, tc.width, Width(got))
		}
	}
	for _, tc := range []struct {
		in   string
		want int
	}{
		{"", 0}, {"Acme", 4}, {"日本", 4}, {"e\u0301", 1}, {"🚀", 2}, {"سلام\u200cها", 6},
	} {
		if got := Width(tc.in); got != tc.want {
			t.Errorf("Width(%q) = %d, want %d", tc.in, got, tc.want)
		}
	}
}

func FuzzSafe(f *testing.F) {
	for _, s := range []string{"", "Acme", "Evil\x1b[31mRED\x1b[0m\r\nInjected", "a\u202eb", "\xff\x9b", "x\u0085y", "سلام"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, out := range []string{Safe(s), SafeLine(s)} {
			if !utf8.ValidString(out) {
				t.Fatalf("Safe(%q) = %q is not UTF-8", s, out)
			}
			for _, r := range out {
				if r != '\n' && r != '\t' && (unicode.IsControl(r) || r >= 0x202A && r <= 0x202E || r >= 0x2066 && r <= 0x2069) {
					t.Fatalf("Safe(%q) = %q keeps %U", s, out, r)
				}
			}
		}
		if strings.ContainsAny(SafeLine(s), "\n\t") {
			t.Fatalf("SafeLine(%q) = %q is not one line", s, SafeLine(s))
		}
		if plain := strings.Map(func(r rune) rune {
			if unicode.IsPrint(r) || r == ' ' {
				return r
			}
			return -1
		}, strings.ToValidUTF8(s, "")); Safe(plain) != plain {
			t.Fatalf("plain text %q changed to %q", plain, Safe(plain))
		}
	})
}

func TestSentenceStart(t *testing.T) {
	for in, want := range map[string]string{"about 70%": "About 70%", "75%": "75%", "": "", "حدود ۷۰٪": "حدود ۷۰٪", "élan": "Élan"} {
		if got := SentenceStart(in); got != want {
			t.Errorf("SentenceStart(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestShellQuote(t *testing.T) {
	for in, want := range map[string]string{
		"/home/sara/answers.json":   "/home/sara/answers.json",
		"/home/sara/my data/a.json": "'/home/sara/my data/a.json'",
		"it's.json":                 `'it'\''s.json'`,
		"":                          "''",
		"$(rm -rf ~)":               "'$(rm -rf ~)'",
	} {
		if got := ShellQuote(in); got != want {
			t.Errorf("ShellQuote(%q) = %s, want %s", in, got, want)
		}
	}
}
