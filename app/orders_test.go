package app_test

import (
	"errors"
	"strings"
	"testing"

	"clockwork/app"
	"clockwork/data"
)

func manualInput() app.OrderInput {
	return app.OrderInput{Customer: "Zoë Łódź", Email: "zoe@example.com",
		ShipTo: data.Address{Name: "Zoë Łódź", Address1: "Karl-Heine-Straße 42", City: "Leipzig", Zip: "04229", Country: "DE"},
		Note:   "Happy birthday, Oma!", Gift: true,
		Lines: []app.LineInput{{SKU: "MUG-1", Qty: 2, UnitPrice: 1490}}}
}

func TestManualOrder(t *testing.T) {
	f := newShop(t)
	s := f.supplier("Atlas", 3, data.SupplierActive)
	f.product("MUG-1", offer{supplier: s, lead: 2})
	first, err := f.a.AddManualOrder(manualInput())
	if err != nil {
		t.Fatal(err)
	}
	second, err := f.a.AddManualOrder(manualInput())
	if err != nil {
		t.Fatal(err)
	}
	if first.Number != "M-0001" || second.Number != "M-0002" || first.Channel != data.ChannelManual {
		t.Errorf("numbers %s, %s (channel %s)", first.Number, second.Number, first.Channel)
	}
	got := f.reload(first.ID)
	if !got.PlacedAt.Equal(f.clock.T) || got.ShipBy != "2026-03-15" || got.Status != data.OrderNew {
		t.Errorf("placed %s ship by %s status %s; want now, 2026-03-15, new", got.PlacedAt, got.ShipBy, got.Status)
	}
	if got.Lines[0].Title != "Product MUG-1" || got.Lines[0].ProductID == nil || got.Total != 2980 || !got.Gift || got.Note != "Happy birthday, Oma!" {
		t.Errorf("line %+v total %s gift %v note %q", got.Lines[0], got.Total, got.Gift, got.Note)
	}
	if n := f.count(&data.Customer{}, "email = ?", "zoe@example.com"); n != 1 {
		t.Errorf("%d customers for one e-mail, want 1", n)
	}
}

func TestManualOrderChecks(t *testing.T) {
	cases := []struct {
		name  string
		edit  func(in *app.OrderInput)
		field string
	}{
		{"no customer", func(in *app.OrderInput) { in.Customer, in.ShipTo.Name = "", "" }, "customer"},
		{"no street", func(in *app.OrderInput) { in.ShipTo.Address1 = " " }, "address"},
		{"no city", func(in *app.OrderInput) { in.ShipTo.City = "" }, "city"},
		{"no country", func(in *app.OrderInput) { in.ShipTo.Country = "" }, "country"},
		{"bad e-mail", func(in *app.OrderInput) { in.Email = "zoe@" }, "email"},
		{"no lines", func(in *app.OrderInput) { in.Lines = nil }, "lines"},
		{"zero quantity", func(in *app.OrderInput) { in.Lines[0].Qty = 0 }, "line 1 qty"},
		{"absurd quantity", func(in *app.OrderInput) { in.Lines[0].Qty = 1_000_000 }, "line 1 qty"},
		{"negative price", func(in *app.OrderInput) { in.Lines[0].UnitPrice = -1 }, "line 1 price"},
		{"empty line", func(in *app.OrderInput) { in.Lines[0].SKU = "" }, "line 1"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			f := newShop(t)
			in := manualInput()
			c.edit(&in)
			ps := app.CheckManualOrder(in)
			if len(ps) != 1 || ps[0].Field != c.field {
				t.Errorf("problems %v, want one about %q", ps, c.field)
			}
			_, err := f.a.AddManualOrder(in)
			var ie *app.InputError
			if !errors.As(err, &ie) {
				t.Fatalf("saved anyway: %v", err)
			}
			if n := f.count(&data.Order{}, ""); n != 0 {
				t.Errorf("%d orders written", n)
			}
		})
	}
	if ps := app.CheckManualOrder(manualInput()); len(ps) != 0 {
		t.Errorf("a good order has problems: %v", ps)
	}
}

func TestAddOrderTwice(t *testing.T) {
	f := newShop(t)
	f.order("#1", at("2026-03-10", 9), "MUG-1")
	in := app.OrderInput{Channel: data.ChannelShopify, Number: "#1", PlacedAt: at("2026-03-10", 9), Lines: []app.LineInput{{SKU: "X", Qty: 1}}}
	if _, err := f.a.AddOrder(in); !errors.Is(err, app.ErrDuplicateOrder) {
		t.Errorf("second #1: %v, want ErrDuplicateOrder", err)
	}
	in.Channel = data.ChannelWooCommerce // the same number in another shop is another order
	if _, err := f.a.AddOrder(in); err != nil {
		t.Errorf("WooCommerce #1: %v", err)
	}
}

func TestMapUnknownSKU(t *testing.T) {
	f := newShop(t)
	s := f.supplier("Atlas", 3, data.SupplierActive)
	f.product("MUG-1", offer{supplier: s, lead: 4})
	a := f.order("#1", at("2026-03-10", 9), "OLD-MUG")
	b := f.order("#2", at("2026-03-10", 10), "OLD-MUG", "OTHER")
	if a.ShipBy != "2026-03-11" {
		t.Fatalf("unknown SKU: ship by %s, want handling only (2026-03-11)", a.ShipBy)
	}
	n, err := f.a.MapUnknownSKU(a.Lines[0].ID, "MUG-1")
	if err != nil || n != 2 {
		t.Fatalf("mapped %d lines (%v), want 2", n, err)
	}
	for _, id := range []uint{a.ID, b.ID} {
		o := f.reload(id)
		if o.Lines[0].ProductID == nil || o.ShipBy != "2026-03-15" {
			t.Errorf("order %s: product %v, ship by %s; want linked, 2026-03-15", o.Number, o.Lines[0].ProductID, o.ShipBy)
		}
	}
	if f.reload(b.ID).Lines[1].ProductID != nil {
		t.Error("a line with another SKU was linked too")
	}
	c := f.order("#3", at("2026-03-11", 9), "OLD-MUG")
	if c.Lines[0].ProductID == nil {
		t.Error("a later order with the mapped SKU is not linked by itself")
	}
	if n, _ := f.a.CountOrders(app.OrderQuery{Flag: app.FlagUnknownSKU}); n != 1 {
		t.Errorf("%d orders still flagged with unknown SKUs, want 1 (#2's OTHER)", n)
	}
	for _, bad := range []struct {
		line uint
		sku  string
		says string
	}{
		{b.Lines[1].ID, "NOPE", "no product"},
		{b.Lines[1].ID, "", "choose"},
		{a.Lines[0].ID, "MUG-1", "already linked"},
	} {
		_, err := f.a.MapUnknownSKU(bad.line, bad.sku)
		var ie *app.InputError
		if !errors.As(err, &ie) || !strings.Contains(err.Error(), bad.says) {
			t.Errorf("mapping line %d to %q: %v, want an error saying %q", bad.line, bad.sku, err, bad.says)
		}
	}
}

func TestProductSuggestions(t *testing.T) {
	f := newShop(t)
	s := f.supplier("Atlas", 3, data.SupplierActive)
	for _, sku := range []string{"MUG-1", "MUG-2", "BOWL-MUG", "TOWEL_1"} {
		f.product(sku, offer{supplier: s, lead: 1})
	}
	hits, err := f.a.ProductSuggestions("mug", 10)
	f.must(err)
	var got []string
	for _, h := range hits {
		got = append(got, h.SKU)
	}
	if strings.Join(got, " ") != "MUG-1 MUG-2 BOWL-MUG" {
		t.Errorf("suggestions for mug: %v (SKU prefix first)", got)
	}
	if hits, _ := f.a.ProductSuggestions("L_", 10); len(hits) != 1 || hits[0].SKU != "TOWEL_1" {
		t.Errorf("an underscore is matched literally: %+v", hits)
	}
}
