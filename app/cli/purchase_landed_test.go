package cli_test

import (
	"clockwork/app/apptest"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"clockwork/app"
	"clockwork/app/cli"
	"clockwork/data"
)

// widgetShop is the owner's case: 3 widgets sold; A sells at 10.00, B at 8.00 with a minimum of 5.
func widgetShop(t *testing.T) string {
	t.Helper()
	db := apptest.NewLocation(t)
	a, err := app.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	p := data.Product{SKU: "WIDGET", Title: "Widget", Price: 2500, Active: true}
	must(a.SaveProduct(&p))
	for _, o := range []struct {
		name string
		cost data.Money
		min  int
	}{{"B", 800, 5}, {"A", 1000, 1}} {
		s := data.Supplier{Name: o.name, Status: data.SupplierActive, QuotedLeadDays: 3}
		must(a.SaveSupplier(&s))
		must(a.SaveOffer(&data.Offer{ProductID: p.ID, SupplierID: s.ID, SupplierSKU: o.name + "-W", UnitCost: o.cost, PackSize: 1, MinQty: o.min, LeadDays: 3}))
	}
	_, err = a.AddOrder(app.OrderInput{Channel: data.ChannelShopify, Number: "#1001", PlacedAt: time.Now().Add(-time.Hour), Customer: "Ελένη",
		Lines: []app.LineInput{{SKU: "WIDGET", Title: "Widget", Qty: 3, UnitPrice: 2500}}})
	must(err)
	return db
}

func TestPurchaseJSONSaysWhyThisSupplier(t *testing.T) {
	db := widgetShop(t)
	code, out, stderr := run(t, db, "purchase", "--policy", "cheapest", "--dry-run", "--json")
	var res struct {
		Search string `json:"search"`
		POs    []struct {
			Supplier string `json:"supplier"`
			Cost     int64  `json:"cost_cents"`
			Lines    []struct {
				SKU          string `json:"sku"`
				Cost         int64  `json:"landed_cost_cents"`
				RunnerUp     string `json:"runner_up"`
				RunnerUpCost int64  `json:"runner_up_cost_cents"`
				Reason       string `json:"reason"`
			} `json:"lines"`
		} `json:"pos"`
	}
	if err := json.Unmarshal([]byte(out), &res); err != nil || code != cli.ExitOK {
		t.Fatalf("purchase --json: exit %d, %v: %s %s", code, err, out, stderr)
	}
	if len(res.POs) != 1 || res.POs[0].Supplier != "A" || res.POs[0].Cost != 3000 || len(res.POs[0].Lines) != 1 {
		t.Fatalf("plan %+v, want A for 30.00", res.POs)
	}
	l := res.POs[0].Lines[0]
	if l.Cost != 3000 || l.RunnerUp != "B" || l.RunnerUpCost != 4000 || l.Reason != "cheaper_landed" || res.Search == "" {
		t.Errorf("line %+v (search %q), want 30.00 against B's 40.00, cheaper landed", l, res.Search)
	}
}

// TestSupplierTermsFlags: an order fee of 12.00 at A makes B's 40.00 the cheaper landed cost.
func TestSupplierTermsFlags(t *testing.T) {
	db := widgetShop(t)
	if code, out, stderr := run(t, db, "supplier", "edit", "A", "--order-fee", "12.00", "--shipping", "4.95", "--free-shipping-from", "100"); code != cli.ExitOK {
		t.Fatalf("supplier edit: exit %d %s %s", code, out, stderr)
	}
	code, out, _ := run(t, db, "supplier", "show", "A", "--json")
	var terms struct {
		Fee      int64 `json:"order_fee_cents"`
		Shipping int64 `json:"shipping_charge_cents"`
		Free     int64 `json:"free_shipping_from_cents"`
	}
	if err := json.Unmarshal([]byte(out), &terms); err != nil || code != 0 || terms.Fee != 1200 || terms.Shipping != 495 || terms.Free != 10000 {
		t.Errorf("supplier show --json: %+v (%v) from %s", terms, err, out)
	}
	if _, out, _ := run(t, db, "supplier", "show", "A"); !strings.Contains(out, "order fee 12.00, shipping 4.95, free from 100.00") {
		t.Errorf("supplier show does not state the terms:\n%s", out)
	}
	if _, out, _ := run(t, db, "purchase", "--policy", "cheapest", "--dry-run"); !strings.Contains(out, "B ") || !strings.Contains(out, "40.00") {
		t.Errorf("with A's fee of 12.00 and shipping, B's 40.00 should win:\n%s", out)
	}
	code, _, stderr := run(t, db, "supplier", "edit", "A", "--order-fee", "-3")
	if code != cli.ExitBadInput || !strings.Contains(stderr, "order") {
		t.Errorf("a negative fee: exit %d %s", code, stderr)
	}
}
