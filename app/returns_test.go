package app_test

import (
	"errors"
	"strings"
	"testing"
	"time"

	"clockwork/app"
	"clockwork/data"
)

func TestReturnQuantityLimits(t *testing.T) {
	f := newReturnsShop(t)
	o := f.shippedOrder("#1001", f.shippedAt, f.mug, f.towel)
	other := f.shippedOrder("#1002", f.shippedAt, f.mug)
	first := f.openReturn(o, data.ReasonChangedMind, map[int]int{0: 2})
	if first.Number != "RMA-0001" || first.Status != data.ReturnRequested {
		t.Fatalf("first return is %s %s, want RMA-0001 requested", first.Number, first.Status)
	}
	mug := o.Lines[0].ID
	cases := []struct {
		name  string
		lines []app.ReturnLineInput
		want  string
	}{
		{"more than shipped less returned", []app.ReturnLineInput{{OrderLineID: mug, Qty: 2, Reason: data.ReasonDefective}}, "3 shipped and 2 already returned, so at most 1"},
		{"split over two rows", []app.ReturnLineInput{{OrderLineID: mug, Qty: 1, Reason: data.ReasonDefective}, {OrderLineID: mug, Qty: 1, Reason: data.ReasonLate}}, "at most 1"},
		{"zero", []app.ReturnLineInput{{OrderLineID: mug, Qty: 0, Reason: data.ReasonDefective}}, "1 or more"},
		{"negative", []app.ReturnLineInput{{OrderLineID: mug, Qty: -1, Reason: data.ReasonDefective}}, "1 or more"},
		{"another order's line", []app.ReturnLineInput{{OrderLineID: other.Lines[0].ID, Qty: 1, Reason: data.ReasonDefective}}, "is not on order #1001"},
		{"no reason", []app.ReturnLineInput{{OrderLineID: mug, Qty: 1}}, "not a return reason"},
		{"unknown fault", []app.ReturnLineInput{{OrderLineID: mug, Qty: 1, Reason: data.ReasonLate, Fault: "weather"}}, "not a fault"},
		{"nothing picked", nil, "pick at least one item"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := f.a.OpenReturn(app.ReturnInput{OrderID: o.ID, Lines: c.lines})
			var ie *app.InputError
			if !errors.As(err, &ie) || !strings.Contains(err.Error(), c.want) {
				t.Fatalf("error %v, want an input error saying %q", err, c.want)
			}
			if n := f.count(&data.Return{}, ""); n != 1 {
				t.Errorf("%d returns stored, want only the first: a refused return writes nothing", n)
			}
		})
	}
	// The last unit can still come back; then nothing more can.
	f.openReturn(o, data.ReasonDefective, map[int]int{0: 1})
	lines, err := f.a.ReturnableLines(o.ID)
	f.must(err)
	if lines[0].Left() != 0 || lines[1].Left() != 1 || lines[0].Supplier != "Atlas" {
		t.Errorf("returnable: %+v, want no mug left (from Atlas) and one towel", lines)
	}
}

func TestReturnOnlyOfShippedLines(t *testing.T) {
	f := newReturnsShop(t)
	o := f.order("#1", at("2026-03-10", 9), "MUG-1")
	_, err := f.a.OpenReturn(app.ReturnInput{OrderID: o.ID, Lines: []app.ReturnLineInput{{OrderLineID: o.Lines[0].ID, Qty: 1, Reason: data.ReasonLate}}})
	if err == nil || !strings.Contains(err.Error(), "has not shipped") {
		t.Fatalf("error %v, want: only shipped items can come back", err)
	}
	_, err = f.a.OpenReturn(app.ReturnInput{OrderID: 999, Lines: []app.ReturnLineInput{{OrderLineID: 1, Qty: 1, Reason: data.ReasonLate}}})
	if !errors.Is(err, app.ErrNotFound) {
		t.Errorf("return of a missing order: %v, want not found", err)
	}
}

func TestReturnAttribution(t *testing.T) {
	f := newReturnsShop(t)
	o := f.shippedOrder("#1001", f.shippedAt, f.mug, f.towel)
	var mugPOLine uint
	f.must(f.db.Model(&data.POLine{}).Where("order_line_id = ?", o.Lines[0].ID).Pluck("id", &mugPOLine).Error)
	r, err := f.a.OpenReturn(app.ReturnInput{OrderID: o.ID, Comment: "Der Henkel ist abgebrochen", Lines: []app.ReturnLineInput{
		{OrderLineID: o.Lines[0].ID, Qty: 1, Reason: data.ReasonDefective},
		{OrderLineID: o.Lines[1].ID, Qty: 1, Reason: data.ReasonDamagedInTransit, Fault: data.FaultSupplier},
	}})
	f.must(err)
	d, err := f.a.ReturnDetail(r.ID)
	f.must(err)
	if d.OrderNumber != "#1001" || d.Customer != "Zoë Łódź" || d.CustomerComment != "Der Henkel ist abgebrochen" {
		t.Errorf("detail heading %q %q %q", d.OrderNumber, d.Customer, d.CustomerComment)
	}
	mug, towel := d.Lines[0], d.Lines[1]
	if mug.POLineID == nil || *mug.POLineID != mugPOLine || mug.Supplier != "Atlas" || mug.PONumber == "" {
		t.Errorf("mug traced to PO line %v of %q (%s), want %d of Atlas", mug.POLineID, mug.Supplier, mug.PONumber, mugPOLine)
	}
	if mug.Fault != data.FaultSupplier {
		t.Errorf("defective mug blamed on %s, want the supplier (the reason's default)", mug.Fault)
	}
	if towel.Supplier != "Flint Ltd" || towel.Fault != data.FaultSupplier {
		t.Errorf("towel: %s blamed on %s, want Flint Ltd blamed as the user chose", towel.Supplier, towel.Fault)
	}
	// The scorecard's return rate counts exactly the supplier-fault units it delivered.
	cards, err := f.a.Scorecards(app.LastMonths(f.a.Today(), 1))
	f.must(err)
	for _, c := range cards {
		want := map[string]float64{"Atlas": 100.0 / 3, "Flint Ltd": 100}[c.Supplier]
		if c.ReturnPct == nil || *c.ReturnPct < want-0.01 || *c.ReturnPct > want+0.01 {
			t.Errorf("%s return_pct %v, want %.1f", c.Supplier, c.ReturnPct, want)
		}
	}
}

func TestReturnOfSpareStockTracesToItsPOLine(t *testing.T) {
	f := newReturnsShop(t)
	first := f.shippedOrder("#1001", f.shippedAt, f.mug)
	var pl uint
	f.must(f.db.Model(&data.POLine{}).Where("order_line_id = ?", first.Lines[0].ID).Pluck("id", &pl).Error)
	left := data.Leftover{ProductID: *first.Lines[0].ProductID, Qty: 1, Source: data.LeftoverSurplus, POLineID: &pl}
	f.must(f.db.Create(&left).Error)
	o := f.order("#1002", f.shippedAt, "MUG-1")
	f.must(f.db.Model(&data.OrderLine{}).Where("id = ?", o.Lines[0].ID).Updates(map[string]any{"state": data.LineShipped, "leftover_id": left.ID}).Error)
	r := f.openReturn(o, data.ReasonWrongItemSent, map[int]int{0: 1})
	d, err := f.a.ReturnDetail(r.ID)
	f.must(err)
	if d.Lines[0].POLineID == nil || *d.Lines[0].POLineID != pl || d.Lines[0].Supplier != "Atlas" {
		t.Errorf("a unit from spare stock is traced to %v (%q), want PO line %d of Atlas", d.Lines[0].POLineID, d.Lines[0].Supplier, pl)
	}
}

func TestReturnStatusFlow(t *testing.T) {
	f := newReturnsShop(t)
	o := f.shippedOrder("#1001", f.shippedAt, f.mug)
	r := f.openReturn(o, data.ReasonChangedMind, map[int]int{0: 1})
	if got := f.reload(o.ID).Status; got != data.OrderPartiallyReturned {
		t.Errorf("order is %s after 1 of 3 came back, want partially_returned", got)
	}
	f.decide(r, data.DispositionRefund)
	if _, err := f.a.CloseReturn(r.ID); err == nil || !strings.Contains(err.Error(), "mark the goods received first") {
		t.Errorf("closing before the goods arrived: %v, want a refusal", err)
	}
	if err := f.a.ReceiveReturn(r.ID, f.clock.T.Add(time.Hour)); err == nil {
		t.Error("receiving in the future was accepted")
	}
	f.must(f.a.ReceiveReturn(r.ID, time.Time{}))
	if err := f.a.ReceiveReturn(r.ID, time.Time{}); err == nil || !strings.Contains(err.Error(), "already received") {
		t.Errorf("receiving twice: %v, want a refusal", err)
	}
	d, _ := f.a.ReturnDetail(r.ID)
	if d.Status != data.ReturnReceived || d.ReceivedAt == nil || !d.ReceivedAt.Equal(f.clock.T) {
		t.Errorf("after receiving: %s at %v", d.Status, d.ReceivedAt)
	}
	if _, err := f.a.CloseReturn(r.ID); err != nil {
		t.Fatal(err)
	}
	d, _ = f.a.ReturnDetail(r.ID)
	if d.Status != data.ReturnClosed || d.ClosedAt == nil {
		t.Errorf("after closing: %s at %v", d.Status, d.ClosedAt)
	}
	for _, try := range []error{f.a.ReceiveReturn(r.ID, time.Time{}), f.a.UpdateReturn(app.ReturnEdit{ID: r.ID})} {
		if try == nil || !strings.Contains(try.Error(), "is closed") {
			t.Errorf("changing a closed return: %v, want a refusal", try)
		}
	}
	f.openReturn(o, data.ReasonChangedMind, map[int]int{0: 2})
	if got := f.reload(o.ID).Status; got != data.OrderReturned {
		t.Errorf("order is %s after all 3 came back, want returned", got)
	}
}

func TestReturnNeedsADispositionToClose(t *testing.T) {
	f := newReturnsShop(t)
	o := f.shippedOrder("#1001", f.shippedAt, f.mug)
	r := f.openReturn(o, data.ReasonDefective, map[int]int{0: 1})
	f.must(f.a.ReceiveReturn(r.ID, time.Time{}))
	if _, err := f.a.CloseReturn(r.ID); err == nil || !strings.Contains(err.Error(), "MUG-1: choose what happens") {
		t.Errorf("closing undecided: %v, want a refusal naming the SKU", err)
	}
}

func TestLostReturnClosesWithoutArriving(t *testing.T) {
	f := newReturnsShop(t)
	o := f.shippedOrder("#1001", f.shippedAt, f.towel)
	r := f.openReturn(o, data.ReasonLost, map[int]int{0: 1})
	f.decide(r, data.DispositionReplace)
	res, err := f.a.CloseReturn(r.ID)
	if err != nil || len(res.Replacements) != 1 {
		t.Fatalf("closing a lost parcel: %+v, %v; want one replacement", res, err)
	}
}

func TestUpdateReturnResetsFaultToTheReasonsDefault(t *testing.T) {
	f := newReturnsShop(t)
	o := f.shippedOrder("#1001", f.shippedAt, f.mug)
	r := f.openReturn(o, data.ReasonDefective, map[int]int{0: 1})
	d, _ := f.a.ReturnDetail(r.ID)
	err := f.a.UpdateReturn(app.ReturnEdit{ID: r.ID, Comment: "  Falsche Farbe  ", Note: "called her",
		Lines: []app.ReturnLineEdit{{ID: d.Lines[0].ID, Reason: data.ReasonNotAsDescribed}}})
	f.must(err)
	d, _ = f.a.ReturnDetail(r.ID)
	if d.Lines[0].Fault != data.FaultShop || d.CustomerComment != "Falsche Farbe" || d.InternalNote != "called her" {
		t.Errorf("after the edit: fault %s, comment %q, note %q", d.Lines[0].Fault, d.CustomerComment, d.InternalNote)
	}
	err = f.a.UpdateReturn(app.ReturnEdit{ID: r.ID, Lines: []app.ReturnLineEdit{{ID: d.Lines[0].ID, Reason: data.ReasonLate, Disposition: "burn"}}})
	if err == nil || !strings.Contains(err.Error(), "not a disposition") {
		t.Errorf("bad disposition: %v", err)
	}
}

func TestReturnList(t *testing.T) {
	f := newReturnsShop(t)
	o1 := f.shippedOrder("#1001", f.shippedAt, f.mug, f.towel)
	o2 := f.shippedOrder("#1002", f.shippedAt, f.towel)
	r1, err := f.a.OpenReturn(app.ReturnInput{OrderID: o1.ID, Comment: "zu klein", Lines: []app.ReturnLineInput{
		{OrderLineID: o1.Lines[0].ID, Qty: 2, Reason: data.ReasonNotAsDescribed, Disposition: data.DispositionRefund},
		{OrderLineID: o1.Lines[1].ID, Qty: 1, Reason: data.ReasonDefective}}})
	f.must(err)
	f.clock.Advance(time.Hour)
	r2 := f.openReturn(o2, data.ReasonLost, map[int]int{0: 1})
	f.must(f.a.ReceiveReturn(r2.ID, time.Time{}))

	rows, err := f.a.ReturnRows(app.ListQuery{}, app.ReturnFilter{})
	f.must(err)
	if len(rows) != 2 || rows[0].Number != r2.Number || rows[1].Number != r1.Number {
		t.Fatalf("rows %+v, want newest first", rows)
	}
	r := rows[1]
	if r.OrderNumber != "#1001" || r.Customer != "Zoë Łódź" || r.Units != 3 || r.Undecided != 1 || r.Comment != "zu klein" ||
		!strings.Contains(r.Reasons, "not_as_described") || !strings.Contains(r.Reasons, "defective") {
		t.Errorf("row %+v", r)
	}
	for _, c := range []struct {
		q    app.ListQuery
		f    app.ReturnFilter
		want int
	}{
		{app.ListQuery{Search: "#1002"}, app.ReturnFilter{}, 1},
		{app.ListQuery{Search: "rma-0001"}, app.ReturnFilter{}, 1},
		{app.ListQuery{Search: "łódź"}, app.ReturnFilter{}, 2},
		{app.ListQuery{}, app.ReturnFilter{Status: data.ReturnReceived}, 1},
		{app.ListQuery{}, app.ReturnFilter{Status: data.ReturnClosed}, 0},
		{app.ListQuery{}, app.ReturnFilter{OrderID: o2.ID}, 1},
		{app.ListQuery{}, app.ReturnFilter{Open: true}, 2},
	} {
		n, err := f.a.CountReturns(c.q, c.f)
		rows, _ := f.a.ReturnRows(c.q, c.f)
		if err != nil || n != c.want || len(rows) != c.want {
			t.Errorf("%+v %+v: count %d, %d rows (%v); want %d", c.q, c.f, n, len(rows), err, c.want)
		}
	}
}
