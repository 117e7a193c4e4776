package views

import (
	"fmt"
	"strconv"

	"clockwork/app"
	"clockwork/data"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// previewRows is the preview's table of orders, one row per order of the file with what the
// import would do with it, filtered by kind. It holds the dry run's rows (a 100,000-order
// file gives 100,000 small structs); the table draws only what is on screen.
type previewRows struct {
	all    []app.ImportRow
	shown  []int // indexes into all, of the kind chosen
	format orderFormat
	filter *dialogSelect
	table  *dialogTable
	detail *widget.Label          // the whole of the chosen row's last column, which the table cuts short
	labels map[string]app.RowKind // filter choice → kind; "" for every order
}

// kindText is what the import would do with an order of a kind, as the owner reads it.
var kindText = map[app.RowKind]string{
	app.RowNew:       "new: to buy",
	app.RowHeld:      "held: not paid",
	app.RowCancelled: "new, cancelled in the shop: kept as history",
	app.RowChanged:   "changed: ",
	app.RowAlready:   "already there",
	app.RowSkipped:   "skipped: fulfilled in the shop",
	app.RowProblem:   "problem: ",
}

// kindFilter is how the filter names a kind.
var kindFilter = map[app.RowKind]string{
	app.RowNew: "New", app.RowHeld: "Held: not paid", app.RowCancelled: "Cancelled in the shop", app.RowChanged: "Changed",
	app.RowAlready: "Already there", app.RowSkipped: "Skipped: fulfilled", app.RowProblem: "Problems",
}

// whatHappens is a row's last column.
func whatHappens(r app.ImportRow) string {
	text := kindText[r.Kind]
	switch r.Kind {
	case app.RowChanged, app.RowProblem:
		text += r.Detail
	case app.RowNew, app.RowHeld, app.RowCancelled:
		if r.Detail != "" { // converted at the owner's rate
			text += "; " + r.Detail
		}
	}
	return text
}

// previewColumn is one column of the orders' preview table.
type previewColumn struct {
	title string
	width float32
	text  func(r app.ImportRow, f orderFormat) string
}

var orderPreviewColumns = []previewColumn{
	{"Line", 55, func(r app.ImportRow, _ orderFormat) string { return strconv.Itoa(r.Line) }},
	{"Order", 95, func(r app.ImportRow, _ orderFormat) string { return r.Number }},
	{"Customer", 150, func(r app.ImportRow, _ orderFormat) string { return r.Customer }},
	{"Date", 105, func(r app.ImportRow, f orderFormat) string {
		if r.PlacedAt.IsZero() {
			return ""
		}
		return shortDay(data.DayOf(r.PlacedAt, f.loc), f.today)
	}},
	{"Lines", 55, func(r app.ImportRow, _ orderFormat) string {
		if r.Lines == 0 { // a problem row the file's layout could not read
			return ""
		}
		return strconv.Itoa(r.Lines)
	}},
	{"Total", 100, func(r app.ImportRow, f orderFormat) string {
		if r.Lines == 0 {
			return ""
		}
		return r.Total.Format(firstText(r.Currency, f.currency))
	}},
	{"What will happen", 370, func(r app.ImportRow, _ orderFormat) string { return whatHappens(r) }},
}

func firstText(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

func newPreviewRows(rows []app.ImportRow, f orderFormat) *previewRows {
	p := &previewRows{all: rows, format: f, labels: map[string]app.RowKind{}}
	counts := map[app.RowKind]int{}
	for _, r := range rows {
		counts[r.Kind]++
	}
	all := fmt.Sprintf("All orders (%d)", len(rows))
	options := []string{all}
	p.labels[all] = ""
	for _, k := range app.RowKinds {
		if counts[k] > 0 {
			label := fmt.Sprintf("%s (%d)", kindFilter[k], counts[k])
			options = append(options, label)
			p.labels[label] = k
		}
	}
	p.table = newDialogTable(func() (int, int) { return len(p.shown), len(orderPreviewColumns) }, func() fyne.CanvasObject {
		l := widget.NewLabel("Samsung Galaxy Ace")
		l.Truncation = fyne.TextTruncateEllipsis
		return l
	}, p.updateCell)
	p.table.ShowHeaderRow = true
	p.table.CreateHeader = func() fyne.CanvasObject {
		return widget.NewLabelWithStyle("Customer", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	}
	p.table.UpdateHeader = func(id widget.TableCellID, o fyne.CanvasObject) {
		if id.Col >= 0 && id.Col < len(orderPreviewColumns) {
			o.(*widget.Label).SetText(orderPreviewColumns[id.Col].title)
		}
	}
	for i, c := range orderPreviewColumns {
		p.table.SetColumnWidth(i, c.width)
	}
	p.detail = widget.NewLabel("")
	p.detail.Wrapping = fyne.TextWrapWord
	p.table.OnSelected = func(id widget.TableCellID) {
		if id.Row >= 0 && id.Row < len(p.shown) {
			p.describe(p.all[p.shown[id.Row]])
		}
	}
	p.filter = newDialogSelect(options, func(label string) { p.show(p.labels[label]) })
	p.filter.SetSelected(all)
	return p
}

// show lists the rows of one kind ("" for all).
func (p *previewRows) show(k app.RowKind) {
	p.shown = p.shown[:0]
	for i, r := range p.all {
		if k == "" || r.Kind == k {
			p.shown = append(p.shown, i)
		}
	}
	p.table.UnselectAll()
	p.table.Refresh()
	p.table.ScrollToTop()
	p.detail.SetText("Click an order to read all of what will happen to it.")
	for _, n := range p.shown {
		if p.all[n].Kind == app.RowProblem {
			p.describe(p.all[n]) // the first problem, whole: what to fix first
			break
		}
	}
}

// describe shows a row's last column whole, with the order it is about.
func (p *previewRows) describe(r app.ImportRow) {
	who := fmt.Sprintf("Line %d", r.Line)
	if r.Number != "" {
		who = fmt.Sprintf("Order %s (line %d)", r.Number, r.Line)
	}
	p.detail.SetText(who + ": " + whatHappens(r))
}

func (p *previewRows) updateCell(id widget.TableCellID, o fyne.CanvasObject) {
	l := o.(*widget.Label)
	if id.Row < 0 || id.Row >= len(p.shown) || id.Col < 0 || id.Col >= len(orderPreviewColumns) {
		l.SetText("")
		return
	}
	r := p.all[p.shown[id.Row]]
	l.Importance = widget.MediumImportance
	switch r.Kind {
	case app.RowProblem:
		l.Importance = widget.DangerImportance
	case app.RowHeld, app.RowChanged:
		l.Importance = widget.WarningImportance
	case app.RowAlready, app.RowSkipped, app.RowCancelled:
		l.Importance = widget.LowImportance
	}
	l.SetText(orderPreviewColumns[id.Col].text(r, p.format))
}
