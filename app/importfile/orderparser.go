package importfile

import (
	"fmt"
	"strings"
	"time"

	"clockwork/data"
)

// orderParser gathers the rows of a table into orders for one layout, collecting problems.
type orderParser struct {
	t        *Table
	spec     *orderSpec
	cols     orderColumns
	loc      *time.Location
	dates    dayOrder
	itemCols []int // WebToffee's line_item_N columns
	taxCols  []int // Shopify Transporter's per-line tax columns
	shipCols []int // Shopify Transporter's shipping-line prices
	problems []Problem
	// d and rows are the order being built and its rows, reused from order to order: a
	// draft is large, and an import of 100,000 orders would otherwise make as many.
	d    draft
	rows []Row
	// present are the order-level fields the file has a column for.
	present []orderField
}

func newOrderParser(t *Table, spec *orderSpec, loc *time.Location) *orderParser {
	p := &orderParser{t: t, spec: spec, cols: findOrderColumns(t, spec.aliases), loc: loc}
	if c := p.cols[oPlacedAt]; c >= 0 {
		values := make([]string, 0, len(t.Rows))
		for _, r := range t.Rows {
			values = append(values, r.Cell(c))
		}
		p.dates = dateOrderOf(values)
	}
	for i, h := range t.Header {
		n := normalize(h)
		switch {
		case strings.HasPrefix(n, "lineitem") && allDigits(n[len("lineitem"):]):
			p.itemCols = append(p.itemCols, i)
		case n == "tax1price" || n == "tax2price" || n == "tax3price" || n == "shippingtaxprice":
			p.taxCols = append(p.taxCols, i)
		case n == "shippinglineprice":
			p.shipCols = append(p.shipCols, i)
		}
	}
	return p
}

// addAt records a problem in a named column.
func (p *orderParser) addAt(line int, column, format string, args ...any) {
	p.problems = append(p.problems, Problem{Line: line, Column: column, Message: fmt.Sprintf(format, args...)})
}

// add records a problem in a field's column.
func (p *orderParser) add(line int, f orderField, format string, args ...any) {
	p.addAt(line, p.t.HeaderName(p.cols[f]), format, args...)
}

// group is the rows (indexes into the table) that carry one order number, in file order.
type group struct {
	number string
	rows   []int
}

// parse gathers rows by order number and builds each order.
func (p *orderParser) parse() ([]Order, []Problem) {
	p.present = p.present[:0]
	for f := orderField(0); f < numHeadFields; f++ {
		if p.cols[f] >= 0 {
			p.present = append(p.present, f)
		}
	}
	index := make(map[string]*group)
	var groups []*group
	for i, r := range p.t.Rows {
		if p.spec.skipRow != nil && p.spec.skipRow(r) {
			continue
		}
		n := value(r, p.cols[oNumber])
		if n == "" {
			n = value(r, p.cols[oID])
		}
		if n == "" {
			p.add(r.Line, oNumber, "the order number is empty: every row needs the number of its order")
			continue
		}
		g := index[n]
		if g == nil {
			g = &group{number: n}
			index[n] = g
			groups = append(groups, g)
		}
		g.rows = append(g.rows, i)
	}
	out := make([]Order, 0, len(groups))
	for _, g := range groups {
		if o, ok := p.build(g); ok {
			out = append(out, o)
		}
	}
	return out, p.problems
}

// draft is an order being built: the first non-empty text of each order-level field (and
// the line it came from), and the amounts read so far.
type draft struct {
	vals  [numHeadFields]string
	lines [numHeadFields]int
	money [numHeadFields]data.Money
	have  [numHeadFields]bool // money[f] was read from the file
	order Order
}

// build turns a group of rows into an order; ok is false when it has a problem.
func (p *orderParser) build(g *group) (Order, bool) {
	before := len(p.problems)
	rows := p.rows[:0]
	for _, i := range g.rows {
		rows = append(rows, p.t.Rows[i])
	}
	p.rows = rows
	d := &p.d
	*d = draft{order: Order{Line: rows[0].Line, Channel: p.spec.channel, Number: g.number}}
	p.gather(g, rows, d)
	for _, r := range rows {
		d.order.Lines = append(d.order.Lines, p.spec.items(p, r)...)
	}
	p.fill(d)
	p.status(d)
	p.currency(rows, d)
	if p.spec.finish != nil {
		p.spec.finish(p, rows, d)
	}
	p.totals(d)
	if len(d.order.Lines) == 0 && len(p.problems) == before {
		p.addAt(d.order.Line, "", "order %s has no line items: each order needs at least one row with a quantity and a SKU or title", g.number)
	}
	for i := before; i < len(p.problems); i++ {
		p.problems[i].Order = g.number
	}
	return d.order, len(p.problems) == before
}

// identityField marks the fields that say whose order it is, when and where it goes: two
// rows of one order that differ in one are two orders under one number, never merged.
var identityField = [numHeadFields]bool{
	oPlacedAt: true, oEmail: true, oEmailAlt: true, oCustomer: true, oCustomerFirst: true, oCustomerLast: true,
	oShipName: true, oShipFirst: true, oShipLast: true, oShipAddress1: true, oShipAddress2: true, oShipStreet: true,
	oShipCity: true, oShipZip: true, oShipCountry: true,
}

// gather takes each order-level field from the first row that fills it. An order number
// seen again after other orders (a new run of rows) must agree with what came before.
func (p *orderParser) gather(g *group, rows []Row, d *draft) {
	var run [numHeadFields]int
	current, conflict := 0, false
	for k, r := range rows {
		if k > 0 && g.rows[k] != g.rows[k-1]+1 {
			current++
		}
		for _, f := range p.present {
			v := value(r, p.cols[f])
			switch {
			case v == "":
			case d.vals[f] == "":
				d.vals[f], d.lines[f], run[f] = v, r.Line, current
			case !conflict && run[f] != current && v != d.vals[f]:
				conflict = true
				p.add(r.Line, f, "order %s appears again here with %q, but line %d has %q: keep all rows of one order together, or give the orders different numbers",
					g.number, v, d.lines[f], d.vals[f])
			case !conflict && identityField[f] && v != d.vals[f]:
				conflict = true
				p.add(r.Line, f, "this row of order %s has %q, but line %d has %q: rows of one order cannot have another customer, date or address; check the order number",
					g.number, v, d.lines[f], d.vals[f])
			}
		}
	}
}

// fill sets the order's fields from the gathered text.
func (p *orderParser) fill(d *draft) {
	v, o := &d.vals, &d.order
	o.Email = firstOf(v[oEmail], v[oEmailAlt])
	o.Customer = firstOf(v[oCustomer], oneLine(v[oCustomerFirst], v[oCustomerLast]))
	o.Phone = firstOf(v[oPhone], v[oPhoneAlt])
	o.ShipTo = data.Address{
		Name:     firstOf(v[oShipName], oneLine(v[oShipFirst], v[oShipLast])),
		Company:  v[oShipCompany],
		Address1: firstOf(v[oShipAddress1], v[oShipStreet]),
		Address2: v[oShipAddress2],
		City:     v[oShipCity],
		Province: v[oShipProvince],
		Zip:      strings.TrimPrefix(v[oShipZip], "'"), // Shopify keeps leading zeros with a '
		Country:  v[oShipCountry],
		Phone:    v[oShipPhone],
	}
	o.Note = v[oNote]
	o.FeeNames = feeNames(v[oFeeNames])
	p.gift(d)
	if strings.Contains(strings.ToLower(o.FeeNames), "gift") {
		o.Gift = true // gift wrap
	}
	p.placedAt(d)
	for _, f := range []orderField{oSubtotal, oShipping, oTax, oTotal, oDiscount, oFees} {
		if v[f] == "" {
			continue
		}
		m, err := parseAmount(v[f])
		switch {
		case err != nil:
			p.add(d.lines[f], f, "%v", err)
		case m < 0:
			p.add(d.lines[f], f, "%s is negative: an order amount cannot be below zero", m.Plain())
		default:
			d.money[f], d.have[f] = m, true
		}
	}
}

// placedAt reads the order date, which every order needs.
func (p *orderParser) placedAt(d *draft) {
	s := d.vals[oPlacedAt]
	if s == "" {
		p.addAt(d.order.Line, p.t.HeaderName(p.cols[oPlacedAt]), "order %s has no date: fill in when it was placed", d.order.Number)
		return
	}
	t, err := parseTime(s, p.loc, p.dates)
	if err != nil {
		p.add(d.lines[oPlacedAt], oPlacedAt, "%v", err)
		return
	}
	d.order.PlacedAt = t
}

// gift reads a gift column: yes/no, or a gift message, which goes into the note.
func (p *orderParser) gift(d *draft) {
	s := d.vals[oGift]
	switch strings.ToLower(s) {
	case "", "0", "no", "n", "false":
		return
	case "1", "yes", "y", "true", "x":
		d.order.Gift = true
		return
	}
	d.order.Gift = true
	d.order.Note = strings.TrimSpace(d.order.Note + "\n" + s)
}

// totals fills the amounts a layout lacks: the subtotal from the lines (less any discount)
// and the total from subtotal, shipping and tax.
func (p *orderParser) totals(d *draft) {
	o := &d.order
	if !d.have[oSubtotal] {
		var sum data.Money
		for _, l := range o.Lines {
			sum += l.UnitPrice * data.Money(l.Qty)
		}
		d.money[oSubtotal] = max(sum-d.money[oDiscount], 0)
	}
	o.Subtotal, o.Shipping, o.Tax = d.money[oSubtotal], d.money[oShipping], d.money[oTax]
	o.Discount, o.Fees = d.money[oDiscount], d.money[oFees]
	o.Total = d.money[oTotal]
	if !d.have[oTotal] {
		o.Total = o.Subtotal + o.Shipping + o.Tax + o.Fees
	}
}

// firstOf is the first non-empty text.
func firstOf(s ...string) string {
	for _, x := range s {
		if x != "" {
			return x
		}
	}
	return ""
}
