package views

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"clockwork/app/apptest"
	"clockwork/data"

	"fyne.io/fyne/v2/test"
)

func TestPackPrintsSlipsAndShipsAStack(t *testing.T) {
	s, a, _ := newTestShell(t)
	po := apptest.MakeSentPO(t, a, "Acme", spec("#1001", "BET-100", 1), spec("#1002", "CUP-7", 1), spec("#1003", "MUG-2", 1))
	if _, err := a.ReceiveAll(po.ID, apptest.Now); err != nil {
		t.Fatal(err)
	}
	apptest.MakeSentPO(t, a, "Bolt", spec("#1004", "BET-100", 2))
	p := viewOf[*pack](s, screenPack)
	if p.list.count != 3 || !strings.Contains(p.count.Text, "3 orders ready to pack") {
		t.Fatalf("%d listed, %q", p.list.count, p.count.Text)
	}
	test.Tap(p.ship)
	if !strings.Contains(p.count.Text, "Pick the orders to ship first") {
		t.Errorf("shipping nothing: %q", p.count.Text)
	}
	first, _ := p.list.row(0)
	p.list.onSelect(first)
	p.onPrint("packing-slips", false)
	slips, _ := filepath.Glob(filepath.Join(a.Folder(), "documents", "packing-slips-*.pdf"))
	if len(slips) != 1 {
		t.Fatalf("slips written: %v", slips)
	}
	if info, err := os.Stat(slips[0]); err != nil || info.Size() < 5000 {
		t.Errorf("slip PDF %v, %v", info, err)
	}
	test.Tap(p.ship) // one picked: the dialog asks for carrier and tracking
	p.onSelectAll()
	if len(p.picked) != 3 {
		t.Fatalf("%d picked after Select all", len(p.picked))
	}
	p.onShip()
	d := lastShipDialog(t, p)
	d.carrier.SetText("DHL")
	d.tracking[0].SetText("JJD1")
	d.onConfirm()
	if !strings.Contains(d.problem.Text, "enter the tracking number") {
		t.Errorf("missing tracking numbers: %q", d.problem.Text)
	}
	d.tracking[1].SetText("JJD2")
	d.tracking[2].SetText("JJD3")
	d.onConfirm()
	if d.problem.Text != "" || p.list.count != 0 || !strings.Contains(p.count.Text, "3 parcels marked shipped with DHL") {
		t.Errorf("after shipping: problem %q, %d listed, %q", d.problem.Text, p.list.count, p.count.Text)
	}
	o, _ := a.OrderByNumber("#1002")
	if o.Status != data.OrderShipped {
		t.Errorf("#1002 is %s", o.Status)
	}
	test.Type(p.search, "#1004")
	if !strings.Contains(p.count.Text, "order #1004 can't ship yet: 2 × BET-100 still owed by Bolt on PO-000002") {
		t.Errorf("searching an order still owed: %q", p.count.Text)
	}
}

// lastShipDialog is the ship dialog the pack screen opened last.
func lastShipDialog(t *testing.T, p *pack) *shipDialog {
	t.Helper()
	if p.shipping == nil {
		t.Fatal("no ship dialog open")
	}
	return p.shipping
}

func TestSettingsPreviewSlipOpensTheFormsBranding(t *testing.T) {
	s, _, _ := newTestShell(t)
	v := settingsOf(s)
	var opened string
	v.openDoc = func(path string) error { opened = path; return nil }
	retype(v, "name", "Ελληνικά Κεριά")
	v.onPreview()
	info, err := os.Stat(opened)
	if err != nil || info.Size() < 5000 || !strings.Contains(v.status.Text, "preview slip opened") {
		t.Fatalf("preview %q (%v, %v): status %q", opened, info, err, v.status.Text)
	}
	if _, err := exec.LookPath("pdftotext"); err == nil {
		out, _ := exec.Command("pdftotext", opened, "-").Output()
		if !strings.Contains(string(out), "Ελληνικά Κεριά") || !strings.Contains(string(out), "Zoë") {
			t.Errorf("the preview lacks the unsaved shop name or the sample customer:\n%s", out)
		}
	}
}
