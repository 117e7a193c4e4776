package views

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"clockwork/app"
	"clockwork/data"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// Entry modes of a delivery: per SKU, as the supplier's boxes hold them (filled oldest order
// first), or per PO line, one customer's line at a time.
const (
	perSKU  = "Per SKU (what is in the box)"
	perLine = "Per order line"
)

// receiveRow is one row of the delivery form: a SKU with its lines, or one PO line.
type receiveRow struct {
	sku, supplierSKU string
	lineID           uint // per-line mode only
	acc, rej         *widget.Entry
	reason           *widget.Select
}

// receiveForm is the right side of the Receiving screen: one PO's delivery.
type receiveForm struct {
	r       *receiving
	po      app.ReceivingPO
	lines   []app.ReceivingLine
	rows    []*receiveRow
	heading *widget.Label
	sub     *widget.Label
	date    *dayField
	mode    *widget.RadioGroup
	scan    *widget.Entry
	grid    *fyne.Container
	problem *widget.Label
	result  *widget.Label
	toPack  *widget.Button
	confirm *widget.Button // "Receive anyway": shown when a delivery is far beyond what was ordered
	forced  func()
	all     *widget.Button
	save    *widget.Button
	pane    *detailPane
}

func newReceiveForm(r *receiving) *receiveForm {
	f := &receiveForm{r: r}
	f.heading = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	f.sub = widget.NewLabel("")
	f.date = newDayField()
	f.mode = widget.NewRadioGroup([]string{perSKU, perLine}, func(string) { f.render() })
	f.mode.Horizontal = true
	f.mode.Selected = perSKU
	f.scan = widget.NewEntry()
	f.scan.SetPlaceHolder("Scan or type a SKU: each scan counts one unit accepted")
	f.scan.OnSubmitted = f.onScan
	f.grid = container.NewVBox()
	f.problem = widget.NewLabel("")
	f.problem.Importance = widget.DangerImportance
	f.problem.Wrapping = fyne.TextWrapWord
	f.result = widget.NewLabel("")
	f.result.Wrapping = fyne.TextWrapWord
	f.result.Importance = widget.SuccessImportance
	f.toPack = widget.NewButtonWithIcon("Pack & ship", theme.MailSendIcon(), func() { r.nav.navigate(screenPack) })
	f.toPack.Hide()
	f.confirm = widget.NewButtonWithIcon("Receive anyway", theme.ConfirmIcon(), func() {
		if f.forced != nil {
			f.forced()
		}
	})
	f.confirm.Importance = widget.WarningImportance
	f.confirm.Hide()
	f.all = widget.NewButtonWithIcon("All arrived as ordered", theme.ConfirmIcon(), f.onAll)
	f.save = widget.NewButtonWithIcon("Save receipt", theme.DocumentSaveIcon(), f.onSave)
	f.save.Importance = widget.HighImportance
	top := container.NewVBox(f.heading, f.sub,
		container.NewBorder(nil, nil, widget.NewLabel("Arrived on"), nil, f.date), f.mode, f.scan)
	bottom := container.NewVBox(f.problem, container.NewHBox(f.confirm), container.NewHBox(f.all, layout.NewSpacer(), f.save), f.result, container.NewHBox(f.toPack))
	body := container.NewBorder(top, bottom, nil, nil, container.NewVScroll(f.grid))
	hint := widget.NewLabel("Choose a purchase order on the left, or scan a SKU from the supplier's box into the search.")
	hint.Wrapping = fyne.TextWrapWord
	f.pane = newDetailPaneWith(body, container.NewVBox(hint, f.result, container.NewHBox(f.toPack)))
	return f
}

func (f *receiveForm) content() fyne.CanvasObject { return f.pane.content() }

// leave clears the form when a search takes its PO out of the list, unless counts are typed
// into it (those stay until saved); a PO just received in full has cleared it already.
func (f *receiveForm) leave() {
	if f.po.ID == 0 || f.typed() {
		return
	}
	f.po, f.lines, f.rows = app.ReceivingPO{}, nil, nil
	f.result.SetText("")
	f.toPack.Hide()
	f.pane.clear()
}

// typed says whether any count has been typed into the form.
func (f *receiveForm) typed() bool {
	for _, r := range f.rows {
		if strings.TrimSpace(r.acc.Text) != "" || strings.TrimSpace(r.rej.Text) != "" {
			return true
		}
	}
	return false
}

// show opens a PO's delivery form.
func (f *receiveForm) show(po app.ReceivingPO) {
	f.po = po
	f.heading.SetText(po.Number + " · " + po.Supplier)
	sent := none
	if po.SentAt != nil {
		sent = shortTime(*po.SentAt, f.r.src.Location(), f.r.src.Today())
	}
	f.sub.SetText(fmt.Sprintf("Sent %s · expected %s · %s still owed", sent, expectedText(po.Expected, f.r.src.Today()), nouns(po.Owed, "unit")))
	f.date.setDay(f.r.src.Today())
	f.problem.SetText("")
	f.confirm.Hide()
	f.pane.open(po.ID)
	f.pane.showBody()
	f.reloadLines()
}

// reloadLines reads the open PO's lines again and rebuilds the form.
func (f *receiveForm) reloadLines() {
	id := f.po.ID
	if id == 0 {
		return
	}
	f.r.bg(func() {
		lines, err := f.r.src.ReceivingLines(id)
		fyne.Do(func() {
			if id != f.po.ID {
				return
			}
			if err != nil {
				f.problem.SetText("Could not read the lines: " + err.Error())
				return
			}
			f.lines = lines
			f.render()
		})
	})
}

// render builds a row per SKU or per line, with what is still owed to start from empty.
func (f *receiveForm) render() {
	f.rows = nil
	header := f.gridRow(widget.NewLabelWithStyle("SKU · supplier SKU", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		widget.NewLabelWithStyle("Owed", fyne.TextAlignTrailing, fyne.TextStyle{Bold: true}),
		widget.NewLabelWithStyle("Accepted", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		widget.NewLabelWithStyle("Rejected", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		widget.NewLabelWithStyle("Why rejected", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
	objs := []fyne.CanvasObject{header}
	index := map[string]int{}
	owed := []int{}
	what := []string{}
	for _, l := range f.lines {
		if f.mode.Selected == perSKU {
			if i, ok := index[l.SKU]; ok {
				owed[i] += l.Owed()
				continue
			}
			index[l.SKU] = len(f.rows)
			f.rows = append(f.rows, f.newRow(l, 0))
			owed = append(owed, l.Owed())
			what = append(what, l.SKU+" · "+l.SupplierSKU)
			continue
		}
		f.rows = append(f.rows, f.newRow(l, l.POLineID))
		owed = append(owed, l.Owed())
		order := l.OrderNumber
		if order == "" {
			order = "spare stock"
		}
		what = append(what, l.SKU+" · for "+order)
	}
	done := 0
	for i, row := range f.rows {
		if owed[i] == 0 {
			done++ // received in full already: nothing to enter
			continue
		}
		label := widget.NewLabel(what[i])
		label.Truncation = fyne.TextTruncateEllipsis
		objs = append(objs, f.gridRow(label, widget.NewLabelWithStyle(strconv.Itoa(owed[i]), fyne.TextAlignTrailing, fyne.TextStyle{}),
			row.acc, row.rej, row.reason))
	}
	if done > 0 {
		unit := "SKU"
		if f.mode.Selected == perLine {
			unit = "line"
		}
		note := widget.NewLabel(nouns(done, unit) + " received in full already.")
		note.Importance = widget.LowImportance
		objs = append(objs, note)
	}
	f.grid.Objects = objs
	f.grid.Refresh()
}

func (f *receiveForm) newRow(l app.ReceivingLine, lineID uint) *receiveRow {
	row := &receiveRow{sku: l.SKU, supplierSKU: l.SupplierSKU, lineID: lineID, acc: widget.NewEntry(), rej: widget.NewEntry()}
	row.acc.SetPlaceHolder("0")
	row.rej.SetPlaceHolder("0")
	var reasons []string
	for _, r := range data.RejectReasons {
		reasons = append(reasons, strings.ReplaceAll(string(r), "_", " "))
	}
	row.reason = widget.NewSelect(reasons, nil)
	row.reason.PlaceHolder = "—"
	return row
}

func (f *receiveForm) gridRow(objs ...fyne.CanvasObject) fyne.CanvasObject {
	return container.New(&columnsLayout{widths: []float32{170, 44, 70, 70, 120}}, objs...)
}

// onScan counts one unit accepted on the row whose SKU or supplier SKU was scanned.
func (f *receiveForm) onScan(code string) {
	code = strings.TrimSpace(code)
	f.scan.SetText("")
	for _, row := range f.rows {
		if strings.EqualFold(row.sku, code) || strings.EqualFold(row.supplierSKU, code) {
			n, _ := strconv.Atoi(strings.TrimSpace(row.acc.Text))
			row.acc.SetText(strconv.Itoa(n + 1))
			f.problem.SetText("")
			return
		}
	}
	f.problem.SetText(fmt.Sprintf("%q is not on %s.", code, f.po.Number))
}

// arrivedAt reads the date: now when it is today, else that day's start.
func (f *receiveForm) arrivedAt() (time.Time, error) {
	d, err := f.date.day("arrived on")
	switch {
	case err != nil:
		return time.Time{}, err
	case d == "":
		return time.Time{}, fmt.Errorf("say which day the goods arrived on")
	}
	if d > f.r.src.Today() {
		return time.Time{}, fmt.Errorf("arrived on %s is in the future", d)
	}
	return f.r.src.TimeOn(d), nil
}

func (f *receiveForm) onAll() {
	at, err := f.arrivedAt()
	if err != nil {
		f.problem.SetText(err.Error())
		return
	}
	id := f.po.ID
	f.run(func() (app.ReceiveResult, error) { return f.r.src.ReceiveAll(id, at) })
}

func (f *receiveForm) onSave() {
	at, err := f.arrivedAt()
	if err != nil {
		f.problem.SetText(err.Error())
		return
	}
	var bad []string
	number := func(e *widget.Entry, what, sku string) int {
		t := strings.TrimSpace(e.Text)
		if t == "" {
			return 0
		}
		n, err := strconv.Atoi(t)
		if err != nil {
			bad = append(bad, fmt.Sprintf("%s of %s: %q is not a whole number", what, sku, t))
		}
		return n
	}
	reason := func(s *widget.Select) data.RejectReason {
		return data.RejectReason(strings.ReplaceAll(s.Selected, " ", "_"))
	}
	bySKU := app.ReceiveBySKUInput{At: at}
	byLine := app.ReceiveInput{At: at}
	for _, row := range f.rows {
		acc, rej := number(row.acc, "Accepted", row.sku), number(row.rej, "Rejected", row.sku)
		if acc == 0 && rej == 0 {
			continue
		}
		if row.lineID == 0 {
			bySKU.SKUs = append(bySKU.SKUs, app.SKUDelivery{SKU: row.sku, Accepted: acc, Rejected: rej, Reason: reason(row.reason)})
		} else {
			byLine.Lines = append(byLine.Lines, app.ReceiveLine{POLineID: row.lineID, Accepted: acc, Rejected: rej, Reason: reason(row.reason)})
		}
	}
	if len(bad) > 0 {
		f.problem.SetText(strings.Join(bad, "\n"))
		return
	}
	id, perLines := f.po.ID, f.mode.Selected == perLine
	save := func(force bool) func() (app.ReceiveResult, error) {
		return func() (app.ReceiveResult, error) {
			if perLines {
				byLine.Force = force
				return f.r.src.Receive(id, byLine)
			}
			bySKU.Force = force
			return f.r.src.ReceiveBySKU(id, bySKU)
		}
	}
	f.forced = func() { f.run(save(true)) }
	f.run(save(false))
}

// run saves off the UI thread and says plainly what changed.
func (f *receiveForm) run(save func() (app.ReceiveResult, error)) {
	f.save.Disable()
	f.all.Disable()
	f.r.bg(func() {
		res, err := save()
		fyne.Do(func() {
			f.save.Enable()
			f.all.Enable()
			f.confirm.Hide()
			if err != nil {
				f.problem.SetText(strings.Join(inputProblems(err), "\n"))
				var ie *app.InputError
				if errors.As(err, &ie) && ie.Confirm {
					f.problem.SetText(f.problem.Text + "\nCount again; if that many really arrived, press Receive anyway.")
					f.confirm.Show()
				}
				return
			}
			f.problem.SetText("")
			f.result.SetText(res.PONumber + ": " + res.String())
			if len(res.Ready) > 0 {
				f.toPack.Show()
			} else {
				f.toPack.Hide()
			}
			if len(res.StillOwed) == 0 {
				f.po = app.ReceivingPO{}
				f.pane.clear()
			}
		})
	})
}
