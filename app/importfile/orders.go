package importfile

import (
	"fmt"
	"strings"
	"time"

	"clockwork/data"
)

// Order is one customer order read from an export, with its lines.
type Order struct {
	Line     int // first line of the order in the file
	Channel  data.Channel
	Number   string // as the shop shows it, e.g. "#1001"
	PlacedAt time.Time
	Customer string
	Email    string
	Phone    string
	ShipTo   data.Address
	// Subtotal (lines after discounts), Shipping, Tax and Total are taken from the file; a
	// layout without them gets them computed from the lines (Total = Subtotal+Shipping+Tax).
	Subtotal, Shipping, Tax, Total data.Money
	// Discount is what the platform took off the lines; Fees are charges beyond items,
	// shipping and tax (gift wrap, handling), FeeNames what they were called.
	Discount, Fees data.Money
	FeeNames       string
	// Currency is the amounts' currency code as the file gives it ("" when it does not say);
	// CurrencyColumn the column that said so, for a problem about it.
	Currency, CurrencyColumn string
	Note                     string
	Gift                     bool
	// Cancelled says the platform cancelled, refunded or voided the order; CancelledAt is
	// when, if the file says (zero otherwise).
	Cancelled   bool
	CancelledAt time.Time
	// Held says the order is not paid yet (pending, authorized, on-hold): not to be bought.
	Held bool
	// Fulfilled says the platform fulfilled every line already.
	Fulfilled bool
	// SourceStatus is the platform's own status as the file gives it: Shopify's Financial
	// Status ("paid", "refunded"), WooCommerce's order status ("completed", "on-hold");
	// SourceFulfillment its fulfillment status ("fulfilled", "partial").
	SourceStatus, SourceFulfillment string
	// SourceID is the platform's internal order id (Shopify "Id", WooCommerce order_id), if given.
	SourceID string
	Lines    []OrderLine
}

// OrderLine is one item of an Order.
type OrderLine struct {
	Line      int // the file line it was read from
	SKU       string
	Title     string // with the variant's options, e.g. "Linen apron (Colour: Red)"
	Qty       int
	UnitPrice data.Money
	// Fulfilled says the platform shipped this line already; NoShipping that it needs no
	// shipping (a gift card, a download). Neither is ever bought.
	Fulfilled, NoShipping bool
}

// ParseOrders reads the orders of a table in the given layout; times without an offset are
// read as UTC (use ParseOrdersIn for the shop's time zone). It returns the orders without
// problems and every problem found; an order with a problem is left out.
func ParseOrders(t *Table, f Format) ([]Order, []Problem) {
	return ParseOrdersIn(t, f, time.UTC)
}

// ParseOrdersIn is ParseOrders with times that carry no offset read in loc.
func ParseOrdersIn(t *Table, f Format, loc *time.Location) ([]Order, []Problem) {
	spec := specOf(t, f)
	if spec == nil {
		return nil, []Problem{{Message: fmt.Sprintf("%q is not an order format: use shopify, woocommerce, etsy, amazon, ebay or generic", f)}}
	}
	p := newOrderParser(t, spec, loc)
	if missing := p.missingColumns(); len(missing) > 0 {
		return nil, missing
	}
	return p.parse()
}

// orderField is one value an order export may carry: order-level fields first, then the
// fields of a line item.
type orderField int

const (
	oNumber orderField = iota
	oID
	oPlacedAt
	oStatus
	oCancelledAt
	oEmail
	oEmailAlt
	oCustomer
	oCustomerFirst
	oCustomerLast
	oPhone
	oPhoneAlt
	oShipName
	oShipFirst
	oShipLast
	oShipCompany
	oShipAddress1
	oShipAddress2
	oShipStreet
	oShipCity
	oShipProvince
	oShipZip
	oShipCountry
	oShipPhone
	oSubtotal
	oShipping
	oTax
	oTotal
	oDiscount
	oNote
	oGift
	oFulfillment
	oCurrency
	oFees
	oFeeNames
	numHeadFields
)

// Line item fields follow the order-level ones.
const (
	lSKU orderField = numHeadFields + iota
	lTitle
	lQty
	lPrice     // unit price
	lLineTotal // price of the whole line, divided by the quantity when no unit price is given
	lVariant
	lRequiresShipping
	lFulfillment
	numOrderFields
)

// orderAliases are the header names of each field in one layout, preferred first.
type orderAliases [numOrderFields][]string

// orderColumns holds each field's column index, -1 where the file lacks it.
type orderColumns [numOrderFields]int

func findOrderColumns(t *Table, a *orderAliases) orderColumns {
	var c orderColumns
	for f := range c {
		c[f] = t.Column(a[f]...)
	}
	return c
}

// looksLikeOrders says the header has an order number, a quantity and an item column.
func (c orderColumns) looksLikeOrders() bool {
	return c[oNumber] >= 0 && c[lQty] >= 0 && (c[lSKU] >= 0 || c[lTitle] >= 0)
}

// orderSpec is one export layout: its channel, column names, the columns it cannot do
// without, how a row's line items are read, and what it derives once an order is gathered.
type orderSpec struct {
	channel  data.Channel
	aliases  *orderAliases
	required [][]orderField // each entry: at least one of these columns
	items    func(p *orderParser, r Row) []OrderLine
	finish   func(p *orderParser, rows []Row, o *draft) // may be nil
	skipRow  func(r Row) bool                           // may be nil: rows that are no order's
}

// missingColumns lists each required column the file lacks, with the headers it has.
func (p *orderParser) missingColumns() []Problem {
	var out []Problem
	for _, oneOf := range p.spec.required {
		found := false
		var names []string
		for _, f := range oneOf {
			found = found || p.cols[f] >= 0
			names = append(names, p.spec.aliases[f][0])
		}
		if found {
			continue
		}
		out = append(out, Problem{Line: p.t.HeaderLine, Column: names[0], Message: fmt.Sprintf(
			"the file has no %s column (needed for a %s order export); headers found: %s",
			strings.Join(names, " or "), p.spec.channel, p.t.headerList())})
	}
	return out
}
