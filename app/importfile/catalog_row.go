package importfile

import (
	"fmt"

	"clockwork/data"
)

// catalogParser reads catalog rows one by one, collecting problems.
type catalogParser struct {
	t        *Table
	cols     catalogColumns
	seen     map[string]int // SKU → line it was first seen on
	problems []Problem
}

// row reads one row; ok is false when the row has a problem (it is then left out).
func (p *catalogParser) row(r Row) (CatalogRow, bool) {
	before := len(p.problems)
	row := CatalogRow{Line: r.Line, SKU: value(r, p.cols[cSKU])}
	switch first, dup := p.seen[row.SKU]; {
	case row.SKU == "":
		p.add(r.Line, cSKU, "the SKU is empty: every row needs one (or delete the row)")
	case dup:
		p.add(r.Line, cSKU, "SKU %q is already on line %d: each SKU may appear once per file, so remove or merge one of the rows", row.SKU, first)
	default:
		p.seen[row.SKU] = r.Line
	}
	row.SupplierSKU = value(r, p.cols[cSupplierSKU])
	if row.SupplierSKU == "" {
		row.SupplierSKU = row.SKU // a distributor's own list: its article number is what we order by
	}
	row.Title = oneLine(value(r, p.cols[cTitle]), value(r, p.cols[cTitleMore]))
	row.UnitCost = p.money(r, cCost, "a cost")
	row.Price = p.money(r, cPrice, "a price")
	row.LeadDays = p.count(r, cLead, 0, "lead time")
	row.MinQty = p.count(r, cMinQty, 1, "minimum order quantity")
	row.PackSize = p.count(r, cPack, 1, "pack size")
	row.AvailableQty = p.count(r, cAvailable, 0, "available quantity")
	row.OrderFee = p.money(r, cOrderFee, "an order fee")
	row.Shipping = p.money(r, cShipping, "a shipping charge")
	row.FreeShippingFrom = p.money(r, cFreeShipping, "a free-shipping amount")
	return row, len(p.problems) == before
}

// add records a problem in a field's column.
func (p *catalogParser) add(line int, f catalogField, format string, args ...any) {
	col := p.t.HeaderName(p.cols[f])
	p.problems = append(p.problems, Problem{Line: line, Column: col, Message: fmt.Sprintf(format, args...)})
}

// money reads a cost or price cell; nil when empty or the retail sentinel 0.00 of Ingram's EVP.
func (p *catalogParser) money(r Row, f catalogField, what string) *data.Money {
	s := value(r, p.cols[f])
	if s == "" {
		return nil
	}
	m, err := parseAmount(s)
	if err != nil {
		p.add(r.Line, f, "%v", err)
		return nil
	}
	if m < 0 {
		p.add(r.Line, f, "%s is negative: %s cannot be below zero", m.Plain(), what)
		return nil
	}
	if m == 0 && p.header(f) == "evp" {
		return nil // Ingram writes 0.00 where there is no suggested retail price
	}
	return &m
}

// count reads a whole-number cell that must be at least min; nil when empty or a
// distributor's "unknown" (Ingram's STCK_KART uses 9998 and 0).
func (p *catalogParser) count(r Row, f catalogField, min int, what string) *int {
	s := value(r, p.cols[f])
	if s == "" {
		return nil
	}
	n, err := parseCount(s)
	if err != nil {
		p.add(r.Line, f, "%v: the %s must be a whole number such as 5", err, what)
		return nil
	}
	if p.header(f) == "stckkart" && (n == 9998 || n == 0) {
		return nil
	}
	if n < min {
		hint := "it cannot be negative"
		if min == 1 {
			hint = "it must be at least 1 (leave the cell empty if unknown)"
		}
		p.add(r.Line, f, "%d is not a valid %s: %s", n, what, hint)
		return nil
	}
	return &n
}

// header is the normalised header of a field's column.
func (p *catalogParser) header(f catalogField) string {
	return normalize(p.t.HeaderName(p.cols[f]))
}
