package importfile

import "fmt"

// Kind is what a file looks like, judged by its header.
type Kind string

// The kinds of file Detect tells apart.
const (
	KindOrders          Kind = "orders"           // an order export (DetectOrderFormat says which)
	KindCatalog         Kind = "catalog"          // a supplier's price list or stock feed
	KindShopifyProducts Kind = "shopify_products" // the shop's own Shopify products export, not a supplier's list
	KindUnknown         Kind = "unknown"
)

// Format is the layout of an order export.
type Format string

// The order export layouts ParseOrders reads.
const (
	FormatShopify     Format = "shopify"     // Shopify's orders export (and its Transporter dialect)
	FormatWooCommerce Format = "woocommerce" // WooCommerce export plugins
	FormatGeneric     Format = "generic"     // DESIGN 9's generic layout
)

// Detect says what kind of file a table is, from its header alone.
func Detect(t *Table) Kind {
	switch {
	case isShopifyProducts(t):
		return KindShopifyProducts
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

// DetectOrderFormat says which order layout a table has, or why it is not an order export.
func DetectOrderFormat(t *Table) (Format, error) {
	if f := detectOrderFormat(t); f != "" {
		return f, nil
	}
	switch {
	case isShopifyProducts(t):
		return "", fmt.Errorf("%s is a Shopify products export, not orders: in Shopify choose Orders → Export", t.Name)
	case Detect(t) == KindCatalog:
		return "", fmt.Errorf("%s looks like a supplier catalog, not orders: import it as a catalog", t.Name)
	}
	return "", fmt.Errorf("%s is not an order export Clockwork knows: expected Shopify (Name, Lineitem quantity, …), "+
		"WooCommerce (order_number, line_item_1, … or Order Number, Item SKU, Quantity, …) or the generic layout "+
		"(order_number, placed_at, sku, qty, …); headers found: %s", t.Name, t.headerList())
}

// detectOrderFormat is DetectOrderFormat without the explanation.
func detectOrderFormat(t *Table) Format {
	switch {
	case t.Column("Name") >= 0 && t.Column("Lineitem quantity", "Lineitem name") >= 0:
		return FormatShopify
	case t.Column("order_number") >= 0 && t.Column("placed_at") >= 0 && t.Column("qty") >= 0:
		return FormatGeneric
	case isWebToffee(t), findOrderColumns(t, &wooAliases).looksLikeOrders():
		return FormatWooCommerce
	}
	return ""
}

// isWebToffee spots the WebToffee WooCommerce layout: one row per order, items packed in
// line_item_1, line_item_2, … cells.
func isWebToffee(t *Table) bool {
	return t.Column("order_number", "order_id") >= 0 && t.Column("line_item_1") >= 0
}
