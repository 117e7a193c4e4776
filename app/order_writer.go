package app

import (
	"database/sql"
	"errors"
	"fmt"
	"time"

	"clockwork/data"
)

// orderWriter stores new orders inside one transaction. An import of 100,000 orders goes
// through it, so it talks to SQLite with prepared statements (no reflection per row) and
// remembers the customers and products it has looked up.
type orderWriter struct {
	sql       *txSQL
	now       time.Time
	promise   *promiser
	customers map[string]uint         // "e:"+email, or "n:"+name for customers without one
	products  map[string]*lineProduct // by SKU; nil: not in the catalog
}

// lineProduct is what an order line needs of a catalog product.
type lineProduct struct {
	id    uint
	title string
}

func newOrderWriter(q *txSQL, now time.Time, loc *time.Location) (*orderWriter, error) {
	p, err := newPromiser(q, loc, now)
	if err != nil {
		return nil, err
	}
	return &orderWriter{sql: q, now: now.UTC(), promise: p, customers: map[string]uint{}, products: map[string]*lineProduct{}}, nil
}

// exists says whether an order with this channel and number is stored already.
func (w *orderWriter) exists(ch data.Channel, number string) (bool, error) {
	var one int
	err := w.sql.queryRow("SELECT 1 FROM orders WHERE channel = ? AND number = ?", []any{ch, number}, &one)
	if errors.Is(err, sql.ErrNoRows) {
		return false, nil
	}
	return err == nil, err
}

// add stores a checked order unless one with its channel and number exists (ErrDuplicateOrder).
func (w *orderWriter) add(in OrderInput) (data.Order, error) {
	o := newOrder(in, w.now)
	dup, err := w.exists(o.Channel, o.Number)
	if err != nil {
		return o, err
	}
	if dup {
		return o, fmt.Errorf("%s order %s: %w", o.Channel, o.Number, ErrDuplicateOrder)
	}
	cust, err := w.customer(in, o.CustomerName)
	if err != nil {
		return o, err
	}
	o.CustomerID = &cust
	if err := w.linkProducts(o.Lines); err != nil {
		return o, err
	}
	if o.Status != data.OrderCancelled {
		if o.ShipBy, err = w.promise.shipBy(o.PlacedAt, promiseLinesOf(o.Lines)); err != nil {
			return o, err
		}
	}
	return o, w.insert(&o)
}

// promiseLinesOf is what new lines bring to a promise: their products (no PO yet).
func promiseLinesOf(lines []data.OrderLine) []promiseLine {
	out := make([]promiseLine, len(lines))
	for i, l := range lines {
		out[i] = promiseLine{ProductID: l.ProductID, State: l.State}
	}
	return out
}

const insertOrderSQL = `INSERT INTO orders (created_at, updated_at, channel, number, customer_id, email,
	ship_name, ship_company, ship_address1, ship_address2, ship_city, ship_province, ship_zip, ship_country, ship_phone,
	placed_at, subtotal, shipping, tax, total, note, gift, status, ship_by, at_risk, cancelled_at,
	customer_name, items, search_text)
	VALUES (?,?,?,?,?,?, ?,?,?,?,?,?,?,?,?, ?,?,?,?,?,?,?,?,?,?,?, ?,?,?)`

const insertLineSQL = `INSERT INTO order_lines (created_at, updated_at, order_id, product_id, sku, title, qty, unit_price, state, attention)
	VALUES (?,?,?,?,?,?,?,?,?,?)`

// insert writes the order and its lines, filling in their IDs.
func (w *orderWriter) insert(o *data.Order) error {
	s := o.ShipTo
	o.CreatedAt, o.UpdatedAt = w.now, w.now
	res, err := w.sql.exec(insertOrderSQL, w.now, w.now, o.Channel, o.Number, o.CustomerID, o.Email,
		s.Name, s.Company, s.Address1, s.Address2, s.City, s.Province, s.Zip, s.Country, s.Phone,
		o.PlacedAt, o.Subtotal, o.Shipping, o.Tax, o.Total, o.Note, o.Gift, o.Status, o.ShipBy, o.AtRisk, o.CancelledAt,
		o.CustomerName, o.Items, o.SearchText)
	if err != nil {
		return fmt.Errorf("store order %s: %w", o.Number, err)
	}
	id, err := res.LastInsertId()
	if err != nil {
		return err
	}
	o.ID = uint(id)
	for i := range o.Lines {
		l := &o.Lines[i]
		l.OrderID, l.CreatedAt, l.UpdatedAt = o.ID, w.now, w.now
		res, err := w.sql.exec(insertLineSQL, w.now, w.now, l.OrderID, l.ProductID, l.SKU, l.Title, l.Qty, l.UnitPrice, l.State, l.Attention)
		if err != nil {
			return fmt.Errorf("store order %s line %s: %w", o.Number, l.SKU, err)
		}
		lid, err := res.LastInsertId()
		if err != nil {
			return err
		}
		l.ID = uint(lid)
	}
	return nil
}

// customer finds the customer by e-mail (by name when there is none), adding them if new.
func (w *orderWriter) customer(in OrderInput, name string) (uint, error) {
	key, query, arg := "e:"+in.Email, "SELECT id FROM customers WHERE email = ? ORDER BY id LIMIT 1", in.Email
	if in.Email == "" {
		key, query, arg = "n:"+name, "SELECT id FROM customers WHERE email = '' AND name = ? ORDER BY id LIMIT 1", name
	}
	if id, ok := w.customers[key]; ok {
		return id, nil
	}
	var id uint
	err := w.sql.queryRow(query, []any{arg}, &id)
	if errors.Is(err, sql.ErrNoRows) {
		res, ierr := w.sql.exec("INSERT INTO customers (created_at, updated_at, name, email, phone) VALUES (?,?,?,?,?)",
			w.now, w.now, name, in.Email, in.Phone)
		if ierr != nil {
			return 0, fmt.Errorf("store customer %s: %w", name, ierr)
		}
		n, ierr := res.LastInsertId()
		id, err = uint(n), ierr
	}
	if err != nil {
		return 0, err
	}
	w.customers[key] = id
	return id, nil
}

// linkProducts points each line at the catalog product with its SKU (or a SKU mapped to
// one earlier), if there is one; lines without stay unknown for the owner to map.
func (w *orderWriter) linkProducts(lines []data.OrderLine) error {
	for i := range lines {
		if lines[i].SKU == "" {
			continue
		}
		p, err := w.product(lines[i].SKU)
		if err != nil {
			return err
		}
		if p == nil {
			continue
		}
		id := p.id
		lines[i].ProductID = &id
		if lines[i].Title == "" {
			lines[i].Title = p.title
		}
	}
	return nil
}

func (w *orderWriter) product(sku string) (*lineProduct, error) {
	if p, ok := w.products[sku]; ok {
		return p, nil
	}
	p, err := lookupProduct(w.sql, sku)
	if err != nil {
		return nil, err
	}
	w.products[sku] = p
	return p, nil
}

// lookupProduct finds the product with this SKU, or the one the SKU was mapped to; nil if none.
func lookupProduct(q *txSQL, sku string) (*lineProduct, error) {
	var p lineProduct
	err := q.queryRow("SELECT id, title FROM products WHERE sku = ?", []any{sku}, &p.id, &p.title)
	if errors.Is(err, sql.ErrNoRows) {
		err = q.queryRow(`SELECT products.id, products.title FROM sku_aliases
			JOIN products ON products.id = sku_aliases.product_id WHERE sku_aliases.sku = ?`, []any{sku}, &p.id, &p.title)
	}
	if errors.Is(err, sql.ErrNoRows) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("look up SKU %s: %w", sku, err)
	}
	return &p, nil
}
