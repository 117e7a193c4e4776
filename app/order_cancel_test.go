package app_test

import (
	"errors"
	"slices"
	"strings"
	"testing"

	"clockwork/app"
	"clockwork/data"
)

func TestCancelOrder(t *testing.T) {
	f := newShop(t)
	s := f.supplier("Atlas", 3, data.SupplierActive)
	a1 := f.product("A-1", offer{supplier: s, lead: 3})
	a2 := f.product("A-2", offer{supplier: s, lead: 3})
	f.product("A-3", offer{supplier: s, lead: 3})
	o := f.order("#1", at("2026-03-10", 9), "A-1", "A-2", "A-3")
	other := f.order("#2", at("2026-03-10", 10), "A-1")

	draft := f.po(s, data.PODraft, nil, "", "")
	f.onPO(draft, o.Lines[0], a1[0], data.LineOnDraftPO)
	shared := f.po(s, data.PODraft, nil, "", "")
	f.onPO(shared, other.Lines[0], a1[0], data.LineOnDraftPO)
	sent := f.po(s, data.POSent, ptr(at("2026-03-10", 12)), "2026-03-13", "")
	f.onPO(sent, o.Lines[1], a2[0], data.LineOrdered)
	var sentNumber string
	f.must(f.db.Model(&data.PurchaseOrder{}).Where("id = ?", sent).Pluck("number", &sentNumber).Error)

	res, err := f.a.CancelOrder(o.ID)
	if err != nil {
		t.Fatal(err)
	}
	if res.RemovedFromDrafts != 1 || !slices.Equal(res.TellSuppliers, []string{sentNumber}) {
		t.Errorf("result %+v, want 1 line off a draft and %s to tell", res, sentNumber)
	}
	got := f.reload(o.ID)
	if got.Status != data.OrderCancelled || got.CancelledAt == nil {
		t.Errorf("order status %s, cancelled at %v; want cancelled with a time", got.Status, got.CancelledAt)
	}
	for _, l := range got.Lines {
		if l.State != data.LineCancelled {
			t.Errorf("line %s is %s, want cancelled", l.SKU, l.State)
		}
	}
	want := "cancelled after " + sentNumber + " was sent: tell the supplier"
	if got.Lines[1].Attention != want {
		t.Errorf("line on the sent PO says %q, want %q", got.Lines[1].Attention, want)
	}
	if got.Lines[0].Attention != "" || got.Lines[2].Attention != "" {
		t.Errorf("lines not on sent POs carry notes: %q, %q", got.Lines[0].Attention, got.Lines[2].Attention)
	}
	if n := f.count(&data.PurchaseOrder{}, "id = ?", draft); n != 0 {
		t.Error("the draft PO emptied by the cancel is still there")
	}
	if n := f.count(&data.POLine{}, "purchase_order_id = ?", shared); n != 1 {
		t.Errorf("the other order's draft PO has %d lines, want 1 (untouched)", n)
	}
	if n := f.count(&data.POLine{}, "purchase_order_id = ?", sent); n != 1 {
		t.Errorf("the sent PO has %d lines, want 1: only the supplier can take it back", n)
	}
	if n, _ := f.a.CountOrders(app.OrderQuery{Flag: app.FlagAttention}); n != 1 {
		t.Errorf("needs-attention filter finds %d orders, want 1", n)
	}
	d, err := f.a.OrderDetail(o.ID)
	f.must(err)
	last := d.Timeline[len(d.Timeline)-1]
	if last.Stage != app.StageCancelled || !last.Done {
		t.Errorf("timeline ends with %+v, want the cancellation", last)
	}
}

func TestCancelKeepsReceivedGoodsAsStock(t *testing.T) {
	f := newShop(t)
	s := f.supplier("Atlas", 3, data.SupplierActive)
	a1 := f.product("A-1", offer{supplier: s, lead: 3})
	o := f.order("#1", at("2026-03-10", 9), "A-1")
	po := f.po(s, data.POReceived, ptr(at("2026-03-10", 12)), "2026-03-13", "")
	pl := f.onPO(po, o.Lines[0], a1[0], data.LineReceived)
	f.receive(po, pl, at("2026-03-12", 9), 1)
	res, err := f.a.CancelOrder(o.ID)
	f.must(err)
	if res.KeptAsStock != 1 || len(res.TellSuppliers) != 0 {
		t.Errorf("result %+v, want 1 unit kept and no supplier to tell", res)
	}
	if n := f.count(&data.Leftover{}, "qty = 1"); n != 1 {
		t.Errorf("%d leftovers of 1 unit, want 1", n)
	}
	if a := f.reload(o.ID).Lines[0].Attention; !strings.Contains(a, "spare stock") {
		t.Errorf("line note %q does not say where the goods went", a)
	}
}

func TestCancelRefusals(t *testing.T) {
	f := newShop(t)
	shipped := f.order("#1", at("2026-03-10", 9), "X-1")
	f.must(f.db.Model(&data.OrderLine{}).Where("order_id = ?", shipped.ID).Update("state", data.LineShipped).Error)
	f.must(f.db.Model(&data.Order{}).Where("id = ?", shipped.ID).Update("status", data.OrderShipped).Error)
	done := f.order("#2", at("2026-03-10", 9), "X-1")
	if _, err := f.a.CancelOrder(done.ID); err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name string
		id   uint
		want string
	}{
		{"shipped", shipped.ID, "open a return"},
		{"already cancelled", done.ID, "already cancelled"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := f.a.CancelOrder(c.id)
			var ie *app.InputError
			if !errors.As(err, &ie) || !strings.Contains(err.Error(), c.want) {
				t.Fatalf("error %v, want an input error saying %q", err, c.want)
			}
		})
	}
	if st := f.reload(shipped.ID).Status; st != data.OrderShipped {
		t.Errorf("the shipped order became %s", st)
	}
	if _, err := f.a.CancelOrder(9999); !errors.Is(err, app.ErrNotFound) {
		t.Errorf("cancelling a missing order: %v, want ErrNotFound", err)
	}
}
