package cli_test

import (
	"encoding/json"
	"strings"
	"testing"
	"time"

	"clockwork/app"
	"clockwork/app/apptest"
	"clockwork/data"
)

// shippedShop is a shop with order #1001 shipped: 3 × MUG-1 from Atlas and 1 × TOW-1
// bought outside Clockwork. It returns the database path.
func shippedShop(t *testing.T) string {
	t.Helper()
	a, _ := apptest.NewApp(t)
	db := apptest.DB(t, a)
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	s := data.Supplier{Name: "Atlas", Status: data.SupplierActive, QuotedLeadDays: 3}
	must(a.SaveSupplier(&s))
	p := data.Product{SKU: "MUG-1", Title: "Enamel Mug", Price: 1200, Active: true,
		Offers: []data.Offer{{SupplierID: s.ID, SupplierSKU: "AT-1", UnitCost: 400, PackSize: 1, MinQty: 1, LeadDays: 3, Priority: 1, Active: true}}}
	must(a.SaveProduct(&p))
	o, err := a.AddOrder(app.OrderInput{Channel: data.ChannelShopify, Number: "#1001", PlacedAt: apptest.Now.Add(-96 * time.Hour),
		Customer: "Дмитрий Ус", Lines: []app.LineInput{{SKU: "MUG-1", Title: "Enamel Mug", Qty: 3, UnitPrice: 1200}, {SKU: "TOW-1", Title: "Towel", Qty: 1, UnitPrice: 900}}})
	must(err)
	shipped := apptest.Now.Add(-24 * time.Hour)
	po := data.PurchaseOrder{Number: "PO-000001", SupplierID: s.ID, Status: data.POReceived, SentAt: &shipped,
		Lines: []data.POLine{{OrderLineID: &o.Lines[0].ID, OfferID: &p.Offers[0].ID, SKU: "MUG-1", Qty: 3, QtyAccepted: 3}}}
	must(db.Create(&po).Error)
	must(db.Model(&data.OrderLine{}).Where("order_id = ?", o.ID).Update("state", data.LineShipped).Error)
	must(db.Model(&data.Order{}).Where("id = ?", o.ID).Updates(map[string]any{"status": data.OrderShipped, "shipped_at": shipped}).Error)
	return a.Path()
}

func TestReturnCommand(t *testing.T) {
	db := shippedShop(t)
	code, out, stderr := run(t, db, "return", "#1001", "--line", "MUG-1=2:defective", "--line", "TOW-1=1:changed_mind",
		"--comment", "Henkel lose", "--disposition", "refund", "--at", "2026-03-12")
	if code != 0 || !strings.Contains(out, "RMA-0001 opened for order #1001") || !strings.Contains(out, "2 × MUG-1  defective, fault supplier, from Atlas") {
		t.Fatalf("return: exit %d\n%s%s", code, out, stderr)
	}
	if strings.Contains(stderr, "return window") {
		t.Errorf("a return the day after shipping mentions the return window: %q", stderr)
	}
	bad := []struct {
		args []string
		want string
	}{
		{[]string{"return", "#1001", "--line", "MUG-1=2:defective"}, "at most 1 can come back"},
		{[]string{"return", "#1001", "--line", "MUG-1=1:broken"}, "not a return reason"},
		{[]string{"return", "#1001", "--line", "MUG-1:1"}, "write SKU=QTY:REASON"},
		{[]string{"return", "#1001", "--line", "LAMP-9=1:late"}, "LAMP-9 is not a shipped item"},
		{[]string{"return", "#9999", "--line", "MUG-1=1:late"}, "there is no order #9999"},
		{[]string{"return", "#1001", "--line", "MUG-1=1:late", "--at", "yesterday"}, "give a day like"},
	}
	for _, b := range bad {
		code, _, stderr := run(t, db, b.args...)
		if code != 3 || !strings.Contains(stderr, b.want) {
			t.Errorf("%v: exit %d, %q; want 3 saying %q", b.args, code, stderr, b.want)
		}
	}
	if code, _, _ := run(t, db, "return", "#1001"); code != 2 {
		t.Errorf("return without --line: exit %d, want 2", code)
	}

	code, out, _ = run(t, db, "returns", "--json")
	var got []struct {
		Number, Status, Comment string
		OrderNumber             string `json:"order_number"`
		Lines                   []struct {
			SKU, Reason, Fault string
			Qty                int
			Disposition        *string
			Supplier           *string
			PONumber           *string `json:"po_number"`
		}
	}
	if err := json.Unmarshal([]byte(out), &got); code != 0 || err != nil {
		t.Fatalf("returns --json: exit %d, %v\n%s", code, err, out)
	}
	if len(got) != 1 || got[0].Number != "RMA-0001" || got[0].OrderNumber != "#1001" || got[0].Status != "requested" || got[0].Comment != "Henkel lose" || len(got[0].Lines) != 2 {
		t.Fatalf("returns --json: %+v", got)
	}
	mug, towel := got[0].Lines[0], got[0].Lines[1]
	if mug.SKU != "MUG-1" || mug.Qty != 2 || mug.Fault != "supplier" || *mug.Disposition != "refund" || mug.Supplier == nil || *mug.Supplier != "Atlas" || mug.PONumber == nil || *mug.PONumber != "PO-000001" {
		t.Errorf("mug line %+v", mug)
	}
	if towel.Fault != "customer" || towel.Supplier != nil {
		t.Errorf("towel line %+v: bought outside Clockwork, it has no supplier", towel)
	}
	code, out, _ = run(t, db, "returns", "--status", "closed")
	if code != 0 || strings.Contains(out, "RMA-0001") || !strings.HasPrefix(out, "RMA") {
		t.Errorf("returns --status closed: exit %d\n%s", code, out)
	}
	// Two months after shipping the last mug still comes back, with a word on the window.
	code, out, stderr = run(t, db, "return", "#1001", "--line", "MUG-1=1:late", "--at", "2026-05-20")
	if code != 0 || !strings.Contains(out, "RMA-0002 opened") || !strings.Contains(stderr, "note: order #1001 shipped 11 Mar 2026, 70 days ago: outside the 30-day return window") {
		t.Errorf("late return: exit %d\n%s%s", code, out, stderr)
	}
}
