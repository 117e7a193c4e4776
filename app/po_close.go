package app

import (
	"fmt"
	"time"

	"clockwork/data"

	"gorm.io/gorm"
)

// ClosePOShort gives up on what a sent PO still owes: its open lines go back to unpurchased
// (units already accepted on them become spare stock), so the next plan buys them elsewhere.
func (a *App) ClosePOShort(id uint) (data.PurchaseOrder, error) {
	loc, now := a.Location(), a.Now()
	var po data.PurchaseOrder
	err := a.write(func(tx *gorm.DB) error {
		var err error
		if po, err = lockPO(tx, id, data.POSent, data.POAcknowledged, data.POPartiallyReceived); err != nil {
			return err
		}
		orders, reopened, err := reopenLines(tx, po, true)
		if err != nil {
			return err
		}
		at := now.UTC()
		po.Status, po.ClosedAt = data.POClosedShort, &at
		if err := tx.Model(&po).Select("status", "closed_at").Updates(&po).Error; err != nil {
			return err
		}
		text := fmt.Sprintf("%s closed short: %s back to buy", po.Number, plural(reopened, "line", "lines"))
		if err := logPOEvent(tx, po, at, data.EventNote, "", text); err != nil {
			return err
		}
		return afterReopen(tx, &a.shared.leads, loc, now, orders)
	})
	if err != nil {
		return po, fmt.Errorf("close purchase order %d short: %w", id, err)
	}
	return po, nil
}

// CancelPO cancels a draft, or a sent PO nothing has been received on: its order lines go
// back to unpurchased. A PO with goods received is closed short instead.
func (a *App) CancelPO(id uint) (data.PurchaseOrder, error) {
	loc, now := a.Location(), a.Now()
	var po data.PurchaseOrder
	err := a.write(func(tx *gorm.DB) error {
		var err error
		if po, err = lockPO(tx, id, data.PODraft, data.POSent, data.POAcknowledged); err != nil {
			return err
		}
		var received int64
		if err := tx.Model(&data.POLine{}).Where("purchase_order_id = ? AND (qty_accepted > 0 OR qty_rejected > 0)", po.ID).Count(&received).Error; err != nil {
			return err
		}
		if received > 0 {
			return invalid("status", "goods have been received on %s: close it short instead of cancelling it", po.Number)
		}
		orders, _, err := reopenLines(tx, po, false)
		if err != nil {
			return err
		}
		at := now.UTC()
		wasSent := po.Status != data.PODraft
		po.Status, po.ClosedAt = data.POCancelled, &at
		if err := tx.Model(&po).Select("status", "closed_at").Updates(&po).Error; err != nil {
			return err
		}
		if wasSent {
			if err := logPOEvent(tx, po, at, data.EventNote, "", po.Number+" cancelled: tell the supplier"); err != nil {
				return err
			}
		}
		return afterReopen(tx, &a.shared.leads, loc, now, orders)
	})
	if err != nil {
		return po, fmt.Errorf("cancel purchase order %d: %w", id, err)
	}
	return po, nil
}

// reopenLines sends the order lines a PO still owes back to unpurchased; with keepAccepted,
// units already accepted on such a line become spare stock. It returns the orders touched
// and how many lines went back.
func reopenLines(tx *gorm.DB, po data.PurchaseOrder, keepAccepted bool) ([]uint, int, error) {
	var rows []struct {
		POLineID    uint
		OrderLineID uint
		OrderID     uint
		ProductID   *uint
		QtyAccepted int
	}
	err := tx.Raw(`SELECT po_lines.id AS po_line_id, order_lines.id AS order_line_id, order_lines.order_id, order_lines.product_id, po_lines.qty_accepted
		FROM po_lines JOIN order_lines ON order_lines.id = po_lines.order_line_id
		WHERE po_lines.purchase_order_id = ? AND order_lines.state IN ? ORDER BY po_lines.id`,
		po.ID, []data.LineState{data.LineOnDraftPO, data.LineOrdered}).Scan(&rows).Error
	if err != nil {
		return nil, 0, fmt.Errorf("read the open lines of %s: %w", po.Number, err)
	}
	var lines, orders []uint
	seen := map[uint]bool{}
	for _, r := range rows {
		lines = append(lines, r.OrderLineID)
		if !seen[r.OrderID] {
			seen[r.OrderID] = true
			orders = append(orders, r.OrderID)
		}
		if keepAccepted && r.QtyAccepted > 0 && r.ProductID != nil {
			pl := r.POLineID
			left := data.Leftover{ProductID: *r.ProductID, Qty: r.QtyAccepted, Source: data.LeftoverSurplus, POLineID: &pl}
			if err := tx.Create(&left).Error; err != nil {
				return nil, 0, fmt.Errorf("keep what came of %s as spare stock: %w", po.Number, err)
			}
		}
	}
	return orders, len(lines), setLineStates(tx, lines, data.LineUnpurchased)
}

// afterReopen brings the orders whose lines went back to unpurchased up to date.
func afterReopen(tx *gorm.DB, leads *leadHistory, loc *time.Location, now time.Time, orders []uint) error {
	if len(orders) == 0 {
		return nil
	}
	if err := updateOrderStatus(tx, orders...); err != nil {
		return err
	}
	return setPromises(tx, leads, loc, now, orders)
}
