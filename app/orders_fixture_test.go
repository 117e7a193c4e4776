package app_test

import (
	"fmt"
	"testing"
	"time"

	"clockwork/app"
	"clockwork/app/apptest"
	"clockwork/data"

	"gorm.io/gorm"
)

// shopFixture is a test shop with a second handle on its database, for rows that later
// capabilities (purchase orders, receipts, shipments) will write through their own use cases.
type shopFixture struct {
	t     *testing.T
	a     *app.App
	clock *apptest.Clock
	db    *gorm.DB
}

func newShop(t *testing.T) *shopFixture {
	t.Helper()
	a, clock := apptest.NewApp(t)
	return &shopFixture{t: t, a: a, clock: clock, db: apptest.DB(t, a)}
}

func (f *shopFixture) supplier(name string, quoted int, status data.SupplierStatus) uint {
	f.t.Helper()
	s := data.Supplier{Name: name, QuotedLeadDays: quoted, Status: status}
	if err := f.a.SaveSupplier(&s); err != nil {
		f.t.Fatal(err)
	}
	return s.ID
}

// offer is a supplier's terms for a product in a fixture.
type offer struct {
	supplier uint
	lead     int
	priority int
	cost     data.Money
}

// product adds a product and its offers and returns the offers' IDs in the order given.
func (f *shopFixture) product(sku string, offers ...offer) []uint {
	f.t.Helper()
	p := data.Product{SKU: sku, Title: "Product " + sku, Price: 1990, Active: true}
	for _, o := range offers {
		p.Offers = append(p.Offers, data.Offer{SupplierID: o.supplier, SupplierSKU: "S-" + sku, LeadDays: o.lead,
			Priority: max(o.priority, 1), UnitCost: o.cost, PackSize: 1, MinQty: 1, Active: true})
	}
	if err := f.a.SaveProduct(&p); err != nil {
		f.t.Fatal(err)
	}
	var ids []uint
	for _, o := range p.Offers {
		ids = append(ids, o.ID)
	}
	return ids
}

func (f *shopFixture) order(number string, placed time.Time, skus ...string) data.Order {
	f.t.Helper()
	in := app.OrderInput{Channel: data.ChannelShopify, Number: number, PlacedAt: placed, Customer: "Zoë Łódź", Email: "zoe@example.com"}
	for _, s := range skus {
		in.Lines = append(in.Lines, app.LineInput{SKU: s, Title: "Item " + s, Qty: 1, UnitPrice: 1000})
	}
	o, err := f.a.AddOrder(in)
	if err != nil {
		f.t.Fatal(err)
	}
	return o
}

// po inserts a purchase order as purchasing will store it.
func (f *shopFixture) po(supplier uint, status data.POStatus, sent *time.Time, promised, expected data.Day) uint {
	f.t.Helper()
	var n int64
	f.db.Model(&data.PurchaseOrder{}).Count(&n)
	po := data.PurchaseOrder{Number: fmt.Sprintf("PO-%06d", n+123), SupplierID: supplier, Status: status, SentAt: sent,
		PromisedDate: promised, ExpectedDate: expected}
	f.must(f.db.Create(&po).Error)
	return po.ID
}

// onPO puts an order line on a purchase order with the offer and sets its state.
func (f *shopFixture) onPO(poID uint, line data.OrderLine, offerID uint, state data.LineState) uint {
	f.t.Helper()
	pl := data.POLine{PurchaseOrderID: poID, OrderLineID: &line.ID, OfferID: &offerID, SKU: line.SKU, Qty: line.Qty}
	f.must(f.db.Create(&pl).Error)
	f.must(f.db.Model(&data.OrderLine{}).Where("id = ?", line.ID).Update("state", state).Error)
	return pl.ID
}

func (f *shopFixture) receive(poID, poLineID uint, at time.Time, qty int) {
	f.t.Helper()
	r := data.Receipt{PurchaseOrderID: poID, ReceivedAt: at, Lines: []data.ReceiptLine{{POLineID: poLineID, QtyAccepted: qty}}}
	f.must(f.db.Create(&r).Error)
}

func (f *shopFixture) must(err error) {
	f.t.Helper()
	if err != nil {
		f.t.Fatal(err)
	}
}

// reload reads an order back with its lines.
func (f *shopFixture) reload(id uint) data.Order {
	f.t.Helper()
	var o data.Order
	f.must(f.db.Preload("Lines", func(db *gorm.DB) *gorm.DB { return db.Order("id") }).First(&o, id).Error)
	return o
}

func (f *shopFixture) count(model any, where string, args ...any) int64 {
	f.t.Helper()
	var n int64
	q := f.db.Model(model)
	if where != "" {
		q = q.Where(where, args...)
	}
	f.must(q.Count(&n).Error)
	return n
}

func (f *shopFixture) setHandling(days int) {
	f.t.Helper()
	shop, err := f.a.Shop()
	f.must(err)
	shop.HandlingDays = days
	f.must(f.a.SaveShop(shop))
}

func at(day string, hour int) time.Time {
	t, err := time.Parse("2006-01-02", day)
	if err != nil {
		panic(err)
	}
	return t.Add(time.Duration(hour) * time.Hour)
}

func ptr[T any](v T) *T { return &v }
