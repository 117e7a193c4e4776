//go:build !windows

package app_test

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"clockwork/app"
	"clockwork/app/apptest"
)

// cupsPDFQueue adds a CUPS queue that prints into PDF files (cups-pdf, in ~/PDF of the
// user printing) and removes it when the test ends; it skips where CUPS is not running.
func cupsPDFQueue(t *testing.T) (queue, outDir string) {
	t.Helper()
	for _, tool := range []string{"lp", "lpstat", "lpadmin"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Skipf("%s is not installed (.ci/deps installs CUPS and cups-pdf)", tool)
		}
	}
	if out, _ := exec.Command("lpstat", "-r").Output(); !strings.Contains(string(out), "is running") {
		t.Skip("the CUPS scheduler is not running (.ci/deps starts it)")
	}
	ppd := "/usr/share/ppd/cups-pdf/CUPS-PDF_opt.ppd"
	if _, err := os.Stat(ppd); err != nil {
		t.Skip("cups-pdf is not installed (.ci/deps installs printer-driver-cups-pdf)")
	}
	queue = "ClockworkTest"
	if out, err := exec.Command("lpadmin", "-p", queue, "-E", "-v", "cups-pdf:/", "-P", ppd).CombinedOutput(); err != nil {
		t.Skipf("cannot add a CUPS queue here (%v: %s)", err, out)
	}
	t.Cleanup(func() { _ = exec.Command("lpadmin", "-x", queue).Run() })
	home, err := os.UserHomeDir()
	if err != nil {
		t.Fatal(err)
	}
	return queue, filepath.Join(home, "PDF")
}

func TestPrintSlipsOnARealCUPSQueue(t *testing.T) {
	queue, outDir := cupsPDFQueue(t)
	a, _ := apptest.NewApp(t)
	po := apptest.MakeSentPO(t, a, "Acme", apptest.POLineSpec{Order: "#4711", SKU: "BET-100", Qty: 2})
	if _, err := a.ReceiveAll(po.ID, apptest.Now); err != nil {
		t.Fatal(err)
	}
	o, _ := a.OrderByNumber("#4711")
	var slip bytes.Buffer
	if err := a.WritePackingSlips(&slip, []uint{o.ID}, app.SlipOptions{}); err != nil {
		t.Fatal(err)
	}
	name := "clockwork-print-test-" + time.Now().Format("150405.000000")
	path := filepath.Join(t.TempDir(), name+".pdf")
	if err := os.WriteFile(path, slip.Bytes(), 0o600); err != nil {
		t.Fatal(err)
	}
	job, err := app.Print(app.PrintJob{Path: path, Printer: queue, Copies: 1})
	if err != nil || !strings.Contains(job, queue) {
		t.Fatalf("print: %q, %v", job, err)
	}
	// cups-pdf names its file after the job's title, the file printed.
	var printed string
	for deadline := time.Now().Add(60 * time.Second); printed == "" && time.Now().Before(deadline); time.Sleep(200 * time.Millisecond) {
		files, _ := filepath.Glob(filepath.Join(outDir, name+"*.pdf"))
		if len(files) > 0 {
			printed = files[0]
		}
	}
	if printed == "" {
		t.Fatalf("nothing came out of %s into %s within a minute (job %s)", queue, outDir, job)
	}
	t.Cleanup(func() { os.Remove(printed) })
	time.Sleep(500 * time.Millisecond) // cups-pdf may still be writing
	// cups-pdf redraws the page through Ghostscript, which loses the text layer; the page's
	// barcode still reads back as the order number.
	if got := scanBarcode(t, printed); got != "#4711" {
		t.Errorf("the printed page's barcode reads %q, want #4711", got)
	}
}

// scanBarcode decodes the barcode on page 1 of a PDF with zbarimg.
func scanBarcode(t *testing.T, pdf string) string {
	t.Helper()
	for _, tool := range []string{"pdftoppm", "zbarimg"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Skipf("%s is not installed (.ci/deps installs it)", tool)
		}
	}
	img := filepath.Join(t.TempDir(), "page")
	if out, err := exec.Command("pdftoppm", "-r", "150", "-f", "1", "-l", "1", "-png", "-singlefile", pdf, img).CombinedOutput(); err != nil {
		t.Fatalf("pdftoppm: %v %s", err, out)
	}
	out, err := exec.Command("zbarimg", "--quiet", "--raw", img+".png").Output()
	if err != nil {
		t.Fatalf("zbarimg found no barcode: %v", err)
	}
	return strings.TrimSpace(string(out))
}
