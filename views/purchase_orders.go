package views

import (
	"strconv"
	"time"

	"clockwork/app"
	"clockwork/data"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// posSource is what the Purchase orders screen needs from the app.
type posSource interface {
	PurchaseOrders(app.POQuery) ([]app.PORow, error)
	CountPurchaseOrders(app.POQuery) (int, error)
	PurchaseOrder(id uint) (app.PODetail, error)
	POByNumber(number string) (data.PurchaseOrder, error)
	SendPOWith(id uint, opt app.SendOptions) (data.PurchaseOrder, error)
	SendPOs(ids []uint) ([]data.PurchaseOrder, error)
	PODocumentsDir() string
	AcknowledgePO(id uint, ack app.Ack) (data.PurchaseOrder, error)
	ClosePOShort(id uint) (data.PurchaseOrder, error)
	CancelPO(id uint) (data.PurchaseOrder, error)
	UpdatePOLine(lineID uint, qty int, unitCost data.Money) error
	RemovePOLine(lineID uint) error
	MovePOLine(lineID, offerID uint) (data.PurchaseOrder, error)
	ProductOffers(productID uint) ([]app.OfferLine, error)
	SavePOPDF(id uint) (string, error)
	EmailForPO(id uint) (app.POEmail, error)
	EmailPO(id uint, opt app.SendOptions) (app.POMailResult, error)
	EmailPOs(ids []uint) ([]app.POMailResult, error)
	POPDFPath(number string) string
	Shop() (data.Shop, error)
	Now() time.Time
	Location() *time.Location
	Today() data.Day
	purchaseSource
	ParseWhen(field, s string) (time.Time, error)
}

// poFilters are the status filter's choices: every status, and the late ones.
const (
	allPOs  = "All purchase orders"
	latePOs = "Late"
)

// purchaseOrders is the Purchase orders screen: the list with search and filters above,
// the selected PO below with its lines and what can be done with it.
type purchaseOrders struct {
	src    posSource
	win    fyne.Window
	nav    navigator
	bg     runner
	format *shopFormat
	list   *pagedTable[app.PORow]
	search *widget.Entry
	status *widget.Select
	count  *widget.Label
	detail *poDetail
	// sendAll sends every draft; sentAll is what the last time said (tests read it).
	sendAll *widget.Button
	// emailAll sends every draft by e-mail over the shop's mail server.
	emailAll *widget.Button
	sentAll  string
	root     fyne.CanvasObject
}

func newPurchaseOrders(src posSource, win fyne.Window, nav navigator, bg runner) *purchaseOrders {
	p := &purchaseOrders{src: src, win: win, nav: nav, bg: bg, format: &shopFormat{currency: "EUR", now: src.Now, loc: src.Location}}
	p.list = newPagedTable(p.columns(), bg, func(r app.PORow) uint { return r.ID })
	p.list.sortKey, p.list.desc = "number", true
	p.list.onSort = p.reload
	p.list.onSelect = func(r app.PORow) { p.detail.open(r.ID) }
	p.list.onLeave = func() { p.detail.clear() }
	p.list.onError = func(err error) { p.count.SetText("Could not read the purchase orders: " + sentence(err)) }
	p.search = widget.NewEntry()
	p.search.SetPlaceHolder("Search PO number, supplier, their reference or tracking")
	p.search.OnChanged = func(string) { p.reload() }
	options := []string{allPOs, latePOs}
	for _, st := range data.POStatuses {
		options = append(options, poStatusText(st))
	}
	p.status = widget.NewSelect(options, func(string) { p.reload() })
	p.status.Selected = allPOs
	p.count = widget.NewLabel("")
	p.count.Importance = widget.LowImportance
	p.detail = newPODetail(p)
	p.root = p.layout()
	p.refresh()
	return p
}

func (p *purchaseOrders) columns() []tableColumn[app.PORow] {
	f := p.format
	late := func(r app.PORow) widget.Importance {
		if r.Late {
			return widget.DangerImportance
		}
		return widget.MediumImportance
	}
	return []tableColumn[app.PORow]{
		{title: "Number", width: 96, sort: "number", text: func(r app.PORow) string { return r.Number }, tone: late},
		{title: "Supplier", width: 156, sort: "supplier", text: func(r app.PORow) string { return r.Supplier }},
		{title: "Status", width: 118, sort: "status", text: func(r app.PORow) string { return poStatusText(r.Status) }, tone: poTone},
		{title: "Lines", width: 52, sort: "lines", text: func(r app.PORow) string { return strconv.Itoa(r.Lines) }},
		{title: "Total", width: 96, sort: "total", text: func(r app.PORow) string { return f.money(r.Total) }},
		{title: "Sent", width: 100, sort: "sent", text: func(r app.PORow) string { return p.sentText(r.SentAt) }},
		{title: "Promised", width: 100, sort: "promised", text: func(r app.PORow) string { return shortDay(r.PromisedDate, p.src.Today()) }},
		{title: "Expected", width: 100, sort: "expected", text: func(r app.PORow) string { return shortDay(r.ExpectedDate, p.src.Today()) }},
		{title: "Late", width: 110, text: func(r app.PORow) string { return p.lateText(r) }, tone: late},
		{title: "Age", width: 96, sort: "age", text: func(r app.PORow) string { return ago(r.CreatedAt, p.src.Now(), p.src.Location()) }},
	}
}

func (p *purchaseOrders) sentText(t *time.Time) string {
	if t == nil {
		return "not yet"
	}
	return shortDay(data.DayOf(*t, p.src.Location()), p.src.Today())
}

// lateText says how late a PO is: "3 days late".
func (p *purchaseOrders) lateText(r app.PORow) string {
	if !r.Late {
		return ""
	}
	return nouns(r.Due().DaysUntil(p.src.Today()), "day") + " late"
}

// poStatusText is a PO status as the owner reads it.
func poStatusText(s data.POStatus) string {
	switch s {
	case data.POPartiallyReceived:
		return "partly received"
	case data.POClosedShort:
		return "closed short"
	}
	return string(s)
}

func poTone(r app.PORow) widget.Importance {
	switch r.Status {
	case data.PODraft:
		return widget.HighImportance
	case data.POCancelled, data.POClosedShort, data.POReceived:
		return widget.LowImportance
	}
	return widget.MediumImportance
}

func (p *purchaseOrders) layout() fyne.CanvasObject {
	buy := widget.NewButtonWithIcon("Purchase now…", theme.ContentAddIcon(), func() { startPurchase(p.src, p.win, p.bg, p.nav, p.showPO) })
	buy.Importance = widget.HighImportance
	p.sendAll = widget.NewButtonWithIcon("Send all drafts…", theme.MailSendIcon(), p.onSendAll)
	p.emailAll = widget.NewButtonWithIcon("Send all drafts by e-mail", theme.MailSendIcon(), p.onEmailAll)
	tools := container.NewVBox(
		container.NewBorder(nil, nil, nil, sized(p.status, 210), p.search),
		container.NewBorder(nil, nil, container.NewHBox(buy, p.sendAll, p.emailAll), nil, container.NewHBox(layout.NewSpacer(), p.count)))
	list := container.NewBorder(tools, nil, nil, nil, compact(p.list.table))
	split := container.NewVSplit(list, container.NewPadded(p.detail.content()))
	split.Offset = 0.58
	return container.NewPadded(split)
}

func (p *purchaseOrders) content() fyne.CanvasObject { return p.root }

func (p *purchaseOrders) query() app.POQuery {
	q := app.POQuery{ListQuery: app.ListQuery{Search: p.search.Text, Sort: p.list.sortKey, Desc: p.list.desc}}
	switch p.status.Selected {
	case allPOs:
	case latePOs:
		q.LateOnly = true
	default:
		for _, st := range data.POStatuses {
			if poStatusText(st) == p.status.Selected {
				q.Status = st
			}
		}
	}
	return q
}

// reload reads the list again for the current search, filter and sort.
func (p *purchaseOrders) reload() {
	q := p.query()
	p.list.reloadFollowing(
		func() (int, error) { return p.src.CountPurchaseOrders(q) },
		func(offset, limit int) ([]app.PORow, error) {
			page := q // a copy: pages load on goroutines of their own
			page.Offset, page.Limit = offset, limit
			return p.src.PurchaseOrders(page)
		},
		func(id uint) (bool, error) {
			one := q
			one.Only = id
			n, err := p.src.CountPurchaseOrders(one)
			return n > 0, err
		},
		func() { p.showCount(q) })
}

func (p *purchaseOrders) showCount(q app.POQuery) {
	n := p.list.count
	switch {
	case n == 0 && q.Search == "" && q.Status == "" && !q.LateOnly:
		p.count.SetText("No purchase orders yet: Purchase now turns open orders into drafts, one per supplier.")
	case n == 0:
		p.count.SetText("No purchase order matches. Clear the search or choose All purchase orders.")
	default:
		p.count.SetText(nouns(n, "purchase order"))
	}
}

// refresh follows data changes: the shop's currency, the list and the open PO.
func (p *purchaseOrders) refresh() {
	p.bg(func() {
		shop, err := p.src.Shop()
		fyne.Do(func() {
			if err == nil && shop.Currency != "" {
				p.format.currency = shop.Currency
			}
			p.reload()
			p.detail.reload()
		})
	})
}

// showPO opens the PO with this number (from an order's detail, or after purchasing).
func (p *purchaseOrders) showPO(number string) {
	p.bg(func() {
		po, err := p.src.POByNumber(number)
		fyne.Do(func() {
			if err != nil {
				p.count.SetText(sentence(err))
				return
			}
			p.list.selectID(po.ID)
			p.detail.open(po.ID)
		})
	})
}
