package views

import (
	"fmt"
	"sync"
	"time"

	"clockwork/app"
	"clockwork/data"

	"fyne.io/fyne/v2"
)

// orderColumn is one column of the orders list, declared once: header, width, the sort
// it stands for and how a row shows in it.
type orderColumn struct {
	title string
	width float32
	sort  app.OrderSort
	align fyne.TextAlign
	text  func(r app.OrderRow, f *orderFormat) string
}

// orderFormat is what cells need to write a row: the shop's currency, time zone and today.
type orderFormat struct {
	currency string
	loc      *time.Location
	today    data.Day
}

var orderColumns = []orderColumn{
	{"Number", 110, app.SortNumber, fyne.TextAlignLeading, func(r app.OrderRow, _ *orderFormat) string { return r.Number }},
	{"Placed", 140, app.SortPlaced, fyne.TextAlignLeading, func(r app.OrderRow, f *orderFormat) string {
		return shortTime(r.PlacedAt, f.loc, f.today)
	}},
	{"Customer", 210, app.SortCustomer, fyne.TextAlignLeading, func(r app.OrderRow, _ *orderFormat) string { return r.Customer }},
	{"Items", 60, app.SortItems, fyne.TextAlignTrailing, func(r app.OrderRow, _ *orderFormat) string { return fmt.Sprint(r.Items) }},
	{"Total", 100, app.SortTotal, fyne.TextAlignTrailing, func(r app.OrderRow, f *orderFormat) string { return r.Total.Format(f.currency) }},
	{"Status", 120, app.SortStatus, fyne.TextAlignLeading, func(r app.OrderRow, _ *orderFormat) string { return orderStatusText(r.Status, r.Held) }},
	{"Ship by", 160, app.SortShipBy, fyne.TextAlignLeading, func(r app.OrderRow, f *orderFormat) string { return shipByText(r, f.today) }},
	{"At risk", 90, app.SortAtRisk, fyne.TextAlignLeading, func(r app.OrderRow, _ *orderFormat) string {
		if r.AtRisk {
			return "at risk"
		}
		return ""
	}},
}

// orderStatusText is an order's status as the owner says it, saying when it waits for payment.
func orderStatusText(s data.OrderStatus, held bool) string {
	if held && s == data.OrderNew {
		return "Held: not paid"
	}
	return statusText(s)
}

// statusText is an order status as the owner says it.
func statusText(s data.OrderStatus) string {
	switch s {
	case data.OrderNew:
		return "To purchase"
	case data.OrderPurchasing:
		return "Purchasing"
	case data.OrderReady:
		return "Ready to pack"
	case data.OrderShipped:
		return "Shipped"
	case data.OrderCancelled:
		return "Cancelled"
	case data.OrderReturned:
		return "Returned"
	case data.OrderPartiallyReturned:
		return "Partly returned"
	}
	return string(s)
}

// shipByText writes the ship-by day short ("Fri 13 Mar"), with the year only when it is not
// this year's; an open order past it says so.
func shipByText(r app.OrderRow, today data.Day) string {
	if r.ShipBy == "" {
		return ""
	}
	text := shortDay(r.ShipBy, today)
	open := r.Status == data.OrderNew || r.Status == data.OrderPurchasing || r.Status == data.OrderReady
	if open && r.ShipBy < today {
		text += " (late)"
	}
	return text
}

// pageSize is how many orders one query reads.
const pageSize = 100

// orderPager holds the pages of the orders list read so far for one query; the table asks
// it for rows, and it says which pages still have to be read.
type orderPager struct {
	mu      sync.Mutex
	query   app.OrderQuery
	gen     int // bumped whenever the query or the data changes: late answers are dropped
	total   int
	pages   map[int][]app.OrderRow
	loading map[int]bool
}

func newOrderPager() *orderPager {
	return &orderPager{pages: map[int][]app.OrderRow{}, loading: map[int]bool{}}
}

// reset starts over with a query and returns the generation answers must carry.
func (p *orderPager) reset(q app.OrderQuery) int {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.query, p.gen = q, p.gen+1
	p.pages, p.loading = map[int][]app.OrderRow{}, map[int]bool{}
	return p.gen
}

// row returns row i if its page is loaded; else whether the caller should load that page.
func (p *orderPager) row(i int) (r app.OrderRow, ok bool, load bool) {
	p.mu.Lock()
	defer p.mu.Unlock()
	page := i / pageSize
	rows, ok := p.pages[page]
	if ok {
		if i%pageSize < len(rows) {
			return rows[i%pageSize], true, false
		}
		return r, false, false
	}
	if p.loading[page] {
		return r, false, false
	}
	p.loading[page] = true
	return r, false, true
}

// pageQuery is the query for one page of the current generation.
func (p *orderPager) pageQuery(page int) (app.OrderQuery, int) {
	p.mu.Lock()
	defer p.mu.Unlock()
	q := p.query
	q.Offset, q.Limit = page*pageSize, pageSize
	return q, p.gen
}

// store keeps a page read for generation gen; it says whether it was still wanted.
func (p *orderPager) store(gen, page int, rows []app.OrderRow, total int) bool {
	p.mu.Lock()
	defer p.mu.Unlock()
	if gen != p.gen {
		return false
	}
	p.pages[page] = rows
	if total >= 0 {
		p.total = total
	}
	return true
}

// forget drops a page that could not be read, so it is asked for again later.
func (p *orderPager) forget(gen, page int) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if gen == p.gen {
		delete(p.loading, page)
	}
}

func (p *orderPager) count() int {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.total
}

// peek returns row i if its page is loaded, without asking for it.
func (p *orderPager) peek(i int) (app.OrderRow, bool) {
	p.mu.Lock()
	defer p.mu.Unlock()
	rows, ok := p.pages[i/pageSize]
	if !ok || i%pageSize >= len(rows) {
		return app.OrderRow{}, false
	}
	return rows[i%pageSize], true
}
