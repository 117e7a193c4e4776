package cli_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"clockwork/app"
	"clockwork/app/cli"
	"clockwork/data"
)

// purchaseShop writes a shop with one supplier offering MUG and an order for MUG and an
// unknown SKU, and returns its database path.
func purchaseShop(t *testing.T) string {
	t.Helper()
	db := newShop(t)
	a, err := app.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	s := data.Supplier{Name: "Łódź Ceramics", Status: data.SupplierActive, QuotedLeadDays: 4, Email: "orders@lodz.example"}
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	must(a.SaveSupplier(&s))
	p := data.Product{SKU: "MUG", Title: "Zoë mug", Price: 2500, Active: true}
	must(a.SaveProduct(&p))
	must(a.SaveOffer(&data.Offer{ProductID: p.ID, SupplierID: s.ID, SupplierSKU: "LC-MUG", UnitCost: 450, PackSize: 1, MinQty: 1, LeadDays: 5, Priority: 1, Active: true}))
	_, err = a.AddOrder(app.OrderInput{Channel: data.ChannelShopify, Number: "#1001", PlacedAt: time.Now().Add(-time.Hour), Customer: "Ελένη",
		Lines: []app.LineInput{{SKU: "MUG", Title: "Mug", Qty: 2, UnitPrice: 2500}, {SKU: "GHOST", Title: "Ghost", Qty: 1, UnitPrice: 900}}})
	must(err)
	return db
}

func TestPurchaseAndPOCommands(t *testing.T) {
	db := purchaseShop(t)
	code, out, stderr := run(t, db, "purchase", "--dry-run")
	if code != cli.ExitOK || !strings.Contains(out, "(new)") || !strings.Contains(out, "GHOST") {
		t.Fatalf("purchase --dry-run: exit %d %s %s", code, out, stderr)
	}
	code, out, stderr = run(t, db, "purchase", "--json")
	var res struct {
		PurchaseOrders []string `json:"purchase_orders"`
		LinesPlanned   int      `json:"lines_planned"`
		Exceptions     []struct {
			OrderNumber, SKU, Reason string
		} `json:"exceptions"`
	}
	if err := json.Unmarshal([]byte(out), &res); err != nil || code != 0 {
		t.Fatalf("purchase --json: exit %d, %v: %s %s", code, err, out, stderr)
	}
	if len(res.PurchaseOrders) != 1 || res.PurchaseOrders[0] != "PO-000001" || res.LinesPlanned != 1 ||
		len(res.Exceptions) != 1 || res.Exceptions[0].SKU != "GHOST" || res.Exceptions[0].Reason != "unknown_sku" {
		t.Errorf("purchase --json: %+v", res)
	}
	if code, _, stderr := run(t, db, "purchase", "--policy", "quickest"); code != cli.ExitBadInput || !strings.Contains(stderr, "quickest") {
		t.Errorf("bad policy: exit %d %s", code, stderr)
	}
	pdf := filepath.Join(t.TempDir(), "po.pdf")
	code, out, stderr = run(t, db, "po", "send", "PO-000001", "--out", pdf)
	if info, err := os.Stat(pdf); code != 0 || err != nil || info.Size() == 0 || !strings.Contains(out, "orders@lodz.example") {
		t.Fatalf("po send: exit %d %s %s", code, out, stderr)
	}
	if code, _, stderr := run(t, db, "po", "send", "PO-000001", "--out", pdf); code != cli.ExitBadInput {
		t.Errorf("sending twice: exit %d %s", code, stderr)
	}
	if code, _, _ := run(t, db, "po", "send", "PO-000001", "--expected", "2026-01-01"); code != cli.ExitUsage {
		t.Errorf("--expected on send: exit %d, want usage", code)
	}
	code, out, stderr = run(t, db, "po", "ack", "1", "--expected", time.Now().AddDate(0, 0, 9).Format("2006-01-02"), "--tracking", "JD014")
	if code != 0 || !strings.Contains(out, "acknowledged") {
		t.Fatalf("po ack: exit %d %s %s", code, out, stderr)
	}
	code, out, _ = run(t, db, "po", "list", "--json")
	var list []struct {
		Number, Status, Supplier string
		Lines                    []struct {
			OrderNumber   string `json:"order_number"`
			SupplierSKU   string `json:"supplier_sku"`
			Qty           int    `json:"qty"`
			UnitCostCents int64  `json:"unit_cost_cents"`
		} `json:"lines"`
	}
	if err := json.Unmarshal([]byte(out), &list); err != nil || code != 0 || len(list) != 1 {
		t.Fatalf("po list --json: %v %s", err, out)
	}
	l := list[0]
	if l.Status != "acknowledged" || l.Supplier != "Łódź Ceramics" || len(l.Lines) != 1 || l.Lines[0].OrderNumber != "#1001" ||
		l.Lines[0].SupplierSKU != "LC-MUG" || l.Lines[0].Qty != 2 || l.Lines[0].UnitCostCents != 450 {
		t.Errorf("po list --json: %+v", l)
	}
	if code, out, _ := run(t, db, "po", "close", "PO-000001"); code != 0 || !strings.Contains(out, "closed short") {
		t.Errorf("po close: exit %d %s", code, out)
	}
	if code, out, _ := run(t, db, "po", "list", "--status", "closed_short"); code != 0 || !strings.Contains(out, "PO-000001") {
		t.Errorf("po list --status closed_short: %d %s", code, out)
	}
	if code, _, stderr := run(t, db, "po", "close", "PO-999999"); code != cli.ExitFailed || !strings.Contains(stderr, "not found") {
		t.Errorf("unknown PO: exit %d %s", code, stderr)
	}
}
