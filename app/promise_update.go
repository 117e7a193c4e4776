package app

import (
	"context"
	"fmt"
	"time"

	"clockwork/data"

	"gorm.io/gorm"
)

// openOrderStatuses are the order statuses still on their way to the customer.
var openOrderStatuses = []data.OrderStatus{data.OrderNew, data.OrderPurchasing, data.OrderReady}

// idBatch bounds how many IDs go into one SQL IN list.
const idBatch = 500

// RecomputePromises sets the ship-by day of the given orders (of every open order when none
// are given) from their lines' chosen, else preferred, offers, then their at-risk flags.
// Purchasing calls it (or setPromises inside its own transaction) when lines are planned.
func (a *App) RecomputePromises(orderIDs ...uint) error {
	loc := a.Location() // read before the transaction: the database has one connection
	return a.write(func(tx *gorm.DB) error {
		return setPromises(tx, &a.shared.leads, loc, a.Now(), orderIDs)
	})
}

// RecomputeAtRisk re-flags the given orders (every open order when none are given) as at
// risk when a PO line serving them is expected after their ship-by day. Call it when
// purchasing facts change: a PO sent, an expected date revised, a delivery received.
func (a *App) RecomputeAtRisk(orderIDs ...uint) error {
	return a.write(func(tx *gorm.DB) error { return setAtRisk(tx, orderIDs) })
}

// setPromises is RecomputePromises inside the caller's transaction; leads is the App's
// lead-time history (&a.shared.leads).
func setPromises(tx *gorm.DB, leads *leadHistory, loc *time.Location, now time.Time, orderIDs []uint) error {
	if len(orderIDs) == 0 {
		if err := tx.Model(&data.Order{}).Where("status IN ?", openOrderStatuses).Order("id").Pluck("id", &orderIDs).Error; err != nil {
			return fmt.Errorf("list open orders: %w", err)
		}
	}
	p, err := newPromiser(data.NewTxSQL(context.Background(), tx, nil), leads, loc, now)
	if err != nil {
		return err
	}
	for start := 0; start < len(orderIDs); start += idBatch {
		if err := p.update(tx, orderIDs[start:min(start+idBatch, len(orderIDs))]); err != nil {
			return err
		}
	}
	return setAtRisk(tx, orderIDs)
}

// update recomputes one batch of open orders' ship-by days and stores those that changed.
func (p *promiser) update(tx *gorm.DB, ids []uint) error {
	var orders []data.Order
	if err := tx.Select("id", "placed_at", "ship_by").Where("id IN ? AND status IN ?", ids, openOrderStatuses).Find(&orders).Error; err != nil {
		return fmt.Errorf("read orders to promise: %w", err)
	}
	lines, err := promiseLinesFor(tx, ids)
	if err != nil {
		return err
	}
	if err := p.primeProducts(productsToPromise(lines)); err != nil {
		return err
	}
	if err := p.primeOffers(offersToPromise(lines)); err != nil {
		return err
	}
	for _, o := range orders {
		day, err := p.shipBy(o.PlacedAt, lines[o.ID])
		if err != nil {
			return err
		}
		if day == o.ShipBy {
			continue
		}
		if err := tx.Model(&data.Order{}).Where("id = ?", o.ID).Update("ship_by", day).Error; err != nil {
			return fmt.Errorf("store ship-by of order %d: %w", o.ID, err)
		}
	}
	return nil
}

// promiseLinesFor reads the lines of the orders with the offer chosen for each on a PO that
// is still going (a line back to unpurchased has no chosen offer any more).
func promiseLinesFor(tx *gorm.DB, orderIDs []uint) (map[uint][]promiseLine, error) {
	rows, err := tx.Raw(`SELECT order_lines.order_id, order_lines.product_id, order_lines.state,
		(SELECT po_lines.offer_id FROM po_lines JOIN purchase_orders ON purchase_orders.id = po_lines.purchase_order_id
		 WHERE po_lines.order_line_id = order_lines.id AND purchase_orders.status <> ? ORDER BY po_lines.id DESC LIMIT 1)
		FROM order_lines WHERE order_lines.order_id IN ?`, data.POCancelled, orderIDs).Rows()
	if err != nil {
		return nil, fmt.Errorf("read order lines to promise: %w", err)
	}
	defer rows.Close()
	out := map[uint][]promiseLine{}
	for rows.Next() {
		var id uint
		var l promiseLine
		if err := rows.Scan(&id, &l.ProductID, &l.State, &l.OfferID); err != nil {
			return nil, err
		}
		if l.State == data.LineUnpurchased {
			l.OfferID = nil
		}
		out[id] = append(out[id], l)
	}
	return out, rows.Err()
}

// atRiskSQL is true for an open order with a ship-by day that a PO line serving one of its
// lines still waiting for goods is expected (expected date, else promised date) after.
var atRiskSQL = `(orders.status IN ` + sqlIn(openOrderStatuses...) + ` AND orders.ship_by <> '' AND EXISTS (
	SELECT 1 FROM order_lines JOIN po_lines ON po_lines.order_line_id = order_lines.id
	JOIN purchase_orders ON purchase_orders.id = po_lines.purchase_order_id
	WHERE order_lines.order_id = orders.id AND order_lines.state IN ` + sqlIn(waitingLineStates...) + `
	AND purchase_orders.status IN ` + sqlIn(openPO...) + `
	AND COALESCE(NULLIF(purchase_orders.expected_date, ''), purchase_orders.promised_date) > orders.ship_by))`

// setAtRisk is RecomputeAtRisk inside the caller's transaction; no IDs means every order.
func setAtRisk(tx *gorm.DB, orderIDs []uint) error {
	update := func(where string, args ...any) error {
		sql := "UPDATE orders SET at_risk = " + atRiskSQL + " WHERE at_risk <> " + atRiskSQL
		if where != "" {
			sql += " AND " + where
		}
		if err := tx.Exec(sql, args...).Error; err != nil {
			return fmt.Errorf("flag orders at risk: %w", err)
		}
		return nil
	}
	if len(orderIDs) == 0 {
		return update("")
	}
	for start := 0; start < len(orderIDs); start += idBatch {
		if err := update("id IN ?", orderIDs[start:min(start+idBatch, len(orderIDs))]); err != nil {
			return err
		}
	}
	return nil
}

// RecomputeAtRiskForPOs re-flags the orders served by the given purchase orders: what
// purchasing calls after sending a PO, recording a new expected date or receiving goods
// (setAtRiskForPOs inside its own transaction).
func (a *App) RecomputeAtRiskForPOs(poIDs ...uint) error {
	return a.write(func(tx *gorm.DB) error { return setAtRiskForPOs(tx, poIDs...) })
}

// setAtRiskForPOs is RecomputeAtRiskForPOs inside the caller's transaction.
func setAtRiskForPOs(tx *gorm.DB, poIDs ...uint) error {
	var ids []uint
	err := tx.Raw(`SELECT DISTINCT order_lines.order_id FROM po_lines JOIN order_lines ON order_lines.id = po_lines.order_line_id
		WHERE po_lines.purchase_order_id IN ?`, poIDs).Scan(&ids).Error
	if err != nil {
		return fmt.Errorf("find orders of purchase orders: %w", err)
	}
	if len(ids) == 0 {
		return nil
	}
	return setAtRisk(tx, ids)
}
