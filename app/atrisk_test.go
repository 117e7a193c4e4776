package app_test

import (
	"testing"

	"clockwork/app"
	"clockwork/data"
)

func TestAtRisk(t *testing.T) {
	// The order is placed on 2026-03-10 with a 3-day offer and 1 handling day: ship by 03-14.
	cases := []struct {
		name      string
		poStatus  data.POStatus
		promised  data.Day
		expected  data.Day
		lineState data.LineState
		cancel    bool
		want      bool
	}{
		{"sent PO promised after ship-by", data.POSent, "2026-03-15", "", data.LineOrdered, false, true},
		{"sent PO promised on the ship-by day", data.POSent, "2026-03-14", "", data.LineOrdered, false, false},
		{"acknowledged, expected date revised past ship-by", data.POAcknowledged, "2026-03-12", "2026-03-16", data.LineOrdered, false, true},
		{"expected date revised back in time", data.POAcknowledged, "2026-03-16", "2026-03-13", data.LineOrdered, false, false},
		{"partially received, the rest late", data.POPartiallyReceived, "2026-03-18", "", data.LineOrdered, false, true},
		{"draft PO has no date yet", data.PODraft, "", "", data.LineOnDraftPO, false, false},
		{"the line already arrived", data.POReceived, "2026-03-18", "", data.LineReceived, false, false},
		{"cancelled order is never at risk", data.POSent, "2026-03-18", "", data.LineOrdered, true, false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			f := newShop(t)
			s := f.supplier("Atlas", 3, data.SupplierActive)
			offers := f.product("A-1", offer{supplier: s, lead: 3})
			o := f.order("#1", at("2026-03-10", 9), "A-1")
			if o.ShipBy != "2026-03-14" {
				t.Fatalf("ship by %s, want 2026-03-14", o.ShipBy)
			}
			var sent = ptr(at("2026-03-10", 12))
			if c.poStatus == data.PODraft {
				sent = nil
			}
			po := f.po(s, c.poStatus, sent, c.promised, c.expected)
			f.onPO(po, o.Lines[0], offers[0], c.lineState)
			if c.cancel {
				if _, err := f.a.CancelOrder(o.ID); err != nil {
					t.Fatal(err)
				}
			}
			if err := f.a.RecomputeAtRisk(o.ID); err != nil {
				t.Fatal(err)
			}
			if got := f.reload(o.ID).AtRisk; got != c.want {
				t.Errorf("at risk = %v, want %v", got, c.want)
			}
			if err := f.a.RecomputeAtRisk(); err != nil { // every order: the same answer
				t.Fatal(err)
			}
			if got := f.reload(o.ID).AtRisk; got != c.want {
				t.Errorf("after recomputing all: at risk = %v, want %v", got, c.want)
			}
		})
	}
}

func TestAtRiskClearsWhenTheSupplierCatchesUp(t *testing.T) {
	f := newShop(t)
	s := f.supplier("Atlas", 3, data.SupplierActive)
	offers := f.product("A-1", offer{supplier: s, lead: 3})
	o := f.order("#1", at("2026-03-10", 9), "A-1")
	po := f.po(s, data.POSent, ptr(at("2026-03-10", 12)), "2026-03-17", "")
	f.onPO(po, o.Lines[0], offers[0], data.LineOrdered)
	f.must(f.a.RecomputeAtRisk())
	if !f.reload(o.ID).AtRisk {
		t.Fatal("want at risk while the PO is promised for the 17th")
	}
	if n, err := f.a.CountOrders(app.OrderQuery{Flag: app.FlagAtRisk}); err != nil || n != 1 {
		t.Errorf("at-risk filter finds %d orders (%v), want 1", n, err)
	}
	f.must(f.db.Model(&data.PurchaseOrder{}).Where("id = ?", po).Update("expected_date", "2026-03-13").Error)
	f.must(f.a.RecomputeAtRiskForPOs(po)) // what purchasing does after the supplier's answer
	if f.reload(o.ID).AtRisk {
		t.Error("still at risk after the supplier said the 13th")
	}
	counts, err := f.a.TodayCounts()
	f.must(err)
	if counts.AtRisk != 0 {
		t.Errorf("Today counts %d at risk, want 0", counts.AtRisk)
	}
}

// Orders long past their ship-by day are the worst risk: Today counts them and the At risk
// filter lists them, though nothing on a PO makes them "likely to miss" any more.
func TestLateOrdersCountAsAtRisk(t *testing.T) {
	f := newShop(t)
	s := f.supplier("Atlas", 3, data.SupplierActive)
	f.product("A-1", offer{supplier: s, lead: 3})
	late := f.order("#1", f.clock.T.AddDate(0, -11, 0), "A-1")
	f.order("#2", f.clock.T, "A-1") // placed today: in time
	shipped := f.order("#3", f.clock.T.AddDate(0, -11, 0), "A-1")
	f.must(f.db.Model(&data.Order{}).Where("id = ?", shipped.ID).Update("status", data.OrderShipped).Error)
	c, err := f.a.TodayCounts()
	f.must(err)
	if c.AtRisk != 1 {
		t.Errorf("Today counts %d orders at risk, want the one eleven months late", c.AtRisk)
	}
	list, err := f.a.FindOrders(app.OrderQuery{Flag: app.FlagAtRisk})
	f.must(err)
	if list.Total != 1 || list.Rows[0].ID != late.ID {
		t.Errorf("the At risk filter lists %+v, want only #1", list.Rows)
	}
}
