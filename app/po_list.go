package app

import (
	"fmt"
	"strings"
	"time"

	"clockwork/data"

	"gorm.io/gorm"
)

// POQuery is one page of the purchase orders list.
type POQuery struct {
	ListQuery
	Status     data.POStatus // "" for all
	SupplierID uint          // 0 for all
	LateOnly   bool          // only POs past their expected (else promised) day, not received
}

// PORow is one purchase order as the list shows it.
type PORow struct {
	ID           uint
	Number       string
	SupplierID   uint
	Supplier     string
	Status       data.POStatus
	Lines        int
	Total        data.Money // lines plus inbound shipping
	SentAt       *time.Time
	PromisedDate data.Day
	ExpectedDate data.Day
	Late         bool
	CreatedAt    time.Time
}

// Due is the day the goods are due: the expected date, else the promised one.
func (r PORow) Due() data.Day {
	if r.ExpectedDate != "" {
		return r.ExpectedDate
	}
	return r.PromisedDate
}

// lateSQL is true for a PO the supplier still owes goods on past its due day (argument: today).
var lateSQL = `(purchase_orders.status IN ` + sqlIn(openPO...) + `
	AND COALESCE(NULLIF(purchase_orders.expected_date, ''), purchase_orders.promised_date) < ?)`

const poLinesSQL = `(SELECT COUNT(*) FROM po_lines WHERE po_lines.purchase_order_id = purchase_orders.id)`
const poTotalSQL = `(purchase_orders.shipping_cost + (SELECT COALESCE(SUM(po_lines.qty * po_lines.unit_cost), 0)
	FROM po_lines WHERE po_lines.purchase_order_id = purchase_orders.id))`

var poSorts = map[string]string{
	"number": "purchase_orders.number", "supplier": "suppliers.name", "status": "purchase_orders.status",
	"lines": poLinesSQL, "total": poTotalSQL, "sent": "purchase_orders.sent_at",
	"promised": "purchase_orders.promised_date", "expected": "purchase_orders.expected_date",
	"age": "purchase_orders.created_at",
}

// POSorts are the keys the list sorts by.
var POSorts = []string{"number", "supplier", "status", "lines", "total", "sent", "promised", "expected", "age"}

func (a *App) poList(q POQuery) (*gorm.DB, error) {
	if q.Status != "" && !validPOStatus(q.Status) {
		return nil, invalid("status", "%q is not a purchase order status (%s)", q.Status, joinPOStatuses(data.POStatuses))
	}
	db := a.db.Model(&data.PurchaseOrder{}).Joins("JOIN suppliers ON suppliers.id = purchase_orders.supplier_id")
	if q.Status != "" {
		db = db.Where("purchase_orders.status = ?", q.Status)
	}
	if q.SupplierID != 0 {
		db = db.Where("purchase_orders.supplier_id = ?", q.SupplierID)
	}
	if q.LateOnly {
		db = db.Where(lateSQL, a.Today())
	}
	db = q.search(db, "purchase_orders.number", "suppliers.name", "purchase_orders.supplier_ref", "purchase_orders.tracking")
	return db, nil
}

func validPOStatus(s data.POStatus) bool {
	for _, x := range data.POStatuses {
		if s == x {
			return true
		}
	}
	return false
}

// PurchaseOrders reads a page of the purchase orders list, newest first unless sorted.
func (a *App) PurchaseOrders(q POQuery) ([]PORow, error) {
	db, err := a.poList(q)
	if err != nil {
		return nil, err
	}
	if q.Sort == "" {
		q.Sort, q.Desc = "number", true
	}
	var rows []PORow
	err = q.page(q.order(db.Select(`purchase_orders.id, purchase_orders.number, purchase_orders.supplier_id, suppliers.name AS supplier,
		purchase_orders.status, `+poLinesSQL+` AS lines, `+poTotalSQL+` AS total, purchase_orders.sent_at,
		purchase_orders.promised_date, purchase_orders.expected_date, `+lateSQL+` AS late, purchase_orders.created_at`, a.Today()),
		"purchase_orders", poSorts, "purchase_orders.number")).Scan(&rows).Error
	if err != nil {
		return nil, fmt.Errorf("read purchase orders: %w", err)
	}
	return rows, nil
}

// CountPurchaseOrders counts the purchase orders a query finds.
func (a *App) CountPurchaseOrders(q POQuery) (int, error) {
	db, err := a.poList(q)
	if err != nil {
		return 0, err
	}
	var n int64
	if err := db.Count(&n).Error; err != nil {
		return 0, fmt.Errorf("count purchase orders: %w", err)
	}
	return int(n), nil
}

// POByNumber finds a purchase order by its number ("PO-000123"; "123" also works).
func (a *App) POByNumber(number string) (data.PurchaseOrder, error) {
	number = strings.ToUpper(strings.TrimSpace(number))
	var po data.PurchaseOrder
	err := a.db.Where("number = ?", number).Take(&po).Error
	if err != nil && !strings.HasPrefix(number, "PO-") {
		var n int
		if _, scanErr := fmt.Sscanf(number, "%d", &n); scanErr == nil {
			err = a.db.Where("number = ?", poNumber(n)).Take(&po).Error
		}
	}
	if err != nil {
		return po, fmt.Errorf("purchase order %s: %w", number, notFound(err, "purchase order"))
	}
	return po, nil
}

// POLineRow is a PO line with the customer order it serves.
type POLineRow struct {
	data.POLine
	Title       string // the product's title
	ProductID   uint   // 0 when the offer is gone
	OrderID     uint   // 0 for a surplus line
	OrderNumber string
	Customer    string
}

// PODetail is one purchase order with its supplier, lines and the customer orders they serve.
type PODetail struct {
	data.PurchaseOrder
	SupplierName  string
	SupplierEmail string
	Lines         []POLineRow
	Total         data.Money
	Late          bool
}

// Due is the day the goods are due: the expected date, else the promised one.
func (d PODetail) Due() data.Day {
	if d.ExpectedDate != "" {
		return d.ExpectedDate
	}
	return d.PromisedDate
}

// PurchaseOrder reads one purchase order in full.
func (a *App) PurchaseOrder(id uint) (PODetail, error) {
	var d PODetail
	if err := a.db.Preload("Supplier").First(&d.PurchaseOrder, id).Error; err != nil {
		return d, fmt.Errorf("purchase order %d: %w", id, notFound(err, "purchase order"))
	}
	d.SupplierName, d.SupplierEmail = d.Supplier.Name, d.Supplier.Email
	lines, err := a.poLines([]uint{id})
	if err != nil {
		return d, fmt.Errorf("purchase order %s: %w", d.Number, err)
	}
	d.Lines = lines[id]
	d.Total = d.ShippingCost
	for _, l := range d.Lines {
		d.Total += l.UnitCost * data.Money(l.Qty)
	}
	due := d.Due()
	d.Late = due != "" && due < a.Today() && (d.Status == data.POSent || d.Status == data.POAcknowledged || d.Status == data.POPartiallyReceived)
	return d, nil
}
