package importfile

import (
	"strings"

	"clockwork/data"
)

// amountFields are the fields whose cells are money, and may name their currency.
var amountFields = []orderField{oSubtotal, oShipping, oTax, oTotal, oDiscount, oFees, lPrice, lLineTotal}

// currency sets the order's currency from its currency column, or else from the signs and
// codes its amounts carry ("$12.50", "12,50 GBP"). Two different currencies in one order is
// a problem naming both: amounts in different money cannot be added up.
func (p *orderParser) currency(rows []Row, d *draft) {
	o := &d.order
	o.Currency = strings.ToUpper(strings.TrimSpace(d.vals[oCurrency]))
	if o.Currency != "" && (len(o.Currency) != 3 || !isLetters(o.Currency)) {
		if c := data.CurrencyOf(o.Currency + " 1"); c != "" {
			o.Currency = c // "$" or "€" in a currency column
		} else {
			p.add(d.lines[oCurrency], oCurrency, "%q is not a currency code: write one like EUR, USD or JPY", d.vals[oCurrency])
			return
		}
	}
	from := ""
	if o.Currency != "" {
		from = p.t.HeaderName(p.cols[oCurrency])
	}
	defer func() { o.CurrencyColumn = from }()
	for _, r := range rows {
		for _, f := range amountFields {
			s := value(r, p.cols[f])
			if s == "" || (s[0] >= '0' && s[0] <= '9' && s[len(s)-1] >= '0' && s[len(s)-1] <= '9') {
				continue
			}
			c := data.CurrencyOf(s)
			switch {
			case c == "" || c == o.Currency:
			case o.Currency == "":
				o.Currency, from = c, p.t.HeaderName(p.cols[f])
			default:
				p.add(r.Line, f, "%q is in %s but the order's amounts are in %s (%s): one order's amounts must be in one currency",
					s, c, o.Currency, from)
				return
			}
		}
	}
}

func isLetters(s string) bool {
	for _, r := range s {
		if r < 'A' || r > 'Z' {
			return false
		}
	}
	return true
}

// feeNames reads a fee names cell: plain text, or WebToffee's packed fee items
// ("name:Gift Wrap|total:1.00|tax:0.18", several separated by ';'), as "Gift Wrap, …".
func feeNames(cell string) string {
	if !strings.Contains(cell, "name:") {
		return strings.TrimSpace(cell)
	}
	var names []string
	for _, item := range strings.Split(cell, ";") {
		if n := unpack(item)["name"]; n != "" {
			names = append(names, n)
		}
	}
	return strings.Join(names, ", ")
}
