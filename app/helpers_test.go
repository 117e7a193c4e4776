package app_test

import (
	"testing"

	"clockwork/app"
	"clockwork/data"
)

func mustProduct(t *testing.T, a *app.App, sku string, price data.Money) data.Product {
	t.Helper()
	p := data.Product{SKU: sku, Title: "Product " + sku, Price: price, Active: true}
	if err := a.SaveProduct(&p); err != nil {
		t.Fatalf("save product %s: %v", sku, err)
	}
	return p
}

func mustOffer(t *testing.T, a *app.App, o data.Offer) data.Offer {
	t.Helper()
	if err := a.SaveOffer(&o); err != nil {
		t.Fatalf("save offer: %v", err)
	}
	return o
}

func addEvent(t *testing.T, a *app.App, supplierID uint, kind data.EventKind, text string) data.SupplierEvent {
	t.Helper()
	ev, err := a.AddSupplierEvent(app.EventInput{SupplierID: supplierID, Kind: kind, Channel: "phone", Text: text})
	if err != nil {
		t.Fatalf("add event: %v", err)
	}
	return ev
}
