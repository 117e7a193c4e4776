package app_test

import (
	"context"
	"errors"
	"strings"
	"testing"

	"clockwork/app"
	"clockwork/data"
)

// terms sets a supplier's charges.
func (s *buyShop) terms(name string, t data.SupplierTerms) {
	s.t.Helper()
	sp := s.suppliers[name]
	sp.Terms = t
	if err := s.a.SaveSupplier(&sp); err != nil {
		s.t.Fatalf("terms of %s: %v", name, err)
	}
	s.suppliers[name] = sp
}

// shipBy moves an order's ship-by day, as if it had been promised so.
func (s *buyShop) shipBy(o data.Order, day data.Day) {
	s.t.Helper()
	if err := s.a.DBForTest().Model(&data.Order{}).Where("id = ?", o.ID).Update("ship_by", day).Error; err != nil {
		s.t.Fatal(err)
	}
}

// lineOf finds the planned line of a SKU and the PO it is on.
func lineOf(t *testing.T, p app.Plan, sku string) (app.PlannedPO, app.PlannedLine) {
	t.Helper()
	for _, po := range p.POs {
		for _, l := range po.Lines {
			if l.SKU == sku {
				return po, l
			}
		}
	}
	t.Fatalf("%s is on no PO of %+v", sku, p.POs)
	return app.PlannedPO{}, app.PlannedLine{}
}

const today = data.Day("2026-03-12")

// TestLandedCostWidgets is the owner's case: 3 widgets sold; A sells at €10.00 with no
// minimum, B at €8.00 with a minimum of 5. B would cost €40.00 and leave 2 widgets nobody
// ordered; A costs €30.00 for exactly what was sold, under cheapest and balanced alike.
func TestLandedCostWidgets(t *testing.T) {
	for _, policy := range []app.Policy{app.PolicyCheapest, app.PolicyBalanced} {
		s := newBuyShop(t)
		s.supplier("A", 3)
		s.supplier("B", 3)
		s.product("WIDGET")
		s.offer("WIDGET", "B", data.Offer{UnitCost: 800, MinQty: 5, LeadDays: 3}) // the owner's first choice
		s.offer("WIDGET", "A", data.Offer{UnitCost: 1000, LeadDays: 3})
		s.order(map[string]int{"WIDGET": 3})
		p := s.plan(app.PlanOptions{Policy: policy})
		po, l := lineOf(t, p, "WIDGET")
		if po.Supplier != "A" || p.Cost() != 3000 || len(po.Surplus) != 0 {
			t.Errorf("%s: bought from %s for %s with surplus %v; want A for 30.00 and none", policy, po.Supplier, p.Cost(), po.Surplus)
		}
		want := app.Choice{Reason: app.ReasonCheaperLanded, Cost: 3000, RunnerUp: "B", RunnerUpCost: 4000}
		if l.Why.Reason != want.Reason || l.Why.Cost != want.Cost || l.Why.RunnerUp != want.RunnerUp || l.Why.RunnerUpCost != want.RunnerUpCost {
			t.Errorf("%s: why %+v, want %+v", policy, l.Why, want)
		}
	}
}

// TestLandedCostConsolidates: the whole plan, not line by line. Each row is worked by hand;
// each runs through the exact search and through the heuristic of large plans.
func TestLandedCostConsolidates(t *testing.T) {
	cases := []struct {
		name  string
		setup func(s *buyShop)
		want  map[string]string // SKU → supplier
		cost  data.Money
		check func(t *testing.T, p app.Plan)
	}{{
		// Line by line MUG goes to Mugs & Co (9.00 + 5.00 fee = 14.00 < 15.00) and CUP to Cups
		// Ltd (14.00 < 15.00): 28.00. One PO at Both pays one fee: 10 + 10 + 5 = 25.00.
		name: "one order fee for two lines",
		setup: func(s *buyShop) {
			for _, n := range []string{"Both", "Mugs & Co", "Cups Ltd"} {
				s.supplier(n, 3)
				s.terms(n, data.SupplierTerms{OrderFee: 500})
			}
			s.product("MUG")
			s.product("CUP")
			s.offer("MUG", "Both", data.Offer{UnitCost: 1000})
			s.offer("CUP", "Both", data.Offer{UnitCost: 1000})
			s.offer("MUG", "Mugs & Co", data.Offer{UnitCost: 900})
			s.offer("CUP", "Cups Ltd", data.Offer{UnitCost: 900})
			s.order(map[string]int{"MUG": 1, "CUP": 1})
		},
		want: map[string]string{"MUG": "Both", "CUP": "Both"},
		cost: 2500,
		check: func(t *testing.T, p app.Plan) {
			if len(p.POs) != 1 || p.POs[0].Fee != 500 {
				t.Errorf("POs %+v, want one with one fee of 5.00", p.POs)
			}
		},
	}, {
		// Line by line BOWL goes to Cheap Bowls (28.00 + 10.00 shipping = 38.00 < 40.00), PLATE
		// to Tableware (30.00 + 10.00): 78.00. Both at Tableware: 60.00 of goods reaches its
		// free shipping from 50.00, so 60.00 in all.
		name: "free shipping reached by consolidation",
		setup: func(s *buyShop) {
			s.supplier("Tableware", 3)
			s.supplier("Cheap Bowls", 3)
			s.terms("Tableware", data.SupplierTerms{ShippingCharge: 1000, FreeShippingThreshold: 5000})
			s.terms("Cheap Bowls", data.SupplierTerms{ShippingCharge: 1000})
			s.product("BOWL")
			s.product("PLATE")
			s.offer("BOWL", "Tableware", data.Offer{UnitCost: 3000})
			s.offer("PLATE", "Tableware", data.Offer{UnitCost: 3000})
			s.offer("BOWL", "Cheap Bowls", data.Offer{UnitCost: 2800})
			s.order(map[string]int{"BOWL": 1})
			s.order(map[string]int{"PLATE": 1})
		},
		want: map[string]string{"BOWL": "Tableware", "PLATE": "Tableware"},
		cost: 6000,
		check: func(t *testing.T, p app.Plan) {
			if len(p.POs) != 1 || p.POs[0].Shipping != 0 {
				t.Errorf("POs %+v, want one shipping free", p.POs)
			}
		},
	}, {
		// 2 spare widgets serve the older order of 2; the 5 left fill B's pack of 5 exactly:
		// 40.00 against A's 50.00. Without the spare stock B would cost 80.00 for 7 → 10.
		name: "spare stock makes the pack exact",
		setup: func(s *buyShop) {
			s.supplier("A", 3)
			s.supplier("B", 3)
			s.product("WIDGET")
			s.offer("WIDGET", "A", data.Offer{UnitCost: 1000})
			s.offer("WIDGET", "B", data.Offer{UnitCost: 800, PackSize: 5})
			s.order(map[string]int{"WIDGET": 2})
			s.order(map[string]int{"WIDGET": 5})
			if err := s.a.AddSpareStock(s.products["WIDGET"].ID, 2); err != nil {
				t.Fatal(err)
			}
		},
		want: map[string]string{"WIDGET": "B"},
		cost: 4000,
		check: func(t *testing.T, p app.Plan) {
			if len(p.FromLeftovers) != 1 || len(p.POs[0].Surplus) != 0 {
				t.Errorf("from spare %d lines, surplus %v; want 1 and none", len(p.FromLeftovers), p.POs[0].Surplus)
			}
		},
	}}
	for _, c := range cases {
		for _, heuristic := range []bool{false, true} {
			t.Run(c.name, func(t *testing.T) {
				if heuristic {
					app.SetExactLimitForTest(t, 0)
				}
				s := newBuyShop(t)
				c.setup(s)
				p := s.plan(app.PlanOptions{Policy: app.PolicyCheapest})
				for sku, want := range c.want {
					if got := chosenSupplier(p, sku); got != want {
						t.Errorf("heuristic %v: %s bought from %q, want %s", heuristic, sku, got, want)
					}
				}
				if p.Cost() != c.cost {
					t.Errorf("heuristic %v: plan costs %s, want %s", heuristic, p.Cost(), c.cost)
				}
				c.check(t, p)
				if heuristic {
					res := s.purchase(app.PlanOptions{Policy: app.PolicyCheapest})
					for i, id := range res.POIDs {
						po, err := s.a.PurchaseOrder(id)
						if err != nil || po.ShippingCost != res.POs[i].Shipping {
							t.Errorf("%s records shipping %s (%v), want the plan's %s", res.PONumbers[i], po.ShippingCost, err, res.POs[i].Shipping)
						}
					}
				}
				if p.Search == "" {
					t.Error("the plan does not say how it chose")
				}
			})
		}
	}
}

// TestOpenDraftSurplusIsFree: B's open draft already holds 2 surplus widgets (3 ordered,
// minimum 5). A new order for 2 takes them: 0.00 more at B against 20.00 at A.
func TestOpenDraftSurplusIsFree(t *testing.T) {
	s := newBuyShop(t)
	s.supplier("A", 3)
	s.supplier("B", 3)
	s.product("WIDGET")
	s.offer("WIDGET", "B", data.Offer{UnitCost: 800, MinQty: 5}) // the owner's first choice
	s.offer("WIDGET", "A", data.Offer{UnitCost: 1000})
	s.order(map[string]int{"WIDGET": 3})
	first := s.purchase(app.PlanOptions{Policy: app.PolicyPreferred})
	if len(first.POs) != 1 || first.POs[0].Supplier != "B" || first.POs[0].Surplus[0].Qty != 2 {
		t.Fatalf("first purchase %+v, want B with 2 surplus", first.POs)
	}
	s.order(map[string]int{"WIDGET": 2})
	p := s.plan(app.PlanOptions{Policy: app.PolicyCheapest})
	po, l := lineOf(t, p, "WIDGET")
	if po.Supplier != "B" || po.Cost != 0 || l.Why.Cost != 0 || l.Why.RunnerUpCost != 2000 {
		t.Errorf("plan %s adding %s (why %+v), want B adding 0.00 against A's 20.00", po.Supplier, po.Cost, l.Why)
	}
	if len(po.Surplus) != 1 || po.Surplus[0].Qty != 0 || po.Surplus[0].Was != 2 {
		t.Errorf("surplus %+v, want the draft's 2 taken up", po.Surplus)
	}
}

// TestInTimeFirst: Slowpoke sells at 5.00 in 10 days, Express at 9.00 in 2. With ship-by in 5
// days Express is chosen as the only one in time; with ship-by tomorrow neither makes it, so
// the cheapest is taken and the order is listed as late, saying why.
func TestInTimeFirst(t *testing.T) {
	cases := []struct {
		name   string
		shipBy data.Day
		cutoff string
		want   string
		reason app.ChoiceReason
		late   bool
	}{
		{"one in time", today.AddDays(5), "", "Express", app.ReasonOnlyInTime, false},
		{"none in time", today.AddDays(1), "", "Slowpoke", app.ReasonNoneInTime, true},
		// It is 14:30: past Express's 12:00 cut-off its goods leave tomorrow, arriving in 3 days.
		{"cut-off passed", today.AddDays(2), "12:00", "Slowpoke", app.ReasonNoneInTime, true},
		{"cut-off not yet", today.AddDays(2), "16:00", "Express", app.ReasonOnlyInTime, false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s := newBuyShop(t)
			s.supplier("Slowpoke", 10)
			express := s.supplier("Express", 2)
			express.OrderCutoff = c.cutoff
			if err := s.a.SaveSupplier(&express); err != nil {
				t.Fatal(err)
			}
			s.product("LAMP")
			s.offer("LAMP", "Slowpoke", data.Offer{UnitCost: 500, LeadDays: 10})
			s.offer("LAMP", "Express", data.Offer{UnitCost: 900, LeadDays: 2})
			o := s.order(map[string]int{"LAMP": 1})
			s.shipBy(o, c.shipBy)
			p := s.plan(app.PlanOptions{Policy: app.PolicyCheapest})
			po, l := lineOf(t, p, "LAMP")
			if po.Supplier != c.want || l.Why.Reason != c.reason {
				t.Errorf("bought from %s because %s (%s); want %s because %s", po.Supplier, l.Why.Reason, l.Why.Detail, c.want, c.reason)
			}
			if c.late != (len(p.Late) == 1) {
				t.Fatalf("late lines %+v, want late %v", p.Late, c.late)
			}
			if c.late && (p.Late[0].OrderNumber != o.Number || !strings.Contains(p.Late[0].Detail, "will ship late") ||
				!strings.Contains(p.Late[0].Detail, string(c.shipBy))) {
				t.Errorf("late %+v does not say the order ships late after %s", p.Late[0], c.shipBy)
			}
			if len(p.Exceptions) != 0 || p.LinesPlanned() != 1 {
				t.Errorf("a late line is still bought: planned %d, exceptions %v", p.LinesPlanned(), p.Exceptions)
			}
		})
	}
}

// TestPromiseCountsOnlyBuyableOffers: the preferred offer's supplier is paused, so planning
// will never buy from it; the promise date is made from the offer planning would buy.
func TestPromiseCountsOnlyBuyableOffers(t *testing.T) {
	for _, status := range []data.SupplierStatus{data.SupplierPaused, data.SupplierProspect, data.SupplierBlocked} {
		s := newBuyShop(t)
		s.supplier("Resting", 20)
		s.supplier("Fine", 3)
		s.product("MUG")
		s.offer("MUG", "Resting", data.Offer{UnitCost: 100, LeadDays: 20})
		s.offer("MUG", "Fine", data.Offer{UnitCost: 300, LeadDays: 3})
		if err := s.a.SetSupplierStatus(s.suppliers["Resting"].ID, status); err != nil {
			t.Fatal(err)
		}
		o := s.order(map[string]int{"MUG": 1})
		det, err := s.a.OrderDetail(o.ID)
		if err != nil {
			t.Fatal(err)
		}
		if want := today.AddDays(3 + 1); det.Order.ShipBy != want {
			t.Errorf("preferred supplier %s: ship-by %s, want %s from Fine's 3 days + 1 handling", status, det.Order.ShipBy, want)
		}
	}
}

// TestPurchaseCancelledBuysNothing: a purchase cancelled before it commits writes nothing.
func TestPurchaseCancelledBuysNothing(t *testing.T) {
	s := newBuyShop(t)
	s.supplier("A", 3)
	s.product("WIDGET")
	s.offer("WIDGET", "A", data.Offer{UnitCost: 1000})
	s.order(map[string]int{"WIDGET": 3})
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := s.a.PurchaseWith(app.PlanOptions{Context: ctx, Ratings: map[uint]app.SupplierRating{}}); !errors.Is(err, context.Canceled) {
		t.Fatalf("cancelled purchase: %v, want context.Canceled", err)
	}
	if p := s.plan(app.PlanOptions{}); p.LinesToBuy() != 1 || p.POs[0].DraftNumber != "" {
		t.Errorf("after a cancelled purchase the line is still to buy on a new PO: %+v", p.POs)
	}
}

// TestPromiseSkipsVeryPoorSuppliers: once planning has read the scorecards, a promise made
// for a new order skips the supplier they rate very poor, as planning does.
func TestPromiseSkipsVeryPoorSuppliers(t *testing.T) {
	s := newBuyShop(t)
	s.supplier("Dread", 20)
	s.supplier("Fine", 3)
	s.product("MUG")
	s.offer("MUG", "Dread", data.Offer{UnitCost: 100, LeadDays: 20})
	s.offer("MUG", "Fine", data.Offer{UnitCost: 300, LeadDays: 3})
	ratings := map[uint]app.SupplierRating{s.suppliers["Dread"].ID: {Standing: app.StandingVeryPoor}}
	s.plan(app.PlanOptions{Ratings: ratings})
	o := s.order(map[string]int{"MUG": 1})
	det, err := s.a.OrderDetail(o.ID)
	if err != nil {
		t.Fatal(err)
	}
	if want := today.AddDays(3 + 1); det.Order.ShipBy != want {
		t.Errorf("ship-by %s, want %s from Fine's 3 days: Dread stands very poor", det.Order.ShipBy, want)
	}
}
