package app

import (
	"database/sql"
	"errors"
	"fmt"
	"time"

	"clockwork/data"
)

// orderWriter stores new orders inside one transaction. An import of 100,000 orders goes
// through it, so it talks to SQLite with prepared statements (no reflection per row), writes
// rows many to a statement, and remembers the customers and products it has looked up.
type orderWriter struct {
	sql       *data.TxSQL
	now       time.Time
	promise   *promiser
	bulk      bool                    // an import: existing orders and customers are read up front
	stored    map[orderKey]bool       // bulk: the orders stored, by channel and number
	customers map[customerKey]uint    // customerKeyOf → ID
	products  map[string]*lineProduct // by SKU; nil: not in the catalog
	rows      *rowBuffer
}

// orderKey is what makes an order unique: its channel and number.
type orderKey struct {
	channel data.Channel
	number  string
}

// lineProduct is what an order line needs of a catalog product.
type lineProduct struct {
	id    uint
	title string
}

// newOrderWriter prepares to add orders in q's transaction; bulk reads the stored order
// numbers and customers once, which pays off from a few hundred orders on.
func newOrderWriter(q *data.TxSQL, leads *leadHistory, now time.Time, loc *time.Location, bulk bool) (*orderWriter, error) {
	p, err := newPromiser(q, leads, loc, now)
	if err != nil {
		return nil, err
	}
	w := &orderWriter{sql: q, now: now.UTC(), promise: p, bulk: bulk, customers: map[customerKey]uint{}, products: map[string]*lineProduct{}}
	if w.rows, err = newRowBuffer(q); err != nil {
		return nil, err
	}
	if bulk {
		if err := w.loadStored(); err != nil {
			return nil, err
		}
	}
	return w, nil
}

// loadStored reads every stored order's key and every customer, for a bulk import.
func (w *orderWriter) loadStored() error {
	w.stored = map[orderKey]bool{}
	rows, err := w.sql.Query("SELECT channel, number FROM orders")
	if err != nil {
		return fmt.Errorf("read stored orders: %w", err)
	}
	for rows.Next() {
		var k orderKey
		if err := rows.Scan(&k.channel, &k.number); err != nil {
			rows.Close()
			return err
		}
		w.stored[k] = true
	}
	rows.Close()
	if rows, err = w.sql.Query("SELECT id, name, email FROM customers ORDER BY id DESC"); err != nil {
		return fmt.Errorf("read customers: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var id uint
		var name, email string
		if err := rows.Scan(&id, &name, &email); err != nil {
			return err
		}
		w.customers[customerKeyOf(email, name)] = id // the oldest wins: they come last
	}
	return rows.Err()
}

// customerKey is how a customer is known: by e-mail, or by name when there is none.
type customerKey struct {
	byName bool
	text   string
}

func customerKeyOf(email, name string) customerKey {
	if email == "" {
		return customerKey{true, name}
	}
	return customerKey{false, email}
}

// exists says whether an order with this channel and number is stored already.
func (w *orderWriter) exists(k orderKey) (bool, error) {
	if w.bulk {
		return w.stored[k], nil
	}
	var one int
	err := w.sql.QueryRow("SELECT 1 FROM orders WHERE channel = ? AND number = ?", []any{k.channel, k.number}, &one)
	if errors.Is(err, sql.ErrNoRows) {
		return false, nil
	}
	return err == nil, err
}

// add queues a checked order for storing unless one with its channel and number exists
// (ErrDuplicateOrder); the order comes back with its IDs. flush writes what is queued.
func (w *orderWriter) add(in OrderInput) (data.Order, error) {
	o := newOrder(in, w.now)
	k := orderKey{o.Channel, o.Number}
	dup, err := w.exists(k)
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
	if w.bulk {
		w.stored[k] = true
	}
	return o, w.rows.order(&o, w.now)
}

// flush writes the queued rows.
func (w *orderWriter) flush() error { return w.rows.flush() }

// promiseLinesOf is what new lines bring to a promise: their products (no PO yet).
func promiseLinesOf(lines []data.OrderLine) []promiseLine {
	out := make([]promiseLine, len(lines))
	for i, l := range lines {
		out[i] = promiseLine{ProductID: l.ProductID, State: l.State}
	}
	return out
}

// customer finds the customer by e-mail (by name when there is none), adding them if new.
func (w *orderWriter) customer(in OrderInput, name string) (uint, error) {
	key := customerKeyOf(in.Email, name)
	if id, ok := w.customers[key]; ok {
		return id, nil
	}
	if !w.bulk {
		query, arg := "SELECT id FROM customers WHERE email = ? ORDER BY id LIMIT 1", in.Email
		if in.Email == "" {
			query, arg = "SELECT id FROM customers WHERE email = '' AND name = ? ORDER BY id LIMIT 1", name
		}
		var id uint
		err := w.sql.QueryRow(query, []any{arg}, &id)
		if err == nil {
			w.customers[key] = id
			return id, nil
		}
		if !errors.Is(err, sql.ErrNoRows) {
			return 0, fmt.Errorf("find customer %s: %w", name, err)
		}
	}
	id, err := w.rows.customer(name, in.Email, in.Phone, w.now)
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
func lookupProduct(q *data.TxSQL, sku string) (*lineProduct, error) {
	var p lineProduct
	err := q.QueryRow("SELECT id, title FROM products WHERE sku = ?", []any{sku}, &p.id, &p.title)
	if errors.Is(err, sql.ErrNoRows) {
		err = q.QueryRow(`SELECT products.id, products.title FROM sku_aliases
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
