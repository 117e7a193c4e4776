package app

import (
	"fmt"
	"strings"
	"time"

	"clockwork/data"

	"gorm.io/gorm"
)

// ReceivingQuery finds purchase orders waiting for goods: by PO number, supplier name, or a
// SKU or supplier SKU on them (typed or scanned from the supplier's box).
type ReceivingQuery struct {
	Search  string
	AfterID uint // only POs with a higher ID: those sent since the caller last looked
	Offset  int
	Limit   int // 0: 100
}

// ReceivingPO is a purchase order as the receiving list shows it.
type ReceivingPO struct {
	ID       uint
	Number   string
	Supplier string
	Status   data.POStatus
	SentAt   *time.Time
	Expected data.Day // expected date, else promised date
	Owed     int      // units still owed
}

const receivingColumns = `purchase_orders.id, purchase_orders.number, suppliers.name AS supplier,
	purchase_orders.status, purchase_orders.sent_at,
	COALESCE(NULLIF(purchase_orders.expected_date, ''), purchase_orders.promised_date) AS expected,
	(SELECT COALESCE(SUM(CASE WHEN qty > qty_accepted THEN qty - qty_accepted ELSE 0 END), 0) FROM po_lines WHERE po_lines.purchase_order_id = purchase_orders.id) AS owed`

func (q ReceivingQuery) where(db *gorm.DB) *gorm.DB {
	db = db.Table("purchase_orders").Joins("JOIN suppliers ON suppliers.id = purchase_orders.supplier_id").
		Where("purchase_orders.status IN ?", receivablePO)
	if q.AfterID > 0 {
		db = db.Where("purchase_orders.id > ?", q.AfterID)
	}
	if s := strings.TrimSpace(q.Search); s != "" {
		like := "%" + strings.ToLower(s) + "%"
		db = db.Where(`LOWER(purchase_orders.number) LIKE ? OR LOWER(suppliers.name) LIKE ? OR EXISTS (
			SELECT 1 FROM po_lines WHERE po_lines.purchase_order_id = purchase_orders.id
			AND (LOWER(po_lines.supplier_sku) = ? OR LOWER(po_lines.sku) = ?))`, like, like, strings.ToLower(s), strings.ToLower(s))
	}
	return db
}

// ReceivingPOs is one page of the purchase orders waiting for goods, the one expected
// earliest first.
func (a *App) ReceivingPOs(q ReceivingQuery) ([]ReceivingPO, error) {
	limit := q.Limit
	if limit <= 0 {
		limit = 100
	}
	var out []ReceivingPO
	err := q.where(a.db).Select(receivingColumns).Order("expected, purchase_orders.id").
		Offset(q.Offset).Limit(limit).Scan(&out).Error
	if err != nil {
		return nil, fmt.Errorf("list purchase orders to receive: %w", err)
	}
	return out, nil
}

// CountReceivingPOs counts the purchase orders ReceivingPOs pages through.
func (a *App) CountReceivingPOs(q ReceivingQuery) (int, error) {
	var n int64
	if err := q.where(a.db).Count(&n).Error; err != nil {
		return 0, fmt.Errorf("count purchase orders to receive: %w", err)
	}
	return int(n), nil
}

// ReceivingPOByNumber finds a purchase order by its number ("PO-000123"), whatever its status.
func (a *App) ReceivingPOByNumber(number string) (ReceivingPO, error) {
	var rows []ReceivingPO
	err := a.db.Table("purchase_orders").Joins("JOIN suppliers ON suppliers.id = purchase_orders.supplier_id").
		Where("purchase_orders.number = ?", strings.TrimSpace(number)).Select(receivingColumns).Scan(&rows).Error
	if err != nil {
		return ReceivingPO{}, fmt.Errorf("find %s: %w", number, err)
	}
	if len(rows) == 0 {
		return ReceivingPO{}, fmt.Errorf("purchase order %s: %w", number, ErrNotFound)
	}
	return rows[0], nil
}

// ReceivingLine is one PO line as the receiving screen lists it, oldest customer order first.
type ReceivingLine struct {
	POLineID    uint
	SKU         string
	SupplierSKU string
	Title       string
	OrderNumber string // "" for a surplus line that serves no order
	Qty         int
	Accepted    int
	Rejected    int
}

// Owed is how many units of the line the supplier still owes.
func (l ReceivingLine) Owed() int { return max(l.Qty-l.Accepted, 0) }

// ReceivingLines are a purchase order's lines in the order a per-SKU delivery fills them.
func (a *App) ReceivingLines(poID uint) ([]ReceivingLine, error) {
	var out []ReceivingLine
	err := a.db.Raw(`SELECT po_lines.id AS po_line_id, po_lines.sku, po_lines.supplier_sku,
		COALESCE(order_lines.title, products.title, '') AS title, COALESCE(orders.number, '') AS order_number,
		po_lines.qty, po_lines.qty_accepted AS accepted, po_lines.qty_rejected AS rejected
		FROM po_lines
		LEFT JOIN order_lines ON order_lines.id = po_lines.order_line_id
		LEFT JOIN orders ON orders.id = order_lines.order_id
		LEFT JOIN products ON products.sku = po_lines.sku
		WHERE po_lines.purchase_order_id = ?
		ORDER BY po_lines.sku, orders.id IS NULL, orders.placed_at, orders.number, po_lines.id`, poID).Scan(&out).Error
	if err != nil {
		return nil, fmt.Errorf("read lines of purchase order %d: %w", poID, err)
	}
	return out, nil
}
