package importfile

import (
	"fmt"
	"slices"

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
	// the cell is empty, or it holds a distributor's "unknown" value. PackSize is only ever
	// read from a column meaning "sold only in multiples of"; a carton or case quantity is
	// Carton, information that never rounds a purchase order up.
	LeadDays, MinQty, PackSize, AvailableQty, Carton *int
	// Warnings are what the row's reading changed without refusing it (a negative stock
	// figure read as 0), each with its line and column.
	Warnings []Problem
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
	cCarton // units in a carton or case: information only
	cAvailable
	cPrice
	cOrderFee
	cShipping
	cFreeShipping
	numCatalogFields
)

// catalogAliases are the header names each field goes by, preferred first: DESIGN 9's names,
// then those of English, German and French distributor lists (Ingram Micro: ARTIKEL_NR,
// ARTIKEL1/2, EK, EVP, VMENGE, STCK_KART; jET: Artikelnummer, Bezeichnung, Bestand). Headers
// match ignoring case, spaces and punctuation, so "Preis (exkl. MWSt)" is "preisexklmwst".
var catalogAliases = [numCatalogFields][]string{
	cSKU: {"sku", "our sku", "product sku", "item sku", "article number", "item number", "item no", "product code",
		"part number", "artikel_nr", "artikelnummer", "art.-nr.", "artnr", "référence", "reference", "réf", "ref", "code article"},
	cSupplierSKU: {"supplier_sku", "vendor sku", "supplier part number", "supplier item number", "supplier code",
		"vendor part number", "mpn", "lieferantenartikelnummer", "référence fournisseur", "ref fournisseur"},
	cTitle: {"title", "description", "name", "product name", "item name", "product title", "bezeichnung",
		"artikelbezeichnung", "bezeichung", "artikel1", "produktname", "désignation", "designation", "libellé", "libelle", "nom du produit"},
	cTitleMore: {"artikel2", "bezeichnung 2", "bezeichung 2"},
	cCost: {"unit_cost", "cost", "unit cost", "cost price", "dealer price", "dealer cost", "reseller price", "trade price",
		"wholesale price", "wholesale", "distributor price", "purchase price", "net price", "net cost", "buy price", "your price",
		"price excl. vat", "price ex vat", "price excl. tax", "cost excl. vat",
		"ek", "ek-preis", "ek preis", "ek netto", "einkaufspreis", "einkaufspreis netto", "einkauf", "händlerpreis", "hek",
		"nettopreis", "preis netto", "netto", "preis (exkl. mwst)", "preis exkl. mwst", "preis exkl mwst", "preis ohne mwst",
		"prix ht", "prix d'achat", "prix d'achat ht", "prix achat", "prix net", "prix net ht", "prix revendeur",
		"prix revendeur ht", "tarif ht", "prix unitaire ht", "coût", "cout"},
	cLead: {"lead_time_days", "lead time", "lead days", "lead_time", "delivery days", "lead time (days)",
		"lieferzeit (tage)", "lieferzeit in tagen", "délai (jours)", "délai de livraison (jours)"},
	cMinQty: {"min_order_qty", "moq", "minimum order", "minimum order qty", "minimum order quantity", "min qty",
		"min order qty", "min order", "mindestmenge", "mindestbestellmenge", "minimum de commande", "qté min", "quantité minimum"},
	// Only a column that means "sold only in multiples of" is a pack size: it rounds a PO up.
	cPack: {"pack_size", "pack size", "order multiple", "order multiples", "sold in multiples of", "multiples of",
		"order increment", "sales multiple", "bestellvielfaches", "vielfaches", "abnahmeeinheit", "multiple de commande",
		"multiple de vente", "par multiple de"},
	// A carton, case or box quantity says how the goods travel, not how they are sold.
	cCarton: {"stck_kart", "carton qty", "carton quantity", "units per carton", "case pack", "case qty", "case quantity",
		"units per case", "inner pack", "pack", "pack qty", "verpackungseinheit", "vpe", "stück pro karton", "colisage",
		"qté par carton"},
	cAvailable: {"available_qty", "qty available", "available", "stock", "quantity available", "in stock", "stock qty",
		"inventory", "on hand", "vmenge", "bestand", "lagerbestand", "verfügbar", "disponible", "quantité disponible", "qté dispo"},
	cPrice: {"price", "retail price", "selling price", "rrp", "msrp", "evp", "verkaufspreis", "endkundenpreis", "uvp", "prix public",
		"prix de vente", "prix public conseillé", "ppc"},
	// The supplier's terms, per order: a list that states them states them on each row.
	cOrderFee: {"order_fee", "order fee", "fee per order", "handling fee", "bearbeitungsgebühr", "mindermengenzuschlag"},
	cShipping: {"shipping_charge", "shipping charge", "shipping", "shipping cost", "freight", "delivery charge",
		"versandkosten", "frachtkosten"},
	cFreeShipping: {"free_shipping_from", "free shipping from", "free shipping threshold", "free freight from",
		"versandkostenfrei ab", "frachtfrei ab"},
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
	return parseCatalogWith(t, cols)
}

// parseCatalogWith reads every row of t from the columns given.
func parseCatalogWith(t *Table, cols catalogColumns) ([]CatalogRow, []Problem) {
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
		p.Message = fmt.Sprintf("the file has no SKU column: name one column \"sku\" (or SKU, Artikelnummer, ARTIKEL_NR), or map the file's columns; headers found: %s", t.headerList())
		return p
	}
	p.Column = "unit_cost"
	p.Message = fmt.Sprintf("the file has a SKU column but no cost, price, stock or title column (e.g. unit_cost, price, available_qty, title), or map the file's columns; headers found: %s", t.headerList())
	return p
}

// orderOnlyHeaders are columns only an order export has (who bought, when, which order), in
// the spellings of Shopify, WooCommerce, Etsy, Amazon and eBay; a file with any of them is
// never read as a price list, even when no order layout claims it.
var orderOnlyHeaders = []string{"order id", "order-id", "amazon-order-id", "order date", "purchase-date", "placed_at",
	"paid at", "date paid", "sale date", "order_date", "buyer", "buyer name", "buyer-name", "buyer username", "buyer email",
	"buyer-email", "recipient-name", "ship-address-1", "ship name", "shipping name", "billing name", "sales record number",
	"quantity-purchased", "financial status", "fulfillment status", "lineitem quantity", "lineitem sku", "order status",
	"order total", "customer email", "customer_email"}

// OrderHeaders lists the file's columns that only an order export has, as the file spells
// them; empty for a price list.
func OrderHeaders(t *Table) []string {
	var found []string
	for _, h := range orderOnlyHeaders {
		if i := t.Column(h); i >= 0 && !slices.Contains(found, t.Header[i]) {
			found = append(found, t.Header[i])
		}
	}
	return found
}
