package importfile

import "clockwork/data"

// genericAliases are the columns of DESIGN 9's generic layout, plus optional amounts.
var genericAliases = orderAliases{
	oNumber:           {"order_number"},
	oPlacedAt:         {"placed_at"},
	oStatus:           {"status"},
	oID:               {"order_id"},
	oFulfillment:      {"fulfillment_status"},
	oCancelledAt:      {"cancelled_at"},
	oCurrency:         {"currency"},
	oDiscount:         {"discount"},
	oFees:             {"fees"},
	oFeeNames:         {"fee_names"},
	oCustomer:         {"customer_name", "customer"},
	oEmail:            {"email"},
	oPhone:            {"phone"},
	oShipName:         {"ship_name"},
	oShipCompany:      {"ship_company"},
	oShipAddress1:     {"ship_address1"},
	oShipAddress2:     {"ship_address2"},
	oShipCity:         {"ship_city"},
	oShipProvince:     {"ship_province"},
	oShipZip:          {"ship_zip"},
	oShipCountry:      {"ship_country"},
	oShipPhone:        {"ship_phone"},
	oSubtotal:         {"subtotal"},
	oShipping:         {"shipping"},
	oTax:              {"tax"},
	oTotal:            {"total"},
	oNote:             {"note"},
	oGift:             {"gift", "gift_message"},
	lSKU:              {"sku"},
	lTitle:            {"title"},
	lQty:              {"qty", "quantity"},
	lPrice:            {"unit_price"},
	lLineTotal:        {"line_total"},
	lVariant:          {"variant"},
	lRequiresShipping: {"requires_shipping"},
	lFulfillment:      {"line_fulfillment"},
}

// genericSpec reads the generic layout: one row per line item, grouped by order_number.
var genericSpec = orderSpec{
	channel:  data.ChannelGeneric,
	aliases:  &genericAliases,
	required: [][]orderField{{oNumber}, {oPlacedAt}, {lQty}, {lPrice, lLineTotal}, {lSKU, lTitle}},
	items:    flatItems,
}
