package app_test

import (
	"strings"
	"testing"

	"clockwork/data"
)

func TestDispositions(t *testing.T) {
	cases := []struct {
		d     data.Disposition
		check func(t *testing.T, f *returnsShop, o data.Order, r data.Return)
	}{
		{data.DispositionRefund, nothingElse},
		{data.DispositionDiscard, nothingElse},
		{data.DispositionReplace, func(t *testing.T, f *returnsShop, o data.Order, r data.Return) {
			got := f.reload(o.ID)
			if len(got.Lines) != 2 {
				t.Fatalf("order has %d lines, want the mug and its replacement", len(got.Lines))
			}
			repl := got.Lines[1]
			if repl.SKU != "MUG-1" || repl.Qty != 2 || repl.State != data.LineUnpurchased || repl.ProductID == nil {
				t.Errorf("replacement line %+v, want 2 × MUG-1 unpurchased", repl)
			}
			if got.Status != data.OrderNew {
				t.Errorf("order is %s, want new: the replacement goes through purchasing again", got.Status)
			}
			c, err := f.a.TodayCounts()
			f.must(err)
			if c.ToPurchase != 1 {
				t.Errorf("Today shows %d orders to purchase, want the replaced one", c.ToPurchase)
			}
			d, _ := f.a.ReturnDetail(r.ID)
			if d.Lines[0].ReplacementLineID == nil || *d.Lines[0].ReplacementLineID != repl.ID || d.Lines[0].Replacement != data.LineUnpurchased {
				t.Errorf("return line points at %v (%s), want %d", d.Lines[0].ReplacementLineID, d.Lines[0].Replacement, repl.ID)
			}
		}},
		{data.DispositionReturnToSupplier, func(t *testing.T, f *returnsShop, o data.Order, r data.Return) {
			var evs []data.SupplierEvent
			f.must(f.db.Where("supplier_id = ?", f.atlas).Find(&evs).Error)
			if len(evs) != 1 || evs[0].Kind != data.EventIssue || evs[0].PurchaseOrderID == nil {
				t.Fatalf("Atlas's log: %+v, want one issue about its PO", evs)
			}
			for _, want := range []string{r.Number, "#1001", "2 × MUG-1", "defective", "Kam kaputt an"} {
				if !strings.Contains(evs[0].Text, want) {
					t.Errorf("claim %q does not say %q", evs[0].Text, want)
				}
			}
			if n := f.count(&data.SupplierEvent{}, "supplier_id = ?", f.flint); n != 0 {
				t.Errorf("Flint, which did not deliver the mug, has %d log entries", n)
			}
		}},
		{data.DispositionKeepAsStock, func(t *testing.T, f *returnsShop, o data.Order, r data.Return) {
			var left []data.Leftover
			f.must(f.db.Find(&left).Error)
			if len(left) != 1 || left[0].Qty != 2 || left[0].Source != data.LeftoverReturn || left[0].ProductID != *o.Lines[0].ProductID || left[0].ReturnLineID == nil {
				t.Errorf("leftovers %+v, want 2 mugs kept from the return", left)
			}
		}},
	}
	for _, c := range cases {
		t.Run(string(c.d), func(t *testing.T) {
			f := newReturnsShop(t)
			o := f.shippedOrder("#1001", f.shippedAt, f.mug)
			r := f.openReturn(o, data.ReasonDefective, map[int]int{0: 2})
			f.decide(r, c.d)
			f.receiveAndClose(r)
			c.check(t, f, o, r)
		})
	}
}

// nothingElse checks that a refund or discard only records the decision.
func nothingElse(t *testing.T, f *returnsShop, o data.Order, r data.Return) {
	t.Helper()
	if n := f.count(&data.OrderLine{}, ""); n != 1 {
		t.Errorf("%d order lines, want only the original", n)
	}
	if n := f.count(&data.Leftover{}, "") + f.count(&data.SupplierEvent{}, ""); n != 0 {
		t.Errorf("%d leftovers or supplier events made", n)
	}
	if got := f.reload(o.ID).Status; got != data.OrderPartiallyReturned {
		t.Errorf("order is %s, want partially_returned", got)
	}
	d, _ := f.a.ReturnDetail(r.ID)
	if d.Status != data.ReturnClosed {
		t.Errorf("return is %s, want closed", d.Status)
	}
}

func TestDispositionsThatNeedASupplierOrAProduct(t *testing.T) {
	f := newReturnsShop(t)
	o := f.order("#1001", f.shippedAt, "MUG-1") // shipped from units bought outside Clockwork
	f.must(f.db.Model(&data.OrderLine{}).Where("id = ?", o.Lines[0].ID).Update("state", data.LineShipped).Error)
	r := f.openReturn(o, data.ReasonDefective, map[int]int{0: 1})
	f.decide(r, data.DispositionReturnToSupplier)
	f.must(f.a.ReceiveReturn(r.ID, f.clock.T))
	_, err := f.a.CloseReturn(r.ID)
	if err == nil || !strings.Contains(err.Error(), "no supplier can take it back") {
		t.Fatalf("return to supplier of an untraced line: %v", err)
	}
	if d, _ := f.a.ReturnDetail(r.ID); d.Status != data.ReturnReceived {
		t.Errorf("a refused close left the return %s", d.Status)
	}
}
