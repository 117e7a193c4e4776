package importfile

import (
	"strings"

	"clockwork/data"
)

// wooAliases are the columns of WooCommerce order exports: the WebToffee plugin's field
// names (order_number, billing_email, shipping_address_1, …) and the labels of one-row-per-item
// plugins such as Advanced Order Export ("Order Number", "First Name (Billing)", "Item Cost").
var wooAliases = orderAliases{
	oNumber:        {"order_number", "Order Number", "Order ID", "Order No", "Order #"},
	oID:            {"order_id"},
	oPlacedAt:      {"order_date", "Order Date", "Date Created", "Date", "Created"},
	oStatus:        {"status", "Order Status"},
	oCurrency:      {"order_currency", "Order Currency", "Currency"},
	oDiscount:      {"discount_total", "Cart Discount Amount", "Order Discount", "Discount Amount"},
	oFees:          {"fee_total", "Order Fee Amount", "Order Fees", "Fees"},
	oFeeNames:      {"fee_items", "Fee Names", "Fee Name"},
	oCancelledAt:   {"cancelled_date", "Date Cancelled"},
	oEmail:         {"customer_email", "Customer Email"},
	oEmailAlt:      {"billing_email", "Email (Billing)", "Billing Email", "Email"},
	oCustomer:      {"Customer Name", "Full Name (Billing)", "Billing Full Name", "Billing Name"},
	oCustomerFirst: {"billing_first_name", "First Name (Billing)"},
	oCustomerLast:  {"billing_last_name", "Last Name (Billing)"},
	oPhone:         {"billing_phone", "Phone (Billing)", "Customer Phone", "Phone"},
	oShipName:      {"Full Name (Shipping)", "Shipping Full Name", "Shipping Name"},
	oShipFirst:     {"shipping_first_name", "First Name (Shipping)"},
	oShipLast:      {"shipping_last_name", "Last Name (Shipping)"},
	oShipCompany:   {"shipping_company", "Company (Shipping)"},
	oShipAddress1:  {"shipping_address_1", "Address 1 (Shipping)", "Shipping Address"},
	oShipAddress2:  {"shipping_address_2", "Address 2 (Shipping)"},
	oShipStreet:    {"Address 1&2 (Shipping)"},
	oShipCity:      {"shipping_city", "City (Shipping)"},
	oShipProvince:  {"shipping_state", "State Code (Shipping)", "State (Shipping)", "State Name (Shipping)"},
	oShipZip:       {"shipping_postcode", "Postcode (Shipping)", "Shipping Zip"},
	oShipCountry:   {"shipping_country", "Country Code (Shipping)", "Country (Shipping)"},
	oShipPhone:     {"shipping_phone", "Phone (Shipping)"},
	oSubtotal:      {"Order Subtotal Amount", "Order Subtotal", "cart_subtotal"},
	oShipping:      {"shipping_total", "Order Shipping Amount", "Order Shipping"},
	oTax:           {"tax_total", "Order Total Tax Amount", "Order Tax"},
	oTotal:         {"order_total", "Order Total Amount", "Order Total"},
	oNote:          {"customer_note", "Customer Note", "Customer Provided Note"},
	lSKU:           {"Item SKU", "SKU", "Product SKU"},
	lTitle:         {"Item Name", "Product Name", "Item Title", "Product"},
	lQty:           {"Quantity", "Qty", "Item Quantity", "Item Qty", "Quantity (- Refund)"},
	lPrice:         {"Item Cost", "Item Price", "Unit Price", "Product Price", "Price"},
	lVariant:       {"Item Variation", "Variation", "Item Meta", "Product Variation"},
	lLineTotal:     {"Line Total", "Order Line Total", "Item Total", "Order Line (w/o tax)", "Line Subtotal"},
}

// wooFlatSpec reads one-row-per-item WooCommerce exports, grouped by order number.
var wooFlatSpec = orderSpec{
	channel:  data.ChannelWooCommerce,
	aliases:  &wooAliases,
	required: [][]orderField{{oNumber}, {oPlacedAt}, {lQty}, {lPrice, lLineTotal}, {lSKU, lTitle}},
	items:    flatItems,
}

// webToffeeSpec reads WebToffee's layout: one row per order, each item packed into a
// line_item_N cell as key:value pairs separated by '|'.
var webToffeeSpec = orderSpec{
	channel:  data.ChannelWooCommerce,
	aliases:  &wooAliases,
	required: [][]orderField{{oNumber, oID}, {oPlacedAt}},
	items:    webToffeeItems,
}

// webToffeeItems reads the packed line_item_N cells of a row, e.g.
// "name:Formal shoe|product_id:13|sku:A12|quantity:1|total:8.00|tax:1.44". total is the
// line's price after discounts, so the unit price is total ÷ quantity.
func webToffeeItems(p *orderParser, r Row) []OrderLine {
	var out []OrderLine
	for _, c := range p.itemCols {
		cell := value(r, c)
		if cell == "" {
			continue
		}
		kv := unpack(cell)
		col := p.t.HeaderName(c)
		it := itemText{
			line: r.Line, sku: kv["sku"], title: kv["name"], qty: kv["quantity"],
			total:  firstOf(kv["total"], kv["subtotal"]),
			skuCol: col, qtyCol: col, priceCol: col, qtyIdx: -1,
		}
		if l, ok := p.item(it); ok {
			out = append(out, l)
		}
	}
	return out
}

// unpack splits "key:value|key:value" into a map; a value may itself contain ':'.
func unpack(cell string) map[string]string {
	kv := make(map[string]string, 8)
	for _, part := range strings.Split(cell, "|") {
		k, v, _ := strings.Cut(part, ":")
		k = strings.TrimSpace(k)
		if _, seen := kv[k]; !seen {
			kv[k] = strings.TrimSpace(v)
		}
	}
	return kv
}
