package app_test

import (
	"strings"
	"testing"
	"time"

	"clockwork/app"
	"clockwork/data"
)

// TestReturnEndToEnd takes orders through the real actions: plan → send → receive → ship →
// return. Kept as stock, the returned unit serves the next order without buying; returned
// again as defective it is still traced to the supplier that delivered it; replaced, the
// new line is bought again.
func TestReturnEndToEnd(t *testing.T) {
	f := newShop(t)
	atlas := f.supplier("Atlas", 2, data.SupplierActive)
	f.product("MUG-1", offer{supplier: atlas, lead: 2, cost: 400})
	first := f.order("#1", at("2026-03-12", 9), "MUG-1")
	buyAndShip := func(o data.Order) string {
		t.Helper()
		res, err := f.a.Purchase()
		f.must(err)
		var number string
		for i, id := range res.POIDs {
			_, err := f.a.SendPO(id)
			f.must(err)
			f.clock.Advance(time.Hour)
			_, err = f.a.ReceiveAll(id, time.Time{})
			f.must(err)
			number = res.PONumbers[i]
		}
		f.must(f.a.ShipOrders([]app.ShipInput{{OrderID: o.ID, Carrier: "DHL", Tracking: "JJD" + o.Number[1:]}}))
		f.clock.Advance(24 * time.Hour)
		return number
	}
	poNumber := buyAndShip(first)
	if poNumber == "" {
		t.Fatal("the first order was not bought on a PO")
	}
	kept := f.openReturn(f.reload(first.ID), data.ReasonChangedMind, map[int]int{0: 1})
	d, err := f.a.ReturnDetail(kept.ID)
	f.must(err)
	if d.Lines[0].Supplier != "Atlas" || d.Lines[0].PONumber != poNumber {
		t.Errorf("return traced to %q %q, want Atlas %s", d.Lines[0].Supplier, d.Lines[0].PONumber, poNumber)
	}
	f.decide(kept, data.DispositionKeepAsStock)
	if res := f.receiveAndClose(kept); res.KeptAsStock != 1 {
		t.Fatalf("kept %d units as stock, want 1", res.KeptAsStock)
	}
	if got := f.reload(first.ID).Status; got != data.OrderReturned {
		t.Errorf("first order is %s, want returned", got)
	}

	// The next order for the product takes the kept unit before buying.
	second := f.order("#2", f.clock.T.Add(-time.Hour), "MUG-1")
	if number := buyAndShip(second); number != "" {
		t.Errorf("the next order bought on %s instead of using the unit kept from the return", number)
	}
	if n := f.count(&data.Leftover{}, "qty > 0"); n != 0 {
		t.Errorf("%d leftovers still on the shelf after the next order used it", n)
	}
	// Back again as defective: the unit is still the one Atlas delivered.
	defective, err := f.a.OpenReturn(app.ReturnInput{OrderID: second.ID, Comment: "Sprung in der Glasur",
		Lines: []app.ReturnLineInput{{OrderLineID: second.Lines[0].ID, Qty: 1, Reason: data.ReasonDefective}}})
	f.must(err)
	d, err = f.a.ReturnDetail(defective.ID)
	f.must(err)
	if d.Lines[0].Supplier != "Atlas" || d.Lines[0].Fault != data.FaultSupplier {
		t.Errorf("a unit from the shelf is traced to %q (fault %s), want Atlas's fault", d.Lines[0].Supplier, d.Lines[0].Fault)
	}
	f.decide(defective, data.DispositionReplace)
	f.receiveAndClose(defective)
	// Atlas's one delivered unit, kept and shipped again, came back through its fault: the
	// scorecard counts it against the PO line that delivered it.
	cards, err := f.a.Scorecards(app.LastMonths(f.a.Today(), 1))
	f.must(err)
	for _, c := range cards {
		if c.Supplier == "Atlas" && (c.ReturnPct == nil || *c.ReturnPct != 100) {
			t.Errorf("Atlas's return_pct %v, want 100", c.ReturnPct)
		}
	}
	if got := f.reload(second.ID).Status; got != data.OrderNew {
		t.Fatalf("second order is %s after the replacement, want new (to purchase)", got)
	}
	res, err := f.a.Purchase()
	f.must(err)
	if len(res.PONumbers) != 1 || !strings.HasPrefix(res.PONumbers[0], "PO-") {
		t.Fatalf("the replacement was not bought: %+v", res)
	}
	lines := f.reload(second.ID).Lines
	if len(lines) != 2 || lines[1].State != data.LineOnDraftPO {
		t.Fatalf("second order's lines %+v, want the replacement on a draft PO", lines)
	}
	// The replacement is sent, received and shipped like any order line.
	_, err = f.a.SendPO(res.POIDs[0])
	f.must(err)
	_, err = f.a.ReceiveAll(res.POIDs[0], time.Time{})
	f.must(err)
	f.must(f.a.ShipOrders([]app.ShipInput{{OrderID: second.ID, Carrier: "DHL", Tracking: "JJD-R2"}}))
	got := f.reload(second.ID)
	if got.Lines[1].State != data.LineShipped || got.Status != data.OrderPartiallyReturned {
		t.Errorf("after shipping the replacement: line %s, order %s; want shipped and partially_returned", got.Lines[1].State, got.Status)
	}
}
