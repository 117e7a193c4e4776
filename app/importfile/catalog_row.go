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
	row.Carton = p.carton(r, &row)
	row.AvailableQty = p.stock(r, &row)
	row.OrderFee = p.money(r, cOrderFee, "an order fee")
	row.Shipping = p.money(r, cShipping, "a shipping charge")
	row.FreeShippingFrom = p.money(r, cFreeShipping, "a free-shipping amount")
	return row, len(p.problems) == before
}

// stock reads the available quantity. Distributors write negative stock for what is on back
// order (Ingram's "-6"): it reads as 0, nothing to buy from stock, with a warning rather than
// a refusal, so one such row never blocks the whole list.
func (p *catalogParser) stock(r Row, row *CatalogRow) *int {
	s := value(r, p.cols[cAvailable])
	n, err := parseCount(s)
	if s == "" || err != nil || n >= 0 {
		return p.count(r, cAvailable, 0, "available quantity")
	}
	zero := 0
	row.Warnings = append(row.Warnings, Problem{Line: r.Line, Column: p.t.HeaderName(p.cols[cAvailable]),
		Message: fmt.Sprintf("stock %d read as 0 (the supplier has none free; a negative figure is what it owes on back order)", n)})
	return &zero
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
		p.add(r.Line, f, "%v%s", err, shiftHint(r, p.cols[f], func(c string) bool { _, err := parseAmount(c); return err == nil }))
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
		p.add(r.Line, f, "%v: the %s must be a whole number such as 5%s", err, what,
			shiftHint(r, p.cols[f], func(c string) bool { n, err := parseCount(c); return err == nil && n >= 0 }))
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

// carton reads a carton quantity. It is information only, so a cell that is not a count
// warns instead of refusing the row; 0 and Ingram's 9998 mean "unknown".
func (p *catalogParser) carton(r Row, row *CatalogRow) *int {
	s := value(r, p.cols[cCarton])
	if s == "" {
		return nil
	}
	n, err := parseCount(s)
	switch {
	case err == nil && n > 0 && n != 9998:
		return &n
	case err != nil || n < 0:
		row.Warnings = append(row.Warnings, Problem{Line: r.Line, Column: p.t.HeaderName(p.cols[cCarton]),
			Message: fmt.Sprintf("carton quantity %q left out: it is not a whole number of 1 or more", s)})
	}
	return nil
}

// shiftHint explains a cell that cannot be read when the cell beside it could: the row
// probably has a separator too many or too few (jET's feed has such a row, its weight in the
// stock column).
func shiftHint(r Row, col int, fits func(string) bool) string {
	if col < 0 {
		return ""
	}
	for _, c := range []int{col + 1, col - 1} {
		if v := value(r, c); v != "" && fits(v) {
			return fmt.Sprintf(" (the row's cells seem one column off from the header: the cell beside it holds %q; check the row for a separator too many or too few)", v)
		}
	}
	return ""
}

// header is the normalised header of a field's column.
func (p *catalogParser) header(f catalogField) string {
	return normalize(p.t.HeaderName(p.cols[f]))
}
