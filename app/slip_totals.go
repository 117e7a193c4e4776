package app

import (
	"strings"

	"clockwork/data"
	"clockwork/reports"
)

// slipAmounts are the money a packing slip prints, in the currency it prints them in.
type slipAmounts struct {
	currency                                       string
	unitPrices                                     []data.Money // one per line of the order
	subtotal, discount, shipping, tax, fees, total data.Money
}

// slipMoney is what a slip tells the customer they paid: for an order converted from
// another currency at import, its own lines and charges in that currency; otherwise the
// order's amounts in the shop's currency.
func slipMoney(o *data.Order, shopCurrency string) slipAmounts {
	if originalsKept(o, shopCurrency) {
		a := slipAmounts{currency: o.Currency, subtotal: o.OriginalSubtotal, discount: o.OriginalDiscount,
			shipping: o.OriginalShipping, tax: o.OriginalTax, fees: o.OriginalFees, total: o.OriginalTotal}
		for _, l := range o.Lines {
			a.unitPrices = append(a.unitPrices, l.OriginalUnitPrice)
		}
		return a
	}
	a := slipAmounts{currency: shopCurrency, subtotal: o.Subtotal, discount: o.Discount, shipping: o.Shipping,
		tax: o.Tax, fees: o.Fees, total: o.Total}
	for _, l := range o.Lines {
		a.unitPrices = append(a.unitPrices, l.UnitPrice)
	}
	return a
}

// originalsKept says the order was converted from another currency and its own amounts
// were kept: orders converted before they were (schema 3) have only their original total.
func originalsKept(o *data.Order, shopCurrency string) bool {
	if o.Currency == "" || o.Currency == shopCurrency || o.OriginalTotal == 0 {
		return false
	}
	pairs := [][2]data.Money{{o.Subtotal, o.OriginalSubtotal}, {o.Discount, o.OriginalDiscount},
		{o.Shipping, o.OriginalShipping}, {o.Tax, o.OriginalTax}, {o.Fees, o.OriginalFees}}
	for _, l := range o.Lines {
		pairs = append(pairs, [2]data.Money{l.UnitPrice, l.OriginalUnitPrice})
	}
	for _, p := range pairs {
		if p[0] != 0 && p[1] == 0 {
			return false
		}
	}
	return true
}

// slipTotals fills a slip's totals so that they add up as the web shop's did: the lines'
// sum, less the discount, plus shipping, the fees by name and the tax (or the tax noted as
// included, when the prices held it already) make the platform's total. An order paid in
// another currency shows what the customer paid, in that currency.
func slipTotals(s *reports.PackingSlip, o *data.Order, a slipAmounts) {
	money := func(m data.Money) string { return m.Format(a.currency) }
	var items data.Money
	for i, l := range o.Lines {
		items += a.unitPrices[i] * data.Money(l.Qty)
	}
	s.Subtotal, s.Total = money(items), money(a.total)
	if items == 0 {
		s.Subtotal = money(a.subtotal)
	}
	if a.discount > 0 && !discountInPrices(items, a) {
		s.Discount = "−" + money(a.discount)
	}
	if a.shipping != 0 {
		s.Shipping = money(a.shipping)
	}
	if a.fees != 0 {
		label := strings.TrimSpace(o.FeeNames)
		if label == "" {
			label = "Fees"
		}
		s.Charges = []reports.SlipCharge{{Label: label, Value: money(a.fees)}}
	}
	if a.tax != 0 {
		s.Tax = money(a.tax)
		before := items + a.shipping + a.fees
		if s.Discount != "" {
			before -= a.discount
		}
		s.TaxIncluded = before == a.total && before+a.tax != a.total
	}
	if o.Currency != "" && o.Currency != a.currency && o.OriginalTotal != 0 {
		s.PaidAs = o.OriginalTotal.Format(o.Currency) // converted before its lines were kept
	}
}

// discountInPrices says the line prices are after the discount already (WooCommerce's line
// totals are): the total adds up without taking it off again, and does not with it.
func discountInPrices(items data.Money, a slipAmounts) bool {
	if items == 0 {
		return false
	}
	adds := func(discount data.Money) bool {
		before := items - discount + a.shipping + a.fees
		return before == a.total || before+a.tax == a.total
	}
	return !adds(a.discount) && adds(0)
}
