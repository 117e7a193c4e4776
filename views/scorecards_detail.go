package views

import (
	"fmt"
	"strings"
	"time"

	"clockwork/app"
	"clockwork/data"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
)

// scoreDetail is the drill-down of one supplier's scorecard: what the score is made of, the
// monthly trend, and the rows behind the bad numbers.
type scoreDetail struct {
	showing    uint       // supplier ID shown; 0: none
	period     app.Period // the period shown
	title      *widget.Label
	criteria   *widget.Label
	chart      *otifChart
	missed     *listTable
	rejections *listTable
	returns    *listTable
	contacts   *listTable
	tabs       *container.AppTabs
	body       *fyne.Container
	empty      fyne.CanvasObject
}

// Tab titles of the drill-down.
const (
	tabTrend      = "Monthly OTIF"
	tabMissed     = "Late & short lines"
	tabRejections = "Rejections"
	tabReturns    = "Supplier-fault returns"
	tabContacts   = "Contact log"
)

func newScoreDetail() *scoreDetail {
	d := &scoreDetail{}
	d.title = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	d.title.Wrapping = fyne.TextWrapWord
	d.criteria = widget.NewLabel("")
	d.criteria.Wrapping = fyne.TextWrapWord
	d.criteria.Importance = widget.LowImportance
	d.chart = newOTIFChart()
	d.missed = newListTable([]listColumn{{"PO", 100, false}, {"SKU", 120, false}, {"Qty", 50, true}, {"Promised", 100, false},
		{"First delivery", 110, false}, {"Complete", 100, false}, {"By promised", 112, true}, {"By period end", 124, true}, {"Days late", 80, true}})
	d.rejections = newListTable([]listColumn{{"Received", 100, false}, {"PO", 100, false}, {"SKU", 120, false}, {"Rejected", 80, true}, {"Reason", 140, false}})
	d.returns = newListTable([]listColumn{{"Opened", 100, false}, {"RMA", 90, false}, {"Order", 90, false}, {"PO", 100, false},
		{"SKU", 120, false}, {"Qty", 50, true}, {"Reason", 140, false}})
	d.contacts = newListTable([]listColumn{{"When", 140, false}, {"What", 110, false}, {"Channel", 80, false}, {"PO", 100, false}, {"Note", 420, false}})
	d.tabs = container.NewAppTabs(
		container.NewTabItem(tabTrend, d.chart),
		container.NewTabItem(tabMissed, d.missed.box),
		container.NewTabItem(tabRejections, d.rejections.box),
		container.NewTabItem(tabReturns, d.returns.box),
		container.NewTabItem(tabContacts, d.contacts.box),
	)
	hint := widget.NewLabel("Select a supplier to see its monthly trend, its late and short lines, rejections, returns and contact log.")
	hint.Importance = widget.LowImportance
	hint.Wrapping = fyne.TextWrapWord
	d.empty = container.NewPadded(hint)
	d.body = container.NewStack(d.empty)
	return d
}

func (d *scoreDetail) content() fyne.CanvasObject { return d.body }

func (d *scoreDetail) clear() {
	d.showing = 0
	d.body.Objects = []fyne.CanvasObject{d.empty}
	d.body.Refresh()
}

// loading shows the supplier's name while its drill-down is read.
func (d *scoreDetail) loading(c app.Scorecard) {
	d.title.SetText(c.Supplier + " — loading…")
	d.criteria.SetText("")
	d.setBody()
}

func (d *scoreDetail) setBody() {
	full := container.NewBorder(container.NewVBox(d.title, d.criteria), nil, nil, nil, d.tabs)
	d.body.Objects = []fyne.CanvasObject{full}
	d.body.Refresh()
}

// show fills the drill-down of supplier sd over period p.
func (d *scoreDetail) show(p app.Period, sd app.ScorecardDetail, loc *time.Location, today data.Day, err error) {
	if err != nil {
		d.title.SetText("Could not read the details: " + err.Error())
		return
	}
	c := sd.Card
	d.showing, d.period = c.SupplierID, p
	d.title.SetText(fmt.Sprintf("%s — %s, score %s · on time in full %s of %d lines (95%% range %s)",
		c.Supplier, c.Standing.Label(), numText(c.Score, 1), pctText(c.OTIFPct), c.LinesDue, ciText(c)))
	var parts []string
	for _, cr := range sd.Criteria {
		parts = append(parts, fmt.Sprintf("%s %s (weight %d)", cr.Name, numText(cr.Score, 0), cr.Weight))
	}
	d.criteria.SetText("Score = weighted mean of: " + strings.Join(parts, " · ") + ". A criterion without data (—) is left out.")
	d.chart.set(sd.Months, sd.Trend)
	d.missed.set(missedRows(sd.Missed, p, today), more(len(sd.Missed), c.LinesDue-c.OTIFLines))
	d.rejections.set(rejectionRows(sd.Rejections, today), more(len(sd.Rejections), -1))
	d.returns.set(returnRows(sd.Returns, today), more(len(sd.Returns), -1))
	d.contacts.set(contactRows(sd.Contacts, loc, today), more(len(sd.Contacts), -1))
	d.tabs.Items[1].Text = fmt.Sprintf("%s (%d)", tabMissed, c.LinesDue-c.OTIFLines)
	d.tabs.Items[2].Text = fmt.Sprintf("%s (%s)", tabRejections, count(len(sd.Rejections)))
	d.tabs.Items[3].Text = fmt.Sprintf("%s (%s)", tabReturns, count(len(sd.Returns)))
	d.tabs.Items[4].Text = fmt.Sprintf("%s (%s)", tabContacts, count(len(sd.Contacts)))
	d.tabs.Refresh()
}

// count is a list's length as a tab shows it: "200+" when it stopped at the limit.
func count(n int) string {
	if n >= detailLimit {
		return fmt.Sprintf("%d+", n)
	}
	return fmt.Sprint(n)
}

// more says how many rows a list left out (total < 0: unknown, only whether it hit the
// limit). Only the lines due are all in the Excel export.
func more(shown, total int) string {
	switch {
	case total > shown:
		return fmt.Sprintf("The latest %d of %d; the Excel export lists them all.", shown, total)
	case total < 0 && shown >= detailLimit:
		return fmt.Sprintf("The latest %d.", shown)
	}
	return ""
}

func missedRows(ls []app.ScorecardLine, p app.Period, today data.Day) [][]string {
	rows := make([][]string, 0, len(ls))
	for _, l := range ls {
		rows = append(rows, []string{l.PONumber, l.SKU, fmt.Sprint(l.Qty), shortDay(l.PromisedDay, today),
			shortDay(l.FirstReceiptDay, today), shortDay(l.CompleteDay, today),
			fmt.Sprint(l.AcceptedByPromised), fmt.Sprint(l.AcceptedByEnd), fmt.Sprint(l.DaysLate(p))})
	}
	return rows
}

func rejectionRows(rs []app.Rejection, today data.Day) [][]string {
	rows := make([][]string, 0, len(rs))
	for _, r := range rs {
		rows = append(rows, []string{shortDay(r.Day, today), r.PONumber, r.SKU, fmt.Sprint(r.Rejected), words(string(r.Reason))})
	}
	return rows
}

func returnRows(rs []app.SupplierReturn, today data.Day) [][]string {
	rows := make([][]string, 0, len(rs))
	for _, r := range rs {
		rows = append(rows, []string{shortDay(r.Day, today), r.RMA, r.OrderNumber, r.PONumber, r.SKU, fmt.Sprint(r.Qty), words(string(r.Reason))})
	}
	return rows
}

// contactRows lists the contact log with times in the shop's time zone.
func contactRows(cs []app.Contact, loc *time.Location, today data.Day) [][]string {
	rows := make([][]string, 0, len(cs))
	for _, c := range cs {
		rows = append(rows, []string{shortTime(c.At, loc, today), words(string(c.Kind)), c.Channel, c.PONumber, c.Text})
	}
	return rows
}

// words turns a code like "wrong_item_sent" into "wrong item sent".
func words(code string) string {
	if code == "" {
		return none
	}
	return strings.ReplaceAll(code, "_", " ")
}

// listColumn is one column of a small drill-down table.
type listColumn struct {
	title   string
	width   float32
	numeric bool
}

// listTable is a small table of pre-formatted rows (at most detailLimit) with a header row,
// and a note above it when rows were left out or there are none.
type listTable struct {
	cols  []listColumn
	rows  [][]string
	note  *widget.Label
	table *widget.Table
	box   fyne.CanvasObject
}

func newListTable(cols []listColumn) *listTable {
	l := &listTable{cols: cols, note: widget.NewLabel("")}
	l.note.Importance = widget.LowImportance
	l.table = widget.NewTable(
		func() (int, int) { return len(l.rows), len(l.cols) },
		func() fyne.CanvasObject { return widget.NewLabel("PO-000000") },
		func(id widget.TableCellID, o fyne.CanvasObject) {
			label := o.(*widget.Label)
			if id.Row < 0 || id.Row >= len(l.rows) || id.Col < 0 || id.Col >= len(l.cols) {
				label.SetText("")
				return
			}
			label.Alignment = fyne.TextAlignLeading
			if l.cols[id.Col].numeric {
				label.Alignment = fyne.TextAlignTrailing
			}
			label.SetText(l.rows[id.Row][id.Col])
		},
	)
	l.table.ShowHeaderRow = true
	l.table.CreateHeader = func() fyne.CanvasObject {
		return widget.NewLabelWithStyle("First delivery", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	}
	l.table.UpdateHeader = func(id widget.TableCellID, o fyne.CanvasObject) {
		label := o.(*widget.Label)
		if id.Col < 0 || id.Col >= len(l.cols) {
			label.SetText("")
			return
		}
		label.SetText(l.cols[id.Col].title)
	}
	for i, c := range cols {
		l.table.SetColumnWidth(i, c.width)
	}
	l.box = container.NewBorder(l.note, nil, nil, nil, l.table)
	return l
}

// set shows rows; note (may be "") says what was left out.
func (l *listTable) set(rows [][]string, note string) {
	if len(rows) == 0 {
		note = "Nothing in this period."
	}
	l.note.SetText(note)
	l.note.Hidden = note == ""
	l.rows = rows
	l.table.ScrollToTop()
	l.table.Refresh()
	l.box.Refresh()
}
