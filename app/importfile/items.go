package importfile

import (
	"fmt"
	"strings"

	"clockwork/data"
)

// maxLineQty bounds one line's quantity; more is surely a typo, and it keeps line sums far
// from overflowing.
const maxLineQty = 100_000

// itemText is a line item as text, with the column each part came from (for problems).
type itemText struct {
	line                          int
	sku, title, qty, price, total string
	skuCol, qtyCol, priceCol      string
	row                           Row // the row, for a hint when its cells seem one column off
	qtyIdx                        int // the quantity's column in row, -1 when packed in a cell
}

// flatItems reads the line item of a one-row-per-item layout. A row without SKU, title,
// quantity or price carries none (Shopify writes shipping lines and refunds on such rows).
func flatItems(p *orderParser, r Row) []OrderLine {
	it := itemText{
		line:  r.Line,
		sku:   value(r, p.cols[lSKU]),
		title: value(r, p.cols[lTitle]),
		qty:   value(r, p.cols[lQty]),
		price: value(r, p.cols[lPrice]),
		total: value(r, p.cols[lLineTotal]),
	}
	if it.sku == "" && it.title == "" && it.qty == "" && it.price == "" && it.total == "" {
		return nil
	}
	it.skuCol = p.t.HeaderName(firstColumn(p.cols[lSKU], p.cols[lTitle]))
	it.qtyCol = p.t.HeaderName(p.cols[lQty])
	it.priceCol = p.t.HeaderName(firstColumn(p.cols[lPrice], p.cols[lLineTotal]))
	it.row, it.qtyIdx = r, p.cols[lQty]
	l, ok := p.item(it)
	if !ok {
		return nil
	}
	l.Title = withVariant(l.Title, value(r, p.cols[lVariant]))
	l.NoShipping = !needsShipping(value(r, p.cols[lRequiresShipping]))
	l.Fulfilled = fulfilledStatus(value(r, p.cols[lFulfillment]))
	return []OrderLine{l}
}

// withVariant adds a variant's options to a line's title, unless the title already holds
// them (Shopify's "Lineitem name" is "Apron - Red / L" when "Lineitem variant" is "Red / L").
// Etsy writes "Colour:Red,Size:L", WooCommerce plugins "color:Red": both read as written.
func withVariant(title, variant string) string {
	variant = strings.TrimSpace(strings.Trim(strings.TrimSpace(variant), "[]")) // eBay: "[Colour:Sage]"
	if variant == "" || strings.Contains(title, variant) || strings.EqualFold(variant, "Default Title") {
		return title
	}
	if title == "" {
		return variant
	}
	return title + " (" + variant + ")"
}

// firstColumn is the first index that is not -1.
func firstColumn(cols ...int) int {
	for _, c := range cols {
		if c >= 0 {
			return c
		}
	}
	return -1
}

// item checks one line item: a SKU or title, a whole quantity of at least 1, and a unit
// price (or a line total, divided by the quantity and rounded to the cent).
func (p *orderParser) item(it itemText) (OrderLine, bool) {
	before := len(p.problems)
	l := OrderLine{Line: it.line, SKU: it.sku, Title: it.title}
	if it.sku == "" && it.title == "" {
		p.addAt(it.line, it.skuCol, "the line item has no SKU and no title: give at least one")
	}
	switch n, err := parseCount(it.qty); {
	case it.qty == "":
		p.addAt(it.line, it.qtyCol, "the quantity is empty: write how many were ordered (1 or more)")
	case err != nil:
		p.addAt(it.line, it.qtyCol, "%v: the quantity must be a whole number of 1 or more%s", err, offByOneHint(it.row, it.qtyIdx))
	case n < 1:
		p.addAt(it.line, it.qtyCol, "%d: the quantity must be 1 or more", n)
	case n > maxLineQty:
		p.addAt(it.line, it.qtyCol, "%d is more than %d of one item: check the quantity", n, maxLineQty)
	default:
		l.Qty = n
	}
	price, ok := p.unitPrice(it, l.Qty)
	l.UnitPrice = price
	return l, ok && len(p.problems) == before
}

// unitPrice reads the unit price, or derives it from the line total when that is all there is.
func (p *orderParser) unitPrice(it itemText, qty int) (data.Money, bool) {
	text := firstOf(it.price, it.total)
	if text == "" {
		p.addAt(it.line, it.priceCol, "the price is empty: write the unit price (0 for a free item)")
		return 0, false
	}
	m, err := parseAmount(text)
	if err != nil {
		p.addAt(it.line, it.priceCol, "%v", err)
		return 0, false
	}
	if m < 0 {
		p.addAt(it.line, it.priceCol, "%s is negative: a price cannot be below zero", m.Plain())
		return 0, false
	}
	if it.price == "" && qty > 0 { // a line total: the unit price is its share, to the cent
		m = (m + data.Money(qty)/2) / data.Money(qty)
	}
	return m, true
}

// offByOneHint explains a quantity cell holding text when a neighbouring cell holds a
// number: the row probably has a separator too many or too few (Shopify's own Transporter
// sample has such a row).
func offByOneHint(r Row, qtyCol int) string {
	if qtyCol < 0 {
		return ""
	}
	for _, c := range []int{qtyCol + 1, qtyCol - 1} {
		if n, err := parseCount(value(r, c)); err == nil && n > 0 {
			return fmt.Sprintf(" (the row's cells seem one column off from the header, the cell beside it holds %d: check the row for a separator too many or too few)", n)
		}
	}
	return ""
}
