package app

import (
	"fmt"

	"clockwork/data"

	"gorm.io/gorm"
)

// ProductShow narrows the product list.
type ProductShow string

// What the product list can show.
const (
	ShowAllProducts ProductShow = ""
	ShowActive      ProductShow = "active"
	ShowInactive    ProductShow = "inactive"
	ShowTrial       ProductShow = "trial"
	ShowNoOffer     ProductShow = "no_offer" // active products nobody can supply: orders for them get stuck
)

// ProductShows lists the choices in the order they are offered.
var ProductShows = []ProductShow{ShowAllProducts, ShowActive, ShowInactive, ShowTrial, ShowNoOffer}

// ProductQuery asks for a page of the product list.
type ProductQuery struct {
	ListQuery // Sort: sku, title, price, active, trial, offers, margin
	Show      ProductShow
}

// ProductRow is one line of the product list.
type ProductRow struct {
	ID         uint
	SKU        string
	Title      string
	Price      data.Money
	Active     bool
	Trial      bool
	TrialStart data.Day
	Offers     int         // active offers
	BestCost   *data.Money // the cheapest active offer's unit cost; nil without offers
}

// BestMargin is the price less the cheapest active offer's cost; nil without offers.
func (r ProductRow) BestMargin() *data.Money {
	if r.BestCost == nil {
		return nil
	}
	m := r.Price - *r.BestCost
	return &m
}

const (
	productOffersSQL = `(SELECT COUNT(*) FROM offers WHERE offers.product_id = products.id AND offers.active)`
	bestCostSQL      = `(SELECT MIN(offers.unit_cost) FROM offers WHERE offers.product_id = products.id AND offers.active)`
)

var productSorts = map[string]string{
	"sku":    "products.sku",
	"title":  "LOWER(products.title)",
	"price":  "products.price",
	"active": "products.active",
	"trial":  "products.trial",
	"offers": productOffersSQL,
	"margin": "products.price - " + bestCostSQL,
}

// Products reads one page of the product list.
func (a *App) Products(q ProductQuery) ([]ProductRow, error) {
	db, err := a.productList(q)
	if err != nil {
		return nil, err
	}
	db = db.Select(`products.id, products.sku, products.title, products.price, products.active, products.trial,
		products.trial_start, ` + productOffersSQL + ` AS offers, ` + bestCostSQL + ` AS best_cost`)
	var rows []ProductRow
	if err := q.page(q.order(db, "products", productSorts, "products.sku")).Scan(&rows).Error; err != nil {
		return nil, fmt.Errorf("list products: %w", err)
	}
	return rows, nil
}

// CountProducts counts the products the query matches (its page aside).
func (a *App) CountProducts(q ProductQuery) (int, error) {
	db, err := a.productList(q)
	if err != nil {
		return 0, err
	}
	var n int64
	if err := db.Count(&n).Error; err != nil {
		return 0, fmt.Errorf("count products: %w", err)
	}
	return int(n), nil
}

func (a *App) productList(q ProductQuery) (*gorm.DB, error) {
	db := a.db.Model(&data.Product{})
	switch q.Show {
	case ShowAllProducts:
	case ShowActive:
		db = db.Where("products.active")
	case ShowInactive:
		db = db.Where("NOT products.active")
	case ShowTrial:
		db = db.Where("products.trial")
	case ShowNoOffer:
		db = db.Where("products.active AND " + productOffersSQL + " = 0")
	default:
		return nil, invalid("show", "%q is not a product list; use active, inactive, trial or no_offer", q.Show)
	}
	return q.search(db, "products.sku", "products.title"), nil
}

// Product reads one product (without its offers: ProductOffers lists those).
func (a *App) Product(id uint) (data.Product, error) {
	var p data.Product
	if err := a.db.First(&p, id).Error; err != nil {
		return p, fmt.Errorf("read product %d: %w", id, notFound(err, "product"))
	}
	return p, nil
}

// OfferLine is an offer as the catalog and supplier screens show it: with its supplier's
// name and its product's SKU, title and price.
type OfferLine struct {
	data.Offer
	SupplierName   string
	SupplierStatus data.SupplierStatus
	ProductSKU     string
	ProductTitle   string
	Price          data.Money // the product's selling price
}

// Margin is what the shop keeps on one unit bought through this offer: price less unit cost.
func (o OfferLine) Margin() data.Money { return o.Price - o.UnitCost }

func (a *App) offerLines() *gorm.DB {
	return a.db.Model(&data.Offer{}).
		Select(`offers.*, suppliers.name AS supplier_name, suppliers.status AS supplier_status,
			products.sku AS product_sku, products.title AS product_title, products.price AS price`).
		Joins("JOIN suppliers ON suppliers.id = offers.supplier_id").
		Joins("JOIN products ON products.id = offers.product_id")
}

// ProductOffers lists every offer for a product, the active ones first in priority order.
func (a *App) ProductOffers(productID uint) ([]OfferLine, error) {
	var out []OfferLine
	err := a.offerLines().Where("offers.product_id = ?", productID).
		Order("offers.active DESC, offers.priority, offers.id").Limit(MaxPage).Scan(&out).Error
	if err != nil {
		return nil, fmt.Errorf("read offers of product %d: %w", productID, err)
	}
	return out, nil
}

// SupplierOffers reads a page of what a supplier offers, by product SKU.
func (a *App) SupplierOffers(supplierID uint, offset, limit int) ([]OfferLine, error) {
	var out []OfferLine
	q := ListQuery{Offset: offset, Limit: limit}
	err := q.page(a.offerLines().Where("offers.supplier_id = ?", supplierID).
		Order("offers.active DESC, products.sku, offers.id")).Scan(&out).Error
	if err != nil {
		return nil, fmt.Errorf("read offers of supplier %d: %w", supplierID, err)
	}
	return out, nil
}

// CountSupplierOffers counts a supplier's offers, withdrawn ones included.
func (a *App) CountSupplierOffers(supplierID uint) (int, error) {
	var n int64
	if err := a.db.Model(&data.Offer{}).Where("supplier_id = ?", supplierID).Count(&n).Error; err != nil {
		return 0, fmt.Errorf("count offers of supplier %d: %w", supplierID, err)
	}
	return int(n), nil
}
