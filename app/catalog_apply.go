package app

import (
	"fmt"
	"time"

	"clockwork/app/importfile"
	"clockwork/data"

	"gorm.io/gorm"
)

// planStock plans a stock list (a file without costs, such as jET's feed): it updates the
// availability of offers the supplier already has and creates nothing, because an offer
// without a cost cannot be bought from.
func (pl *catalogPlan) planStock(rows []importfile.CatalogRow) {
	name := pl.supplier.Name
	if pl.supplier.ID == 0 {
		pl.res.Problems = append(pl.res.Problems, Problem{File: pl.res.File, Field: "unit_cost", Message: fmt.Sprintf(
			"the file has no cost column (unit_cost, cost, EK, …), so it is a stock list: it can only update the availability of offers "+
				"you already have, and there is no supplier named %q yet. Import the supplier's price list (with costs) first", name)})
		return
	}
	for _, r := range rows {
		o := pl.bySupplier[r.SupplierSKU]
		if o == nil {
			o = pl.matchOffer(pl.products[r.SKU], r.SupplierSKU)
		}
		row := CatalogImportRow{CatalogRow: r, Change: ChangeSkipped}
		switch {
		case o == nil:
			row.Detail = fmt.Sprintf("%s has no offer for %s in your catalog", name, r.SKU)
			pl.res.Skipped++
		case r.AvailableQty == nil:
			row.Detail = "no stock figure on this row"
			pl.res.Skipped++
		default:
			row.Change = ChangeStock
			row.Detail = fmt.Sprintf("stock %s → %d", qtyText(o.AvailableQty), *r.AvailableQty)
			pl.offerSets = append(pl.offerSets, offerSet{id: o.ID, stock: r.AvailableQty})
			pl.res.StockUpdates++
		}
		pl.rows = append(pl.rows, row)
	}
	if pl.res.StockUpdates == 0 {
		pl.res.Problems = append(pl.res.Problems, Problem{File: pl.res.File, Field: "unit_cost", Message: fmt.Sprintf(
			"the file has no cost column (unit_cost, cost, EK, …), so it is a stock list, and none of its %d rows matches an offer from %s. "+
				"Import %s's price list (with costs) first; its stock list then updates their availability", len(rows), name, name)})
	}
}

// importBatch is how many rows one INSERT carries.
const importBatch = 500

// apply writes the plan with batched statements: a few dozen for a 20,000-row file.
func (pl *catalogPlan) apply(tx *gorm.DB, now time.Time) error {
	if pl.supplier.ID == 0 {
		if err := tx.Omit("Offers").Create(&pl.supplier).Error; err != nil {
			return fmt.Errorf("create supplier %s: %w", pl.supplier.Name, err)
		}
		ev := data.SupplierEvent{SupplierID: pl.supplier.ID, At: now, Kind: data.EventNote,
			Text: fmt.Sprintf("Added by importing the price list %s.", pl.res.File)}
		if err := tx.Create(&ev).Error; err != nil {
			return err
		}
	} else if pl.res.TermsSet {
		if err := saveTerms(tx, pl.supplier, pl.res.File, now); err != nil {
			return err
		}
	}
	if len(pl.newProducts) > 0 {
		if err := tx.Omit("Offers").CreateInBatches(pl.newProducts, importBatch).Error; err != nil {
			return fmt.Errorf("create products: %w", err)
		}
	}
	if err := pl.createOffers(tx, now); err != nil {
		return err
	}
	if err := pl.updateOffers(tx, now); err != nil {
		return err
	}
	products := make([][]any, len(pl.productSets))
	for i, s := range pl.productSets {
		products[i] = []any{s.id, s.title, s.price, now}
	}
	return data.UpdateFromValues(tx, "products", `title = COALESCE(v.column2, products.title),
		price = COALESCE(v.column3, products.price), updated_at = v.column4`,
		[]string{"id", "title", "price", "updated_at"}, products, importBatch)
}

// updateOffers applies the offer changes and adds the new costs to the cost history.
func (pl *catalogPlan) updateOffers(tx *gorm.DB, now time.Time) error {
	var costs []data.OfferCost
	rows := make([][]any, len(pl.offerSets))
	for i, s := range pl.offerSets {
		var at *time.Time
		if s.stock != nil {
			at = &now
		}
		rows[i] = []any{s.id, s.cost, s.supplierSKU, s.lead, s.minQty, s.pack, s.stock, at, now}
		if s.cost != nil {
			costs = append(costs, data.OfferCost{OfferID: s.id, UnitCost: *s.cost, From: now})
		}
	}
	err := data.UpdateFromValues(tx, "offers", `unit_cost = COALESCE(v.column2, offers.unit_cost),
		supplier_sku = COALESCE(v.column3, offers.supplier_sku), lead_days = COALESCE(v.column4, offers.lead_days),
		min_qty = COALESCE(v.column5, offers.min_qty), pack_size = COALESCE(v.column6, offers.pack_size),
		available_qty = COALESCE(v.column7, offers.available_qty), available_at = COALESCE(v.column8, offers.available_at),
		updated_at = v.column9`, []string{"id", "unit_cost", "supplier_sku", "lead_days", "min_qty", "pack_size",
		"available_qty", "available_at", "updated_at"}, rows, importBatch)
	if err != nil || len(costs) == 0 {
		return err
	}
	return tx.CreateInBatches(costs, importBatch).Error
}

// createOffers inserts the new offers and the first entry of each one's cost history.
func (pl *catalogPlan) createOffers(tx *gorm.DB, now time.Time) error {
	if len(pl.newOffers) == 0 {
		return nil
	}
	offers := make([]*data.Offer, len(pl.newOffers))
	for i, no := range pl.newOffers {
		o := no.offer
		if no.product != nil {
			o.ProductID = no.product.ID
		}
		o.SupplierID = pl.supplier.ID
		if o.AvailableQty != nil {
			o.AvailableAt = &now
		}
		offers[i] = o
	}
	if err := tx.Omit("Product", "Supplier").CreateInBatches(offers, importBatch).Error; err != nil {
		return fmt.Errorf("create offers: %w", err)
	}
	costs := make([]data.OfferCost, len(offers))
	for i, o := range offers {
		costs[i] = data.OfferCost{OfferID: o.ID, UnitCost: o.UnitCost, From: now}
	}
	if err := tx.CreateInBatches(costs, importBatch).Error; err != nil {
		return fmt.Errorf("record costs: %w", err)
	}
	return nil
}
