package app

import (
	"errors"
	"fmt"
	"strings"

	"clockwork/app/importfile"
	"clockwork/data"

	"gorm.io/gorm"
)

// catalogPlan is what an import will write, worked out from the file and the catalog as it
// stands. Lookups are made in bulk (a query per 500 SKUs, one for the supplier's offers),
// never one per row, so a 20,000-row price list plans in a few queries.
type catalogPlan struct {
	res         *CatalogImport
	supplier    data.Supplier // ID 0: created by apply
	rows        []CatalogImportRow
	products    map[string]*data.Product // existing products by SKU
	offers      map[uint][]*data.Offer   // the supplier's offers by product ID
	bySupplier  map[string]*data.Offer   // the supplier's offers by supplier SKU (for stock lists)
	lastPrio    map[uint]int             // highest offer priority per existing product
	newProducts []*data.Product
	newOffers   []newOffer
	offerSets   []offerSet
	productSets []productSet
}

// newOffer is an offer to create; product is set when the product is new too.
type newOffer struct {
	offer   *data.Offer
	product *data.Product
}

// offerSet is an update of an existing offer: nil leaves a term as it is. A new cost is
// also added to the cost history; a stock figure is dated when applied.
type offerSet struct {
	id                        uint
	cost                      *data.Money
	supplierSKU               *string
	lead, minQty, pack, stock *int
}

// productSet is an update of an existing product's title or price (nil: unchanged).
type productSet struct {
	id    uint
	title *string
	price *data.Money
}

// lookupChunk is how many SKUs one lookup query carries (well under SQLite's variable limit).
const lookupChunk = 500

func newCatalogPlan(tx *gorm.DB, res *CatalogImport, rows []importfile.CatalogRow) (*catalogPlan, error) {
	pl := &catalogPlan{res: res, products: map[string]*data.Product{}, offers: map[uint][]*data.Offer{},
		bySupplier: map[string]*data.Offer{}, lastPrio: map[uint]int{}}
	s, err := supplierByName(tx, res.Supplier)
	switch {
	case err == nil:
		pl.supplier, res.Supplier = s, s.Name
	case errors.Is(err, ErrNotFound):
		pl.supplier, res.NewSupplier = data.Supplier{Name: res.Supplier, Status: data.SupplierProspect}, true
	default:
		return nil, err
	}
	res.TermsSet = takeTerms(&pl.supplier, rows)
	if err := pl.load(tx, rows); err != nil {
		return nil, err
	}
	res.StockOnly = true
	for _, r := range rows {
		if r.UnitCost != nil {
			res.StockOnly = false
		}
	}
	if res.StockOnly {
		pl.planStock(rows)
	} else {
		for _, r := range rows {
			pl.planRow(r)
		}
	}
	return pl, nil
}

// load reads, in bulk, the products the file names and the supplier's offers.
func (pl *catalogPlan) load(tx *gorm.DB, rows []importfile.CatalogRow) error {
	for i := 0; i < len(rows); i += lookupChunk {
		var skus []string
		for _, r := range rows[i:min(i+lookupChunk, len(rows))] {
			skus = append(skus, r.SKU)
		}
		var found []*data.Product
		if err := tx.Where("sku IN ?", skus).Find(&found).Error; err != nil {
			return err
		}
		var ids []uint
		for _, p := range found {
			pl.products[p.SKU] = p
			ids = append(ids, p.ID)
		}
		var prios []struct {
			ProductID uint
			Last      int
		}
		err := tx.Model(&data.Offer{}).Select("product_id, MAX(priority) AS last").
			Where("product_id IN ?", ids).Group("product_id").Scan(&prios).Error
		if err != nil {
			return err
		}
		for _, p := range prios {
			pl.lastPrio[p.ProductID] = p.Last
		}
	}
	if pl.supplier.ID == 0 {
		return nil
	}
	var offers []*data.Offer
	if err := tx.Where("supplier_id = ?", pl.supplier.ID).Order("id").Find(&offers).Error; err != nil {
		return err
	}
	for _, o := range offers {
		pl.offers[o.ProductID] = append(pl.offers[o.ProductID], o)
		pl.bySupplier[o.SupplierSKU] = o
	}
	return nil
}

// matchOffer finds the supplier's offer a row is about: the product's offer under the
// row's supplier SKU, else the supplier's only offer for the product (its code changed).
func (pl *catalogPlan) matchOffer(p *data.Product, supplierSKU string) *data.Offer {
	if p == nil {
		return nil
	}
	list := pl.offers[p.ID]
	for _, o := range list {
		if o.SupplierSKU == supplierSKU {
			return o
		}
	}
	if len(list) == 1 {
		return list[0]
	}
	return nil
}

// invalid marks a row as having a problem the file itself does not show (a new SKU
// without a title, say) and records the problem.
func (pl *catalogPlan) invalid(r importfile.CatalogRow, field, format string, args ...any) {
	p := Problem{File: pl.res.File, Line: r.Line, Field: field, Message: fmt.Sprintf(format, args...)}
	pl.res.Problems = append(pl.res.Problems, p)
	pl.rows = append(pl.rows, CatalogImportRow{CatalogRow: r, Change: ChangeInvalid, Detail: p.String()})
}

func (pl *catalogPlan) planRow(r importfile.CatalogRow) {
	p := pl.products[r.SKU]
	o := pl.matchOffer(p, r.SupplierSKU)
	switch {
	case p == nil && r.Title == "":
		pl.invalid(r, "title", "SKU %s is not in the catalog yet and the row has no title: give the new product a title", r.SKU)
	case o == nil && r.UnitCost == nil:
		pl.invalid(r, "unit_cost", "the cost is empty: a new offer from %s needs the unit cost", pl.supplier.Name)
	case p == nil:
		p = &data.Product{SKU: r.SKU, Title: r.Title, Active: true}
		if r.Price != nil {
			p.Price = *r.Price
		}
		pl.newProducts = append(pl.newProducts, p)
		pl.addOffer(r, p, 1)
		pl.res.NewProducts++
		pl.rows = append(pl.rows, CatalogImportRow{CatalogRow: r, Change: ChangeNewProduct, Detail: "cost " + r.UnitCost.String()})
	case o == nil:
		changes := pl.productChanges(r, p)
		pl.lastPrio[p.ID]++
		pl.addOffer(r, p, pl.lastPrio[p.ID])
		pl.res.NewOffers++
		pl.rows = append(pl.rows, CatalogImportRow{CatalogRow: r, Change: ChangeNewOffer,
			Detail: strings.Join(append([]string{"cost " + r.UnitCost.String()}, changes...), "; ")})
	default:
		pl.updateRow(r, p, o)
	}
}

// addOffer plans a new offer; terms the file leaves out take the supplier's defaults.
func (pl *catalogPlan) addOffer(r importfile.CatalogRow, p *data.Product, priority int) {
	o := &data.Offer{SupplierSKU: r.SupplierSKU, UnitCost: *r.UnitCost, PackSize: intOr(r.PackSize, 1),
		MinQty: intOr(r.MinQty, 1), LeadDays: intOr(r.LeadDays, pl.supplier.QuotedLeadDays),
		AvailableQty: r.AvailableQty, Priority: priority, Active: true}
	no := newOffer{offer: o}
	if p.ID == 0 {
		no.product = p
	} else {
		o.ProductID = p.ID
	}
	pl.newOffers = append(pl.newOffers, no)
}

func intOr(v *int, def int) int {
	if v == nil {
		return def
	}
	return *v
}

// updateRow plans the changes to an existing offer (and its product) a row asks for.
func (pl *catalogPlan) updateRow(r importfile.CatalogRow, p *data.Product, o *data.Offer) {
	set := offerSet{id: o.ID, stock: r.AvailableQty}
	var changes []string
	if r.UnitCost != nil && *r.UnitCost != o.UnitCost {
		set.cost = r.UnitCost
		changes = append(changes, fmt.Sprintf("cost %s → %s", o.UnitCost, *r.UnitCost))
		pl.res.CostChanges++
	}
	if r.SupplierSKU != o.SupplierSKU {
		set.supplierSKU = &r.SupplierSKU
		changes = append(changes, fmt.Sprintf("supplier SKU %s → %s", o.SupplierSKU, r.SupplierSKU))
	}
	for _, f := range []struct {
		name string
		from int
		to   *int
		set  **int
	}{{"lead days", o.LeadDays, r.LeadDays, &set.lead}, {"minimum", o.MinQty, r.MinQty, &set.minQty}, {"pack", o.PackSize, r.PackSize, &set.pack}} {
		if f.to != nil && *f.to != f.from {
			*f.set = f.to
			changes = append(changes, fmt.Sprintf("%s %d → %d", f.name, f.from, *f.to))
		}
	}
	if r.AvailableQty != nil && !sameQty(o.AvailableQty, r.AvailableQty) {
		changes = append(changes, fmt.Sprintf("stock %s → %d", qtyText(o.AvailableQty), *r.AvailableQty))
	}
	changes = append(changes, pl.productChanges(r, p)...)
	if set != (offerSet{id: o.ID}) {
		pl.offerSets = append(pl.offerSets, set)
	}
	row := CatalogImportRow{CatalogRow: r, Change: ChangeUnchanged, Detail: strings.Join(changes, "; ")}
	if len(changes) > 0 {
		row.Change = ChangeUpdate
		pl.res.Updated++
	} else {
		pl.res.Unchanged++
	}
	pl.rows = append(pl.rows, row)
}

// productChanges plans the title and price the file gives an existing product.
func (pl *catalogPlan) productChanges(r importfile.CatalogRow, p *data.Product) []string {
	set := productSet{id: p.ID}
	var changes []string
	if r.Title != "" && r.Title != p.Title {
		set.title = &r.Title
		changes = append(changes, fmt.Sprintf("title %q → %q", p.Title, r.Title))
	}
	if r.Price != nil && *r.Price != p.Price {
		set.price = r.Price
		changes = append(changes, fmt.Sprintf("price %s → %s", p.Price, *r.Price))
	}
	if set != (productSet{id: p.ID}) {
		pl.productSets = append(pl.productSets, set)
	}
	return changes
}

func qtyText(q *int) string {
	if q == nil {
		return "unknown"
	}
	return fmt.Sprint(*q)
}
