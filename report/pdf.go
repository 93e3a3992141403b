package report

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"

	"socialmaturity/assess"
	"socialmaturity/messages"
)

// browsers are the Chrome and Chromium programs PDF looks for, in order.
var browsers = []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "chrome"}

// pdfTimeout bounds one print: a browser that hangs does not hang export.
const pdfTimeout = 90 * time.Second

// NoBrowserError is returned for a PDF when no Chrome or Chromium is found.
type NoBrowserError struct {
	// Looked is what was looked for: a given program or the usual names.
	Looked []string
}

func (e *NoBrowserError) Error() string {
	return fmt.Sprintf("PDF is printed by Chrome or Chromium, and none was found (looked for %s): export as HTML, open it in a browser and print it to PDF",
		strings.Join(e.Looked, ", "))
}

// FindBrowser is the Chrome or Chromium program PDF uses: path when given
// (a name on the PATH or a file), else the first of the usual names on
// the PATH; a *NoBrowserError when there is none.
func FindBrowser(path string) (string, error) {
	names := browsers
	if path != "" {
		names = []string{path}
	}
	for _, n := range names {
		if p, err := exec.LookPath(n); err == nil {
			return p, nil
		}
	}
	return "", &NoBrowserError{Looked: names}
}

// PDF writes the HTML report printed to A4 PDF by a headless Chrome or
// Chromium (opts.Browser, or one found on the PATH). The page loads
// nothing, so the browser needs no network; it runs with a profile of its
// own that is removed afterwards.
func PDF(w io.Writer, cat *messages.Catalog, v *assess.View, opts Options) error {
	browser, err := FindBrowser(opts.Browser)
	if err != nil {
		return err
	}
	var page bytes.Buffer
	if err := HTML(&page, cat, v, opts); err != nil {
		return err
	}
	dir, err := os.MkdirTemp("", "socialmaturity-pdf-")
	if err != nil {
		return fmt.Errorf("print PDF: a temporary folder: %w", err)
	}
	defer os.RemoveAll(dir)
	in, out := filepath.Join(dir, "report.html"), filepath.Join(dir, "report.pdf")
	if err := os.WriteFile(in, page.Bytes(), 0o600); err != nil {
		return fmt.Errorf("print PDF: %w", err)
	}
	args := []string{"--headless", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
		"--user-data-dir=" + filepath.Join(dir, "profile"), "--no-pdf-header-footer", "--print-to-pdf=" + out}
	if os.Geteuid() == 0 {
		// Chromium refuses to run as root inside its sandbox.
		args = append(args, "--no-sandbox")
	}
	ctx, cancel := context.WithTimeout(context.Background(), pdfTimeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, browser, append(args, "file://"+in)...)
	cmd.Dir = dir
	log, runErr := cmd.CombinedOutput()
	data, err := os.ReadFile(out)
	if runErr != nil || err != nil || len(data) == 0 {
		return fmt.Errorf("print PDF with %s: %v: %s", browser, firstErr(runErr, err), lastLine(log))
	}
	_, err = w.Write(data)
	return err
}

func firstErr(errs ...error) error {
	for _, e := range errs {
		if e != nil {
			return e
		}
	}
	return fmt.Errorf("it wrote nothing")
}

// lastLine is the last non-empty line of a program's output.
func lastLine(b []byte) string {
	lines := strings.Split(strings.TrimSpace(string(b)), "\n")
	return messages.SafeLine(lines[len(lines)-1])
}
