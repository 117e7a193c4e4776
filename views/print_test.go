//go:build !windows

package views

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"clockwork/app/apptest"
)

// fakeLP puts an lp on PATH that records its arguments and the file, and an lpstat with
// the queues Label (the default) and Office.
func fakeLP(t *testing.T) (record string) {
	t.Helper()
	bin := t.TempDir()
	record = filepath.Join(bin, "lp-record")
	scripts := map[string]string{
		"lp":     "#!/bin/sh\nprintf '%s\\n' \"$@\" > \"" + record + ".args\"\nfor last; do :; done\ncp \"$last\" \"" + record + ".pdf\"\necho 'request id is Office-7 (1 file(s))'\n",
		"lpstat": "#!/bin/sh\ncase \"$1\" in\n-e) printf 'Label\\nOffice\\n' ;;\n-d) echo 'system default destination: Label' ;;\nesac\n",
	}
	for name, body := range scripts {
		if err := os.WriteFile(filepath.Join(bin, name), []byte(body), 0o700); err != nil {
			t.Fatal(err)
		}
	}
	t.Setenv("PATH", bin+string(os.PathListSeparator)+os.Getenv("PATH"))
	return record
}

func TestPrintSlipsFromPackAndShip(t *testing.T) {
	record := fakeLP(t)
	s, a, _ := newTestShell(t)
	po := apptest.MakeSentPO(t, a, "Acme", spec("#1001", "BET-100", 1))
	if _, err := a.ReceiveAll(po.ID, apptest.Now); err != nil {
		t.Fatal(err)
	}
	p := viewOf[*pack](s, screenPack)
	p.onSelectAll()
	p.onPrint("packing-slips", false)
	if p.printed == "" {
		t.Fatal("no slips written")
	}
	pd := showPrint(p.win, p.bg, p.printed) // what the Print… button of the dialog does
	if pd.printers.Selected != "Label" || len(pd.printers.Options) != 2 {
		t.Fatalf("printers %v, chosen %q; want Label (the default) of two", pd.printers.Options, pd.printers.Selected)
	}
	pd.printers.SetSelected("Office")
	pd.copies.SetText("two")
	pd.onPrint()
	if !strings.Contains(pd.status.Text, "Copies is a number") {
		t.Errorf("copies 'two': %q", pd.status.Text)
	}
	pd.copies.SetText("2")
	pd.onPrint()
	args, _ := os.ReadFile(record + ".args")
	if got := strings.Join(strings.Fields(string(args)), " "); got != "-d Office -n 2 -- "+p.printed {
		t.Errorf("lp ran with %q", got)
	}
	want, _ := os.ReadFile(p.printed)
	if got, _ := os.ReadFile(record + ".pdf"); len(got) < 1000 || string(got) != string(want) {
		t.Errorf("lp got %d bytes, the slips are %d", len(got), len(want))
	}
	if !strings.Contains(pd.status.Text, "Sent to the printer. request id is Office-7") {
		t.Errorf("after printing: %q", pd.status.Text)
	}
}

func TestPrintAPurchaseOrder(t *testing.T) {
	record := fakeLP(t)
	s, a, clock := newTestShell(t)
	stockShop(t, a, clock.T.Add(-time.Hour))
	if _, err := a.Purchase(); err != nil {
		t.Fatal(err)
	}
	p := posOf(t, s)
	drafts, _ := p.drafts()
	p.detail.open(drafts[0])
	p.detail.onPrint()
	pd := p.detail.printing
	if pd == nil {
		t.Fatal("no print dialog")
	}
	pd.onPrint()
	args, _ := os.ReadFile(record + ".args")
	if got := strings.Join(strings.Fields(string(args)), " "); !strings.HasPrefix(got, "-d Label -n 1 -- ") || !strings.HasSuffix(got, ".pdf") {
		t.Errorf("lp ran with %q", got)
	}
}
