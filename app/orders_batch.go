package app

import (
	"context"
	"fmt"
	"strings"

	"clockwork/data"

	"gorm.io/gorm"
)

// AddOrders stores several new orders at once, each as AddOrder would (checked, linked to
// its products and customer, promised a ship-by day), in one transaction with the rows
// written many to a statement: all or none. It is for a day's orders arriving together
// (the demo's, a web shop's feed), and reads only what these orders need, so its cost is
// theirs, not the number of orders stored. An order whose channel and number is stored
// already, or comes twice, fails the batch with ErrDuplicateOrder. The orders come back
// with their IDs, in the order given.
func (a *App) AddOrders(ins []OrderInput) ([]data.Order, error) {
	if len(ins) == 0 {
		return nil, nil
	}
	now := a.Now()
	ins = append([]OrderInput(nil), ins...) // numbers and times are filled in below
	for i := range ins {
		in := &ins[i]
		if in.PlacedAt.IsZero() && (in.Channel == "" || in.Channel == data.ChannelManual) {
			in.PlacedAt = now
		}
		if err := in.check().err(); err != nil {
			return nil, fmt.Errorf("order %d of %d (%s): %w", i+1, len(ins), in.Number, err)
		}
	}
	loc := a.Location() // read before the transaction: the database has one connection
	out := make([]data.Order, 0, len(ins))
	err := a.write(func(tx *gorm.DB) error {
		if err := numberManualOrders(tx, ins); err != nil {
			return err
		}
		w, err := newOrderWriter(data.NewTxSQL(context.Background(), tx, &a.shared.stmts), &a.shared.leads, now, loc, false)
		if err != nil {
			return err
		}
		if err := w.prime(ins); err != nil {
			return err
		}
		seen := make(map[orderKey]bool, len(ins))
		for _, in := range ins {
			k := orderKey{in.Channel, in.Number}
			if seen[k] {
				return fmt.Errorf("%s order %s comes twice: %w", in.Channel, in.Number, ErrDuplicateOrder)
			}
			seen[k] = true
			o, err := w.add(in)
			if err != nil {
				return fmt.Errorf("add order %s: %w", in.Number, err)
			}
			out = append(out, o)
		}
		return w.flush()
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// numberManualOrders gives the orders without a number the next manual numbers, in turn.
func numberManualOrders(tx *gorm.DB, ins []OrderInput) error {
	n := -1
	for i := range ins {
		if ins[i].Number != "" {
			continue
		}
		if n < 0 {
			next, err := nextManualNumber(tx)
			if err != nil {
				return err
			}
			fmt.Sscanf(strings.TrimPrefix(next, "M-"), "%d", &n)
		}
		ins[i].Number = fmt.Sprintf("M-%04d", n)
		n++
	}
	return nil
}

// prime looks up the catalog products of the orders' SKUs and their lead times a query per
// hundred, before the orders are added one by one (SKUs not found, such as mapped ones,
// are looked up as AddOrder does).
func (w *orderWriter) prime(ins []OrderInput) error {
	var skus []any
	want := map[string]bool{}
	for _, in := range ins {
		for _, l := range in.Lines {
			if _, ok := w.products[l.SKU]; !ok && l.SKU != "" && !want[l.SKU] {
				want[l.SKU] = true
				skus = append(skus, l.SKU)
			}
		}
	}
	var ids []uint
	for start := 0; start < len(skus); start += primeBatch {
		args := make([]any, primeBatch)
		for i := range args {
			args[i] = ""
			if start+i < len(skus) {
				args[i] = skus[start+i]
			}
		}
		rows, err := w.sql.Query("SELECT id, title, sku FROM products WHERE sku IN ("+strings.TrimSuffix(strings.Repeat("?,", primeBatch), ",")+")", args...)
		if err != nil {
			return fmt.Errorf("look up %d SKUs: %w", len(skus), err)
		}
		for rows.Next() {
			var p lineProduct
			var sku string
			if err := rows.Scan(&p.id, &p.title, &sku); err != nil {
				rows.Close()
				return err
			}
			if want[sku] {
				w.products[sku] = &p
				ids = append(ids, p.id)
			}
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return err
		}
	}
	return w.promise.primeProducts(ids)
}
