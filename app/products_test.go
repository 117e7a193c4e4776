package app_test

import (
	"errors"
	"strings"
	"testing"
	"time"

	"clockwork/app"
	"clockwork/app/apptest"
	"clockwork/data"
)

func TestSaveProductRefusesBadInput(t *testing.T) {
	a, _ := apptest.NewApp(t)
	mustProduct(t, a, "MUG-1", 1490)
	cases := []struct {
		name  string
		p     data.Product
		field string
	}{
		{"no SKU", data.Product{Title: "Mug"}, "sku"},
		{"SKU on two lines", data.Product{SKU: "A\nB", Title: "Mug"}, "sku"},
		{"no title", data.Product{SKU: "X-1"}, "title"},
		{"negative price", data.Product{SKU: "X-1", Title: "Mug", Price: -1}, "price"},
		{"impossible trial start", data.Product{SKU: "X-1", Title: "Mug", Trial: true, TrialStart: "2026-02-31"}, "trial start"},
		{"SKU taken", data.Product{SKU: "MUG-1", Title: "Other mug"}, "sku"},
		{"offer with pack size 0", data.Product{SKU: "X-1", Title: "Mug", Offers: []data.Offer{{SupplierID: 1, MinQty: 1}}}, "pack size"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := problemFields(t, a.SaveProduct(&c.p))
			if len(got) != 1 || got[0] != c.field {
				t.Errorf("problems name %v, want [%s]", got, c.field)
			}
		})
	}
}

func TestProductActiveAndTrial(t *testing.T) {
	a, _ := apptest.NewApp(t)
	p := data.Product{SKU: "NEW-1", Title: "Linen Apron", Price: 2490, Active: false}
	if err := a.SaveProduct(&p); err != nil {
		t.Fatal(err)
	}
	if got, _ := a.Product(p.ID); got.Active {
		t.Error("a product saved inactive came back active")
	}
	p.Active, p.Trial = true, true
	if err := a.SaveProduct(&p); err != nil {
		t.Fatal(err)
	}
	got, _ := a.Product(p.ID)
	if !got.Active || !got.Trial || got.TrialStart != "2026-03-12" {
		t.Errorf("after activating and starting a trial: %+v, want active trial from today", got)
	}
	p.TrialStart = "2026-13-01"
	if err := a.SaveProduct(&p); err == nil {
		t.Error("an impossible trial start was accepted")
	}
	p.Trial = false
	if err := a.SaveProduct(&p); err != nil {
		t.Fatal(err)
	}
	if got, _ := a.Product(p.ID); got.Trial || got.TrialStart != "" {
		t.Errorf("after ending the trial: trial %v from %q", got.Trial, got.TrialStart)
	}
	gone := data.Product{Base: data.Base{ID: 9999}, SKU: "X", Title: "Y"}
	if err := a.SaveProduct(&gone); !errors.Is(err, app.ErrNotFound) {
		t.Errorf("missing product: %v, want ErrNotFound", err)
	}
}

func TestSaveOfferRefusesBadInput(t *testing.T) {
	a, _ := apptest.NewApp(t)
	s := mustSupplier(t, a, data.Supplier{Name: "Atlas Trading"})
	p := mustProduct(t, a, "MUG-1", 1490)
	ok := data.Offer{ProductID: p.ID, SupplierID: s.ID, SupplierSKU: "AT-1", UnitCost: 500, PackSize: 1, MinQty: 1}
	mustOffer(t, a, ok)
	neg := -3
	cases := []struct {
		name  string
		edit  func(o *data.Offer)
		field string
	}{
		{"no supplier", func(o *data.Offer) { o.SupplierID = 0 }, "supplier"},
		{"no product", func(o *data.Offer) { o.ProductID = 0 }, "product"},
		{"negative cost", func(o *data.Offer) { o.UnitCost = -1 }, "unit cost"},
		{"pack size 0", func(o *data.Offer) { o.PackSize = 0 }, "pack size"},
		{"minimum 0", func(o *data.Offer) { o.MinQty = 0 }, "minimum qty"},
		{"negative lead days", func(o *data.Offer) { o.LeadDays = -2 }, "lead days"},
		{"negative availability", func(o *data.Offer) { o.AvailableQty = &neg }, "available"},
		{"impossible valid from", func(o *data.Offer) { o.ValidFrom = "2026-02-30" }, "valid from"},
		{"ends before it starts", func(o *data.Offer) { o.ValidFrom, o.ValidTo = "2026-04-01", "2026-03-01" }, "valid to"},
		{"same supplier SKU twice", func(o *data.Offer) {}, "supplier sku"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			o := ok
			c.edit(&o)
			got := problemFields(t, a.SaveOffer(&o))
			if len(got) != 1 || got[0] != c.field {
				t.Errorf("problems name %v, want [%s]", got, c.field)
			}
		})
	}
}

// offerOrder lists a product's offers as "supplier SKU:priority", active ones first.
func offerOrder(t *testing.T, a *app.App, productID uint) string {
	t.Helper()
	lines, err := a.ProductOffers(productID)
	if err != nil {
		t.Fatal(err)
	}
	var s []string
	for _, l := range lines {
		mark := ""
		if !l.Active {
			mark = "(off)"
		}
		s = append(s, l.SupplierSKU+mark+":"+string(rune('0'+l.Priority)))
	}
	return strings.Join(s, " ")
}

func TestOfferPriorities(t *testing.T) {
	a, _ := apptest.NewApp(t)
	s1 := mustSupplier(t, a, data.Supplier{Name: "Atlas", Status: data.SupplierActive})
	s2 := mustSupplier(t, a, data.Supplier{Name: "Birch", Status: data.SupplierActive})
	s3 := mustSupplier(t, a, data.Supplier{Name: "Copper", Status: data.SupplierBlocked})
	p := mustProduct(t, a, "MUG-1", 1490)
	o := func(s data.Supplier, sku string) data.Offer {
		return mustOffer(t, a, data.Offer{ProductID: p.ID, SupplierID: s.ID, SupplierSKU: sku, UnitCost: 500, PackSize: 1, MinQty: 1})
	}
	a1, b1, c1 := o(s1, "A"), o(s2, "B"), o(s3, "C")
	steps := []struct {
		name string
		do   func() error
		want string
	}{
		{"new offers go last", func() error { return nil }, "A:1 B:2 C:3"},
		{"make preferred", func() error { return a.MakePreferred(b1.ID) }, "B:1 A:2 C:3"},
		{"withdraw the preferred", func() error { return a.SetOfferActive(b1.ID, false) }, "A:1 C:2 B(off):3"},
		{"bring it back: it queues behind", func() error { return a.SetOfferActive(b1.ID, true) }, "A:1 C:2 B:3"},
	}
	for _, st := range steps {
		if err := st.do(); err != nil {
			t.Fatalf("%s: %v", st.name, err)
		}
		if got := offerOrder(t, a, p.ID); got != st.want {
			t.Errorf("%s: order %s, want %s", st.name, got, st.want)
		}
	}
	if err := a.MakePreferred(c1.ID); err == nil || !strings.Contains(err.Error(), "blocked") {
		t.Errorf("preferring a blocked supplier's offer: %v, want a refusal", err)
	}
	a.SetOfferActive(a1.ID, false)
	if err := a.MakePreferred(a1.ID); err == nil {
		t.Error("a withdrawn offer was made preferred")
	}
}

func TestOfferCostHistoryAndAvailability(t *testing.T) {
	a, clock := apptest.NewApp(t)
	s := mustSupplier(t, a, data.Supplier{Name: "Atlas"})
	p := mustProduct(t, a, "MUG-1", 1490)
	five := 5
	o := mustOffer(t, a, data.Offer{ProductID: p.ID, SupplierID: s.ID, UnitCost: 500, PackSize: 1, MinQty: 1, AvailableQty: &five})
	if o.AvailableAt == nil || !o.AvailableAt.Equal(apptest.Now) {
		t.Errorf("availability dated %v, want now", o.AvailableAt)
	}
	clock.Advance(48 * time.Hour)
	o.LeadDays = 3 // terms change, cost and stock do not
	mustOffer(t, a, o)
	clock.Advance(24 * time.Hour)
	o.UnitCost, o.AvailableQty = 540, nil
	mustOffer(t, a, o)

	costs, err := a.OfferCosts(o.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(costs) != 2 || costs[0].UnitCost != 540 || costs[1].UnitCost != 500 || !costs[0].From.Equal(apptest.Now.Add(72*time.Hour)) {
		t.Errorf("cost history = %+v, want 5.40 from day 3, then 5.00", costs)
	}
	lines, _ := a.ProductOffers(p.ID)
	if l := lines[0]; l.AvailableQty != nil || l.AvailableAt != nil || l.LeadDays != 3 || l.Margin() != 950 {
		t.Errorf("offer after edits = %+v margin %s, want stock unknown, lead 3, margin 9.50", l.Offer, l.Margin())
	}
}

func TestProductListSortsAndFilters(t *testing.T) {
	a, _ := apptest.NewApp(t)
	s := mustSupplier(t, a, data.Supplier{Name: "Atlas"})
	mug, bowl := mustProduct(t, a, "MUG-1", 1490), mustProduct(t, a, "BOWL-2", 2200)
	mustProduct(t, a, "CUP-3", 900)
	mustOffer(t, a, data.Offer{ProductID: mug.ID, SupplierID: s.ID, SupplierSKU: "1", UnitCost: 700, PackSize: 1, MinQty: 1})
	mustOffer(t, a, data.Offer{ProductID: mug.ID, SupplierID: s.ID, SupplierSKU: "2", UnitCost: 500, PackSize: 1, MinQty: 1})
	mustOffer(t, a, data.Offer{ProductID: bowl.ID, SupplierID: s.ID, UnitCost: 2000, PackSize: 1, MinQty: 1})
	bowl.Trial, bowl.TrialStart = true, "2026-03-01"
	if err := a.SaveProduct(&bowl); err != nil {
		t.Fatal(err)
	}

	skus := func(q app.ProductQuery) string {
		t.Helper()
		rows, err := a.Products(q)
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, r := range rows {
			out = append(out, r.SKU)
		}
		return strings.Join(out, " ")
	}
	cases := []struct {
		name string
		q    app.ProductQuery
		want string
	}{
		{"by SKU", app.ProductQuery{}, "BOWL-2 CUP-3 MUG-1"},
		{"by best margin, largest first", app.ProductQuery{ListQuery: app.ListQuery{Sort: "margin", Desc: true}}, "MUG-1 BOWL-2 CUP-3"},
		{"by offers", app.ProductQuery{ListQuery: app.ListQuery{Sort: "offers", Desc: true}}, "MUG-1 BOWL-2 CUP-3"},
		{"search title", app.ProductQuery{ListQuery: app.ListQuery{Search: "product cup"}}, "CUP-3"},
		{"trials", app.ProductQuery{Show: app.ShowTrial}, "BOWL-2"},
		{"nobody supplies", app.ProductQuery{Show: app.ShowNoOffer}, "CUP-3"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := skus(c.q); got != c.want {
				t.Errorf("got %q, want %q", got, c.want)
			}
		})
	}
	rows, _ := a.Products(app.ProductQuery{ListQuery: app.ListQuery{Search: "MUG"}})
	if m := rows[0].BestMargin(); len(rows) != 1 || rows[0].Offers != 2 || m == nil || *m != 990 {
		t.Errorf("mug row = %+v, want 2 offers and best margin 9.90", rows)
	}
	if _, err := a.Products(app.ProductQuery{Show: "sold_out"}); err == nil {
		t.Error("an unknown list was accepted")
	}
}
