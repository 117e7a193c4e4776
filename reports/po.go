package reports

import (
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// PurchaseOrder is a purchase order as the supplier receives it.
//
// Unlike the slips, costs arrive as cents of the shop's currency with a formatter: the PDF
// adds up the lines that share a supplier SKU, and the total must agree with the lines to
// the cent. The app passes Money as func(c int64) string { return data.Money(c).Format(cur) }.
type PurchaseOrder struct {
	Number   string // "PO-000123"
	SentOn   string // the date sent, as the shop writes dates; empty on a draft
	ShipBy   string // the ship date the shop asks for; empty when there is none
	Supplier Supplier
	// Lines may repeat a supplier SKU (one PO line per customer order line); the PDF shows
	// one row per supplier SKU and unit cost, quantities added up.
	Lines         []POLine
	ShippingCents int64 // inbound shipping charged on this PO; 0 leaves the row out
	Notes         string
	// Money formats an amount in cents; nil prints plain amounts like "1,234.50".
	Money func(cents int64) string
}

// Supplier is the recipient of a purchase order.
type Supplier struct {
	Name          string
	ContactPerson string
	Address       string // several lines, printed as typed
	Email         string
	Phone         string
}

// POLine is one line of a purchase order.
type POLine struct {
	SupplierSKU   string // the supplier's code for the item, what they pick by
	SKU           string // the shop's own SKU
	Title         string
	Qty           int
	UnitCostCents int64
}

// poRow is a row of the PDF: the PO lines that share a supplier SKU and unit cost.
type poRow struct {
	supplierSKU, sku, title string
	qty                     int
	unit, total             int64
}

// groupPOLines adds up lines with the same supplier SKU (the shop's SKU when the supplier
// has none) and unit cost, keeping the order in which each first appears.
func groupPOLines(lines []POLine) []poRow {
	type key struct {
		sku  string
		unit int64
	}
	index := map[key]int{}
	var rows []poRow
	for _, l := range lines {
		k := key{strings.TrimSpace(l.SupplierSKU), l.UnitCostCents}
		if k.sku == "" {
			k.sku = "\x00" + strings.TrimSpace(l.SKU)
		}
		i, seen := index[k]
		if !seen {
			i = len(rows)
			index[k] = i
			rows = append(rows, poRow{supplierSKU: l.SupplierSKU, title: l.Title, unit: l.UnitCostCents})
		}
		r := &rows[i]
		r.sku = addSKU(r.sku, l.SKU)
		r.qty += l.Qty
		r.total += int64(l.Qty) * l.UnitCostCents
	}
	return rows
}

// addSKU adds our SKU to a row's list of them unless it is there already.
func addSKU(list, sku string) string {
	sku = strings.TrimSpace(sku)
	if sku == "" {
		return list
	}
	for _, s := range strings.Split(list, ", ") {
		if s == sku {
			return list
		}
	}
	return joinNonEmpty(", ", list, sku)
}

// plainMoney writes cents as "1,234.50", the fallback when no formatter is given.
func plainMoney(cents int64) string {
	sign := ""
	if cents < 0 {
		sign, cents = "-", -cents
	}
	whole := strconv.FormatInt(cents/100, 10)
	for i := len(whole) - 3; i > 0; i -= 3 {
		whole = whole[:i] + "," + whole[i:]
	}
	return fmt.Sprintf("%s%s.%02d", sign, whole, cents%100)
}

// WritePurchaseOrder writes the PDF the supplier receives: the shop and the supplier, the
// PO number, date sent and requested ship date, a row per supplier SKU with quantities and
// costs, the total, and the notes. A label printer cannot print one, so 4×6 paper falls
// back to A4.
func WritePurchaseOrder(w io.Writer, paper Paper, shop Shop, po PurchaseOrder) error {
	if len(po.Lines) == 0 {
		return fmt.Errorf("purchase order %s: %w", po.Number, errEmptyPO)
	}
	if paper == Paper4x6 {
		paper = PaperA4
	}
	d, err := newDocument(paper, "Purchase order "+po.Number, shop)
	if err != nil {
		return fmt.Errorf("purchase order %s: %w", po.Number, err)
	}
	if po.Money == nil {
		po.Money = plainMoney
	}
	p := &poDoc{d: d, shop: &shop, po: &po, rows: groupPOLines(po.Lines), st: poFrame(d.page)}
	p.write()
	if err := d.finish(w); err != nil {
		return fmt.Errorf("purchase order %s: %w", po.Number, err)
	}
	return nil
}

var errEmptyPO = errors.New("it has no lines to order")

// poFrame is the purchase order's page frame, the same measures as a full-size slip.
func poFrame(page pageSize) frame {
	return frame{x0: 18, x1: page.w - 18, top: 16, bottom: 12, logoW: 75, logoH: 18,
		number: 17, body: 9.5, small: 8.2, label: 7.2, gap: 1}
}

// poDoc lays out and draws one purchase order.
type poDoc struct {
	d    *document
	shop *Shop
	po   *PurchaseOrder
	rows []poRow
	st   frame
}

func (p *poDoc) write() {
	d, st, po := p.d, p.st, p.po
	confirm := "Please confirm this order and the ship date"
	if email := strings.TrimSpace(p.shop.Email); email != "" {
		confirm += " by replying to " + email
	}
	confirm += ", and quote " + po.Number + " on the delivery note and the invoice. Thank you!"
	footer := st.footer(d, p.shop, "PLEASE CONFIRM", confirm, 3)
	bottom := st.contentBottom(d, footer)
	pages := paginate(p.blocks(), st.mastheadHeight(d), st.runningHeadHeight(), bottom)
	d.drawPages(pages, func(page, of int) {
		if page == 0 {
			// The dates stand in the band below; the header only counts pages.
			detail := ""
			if of > 1 {
				detail = pageOf(1, of)
			}
			st.masthead(d, p.shop, "PURCHASE ORDER", po.Number, detail)
		} else {
			st.runningHead(d, p.shop, po.Number+" (continued)", pageOf(page+1, of))
		}
		footer.draw(bottom)
	})
}

// blocks are the parts below the header, in reading order.
func (p *poDoc) blocks() []block {
	var bs []block
	if b, ok := p.d.barcodeBlock(p.st.x1, 12, p.po.Number); ok {
		bs = append(bs, b)
	}
	bs = append(bs, p.parties(), p.facts())
	head := p.tableHead()
	bs = append(bs, head)
	for i := range p.rows {
		row := p.row(&p.rows[i])
		row.repeat = &head
		bs = append(bs, row)
	}
	bs[len(bs)-1].keep = true
	bs = append(bs, p.totals())
	if b, ok := p.notes(); ok {
		bs = append(bs, b)
	}
	return bs
}
