package app

import (
	"fmt"
	"strings"
	"time"

	"clockwork/data"

	"gorm.io/gorm"
)

// OrderSort is a column the orders list can be sorted by.
type OrderSort string

// The orders list's sortable columns; each has an index behind it.
const (
	SortPlaced   OrderSort = "placed_at"
	SortNumber   OrderSort = "number"
	SortCustomer OrderSort = "customer_name"
	SortItems    OrderSort = "items"
	SortTotal    OrderSort = "total"
	SortStatus   OrderSort = "status"
	SortShipBy   OrderSort = "ship_by"
	SortAtRisk   OrderSort = "at_risk"
)

var orderSorts = []OrderSort{SortPlaced, SortNumber, SortCustomer, SortItems, SortTotal, SortStatus, SortShipBy, SortAtRisk}

// OrderFlag narrows the orders list to those that need the owner.
type OrderFlag string

// Order flags.
const (
	FlagNone       OrderFlag = ""
	FlagAtRisk     OrderFlag = "at_risk"     // open orders likely to miss their ship-by day
	FlagUnknownSKU OrderFlag = "unknown_sku" // a line's SKU is not in the catalog yet
	FlagAttention  OrderFlag = "attention"   // a line carries a note for the owner
)

// OrderQuery is one page of the orders list: what to find, how to sort, which rows.
type OrderQuery struct {
	Search string           // words found in the number, customer, e-mail or a SKU
	Status data.OrderStatus // "" for all
	Flag   OrderFlag
	Sort   OrderSort // "" sorts by placed time
	Desc   bool
	Offset int
	Limit  int // 0: 100
}

// OrderRow is one order as the list shows it.
type OrderRow struct {
	ID       uint
	Number   string
	Channel  data.Channel
	PlacedAt time.Time
	Customer string
	Items    int
	Total    data.Money
	Status   data.OrderStatus
	ShipBy   data.Day
	AtRisk   bool
}

// where applies the query's search and filters.
func (q OrderQuery) where(db *gorm.DB) (*gorm.DB, error) {
	if q.Status != "" && !validOrderStatus(q.Status) {
		return nil, invalid("status", "%q is not an order status (%s)", q.Status, joinStatuses())
	}
	db = db.Model(&data.Order{})
	if q.Status != "" {
		db = db.Where("status = ?", q.Status)
	}
	switch q.Flag {
	case FlagNone:
	case FlagAtRisk:
		db = db.Where("at_risk")
	case FlagUnknownSKU:
		db = db.Where("id IN (SELECT order_id FROM order_lines WHERE product_id IS NULL AND state <> ?)", data.LineCancelled)
	case FlagAttention:
		db = db.Where("id IN (SELECT order_id FROM order_lines WHERE attention > '')")
	default:
		return nil, invalid("flag", "%q is not an order flag", q.Flag)
	}
	for _, word := range strings.Fields(strings.ToLower(q.Search)) {
		db = db.Where("instr(search_text, ?) > 0", word)
	}
	return db, nil
}

// CountOrders counts the orders matching the query's search and filters.
func (a *App) CountOrders(q OrderQuery) (int, error) {
	db, err := q.where(a.db)
	if err != nil {
		return 0, err
	}
	var n int64
	if err := db.Count(&n).Error; err != nil {
		return 0, fmt.Errorf("count orders: %w", err)
	}
	return int(n), nil
}

// OrderPage reads one page of the orders list.
func (a *App) OrderPage(q OrderQuery) ([]OrderRow, error) {
	db, err := q.where(a.db)
	if err != nil {
		return nil, err
	}
	sort := q.Sort
	if sort == "" {
		sort = SortPlaced
	}
	if !validSort(sort) {
		return nil, invalid("sort", "%q is not a column of the orders list", sort)
	}
	dir := " ASC"
	if q.Desc {
		dir = " DESC"
	}
	limit := q.Limit
	if limit <= 0 {
		limit = 100
	}
	var rows []OrderRow
	err = db.Select("id, number, channel, placed_at, customer_name AS customer, items, total, status, ship_by, at_risk").
		Order(string(sort) + dir + ", id" + dir).Offset(max(q.Offset, 0)).Limit(limit).Scan(&rows).Error
	if err != nil {
		return nil, fmt.Errorf("read orders: %w", err)
	}
	return rows, nil
}

func validSort(s OrderSort) bool {
	for _, x := range orderSorts {
		if s == x {
			return true
		}
	}
	return false
}

// OrderFilter narrows a list of orders.
type OrderFilter struct {
	Status data.OrderStatus // "" for all
}

// EachOrder calls fn for every order matching f, in the order they were stored, with its
// lines and customer, reading the table a page at a time so memory stays flat however many
// orders there are.
func (a *App) EachOrder(f OrderFilter, fn func(o data.Order) error) error {
	if f.Status != "" && !validOrderStatus(f.Status) {
		return invalid("status", "%q is not an order status (%s)", f.Status, joinStatuses())
	}
	q := a.db.Preload("Lines", func(db *gorm.DB) *gorm.DB { return db.Order("id") }).Preload("Customer")
	if f.Status != "" {
		q = q.Where("status = ?", f.Status)
	}
	var page []data.Order
	res := q.FindInBatches(&page, 500, func(tx *gorm.DB, _ int) error {
		for _, o := range page {
			if err := fn(o); err != nil {
				return err
			}
		}
		return nil
	})
	return res.Error
}

func validOrderStatus(s data.OrderStatus) bool {
	for _, x := range data.OrderStatuses {
		if s == x {
			return true
		}
	}
	return false
}

func joinStatuses() string {
	var s []string
	for _, x := range data.OrderStatuses {
		s = append(s, string(x))
	}
	return strings.Join(s, ", ")
}
