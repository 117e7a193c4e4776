package cli_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"clockwork/app/apptest"
	"clockwork/app/cli"
	"clockwork/data"
)

// sentPOShop is a shop whose PO-000001 (sent to Acme) serves #1001 (2 × BET-100) and
// #1002 (1 × BET-100, 1 × CUP-7); it returns the database path.
func sentPOShop(t *testing.T) string {
	t.Helper()
	a, _ := apptest.NewApp(t)
	db := apptest.DB(t, a)
	sup := data.Supplier{Name: "Acme", Status: data.SupplierActive}
	must(t, db.Create(&sup).Error)
	sent := apptest.Now.AddDate(0, 0, -5)
	po := data.PurchaseOrder{Number: "PO-000001", SupplierID: sup.ID, Status: data.POSent, SentAt: &sent, PromisedDate: "2026-03-11"}
	must(t, db.Create(&po).Error)
	for i, o := range []struct {
		number string
		lines  map[string]int
	}{{"#1001", map[string]int{"BET-100": 2}}, {"#1002", map[string]int{"BET-100": 1, "CUP-7": 1}}} {
		ord := data.Order{Channel: data.ChannelManual, Number: o.number, Status: data.OrderPurchasing, CustomerName: "Ελένη Παπαδοπούλου",
			PlacedAt: apptest.Now.Add(time.Duration(i-10) * time.Hour), ShipTo: data.Address{Name: "Ελένη Παπαδοπούλου", City: "Αθήνα", Country: "Greece"}}
		must(t, db.Create(&ord).Error)
		for sku, qty := range o.lines {
			l := data.OrderLine{OrderID: ord.ID, SKU: sku, Title: "Item " + sku, Qty: qty, UnitPrice: 1200, State: data.LineOrdered}
			must(t, db.Create(&l).Error)
			must(t, db.Create(&data.POLine{PurchaseOrderID: po.ID, OrderLineID: &l.ID, SKU: sku, SupplierSKU: "S-" + sku, Qty: qty}).Error)
		}
	}
	return a.Path()
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

func TestReceiveSlipsAndShipFromTheCommandLine(t *testing.T) {
	db := sentPOShop(t)
	code, out, stderr := run(t, db, "receive", "PO-000001", "--line", "S-BET-100=3", "--line", "CUP-7=0/1:damaged", "--at", "2026-03-12")
	if code != cli.ExitOK || !strings.Contains(out, "Ready to pack: #1001 · still owed: 1 × CUP-7") {
		t.Fatalf("receive: exit %d, %q %q", code, out, stderr)
	}
	code, _, stderr = run(t, db, "ship", "#1002", "--carrier", "DHL", "--tracking", "JJD1")
	if code != cli.ExitBadInput || !strings.Contains(stderr, "1 × CUP-7 still owed by Acme on PO-000001") {
		t.Errorf("ship an order still owed: exit %d, %q", code, stderr)
	}
	pdf := filepath.Join(t.TempDir(), "slips.pdf")
	code, out, stderr = run(t, db, "slips", "--ready", "--paper", "4x6", "--out", pdf)
	if info, err := os.Stat(pdf); code != cli.ExitOK || err != nil || info.Size() < 1000 || !strings.Contains(out, "1 slips") {
		t.Errorf("slips: exit %d, %q %q, %v", code, out, stderr, err)
	}
	code, out, stderr = run(t, db, "ship", "#1001", "--carrier", "DHL", "--tracking", "JJD1", "--service", "Paket")
	if code != cli.ExitOK || !strings.Contains(out, "#1001 shipped") {
		t.Errorf("ship: exit %d, %q %q", code, out, stderr)
	}
	code, out, _ = run(t, db, "receive", "PO-000001", "--all")
	if code != cli.ExitOK || !strings.Contains(out, "Ready to pack: #1002 · PO-000001 received in full") {
		t.Errorf("receive the rest: exit %d, %q", code, out)
	}
}

func TestReceiveRefusals(t *testing.T) {
	db := sentPOShop(t)
	for _, c := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{"receive", "PO-000001"}, cli.ExitUsage, "either --all or one --line"},
		{[]string{"receive", "PO-000001", "--line", "BET-100"}, cli.ExitUsage, "SKU=ACCEPTED"},
		{[]string{"receive", "PO-000001", "--line", "BET-100=-2"}, cli.ExitBadInput, "cannot be negative"},
		{[]string{"receive", "PO-000001", "--line", "NOPE=1"}, cli.ExitBadInput, `"NOPE" is not on PO-000001`},
		{[]string{"receive", "PO-000001", "--line", "BET-100=1/1"}, cli.ExitBadInput, "say why 1 were rejected"},
		{[]string{"receive", "PO-999999", "--all"}, cli.ExitFailed, "not found"},
		{[]string{"slips", "--order", "#1001"}, cli.ExitUsage, "--out"},
	} {
		code, _, stderr := run(t, db, c.args...)
		if code != c.code || !strings.Contains(stderr, c.want) {
			t.Errorf("%v: exit %d %q; want %d with %q", c.args, code, stderr, c.code, c.want)
		}
	}
}
