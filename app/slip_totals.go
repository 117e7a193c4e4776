package app

import (
	"strings"

	"clockwork/data"
	"clockwork/reports"
)

// slipTotals fills a slip's totals so that they add up as the web shop's did: the lines'
// sum, less the discount, plus shipping, the fees by name and the tax (or the tax noted as
// included, when the prices held it already) make the platform's total. An order paid in
// another currency shows what the customer paid in it.
func slipTotals(s *reports.PackingSlip, o *data.Order, currency string) {
	money := func(m data.Money) string { return m.Format(currency) }
	var items data.Money
	for _, l := range o.Lines {
		items += l.UnitPrice * data.Money(l.Qty)
	}
	s.Subtotal, s.Total = money(items), money(o.Total)
	if items == 0 {
		s.Subtotal = money(o.Subtotal)
	}
	if o.Discount > 0 {
		s.Discount = "−" + money(o.Discount)
	}
	if o.Shipping != 0 {
		s.Shipping = money(o.Shipping)
	}
	if o.Fees != 0 {
		label := strings.TrimSpace(o.FeeNames)
		if label == "" {
			label = "Fees"
		}
		s.Charges = []reports.SlipCharge{{Label: label, Value: money(o.Fees)}}
	}
	if o.Tax != 0 {
		s.Tax = money(o.Tax)
		before := items - o.Discount + o.Shipping + o.Fees
		s.TaxIncluded = before == o.Total && before+o.Tax != o.Total
	}
	if o.Currency != "" && o.Currency != currency && o.OriginalTotal != 0 {
		s.PaidAs = o.OriginalTotal.Format(o.Currency)
	}
}
