package app_test

import (
	"testing"
	"time"

	"clockwork/data"
)

func TestPromiseDate(t *testing.T) {
	placed := at("2026-03-10", 9) // a Tuesday morning
	cases := []struct {
		name     string
		handling int
		setup    func(f *shopFixture) []string // returns the order's SKUs
		want     data.Day
	}{
		{"one line: quoted lead + handling", 1, func(f *shopFixture) []string {
			s := f.supplier("Atlas", 9, data.SupplierActive)
			f.product("A-1", offer{supplier: s, lead: 3})
			return []string{"A-1"}
		}, "2026-03-14"},
		{"the slowest line decides", 1, func(f *shopFixture) []string {
			s := f.supplier("Atlas", 9, data.SupplierActive)
			f.product("A-1", offer{supplier: s, lead: 2})
			f.product("A-2", offer{supplier: s, lead: 5})
			return []string{"A-1", "A-2"}
		}, "2026-03-16"},
		{"offer without own lead days uses the supplier's SLA", 2, func(f *shopFixture) []string {
			s := f.supplier("Atlas", 4, data.SupplierActive)
			f.product("A-1", offer{supplier: s, lead: 0})
			return []string{"A-1"}
		}, "2026-03-16"},
		{"preferred offer (priority 1) even when another is faster", 1, func(f *shopFixture) []string {
			slow := f.supplier("Slow", 9, data.SupplierActive)
			fast := f.supplier("Fast", 1, data.SupplierActive)
			f.product("A-1", offer{supplier: slow, lead: 7, priority: 1}, offer{supplier: fast, lead: 1, priority: 2})
			return []string{"A-1"}
		}, "2026-03-18"},
		{"same priority: the cheaper offer", 0, func(f *shopFixture) []string {
			dear := f.supplier("Dear", 9, data.SupplierActive)
			cheap := f.supplier("Cheap", 9, data.SupplierActive)
			f.product("A-1", offer{supplier: dear, lead: 2, cost: 900}, offer{supplier: cheap, lead: 6, cost: 500})
			return []string{"A-1"}
		}, "2026-03-16"},
		{"a blocked supplier's offer is skipped", 1, func(f *shopFixture) []string {
			blocked := f.supplier("Blocked", 1, data.SupplierBlocked)
			other := f.supplier("Other", 9, data.SupplierActive)
			f.product("A-1", offer{supplier: blocked, lead: 1, priority: 1}, offer{supplier: other, lead: 4, priority: 2})
			return []string{"A-1"}
		}, "2026-03-15"},
		{"unknown SKU adds nothing; the known line decides", 1, func(f *shopFixture) []string {
			s := f.supplier("Atlas", 9, data.SupplierActive)
			f.product("A-1", offer{supplier: s, lead: 2})
			return []string{"A-1", "NOPE-1"}
		}, "2026-03-13"},
		{"only unknown SKUs: handling days alone", 3, func(f *shopFixture) []string {
			return []string{"NOPE-1"}
		}, "2026-03-13"},
		{"five received lines: the supplier's real p90 wins over its quote", 1, func(f *shopFixture) []string {
			s := f.supplier("Atlas", 9, data.SupplierActive)
			offers := f.product("A-1", offer{supplier: s, lead: 2})
			history(f, s, offers[0], []int{2, 2, 3, 3, 9})
			return []string{"A-1"}
		}, "2026-03-20"},
		{"four received lines are not enough history", 1, func(f *shopFixture) []string {
			s := f.supplier("Atlas", 9, data.SupplierActive)
			offers := f.product("A-1", offer{supplier: s, lead: 2})
			history(f, s, offers[0], []int{8, 8, 8, 8})
			return []string{"A-1"}
		}, "2026-03-13"},
		{"p90 by nearest rank over ten lines", 0, func(f *shopFixture) []string {
			s := f.supplier("Atlas", 9, data.SupplierActive)
			offers := f.product("A-1", offer{supplier: s, lead: 2})
			history(f, s, offers[0], []int{1, 1, 1, 2, 2, 2, 3, 3, 4, 12})
			return []string{"A-1"}
		}, "2026-03-14"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			f := newShop(t)
			f.setHandling(c.handling)
			skus := c.setup(f)
			o := f.order("#1", placed, skus...)
			if o.ShipBy != c.want {
				t.Errorf("ship by %s, want %s", o.ShipBy, c.want)
			}
			if got := f.reload(o.ID).ShipBy; got != c.want {
				t.Errorf("stored ship by %s, want %s", got, c.want)
			}
		})
	}
}

// history records received PO lines of the supplier that took the given days each, sent
// in the weeks before the test's order.
func history(f *shopFixture, supplier, offerID uint, days []int) {
	f.t.Helper()
	old := f.order("#H", at("2026-01-05", 9), "A-1")
	for i, d := range days {
		sent := at("2026-01-05", 10).AddDate(0, 0, i)
		po := f.po(supplier, data.POReceived, &sent, data.DayOf(sent, time.UTC).AddDays(2), "")
		pl := f.onPO(po, old.Lines[0], offerID, data.LineReceived)
		f.receive(po, pl, sent.AddDate(0, 0, d).Add(3*time.Hour), 1)
	}
}

func TestPromiseFollowsTheChosenOffer(t *testing.T) {
	f := newShop(t)
	slow := f.supplier("Slow", 9, data.SupplierActive)
	fast := f.supplier("Fast", 1, data.SupplierActive)
	offers := f.product("A-1", offer{supplier: slow, lead: 8, priority: 1}, offer{supplier: fast, lead: 2, priority: 2})
	o := f.order("#1", at("2026-03-10", 9), "A-1")
	if o.ShipBy != "2026-03-19" {
		t.Fatalf("before planning: ship by %s, want 2026-03-19 (preferred offer, 8 days + 1)", o.ShipBy)
	}
	po := f.po(fast, data.PODraft, nil, "", "")
	f.onPO(po, o.Lines[0], offers[1], data.LineOnDraftPO)
	if err := f.a.RecomputePromises(o.ID); err != nil {
		t.Fatal(err)
	}
	if got := f.reload(o.ID).ShipBy; got != "2026-03-13" {
		t.Errorf("after planning with the fast offer: ship by %s, want 2026-03-13", got)
	}
}

func TestPromiseUsesTheShopsTimeZone(t *testing.T) {
	f := newShop(t)
	shop, _ := f.a.Shop()
	shop.TimeZone = "Europe/Berlin"
	f.must(f.a.SaveShop(shop))
	s := f.supplier("Atlas", 9, data.SupplierActive)
	f.product("A-1", offer{supplier: s, lead: 2})
	// 23:30 UTC on the 10th is already the 11th in Berlin.
	o := f.order("#1", at("2026-03-10", 23).Add(30*time.Minute), "A-1")
	if o.ShipBy != "2026-03-14" {
		t.Errorf("ship by %s, want 2026-03-14 (placed on the 11th, Berlin time)", o.ShipBy)
	}
}
