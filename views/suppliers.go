package views

import (
	"fmt"
	"strconv"

	"clockwork/app"
	"clockwork/data"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// suppliersSource is what the Suppliers screen needs from the app.
type suppliersSource interface {
	Suppliers(app.SupplierQuery) ([]app.SupplierRow, error)
	CountSuppliers(app.SupplierQuery) (int, error)
	Supplier(id uint) (data.Supplier, error)
	SaveSupplier(*data.Supplier) error
	SetSupplierStatus(id uint, status data.SupplierStatus) error
	DeleteSupplier(id uint) error
	SupplierOffers(supplierID uint, offset, limit int) ([]app.OfferLine, error)
	CountSupplierOffers(supplierID uint) (int, error)
	Shop() (data.Shop, error)
	Standings(asOf data.Day) (map[uint]app.Standing, error)
	logSource
	catalogImportSource
}

// allStatuses is the status filter's "no filter" choice.
const allStatuses = "All statuses"

// suppliers is the Suppliers screen: the list of suppliers on the left, one supplier on
// the right.
type suppliers struct {
	src    suppliersSource
	win    fyne.Window
	bg     runner
	format *shopFormat
	list   *pagedTable[app.SupplierRow]
	search *widget.Entry
	status *widget.Select
	count  *widget.Label
	empty  *fyne.Container
	detail *supplierDetail
	root   fyne.CanvasObject
	// standings are the scorecard verdicts over the last twelve months, read on each refresh
	// (computed from every delivery, so not per page).
	standings map[uint]app.Standing
}

func newSuppliers(src suppliersSource, win fyne.Window, bg runner) *suppliers {
	s := &suppliers{src: src, win: win, bg: bg, format: &shopFormat{now: src.Now, loc: src.Location}}
	s.list = newPagedTable(s.columns(), bg, func(r app.SupplierRow) uint { return r.ID })
	s.list.sortKey = "name"
	s.list.onSort = s.reload
	s.list.onLeave = s.onLeave
	s.list.onSelect = func(r app.SupplierRow) { s.onSelect(r.ID) }
	s.list.onError = func(err error) { s.count.SetText("Could not read the suppliers: " + err.Error()) }
	s.search = widget.NewEntry()
	s.search.SetPlaceHolder("Search name, e-mail, contact, phone")
	s.search.OnChanged = func(string) { s.reload() }
	options := []string{allStatuses}
	for _, st := range data.SupplierStatuses {
		options = append(options, string(st))
	}
	s.status = widget.NewSelect(options, func(string) { s.reload() })
	s.status.Selected = allStatuses // not SetSelected: refresh does the first load
	s.count = widget.NewLabel("")
	s.count.Importance = widget.LowImportance
	s.empty = container.NewCenter()
	s.detail = newSupplierDetail(src, win, bg, s.format)
	s.detail.standing = func(id uint) app.Standing { return s.standings[id] }
	s.detail.onSaved = s.onSaved
	s.detail.onImport = s.onImport
	s.root = s.layout()
	s.refresh()
	return s
}

func (s *suppliers) columns() []tableColumn[app.SupplierRow] {
	return []tableColumn[app.SupplierRow]{
		{title: "Name", width: 160, sort: "name", text: func(r app.SupplierRow) string { return r.Name }},
		{title: "Status", width: 74, sort: "status", text: func(r app.SupplierRow) string { return string(r.Status) },
			tone: func(r app.SupplierRow) widget.Importance { return statusTone(r.Status) }},
		{title: "Lead", width: 58, sort: "lead", text: func(r app.SupplierRow) string { return nouns(r.QuotedLeadDays, "day") }},
		{title: "Offers", width: 56, sort: "offers", text: func(r app.SupplierRow) string { return strconv.Itoa(r.Offers) }},
		{title: "Vetting", width: 60, sort: "vetting", text: func(r app.SupplierRow) string {
			return fmt.Sprintf("%d/%d", r.VettingYes, app.VettingTotal)
		}},
		{title: "Last contact", width: 106, sort: "last_contact", text: func(r app.SupplierRow) string {
			if r.LastContact == nil {
				return "never"
			}
			return ago(*r.LastContact, s.src.Now(), s.src.Location())
		}},
		{title: "Standing", width: 104, text: func(r app.SupplierRow) string { return standingText(s.standings[r.ID]) },
			tone: func(r app.SupplierRow) widget.Importance { return standingTone(s.standings[r.ID]) }},
	}
}

func (s *suppliers) layout() fyne.CanvasObject {
	add := widget.NewButtonWithIcon("New supplier", theme.ContentAddIcon(), s.onNew)
	add.Importance = widget.HighImportance
	imp := widget.NewButtonWithIcon("Import price list…", theme.UploadIcon(), func() { s.onImport("") })
	tools := container.NewVBox(
		container.NewBorder(nil, nil, nil, s.status, s.search),
		container.NewBorder(nil, nil, container.NewHBox(add, imp), nil, container.NewHBox(layout.NewSpacer(), s.count)))
	left := container.NewBorder(tools, nil, nil, nil, container.NewStack(compact(s.list.table), s.empty))
	split := container.NewHSplit(left, container.NewPadded(s.detail.content()))
	split.Offset = 0.64
	return split
}

func (s *suppliers) content() fyne.CanvasObject { return s.root }

func (s *suppliers) query() app.SupplierQuery {
	q := app.SupplierQuery{ListQuery: app.ListQuery{Search: s.search.Text, Sort: s.list.sortKey, Desc: s.list.desc}}
	if s.status.Selected != allStatuses {
		q.Status = data.SupplierStatus(s.status.Selected)
	}
	return q
}

// reload reads the list again for the current search, filter and sort.
func (s *suppliers) reload() {
	q := s.query()
	s.list.reloadFollowing(
		func() (int, error) { return s.src.CountSuppliers(q) },
		func(offset, limit int) ([]app.SupplierRow, error) {
			page := q // a copy: pages load on goroutines of their own
			page.Offset, page.Limit = offset, limit
			return s.src.Suppliers(page)
		},
		func(id uint) (bool, error) {
			one := q
			one.Only = id
			n, err := s.src.CountSuppliers(one)
			return n > 0, err
		},
		func() { s.showCount(q) })
}

// onLeave clears the supplier shown when a search or filter takes it out of the list, unless
// it holds edits not saved yet (those stay until saved or undone).
func (s *suppliers) onLeave() {
	if s.detail.unsaved() == "" {
		s.detail.clear()
	}
}

// showCount says how many suppliers the list holds, or what to do when it holds none.
func (s *suppliers) showCount(q app.SupplierQuery) {
	n := s.list.count
	s.count.SetText(nouns(n, "supplier"))
	var msg fyne.CanvasObject
	switch {
	case n > 0:
	case q.Search == "" && q.Status == "":
		add := widget.NewButtonWithIcon("New supplier", theme.ContentAddIcon(), s.onNew)
		add.Importance = widget.HighImportance
		imp := widget.NewButtonWithIcon("Import a price list…", theme.UploadIcon(), func() { s.onImport("") })
		msg = container.NewVBox(
			widget.NewLabelWithStyle("No suppliers yet", fyne.TextAlignCenter, fyne.TextStyle{Bold: true}),
			wrapped("Add the businesses you buy from: how to reach them, what they promise, and how well you know them. "+
				"Importing a supplier's price list adds the supplier and its products in one go."),
			container.NewCenter(container.NewHBox(add, imp)))
	default:
		msg = hint("No supplier matches. Clear the search or choose All statuses.")
	}
	s.empty.Objects = nil
	if msg != nil {
		s.empty.Objects = []fyne.CanvasObject{msg}
	}
	s.empty.Refresh()
}

// refresh follows data changes: the shop's currency, the list and the open supplier.
func (s *suppliers) refresh() {
	s.bg(func() {
		shop, err := s.src.Shop()
		standings, serr := s.src.Standings(s.src.Today())
		fyne.Do(func() {
			if err == nil {
				s.format.currency = shop.Currency
			}
			if serr == nil {
				s.standings = standings
			}
			s.reload()
			s.detail.refresh()
		})
	})
}

func (s *suppliers) unsavedChanges() string { return s.detail.unsaved() }

// onSelect opens a supplier, asking first when edits to the open one would be lost.
func (s *suppliers) onSelect(id uint) {
	if id == s.detail.form.loaded.ID {
		return
	}
	what := s.detail.unsaved()
	if what == "" {
		s.detail.open(id)
		return
	}
	back := s.detail.form.loaded.ID
	s.list.selectID(back)
	dialog.ShowConfirm("Unsaved changes", what+"\n\nOpen the other supplier and lose them?", func(yes bool) {
		if yes {
			s.list.selectID(id)
			s.detail.form.dirty = false
			s.detail.open(id)
		}
	}, s.win)
}

func (s *suppliers) onNew() {
	if what := s.detail.unsaved(); what != "" {
		dialog.ShowConfirm("Unsaved changes", what+"\n\nStart a new supplier and lose them?", func(yes bool) {
			if yes {
				s.newNow()
			}
		}, s.win)
		return
	}
	s.newNow()
}

func (s *suppliers) newNow() {
	s.list.selectID(0)
	s.detail.startNew()
}

func (s *suppliers) onSaved(id uint) {
	s.list.selectID(id)
	s.reload()
}

func (s *suppliers) onImport(supplier string) {
	openCatalogImport(s.src, s.win, s.bg, supplier, func(string) {})
}
