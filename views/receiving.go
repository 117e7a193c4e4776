package views

import (
	"errors"
	"strconv"
	"time"

	"clockwork/app"
	"clockwork/data"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
)

// receivingSource is what the Receiving screen needs from the app.
type receivingSource interface {
	ReceivingPOs(app.ReceivingQuery) ([]app.ReceivingPO, error)
	CountReceivingPOs(app.ReceivingQuery) (int, error)
	ReceivingLines(poID uint) ([]app.ReceivingLine, error)
	Receive(poID uint, in app.ReceiveInput) (app.ReceiveResult, error)
	ReceiveAll(poID uint, at time.Time) (app.ReceiveResult, error)
	ReceiveBySKU(poID uint, in app.ReceiveBySKUInput) (app.ReceiveResult, error)
	Location() *time.Location
	Now() time.Time
	Today() data.Day
	TimeOn(data.Day) time.Time
}

// receiving is the Receiving screen: purchase orders waiting for goods on the left, found
// by number, supplier or a SKU scanned off the box; the chosen PO's delivery on the right.
type receiving struct {
	src    receivingSource
	nav    navigator
	bg     runner
	list   *pagedTable[app.ReceivingPO]
	search *widget.Entry
	count  *widget.Label
	form   *receiveForm
	root   fyne.CanvasObject
}

func newReceiving(src receivingSource, nav navigator, bg runner) *receiving {
	r := &receiving{src: src, nav: nav, bg: bg}
	r.list = newPagedTable(r.columns(), bg, func(p app.ReceivingPO) uint { return p.ID })
	r.list.onSelect = func(p app.ReceivingPO) { r.form.show(p) }
	r.list.onLeave = func() { r.form.leave() }
	r.list.onError = func(err error) { r.count.SetText("Could not read the purchase orders: " + err.Error()) }
	r.search = widget.NewEntry()
	r.search.SetPlaceHolder("PO number, supplier, or scan a SKU from the box")
	r.search.OnChanged = func(string) { r.reload() }
	r.search.OnSubmitted = func(string) { r.openOnlyMatch() }
	r.count = widget.NewLabel("")
	r.count.Importance = widget.LowImportance
	r.form = newReceiveForm(r)
	left := container.NewBorder(r.search, r.count, nil, nil, compact(r.list.table))
	split := container.NewHSplit(left, container.NewPadded(r.form.content()))
	split.Offset = 0.5
	r.root = split
	r.reload()
	return r
}

func (r *receiving) columns() []tableColumn[app.ReceivingPO] {
	return []tableColumn[app.ReceivingPO]{
		{title: "PO", width: 90, text: func(p app.ReceivingPO) string { return p.Number }},
		{title: "Supplier", width: 130, text: func(p app.ReceivingPO) string { return p.Supplier }},
		{title: "Expected", width: 92, text: func(p app.ReceivingPO) string { return expectedText(p.Expected, r.src.Today()) },
			tone: func(p app.ReceivingPO) widget.Importance {
				if p.Expected != "" && p.Expected < r.src.Today() {
					return widget.DangerImportance
				}
				return widget.MediumImportance
			}},
		{title: "Owed", width: 48, text: func(p app.ReceivingPO) string { return strconv.Itoa(p.Owed) }},
		{title: "Status", width: 124, text: func(p app.ReceivingPO) string { return poStatusText(p.Status) }},
	}
}

func (r *receiving) content() fyne.CanvasObject { return r.root }

// refresh reloads the list and the open PO after any change to the shop's data.
func (r *receiving) refresh() {
	fyne.Do(func() {
		r.reload()
		r.form.reloadLines()
	})
}

func (r *receiving) query() app.ReceivingQuery { return app.ReceivingQuery{Search: r.search.Text} }

func (r *receiving) reload() {
	q := r.query()
	r.list.reload(
		func() (int, error) { return r.src.CountReceivingPOs(q) },
		func(offset, limit int) ([]app.ReceivingPO, error) {
			page := q
			page.Offset, page.Limit = offset, limit
			return r.src.ReceivingPOs(page)
		},
		func() {
			switch n := r.list.count; {
			case n == 0 && q.Search != "":
				r.count.SetText("No purchase order waiting for goods matches “" + q.Search + "”.")
			case n == 0:
				r.count.SetText("No purchase order is waiting for goods.")
			default:
				r.count.SetText(nouns(n, "purchase order") + " waiting for goods, the one expected first on top.")
			}
		})
}

// openOnlyMatch opens the PO when a search (a scan, typically) finds exactly one.
func (r *receiving) openOnlyMatch() {
	q := r.query()
	q.Limit = 2
	r.bg(func() {
		rows, err := r.src.ReceivingPOs(q)
		fyne.Do(func() {
			if err == nil && len(rows) == 1 {
				r.list.selectID(rows[0].ID)
				r.form.show(rows[0])
			}
		})
	})
}

// expectedText is the day a PO is expected, "3 days late" once it has passed.
func expectedText(d, today data.Day) string {
	switch {
	case d == "":
		return none
	case d < today:
		return nouns(d.DaysUntil(today), "day") + " late"
	case d == today:
		return "today"
	}
	return shortDay(d, today)
}

// inputProblems are the sentences of an app.InputError, or the error itself.
func inputProblems(err error) []string {
	var ie *app.InputError
	if errors.As(err, &ie) {
		out := make([]string, len(ie.Problems))
		for i, p := range ie.Problems {
			out[i] = p.Message
		}
		return out
	}
	return []string{err.Error()}
}
