package app_test

import (
	"testing"

	"clockwork/app/apptest"
	"clockwork/data"
)

// TestFailedWriteLeavesNothing saves a product whose second offer points at a supplier that
// does not exist: the whole save is one transaction, so not even the product is stored.
func TestFailedWriteLeavesNothing(t *testing.T) {
	a, _ := apptest.NewApp(t)
	s := data.Supplier{Name: "Atlas Trading", Status: data.SupplierActive}
	if err := a.SaveSupplier(&s); err != nil {
		t.Fatal(err)
	}
	p := data.Product{SKU: "MUG-1", Title: "Enamel Mug", Price: 1490, Active: true, Offers: []data.Offer{
		{SupplierID: s.ID, UnitCost: 500, PackSize: 1, MinQty: 1, Priority: 1, Active: true},
		{SupplierID: s.ID + 99, UnitCost: 450, PackSize: 1, MinQty: 1, Priority: 2, Active: true},
	}}
	if err := a.SaveProduct(&p); err == nil {
		t.Fatal("saved an offer from a supplier that does not exist")
	}
	var products, offers int64
	a.DBForTest().Model(&data.Product{}).Count(&products)
	a.DBForTest().Model(&data.Offer{}).Count(&offers)
	if products != 0 || offers != 0 {
		t.Errorf("after the failed save: %d products, %d offers; want none", products, offers)
	}
}
