package views

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"clockwork/app/importfile"
)

// mapPreviewRows is how many of the file's rows the mapping step reads as they would import.
const mapPreviewRows = 8

// readTable reads a chosen file into rows of cells (off the UI thread).
func readTable(src importSource) (*importfile.Table, error) {
	r, err := src.open()
	if err != nil {
		return nil, err
	}
	defer r.Close()
	return importfile.Read(r, src.name)
}

// firstRows is t cut to its first n data rows.
func firstRows(t *importfile.Table, n int) *importfile.Table {
	c := *t
	c.Rows = t.Rows[:min(n, len(t.Rows))]
	return &c
}

// guessOrderMap starts the mapping step from the columns whose header is a field's name or
// label ("Order number", "qty", "SKU").
func guessOrderMap(header []string) importfile.ColumnMap {
	m := importfile.ColumnMap{}
	taken := map[string]bool{}
	for _, fi := range importfile.OrderFields {
		for _, h := range header {
			k := squash(h)
			if !taken[h] && k != "" && (k == squash(string(fi.Field)) || k == squash(fi.Label)) {
				m[fi.Field], taken[h] = h, true
				break
			}
		}
	}
	return m
}

// squash lower-cases s and keeps its letters and digits, to compare headers loosely.
func squash(s string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9':
			return r
		case r >= 'A' && r <= 'Z':
			return r + 'a' - 'A'
		}
		return -1
	}, s)
}

// previewOrderMap reads the file's first rows through m as the import would: one row per
// order line, and what keeps the map from working.
func previewOrderMap(t *importfile.Table, m importfile.ColumnMap, loc *time.Location) mapPreview {
	p := mapPreview{titles: []string{"Line", "Order", "Placed", "Customer", "SKU", "Item", "Qty", "Unit price", "State"}}
	for _, pr := range m.Check(t) {
		p.problems = append(p.problems, pr.Message)
	}
	if len(p.problems) > 0 {
		return p
	}
	orders, problems := importfile.ParseOrdersMapped(firstRows(t, mapPreviewRows), m, loc)
	for _, o := range orders {
		for _, l := range o.Lines {
			p.rows = append(p.rows, []string{strconv.Itoa(l.Line), o.Number, o.PlacedAt.In(loc).Format("2006-01-02 15:04"),
				o.Customer, l.SKU, l.Title, strconv.Itoa(l.Qty), l.UnitPrice.Plain() + " " + o.Currency, orderState(o)})
		}
	}
	for _, pr := range problems {
		p.rowNotes = append(p.rowNotes, fmt.Sprintf("line %d, %s: %s", pr.Line, pr.Column, pr.Message))
	}
	return p
}

// orderState says how an order would arrive.
func orderState(o importfile.Order) string {
	switch {
	case o.Cancelled:
		return "cancelled"
	case o.Fulfilled:
		return "fulfilled"
	case o.Held:
		return "held (unpaid)"
	}
	return "to buy"
}
