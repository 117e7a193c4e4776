package importfile

import (
	"fmt"
	"slices"
)

// CatalogFields are the fields a price list can carry, in the order a mapping step shows
// them. Their names are DESIGN 9's catalog columns, so a file with those headers needs no map.
var CatalogFields = []FieldInfo{
	{Field: "sku", Label: "SKU (your product code)", Required: true},
	{Field: "supplier_sku", Label: "Supplier's code"},
	{Field: "title", Label: "Product title"},
	{Field: "unit_cost", Label: "Unit cost (what you pay)", Required: true, OneOf: "content"},
	{Field: "price", Label: "Your selling price", Required: true, OneOf: "content"},
	{Field: "available_qty", Label: "Stock available", Required: true, OneOf: "content"},
	{Field: "lead_time_days", Label: "Lead time (days)"},
	{Field: "min_order_qty", Label: "Minimum order quantity"},
	{Field: "pack_size", Label: "Sold only in multiples of"},
	{Field: "carton_qty", Label: "Units per carton (information)"},
}

// catalogFieldOf is the parser's column for each mapped field.
var catalogFieldOf = map[Field]catalogField{
	"sku": cSKU, "supplier_sku": cSupplierSKU, "title": cTitle, "unit_cost": cCost, "price": cPrice,
	"available_qty": cAvailable, "lead_time_days": cLead, "min_order_qty": cMinQty, "pack_size": cPack, "carton_qty": cCarton,
}

// isCatalogField says f is one of CatalogFields.
func isCatalogField(f Field) bool {
	_, ok := catalogFieldOf[f]
	return ok
}

// CheckCatalogMap lists what keeps a map from reading t as a price list: a field that is no
// catalog field, a column the file lacks or given twice, no SKU, nothing but the SKU. Each
// problem names the header line and the column.
func CheckCatalogMap(t *Table, m ColumnMap) []Problem {
	out := columnProblems(t, m, CatalogFields)
	for f := range m {
		if !isCatalogField(f) {
			out = append(out, Problem{Line: t.HeaderLine, Message: fmt.Sprintf("%q is not a price list field: use %s", f, catalogFieldNames())})
		}
	}
	if m["sku"] == "" {
		out = append(out, Problem{Line: t.HeaderLine, Message: "the map needs a column for sku: every row of a price list needs its SKU"})
	}
	if m["unit_cost"] == "" && m["price"] == "" && m["available_qty"] == "" && m["title"] == "" {
		out = append(out, Problem{Line: t.HeaderLine, Message: "the map needs a column for unit_cost, price, available_qty or title: a SKU alone says nothing"})
	}
	return out
}

// ParseCatalogMapped reads a price list through a column map (CatalogFields' names) with the
// same rules as ParseCatalog; a map that does not fit the file gives its problems and no rows.
func ParseCatalogMapped(t *Table, m ColumnMap) ([]CatalogRow, []Problem) {
	if ps := CheckCatalogMap(t, m); len(ps) > 0 {
		return nil, ps
	}
	var cols catalogColumns
	for f := range cols {
		cols[f] = -1
	}
	for f, col := range m {
		cols[catalogFieldOf[f]] = t.exactColumn(col)
	}
	return parseCatalogWith(t, cols)
}

// GuessCatalogMap proposes a map from the header names ParseCatalog knows, for a mapping
// step to start from.
func GuessCatalogMap(t *Table) ColumnMap {
	cols := findCatalogColumns(t)
	m := ColumnMap{}
	for _, fi := range CatalogFields {
		if i := cols[catalogFieldOf[fi.Field]]; i >= 0 && !slices.Contains(mapValues(m), t.Header[i]) {
			m[fi.Field] = t.Header[i]
		}
	}
	return m
}

func mapValues(m ColumnMap) []string {
	var out []string
	for _, v := range m {
		out = append(out, v)
	}
	return out
}

func catalogFieldNames() string {
	s := ""
	for i, fi := range CatalogFields {
		if i > 0 {
			s += ", "
		}
		s += string(fi.Field)
	}
	return s
}
