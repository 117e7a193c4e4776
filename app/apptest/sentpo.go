package apptest

import (
	"fmt"
	"testing"
	"time"

	"clockwork/app"
	"clockwork/data"

	"gorm.io/gorm"
)

// POLineSpec is one line of a sent PO made for a test: the customer order it serves ("" for a
// surplus line), the SKU, the quantity, and how many days before Now the order came.
type POLineSpec struct {
	Order   string
	SKU     string
	Qty     int
	DaysAgo int
}

// SentPO is a PO made by MakeSentPO: its ID and its line IDs by "order/SKU" ("/SKU" for surplus).
type SentPO struct {
	ID     uint
	Number string
	Lines  map[string]uint
}

// MakeSentPO writes, underneath the use cases, a PO sent to supplier a week before
// Now with one line per spec, and the customer orders it serves with their lines
// ordered (orders named again in a later call get further lines).
func MakeSentPO(t testing.TB, a *app.App, supplier string, specs ...POLineSpec) SentPO {
	t.Helper()
	db := DB(t, a)
	var sup data.Supplier
	if err := db.Where(data.Supplier{Name: supplier}).Attrs(data.Supplier{Status: data.SupplierActive, QuotedLeadDays: 5}).FirstOrCreate(&sup).Error; err != nil {
		t.Fatal(err)
	}
	var n int64
	db.Model(&data.PurchaseOrder{}).Count(&n)
	sent := Now.AddDate(0, 0, -7)
	po := data.PurchaseOrder{Number: fmt.Sprintf("PO-%06d", n+1), SupplierID: sup.ID, Status: data.POSent,
		SentAt: &sent, PromisedDate: data.DayOf(sent, time.UTC).AddDays(5)}
	if err := db.Create(&po).Error; err != nil {
		t.Fatal(err)
	}
	out := SentPO{ID: po.ID, Number: po.Number, Lines: map[string]uint{}}
	for _, s := range specs {
		prod := testProduct(t, db, s.SKU)
		var offer data.Offer
		if err := db.Where(data.Offer{ProductID: prod.ID, SupplierID: sup.ID, SupplierSKU: "S-" + s.SKU}).
			Attrs(data.Offer{UnitCost: 500, PackSize: 1, MinQty: 1, Priority: 1, Active: true}).FirstOrCreate(&offer).Error; err != nil {
			t.Fatal(err)
		}
		pl := data.POLine{PurchaseOrderID: po.ID, OfferID: &offer.ID, SKU: s.SKU, SupplierSKU: "S-" + s.SKU, Qty: s.Qty, UnitCost: 500, QuotedUnitCost: 500}
		if s.Order != "" {
			line := testOrderLine(t, db, s, prod)
			pl.OrderLineID = &line.ID
		}
		if err := db.Create(&pl).Error; err != nil {
			t.Fatal(err)
		}
		out.Lines[s.Order+"/"+s.SKU] = pl.ID
	}
	return out
}

func testProduct(t testing.TB, db *gorm.DB, sku string) data.Product {
	t.Helper()
	var p data.Product
	if err := db.Where(data.Product{SKU: sku}).Attrs(data.Product{Title: "Product " + sku, Price: 2400, Active: true}).FirstOrCreate(&p).Error; err != nil {
		t.Fatal(err)
	}
	return p
}

// testOrderLine adds an ordered line to the spec's order, creating the order the first time.
func testOrderLine(t testing.TB, db *gorm.DB, s POLineSpec, p data.Product) data.OrderLine {
	t.Helper()
	var o data.Order
	err := db.Where(data.Order{Channel: data.ChannelManual, Number: s.Order}).Attrs(data.Order{
		PlacedAt: Now.AddDate(0, 0, -s.DaysAgo), Status: data.OrderPurchasing,
		CustomerName: "Zoë Łódź", ShipTo: data.Address{Name: "Zoë Łódź", Address1: "ul. Piotrkowska 104", City: "Łódź", Zip: "90-006", Country: "Poland"},
		ShipBy: data.DayOf(Now, time.UTC).AddDays(3),
	}).FirstOrCreate(&o).Error
	if err != nil {
		t.Fatal(err)
	}
	l := data.OrderLine{OrderID: o.ID, ProductID: &p.ID, SKU: p.SKU, Title: p.Title, Qty: s.Qty, UnitPrice: p.Price, State: data.LineOrdered}
	if err := db.Create(&l).Error; err != nil {
		t.Fatal(err)
	}
	return l
}
