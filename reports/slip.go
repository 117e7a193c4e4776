package reports

import (
	"errors"
	"fmt"
	"io"
	"strings"
)

// Address is a postal address as an order carries it.
type Address struct {
	Name     string
	Company  string
	Address1 string
	Address2 string
	City     string
	Province string
	Zip      string
	Country  string
	Phone    string
}

// SlipLine is one line of an order on a packing slip. Money is a display string formatted
// by the app ("€24.00"); it is left off gift slips.
type SlipLine struct {
	SKU       string
	Title     string
	Qty       int
	UnitPrice string
	Total     string
}

// SlipCharge is one fee on a packing slip, e.g. {"Gift Wrap", "€1.00"}.
type SlipCharge struct {
	Label, Value string
}

// PackingSlip is one order as its packing slip shows it. Money fields are display strings
// formatted by the app; empty ones are left out.
type PackingSlip struct {
	OrderNumber string // as the channel shows it, e.g. "#1001"
	OrderDate   string // as the shop writes dates, e.g. "3 March 2025"
	ShipTo      Address
	// FirstName is whom the thank-you note greets: the buyer's first name (on a gift the
	// buyer is not the person at the ship-to address). Empty uses FirstName(ShipTo.Name).
	FirstName string
	Lines     []SlipLine
	Subtotal  string
	// Discount is what the shop took off the lines, written as a deduction ("−€5.00").
	Discount string
	Shipping string
	// Charges are the order's fees beyond items, shipping and tax (gift wrap), by name.
	Charges []SlipCharge
	Tax     string
	// TaxIncluded says Tax is part of the prices above (VAT), not added to them.
	TaxIncluded bool
	Total       string
	// PaidAs is what the customer paid in their own currency when it is not the shop's
	// ("$44.00"), printed under the total.
	PaidAs string
	// Gift makes it a gift slip: no prices and no totals.
	Gift bool
	// Replacement makes it the slip of a replacement parcel: it says it replaces goods of the
	// order at no charge, and shows no prices and none of the order's totals.
	Replacement  bool
	GiftMessage  string
	CustomerNote string
}

// priced says whether the slip shows prices and totals: not for a gift, nor a replacement.
func (s *PackingSlip) priced() bool { return !s.Gift && !s.Replacement }

// greeting is the first name the thank-you note uses.
func (s *PackingSlip) greeting() string {
	if n := strings.TrimSpace(s.FirstName); n != "" {
		return n
	}
	return FirstName(s.ShipTo.Name)
}

// WritePackingSlips writes one PDF with a packing slip per order — one page each, more
// when an order's lines do not fit — on the given paper, with the shop's logo, colours,
// thank-you note and return instructions.
func WritePackingSlips(w io.Writer, paper Paper, shop Shop, slips []PackingSlip) error {
	if len(slips) == 0 {
		return errors.New("packing slips: no orders to print")
	}
	d, err := newDocument(paper, "Packing slips", shop)
	if err != nil {
		return fmt.Errorf("packing slips: %w", err)
	}
	st := slipStyleFor(paper, d.page)
	for i := range slips {
		o := &slipOrder{d: d, st: st, shop: &shop, s: &slips[i], x0: st.x0, x1: st.x1}
		o.write()
		if err := d.pdf.Error(); err != nil {
			return fmt.Errorf("packing slip %s: %w", slips[i].OrderNumber, err)
		}
	}
	if err := d.finish(w); err != nil {
		return fmt.Errorf("packing slips: %w", err)
	}
	return nil
}

// slipStyle holds the measures of a slip for one paper size (lengths in mm, sizes in pt).
type slipStyle struct {
	frame
	note float64
	// compact is the 4×6 label layout: one address column, no unit price column.
	compact bool
	// barcodeH is the height of the order number's bars.
	barcodeH                                      float64
	titleLines, giftLines, noteLines, returnLines int
}

func slipStyleFor(p Paper, page pageSize) slipStyle {
	if p == Paper4x6 {
		return slipStyle{
			frame: frame{x0: 6, x1: page.w - 6, top: 6, bottom: 5, logoW: 46, logoH: 10,
				number: 12, body: 8, small: 6.6, label: 6, gap: 0.5},
			note: 8.5, compact: true, barcodeH: 10,
			titleLines: 2, giftLines: 3, noteLines: 2, returnLines: 3,
		}
	}
	return slipStyle{
		frame: frame{x0: 18, x1: page.w - 18, top: 16, bottom: 12, logoW: 75, logoH: 18,
			number: 17, body: 10, small: 8.2, label: 7.2, gap: 1},
		note: 11.5, barcodeH: 12,
		titleLines: 3, giftLines: 6, noteLines: 4, returnLines: 3,
	}
}

// slipOrder lays out and draws one order's pages.
type slipOrder struct {
	d      *document
	st     slipStyle
	shop   *Shop
	s      *PackingSlip
	x0, x1 float64 // left and right edges of the content
}

func (o *slipOrder) write() {
	d, st, s := o.d, &o.st, o.s
	footer := st.footer(d, o.shop, "RETURNS", o.shop.ReturnInstructions, st.returnLines)
	bottom := st.contentBottom(d, footer)
	pages := paginate(o.blocks(), st.mastheadHeight(d), st.runningHeadHeight(), bottom)
	label := "PACKING SLIP"
	date := cleanLine(s.OrderDate)
	switch {
	case s.Replacement:
		label, date = "REPLACEMENT", "Replacement for order "+s.OrderNumber+" — no charge"
	case s.Gift:
		label = "GIFT SLIP"
	}
	d.drawPages(pages, func(page, of int) {
		if page == 0 {
			detail := date
			if of > 1 {
				detail = joinNonEmpty(sep, date, pageOf(1, of))
			}
			st.masthead(d, o.shop, label, "Order "+s.OrderNumber, detail)
		} else {
			st.runningHead(d, o.shop, "Order "+s.OrderNumber+" (continued)", pageOf(page+1, of))
		}
		footer.draw(bottom)
	})
}

// scale shrinks gaps on the small label paper.
func (o *slipOrder) scale() float64 { return o.st.gap }

// blocks are the parts of the slip below the header, in reading order.
func (o *slipOrder) blocks() []block {
	var bs []block
	// On a 4×6 label the barcode sits beside the address, where a line would be short.
	if b, ok := o.d.barcodeBlock(o.x1, o.st.barcodeH, o.s.OrderNumber); ok && !o.st.compact {
		bs = append(bs, b)
	}
	bs = append(bs, o.addresses())
	head := o.tableHead()
	bs = append(bs, head)
	for i := range o.s.Lines {
		row := o.row(&o.s.Lines[i])
		row.repeat = &head
		bs = append(bs, row)
	}
	if o.s.priced() {
		if t, ok := o.totals(); ok {
			// The totals never open a page on their own: the last line comes along.
			bs[len(bs)-1].keep = true
			bs = append(bs, t)
		}
	}
	if b, ok := o.giftMessage(); ok {
		bs = append(bs, b)
	}
	if b, ok := o.customerNote(); ok {
		bs = append(bs, b)
	}
	if b, ok := o.thankYou(); ok {
		bs = append(bs, b)
	}
	return bs
}

// width is the content width.
func (o *slipOrder) width() float64 { return o.x1 - o.x0 }
