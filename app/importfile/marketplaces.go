package importfile

import (
	"strings"

	"clockwork/data"
)

// etsyAliases are the columns of Etsy's "Sold Order Items" download (Shop Manager →
// Settings → Options → Download Data): one row per item, order amounts repeated on each.
// "Date Paid" says paid, "Date Shipped" (older files: "Date Posted") says shipped.
var etsyAliases = orderAliases{
	oNumber:       {"Order ID"},
	oPlacedAt:     {"Sale Date"},
	oStatus:       {"Date Paid"},
	oFulfillment:  {"Date Shipped", "Date Posted"},
	oCustomer:     {"Ship Name", "Full Name"},
	oShipName:     {"Ship Name"},
	oShipAddress1: {"Ship Address1", "Street 1"},
	oShipAddress2: {"Ship Address2", "Street 2"},
	oShipCity:     {"Ship City"},
	oShipProvince: {"Ship State"},
	oShipZip:      {"Ship Zipcode"},
	oShipCountry:  {"Ship Country"},
	oCurrency:     {"Currency"},
	oDiscount:     {"Discount Amount"},
	oShipping:     {"Order Shipping"},
	oTax:          {"Order Sales Tax"},
	lSKU:          {"SKU"},
	lTitle:        {"Item Name"},
	lVariant:      {"Variations"},
	lQty:          {"Quantity"},
	lPrice:        {"Price"},
	lLineTotal:    {"Item Total"},
}

var etsySpec = orderSpec{
	channel:  data.ChannelEtsy,
	aliases:  &etsyAliases,
	required: [][]orderField{{oNumber}, {oPlacedAt}, {lQty}, {lPrice, lLineTotal}, {lTitle}},
	items:    flatItems,
}

// amazonAliases are the columns of Amazon Seller Central's order reports (the tab-separated
// "All Orders" flat file, and the "Unshipped Orders" report with buyer and address).
// item-price is the price of the whole line; taxes, shipping, gift wrap and promotions come
// per item and are added up by amazonFinish.
var amazonAliases = orderAliases{
	oNumber:       {"amazon-order-id", "order-id"},
	oID:           {"merchant-order-id"},
	oPlacedAt:     {"purchase-date"},
	oStatus:       {"order-status"},
	oFulfillment:  {"order-status"},
	oCustomer:     {"buyer-name"},
	oEmail:        {"buyer-email"},
	oPhone:        {"buyer-phone-number"},
	oShipName:     {"recipient-name"},
	oShipAddress1: {"ship-address-1"},
	oShipAddress2: {"ship-address-2"},
	oShipCity:     {"ship-city"},
	oShipProvince: {"ship-state"},
	oShipZip:      {"ship-postal-code"},
	oShipCountry:  {"ship-country"},
	oShipPhone:    {"ship-phone-number"},
	oNote:         {"delivery-instructions"}, // the New Orders report's, spelt "delivery-Instructions"
	oCurrency:     {"currency"},
	lSKU:          {"sku"},
	lTitle:        {"product-name"},
	lQty:          {"quantity", "quantity-purchased"},
	lLineTotal:    {"item-price"},
	lFulfillment:  {"item-status"},
}

var amazonSpec = orderSpec{
	channel:  data.ChannelAmazon,
	aliases:  &amazonAliases,
	required: [][]orderField{{oNumber}, {oPlacedAt}, {lQty}, {lLineTotal}, {lSKU}},
	items:    flatItems,
	finish:   amazonFinish,
}

// amazonFinish adds up an Amazon order's per-item charges: tax (item, shipping and gift-wrap
// tax), shipping, gift wrap (a fee that marks the order a gift) and promotions (a discount).
func amazonFinish(p *orderParser, rows []Row, d *draft) {
	cols := func(names ...string) []int {
		var out []int
		for _, n := range names {
			if c := p.t.Column(n); c >= 0 {
				out = append(out, c)
			}
		}
		return out
	}
	d.money[oTax] = p.sum(rows, cols("item-tax", "shipping-tax", "gift-wrap-tax"))
	d.money[oShipping] = p.sum(rows, cols("shipping-price"))
	discount := p.sum(rows, cols("item-promotion-discount", "ship-promotion-discount"))
	if discount < 0 { // Amazon writes promotions as negative amounts in some reports
		discount = -discount
	}
	d.money[oDiscount] = discount
	if wrap := p.sum(rows, cols("gift-wrap-price")); wrap > 0 {
		d.money[oFees], d.order.FeeNames, d.order.Gift = wrap, "Gift wrap", true
	}
	channel := ""
	if c := p.t.Column("sales-channel"); c >= 0 {
		channel = value(rows[0], c)
	}
	if !amazonTaxAdded(d.order.Currency, channel) {
		var items data.Money
		for _, l := range d.order.Lines {
			items += l.UnitPrice * data.Money(l.Qty)
		}
		d.money[oTotal] = max(items-d.money[oDiscount], 0) + d.money[oShipping] + d.money[oFees]
		d.have[oTotal] = true
	}
}

// amazonTaxAdded says an order report's item-tax comes on top of its prices, as US and
// Canadian sales tax does. Everywhere else (EU, UK, Japan, India, Australia, …) item-price,
// shipping-price and gift-wrap-price are what the buyer paid, VAT or GST included, and the
// taxes are the part of them that is tax (Amazon's "Order reports" with the VAT Calculation
// Service: "item_price contains the VAT-inclusive price"). The currency says which; without
// one, the sales channel (Amazon.com, Amazon.ca against Amazon.de, …) does.
func amazonTaxAdded(currency, channel string) bool {
	switch strings.ToUpper(currency) {
	case "USD", "CAD":
		return true
	case "":
		switch ch := strings.ToLower(strings.TrimSpace(channel)); {
		case ch == "" || ch == "amazon.com" || ch == "amazon.ca" || !strings.HasPrefix(ch, "amazon."):
			return true
		}
		return false
	}
	return false
}

// ebayAliases are the columns of eBay Seller Hub's orders report (Orders → Download report);
// the UK and Australian files say "Post To …", "Postcode" and "Postage And Handling". A
// multi-item order has a row of its own (totals, no item) before its item rows; "Paid On
// Date" says paid, "Shipped On Date" says shipped.
var ebayAliases = orderAliases{
	oNumber:       {"Order Number"},
	oID:           {"Sales Record Number"},
	oPlacedAt:     {"Sale Date"},
	oStatus:       {"Paid On Date"},
	oFulfillment:  {"Shipped On Date"},
	oCustomer:     {"Buyer Name"},
	oEmail:        {"Buyer Email"},
	oNote:         {"Buyer Note"},
	oShipName:     {"Ship To Name", "Post To Name"},
	oShipPhone:    {"Ship To Phone", "Post To Phone"},
	oShipAddress1: {"Ship To Address 1", "Post To Address 1"},
	oShipAddress2: {"Ship To Address 2", "Post To Address 2"},
	oShipCity:     {"Ship To City", "Post To City"},
	oShipProvince: {"Ship To State", "Post To County", "Post To State"},
	oShipZip:      {"Ship To Zip", "Post To Postcode"},
	oShipCountry:  {"Ship To Country", "Post To Country"},
	oShipping:     {"Shipping And Handling", "Postage And Handling"},
	oTax:          {"Seller Collected Tax"},
	oTotal:        {"Total Price"},
	lSKU:          {"Custom Label"},
	lTitle:        {"Item Title"},
	lVariant:      {"Variation Details"},
	lQty:          {"Quantity"},
	lPrice:        {"Sold For"},
}

var ebaySpec = orderSpec{
	channel:  data.ChannelEbay,
	aliases:  &ebayAliases,
	required: [][]orderField{{oNumber}, {oPlacedAt}, {lQty}, {lPrice}, {lTitle}},
	items:    flatItems,
	skipRow:  isReportNote,
	finish:   ebayFinish,
}

// ebayFinish adds the tax eBay collected to the order's tax when the report says Total Price
// includes it ("eBay Collected Tax Included in Total": Yes), so that a slip's lines, shipping
// and tax add up to that total. Like the order's other amounts it is taken from the first row
// that has it (a multi-item order's own row).
func ebayFinish(p *orderParser, rows []Row, d *draft) {
	tax := p.t.Column("eBay Collected Tax")
	included := p.t.Column("eBay Collected Tax Included in Total", "eBay Collected Tax and Fees Included in Total")
	if tax < 0 || included < 0 {
		return
	}
	for _, r := range rows {
		s := value(r, tax)
		if s == "" {
			continue
		}
		if yes := strings.ToLower(value(r, included)); yes != "yes" && yes != "true" && yes != "y" {
			return
		}
		m, err := parseAmount(s)
		if err != nil {
			p.addAt(r.Line, p.t.HeaderName(tax), "%v", err)
			return
		}
		d.money[oTax] += m
		return
	}
}

// isReportNote spots the lines eBay writes around its report's rows: blank padding, the
// footer "12,record(s) downloaded,from … to …" (the count and the words in cells of their
// own) and "Seller ID : …".
func isReportNote(r Row) bool {
	filled := 0
	for _, c := range r.Cells {
		c = strings.TrimSpace(c)
		if c == "" {
			continue
		}
		filled++
		l := strings.ToLower(c)
		if strings.Contains(l, "record(s) downloaded") || strings.HasPrefix(l, "seller id") {
			return true
		}
	}
	return filled <= 1
}
