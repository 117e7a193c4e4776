package app

import (
	"fmt"
	"strings"
	"time"

	"clockwork/data"

	"gorm.io/gorm"
)

// ReturnFilter narrows the returns list.
type ReturnFilter struct {
	Status  data.ReturnStatus // "" for all
	Open    bool              // only returns not closed yet: requested or received
	OrderID uint              // 0 for every order's
}

// ReturnRow is one return as the list shows it.
type ReturnRow struct {
	ID          uint
	Number      string
	OrderID     uint
	OrderNumber string
	Customer    string
	Status      data.ReturnStatus
	OpenedAt    time.Time
	Units       int
	Reasons     string // the lines' reasons, comma-separated
	Undecided   int    // lines without a disposition yet
	Comment     string
}

// returnColumns maps the list's sort keys to SQL.
var returnColumns = map[string]string{
	"number": "returns.id", "order": "orders.number", "customer": "orders.customer_name",
	"status": "returns.status", "opened": "returns.opened_at",
}

// ReturnRows reads a page of returns, newest first unless sorted otherwise.
func (a *App) ReturnRows(q ListQuery, f ReturnFilter) ([]ReturnRow, error) {
	reasons := data.EngineOf(a.db).JoinDistinct("reason")
	db := a.returnsMatching(q, f).Select(`returns.id, returns.number, returns.order_id, orders.number AS order_number,
		orders.customer_name AS customer, returns.status, returns.opened_at, returns.customer_comment AS comment,
		(SELECT COALESCE(SUM(qty), 0) FROM return_lines WHERE return_id = returns.id) AS units,
		(SELECT ` + reasons + ` FROM return_lines WHERE return_id = returns.id) AS reasons,
		(SELECT COUNT(*) FROM return_lines WHERE return_id = returns.id AND COALESCE(disposition, '') = '') AS undecided`)
	if q.Sort == "" {
		q.Sort, q.Desc = "opened", true
	}
	var out []ReturnRow
	if err := q.page(q.order(db, "returns", returnColumns, "returns.opened_at")).Scan(&out).Error; err != nil {
		return nil, fmt.Errorf("list returns: %w", err)
	}
	return out, nil
}

// CountReturns counts the returns the list shows for the query's search and the filter.
func (a *App) CountReturns(q ListQuery, f ReturnFilter) (int, error) {
	var n int64
	if err := a.returnsMatching(q, f).Count(&n).Error; err != nil {
		return 0, fmt.Errorf("count returns: %w", err)
	}
	return int(n), nil
}

func (a *App) returnsMatching(q ListQuery, f ReturnFilter) *gorm.DB {
	db := a.db.Table("returns").Joins("JOIN orders ON orders.id = returns.order_id")
	if f.Status != "" {
		db = db.Where("returns.status = ?", f.Status)
	}
	if f.OrderID != 0 {
		db = db.Where("returns.order_id = ?", f.OrderID)
	}
	if f.Open {
		db = db.Where("returns.status <> ?", data.ReturnClosed)
	}
	return q.search(db, "returns.number", "orders.number", "orders.search_text")
}

// ReturnDetail is one return with its lines, each traced to what delivered it.
type ReturnDetail struct {
	data.Return
	OrderNumber string
	Customer    string
	Lines       []ReturnDetailLine
}

// ReturnDetailLine is a return line with the item and the supplier that delivered it.
type ReturnDetailLine struct {
	data.ReturnLine
	SKU         string
	Title       string
	ProductID   *uint  // nil: the SKU is not in the catalog
	Supplier    string // "" when not bought through a purchase order
	SupplierID  uint
	PONumber    string
	Replacement data.LineState // state of the replacement line, "" when none
}

// ReturnDetail reads one return with its lines.
func (a *App) ReturnDetail(id uint) (ReturnDetail, error) {
	ds, err := a.returnDetails(a.db.Where("returns.id = ?", id))
	if err != nil {
		return ReturnDetail{}, err
	}
	if len(ds) == 0 {
		return ReturnDetail{}, fmt.Errorf("read return %d: %w", id, ErrNotFound)
	}
	return ds[0], nil
}

// ReturnDetails reads a page of returns with their lines, oldest first (for exports).
func (a *App) ReturnDetails(q ListQuery, f ReturnFilter) ([]ReturnDetail, error) {
	db := a.db
	if f.Status != "" {
		db = db.Where("returns.status = ?", f.Status)
	}
	return a.returnDetails(q.page(db.Order("returns.id")))
}

func (a *App) returnDetails(db *gorm.DB) ([]ReturnDetail, error) {
	var heads []struct {
		data.Return
		OrderNumber string
		Customer    string
	}
	err := db.Model(&data.Return{}).Select("returns.*, orders.number AS order_number, orders.customer_name AS customer").
		Joins("JOIN orders ON orders.id = returns.order_id").Scan(&heads).Error
	if err != nil {
		return nil, fmt.Errorf("read returns: %w", err)
	}
	if len(heads) == 0 {
		return nil, nil
	}
	out := make([]ReturnDetail, len(heads))
	index := map[uint]int{}
	ids := make([]uint, len(heads))
	for i, h := range heads {
		out[i] = ReturnDetail{Return: h.Return, OrderNumber: h.OrderNumber, Customer: h.Customer}
		index[h.ID], ids[i] = i, h.ID
	}
	var lines []ReturnDetailLine
	err = a.db.Raw(`SELECT rt.*, ol.sku, ol.title, ol.product_id, COALESCE(s.name, '') AS supplier, COALESCE(s.id, 0) AS supplier_id,
		COALESCE(po.number, '') AS po_number, COALESCE(repl.state, '') AS replacement
		FROM return_lines rt JOIN order_lines ol ON ol.id = rt.order_line_id
		LEFT JOIN po_lines pl ON pl.id = rt.po_line_id LEFT JOIN purchase_orders po ON po.id = pl.purchase_order_id
		LEFT JOIN suppliers s ON s.id = po.supplier_id LEFT JOIN order_lines repl ON repl.id = rt.replacement_line_id
		WHERE rt.return_id IN ? ORDER BY rt.id`, ids).Scan(&lines).Error
	if err != nil {
		return nil, fmt.Errorf("read return lines: %w", err)
	}
	for _, l := range lines {
		d := &out[index[l.ReturnID]]
		d.Lines = append(d.Lines, l)
	}
	return out, nil
}

// ReturnableLine is a shipped order line with how much of it can still come back.
type ReturnableLine struct {
	OrderLineID uint
	SKU         string
	Title       string
	Shipped     int
	Returned    int
	Supplier    string // who delivered it; "" when unknown
}

// Left is how many units can still be returned.
func (l ReturnableLine) Left() int { return max(0, l.Shipped-l.Returned) }

// ReturnableLines lists an order's shipped lines with the units still returnable.
func (a *App) ReturnableLines(orderID uint) ([]ReturnableLine, error) {
	var out []ReturnableLine
	err := a.db.Raw(`SELECT ol.id AS order_line_id, ol.sku, ol.title, ol.qty AS shipped,
		(SELECT COALESCE(SUM(rt.qty), 0) FROM return_lines rt WHERE rt.order_line_id = ol.id) AS returned,
		COALESCE((SELECT s.name FROM po_lines pl JOIN purchase_orders po ON po.id = pl.purchase_order_id
			JOIN suppliers s ON s.id = po.supplier_id WHERE pl.order_line_id = ol.id
			ORDER BY pl.qty_accepted > 0 DESC, pl.id DESC LIMIT 1), '') AS supplier
		FROM order_lines ol WHERE ol.order_id = ? AND ol.state = ? ORDER BY ol.id`, orderID, data.LineShipped).Scan(&out).Error
	if err != nil {
		return nil, fmt.Errorf("read order %d's shipped lines: %w", orderID, err)
	}
	return out, nil
}

// ShippedLine is a line of an order shipped on a given day, with the supplier that delivered it.
type ShippedLine struct {
	OrderID     uint
	OrderLineID uint
	SKU         string
	Qty         int
	SupplierID  uint // 0 when not bought through a purchase order
	Trial       bool // the product is on trial
}

// ShippedLinesOn lists the shipped lines of the orders shipped on a day (shop time), oldest
// order first: what could come back from that day's parcels. CROSS JOIN keeps SQLite on the
// day's orders (the shipped_at index) instead of every shipped line (the state index).
func (a *App) ShippedLinesOn(day data.Day) ([]ShippedLine, error) {
	loc := a.Location()
	var out []ShippedLine
	err := a.db.Raw(`SELECT o.id AS order_id, ol.id AS order_line_id, ol.sku, ol.qty, COALESCE(pr.trial, false) AS trial,
		COALESCE((SELECT po.supplier_id FROM po_lines pl JOIN purchase_orders po ON po.id = pl.purchase_order_id
			WHERE pl.order_line_id = ol.id ORDER BY pl.qty_accepted > 0 DESC, pl.id DESC LIMIT 1), 0) AS supplier_id
		FROM orders o CROSS JOIN order_lines ol LEFT JOIN products pr ON pr.id = ol.product_id
		WHERE ol.order_id = o.id AND o.shipped_at >= ? AND o.shipped_at < ? AND ol.state = ? ORDER BY o.id, ol.id`,
		day.Start(loc).UTC(), day.AddDays(1).Start(loc).UTC(), data.LineShipped).Scan(&out).Error
	if err != nil {
		return nil, fmt.Errorf("read the lines shipped on %s: %w", day, err)
	}
	return out, nil
}

// ReturnByNumber reads one return by its RMA number, ignoring case and surrounding spaces.
func (a *App) ReturnByNumber(number string) (ReturnDetail, error) {
	number = strings.ToUpper(strings.TrimSpace(number))
	ds, err := a.returnDetails(a.db.Where("returns.number = ?", number))
	if err != nil {
		return ReturnDetail{}, err
	}
	if len(ds) == 0 {
		return ReturnDetail{}, invalid("return", "there is no return %s; `clockwork returns` lists them", number)
	}
	return ds[0], nil
}
