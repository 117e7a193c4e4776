package reports

import "strconv"

// parties is the shop (who orders) beside the supplier (who ships).
func (p *poDoc) parties() block {
	d, st, c := p.d, p.st, p.d.colors
	colW := (st.width() - 10) / 2
	body := face{fontText, "", st.body, c.ink}
	muted := face{fontText, "", st.small, c.muted}
	shop := p.shop
	from := d.addressColumn(colW, shop.Name, face{fontText, "B", st.body + 1, c.strong},
		splitLines(shop.Address), body, []string{joinNonEmpty(sep, shop.Email, shop.Phone)}, muted)
	s := p.po.Supplier
	lines := splitLines(s.Address)
	if s.ContactPerson != "" {
		lines = append([]string{"Attn. " + s.ContactPerson}, lines...)
	}
	to := d.addressColumn(colW, s.Name, face{fontText, "B", st.body + 1, c.ink},
		lines, body, []string{joinNonEmpty(sep, s.Email, s.Phone)}, muted)
	label := lineHeight(st.label) + 0.8
	return block{h: label + max(from.h, to.h), draw: func(y float64) {
		section := face{fontMedium, "", st.label, c.strong}
		d.text(st.x0, y, colW, "FROM", section, "L")
		from.draw(st.x0, y+label)
		d.text(st.x1-colW, y, colW, "SUPPLIER", section, "L")
		to.draw(st.x1-colW, y+label)
	}}
}

// facts is a tinted band with what the supplier acts on: when the order was sent, when it
// should ship and what it comes to.
func (p *poDoc) facts() block {
	d, st, c := p.d, p.st, p.d.colors
	sent, shipBy := p.po.SentOn, p.po.ShipBy
	if sent == "" {
		sent = "Draft, not sent yet"
	}
	if shipBy == "" {
		shipBy = "As soon as possible"
	}
	cells := [][2]string{{"DATE SENT", sent}, {"PLEASE SHIP BY", shipBy}, {"ORDER TOTAL", p.po.Money(p.total())}}
	const top, pad = 6.0, 3.5
	inner := lineHeight(st.label) + 0.8 + lineHeight(st.body+1.5)
	return block{h: top + inner + 2*pad, draw: func(y float64) {
		y += top
		d.box(st.x0, y, st.width(), inner+2*pad, c.tint)
		cw := (st.width() - 2*pad) / float64(len(cells))
		for i, cell := range cells {
			x := st.x0 + pad + float64(i)*cw
			d.text(x, y+pad, cw-3, cell[0], face{fontMedium, "", st.label, c.strong}, "L")
			d.text(x, y+pad+lineHeight(st.label)+0.8, cw-3, cell[1], face{fontText, "B", st.body + 1.5, c.ink}, "L")
		}
	}}
}

// poColumns places the table's columns.
type poColumns struct {
	supX, supW, skuX, skuW, itemX, itemW, qtyX, qtyW, unitX, unitW, totalX, totalW float64
}

func (p *poDoc) columns() poColumns {
	st := p.st
	var c poColumns
	c.supX, c.supW = st.x0, 29
	c.skuX, c.skuW = c.supX+c.supW+3, 25
	c.totalW, c.unitW, c.qtyW = 25, 23, 13
	c.totalX = st.x1 - c.totalW
	c.unitX = c.totalX - c.unitW
	c.qtyX = c.unitX - c.qtyW
	c.itemX = c.skuX + c.skuW + 3
	c.itemW = c.qtyX - c.itemX - 3
	return c
}

func (p *poDoc) tableHead() block {
	d, st, cl := p.d, p.st, p.d.colors
	c := p.columns()
	f := face{fontMedium, "", st.label, cl.muted}
	const top = 7.0
	return block{h: top + lineHeight(st.label) + 1.2, keep: true, draw: func(y float64) {
		y += top
		d.text(c.supX, y, c.supW, "SUPPLIER SKU", f, "L")
		d.text(c.skuX, y, c.skuW, "OUR SKU", f, "L")
		d.text(c.itemX, y, c.itemW, "ITEM", f, "L")
		d.text(c.qtyX, y, c.qtyW, "QTY", f, "R")
		d.text(c.unitX, y, c.unitW, "UNIT COST", f, "R")
		d.text(c.totalX, y, c.totalW, "LINE TOTAL", f, "R")
		d.rule(st.x0, st.x1, y+lineHeight(st.label)+0.6, cl.ink, 0.25)
	}}
}

// row is one supplier SKU: the supplier's code stands out, since that is what they pick by.
func (p *poDoc) row(r *poRow) block {
	d, st, cl := p.d, p.st, p.d.colors
	c := p.columns()
	body := face{fontText, "", st.body, cl.ink}
	bold := face{fontText, "B", st.body, cl.ink}
	small := face{fontText, "", st.small, cl.muted}
	title := d.clip(d.wrap(r.title, c.itemW, body), 3, c.itemW, body)
	sup := d.clip(d.wrap(r.supplierSKU, c.supW, bold), 2, c.supW, bold)
	n := max(len(title), len(sup), 1)
	const pad = 2.2
	h := float64(n)*lineHeight(st.body) + 2*pad
	return block{h: h, draw: func(y float64) {
		ty := y + pad
		d.lines(c.supX, ty, c.supW, sup, bold, "L")
		d.text(c.skuX, ty+0.3, c.skuW, r.sku, small, "L")
		d.lines(c.itemX, ty, c.itemW, title, body, "L")
		d.text(c.qtyX, ty, c.qtyW, strconv.Itoa(r.qty), bold, "R")
		d.text(c.unitX, ty, c.unitW, p.po.Money(r.unit), body, "R")
		d.text(c.totalX, ty, c.totalW, p.po.Money(r.total), body, "R")
		d.rule(st.x0, st.x1, y+h, cl.line, 0.2)
	}}
}

// totals adds up the rows, shipping and the total, with a count the supplier can check.
func (p *poDoc) totals() block {
	d, st, cl := p.d, p.st, p.d.colors
	sum, units := int64(0), 0
	for _, r := range p.rows {
		sum += r.total
		units += r.qty
	}
	type line struct{ label, value string }
	var rows []line
	if p.po.ShippingCents != 0 {
		rows = append(rows, line{"Subtotal", p.po.Money(sum)}, line{"Shipping", p.po.Money(p.po.ShippingCents)})
	}
	total := p.po.Money(p.total())
	count := plural(units, "unit") + " in " + plural(len(p.rows), "line")
	const top, valW, labelW = 3.0, 30.0, 36.0
	lh := lineHeight(st.body) + 0.6
	h := top + float64(len(rows))*lh + 1.5 + lineHeight(st.body+1.5)
	return block{h: h, draw: func(y float64) {
		y += top
		d.text(st.x0, y, st.width()/2, count, face{fontText, "", st.small, cl.muted}, "L")
		vx, lx := st.x1-valW, st.x1-valW-labelW
		for _, r := range rows {
			d.text(lx, y, labelW, r.label, face{fontText, "", st.body, cl.muted}, "L")
			d.text(vx, y, valW, r.value, face{fontText, "", st.body, cl.ink}, "R")
			y += lh
		}
		d.rule(lx, st.x1, y+0.4, cl.ink, 0.25)
		y += 1.5
		big := face{fontText, "B", st.body + 1.5, cl.ink}
		d.text(lx, y, labelW, "Total", big, "L")
		d.text(vx, y, valW, total, big, "R")
	}}
}

// notes are the shop's notes to the supplier (packing wishes, delivery hours).
func (p *poDoc) notes() (block, bool) {
	d, st, cl := p.d, p.st, p.d.colors
	text := face{fontText, "", st.body, cl.ink}
	lines := d.clip(d.wrap(p.po.Notes, st.width(), text), 12, st.width(), text)
	if len(lines) == 0 {
		return block{}, false
	}
	const top = 8.0
	label := lineHeight(st.label) + 0.8
	return block{h: top + label + float64(len(lines))*lineHeight(st.body), draw: func(y float64) {
		y += top
		d.text(st.x0, y, st.width(), "NOTES", face{fontMedium, "", st.label, cl.strong}, "L")
		d.lines(st.x0, y+label, st.width(), lines, text, "L")
	}}, true
}

// plural writes a count with its noun: "1 unit", "12 units".
func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return strconv.Itoa(n) + " " + noun + "s"
}

// total is what the supplier is owed: the rows and shipping.
func (p *poDoc) total() int64 {
	sum := p.po.ShippingCents
	for _, r := range p.rows {
		sum += r.total
	}
	return sum
}
