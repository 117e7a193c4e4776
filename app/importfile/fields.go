package importfile

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"clockwork/data"
)

// Field names a Clockwork order field that a column of any file can be mapped to. The names
// are those of the generic layout (order_number, placed_at, sku, qty, …), so a generic file
// needs no map at all.
type Field string

// FieldInfo describes one Field for a mapping step: its name, a label for people, and
// whether an order import needs it. OneOf groups fields of which one is enough (sku or
// title; unit_price or line_total).
type FieldInfo struct {
	Field    Field
	Label    string
	Required bool
	OneOf    string // "" or the group's name ("item", "price")
	field    orderField
}

// OrderFields are the fields an order file can carry, order-level ones first, in the order a
// mapping step shows them.
var OrderFields = []FieldInfo{
	{Field: "order_number", Label: "Order number", Required: true, field: oNumber},
	{Field: "order_id", Label: "Platform's order id", field: oID},
	{Field: "placed_at", Label: "Placed at (date)", Required: true, field: oPlacedAt},
	{Field: "status", Label: "Payment / order status", field: oStatus},
	{Field: "fulfillment_status", Label: "Fulfillment status", field: oFulfillment},
	{Field: "cancelled_at", Label: "Cancelled at", field: oCancelledAt},
	{Field: "customer_name", Label: "Customer name", field: oCustomer},
	{Field: "email", Label: "E-mail", field: oEmail},
	{Field: "phone", Label: "Phone", field: oPhone},
	{Field: "ship_name", Label: "Ship to: name", field: oShipName},
	{Field: "ship_company", Label: "Ship to: company", field: oShipCompany},
	{Field: "ship_address1", Label: "Ship to: address", field: oShipAddress1},
	{Field: "ship_address2", Label: "Ship to: address line 2", field: oShipAddress2},
	{Field: "ship_city", Label: "Ship to: city", field: oShipCity},
	{Field: "ship_province", Label: "Ship to: state / province", field: oShipProvince},
	{Field: "ship_zip", Label: "Ship to: postcode", field: oShipZip},
	{Field: "ship_country", Label: "Ship to: country", field: oShipCountry},
	{Field: "ship_phone", Label: "Ship to: phone", field: oShipPhone},
	{Field: "currency", Label: "Currency", field: oCurrency},
	{Field: "subtotal", Label: "Subtotal", field: oSubtotal},
	{Field: "discount", Label: "Discount", field: oDiscount},
	{Field: "shipping", Label: "Shipping", field: oShipping},
	{Field: "tax", Label: "Tax", field: oTax},
	{Field: "fees", Label: "Fees (gift wrap, …)", field: oFees},
	{Field: "fee_names", Label: "Fee names", field: oFeeNames},
	{Field: "total", Label: "Order total", field: oTotal},
	{Field: "note", Label: "Customer note", field: oNote},
	{Field: "gift", Label: "Gift (yes/no or message)", field: oGift},
	{Field: "sku", Label: "SKU", Required: true, OneOf: "item", field: lSKU},
	{Field: "title", Label: "Item title", Required: true, OneOf: "item", field: lTitle},
	{Field: "variant", Label: "Variant / options", field: lVariant},
	{Field: "qty", Label: "Quantity", Required: true, field: lQty},
	{Field: "unit_price", Label: "Unit price", Required: true, OneOf: "price", field: lPrice},
	{Field: "line_total", Label: "Line total", Required: true, OneOf: "price", field: lLineTotal},
	{Field: "requires_shipping", Label: "Line needs shipping (yes/no)", field: lRequiresShipping},
	{Field: "line_fulfillment", Label: "Line fulfillment status", field: lFulfillment},
}

// ColumnMap says which column of a file holds each Clockwork field: field → the column's
// header as the file spells it. Fields left out are absent from the file. ParseOrdersMapped
// reads a file through one; the app saves one per file header (HeaderKey) so the next export
// of the same shape needs no questions.
type ColumnMap map[Field]string

// fieldInfo finds a field's description.
func fieldInfo(f Field) (FieldInfo, bool) {
	i := slices.IndexFunc(OrderFields, func(fi FieldInfo) bool { return fi.Field == f })
	if i < 0 {
		return FieldInfo{}, false
	}
	return OrderFields[i], true
}

// ParseColumnMap reads a map written as on the command line:
// `order_number=Order ID,sku=SKU,qty=Quantity`. A column name holding a comma or an equals
// sign is quoted: `title="Item, name"`.
func ParseColumnMap(s string) (ColumnMap, error) {
	m := ColumnMap{}
	rest := strings.TrimSpace(s)
	for rest != "" {
		name, after, ok := strings.Cut(rest, "=")
		if !ok {
			return nil, fmt.Errorf("%q has no '=': write field=column, e.g. sku=SKU", rest)
		}
		f := Field(strings.TrimSpace(name))
		if _, known := fieldInfo(f); !known && !isCatalogField(f) {
			return nil, fmt.Errorf("%q is not a Clockwork field: use %s", f, fieldNames())
		}
		col, next, err := cutColumn(strings.TrimLeft(after, " "))
		if err != nil {
			return nil, fmt.Errorf("%s: %w", f, err)
		}
		if col == "" {
			return nil, fmt.Errorf("%s has no column after '='", f)
		}
		m[f] = col
		rest = strings.TrimSpace(next)
	}
	if len(m) == 0 {
		return nil, fmt.Errorf("the map is empty: write field=column pairs, e.g. order_number=\"Order ID\",sku=SKU")
	}
	return m, nil
}

// cutColumn reads one column name up to the next ',' (or a quoted one, with "" for a quote
// inside it) and returns the rest.
func cutColumn(s string) (col, rest string, err error) {
	if !strings.HasPrefix(s, `"`) {
		col, rest, _ = strings.Cut(s, ",")
		return strings.TrimSpace(col), rest, nil
	}
	var b strings.Builder
	for i := 1; i < len(s); i++ {
		if s[i] != '"' {
			b.WriteByte(s[i])
			continue
		}
		if i+1 < len(s) && s[i+1] == '"' {
			b.WriteByte('"')
			i++
			continue
		}
		rest = strings.TrimSpace(s[i+1:])
		if rest != "" && !strings.HasPrefix(rest, ",") {
			return "", "", fmt.Errorf("write a ',' after the quoted column %q", b.String())
		}
		return b.String(), strings.TrimPrefix(rest, ","), nil
	}
	return "", "", fmt.Errorf("the quote around %s is not closed", s)
}

// String writes the map as ParseColumnMap reads it, fields in OrderFields' order.
func (m ColumnMap) String() string {
	var parts []string
	for _, fi := range OrderFields {
		if c, ok := m[fi.Field]; ok {
			if strings.ContainsAny(c, ",=\" ") || strings.TrimSpace(c) != c {
				c = `"` + strings.ReplaceAll(c, `"`, `""`) + `"`
			}
			parts = append(parts, string(fi.Field)+"="+c)
		}
	}
	for _, fi := range CatalogFields { // a price list's map (sku and title are written above)
		if c, ok := m[fi.Field]; ok && !slices.ContainsFunc(OrderFields, func(o FieldInfo) bool { return o.Field == fi.Field }) {
			if strings.ContainsAny(c, ",=\" ") {
				c = `"` + c + `"`
			}
			parts = append(parts, string(fi.Field)+"="+c)
		}
	}
	return strings.Join(parts, ",")
}

// Check lists what keeps the map from reading t: a field Clockwork does not know, a column
// the file does not have, a column given to two fields, a required field left out. Each
// problem names the file's header line and the column.
func (m ColumnMap) Check(t *Table) []Problem {
	out := columnProblems(t, m, OrderFields)
	for f := range m {
		if _, ok := fieldInfo(f); !ok {
			out = append(out, Problem{Line: t.HeaderLine, Message: fmt.Sprintf("%q is not a Clockwork field: use %s", f, fieldNames())})
		}
	}
	return append(out, m.missingRequired(t)...)
}

// missingRequired lists each required field (or group) the map leaves out.
func (m ColumnMap) missingRequired(t *Table) []Problem {
	var out []Problem
	groups := map[string][]string{}
	have := map[string]bool{}
	for _, fi := range OrderFields {
		if !fi.Required {
			continue
		}
		key := firstOf(fi.OneOf, string(fi.Field))
		groups[key] = append(groups[key], string(fi.Field))
		have[key] = have[key] || m[fi.Field] != ""
	}
	for _, fi := range OrderFields {
		key := firstOf(fi.OneOf, string(fi.Field))
		if !fi.Required || have[key] || groups[key] == nil {
			continue
		}
		out = append(out, Problem{Line: t.HeaderLine, Message: fmt.Sprintf(
			"the map needs a column for %s: an order import cannot do without it", strings.Join(groups[key], " or "))})
		groups[key] = nil
	}
	return out
}

// exactColumn is the index of the header spelt col (ignoring case and surrounding spaces), or -1.
func (t *Table) exactColumn(col string) int {
	want := strings.TrimSpace(col)
	for i, h := range t.Header {
		if strings.EqualFold(strings.TrimSpace(h), want) {
			return i
		}
	}
	return -1
}

// fieldNames lists every field name, for messages.
func fieldNames() string {
	names := make([]string, len(OrderFields))
	for i, fi := range OrderFields {
		names[i] = string(fi.Field)
	}
	return strings.Join(names, ", ")
}

// HeaderKey identifies a file's shape by its header row: the headers, normalized and
// joined. Two exports of the same store and layout share it, so a map saved under it is
// found again.
func HeaderKey(header []string) string {
	parts := make([]string, len(header))
	for i, h := range header {
		parts[i] = normalize(h)
	}
	return strings.Join(parts, "|")
}

// ParseOrdersMapped reads the orders of a table through a column map (the generic layout's
// rules: one row per line item, grouped by order number); times without an offset are read
// in loc. A map that does not fit the file gives its problems and no orders.
func ParseOrdersMapped(t *Table, m ColumnMap, loc *time.Location) ([]Order, []Problem) {
	if ps := m.Check(t); len(ps) > 0 {
		return nil, ps
	}
	var a orderAliases
	for _, fi := range OrderFields {
		if c, ok := m[fi.Field]; ok {
			a[fi.field] = []string{c}
		}
	}
	spec := mappedSpec
	spec.aliases = &a
	p := newOrderParser(t, &spec, loc)
	p.cols = mappedColumns(t, &a)
	return p.parse()
}

// mappedColumns finds each mapped column by its exact header (not the loose alias match, so
// "Ship Name" and "Ship_Name" in one file stay apart).
func mappedColumns(t *Table, a *orderAliases) orderColumns {
	var c orderColumns
	for f := range c {
		c[f] = -1
		if len(a[f]) > 0 {
			c[f] = t.exactColumn(a[f][0])
		}
	}
	return c
}

// mappedSpec reads a file through a ColumnMap, as the generic layout.
var mappedSpec = orderSpec{
	channel:  data.ChannelGeneric,
	required: [][]orderField{{oNumber}, {oPlacedAt}, {lQty}, {lPrice, lLineTotal}, {lSKU, lTitle}},
	items:    flatItems,
}

// columnProblems lists the map's columns for the given fields that t lacks or that two fields
// share, each naming the header line and the column.
func columnProblems(t *Table, m ColumnMap, fields []FieldInfo) []Problem {
	var out []Problem
	used := map[string]Field{}
	for _, fi := range fields {
		col, ok := m[fi.Field]
		if !ok {
			continue
		}
		switch i := t.exactColumn(col); {
		case i < 0:
			out = append(out, Problem{Line: t.HeaderLine, Column: col, Message: fmt.Sprintf(
				"the map gives %s the column %q, which the file does not have; headers found: %s", fi.Field, col, t.headerList())})
		case used[col] != "":
			out = append(out, Problem{Line: t.HeaderLine, Column: col, Message: fmt.Sprintf(
				"the map gives the column %q to both %s and %s: give each field its own column", col, used[col], fi.Field)})
		default:
			used[col] = fi.Field
		}
	}
	return out
}
