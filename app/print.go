package app

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
)

// Printing hands a finished PDF to the operating system: CUPS's lp on Linux and macOS, the
// PDF viewer's PrintTo verb on Windows. The document stays on disk; "Open" still shows it.

// Printer is a print queue the system knows.
type Printer struct {
	Name    string
	Default bool
}

// MaxCopies bounds the copies of one print (a typo of 100 would waste a box of labels).
const MaxCopies = 50

// ErrNoPrinting is returned where the system offers no way to print from Clockwork.
var ErrNoPrinting = errors.New("this computer has no print system Clockwork can use (CUPS's lp on Linux and macOS): open the PDF and print it from your PDF viewer")

// PrintJob is a print request: the file, the queue ("" for the system's default) and the
// number of copies.
type PrintJob struct {
	Path    string
	Printer string
	Copies  int
}

// check says what is wrong with a print request, if anything.
func (j PrintJob) check() error {
	if j.Copies < 1 || j.Copies > MaxCopies {
		return invalid("copies", "print 1 to %d copies, not %d", MaxCopies, j.Copies)
	}
	if strings.HasPrefix(j.Printer, "-") || strings.ContainsAny(j.Printer, "\x00\n") {
		return invalid("printer", "%q is not a printer name", j.Printer)
	}
	if _, err := os.Stat(j.Path); err != nil {
		return fmt.Errorf("print %s: %w", filepath.Base(j.Path), err)
	}
	return nil
}

// Print sends a document to a printer and returns what the print system said (the job).
func Print(j PrintJob) (string, error) {
	if err := j.check(); err != nil {
		return "", err
	}
	return printFile(j)
}

// Printers lists the system's print queues, the default one marked.
func Printers() ([]Printer, error) { return listPrinters() }

// runPrintCommand runs a print command and returns its output, or its error output as the reason.
func runPrintCommand(name string, args ...string) (string, error) {
	path, err := exec.LookPath(name)
	if err != nil {
		return "", ErrNoPrinting
	}
	cmd := exec.Command(path, args...)
	var stderr strings.Builder
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		why := strings.TrimSpace(stderr.String())
		if why == "" {
			why = err.Error()
		}
		return "", fmt.Errorf("%s: %s", name, why)
	}
	return strings.TrimSpace(string(out)), nil
}

// printFailed says a print did not go through, in words that say what to check.
func printFailed(j PrintJob, err error) error {
	where := j.Printer
	if where == "" {
		where = "the default printer"
	}
	if errors.Is(err, ErrNoPrinting) {
		return err
	}
	return fmt.Errorf("%s could not be printed on %s (%v): check the printer is on and chosen, or open the PDF and print from your viewer", filepath.Base(j.Path), where, err)
}
