package views

import (
	"context"
	"fmt"
	"io"
	"time"

	"clockwork/app"
	"clockwork/data"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// ordersSource is what the Orders screen needs from the app.
type ordersSource interface {
	FindOrders(app.OrderQuery) (app.OrderList, error)
	CountOrders(app.OrderQuery) (int, error)
	OrderPage(app.OrderQuery) ([]app.OrderRow, error)
	OrderDetail(orderID uint) (app.OrderDetail, error)
	CancelOrder(orderID uint) (app.CancelResult, error)
	ReleaseOrder(number string) (data.Order, error)
	MapUnknownSKU(lineID uint, productSKU string) (int, error)
	CreateProductForLine(lineID uint, sku string) (data.Product, int, error)
	ProductSuggestions(text string, limit int) ([]app.ProductHit, error)
	ProductBySKU(sku string) (app.ProductHit, error)
	ImportOrders(ctx context.Context, r io.Reader, name string, opt app.ImportOptions) (app.ImportResult, error)
	AddManualOrder(app.OrderInput) (data.Order, error)
	NextManualNumber() (string, error)
	ReturnableLines(orderID uint) ([]app.ReturnableLine, error)
	ReturnWindowOf(orderID uint, at time.Time) (app.ReturnWindow, error)
	OpenReturn(app.ReturnInput) (data.Return, error)
	ReturnRows(app.ListQuery, app.ReturnFilter) ([]app.ReturnRow, error)
	Shop() (data.Shop, error)
	Location() *time.Location
	Today() data.Day
}

// poOpener moves the window to the Purchase orders screen, at one PO if it can.
type poOpener interface{ openPO(number string) }

// filterChoice is one entry of the status filter: a status, or a flag that needs the owner.
type filterChoice struct {
	label  string
	status data.OrderStatus
	flag   app.OrderFlag
}

var orderFilters = []filterChoice{
	{label: "All orders"},
	{label: "To purchase", status: data.OrderNew},
	{label: "Purchasing", status: data.OrderPurchasing},
	{label: "Ready to pack", status: data.OrderReady},
	{label: "Shipped", status: data.OrderShipped},
	{label: "Cancelled", status: data.OrderCancelled},
	{label: "Partly returned", status: data.OrderPartiallyReturned},
	{label: "Returned", status: data.OrderReturned},
	{label: "At risk", flag: app.FlagAtRisk},
	{label: "Unknown SKU", flag: app.FlagUnknownSKU},
	{label: "Needs attention", flag: app.FlagAttention},
}

// orders is the Orders screen: the virtualised list of every order with search, filter and
// sortable columns, and the selected order's detail with its JIT timeline.
type orders struct {
	src      ordersSource
	win      fyne.Window
	nav      poOpener
	bg       runner
	pager    *orderPager
	format   orderFormat
	search   *widget.Entry
	filter   *widget.Select
	sort     app.OrderSort
	desc     bool
	table    *widget.Table
	count    *widget.Label
	selected uint // the order shown in the detail; 0 for none
	detail   *orderDetail
	imp      *orderImport
	form     *orderForm // the New order form while it is open
	// onPurchase opens the "Purchase now" preview.
	onPurchase func()
	buy        *widget.Button
	root       fyne.CanvasObject
}

func newOrders(src ordersSource, win fyne.Window, nav poOpener, bg runner) *orders {
	o := &orders{src: src, win: win, nav: nav, bg: bg, pager: newOrderPager(), sort: app.SortPlaced, desc: true}
	o.format = orderFormat{currency: "EUR", loc: src.Location(), today: src.Today()}
	o.search = widget.NewEntry()
	o.search.SetPlaceHolder("Search number, customer, e-mail or SKU")
	o.search.OnChanged = func(string) { o.reload() }
	var labels []string
	for _, f := range orderFilters {
		labels = append(labels, f.label)
	}
	o.filter = widget.NewSelect(labels, func(string) { o.reload() })
	o.filter.SetSelectedIndex(0)
	o.count = widget.NewLabel("")
	o.table = o.makeTable()
	o.detail = newOrderDetail(o)
	o.imp = newOrderImport(o)
	importBtn := widget.NewButtonWithIcon("Import orders…", theme.FolderOpenIcon(), o.imp.start)
	newBtn := widget.NewButtonWithIcon("New order", theme.ContentAddIcon(), o.onNewOrder)
	newBtn.Importance = widget.HighImportance
	o.buy = widget.NewButtonWithIcon("Purchase now…", theme.ContentAddIcon(), func() {
		if o.onPurchase != nil {
			o.onPurchase()
		}
	})
	bar := container.NewBorder(nil, nil, nil, container.NewHBox(o.filter, importBtn, newBtn, o.buy), o.search)
	list := container.NewBorder(bar, o.count, nil, nil, compact(o.table))
	split := container.NewVSplit(list, o.detail.content())
	split.Offset = 0.74
	o.root = container.NewPadded(split)
	o.reload()
	return o
}

func (o *orders) content() fyne.CanvasObject { return o.root }

// refresh reloads the list and the open order after any change to the shop's data.
func (o *orders) refresh() {
	o.bg(func() {
		shop, err := o.src.Shop()
		today := o.src.Today()
		fyne.Do(func() {
			if err == nil && shop.Currency != "" {
				o.format.currency = shop.Currency
			}
			o.format.today = today
			o.reload()
			o.detail.reload()
		})
	})
}

// query is what the search box, the filter and the sorted column ask for.
func (o *orders) query() app.OrderQuery {
	q := app.OrderQuery{Search: o.search.Text, Sort: o.sort, Desc: o.desc}
	if i := o.filter.SelectedIndex(); i > 0 {
		q.Status, q.Flag = orderFilters[i].status, orderFilters[i].flag
	}
	return q
}

// reload counts the matching orders and reads the first page off the UI thread, then
// shows them in one go. An order shown below that the new list does not hold is cleared.
func (o *orders) reload() {
	if o.table == nil {
		return // still building
	}
	gen, sel := o.pager.reset(o.query()), o.selected
	o.bg(func() {
		q, _ := o.pager.pageQuery(0)
		list, err := o.src.FindOrders(q)
		kept := err == nil && o.holds(q, sel, list)
		fyne.Do(func() {
			if err != nil {
				o.pager.forget(gen, 0)
				o.count.SetText("Could not read the orders: " + sentence(err))
				return
			}
			if !o.pager.store(gen, 0, list.Rows, list.Total) {
				return
			}
			o.showCount(q, list)
			if !kept && sel != 0 && o.selected == sel {
				o.selected = 0
				o.detail.clear()
			}
			o.table.Refresh()
		})
	})
}

// holds says whether the list found for q holds the order sel (0: yes); off the UI thread.
func (o *orders) holds(q app.OrderQuery, sel uint, list app.OrderList) bool {
	if sel == 0 {
		return true
	}
	for _, r := range list.Rows {
		if r.ID == sel {
			return true
		}
	}
	if list.Total <= len(list.Rows) {
		return false
	}
	q.Only, q.Offset, q.Limit = sel, 0, 0
	n, err := o.src.CountOrders(q)
	return n > 0 || err != nil // a list that cannot say keeps what the owner picked
}

func (o *orders) showCount(q app.OrderQuery, list app.OrderList) {
	total := list.Total
	o.count.SetText(countText(total))
	if list.More {
		o.count.SetText(fmt.Sprintf("More than %s orders match: the list shows the first %s. Add a word to narrow the search.", groupDigits(total), groupDigits(total)))
	}
	if total == 0 && q.Search == "" && q.Status == "" && q.Flag == "" {
		o.count.SetText("No orders yet: bring them in with Import orders… (a Shopify, WooCommerce or CSV export) or type one in with New order.")
	}
}

// loadPage reads one more page of the list as the user scrolls to it.
func (o *orders) loadPage(page int) {
	q, gen := o.pager.pageQuery(page)
	o.bg(func() {
		rows, err := o.src.OrderPage(q)
		fyne.Do(func() {
			if err != nil {
				o.pager.forget(gen, page)
				return
			}
			if o.pager.store(gen, page, rows, -1) {
				o.table.Refresh()
			}
		})
	})
}

func countText(n int) string {
	switch n {
	case 0:
		return "No orders match."
	case 1:
		return "1 order"
	}
	return fmt.Sprintf("%s orders", groupDigits(n))
}

// groupDigits writes 100000 as "100,000".
func groupDigits(n int) string {
	return data.Money(n * 100).String()[:len(data.Money(n*100).String())-3]
}

// onSort sorts by a column (dates and amounts biggest first, the rest A to Z); a second tap
// on the same column turns the order round.
func (o *orders) onSort(s app.OrderSort) {
	if o.sort == s {
		o.desc = !o.desc
	} else {
		o.sort, o.desc = s, s == app.SortPlaced || s == app.SortAtRisk || s == app.SortTotal || s == app.SortItems
	}
	o.table.Refresh()
	o.reload()
}

// onSelect shows the order of a row in the detail pane.
func (o *orders) onSelect(row int) {
	r, ok := o.pager.peek(row)
	if !ok {
		return
	}
	o.selected = r.ID
	o.table.Refresh()
	o.detail.show(r.ID)
}

// newTableCell is the template of a list cell: a highlight for the selected row under a label.
func newTableCell() fyne.CanvasObject {
	bg := canvas.NewRectangle(theme.Color(theme.ColorNameSelection))
	bg.Hide()
	l := widget.NewLabel("Дмитрий Иванов-Papadopoulou")
	l.Truncation = fyne.TextTruncateEllipsis
	return container.NewStack(bg, l)
}
