package importfile

import "fmt"

// Kind is what a file looks like, judged by its header.
type Kind string

// The kinds of file Detect tells apart.
const (
	KindOrders          Kind = "orders"           // an order export (DetectOrderFormat says which)
	KindCatalog         Kind = "catalog"          // a supplier's price list or stock feed
	KindShopifyProducts Kind = "shopify_products" // the shop's own Shopify products export, not a supplier's list
	KindEtsyOrders      Kind = "etsy_orders"      // Etsy's Orders download: one row per order, no items
	KindUnknown         Kind = "unknown"
)

// Format is the layout of an order export.
type Format string

// The order export layouts ParseOrders reads.
const (
	FormatShopify     Format = "shopify"     // Shopify's orders export (and its Transporter dialect)
	FormatWooCommerce Format = "woocommerce" // WooCommerce export plugins
	FormatGeneric     Format = "generic"     // DESIGN 9's generic layout
	FormatEtsy        Format = "etsy"        // Etsy's Sold Order Items download
	FormatAmazon      Format = "amazon"      // Amazon Seller Central's order reports (tab-separated)
	FormatEbay        Format = "ebay"        // eBay Seller Hub's orders report
)

// Formats are the order layouts, in the order detection tries them.
var Formats = []Format{FormatShopify, FormatAmazon, FormatEbay, FormatEtsy, FormatGeneric, FormatWooCommerce}

// layout is one order layout: its spec, and the columns that tell it apart from the others
// (each entry: at least one of these headers).
type layout struct {
	format    Format
	signature [][]string
	spec      func(t *Table) *orderSpec
}

var layouts = []layout{
	{FormatShopify, [][]string{{"Name", "Order ID"}, {"Lineitem quantity", "Lineitem name"}}, func(*Table) *orderSpec { return &shopifySpec }},
	{FormatAmazon, [][]string{{"amazon-order-id", "order-id"}, {"purchase-date"}, {"asin", "order-item-id"}}, func(*Table) *orderSpec { return &amazonSpec }},
	{FormatEbay, [][]string{{"Sales Record Number"}, {"Order Number"}, {"Sold For"}}, func(*Table) *orderSpec { return &ebaySpec }},
	{FormatEtsy, [][]string{{"Sale Date"}, {"Order ID"}, {"Item Name"}, {"Listing ID", "Transaction ID"}}, func(*Table) *orderSpec { return &etsySpec }},
	{FormatGeneric, [][]string{{"order_number"}, {"placed_at"}, {"qty", "quantity"}}, func(*Table) *orderSpec { return &genericSpec }},
	{FormatWooCommerce, nil, wooSpec},
}

// wooSpec is WebToffee's one-row-per-order spec or the flat one-row-per-item spec.
func wooSpec(t *Table) *orderSpec {
	if isWebToffee(t) {
		return &webToffeeSpec
	}
	return &wooFlatSpec
}

// specOf finds a format's spec for a table; nil for a format that is not an order layout.
func specOf(t *Table, f Format) *orderSpec {
	for _, l := range layouts {
		if l.format == f {
			return l.spec(t)
		}
	}
	return nil
}

// matches says the table carries the layout's signature and every column it cannot do
// without: a file is never given to a layout whose own columns it lacks.
func (l layout) matches(t *Table) bool {
	for _, oneOf := range l.signature {
		if t.Column(oneOf...) < 0 {
			return false
		}
	}
	if l.format == FormatWooCommerce && !isWebToffee(t) && !findOrderColumns(t, &wooAliases).looksLikeOrders() {
		return false
	}
	p := orderParser{t: t, spec: l.spec(t)}
	p.cols = findOrderColumns(t, p.spec.aliases)
	return len(p.missingColumns()) == 0
}

// Detect says what kind of file a table is, from its header alone.
func Detect(t *Table) Kind {
	switch {
	case isShopifyProducts(t):
		return KindShopifyProducts
	case isEtsySoldOrders(t):
		return KindEtsyOrders
	case detectOrderFormat(t) != "":
		return KindOrders
	case findCatalogColumns(t).looksLikeCatalog() && len(OrderHeaders(t)) == 0:
		return KindCatalog
	}
	return KindUnknown
}

// isShopifyProducts spots Shopify's products export (Handle plus Variant columns).
func isShopifyProducts(t *Table) bool {
	return t.Column("Handle") >= 0 && t.Column("Variant SKU", "Variant Price") >= 0
}

// isEtsySoldOrders spots Etsy's "Orders" download (EtsySoldOrders….csv): one row per order
// with its Number of Items and totals, but no item names, quantities or prices.
func isEtsySoldOrders(t *Table) bool {
	return t.Column("Sale Date") >= 0 && t.Column("Order ID") >= 0 && t.Column("Number of Items") >= 0 && t.Column("Item Name") < 0
}

// DetectOrderFormat says which order layout a table has, or why it is not an order export.
func DetectOrderFormat(t *Table) (Format, error) {
	if f := detectOrderFormat(t); f != "" {
		return f, nil
	}
	switch {
	case isShopifyProducts(t):
		return "", fmt.Errorf("%s is a Shopify products export, not orders: in Shopify choose Orders → Export", t.Name)
	case isEtsySoldOrders(t):
		return "", fmt.Errorf("%s is Etsy's Orders download, one row per order without its items: in Etsy choose "+
			"Shop Manager → Settings → Options → Download Data, Type: Order Items, and import that file", t.Name)
	case Detect(t) == KindCatalog:
		return "", fmt.Errorf("%s looks like a supplier catalog, not orders: import it as a catalog", t.Name)
	}
	return "", fmt.Errorf("%s is not an order export Clockwork knows: expected Shopify or Squarespace (Name or Order ID, Lineitem quantity, …), "+
		"WooCommerce (order_number, line_item_1, … or Order Number, Item SKU, Quantity, …), Etsy sold order items (Sale Date, Order ID, Item Name, …), "+
		"an Amazon order report (amazon-order-id, purchase-date, sku, …), an eBay orders report (Sales Record Number, Order Number, Sold For, …) "+
		"or the generic layout (order_number, placed_at, sku, qty, …); headers found: %s", t.Name, t.headerList())
}

// detectOrderFormat is DetectOrderFormat without the explanation: the first layout whose
// signature and required columns the table has.
func detectOrderFormat(t *Table) Format {
	for _, l := range layouts {
		if l.matches(t) {
			return l.format
		}
	}
	return ""
}

// isWebToffee spots the WebToffee WooCommerce layout: one row per order, items packed in
// line_item_1, line_item_2, … cells.
func isWebToffee(t *Table) bool {
	return t.Column("order_number", "order_id") >= 0 && t.Column("line_item_1") >= 0
}
