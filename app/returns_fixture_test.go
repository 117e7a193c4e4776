package app_test

import (
	"testing"
	"time"

	"clockwork/app"
	"clockwork/data"
)

// item is one line of a shipped order in a returns fixture: a SKU, how many, and the
// supplier offer that delivered it.
type item struct {
	sku   string
	qty   int
	offer uint
	supp  uint
}

// shippedOrder adds an order and stores it as purchasing, receiving and shipping leave it:
// each line on a received PO of its supplier with a receipt, the lines shipped, a shipment.
func (f *shopFixture) shippedOrder(number string, shipped time.Time, items ...item) data.Order {
	f.t.Helper()
	in := app.OrderInput{Channel: data.ChannelShopify, Number: number, PlacedAt: shipped.Add(-72 * time.Hour),
		Customer: "Zoë Łódź", Email: "zoe@example.com"}
	for _, it := range items {
		in.Lines = append(in.Lines, app.LineInput{SKU: it.sku, Title: "Item " + it.sku, Qty: it.qty, UnitPrice: 1000})
	}
	o, err := f.a.AddOrder(in)
	f.must(err)
	for i, it := range items {
		po := f.po(it.supp, data.POReceived, ptr(shipped.Add(-48*time.Hour)), data.DayOf(shipped, time.UTC), "")
		pl := f.onPO(po, o.Lines[i], it.offer, data.LineShipped)
		f.must(f.db.Model(&data.POLine{}).Where("id = ?", pl).Update("qty_accepted", it.qty).Error)
		f.receive(po, pl, shipped.Add(-24*time.Hour), it.qty)
	}
	f.must(f.db.Model(&data.Order{}).Where("id = ?", o.ID).Updates(map[string]any{"status": data.OrderShipped, "shipped_at": shipped}).Error)
	f.must(f.db.Create(&data.Shipment{OrderID: o.ID, PackedAt: &shipped, ShippedAt: &shipped, Carrier: "DHL", Tracking: "JJD" + number[1:]}).Error)
	return f.reload(o.ID)
}

// openReturn opens a return of the order's lines (index → qty) for one reason.
func (f *shopFixture) openReturn(o data.Order, reason data.ReturnReason, qtys map[int]int) data.Return {
	f.t.Helper()
	in := app.ReturnInput{OrderID: o.ID, Comment: "Kam kaputt an – schade"}
	for i, q := range qtys {
		in.Lines = append(in.Lines, app.ReturnLineInput{OrderLineID: o.Lines[i].ID, Qty: q, Reason: reason})
	}
	r, err := f.a.OpenReturn(in)
	f.must(err)
	return r
}

// decide sets every line of a return to one disposition.
func (f *shopFixture) decide(r data.Return, d data.Disposition) {
	f.t.Helper()
	det, err := f.a.ReturnDetail(r.ID)
	f.must(err)
	e := app.ReturnEdit{ID: r.ID, Comment: det.CustomerComment, Note: det.InternalNote}
	for _, l := range det.Lines {
		e.Lines = append(e.Lines, app.ReturnLineEdit{ID: l.ID, Reason: l.Reason, Fault: l.Fault, Disposition: d})
	}
	f.must(f.a.UpdateReturn(e))
}

// receiveAndClose takes a return through received to closed.
func (f *shopFixture) receiveAndClose(r data.Return) app.CloseResult {
	f.t.Helper()
	f.must(f.a.ReceiveReturn(r.ID, time.Time{}))
	res, err := f.a.CloseReturn(r.ID)
	f.must(err)
	return res
}

// returnsShop is a shop with two suppliers, each delivering one product.
type returnsShop struct {
	*shopFixture
	atlas, flint uint
	mug, towel   item
	shippedAt    time.Time // ten days before the clock
}

func newReturnsShop(t *testing.T) *returnsShop {
	f := newShop(t)
	r := &returnsShop{shopFixture: f, shippedAt: f.clock.T.Add(-10 * 24 * time.Hour)}
	r.atlas = f.supplier("Atlas", 3, data.SupplierActive)
	r.flint = f.supplier("Flint Ltd", 3, data.SupplierActive)
	r.mug = item{sku: "MUG-1", qty: 3, supp: r.atlas, offer: f.product("MUG-1", offer{supplier: r.atlas, lead: 3})[0]}
	r.towel = item{sku: "TOW-1", qty: 1, supp: r.flint, offer: f.product("TOW-1", offer{supplier: r.flint, lead: 3})[0]}
	return r
}
