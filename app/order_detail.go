package app

import (
	"fmt"
	"time"

	"clockwork/data"

	"gorm.io/gorm"
)

// OrderDetail is one order with everything its detail pane shows: lines with their purchase
// orders and receipts, the shipment, and the JIT timeline.
type OrderDetail struct {
	Order    data.Order // with its lines, by ID
	Customer string
	Lines    []DetailLine
	POs      []POLink // the purchase orders serving the order, in the order first used
	Shipment *data.Shipment
	Timeline []TimelineStep
}

// DetailLine is an order line with where it stands in purchasing.
type DetailLine struct {
	data.OrderLine
	Unknown    bool       // the SKU is not in the catalog: the owner should map it
	PO         *POLink    // the purchase order serving it; nil when none
	OnPOAt     time.Time  // when it was put on that PO
	ReceivedAt *time.Time // its last delivery, if any arrived
}

// POLink is a purchase order as an order's detail refers to it.
type POLink struct {
	ID             uint
	Number         string
	Status         data.POStatus
	Supplier       string
	SentAt         *time.Time
	AcknowledgedAt *time.Time
	PromisedDate   data.Day
	ExpectedDate   data.Day
}

// Expected is the day the goods are due: the supplier's revised date, else the promised one.
func (p POLink) Expected() data.Day {
	if p.ExpectedDate != "" {
		return p.ExpectedDate
	}
	return p.PromisedDate
}

// OrderDetail reads one order with its lines, purchase orders, receipts, shipment and timeline.
func (a *App) OrderDetail(orderID uint) (OrderDetail, error) {
	var d OrderDetail
	err := data.Snapshot(a.db, func(tx *gorm.DB) error {
		if err := tx.Preload("Lines", func(db *gorm.DB) *gorm.DB { return db.Order("id") }).Preload("Customer").First(&d.Order, orderID).Error; err != nil {
			return notFound(err, "order")
		}
		d.Customer = d.Order.CustomerName
		if err := d.loadPurchasing(tx); err != nil {
			return err
		}
		var ships []data.Shipment
		if err := tx.Where("order_id = ?", orderID).Order("id DESC").Limit(1).Find(&ships).Error; err != nil {
			return err
		}
		if len(ships) > 0 {
			d.Shipment = &ships[0]
		}
		return nil
	})
	if err != nil {
		return d, fmt.Errorf("read order %d: %w", orderID, err)
	}
	d.Timeline = timeline(d.Order, d.Lines, d.Shipment, a.Today())
	return d, nil
}

// poLineRow is a PO line serving one of the order's lines, with its purchase order.
type poLineRow struct {
	POLineID    uint
	OrderLineID uint
	CreatedAt   time.Time
	POLink
}

// loadPurchasing fills the lines' purchase orders and receipts.
func (d *OrderDetail) loadPurchasing(tx *gorm.DB) error {
	ids := make([]uint, len(d.Order.Lines))
	for i, l := range d.Order.Lines {
		ids[i] = l.ID
	}
	var rows []poLineRow
	err := tx.Raw(`SELECT po_lines.id AS po_line_id, po_lines.order_line_id, po_lines.created_at,
		purchase_orders.id, purchase_orders.number, purchase_orders.status, suppliers.name AS supplier,
		purchase_orders.sent_at, purchase_orders.acknowledged_at, purchase_orders.promised_date, purchase_orders.expected_date
		FROM po_lines JOIN purchase_orders ON purchase_orders.id = po_lines.purchase_order_id
		JOIN suppliers ON suppliers.id = purchase_orders.supplier_id
		WHERE po_lines.order_line_id IN ? AND purchase_orders.status <> ? ORDER BY po_lines.id`, ids, data.POCancelled).Scan(&rows).Error
	if err != nil {
		return fmt.Errorf("read the order's purchase orders: %w", err)
	}
	received, err := lastReceipts(tx, rows)
	if err != nil {
		return err
	}
	byLine := map[uint]poLineRow{}
	for _, r := range rows {
		byLine[r.OrderLineID] = r // the latest PO line wins
	}
	for _, l := range d.Order.Lines {
		if r, ok := byLine[l.ID]; ok && d.poIndex(r.ID) < 0 {
			d.POs = append(d.POs, r.POLink)
		}
	}
	for _, l := range d.Order.Lines {
		dl := DetailLine{OrderLine: l, Unknown: l.ProductID == nil && l.State != data.LineCancelled}
		if r, ok := byLine[l.ID]; ok {
			dl.PO, dl.OnPOAt = &d.POs[d.poIndex(r.ID)], r.CreatedAt
			if t, ok := received[r.POLineID]; ok {
				dl.ReceivedAt = &t
			}
		}
		d.Lines = append(d.Lines, dl)
	}
	return nil
}

func (d *OrderDetail) poIndex(id uint) int {
	for i := range d.POs {
		if d.POs[i].ID == id {
			return i
		}
	}
	return -1
}

// lastReceipts is, per PO line, when its last delivery arrived.
func lastReceipts(tx *gorm.DB, rows []poLineRow) (map[uint]time.Time, error) {
	ids := make([]uint, len(rows))
	for i, r := range rows {
		ids[i] = r.POLineID
	}
	out := map[uint]time.Time{}
	if len(ids) == 0 {
		return out, nil
	}
	var got []struct {
		POLineID   uint
		ReceivedAt time.Time
	}
	err := tx.Raw(`SELECT receipt_lines.po_line_id, receipts.received_at FROM receipt_lines
		JOIN receipts ON receipts.id = receipt_lines.receipt_id WHERE receipt_lines.po_line_id IN ?`, ids).Scan(&got).Error
	if err != nil {
		return nil, fmt.Errorf("read the order's receipts: %w", err)
	}
	for _, g := range got {
		if g.ReceivedAt.After(out[g.POLineID]) {
			out[g.POLineID] = g.ReceivedAt
		}
	}
	return out, nil
}
