package importfile

import "clockwork/data"

// shopifyAliases are the columns of Shopify's orders export (Orders → Export) and of the
// Transporter order CSV (Processed At, Note, Total Tax, Billing First/Last Name, …).
var shopifyAliases = orderAliases{
	oNumber:           {"Name", "Order ID"}, // Squarespace's export says Order ID
	oFulfillment:      {"Fulfillment Status"},
	oCurrency:         {"Currency"},
	lVariant:          {"Lineitem variant"},
	lRequiresShipping: {"Lineitem requires shipping"},
	lFulfillment:      {"Lineitem fulfillment status"},
	oID:               {"Id"},
	oPlacedAt:         {"Created at", "Processed At", "Paid at"},
	oStatus:           {"Financial Status"},
	oCancelledAt:      {"Cancelled at"},
	oEmail:            {"Email"},
	oCustomer:         {"Billing Name"},
	oCustomerFirst:    {"Billing First Name"},
	oCustomerLast:     {"Billing Last Name"},
	oPhone:            {"Phone"},
	oPhoneAlt:         {"Billing Phone"},
	oShipName:         {"Shipping Name"},
	oShipFirst:        {"Shipping First Name"},
	oShipLast:         {"Shipping Last Name"},
	oShipCompany:      {"Shipping Company"},
	oShipAddress1:     {"Shipping Address1"},
	oShipAddress2:     {"Shipping Address2"},
	oShipStreet:       {"Shipping Street"},
	oShipCity:         {"Shipping City"},
	oShipProvince:     {"Shipping Province"},
	oShipZip:          {"Shipping Zip"},
	oShipCountry:      {"Shipping Country"},
	oShipPhone:        {"Shipping Phone"},
	oSubtotal:         {"Subtotal"},
	oShipping:         {"Shipping"},
	oTax:              {"Taxes", "Total Tax"},
	oTotal:            {"Total"},
	oDiscount:         {"Discount Amount"},
	oFees:             {"Fees"},
	oNote:             {"Notes", "Note"},
	lSKU:              {"Lineitem sku"},
	lTitle:            {"Lineitem name"},
	lQty:              {"Lineitem quantity"},
	lPrice:            {"Lineitem price"},
}

// shopifySpec reads Shopify exports: one row per line item, grouped by Name, order fields
// on the order's first row.
var shopifySpec = orderSpec{
	channel:  data.ChannelShopify,
	aliases:  &shopifyAliases,
	required: [][]orderField{{oNumber}, {oPlacedAt}, {lQty}, {lPrice}, {lSKU, lTitle}},
	items:    flatItems,
	finish:   shopifyFinish,
}

// shopifyFinish fills tax and shipping for the Transporter dialect, which has no order-level
// Taxes or Shipping: tax is the sum of its per-line "Tax N Price" cells, shipping the sum of
// its "Shipping line price" cells.
func shopifyFinish(p *orderParser, rows []Row, d *draft) {
	if !d.have[oTax] {
		d.money[oTax] = p.sum(rows, p.taxCols)
	}
	if !d.have[oShipping] {
		d.money[oShipping] = p.sum(rows, p.shipCols)
	}
}

// sum adds the amounts in the given columns over the rows; a bad amount is a problem.
func (p *orderParser) sum(rows []Row, cols []int) data.Money {
	var total data.Money
	for _, r := range rows {
		for _, c := range cols {
			s := value(r, c)
			if s == "" {
				continue
			}
			m, err := parseAmount(s)
			if err != nil {
				p.addAt(r.Line, p.t.HeaderName(c), "%v", err)
				continue
			}
			total += m
		}
	}
	return total
}
