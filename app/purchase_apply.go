package app

import (
	"context"
	"errors"
	"fmt"
	"time"

	"clockwork/data"

	"gorm.io/gorm"
)

// PlanResult is what Purchase did: the plan it carried out and the POs it created or extended.
type PlanResult struct {
	Plan
	PONumbers []string // in the plan's order
	POIDs     []uint
}

// Purchase carries out the plan of PlanPurchases in one transaction: drafts are created or
// extended, their order lines go on_draft_po, lines served from spare stock count as
// received, and the orders' statuses and promise dates follow.
func (a *App) Purchase() (PlanResult, error) { return a.PurchaseWith(PlanOptions{}) }

// PurchaseWith is Purchase with options.
func (a *App) PurchaseWith(opt PlanOptions) (PlanResult, error) {
	opt, err := a.planOptions(opt)
	if err != nil {
		return PlanResult{}, err
	}
	loc, pc, now := a.Location(), a.planClock(), a.Now()
	ctx := opt.Context
	if ctx == nil {
		ctx = context.Background()
	}
	var res PlanResult
	err = a.write(func(tx *gorm.DB) error {
		in, err := loadPlanInput(tx, opt.OrderIDs)
		if err != nil {
			return err
		}
		res = PlanResult{Plan: makePlan(in, pc, opt.Policy, opt.Ratings)}
		if err := applyPlan(tx, data.NewTxSQL(ctx, tx, &a.shared.stmts), &a.shared.leads, loc, now, &res); err != nil {
			return err
		}
		return ctx.Err() // the last moment to cancel: nothing is committed yet
	})
	if errors.Is(err, context.Canceled) || ctx.Err() != nil {
		return PlanResult{}, context.Canceled
	}
	if err != nil {
		return PlanResult{}, fmt.Errorf("purchase: %w", err)
	}
	return res, nil
}

func applyPlan(tx *gorm.DB, q *data.TxSQL, leads *leadHistory, loc *time.Location, now time.Time, res *PlanResult) error {
	w := planWriter{sql: q, now: now.UTC()}
	var onDraft, orders []uint
	seen := map[uint]bool{}
	touch := func(orderID uint) {
		if !seen[orderID] {
			seen[orderID] = true
			orders = append(orders, orderID)
		}
	}
	for i := range res.POs {
		po := &res.POs[i]
		if po.DraftID == 0 {
			if err := w.newDraft(tx, po); err != nil {
				return err
			}
		}
		for _, l := range po.Lines {
			if err := w.line(po.DraftID, &l.OrderLineID, l.OfferID, l.SKU, l.SupplierSKU, l.Qty, l.UnitCost); err != nil {
				return err
			}
			onDraft = append(onDraft, l.OrderLineID)
			touch(l.OrderID)
		}
		res.PONumbers = append(res.PONumbers, po.DraftNumber)
		res.POIDs = append(res.POIDs, po.DraftID)
	}
	if err := w.flush(); err != nil {
		return err
	}
	for _, po := range res.POs {
		for _, s := range po.Surplus {
			if err := setSurplus(tx, po.DraftID, s); err != nil {
				return fmt.Errorf("round up %s on %s: %w", s.SKU, po.DraftNumber, err)
			}
		}
	}
	if err := setLineStates(tx, onDraft, data.LineOnDraftPO); err != nil {
		return err
	}
	for _, l := range res.FromLeftovers {
		if err := serveFromLeftovers(tx, l); err != nil {
			return err
		}
		touch(l.OrderID)
	}
	if len(orders) == 0 {
		return nil
	}
	if err := updateOrderStatus(tx, orders...); err != nil {
		return err
	}
	if len(onDraft) >= bulkMinOrders {
		// Thousands of new PO lines: the promise dates are read for the lines there are now
		// (PostgreSQL's planner took the tables for what they were before; SQLite needs nothing).
		if err := data.EngineOf(tx).Analyze(tx, "po_lines", "purchase_orders", "order_lines"); err != nil {
			return err
		}
	}
	return setPromises(tx, leads, loc, now, orders)
}

// planWriter writes a plan's new drafts and lines through prepared statements, many lines
// to a statement: the demo's year purchases every day inside one long transaction.
type planWriter struct {
	sql        *data.TxSQL
	now        time.Time
	ids        *data.IDs // of new drafts
	nextNumber int       // of the next new draft; 0 until the first is numbered
	lines      []any
}

var planPOColumns = []string{"id", "created_at", "updated_at", "number", "supplier_id", "status", "promised_date",
	"expected_date", "supplier_ref", "carrier", "tracking", "shipping_cost", "notes"}

var planLineColumns = []string{"created_at", "updated_at", "purchase_order_id", "order_line_id", "offer_id", "sku",
	"supplier_sku", "qty", "unit_cost", "quoted_unit_cost", "qty_accepted", "qty_rejected"}

// newDraft creates a draft for the planned PO's supplier, with the supplier's shipping charge
// when its goods stay under the free-shipping threshold.
func (w *planWriter) newDraft(tx *gorm.DB, po *PlannedPO) error {
	if w.nextNumber == 0 {
		n, err := nextPONumber(tx)
		if err != nil {
			return err
		}
		w.nextNumber, w.ids = n, w.sql.IDs("purchase_orders")
	}
	id, err := w.ids.Next()
	if err != nil {
		return err
	}
	po.DraftID, po.DraftNumber = id, poNumber(w.nextNumber)
	w.nextNumber++
	_, err = w.sql.Exec(insertSQL("purchase_orders", planPOColumns, 1), po.DraftID, w.now, w.now, po.DraftNumber, po.SupplierID,
		data.PODraft, data.Day(""), data.Day(""), "", "", "", max(po.Shipping, 0), "")
	if err != nil {
		return fmt.Errorf("create purchase order for %s: %w", po.Supplier, err)
	}
	return nil
}

// line queues a PO line, writing the queue once it is full; flush writes the rest.
func (w *planWriter) line(poID uint, orderLineID *uint, offerID uint, sku, supplierSKU string, qty int, cost data.Money) error {
	w.lines = append(w.lines, w.now, w.now, poID, orderLineID, offerID, sku, supplierSKU, qty, cost, cost, 0, 0)
	if len(w.lines) >= batchRows*len(planLineColumns) {
		return w.flush()
	}
	return nil
}

func (w *planWriter) flush() error {
	width := len(planLineColumns)
	for start := 0; start < len(w.lines); start += batchRows * width {
		end := min(start+batchRows*width, len(w.lines))
		if _, err := w.sql.Exec(insertSQL("po_lines", planLineColumns, (end-start)/width), w.lines[start:end]...); err != nil {
			return fmt.Errorf("add lines to purchase orders: %w", err)
		}
	}
	w.lines = w.lines[:0]
	return nil
}

// setSurplus creates, resizes or deletes the PO line that rounds an offer up.
func setSurplus(tx *gorm.DB, poID uint, s PlannedSurplus) error {
	switch {
	case s.LineID != 0 && s.Qty == 0:
		return tx.Delete(&data.POLine{}, s.LineID).Error
	case s.LineID != 0:
		return tx.Model(&data.POLine{}).Where("id = ?", s.LineID).Update("qty", s.Qty).Error
	case s.Qty > 0:
		of := s.OfferID
		return tx.Create(&data.POLine{PurchaseOrderID: poID, OfferID: &of, SKU: s.SKU, SupplierSKU: s.SupplierSKU,
			Qty: s.Qty, UnitCost: s.UnitCost, QuotedUnitCost: s.UnitCost}).Error
	}
	return nil
}

// setLineStates moves order lines to a state, in batches.
func setLineStates(tx *gorm.DB, ids []uint, st data.LineState) error {
	for start := 0; start < len(ids); start += idBatch {
		err := tx.Model(&data.OrderLine{}).Where("id IN ?", ids[start:min(start+idBatch, len(ids))]).Update("state", st).Error
		if err != nil {
			return fmt.Errorf("set order lines %s: %w", st, err)
		}
	}
	return nil
}

// serveFromLeftovers takes a line's units off the shelf and marks the line received.
func serveFromLeftovers(tx *gorm.DB, l PlannedLine) error {
	for _, t := range l.leftovers {
		if err := tx.Model(&data.Leftover{}).Where("id = ?", t.ID).Update("qty", gorm.Expr("qty - ?", t.Qty)).Error; err != nil {
			return fmt.Errorf("take %s from spare stock: %w", l.SKU, err)
		}
	}
	err := tx.Model(&data.OrderLine{}).Where("id = ?", l.OrderLineID).
		Updates(map[string]any{"state": data.LineReceived, "leftover_id": l.leftovers[0].ID}).Error
	if err != nil {
		return fmt.Errorf("serve %s of order %s from spare stock: %w", l.SKU, l.OrderNumber, err)
	}
	return nil
}
