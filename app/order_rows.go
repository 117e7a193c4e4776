package app

import (
	"fmt"
	"strings"
	"time"

	"clockwork/data"
)

// rowBuffer queues new customers, orders and order lines and writes them many rows to a
// statement. Their IDs are given up front (data.IDs), so lines can name their order.
type rowBuffer struct {
	sql                            *data.TxSQL
	customerIDs, orderIDs, lineIDs *data.IDs
	customers, orders, lines       []any             // column values, row after row
	fullBatch                      map[string]string // table → its INSERT of batchRows rows
}

var (
	customerColumns = []string{"id", "created_at", "updated_at", "name", "email", "phone"}
	orderColumns    = []string{"id", "created_at", "updated_at", "channel", "number", "customer_id", "email",
		"ship_name", "ship_company", "ship_address1", "ship_address2", "ship_city", "ship_province", "ship_zip", "ship_country", "ship_phone",
		"placed_at", "subtotal", "shipping", "tax", "total", "note", "gift", "status", "ship_by", "at_risk", "cancelled_at",
		"customer_name", "items", "search_text", "discount", "fees", "fee_names", "currency", "original_total",
		"original_subtotal", "original_discount", "original_shipping", "original_tax", "original_fees", "platform_id", "platform_status", "platform_fulfillment", "held"}
	lineColumns = []string{"id", "created_at", "updated_at", "order_id", "product_id", "sku", "title", "qty", "unit_price", "original_unit_price", "state", "attention"}
)

// batchRows is how many rows go into one INSERT (SQLite takes up to 32,766 values).
const batchRows = 100

func newRowBuffer(q *data.TxSQL) (*rowBuffer, error) {
	return &rowBuffer{sql: q, customerIDs: q.IDs("customers"), orderIDs: q.IDs("orders"), lineIDs: q.IDs("order_lines"),
		fullBatch: map[string]string{}}, nil
}

// customer queues a new customer and returns their ID.
func (b *rowBuffer) customer(name, email, phone string, now time.Time) (uint, error) {
	id, err := b.customerIDs.Next()
	if err != nil {
		return 0, err
	}
	b.customers = append(b.customers, int64(id), now, now, name, email, phone)
	return id, nil
}

// order queues an order and its lines, filling in their IDs; every batchRows orders the
// queue is written.
func (b *rowBuffer) order(o *data.Order, now time.Time) error {
	id, err := b.orderIDs.Next()
	if err != nil {
		return err
	}
	o.ID, o.CreatedAt, o.UpdatedAt = id, now, now
	if err := b.lineIDs.Reserve(len(o.Lines)); err != nil {
		return err
	}
	s := o.ShipTo
	// The values go in as the driver takes them (int64, string, time.Time, bool, nil), so
	// that database/sql need not convert each of the millions by reflection.
	b.orders = append(b.orders, int64(o.ID), now, now, string(o.Channel), o.Number, optionalID(o.CustomerID), o.Email,
		s.Name, s.Company, s.Address1, s.Address2, s.City, s.Province, s.Zip, s.Country, s.Phone,
		o.PlacedAt, int64(o.Subtotal), int64(o.Shipping), int64(o.Tax), int64(o.Total), o.Note, o.Gift, string(o.Status),
		string(o.ShipBy), o.AtRisk, optionalTime(o.CancelledAt), o.CustomerName, int64(o.Items), o.SearchText,
		int64(o.Discount), int64(o.Fees), o.FeeNames, o.Currency, int64(o.OriginalTotal),
		int64(o.OriginalSubtotal), int64(o.OriginalDiscount), int64(o.OriginalShipping), int64(o.OriginalTax), int64(o.OriginalFees),
		o.PlatformID, o.PlatformStatus, o.PlatformFulfillment, o.Held)
	for i := range o.Lines {
		l := &o.Lines[i]
		if l.ID, err = b.lineIDs.Next(); err != nil {
			return err
		}
		l.OrderID, l.CreatedAt, l.UpdatedAt = o.ID, now, now
		b.lines = append(b.lines, int64(l.ID), now, now, int64(l.OrderID), optionalID(l.ProductID), l.SKU, l.Title, int64(l.Qty),
			int64(l.UnitPrice), int64(l.OriginalUnitPrice), string(l.State), l.Attention)
	}
	if len(b.orders) >= batchRows*len(orderColumns) {
		return b.flush()
	}
	return nil
}

// optionalID is an optional ID as the driver takes it: nil or an int64.
func optionalID(id *uint) any {
	if id == nil {
		return nil
	}
	return int64(*id)
}

// optionalTime is an optional time as the driver takes it: nil or a time.Time.
func optionalTime(t *time.Time) any {
	if t == nil {
		return nil
	}
	return *t
}

// flush writes every queued row: customers first, then the orders that refer to them, then
// the lines that refer to those.
func (b *rowBuffer) flush() error {
	for _, t := range []struct {
		table   string
		columns []string
		values  *[]any
	}{{"customers", customerColumns, &b.customers}, {"orders", orderColumns, &b.orders}, {"order_lines", lineColumns, &b.lines}} {
		if err := b.insert(t.table, t.columns, *t.values); err != nil {
			return err
		}
		*t.values = (*t.values)[:0]
	}
	return nil
}

// insert writes rows of values, batchRows to a statement.
func (b *rowBuffer) insert(table string, columns []string, values []any) error {
	width := len(columns)
	for start := 0; start < len(values); start += batchRows * width {
		end := min(start+batchRows*width, len(values))
		rows := (end - start) / width
		query, ok := b.fullBatch[table]
		if rows != batchRows || !ok {
			query = insertSQL(table, columns, rows)
		}
		if rows == batchRows {
			b.fullBatch[table] = query
		}
		if err := writeRows(b.sql, query, values[start:end]...); err != nil {
			return fmt.Errorf("store %s: %w", table, err)
		}
	}
	return nil
}

// writeRows runs a statement that returns no rows, as a query: the SQLite driver binds all of
// a query's values and takes its step in one call into C, where Exec makes a call a value
// (thousands for a batch of rows). Any database/sql driver runs a statement given as a
// query; its error comes from the query or from reading its (empty) result.
func writeRows(q *data.TxSQL, query string, args ...any) error {
	rows, err := q.Query(query, args...)
	if err != nil {
		return err
	}
	for rows.Next() {
	}
	err = rows.Err()
	if cerr := rows.Close(); err == nil {
		err = cerr
	}
	return err
}

// insertSQL is INSERT INTO table (columns) VALUES (?, …), … for rows rows.
func insertSQL(table string, columns []string, rows int) string {
	one := "(" + strings.TrimSuffix(strings.Repeat("?,", len(columns)), ",") + ")"
	return "INSERT INTO " + table + " (" + strings.Join(columns, ", ") + ") VALUES " +
		strings.TrimSuffix(strings.Repeat(one+",", rows), ",")
}
