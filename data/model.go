package data

import "time"

// Base is the identity and bookkeeping every table carries.
type Base struct {
	ID        uint `gorm:"primaryKey"`
	CreatedAt time.Time
	UpdatedAt time.Time
}

// Models lists every table, in an order where each model comes after those it refers to.
// Migrations create them from this list.
func Models() []any {
	return []any{
		&Shop{}, &Supplier{}, &Product{}, &Offer{}, &OfferCost{}, &Customer{},
		&Order{}, &OrderLine{}, &PurchaseOrder{}, &POLine{}, &Receipt{}, &ReceiptLine{},
		&Shipment{}, &Return{}, &ReturnLine{}, &SupplierEvent{}, &Leftover{}, &SKUAlias{},
		&ColumnMap{}, &CurrencyRate{},
	}
}
