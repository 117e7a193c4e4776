//go:build !windows

package app_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"clockwork/app"
)

// fakeCUPS puts lp and lpstat on PATH that answer like CUPS with two queues, Label (the
// default) and Office; lp records its arguments and a copy of the file it was given.
func fakeCUPS(t *testing.T) (record string) {
	t.Helper()
	bin := t.TempDir()
	record = filepath.Join(bin, "lp-record")
	lp := `#!/bin/sh
printf '%s\n' "$@" > "` + record + `.args"
for last; do :; done
cp "$last" "` + record + `.pdf"
echo "request id is Label-42 (1 file(s))"
`
	lpstat := `#!/bin/sh
case "$1" in
-e) printf 'Label\nOffice\n' ;;
-d) echo "system default destination: Label" ;;
esac
`
	for name, body := range map[string]string{"lp": lp, "lpstat": lpstat} {
		if err := os.WriteFile(filepath.Join(bin, name), []byte(body), 0o700); err != nil {
			t.Fatal(err)
		}
	}
	t.Setenv("PATH", bin+string(os.PathListSeparator)+os.Getenv("PATH"))
	return record
}

func TestPrintHandsThePDFToCUPS(t *testing.T) {
	record := fakeCUPS(t)
	ps, err := app.Printers()
	if err != nil || len(ps) != 2 || ps[0] != (app.Printer{Name: "Label", Default: true}) || ps[1].Name != "Office" || ps[1].Default {
		t.Fatalf("printers %+v, %v", ps, err)
	}
	pdf := filepath.Join(t.TempDir(), "packing slips 2026.pdf")
	if err := os.WriteFile(pdf, []byte("%PDF-1.4 slips"), 0o600); err != nil {
		t.Fatal(err)
	}
	job, err := app.Print(app.PrintJob{Path: pdf, Printer: "Office", Copies: 3})
	if err != nil || job != "request id is Label-42 (1 file(s))" {
		t.Fatalf("print: %q, %v", job, err)
	}
	args, _ := os.ReadFile(record + ".args")
	if got := strings.Fields(string(args)); strings.Join(got[:5], " ") != "-d Office -n 3 --" || !strings.HasSuffix(string(args), "packing slips 2026.pdf\n") {
		t.Errorf("lp was run with %q", args)
	}
	if printed, _ := os.ReadFile(record + ".pdf"); string(printed) != "%PDF-1.4 slips" {
		t.Errorf("lp printed %q", printed)
	}
	// The default printer: no -d.
	if _, err := app.Print(app.PrintJob{Path: pdf, Copies: 1}); err != nil {
		t.Fatal(err)
	}
	if args, _ := os.ReadFile(record + ".args"); strings.Contains(string(args), "-d") {
		t.Errorf("printing on the default printer named one: %q", args)
	}
}

func TestPrintRefusals(t *testing.T) {
	fakeCUPS(t)
	pdf := filepath.Join(t.TempDir(), "po.pdf")
	os.WriteFile(pdf, []byte("%PDF"), 0o600)
	for _, j := range []app.PrintJob{{Path: pdf, Copies: 0}, {Path: pdf, Copies: 500}, {Path: pdf, Copies: 1, Printer: "-o evil"}, {Path: pdf + ".gone", Copies: 1}} {
		if _, err := app.Print(j); err == nil {
			t.Errorf("%+v printed", j)
		}
	}
	t.Setenv("PATH", t.TempDir()) // no CUPS at all
	if _, err := app.Print(app.PrintJob{Path: pdf, Copies: 1}); err == nil || !strings.Contains(err.Error(), "print it from your PDF viewer") {
		t.Errorf("without lp: %v", err)
	}
}
