package views

import (
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"time"

	"clockwork/app"
	"clockwork/data"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// packSource is what the Pack & ship screen needs from the app.
type packSource interface {
	OrderPage(app.OrderQuery) ([]app.OrderRow, error)
	CountOrders(app.OrderQuery) (int, error)
	OrderByNumber(number string) (data.Order, error)
	ShipCheck(orderID uint) (string, error)
	ShipOrders([]app.ShipInput) error
	WritePackingSlips(w io.Writer, orderIDs []uint, opt app.SlipOptions) error
	WriteThankYouCards(w io.Writer, orderIDs []uint) error
	FontAdvice(orderIDs []uint) (string, error)
	DocumentPath(name string) (string, error)
	Shop() (data.Shop, error)
	Location() *time.Location
	Now() time.Time
	Today() data.Day
	TimeOn(data.Day) time.Time
}

// pack is the Pack & ship screen: orders ready to pack, earliest ship-by day first; the
// owner picks one or many, prints their slips, gift slips and cards, and marks them shipped.
type pack struct {
	src    packSource
	win    fyne.Window
	bg     runner
	list   *pagedTable[app.OrderRow]
	search *widget.Entry
	paper  *widget.Select
	count  *widget.Label
	picked map[uint]app.OrderRow
	notice string // what the last action did, shown before the count
	ship   *widget.Button
	// shipping is the "Mark shipped" dialog last opened.
	shipping *shipDialog
	// printing is the print dialog last opened.
	printing *printDialog
	// printed is the document last written, for printing.
	printed string
	root    fyne.CanvasObject
}

func newPack(src packSource, win fyne.Window, bg runner) *pack {
	p := &pack{src: src, win: win, bg: bg, picked: map[uint]app.OrderRow{}}
	p.list = newPagedTable(p.columns(), bg, func(r app.OrderRow) uint { return r.ID })
	p.list.onSelect = p.toggle
	p.list.onError = func(err error) { p.count.SetText("Could not read the orders: " + err.Error()) }
	p.search = widget.NewEntry()
	p.search.SetPlaceHolder("Find or scan an order: number, customer or SKU")
	p.search.OnChanged = func(string) { p.reload() }
	p.search.OnSubmitted = p.onScan
	var papers []string
	for _, k := range data.Papers {
		papers = append(papers, paperNames[k])
	}
	p.paper = widget.NewSelect(papers, nil)
	p.count = widget.NewLabel("")
	p.count.Wrapping = fyne.TextWrapWord
	p.ship = widget.NewButtonWithIcon("Mark shipped…", theme.MailSendIcon(), p.onShip)
	p.ship.Importance = widget.HighImportance
	p.root = p.layout()
	p.refresh()
	return p
}

func (p *pack) columns() []tableColumn[app.OrderRow] {
	today := func() data.Day { return p.src.Today() }
	return []tableColumn[app.OrderRow]{
		{title: "✓", width: 36, text: func(r app.OrderRow) string {
			if _, ok := p.picked[r.ID]; ok {
				return "✓"
			}
			return ""
		}},
		{title: "Order", width: 130, text: func(r app.OrderRow) string { return r.Number }},
		{title: "Ship by", width: 150, text: func(r app.OrderRow) string {
			t := shipByText(r, today())
			if r.AtRisk && !strings.Contains(t, "late") {
				t += " (at risk)"
			}
			return t
		}, tone: func(r app.OrderRow) widget.Importance {
			if r.AtRisk || (r.ShipBy != "" && r.ShipBy < today()) {
				return widget.DangerImportance
			}
			return widget.MediumImportance
		}},
		{title: "Customer", width: 200, text: func(r app.OrderRow) string { return r.Customer }},
		{title: "Items", width: 50, text: func(r app.OrderRow) string { return strconv.Itoa(r.Items) }},
		{title: "Placed", width: 150, text: func(r app.OrderRow) string { return shortTime(r.PlacedAt, p.src.Location(), today()) }},
	}
}

func (p *pack) layout() fyne.CanvasObject {
	all := widget.NewButton("Select all", p.onSelectAll)
	clear := widget.NewButton("Clear", func() { p.picked = map[uint]app.OrderRow{}; p.showCount() })
	slips := widget.NewButtonWithIcon("Packing slips", theme.DocumentPrintIcon(), func() { p.onPrint("packing-slips", false) })
	gifts := widget.NewButtonWithIcon("Gift slips", theme.DocumentPrintIcon(), func() { p.onPrint("gift-slips", true) })
	cards := widget.NewButtonWithIcon("Thank-you cards", theme.DocumentPrintIcon(), func() { p.onPrint("thank-you-cards", false) })
	heading := widget.NewLabelWithStyle("Ready to pack", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	bar := container.NewVBox(heading,
		container.NewBorder(nil, nil, nil, container.NewHBox(all, clear), p.search),
		container.NewHBox(widget.NewLabel("Paper"), p.paper, slips, gifts, cards, layout.NewSpacer(), p.ship))
	return container.NewPadded(container.NewBorder(bar, p.count, nil, nil, compact(p.list.table)))
}

func (p *pack) content() fyne.CanvasObject { return p.root }

// refresh reloads the list (and the shop's paper) after any change to the shop's data.
func (p *pack) refresh() {
	p.bg(func() {
		shop, err := p.src.Shop()
		fyne.Do(func() {
			if err == nil && p.paper.Selected == "" {
				p.paper.SetSelected(paperNames[shop.Paper])
			}
			p.reload()
		})
	})
}

func (p *pack) query() app.OrderQuery {
	return app.OrderQuery{Status: data.OrderReady, Search: p.search.Text, Sort: app.SortShipBy}
}

func (p *pack) reload() {
	q := p.query()
	p.list.reload(
		func() (int, error) { return p.src.CountOrders(q) },
		func(offset, limit int) ([]app.OrderRow, error) {
			page := q
			page.Offset, page.Limit = offset, limit
			return p.src.OrderPage(page)
		},
		p.afterReload)
}

// afterReload drops picks that are no longer ready and, when a search finds no ready order,
// says why the order searched for cannot ship.
func (p *pack) afterReload() {
	text := strings.TrimSpace(p.search.Text)
	if p.list.count > 0 || text == "" {
		p.showCount()
		return
	}
	p.bg(func() {
		why := "No order ready to pack matches “" + text + "”."
		if o, err := p.src.OrderByNumber(text); err == nil {
			if w, err := p.src.ShipCheck(o.ID); err == nil && w != "" {
				why = w + "."
			}
		}
		fyne.Do(func() { p.count.SetText(why) })
	})
}

func (p *pack) showCount() {
	p.list.table.Refresh()
	text := nouns(p.list.count, "order") + " ready to pack. Tap orders to pick them."
	if len(p.picked) > 0 {
		text = fmt.Sprintf("%d picked of %s ready to pack.", len(p.picked), nouns(p.list.count, "order"))
	}
	if p.notice != "" {
		text = p.notice + " " + text
	}
	p.count.SetText(text)
}

// toggle picks or unpicks a tapped order.
func (p *pack) toggle(r app.OrderRow) {
	p.notice = ""
	if _, ok := p.picked[r.ID]; ok {
		delete(p.picked, r.ID)
	} else {
		p.picked[r.ID] = r
	}
	p.list.selectID(0)
	p.showCount()
}

// onSelectAll picks every order the list shows (ready orders are a day or two's work).
func (p *pack) onSelectAll() {
	q := p.query()
	q.Limit = max(p.list.count, 1)
	p.bg(func() {
		rows, err := p.src.OrderPage(q)
		fyne.Do(func() {
			if err != nil {
				p.count.SetText("Could not read the orders: " + err.Error())
				return
			}
			for _, r := range rows {
				p.picked[r.ID] = r
			}
			p.showCount()
		})
	})
}

// pickedRows are the picked orders, earliest ship-by day first, as the list shows them.
func (p *pack) pickedRows() []app.OrderRow {
	rows := make([]app.OrderRow, 0, len(p.picked))
	for _, r := range p.picked {
		rows = append(rows, r)
	}
	slices.SortFunc(rows, func(a, b app.OrderRow) int {
		if c := strings.Compare(string(a.ShipBy), string(b.ShipBy)); c != 0 {
			return c
		}
		if c := a.PlacedAt.Compare(b.PlacedAt); c != 0 {
			return c
		}
		return int(a.ID) - int(b.ID)
	})
	return rows
}

func (p *pack) paperKey() string {
	for k, name := range paperNames {
		if name == p.paper.Selected {
			return k
		}
	}
	return ""
}

// onPrint writes the picked orders' slips, gift slips or cards into one PDF and offers it.
func (p *pack) onPrint(kind string, gift bool) {
	rows := p.pickedRows()
	if len(rows) == 0 {
		p.count.SetText("Pick the orders to print first: tap them in the list, or Select all.")
		return
	}
	ids := make([]uint, len(rows))
	for i, r := range rows {
		ids[i] = r.ID
	}
	paper := p.paperKey()
	name := fmt.Sprintf("%s-%s.pdf", kind, p.src.Now().In(p.src.Location()).Format("2006-01-02-150405"))
	p.bg(func() {
		path, err := p.src.DocumentPath(name)
		if err == nil {
			err = app.WriteFile(path, func(w io.Writer) error {
				if kind == "thank-you-cards" {
					return p.src.WriteThankYouCards(w, ids)
				}
				return p.src.WritePackingSlips(w, ids, app.SlipOptions{Gift: gift, Paper: paper})
			})
		}
		advice := ""
		if err == nil {
			advice, _ = p.src.FontAdvice(ids)
		}
		fyne.Do(func() {
			if err != nil {
				dialog.ShowError(fmt.Errorf("the document could not be written: %w", err), p.win)
				return
			}
			p.printed = path
			what := strings.ReplaceAll(kind, "-", " ")
			showDocumentWith(p.win, "Ready to print", path, joinSentences(fmt.Sprintf("%s for %s, one PDF.", strings.ToUpper(what[:1])+what[1:], nouns(len(ids), "order")), advice), func() { p.printing = showPrint(p.win, p.bg, path) })
		})
	})
}
