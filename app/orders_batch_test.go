package app_test

import (
	"errors"
	"testing"

	"clockwork/app"
	"clockwork/data"
)

func TestAddOrdersStoresEachAsAddOrderWould(t *testing.T) {
	f := newShop(t)
	s := f.supplier("Atlas", 3, data.SupplierActive)
	f.product("MUG-1", offer{supplier: s, lead: 2})
	f.order("#1", at("2026-03-10", 9), "MUG-1")
	a := app.OrderInput{Channel: data.ChannelShopify, Number: "#2", PlacedAt: at("2026-03-11", 9), Customer: "Zoë Łódź", Email: "zoe@example.com",
		Lines: []app.LineInput{{SKU: "MUG-1", Qty: 2, UnitPrice: 1490}, {SKU: "OLD-MUG", Title: "Old mug", Qty: 1, UnitPrice: 990}}}
	b := manualInput() // no number: the next manual one
	b.Channel = data.ChannelManual
	c := b
	got, err := f.a.AddOrders([]app.OrderInput{a, b, c})
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 3 || got[0].Number != "#2" || got[1].Number != "M-0001" || got[2].Number != "M-0002" {
		t.Fatalf("orders %+v", got)
	}
	o := f.reload(got[0].ID)
	if o.ShipBy != "2026-03-14" || o.Status != data.OrderNew || len(o.Lines) != 2 || o.Lines[0].ProductID == nil || o.Lines[1].ProductID != nil {
		t.Errorf("#2: ship by %s (want 2026-03-14) status %s lines %+v", o.ShipBy, o.Status, o.Lines)
	}
	if n := f.count(&data.Customer{}, "email = ?", "zoe@example.com"); n != 1 {
		t.Errorf("%d customers for one e-mail over three orders, want 1", n)
	}
	if n := f.count(&data.Order{}, ""); n != 4 {
		t.Errorf("%d orders stored, want 4", n)
	}
}

func TestAddOrdersIsAllOrNothing(t *testing.T) {
	f := newShop(t)
	f.order("#1", at("2026-03-10", 9), "MUG-1")
	in := func(number string) app.OrderInput {
		return app.OrderInput{Channel: data.ChannelShopify, Number: number, PlacedAt: at("2026-03-11", 9), Lines: []app.LineInput{{SKU: "X", Qty: 1}}}
	}
	if _, err := f.a.AddOrders([]app.OrderInput{in("#2"), in("#1")}); !errors.Is(err, app.ErrDuplicateOrder) {
		t.Errorf("#1 again: %v, want ErrDuplicateOrder", err)
	}
	if _, err := f.a.AddOrders([]app.OrderInput{in("#3"), in("#3")}); !errors.Is(err, app.ErrDuplicateOrder) {
		t.Errorf("#3 twice: %v, want ErrDuplicateOrder", err)
	}
	bad := in("#4")
	bad.Lines[0].Qty = 0
	var ie *app.InputError
	if _, err := f.a.AddOrders([]app.OrderInput{in("#5"), bad}); !errors.As(err, &ie) {
		t.Errorf("quantity 0: %v, want an input error", err)
	}
	if n := f.count(&data.Order{}, ""); n != 1 {
		t.Errorf("%d orders stored after three failed batches, want the 1 from before", n)
	}
}

func TestAddOrdersPromisesAsAddOrder(t *testing.T) {
	f := newShop(t)
	a := f.supplier("Atlas", 3, data.SupplierActive)
	b := f.supplier("Birch", 3, data.SupplierActive)
	blocked := f.supplier("Crag", 3, data.SupplierBlocked)
	f.product("MUG-1", offer{supplier: a, lead: 6, priority: 2}, offer{supplier: b, lead: 2, priority: 1}) // priority first
	f.product("CUP-7", offer{supplier: a, lead: 5, cost: 900}, offer{supplier: b, lead: 1, cost: 400})     // then cheapest
	f.product("BOWL-2", offer{supplier: blocked, lead: 1}, offer{supplier: a, lead: 4, priority: 3})       // blocked never
	in := func(number, sku string) app.OrderInput {
		return app.OrderInput{Channel: data.ChannelShopify, Number: number, PlacedAt: at("2026-03-11", 9), Lines: []app.LineInput{{SKU: sku, Qty: 1}}}
	}
	got, err := f.a.AddOrders([]app.OrderInput{in("#1", "MUG-1"), in("#2", "CUP-7"), in("#3", "BOWL-2")})
	if err != nil {
		t.Fatal(err)
	}
	for i, sku := range []string{"MUG-1", "CUP-7", "BOWL-2"} {
		one, err := f.a.AddOrder(in("#1"+sku, sku))
		if err != nil {
			t.Fatal(err)
		}
		if got[i].ShipBy != one.ShipBy {
			t.Errorf("%s: AddOrders promises %s, AddOrder %s", sku, got[i].ShipBy, one.ShipBy)
		}
	}
	if got[0].ShipBy != "2026-03-14" || got[1].ShipBy != "2026-03-13" || got[2].ShipBy != "2026-03-16" {
		t.Errorf("ship by %s, %s, %s; want 2026-03-14, 2026-03-13, 2026-03-16", got[0].ShipBy, got[1].ShipBy, got[2].ShipBy)
	}
}
