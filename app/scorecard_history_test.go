package app

import (
	"fmt"
	"path/filepath"
	"testing"
	"time"

	"clockwork/data"
	"clockwork/data/testdb"
)

// history writes purchasing, receiving and returns rows straight into a test shop, the way
// those use cases will: enough to work scorecard numbers out by hand.
type history struct {
	t   *testing.T
	a   *App
	loc *time.Location
	n   int // numbers POs, orders and returns
}

// newHistory opens a fresh shop in the time zone tz ("UTC", "Europe/Berlin") at a fixed clock.
func newHistory(t *testing.T, tz string) *history {
	t.Helper()
	a, err := Open(testdb.Location(t, filepath.Join(t.TempDir(), "shop.db")))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { a.Close() })
	shop, err := a.Shop()
	if err != nil {
		t.Fatal(err)
	}
	shop.TimeZone = tz
	if err := a.SaveShop(shop); err != nil {
		t.Fatal(err)
	}
	loc, err := time.LoadLocation(tz)
	if err != nil {
		t.Fatal(err)
	}
	now := time.Date(2026, 4, 10, 12, 0, 0, 0, time.UTC)
	return &history{t: t, a: a.WithClock(func() time.Time { return now }), loc: loc}
}

// at is a local wall-clock time in the shop's zone, "2006-01-02 15:04", stored as UTC.
func (h *history) at(s string) time.Time {
	h.t.Helper()
	t, err := time.ParseInLocation("2006-01-02 15:04", s, h.loc)
	if err != nil {
		h.t.Fatal(err)
	}
	return t.UTC()
}

func (h *history) create(v any) {
	h.t.Helper()
	if err := h.a.db.Create(v).Error; err != nil {
		h.t.Fatal(err)
	}
}

func (h *history) supplier(name string) uint {
	s := data.Supplier{Name: name, Status: data.SupplierActive, QuotedLeadDays: 3}
	h.create(&s)
	return s.ID
}

// line is a PO line to be: quantity and unit cost against the quoted cost (cents).
type line struct {
	qty            int
	cost, quoted   data.Money
	orderLineQty   int // > 0: the PO line serves a customer order line of this quantity
	orderLineState data.LineState
}

// po writes a PO sent at sent (local "2006-01-02 15:04"; "" for a draft) and promised for
// day promised, with its lines; it returns the PO's and the lines' IDs.
func (h *history) po(sid uint, status data.POStatus, sent string, promised data.Day, lines ...line) (uint, []uint) {
	h.n++
	po := data.PurchaseOrder{Number: fmt.Sprintf("PO-%06d", h.n), SupplierID: sid, Status: status, PromisedDate: promised}
	if sent != "" {
		t := h.at(sent)
		po.SentAt = &t
	}
	h.create(&po)
	var ids []uint
	for _, l := range lines {
		pl := data.POLine{PurchaseOrderID: po.ID, SKU: fmt.Sprintf("SKU-%d", h.n), Qty: l.qty, UnitCost: l.cost, QuotedUnitCost: l.quoted}
		if l.orderLineQty > 0 {
			pl.OrderLineID = h.orderLine(l.orderLineQty, l.orderLineState)
		}
		h.create(&pl)
		ids = append(ids, pl.ID)
	}
	return po.ID, ids
}

func (h *history) orderLine(qty int, state data.LineState) *uint {
	h.n++
	o := data.Order{Channel: data.ChannelManual, Number: fmt.Sprintf("#%d", 1000+h.n), PlacedAt: h.at("2026-02-20 09:00"), Status: data.OrderPurchasing}
	h.create(&o)
	if state == "" {
		state = data.LineOrdered
	}
	ol := data.OrderLine{OrderID: o.ID, SKU: "SKU", Title: "Enamel Mug", Qty: qty, State: state}
	h.create(&ol)
	return &ol.ID
}

// receive records one delivery of a PO: accepted and rejected units per line.
func (h *history) receive(poID uint, at string, lineID uint, accepted, rejected int) {
	r := data.Receipt{PurchaseOrderID: poID, ReceivedAt: h.at(at)}
	h.create(&r)
	rl := data.ReceiptLine{ReceiptID: r.ID, POLineID: lineID, QtyAccepted: accepted, QtyRejected: rejected}
	if rejected > 0 {
		rl.RejectReason = data.RejectDamaged
	}
	h.create(&rl)
	if err := h.a.db.Exec("UPDATE po_lines SET qty_accepted = qty_accepted + ?, qty_rejected = qty_rejected + ? WHERE id = ?", accepted, rejected, lineID).Error; err != nil {
		h.t.Fatal(err)
	}
}

func (h *history) ack(poID uint, at string) {
	if err := h.a.db.Model(&data.PurchaseOrder{}).Where("id = ?", poID).Update("acknowledged_at", h.at(at)).Error; err != nil {
		h.t.Fatal(err)
	}
}

func (h *history) closeShort(poID uint, at string) {
	err := h.a.db.Model(&data.PurchaseOrder{}).Where("id = ?", poID).
		Updates(map[string]any{"status": data.POClosedShort, "closed_at": h.at(at)}).Error
	if err != nil {
		h.t.Fatal(err)
	}
}

// ship marks the order served by PO line lineID shipped at the local time at.
func (h *history) ship(lineID uint, at string) {
	t := h.at(at)
	err := h.a.db.Exec(`UPDATE orders SET status = 'shipped', shipped_at = ? WHERE id =
		(SELECT ol.order_id FROM order_lines ol JOIN po_lines pl ON pl.order_line_id = ol.id WHERE pl.id = ?)`, t, lineID).Error
	if err != nil {
		h.t.Fatal(err)
	}
}

// giveBack records a customer return of qty units of the line served by PO line lineID.
func (h *history) giveBack(lineID uint, at string, qty int, reason data.ReturnReason) {
	var pl data.POLine
	if err := h.a.db.First(&pl, lineID).Error; err != nil {
		h.t.Fatal(err)
	}
	var ol data.OrderLine
	if err := h.a.db.First(&ol, *pl.OrderLineID).Error; err != nil {
		h.t.Fatal(err)
	}
	h.n++
	r := data.Return{Number: fmt.Sprintf("RMA-%04d", h.n), OrderID: ol.OrderID, OpenedAt: h.at(at), Status: data.ReturnReceived}
	h.create(&r)
	h.create(&data.ReturnLine{ReturnID: r.ID, OrderLineID: ol.ID, POLineID: &pl.ID, Qty: qty, Reason: reason,
		Fault: data.DefaultFault(reason), Disposition: data.DispositionRefund})
}

// event writes a contact log entry.
func (h *history) event(sid uint, at string, kind data.EventKind, text string) {
	h.create(&data.SupplierEvent{SupplierID: sid, At: h.at(at), Kind: kind, Channel: "email", Text: text})
}

// card is supplier sid's scorecard over period p.
// showAll prints every metric, for comparing two scorecards.
func showAll(m map[string]*float64) map[string]string {
	out := make(map[string]string, len(m))
	for k, v := range m {
		out[k] = show(v)
	}
	return out
}

func (h *history) card(sid uint, p Period) Scorecard {
	h.t.Helper()
	cards, err := h.a.Scorecards(p)
	if err != nil {
		h.t.Fatal(err)
	}
	one, err := h.a.SupplierScorecard(sid, p)
	if err != nil {
		h.t.Fatal(err)
	}
	for _, c := range cards {
		if c.SupplierID == sid {
			// Asked alone, the supplier's sums come through other SQL: they must agree.
			if a, b := metricsOf(c), metricsOf(one); fmt.Sprint(showAll(a)) != fmt.Sprint(showAll(b)) {
				h.t.Errorf("scorecard of every supplier %v, of this one alone %v", showAll(a), showAll(b))
			}
			return c
		}
	}
	h.t.Fatalf("no scorecard for supplier %d", sid)
	return Scorecard{}
}
