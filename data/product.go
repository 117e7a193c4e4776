package data

import "time"

// Product is what the customer buys, under the shop's own SKU.
type Product struct {
	Base
	SKU        string  `gorm:"not null;uniqueIndex"`
	Title      string  `gorm:"not null"`
	Price      Money   // selling price
	Active     bool    `gorm:"not null;default:true"`
	Trial      bool    // the shop is testing this product
	TrialStart Day     `gorm:"size:10"`
	Offers     []Offer `gorm:"constraint:OnDelete:CASCADE"`
}

// Offer is one supplier's terms for one product.
type Offer struct {
	Base
	ProductID    uint `gorm:"not null;index;uniqueIndex:idx_offer_product_supplier_sku"`
	Product      *Product
	SupplierID   uint `gorm:"not null;index;uniqueIndex:idx_offer_product_supplier_sku"`
	Supplier     *Supplier
	SupplierSKU  string `gorm:"uniqueIndex:idx_offer_product_supplier_sku"`
	UnitCost     Money
	PackSize     int `gorm:"not null;default:1"` // sold in multiples of this
	MinQty       int `gorm:"not null;default:1"` // minimum order quantity per PO
	LeadDays     int // quoted days from order to dispatch
	AvailableQty *int
	AvailableAt  *time.Time // when AvailableQty was last reported
	Priority     int        `gorm:"not null;default:1"` // 1 = preferred
	ValidFrom    Day        `gorm:"size:10"`
	ValidTo      Day        `gorm:"size:10"`
	Active       bool       `gorm:"not null;default:true"`
}

// OfferCost records an offer's unit cost from a moment on, so price changes stay measurable.
type OfferCost struct {
	Base
	OfferID  uint   `gorm:"not null;index"`
	Offer    *Offer `gorm:"constraint:OnDelete:CASCADE"`
	UnitCost Money
	From     time.Time
}

// Customer is someone who ordered from the shop.
type Customer struct {
	Base
	Name  string `gorm:"index"`
	Email string `gorm:"index"`
	Phone string
}

// LeftoverSource says where spare units came from.
type LeftoverSource string

// Leftover sources.
const (
	LeftoverSurplus LeftoverSource = "surplus" // pack-size or minimum-quantity surplus, or over-receipt
	LeftoverReturn  LeftoverSource = "return"  // a return kept as stock
)

// Leftover is spare units on the shelf that the next order for the product uses before buying.
type Leftover struct {
	Base
	ProductID    uint `gorm:"not null;index"`
	Product      *Product
	Qty          int
	Source       LeftoverSource `gorm:"size:16"`
	POLineID     *uint
	ReturnLineID *uint
}
