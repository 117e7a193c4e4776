package app_test

import (
	"errors"
	"slices"
	"strings"
	"testing"
	"time"

	"clockwork/app"
	"clockwork/data"
)

const (
	shopifyExport = "testdata/orders/shopify-orders-export.csv"
	shopifyLater  = "testdata/orders/shopify-orders-export-later.csv"
)

// lineStates is each line's SKU and state, in order.
func skuStates(o data.Order) []string {
	var out []string
	for _, l := range o.Lines {
		out = append(out, l.SKU+":"+string(l.State))
	}
	return out
}

func TestImportShopifyRespectsPlatformState(t *testing.T) {
	f := newShop(t)
	_, err := importFile(t, f.a, shopifyExport, app.ImportOptions{})
	var ie *app.InputError
	if !errors.As(err, &ie) || len(ie.Problems) != 1 || f.count(&data.Order{}, "") != 0 {
		t.Fatalf("a USD order in a EUR shop: %v, %d orders written", err, f.count(&data.Order{}, ""))
	}
	p := ie.Problems[0]
	if p.File != "shopify-orders-export.csv" || p.Line != 11 || p.Field != "Currency" || !strings.Contains(p.Message, "#1006 is in USD but the shop's currency is EUR") {
		t.Errorf("currency problem %+v", p)
	}
	res, err := importFile(t, f.a, shopifyExport, app.ImportOptions{OnlyValid: true})
	if err != nil {
		t.Fatal(err)
	}
	if res.Imported != 4 || res.SkippedFulfilled != 1 || res.Held != 1 || res.Cancelled != 1 || len(res.Problems) != 1 {
		t.Errorf("result %+v", res)
	}
	if f.count(&data.Order{}, "number = ?", "#1001") != 0 {
		t.Error("#1001, fulfilled by Shopify, was stored")
	}
	partly := f.orderNumbered("#1002")
	if got := skuStates(partly); !slices.Equal(got, []string{"APR-SAGE:fulfilled", "MUG-1:unpurchased"}) || partly.Total != 5590 || partly.PlatformID != "5150000002" {
		t.Errorf("#1002 lines %v total %s platform id %q", got, partly.Total, partly.PlatformID)
	}
	if held := f.orderNumbered("#1003"); !held.Held || held.PlatformStatus != "pending" || held.Status != data.OrderNew {
		t.Errorf("#1003 held %v status %q/%s", held.Held, held.PlatformStatus, held.Status)
	}
	refunded := f.orderNumbered("#1004")
	if want := time.Date(2026, 3, 5, 13, 20, 0, 0, time.UTC); refunded.Status != data.OrderCancelled || refunded.CancelledAt == nil || !refunded.CancelledAt.Equal(want) {
		t.Errorf("#1004 %s cancelled at %v, want %v", refunded.Status, refunded.CancelledAt, want)
	}
	gift := f.orderNumbered("#1005")
	if got := skuStates(gift); !slices.Equal(got, []string{"GIFT-25:no_shipping", "TOWEL-BL:unpurchased", "MUG-1:unpurchased"}) || gift.Lines[1].Title != "Tea towel - Blue / Large" {
		t.Errorf("#1005 lines %v, towel %q", got, gift.Lines[1].Title)
	}

	f.must(f.a.SetRates(app.Rate{Currency: "USD", Micros: 920_000}))
	res, err = importFile(t, f.a, shopifyExport, app.ImportOptions{})
	if err != nil || res.Imported != 1 || res.Converted != 1 || res.Already != 4 || res.SkippedFulfilled != 1 {
		t.Fatalf("with a USD rate: %+v %v", res, err)
	}
	usd := f.orderNumbered("#1006")
	if usd.Currency != "USD" || usd.OriginalTotal != 4400 || usd.Total != 4048 || usd.Lines[0].UnitPrice != 1748 {
		t.Errorf("#1006 %s %s, total %s, unit price %s", usd.Currency, usd.OriginalTotal, usd.Total, usd.Lines[0].UnitPrice)
	}
}

func TestImportLaterExportBringsChanges(t *testing.T) {
	f := newShop(t)
	s := f.supplier("Atlas", 3, data.SupplierActive)
	f.product("MUG-1", offer{supplier: s, lead: 2, cost: 600})
	f.product("APR-SAGE", offer{supplier: s, lead: 2, cost: 800})
	f.product("TOWEL-BL", offer{supplier: s, lead: 2, cost: 400})
	f.must(f.a.SetRates(app.Rate{Currency: "USD", Micros: 920_000}))
	if _, err := importFile(t, f.a, shopifyExport, app.ImportOptions{}); err != nil {
		t.Fatal(err)
	}
	// The owner buys #1005's towel and mug and sends the PO before the customer cancels.
	bought, err := f.a.PurchaseWith(app.PlanOptions{OrderIDs: []uint{f.orderNumbered("#1005").ID}})
	f.must(err)
	if len(bought.POIDs) != 1 {
		t.Fatalf("purchase for #1005: %+v", bought)
	}
	_, err = f.a.SendPO(bought.POIDs[0])
	f.must(err)

	preview, err := importFile(t, f.a, shopifyLater, app.ImportOptions{DryRun: true})
	if err != nil || f.orderNumbered("#1005").Status == data.OrderCancelled {
		t.Fatalf("preview %v; it changed #1005", err)
	}
	res, err := importFile(t, f.a, shopifyLater, app.ImportOptions{})
	if err != nil {
		t.Fatal(err)
	}
	want := "1 order imported, 1 skipped as fulfilled in the shop, 3 changed (1 cancelled, 1 paid and released, 1 fulfilled in the shop), 1 already there"
	if !strings.HasPrefix(res.Summary(), want) || preview.Summary() == "" || len(preview.Changes) != len(res.Changes) {
		t.Errorf("summary %q\npreview %q", res.Summary(), preview.Summary())
	}
	if len(res.TellSuppliers) != 1 || !strings.Contains(res.Summary(), "tell the supplier of "+res.TellSuppliers[0]) {
		t.Errorf("sent PO with #1005's lines not flagged: %+v", res.TellSuppliers)
	}
	cancelled := f.orderNumbered("#1005")
	if want := time.Date(2026, 3, 7, 8, 0, 0, 0, time.UTC); cancelled.Status != data.OrderCancelled || !cancelled.CancelledAt.Equal(want) {
		t.Errorf("#1005 %s at %v", cancelled.Status, cancelled.CancelledAt)
	}
	if l := cancelled.Lines[1]; l.State != data.LineCancelled || !strings.Contains(l.Attention, "tell the supplier") {
		t.Errorf("#1005 towel %s %q", l.State, l.Attention)
	}
	if got := skuStates(f.orderNumbered("#1002")); !slices.Equal(got, []string{"APR-SAGE:fulfilled", "MUG-1:fulfilled"}) {
		t.Errorf("#1002 fulfilled by Shopify since: %v", got)
	}
	if o := f.orderNumbered("#1002"); o.Status != data.OrderShipped {
		t.Errorf("#1002 status %s", o.Status)
	}
	if f.orderNumbered("#1003").Held {
		t.Error("#1003, paid since, is still held")
	}

	// What purchasing buys now: only unfulfilled, paid, shippable lines.
	plan, err := f.a.PlanPurchases()
	f.must(err)
	var planned []string
	for _, po := range plan.POs {
		for _, l := range po.Lines {
			if l.OrderLineID != 0 {
				planned = append(planned, l.OrderNumber+" "+l.SKU)
			}
		}
	}
	for _, e := range plan.Exceptions {
		planned = append(planned, e.OrderNumber+" "+e.SKU+" (exception)")
	}
	slices.Sort(planned)
	if want := []string{"#1003 MUG-1", "#1006 MUG-1", "#1007 APR-SAGE"}; !slices.Equal(planned, want) {
		t.Errorf("purchase plans %v, want %v", planned, want)
	}
}

func TestReleaseHeldOrder(t *testing.T) {
	f := newShop(t)
	if _, err := importFile(t, f.a, shopifyExport, app.ImportOptions{OnlyValid: true}); err != nil {
		t.Fatal(err)
	}
	plan, err := f.a.PlanPurchases()
	f.must(err)
	for _, e := range plan.Exceptions {
		if e.OrderNumber == "#1003" {
			t.Errorf("held #1003 planned: %+v", e)
		}
	}
	if _, err := f.a.ReleaseOrder("#1002"); err == nil || !strings.Contains(err.Error(), "not held") {
		t.Errorf("releasing an order not held: %v", err)
	}
	if _, err := f.a.ReleaseOrder("#9999"); err == nil || !strings.Contains(err.Error(), "no order") {
		t.Errorf("releasing an unknown order: %v", err)
	}
	o, err := f.a.ReleaseOrder("#1003")
	if err != nil || o.Held || f.orderNumbered("#1003").Held {
		t.Fatalf("release: %+v %v", o, err)
	}
	plan, err = f.a.PlanPurchases()
	f.must(err)
	if !slices.ContainsFunc(plan.Exceptions, func(e app.PlanException) bool { return e.OrderNumber == "#1003" }) {
		t.Errorf("released #1003 not planned: %+v", plan.Exceptions)
	}
}
