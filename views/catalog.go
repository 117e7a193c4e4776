package views

import (
	"strconv"
	"time"

	"clockwork/app"
	"clockwork/data"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// catalogSource is what the Catalog screen needs from the app.
type catalogSource interface {
	Products(app.ProductQuery) ([]app.ProductRow, error)
	CountProducts(app.ProductQuery) (int, error)
	Product(id uint) (data.Product, error)
	SaveProduct(*data.Product) error
	ProductOffers(productID uint) ([]app.OfferLine, error)
	SaveOffer(*data.Offer) error
	SetOfferActive(id uint, active bool) error
	MakePreferred(id uint) error
	OfferCosts(offerID uint) ([]data.OfferCost, error)
	Shop() (data.Shop, error)
	Today() data.Day
	Now() time.Time
	Location() *time.Location
	catalogImportSource
}

// productShowNames are the product list's filters as the screen offers them.
var productShowNames = map[app.ProductShow]string{
	app.ShowAllProducts: "All products", app.ShowActive: "Sold", app.ShowInactive: "Not sold",
	app.ShowTrial: "On trial", app.ShowNoOffer: "Nobody supplies",
}

// catalog is the Catalog screen: products above, the selected product with its offers
// side by side below.
type catalog struct {
	src    catalogSource
	win    fyne.Window
	bg     runner
	format *shopFormat
	list   *pagedTable[app.ProductRow]
	search *widget.Entry
	show   *widget.Select
	count  *widget.Label
	empty  *fyne.Container
	detail *productDetail
	root   fyne.CanvasObject
}

func newCatalog(src catalogSource, win fyne.Window, bg runner) *catalog {
	c := &catalog{src: src, win: win, bg: bg, format: &shopFormat{now: src.Now, loc: src.Location}}
	c.list = newPagedTable(c.columns(), bg, func(r app.ProductRow) uint { return r.ID })
	c.list.sortKey = "sku"
	c.list.onSort = c.reload
	c.list.onLeave = c.onLeave
	c.list.onSelect = func(r app.ProductRow) { c.onSelect(r.ID) }
	c.list.onError = func(err error) { c.count.SetText("Could not read the products: " + err.Error()) }
	c.search = widget.NewEntry()
	c.search.SetPlaceHolder("Search SKU or title")
	c.search.OnChanged = func(string) { c.reload() }
	var shows []string
	for _, s := range app.ProductShows {
		shows = append(shows, productShowNames[s])
	}
	c.show = widget.NewSelect(shows, func(string) { c.reload() })
	c.show.Selected = productShowNames[app.ShowAllProducts] // not SetSelected: refresh does the first load
	c.count = widget.NewLabel("")
	c.count.Importance = widget.LowImportance
	c.empty = container.NewCenter()
	c.detail = newProductDetail(src, win, bg, c.format)
	c.detail.onSaved = func(id uint) { c.list.selectID(id); c.reload() }
	c.root = c.layout()
	c.refresh()
	return c
}

func (c *catalog) columns() []tableColumn[app.ProductRow] {
	quiet := func(r app.ProductRow) widget.Importance {
		if !r.Active {
			return widget.LowImportance
		}
		return widget.MediumImportance
	}
	return []tableColumn[app.ProductRow]{
		{title: "SKU", width: 120, sort: "sku", text: func(r app.ProductRow) string { return r.SKU }, tone: quiet},
		{title: "Title", width: 330, sort: "title", text: func(r app.ProductRow) string { return r.Title }, tone: quiet},
		{title: "Price", width: 96, sort: "price", text: func(r app.ProductRow) string { return c.format.money(r.Price) }, tone: quiet},
		{title: "Sold", width: 64, sort: "active", text: func(r app.ProductRow) string { return yesNo(r.Active) }, tone: quiet},
		{title: "Trial", width: 120, sort: "trial", text: func(r app.ProductRow) string {
			if !r.Trial {
				return ""
			}
			return "since " + shortDay(r.TrialStart, c.src.Today())
		}, tone: func(app.ProductRow) widget.Importance { return widget.WarningImportance }},
		{title: "Offers", width: 70, sort: "offers", text: func(r app.ProductRow) string { return strconv.Itoa(r.Offers) },
			tone: func(r app.ProductRow) widget.Importance {
				if r.Active && r.Offers == 0 {
					return widget.DangerImportance
				}
				return quiet(r)
			}},
		{title: "Best margin", width: 140, sort: "margin", text: func(r app.ProductRow) string {
			if m := r.BestMargin(); m != nil {
				return c.format.margin(*m, r.Price)
			}
			return "–"
		}, tone: func(r app.ProductRow) widget.Importance {
			if m := r.BestMargin(); m != nil && *m <= 0 {
				return widget.DangerImportance
			}
			return quiet(r)
		}},
	}
}

func yesNo(b bool) string {
	if b {
		return "yes"
	}
	return "no"
}

func (c *catalog) layout() fyne.CanvasObject {
	add := widget.NewButtonWithIcon("New product", theme.ContentAddIcon(), c.onNew)
	imp := widget.NewButtonWithIcon("Import price list…", theme.UploadIcon(), c.onImport)
	imp.Importance = widget.HighImportance
	tools := container.NewBorder(nil, nil, nil, container.NewHBox(c.show, add, imp, c.count), c.search)
	top := container.NewBorder(tools, nil, nil, nil, container.NewStack(compact(c.list.table), c.empty))
	split := container.NewVSplit(top, container.NewPadded(c.detail.content()))
	split.Offset = 0.7
	return split
}

func (c *catalog) content() fyne.CanvasObject { return c.root }

func (c *catalog) query() app.ProductQuery {
	q := app.ProductQuery{ListQuery: app.ListQuery{Search: c.search.Text, Sort: c.list.sortKey, Desc: c.list.desc}}
	for s, name := range productShowNames {
		if name == c.show.Selected {
			q.Show = s
		}
	}
	return q
}

func (c *catalog) reload() {
	q := c.query()
	c.list.reloadFollowing(
		func() (int, error) { return c.src.CountProducts(q) },
		func(offset, limit int) ([]app.ProductRow, error) {
			page := q // a copy: pages load on goroutines of their own
			page.Offset, page.Limit = offset, limit
			return c.src.Products(page)
		},
		func(id uint) (bool, error) {
			one := q
			one.Only = id
			n, err := c.src.CountProducts(one)
			return n > 0, err
		},
		func() { c.showCount(q) })
}

// onLeave clears the product shown when a search or filter takes it out of the list, unless
// it holds edits not saved yet (those stay until saved or undone).
func (c *catalog) onLeave() {
	if c.detail.unsaved() == "" {
		c.detail.clear()
	}
}

// showCount says how many products the list holds, or what to do when there are none.
func (c *catalog) showCount(q app.ProductQuery) {
	n := c.list.count
	c.count.SetText(nouns(n, "product"))
	var msg fyne.CanvasObject
	switch {
	case n > 0:
	case q.Search == "" && q.Show == app.ShowAllProducts:
		imp := widget.NewButtonWithIcon("Import a price list…", theme.UploadIcon(), c.onImport)
		imp.Importance = widget.HighImportance
		add := widget.NewButtonWithIcon("New product", theme.ContentAddIcon(), c.onNew)
		msg = container.NewVBox(
			widget.NewLabelWithStyle("No products yet", fyne.TextAlignCenter, fyne.TextStyle{Bold: true}),
			wrapped("The quickest start is a supplier's price list (CSV or Excel with columns such as sku, title, unit_cost, price): "+
				"it adds their products with their offers in one go. Or add a product by hand."),
			container.NewCenter(container.NewHBox(imp, add)))
	default:
		msg = hint("No product matches. Clear the search or choose All products.")
	}
	c.empty.Objects = nil
	if msg != nil {
		c.empty.Objects = []fyne.CanvasObject{msg}
	}
	c.empty.Refresh()
}

func (c *catalog) refresh() {
	c.bg(func() {
		shop, err := c.src.Shop()
		fyne.Do(func() {
			if err == nil {
				c.format.currency = shop.Currency
			}
			c.reload()
			c.detail.refresh()
		})
	})
}

func (c *catalog) unsavedChanges() string { return c.detail.unsaved() }

// onSelect opens a product, asking first when edits to the open one would be lost.
func (c *catalog) onSelect(id uint) {
	if id == c.detail.form.loaded.ID {
		return
	}
	what := c.detail.unsaved()
	if what == "" {
		c.detail.open(id)
		return
	}
	c.list.selectID(c.detail.form.loaded.ID)
	dialog.ShowConfirm("Unsaved changes", what+"\n\nOpen the other product and lose them?", func(yes bool) {
		if yes {
			c.list.selectID(id)
			c.detail.form.dirty = false
			c.detail.open(id)
		}
	}, c.win)
}

func (c *catalog) onNew() {
	start := func() {
		c.list.selectID(0)
		c.detail.startNew()
	}
	if what := c.detail.unsaved(); what != "" {
		dialog.ShowConfirm("Unsaved changes", what+"\n\nStart a new product and lose them?", func(yes bool) {
			if yes {
				start()
			}
		}, c.win)
		return
	}
	start()
}

func (c *catalog) onImport() {
	openCatalogImport(c.src, c.win, c.bg, "", func(string) {})
}
