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
	FlagAtRisk     OrderFlag = "at_risk"     // open orders past their ship-by day or likely to miss it
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
	// Only narrows the list to the order with this ID (0: every order): the Orders screen
	// asks whether the order it shows is still in the list it searched.
	Only uint
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
	// Held: not paid yet in the web shop, so purchasing leaves it alone until released.
	Held bool
}

// openOrder are the statuses of an order still to ship.
var openOrder = []data.OrderStatus{data.OrderNew, data.OrderPurchasing, data.OrderReady}

// lateOrAtRiskSQL is an order at risk: likely to miss its ship-by day, or an open order past
// it already (the worst risk; at_risk alone left eleven-month-late orders out).
const lateOrAtRiskSQL = "(at_risk = ? OR (ship_by <> '' AND ship_by < ? AND status IN ?))"

// where applies the query's search and filters.
func (q OrderQuery) where(db *gorm.DB, today data.Day) (*gorm.DB, error) {
	if q.Status != "" && !validOrderStatus(q.Status) {
		return nil, invalid("status", "%q is not an order status (%s)", q.Status, joinStatuses())
	}
	db = db.Model(&data.Order{})
	if q.Only != 0 {
		db = db.Where("orders.id = ?", q.Only)
	}
	if q.Status != "" {
		db = db.Where("status = ?", q.Status)
	}
	switch q.Flag {
	case FlagNone:
	case FlagAtRisk:
		db = db.Where(lateOrAtRiskSQL, true, today, openOrder)
	case FlagUnknownSKU:
		db = db.Where("id IN (SELECT order_id FROM order_lines WHERE product_id IS NULL AND state <> ?)", data.LineCancelled)
	case FlagAttention:
		db = db.Where("id IN (SELECT order_id FROM order_lines WHERE attention > '')")
	default:
		return nil, invalid("flag", "%q is not an order flag", q.Flag)
	}
	for _, word := range strings.Fields(strings.ToLower(q.Search)) {
		db = db.Where("search_text LIKE ? ESCAPE '\\'", "%"+likeEscape(word)+"%")
	}
	return db, nil
}

// OrderList is the first page of the orders a query finds, and how many it finds.
type OrderList struct {
	Rows  []OrderRow
	Total int  // how many match; with More, how many the list pages through
	More  bool // a search matched more than SearchCap orders: Total is SearchCap, the list's length
}

// SearchCap is how many matches a search counts and lists; a broader search says there are
// more (rather than counting every order again) and pages through the first SearchCap.
const SearchCap = 10000

// searchCap is SearchCap; tests lower it to reach it with a few orders.
var searchCap = SearchCap

// FindOrders reads a page of the orders list and counts the orders that match. A search looks
// through the orders once: it takes the IDs of the first SearchCap+1 matches it meets, which
// stops early when nearly every order matches, then sorts them; that gives both the count and
// the page. Past SearchCap the list says More and reads its page along the sorted column's
// index, where matches are dense. Words are matched in the lower-cased SearchText (LIKE is
// case-blind for ASCII only, so both sides are lower-cased in Go, which knows every script).
func (a *App) FindOrders(q OrderQuery) (OrderList, error) {
	if strings.TrimSpace(q.Search) == "" {
		return a.countAndPage(q)
	}
	db, err := q.where(a.db, a.Today())
	if err != nil {
		return OrderList{}, err
	}
	order, err := q.orderBy()
	if err != nil {
		return OrderList{}, err
	}
	// MATERIALIZED keeps the LIMIT on the scan: flattened, SQLite would sort every match first.
	matches := db.Table(data.EngineOf(a.db).FullScan("orders")).Select("id, " + string(q.sortColumn())).Limit(searchCap + 1)
	var ids []uint
	err = a.db.Raw("WITH m AS MATERIALIZED (SELECT * FROM (?) AS s) SELECT id FROM m ORDER BY "+order, matches).Scan(&ids).Error
	if err != nil {
		return OrderList{}, fmt.Errorf("search orders: %w", err)
	}
	if len(ids) > searchCap {
		rows, err := a.OrderPage(q)
		return OrderList{Rows: rows, Total: searchCap, More: true}, err
	}
	list := OrderList{Total: len(ids)}
	from := min(max(q.Offset, 0), len(ids))
	page := ids[from:min(from+q.limit(), len(ids))]
	if len(page) == 0 {
		return list, nil
	}
	var rows []OrderRow
	if err := a.db.Model(&data.Order{}).Select(rowColumns).Where("id IN ?", page).Scan(&rows).Error; err != nil {
		return list, fmt.Errorf("read orders: %w", err)
	}
	at := make(map[uint]int, len(page))
	for i, id := range page {
		at[id] = i
	}
	list.Rows = make([]OrderRow, len(page))
	for _, r := range rows {
		list.Rows[at[r.ID]] = r
	}
	return list, nil
}

func (a *App) countAndPage(q OrderQuery) (OrderList, error) {
	n, err := a.CountOrders(q)
	if err != nil {
		return OrderList{}, err
	}
	rows, err := a.OrderPage(q)
	return OrderList{Rows: rows, Total: n}, err
}

// CountOrders counts the orders matching the query's search and filters.
func (a *App) CountOrders(q OrderQuery) (int, error) {
	db, err := q.where(a.db, a.Today())
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
	db, err := q.where(a.db, a.Today())
	if err != nil {
		return nil, err
	}
	order, err := q.orderBy()
	if err != nil {
		return nil, err
	}
	var rows []OrderRow
	err = db.Select(rowColumns).Order(order).Offset(max(q.Offset, 0)).Limit(q.limit()).Scan(&rows).Error
	if err != nil {
		return nil, fmt.Errorf("read orders: %w", err)
	}
	return rows, nil
}

// rowColumns are what an OrderRow is read from.
const rowColumns = "id, number, channel, placed_at, customer_name AS customer, items, total, status, ship_by, at_risk, held"

// orderBy is the ORDER BY of the query's sort, ties broken by ID the same way.
func (q OrderQuery) orderBy() (string, error) {
	sort := q.sortColumn()
	if !validSort(sort) {
		return "", invalid("sort", "%q is not a column of the orders list", sort)
	}
	dir := " ASC"
	if q.Desc {
		dir = " DESC"
	}
	return string(sort) + dir + ", id" + dir, nil
}

// sortColumn is the column the query sorts by.
func (q OrderQuery) sortColumn() OrderSort {
	if q.Sort == "" {
		return SortPlaced
	}
	return q.Sort
}

func (q OrderQuery) limit() int {
	if q.Limit <= 0 {
		return 100
	}
	return q.Limit
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
