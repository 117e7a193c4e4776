package views

import (
	"fmt"
	"io"
	"strings"
	"time"

	"clockwork/app"
	"clockwork/data"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// returnsSource is what the Returns screen needs from the app.
type returnsSource interface {
	ReturnRows(app.ListQuery, app.ReturnFilter) ([]app.ReturnRow, error)
	CountReturns(app.ListQuery, app.ReturnFilter) (int, error)
	ReturnDetail(id uint) (app.ReturnDetail, error)
	UpdateReturn(app.ReturnEdit) error
	ReceiveReturn(id uint, at time.Time) error
	CloseReturn(id uint) (app.CloseResult, error)
	ReturnInsights(app.Period) (app.ReturnInsights, error)
	ExportReturnInsights(app.Period, io.Writer) error
	PeriodThrough(from, last string) (app.Period, error)
	OrderByNumber(number string) (data.Order, error)
	Today() data.Day
	Location() *time.Location
}

// returnFilters are the status filter's choices.
var returnFilters = []struct {
	label  string
	filter app.ReturnFilter
}{
	{"To handle", app.ReturnFilter{Open: true}}, {"All returns", app.ReturnFilter{}},
	{"Requested", app.ReturnFilter{Status: data.ReturnRequested}}, {"Received", app.ReturnFilter{Status: data.ReturnReceived}},
	{"Closed", app.ReturnFilter{Status: data.ReturnClosed}},
}

// returns is the Returns screen: the list of returns with the selected one below it, where
// reasons, fault and dispositions are set and the return is received and closed; and a
// second tab with what returns teach.
type returns struct {
	src      returnsSource
	win      fyne.Window
	bg       runner
	search   *widget.Entry
	filter   *widget.Select
	count    *widget.Label
	list     *pagedTable[app.ReturnRow]
	detail   *returnDetail
	insights *returnInsights
	tabs     *container.AppTabs
	root     fyne.CanvasObject
	// startReturn opens Start a return for an order whose slip was scanned; nil leaves
	// scanning out.
	startReturn func(data.Order)
	finding     *findReturnOrder // the last "Start a return…" dialog (tests read it)
}

func newReturns(src returnsSource, win fyne.Window, bg runner) *returns {
	r := &returns{src: src, win: win, bg: bg}
	r.search = widget.NewEntry()
	r.search.SetPlaceHolder("Search RMA, order number or customer; scan a slip to start a return")
	r.search.OnChanged = func(string) { r.reload() }
	r.search.OnSubmitted = r.onScan
	var labels []string
	for _, f := range returnFilters {
		labels = append(labels, f.label)
	}
	r.filter = widget.NewSelect(labels, func(string) { r.reload() })
	r.count = widget.NewLabel("")
	r.list = newPagedTable(returnColumns(src.Location(), src.Today), bg, func(x app.ReturnRow) uint { return x.ID })
	r.list.onSort = r.reload
	r.list.onSelect = func(x app.ReturnRow) { r.detail.show(x.ID) }
	r.list.onLeave = func() { r.detail.clear() }
	r.list.onError = func(err error) { r.count.SetText("Could not read the returns: " + sentence(err)) }
	r.detail = newReturnDetail(r)
	start := widget.NewButtonWithIcon("Start a return…", theme.ContentAddIcon(), r.onStartReturn)
	start.Importance = widget.HighImportance
	bar := container.NewBorder(nil, nil, nil, container.NewHBox(sized(r.filter, 150), start), r.search)
	split := container.NewVSplit(container.NewBorder(bar, r.count, nil, nil, compact(r.list.table)), r.detail.content())
	split.Offset = 0.62
	r.insights = newReturnInsights(src, win, bg)
	r.tabs = container.NewAppTabs(
		container.NewTabItem("Returns", split),
		container.NewTabItem("What returns teach", r.insights.content()),
	)
	r.tabs.OnSelected = func(t *container.TabItem) {
		if t.Text == "What returns teach" {
			r.insights.ensureLoaded()
		}
	}
	r.root = container.NewPadded(r.tabs)
	r.filter.SetSelectedIndex(0) // to handle; loads
	return r
}

func (r *returns) content() fyne.CanvasObject { return r.root }

// refresh reloads the list, the open return and the insights after a change.
func (r *returns) refresh() {
	fyne.Do(func() {
		r.reload()
		r.detail.reload()
		r.insights.reloadIfShown()
	})
}

func (r *returns) query() (app.ListQuery, app.ReturnFilter) {
	q := app.ListQuery{Search: r.search.Text, Sort: r.list.sortKey, Desc: r.list.desc}
	var f app.ReturnFilter
	if i := r.filter.SelectedIndex(); i >= 0 {
		f = returnFilters[i].filter
	}
	return q, f
}

func (r *returns) reload() {
	if r.list == nil || r.filter.SelectedIndex() < 0 {
		return
	}
	q, f := r.query()
	r.list.reloadFollowing(func() (int, error) { return r.src.CountReturns(q, f) },
		func(offset, limit int) ([]app.ReturnRow, error) {
			page := q
			page.Offset, page.Limit = offset, limit
			return r.src.ReturnRows(page, f)
		}, func(id uint) (bool, error) {
			one := q
			one.Only = id
			n, err := r.src.CountReturns(one, f)
			return n > 0, err
		}, func() {
			switch {
			case r.list.count == 0 && q.Search == "" && f == app.ReturnFilter{}:
				r.count.SetText("No returns yet. Start a return… finds the shipped order that comes back.")
			case r.list.count == 0 && q.Search == "" && f.Open:
				r.count.SetText("No returns to handle: every return is closed. All returns lists them.")
			case r.list.count == 0:
				r.count.SetText("No returns match.")
			default:
				r.count.SetText(nouns(r.list.count, "return"))
			}
		})
}

// showReturn selects a return (just opened from the Orders screen, say) and shows it.
func (r *returns) showReturn(id uint) {
	r.tabs.SelectIndex(0)
	r.search.SetText("")
	r.filter.SetSelectedIndex(1) // all returns: it may be closed
	r.reload()
	r.list.selectID(id)
	r.detail.show(id)
}

func returnColumns(loc *time.Location, today func() data.Day) []tableColumn[app.ReturnRow] {
	return []tableColumn[app.ReturnRow]{
		{title: "RMA", width: 100, sort: "number", text: func(x app.ReturnRow) string { return x.Number }},
		{title: "Opened", width: 150, sort: "opened", text: func(x app.ReturnRow) string { return shortTime(x.OpenedAt, loc, today()) }},
		{title: "Order", width: 100, sort: "order", text: func(x app.ReturnRow) string { return x.OrderNumber }},
		{title: "Customer", width: 180, sort: "customer", text: func(x app.ReturnRow) string { return x.Customer }},
		{title: "Units", width: 60, text: func(x app.ReturnRow) string { return fmt.Sprint(x.Units) }},
		{title: "Why", width: 200, text: func(x app.ReturnRow) string { return reasonsText(x.Reasons) }},
		{title: "Status", width: 160, sort: "status", text: returnStatusText, tone: func(x app.ReturnRow) widget.Importance {
			if x.Status != data.ReturnClosed && x.Undecided > 0 {
				return widget.WarningImportance
			}
			return widget.MediumImportance
		}},
		{title: "Customer's words", width: 320, text: func(x app.ReturnRow) string { return strings.ReplaceAll(x.Comment, "\n", " ") }},
	}
}

// reasonsText is "defective,late" as the owner reads it.
func reasonsText(codes string) string {
	var out []string
	for _, c := range strings.Split(codes, ",") {
		if c != "" {
			out = append(out, app.ReasonLabel(c))
		}
	}
	return strings.Join(out, ", ")
}

func returnStatusText(x app.ReturnRow) string {
	s := map[data.ReturnStatus]string{data.ReturnRequested: "Requested", data.ReturnReceived: "Received", data.ReturnClosed: "Closed"}[x.Status]
	if x.Status != data.ReturnClosed && x.Undecided > 0 {
		s += " · decide"
	}
	return s
}
