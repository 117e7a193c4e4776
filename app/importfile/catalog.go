package importfile

import (
	"fmt"

	"clockwork/data"
)

// CatalogRow is one line of a supplier's price list or stock feed: what the supplier sells
// under which code, at what cost, how fast and in what quantities.
type CatalogRow struct {
	Line        int
	SKU         string // our product's SKU (the file's article number)
	SupplierSKU string // the supplier's code; the SKU when the file has no separate column
	Title       string // "" when the file has none
	UnitCost    *data.Money
	Price       *data.Money // nil when the file has no such column or the cell is empty
	// LeadDays, MinQty, PackSize and AvailableQty are nil when the file has no such column,
	// the cell is empty, or it holds a distributor's "unknown" value.
	LeadDays, MinQty, PackSize, AvailableQty *int
	// OrderFee, Shipping and FreeShippingFrom are the supplier's terms when the list states
	// them (the same on every row that has them; ParseCatalog checks); nil otherwise.
	OrderFee, Shipping, FreeShippingFrom *data.Money
}

// catalogField is one column a catalog file may have.
type catalogField int

const (
	cSKU catalogField = iota
	cSupplierSKU
	cTitle
	cTitleMore // a second title column (Ingram splits titles in two)
	cCost
	cLead
	cMinQty
	cPack
	cAvailable
	cPrice
	cOrderFee
	cShipping
	cFreeShipping
	numCatalogFields
)

// catalogAliases are the header names each field goes by, preferred first: DESIGN 9's names,
// common English ones, and those of the German distributors in the fixtures (Ingram Micro:
// ARTIKEL_NR, ARTIKEL1/2, EK, EVP, VMENGE, STCK_KART; jET: Artikelnummer, Bezeichnung, Bestand).
var catalogAliases = [numCatalogFields][]string{
	cSKU:         {"sku", "our sku", "product sku", "item sku", "article number", "item number", "item no", "product code", "artikel_nr", "artikelnummer"},
	cSupplierSKU: {"supplier_sku", "vendor sku", "supplier part number", "supplier item number", "supplier code", "vendor part number", "mpn"},
	cTitle:       {"title", "description", "name", "product name", "item name", "product title", "bezeichnung", "artikelbezeichnung", "artikel1"},
	cTitleMore:   {"artikel2"},
	cCost:        {"unit_cost", "cost", "cost price", "dealer price", "wholesale price", "purchase price", "net price", "buy price", "ek", "einkaufspreis"},
	cLead:        {"lead_time_days", "lead time", "lead days", "lead_time", "delivery days", "lead time (days)"},
	cMinQty:      {"min_order_qty", "moq", "minimum order", "minimum order qty", "minimum order quantity", "min qty", "min order qty", "min order", "mindestmenge"},
	cPack:        {"pack_size", "pack", "case pack", "case qty", "pack qty", "units per case", "inner pack", "verpackungseinheit", "stck_kart"},
	cAvailable:   {"available_qty", "qty available", "available", "stock", "quantity available", "in stock", "stock qty", "inventory", "on hand", "vmenge", "bestand", "lagerbestand"},
	cPrice:       {"price", "retail price", "selling price", "rrp", "msrp", "evp", "verkaufspreis"},
	// The supplier's terms, per order: a list that states them states them on each row.
	cOrderFee:     {"order_fee", "order fee", "fee per order", "handling fee", "bearbeitungsgebühr", "mindermengenzuschlag"},
	cShipping:     {"shipping_charge", "shipping charge", "shipping", "shipping cost", "freight", "delivery charge", "versandkosten", "frachtkosten"},
	cFreeShipping: {"free_shipping_from", "free shipping from", "free shipping threshold", "free freight from", "versandkostenfrei ab", "frachtfrei ab"},
}

// catalogColumns holds the column index of each field, -1 where the file lacks it.
type catalogColumns [numCatalogFields]int

func findCatalogColumns(t *Table) catalogColumns {
	var c catalogColumns
	for f := range c {
		c[f] = t.Column(catalogAliases[f]...)
	}
	return c
}

// looksLikeCatalog says the header has a SKU column and something to know about it.
func (c catalogColumns) looksLikeCatalog() bool {
	return c[cSKU] >= 0 && (c[cTitle] >= 0 || c[cCost] >= 0 || c[cAvailable] >= 0 || c[cPrice] >= 0)
}

// ParseCatalog reads a supplier catalog, matching columns by name (see catalogAliases). It
// returns the rows it could read and every problem found, each with its line and column; a
// caller that writes nothing unless the problems are empty gets all-or-nothing imports.
func ParseCatalog(t *Table) ([]CatalogRow, []Problem) {
	cols := findCatalogColumns(t)
	if !cols.looksLikeCatalog() {
		return nil, []Problem{missingCatalogColumns(t, cols)}
	}
	p := catalogParser{t: t, cols: cols, seen: make(map[string]int, len(t.Rows))}
	out := make([]CatalogRow, 0, len(t.Rows))
	for _, r := range t.Rows {
		if row, ok := p.row(r); ok {
			out = append(out, row)
		}
	}
	p.sameTerms(out)
	return out, p.problems
}

// sameTerms refuses a list whose rows state different terms: a supplier has one order fee.
func (p *catalogParser) sameTerms(rows []CatalogRow) {
	for _, f := range []struct {
		field catalogField
		get   func(CatalogRow) *data.Money
	}{
		{cOrderFee, func(r CatalogRow) *data.Money { return r.OrderFee }},
		{cShipping, func(r CatalogRow) *data.Money { return r.Shipping }},
		{cFreeShipping, func(r CatalogRow) *data.Money { return r.FreeShippingFrom }},
	} {
		first := -1
		for i, r := range rows {
			v := f.get(r)
			switch {
			case v == nil:
			case first < 0:
				first = i
			case *v != *f.get(rows[first]):
				p.add(r.Line, f.field, "%s differs from %s on line %d: the supplier's terms are one for the whole list, so give the same on every row",
					v.Plain(), f.get(rows[first]).Plain(), rows[first].Line)
				return
			}
		}
	}
}

// missingCatalogColumns says which column is missing and lists the headers found.
func missingCatalogColumns(t *Table, cols catalogColumns) Problem {
	p := Problem{Line: t.HeaderLine, Column: "sku"}
	if cols[cSKU] < 0 {
		p.Message = fmt.Sprintf("the file has no SKU column: name one column \"sku\" (or SKU, Artikelnummer, ARTIKEL_NR); headers found: %s", t.headerList())
		return p
	}
	p.Column = "unit_cost"
	p.Message = fmt.Sprintf("the file has a SKU column but no cost, price, stock or title column (e.g. unit_cost, price, available_qty, title); headers found: %s", t.headerList())
	return p
}
