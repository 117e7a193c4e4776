package reports

import (
	"strconv"
	"strings"
)

// sectionLabel is the small heading above a part of the slip ("SHIP TO", "FROM").
func (o *slipOrder) sectionLabel() face {
	return face{fontMedium, "", o.st.label, o.d.colors.strong}
}

// addresses is the ship-to block and, on full-size paper, the shop's address beside it.
func (o *slipOrder) addresses() block {
	d, st, c := o.d, o.st, o.d.colors
	colW := o.width()
	if !st.compact {
		colW = (o.width() - 10) / 2
	}
	code, hasCode := block{}, false
	if st.compact {
		if bw := barcodeWidth(o.s.OrderNumber, barcodeModule); bw > 0 {
			code, hasCode = d.barcodeBlock(o.x1, st.barcodeH, o.s.OrderNumber)
			colW -= bw - barcodeQuiet*barcodeModule
		}
	}
	nameFace := face{fontText, "B", st.body + 1.5, c.ink}
	body := face{fontText, "", st.body, c.ink}
	muted := face{fontText, "", st.small, c.muted}
	lines, phone := addressLines(o.s.ShipTo), o.s.ShipTo.Phone
	if st.compact {
		lines, phone = compactAddressLines(o.s.ShipTo), ""
	}
	to := d.addressColumn(colW, o.s.ShipTo.Name, nameFace, lines, body, []string{phone}, muted)
	var from column
	if !st.compact {
		shopFace := face{fontText, "B", st.body + 0.5, c.strong}
		from = d.addressColumn(colW, o.shop.Name, shopFace, splitLines(o.shop.Address), body, []string{o.shop.Email, o.shop.Website}, muted)
	}
	label := lineHeight(st.label) + 0.8
	h := max(label+max(to.h, from.h), code.h) + 2*o.scale()
	return block{h: h, draw: func(y float64) {
		if hasCode {
			code.draw(y)
		}
		d.text(o.x0, y, colW, "SHIP TO", o.sectionLabel(), "L")
		to.draw(o.x0, y+label)
		if !st.compact {
			fx := o.x1 - colW
			d.text(fx, y, colW, "FROM", o.sectionLabel(), "L")
			from.draw(fx, y+label)
		}
	}}
}

// column is a measured stack of lines drawn at a position.
type column struct {
	h    float64
	draw func(x, y float64)
}

// addressColumn stacks a name, address lines and muted last lines (phone; email, website),
// each fitted into the column: a long name or address wraps, a long e-mail or website is
// set smaller or broken, so none is cut off.
func (d *document) addressColumn(w float64, name string, nameFace face, lines []string, body face, extras []string, extraFace face) column {
	type part struct {
		lines []string
		f     face
		gap   float64
	}
	var parts []part
	add := func(ls []string, f face, gap float64) {
		if len(ls) > 0 {
			parts = append(parts, part{ls, f, gap})
		}
	}
	nl, nf := d.fitLines(name, w, nameFace, 2)
	add(nl, nf, 0)
	for _, l := range lines {
		add(d.clip(d.wrap(l, w, body), 2, w, body), body, 0)
	}
	gap := 0.8
	for _, e := range extras {
		if strings.TrimSpace(e) != "" {
			el, ef := d.fitLines(e, w, extraFace, 2)
			add(el, ef, gap)
			gap = 0
		}
	}
	h := 0.0
	for _, p := range parts {
		h += p.gap + float64(len(p.lines))*lineHeight(p.f.size)
	}
	return column{h: h, draw: func(x, y float64) {
		for _, p := range parts {
			y += p.gap
			y += d.lines(x, y, w, p.lines, p.f, "L")
		}
	}}
}

// fitLines sets s in face f within w: on one line, in a type shrunk down to four-fifths
// if that is what it takes, else wrapped at that size onto at most max lines. It returns
// the lines and the face to print them in.
func (d *document) fitLines(s string, w float64, f face, max int) ([]string, face) {
	s = cleanLine(s)
	if strings.TrimSpace(s) == "" {
		return nil, f
	}
	small := f
	for small.size = f.size; small.size >= f.size*0.8; small.size -= 0.25 {
		if d.width(s, small) <= w {
			return []string{s}, small
		}
	}
	small.size = f.size * 0.8
	return d.clip(d.wrap(s, w, small), max, w, small), small
}

// slipColumns places the table's columns; a zero width leaves the column out.
type slipColumns struct {
	skuX, skuW, itemX, itemW, qtyX, qtyW, priceX, priceW, totalX, totalW float64
}

func (o *slipOrder) columns() slipColumns {
	var c slipColumns
	x := o.x0
	if !o.st.compact {
		c.skuX, c.skuW = x, 30
		x += c.skuW + 4
	}
	right := o.x1
	if o.s.priced() {
		c.totalW = 18
		if !o.st.compact {
			c.totalW, c.priceW = 26, 26
		}
		c.totalX = right - c.totalW
		c.priceX = c.totalX - c.priceW
		right = c.priceX
	}
	c.qtyW = 14
	if o.st.compact {
		c.qtyW = 9
	}
	c.qtyX = right - c.qtyW
	c.itemX, c.itemW = x, c.qtyX-x-3
	return c
}

// tableHead is the row of column names with a hairline under it.
func (o *slipOrder) tableHead() block {
	d, st, cl := o.d, o.st, o.d.colors
	c := o.columns()
	f := face{fontMedium, "", st.label, cl.muted}
	top := 4 * o.scale()
	h := top + lineHeight(st.label) + 1.2
	return block{h: h, keep: true, draw: func(y float64) {
		y += top
		if c.skuW > 0 {
			d.text(c.skuX, y, c.skuW, "SKU", f, "L")
		}
		d.text(c.itemX, y, c.itemW, "ITEM", f, "L")
		d.text(c.qtyX, y, c.qtyW, "QTY", f, "R")
		if c.priceW > 0 {
			d.text(c.priceX, y, c.priceW, "PRICE", f, "R")
		}
		if c.totalW > 0 {
			d.text(c.totalX, y, c.totalW, "TOTAL", f, "R")
		}
		d.rule(o.x0, o.x1, y+lineHeight(st.label)+0.6, cl.ink, 0.25)
	}}
}

// row is one order line: the title wraps over a few lines, the numbers align right.
func (o *slipOrder) row(l *SlipLine) block {
	d, st, cl := o.d, o.st, o.d.colors
	c := o.columns()
	body := face{fontText, "", st.body, cl.ink}
	small := face{fontText, "", st.small, cl.muted}
	title := d.clip(d.wrap(l.Title, c.itemW, body), st.titleLines, c.itemW, body)
	if len(title) == 0 {
		title = []string{""}
	}
	pad := 2.2 * o.scale()
	h := float64(len(title)) * lineHeight(st.body)
	if st.compact && l.SKU != "" {
		h += lineHeight(st.small)
	}
	h += 2 * pad
	qty := strconv.Itoa(l.Qty)
	return block{h: h, draw: func(y float64) {
		ty := y + pad
		if c.skuW > 0 {
			d.text(c.skuX, ty, c.skuW, l.SKU, small, "L")
		}
		ty += d.lines(c.itemX, ty, c.itemW, title, body, "L")
		if st.compact && l.SKU != "" {
			d.text(c.itemX, ty, c.itemW, l.SKU, small, "L")
		}
		d.text(c.qtyX, y+pad, c.qtyW, qty, face{fontText, "B", st.body, cl.ink}, "R")
		if c.priceW > 0 {
			d.text(c.priceX, y+pad, c.priceW, l.UnitPrice, body, "R")
		}
		if c.totalW > 0 {
			d.text(c.totalX, y+pad, c.totalW, l.Total, body, "R")
		}
		d.rule(o.x0, o.x1, y+h, cl.line, 0.2)
	}}
}

// totals is the subtotal, shipping, tax and total under the lines (not on gift slips).
func (o *slipOrder) totals() (block, bool) {
	d, st, cl := o.d, o.st, o.d.colors
	type row struct{ label, value string }
	var rows []row
	all := []row{{"Subtotal", o.s.Subtotal}, {"Discount", o.s.Discount}, {"Shipping", o.s.Shipping}}
	for _, c := range o.s.Charges {
		all = append(all, row{cleanLine(c.Label), c.Value})
	}
	taxLabel := "Tax"
	if o.s.TaxIncluded {
		taxLabel = "incl. tax"
	}
	all = append(all, row{taxLabel, o.s.Tax})
	for _, r := range all {
		if cleanLine(r.value) != "" {
			rows = append(rows, r)
		}
	}
	total := cleanLine(o.s.Total)
	if len(rows) == 0 && total == "" {
		return block{}, false
	}
	valW, labelW := 30.0, 36.0
	if st.compact {
		valW, labelW = 22, 24
	}
	lh := lineHeight(st.body) + 0.6
	top := 3 * o.scale()
	h := top + float64(len(rows))*lh
	if total != "" {
		h += 1.5 + lineHeight(st.body+1)
	}
	paid := cleanLine(o.s.PaidAs)
	if paid != "" {
		h += lh
	}
	return block{h: h, draw: func(y float64) {
		y += top
		vx, lx := o.x1-valW, o.x1-valW-labelW
		for _, r := range rows {
			d.text(lx, y, labelW, r.label, face{fontText, "", st.body, cl.muted}, "L")
			d.text(vx, y, valW, r.value, face{fontText, "", st.body, cl.ink}, "R")
			y += lh
		}
		if total != "" {
			d.rule(lx, o.x1, y+0.4, cl.ink, 0.25)
			y += 1.5
			bold := face{fontText, "B", st.body + 1, cl.ink}
			d.text(lx, y, labelW, "Total", bold, "L")
			d.text(vx, y, valW, total, bold, "R")
			y += lineHeight(st.body + 1)
		}
		if paid != "" {
			d.text(lx, y, labelW, "Paid", face{fontText, "", st.body, cl.muted}, "L")
			d.text(vx, y, valW, paid, face{fontText, "", st.body, cl.muted}, "R")
		}
	}}, true
}

// addressLines are an address's lines under the name, in the order its country writes them.
func addressLines(a Address) []string {
	return nonEmpty(a.Company, a.Address1, a.Address2, cityLine(a), a.Country)
}

// compactAddressLines fit an address in two or three lines for the 4×6 slip.
func compactAddressLines(a Address) []string {
	return nonEmpty(a.Company, joinNonEmpty(", ", a.Address1, a.Address2), joinNonEmpty(", ", cityLine(a), a.Country))
}

// cityLine writes city, province and postcode the way the destination's post expects.
func cityLine(a Address) string {
	switch normalCountry(a.Country) {
	case "US", "CA", "AU":
		return joinNonEmpty(" ", joinNonEmpty(", ", a.City, a.Province), a.Zip)
	case "GB":
		return joinNonEmpty(" ", a.City, a.Province, a.Zip)
	}
	return joinNonEmpty(" ", a.Zip, a.City, a.Province)
}

// normalCountry maps the country spellings shops' exports use to a two-letter code.
func normalCountry(c string) string {
	switch cleanLine(c) {
	case "US", "USA", "United States", "United States of America":
		return "US"
	case "CA", "Canada":
		return "CA"
	case "AU", "Australia":
		return "AU"
	case "GB", "UK", "United Kingdom", "Great Britain":
		return "GB"
	}
	return ""
}
