package app

import (
	"fmt"
	"slices"

	"clockwork/data"

	"gorm.io/gorm"
)

// CancelResult says what cancelling an order did beyond the order itself.
type CancelResult struct {
	RemovedFromDrafts int      // lines taken off draft purchase orders
	TellSuppliers     []string // numbers of POs already sent with lines for the order
	KeptAsStock       int      // units already received, now spare stock
}

// servingPOLine is a PO line serving one of an order's lines, with its PO.
type servingPOLine struct {
	ID          uint
	OrderLineID uint
	POID        uint
	PONumber    string
	POStatus    data.POStatus
}

// CancelOrder cancels an order that has not shipped: its lines leave draft purchase orders
// (a draft left empty is deleted); lines on POs already sent are flagged for the owner, who
// must tell the supplier; units already received become spare stock. All in one transaction.
func (a *App) CancelOrder(orderID uint) (CancelResult, error) {
	var res CancelResult
	err := a.write(func(tx *gorm.DB) error {
		var o data.Order
		if err := tx.Preload("Lines").First(&o, orderID).Error; err != nil {
			return notFound(err, "order")
		}
		if err := cancellable(o); err != nil {
			return err
		}
		pols, err := servingPOLines(tx, o.Lines)
		if err != nil {
			return err
		}
		for i := range o.Lines {
			if err := cancelLine(tx, &o.Lines[i], pols, &res); err != nil {
				return err
			}
		}
		if err := deleteEmptyDrafts(tx, pols); err != nil {
			return err
		}
		now := a.Now().UTC()
		err = tx.Model(&o).Updates(map[string]any{"status": data.OrderCancelled, "cancelled_at": now, "at_risk": false}).Error
		if err != nil {
			return err
		}
		return updateOrderStatus(tx, o.ID)
	})
	if err != nil {
		return res, fmt.Errorf("cancel order %d: %w", orderID, err)
	}
	return res, nil
}

func cancellable(o data.Order) error {
	if o.Status == data.OrderCancelled {
		return invalid("order", "order %s is already cancelled", o.Number)
	}
	for _, l := range o.Lines {
		if l.State == data.LineShipped {
			return invalid("order", "order %s has shipped: open a return instead of cancelling it", o.Number)
		}
	}
	return nil
}

func servingPOLines(tx *gorm.DB, lines []data.OrderLine) ([]servingPOLine, error) {
	ids := make([]uint, len(lines))
	for i, l := range lines {
		ids[i] = l.ID
	}
	var out []servingPOLine
	err := tx.Raw(`SELECT po_lines.id, po_lines.order_line_id, purchase_orders.id AS po_id,
		purchase_orders.number AS po_number, purchase_orders.status AS po_status
		FROM po_lines JOIN purchase_orders ON purchase_orders.id = po_lines.purchase_order_id
		WHERE po_lines.order_line_id IN ? ORDER BY po_lines.id`, ids).Scan(&out).Error
	if err != nil {
		return nil, fmt.Errorf("find the order's purchase order lines: %w", err)
	}
	return out, nil
}

// cancelLine cancels one line and deals with what was already bought for it.
func cancelLine(tx *gorm.DB, l *data.OrderLine, pols []servingPOLine, res *CancelResult) error {
	return settleLine(tx, l, pols, res, data.LineCancelled, "cancelled")
}

// settleLine puts a line in a settled state (cancelled, or fulfilled by the web shop) and
// deals with what was already bought for it: it leaves draft POs, a line on a sent PO is
// flagged for the owner to tell the supplier, goods already received become spare stock.
// verb says what happened, for those notes.
func settleLine(tx *gorm.DB, l *data.OrderLine, pols []servingPOLine, res *CancelResult, to data.LineState, verb string) error {
	if l.State.Settled() || l.State == data.LineShipped {
		return nil
	}
	var notes []string
	for _, p := range pols {
		if p.OrderLineID != l.ID {
			continue
		}
		switch p.POStatus {
		case data.PODraft:
			if err := tx.Delete(&data.POLine{}, p.ID).Error; err != nil {
				return fmt.Errorf("take %s off %s: %w", l.SKU, p.PONumber, err)
			}
			res.RemovedFromDrafts++
		case data.POSent, data.POAcknowledged, data.POPartiallyReceived:
			if l.State != data.LineReceived {
				notes = append(notes, fmt.Sprintf("%s after %s was sent: tell the supplier", verb, p.PONumber))
				if !slices.Contains(res.TellSuppliers, p.PONumber) {
					res.TellSuppliers = append(res.TellSuppliers, p.PONumber)
				}
			}
		}
	}
	if l.State == data.LineReceived && l.ProductID != nil {
		left := data.Leftover{ProductID: *l.ProductID, Qty: l.Qty, Source: data.LeftoverSurplus}
		if err := tx.Create(&left).Error; err != nil {
			return fmt.Errorf("keep %s as spare stock: %w", l.SKU, err)
		}
		notes = append(notes, fmt.Sprintf("%s after the goods arrived: %d kept as spare stock", verb, l.Qty))
		res.KeptAsStock += l.Qty
	}
	l.State = to
	l.Attention = joinNotes(l.Attention, notes)
	return tx.Model(l).Select("state", "attention").Updates(l).Error
}

func joinNotes(old string, notes []string) string {
	for _, n := range notes {
		if old != "" {
			old += "; "
		}
		old += n
	}
	return old
}

// deleteEmptyDrafts works out again the pack and minimum surplus of the drafts cancelling
// took lines off, and removes those left without a line for a customer: they were never sent.
func deleteEmptyDrafts(tx *gorm.DB, pols []servingPOLine) error {
	var drafts []uint
	for _, p := range pols {
		if p.POStatus == data.PODraft && !slices.Contains(drafts, p.POID) {
			drafts = append(drafts, p.POID)
		}
	}
	if len(drafts) == 0 {
		return nil
	}
	for _, id := range drafts {
		var offers []uint
		err := tx.Model(&data.POLine{}).Where("purchase_order_id = ? AND order_line_id IS NULL AND offer_id IS NOT NULL", id).Pluck("offer_id", &offers).Error
		if err != nil {
			return fmt.Errorf("read the surplus of draft %d: %w", id, err)
		}
		for _, o := range offers {
			if err := resurplus(tx, id, &o); err != nil {
				return err
			}
		}
		if err := dropIfEmpty(tx, id); err != nil {
			return fmt.Errorf("delete emptied draft purchase orders: %w", err)
		}
	}
	return nil
}
