package views

import (
	"fmt"
	"strings"
	"time"

	"clockwork/app"
	"clockwork/data"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// Choices as the owner reads them, in the order data lists the values.
var (
	faultChoices = []struct {
		fault data.Fault
		label string
	}{{data.FaultCustomer, "Customer"}, {data.FaultShop, "Shop"}, {data.FaultCarrier, "Carrier"}, {data.FaultSupplier, "Supplier"}, {data.FaultUnknown, "Unknown"}}
	dispositionLabels = map[data.Disposition]string{
		data.DispositionRefund: "Refund", data.DispositionReplace: "Replace (buy again)", data.DispositionReturnToSupplier: "Return to supplier",
		data.DispositionKeepAsStock: "Keep as stock", data.DispositionDiscard: "Discard",
	}
)

// returnLineRow is the widgets of one return line.
type returnLineRow struct {
	id          uint
	reason      *widget.Select
	fault       *widget.Select
	disposition *widget.Select
}

// returnDetail is the lower pane of the Returns screen: one return, its lines with reason,
// fault and disposition, and the steps requested → received → closed.
type returnDetail struct {
	r        *returns
	pane     *detailPane
	current  *app.ReturnDetail
	heading  *widget.Label
	sub      *widget.Label
	comment  *widget.Entry
	note     *widget.Entry
	lines    *fyne.Container
	rows     []returnLineRow
	save     *widget.Button
	receive  *widget.Button
	close    *widget.Button
	message  *widget.Label
	lastInfo string
}

func newReturnDetail(r *returns) *returnDetail {
	d := &returnDetail{r: r}
	d.heading = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	d.sub = widget.NewLabel("")
	d.sub.Wrapping = fyne.TextWrapWord
	d.comment = widget.NewMultiLineEntry()
	d.comment.SetPlaceHolder("The customer's own words: why it came back")
	d.comment.SetMinRowsVisible(2)
	d.comment.Wrapping = fyne.TextWrapWord
	d.note = widget.NewMultiLineEntry()
	d.note.SetPlaceHolder("Internal note (only the shop sees it)")
	d.note.SetMinRowsVisible(2)
	d.note.Wrapping = fyne.TextWrapWord
	d.lines = container.NewVBox()
	d.save = widget.NewButtonWithIcon("Save", theme.DocumentSaveIcon(), d.onSave)
	d.receive = widget.NewButtonWithIcon("Mark received", theme.DownloadIcon(), d.onReceive)
	d.close = widget.NewButtonWithIcon("Close return", theme.ConfirmIcon(), d.onClose)
	d.close.Importance = widget.HighImportance
	d.message = widget.NewLabel("")
	d.message.Wrapping = fyne.TextWrapWord
	d.message.Hide()
	top := container.NewBorder(nil, nil, nil, container.NewHBox(d.save, d.receive, d.close), d.heading)
	texts := container.NewGridWithColumns(2, container.NewBorder(lowLabel("The customer's words"), nil, nil, nil, d.comment),
		container.NewBorder(lowLabel("Internal note"), nil, nil, nil, d.note))
	body := container.NewVScroll(container.NewVBox(top, d.sub, d.message, sectionTitle("Items coming back"), d.lines, texts))
	d.pane = newDetailPane(body, "Select a return to set why it came back, whose fault it was and what happens to the goods.")
	return d
}

func (d *returnDetail) content() fyne.CanvasObject { return d.pane.content() }

func (d *returnDetail) show(id uint) {
	if !d.pane.wants(id) {
		d.say("")
	}
	d.pane.open(id)
	d.r.bg(func() {
		det, err := d.r.src.ReturnDetail(id)
		fyne.Do(func() {
			if !d.pane.wants(id) {
				return
			}
			if err != nil {
				d.current = nil
				d.pane.message("Could not read the return: " + sentence(err))
				return
			}
			d.render(det)
		})
	})
}

func (d *returnDetail) reload() {
	if d.pane.id != 0 {
		d.show(d.pane.id)
	}
}

// clear shows no return: the one shown left the list.
func (d *returnDetail) clear() {
	d.current = nil
	d.pane.clear()
}

func (d *returnDetail) render(det app.ReturnDetail) {
	d.current = &det
	loc := d.r.src.Location()
	d.heading.SetText(fmt.Sprintf("%s · %s · order %s · %s", det.Number, returnStatusText(app.ReturnRow{Status: det.Status}), det.OrderNumber, det.Customer))
	today := d.r.src.Today()
	steps := []string{"opened " + shortTime(det.OpenedAt, loc, today)}
	if det.ReceivedAt != nil {
		steps = append(steps, "received "+shortTime(*det.ReceivedAt, loc, today))
	}
	if det.ClosedAt != nil {
		steps = append(steps, "closed "+shortTime(*det.ClosedAt, loc, today))
	}
	d.sub.SetText(strings.Join(steps, " · ") + "\n" + nextStep(det))
	d.comment.SetText(det.CustomerComment)
	d.note.SetText(det.InternalNote)
	closed := det.Status == data.ReturnClosed
	d.lines.Objects, d.rows = nil, nil
	for _, l := range det.Lines {
		d.lines.Add(d.lineRow(l, closed))
	}
	d.lines.Refresh()
	for _, w := range []fyne.Disableable{d.save, d.comment, d.note, d.close} {
		toggleEnabled(w, !closed)
	}
	toggleEnabled(d.receive, det.Status == data.ReturnRequested)
	// The button for the next step stands out: receive while waiting, then close.
	d.receive.Importance, d.close.Importance = widget.MediumImportance, widget.HighImportance
	if det.Status == data.ReturnRequested {
		d.receive.Importance, d.close.Importance = widget.HighImportance, widget.MediumImportance
	}
	d.receive.Refresh()
	d.close.Refresh()
	d.pane.showBody()
}

// nextStep says what the owner does next with the return.
func nextStep(det app.ReturnDetail) string {
	switch det.Status {
	case data.ReturnRequested:
		return "Waiting for the goods: mark them received when the parcel arrives, then choose what happens to each item and close the return."
	case data.ReturnReceived:
		return "The goods are here: choose what happens to each item, then close the return to carry it out."
	}
	done := []string{"Closed: what was decided has been done."}
	for _, l := range det.Lines {
		if l.Replacement != "" {
			done = append(done, fmt.Sprintf("The replacement of %s is %s.", l.SKU, strings.ReplaceAll(string(l.Replacement), "_", " ")))
		}
	}
	return strings.Join(done, " ")
}

func toggleEnabled(w fyne.Disableable, on bool) {
	if on {
		w.Enable()
	} else {
		w.Disable()
	}
}

// returnLineColumns are the widths of a return line's cells; the item (-1) takes the rest.
var returnLineColumns = []float32{-1, 200, 170, 110, 190}

func (d *returnDetail) lineRow(l app.ReturnDetailLine, closed bool) fyne.CanvasObject {
	item := widget.NewLabel(fmt.Sprintf("%d × %s  %s", l.Qty, l.SKU, l.Title))
	item.Truncation = fyne.TextTruncateEllipsis
	from := "not bought through a PO"
	if l.Supplier != "" {
		from = l.Supplier + " · " + l.PONumber
	}
	source := widget.NewLabel(from)
	source.Truncation = fyne.TextTruncateEllipsis
	row := returnLineRow{id: l.ID}
	row.fault = widget.NewSelect(faultLabels(), nil)
	row.fault.SetSelected(faultLabel(l.Fault))
	row.reason = widget.NewSelect(reasonLabels(), func(s string) {
		// The fault follows the reason until the owner says otherwise.
		row.fault.SetSelected(faultLabel(data.DefaultFault(reasonOf(s))))
	})
	row.reason.SetSelected(app.ReasonLabel(l.Reason))
	row.fault.SetSelected(faultLabel(l.Fault)) // the stored fault wins over the reason's default
	row.disposition = widget.NewSelect(dispositionOptions(), nil)
	row.disposition.PlaceHolder = "What happens?"
	if l.Disposition != "" {
		row.disposition.SetSelected(dispositionLabels[l.Disposition])
	}
	for _, s := range []*widget.Select{row.reason, row.fault, row.disposition} {
		toggleEnabled(s, !closed)
	}
	d.rows = append(d.rows, row)
	return container.New(&columnsLayout{widths: returnLineColumns}, item, source, row.reason, row.fault, row.disposition)
}

func reasonLabels() []string {
	out := make([]string, len(data.ReturnReasons))
	for i, rf := range data.ReturnReasons {
		out[i] = app.ReasonLabel(rf.Reason)
	}
	return out
}

func reasonOf(label string) data.ReturnReason {
	for _, rf := range data.ReturnReasons {
		if app.ReasonLabel(rf.Reason) == label {
			return rf.Reason
		}
	}
	return ""
}

func faultLabels() []string {
	out := make([]string, len(faultChoices))
	for i, f := range faultChoices {
		out[i] = f.label
	}
	return out
}

func faultLabel(f data.Fault) string {
	for _, c := range faultChoices {
		if c.fault == f {
			return c.label
		}
	}
	return string(f)
}

func faultOf(label string) data.Fault {
	for _, c := range faultChoices {
		if c.label == label {
			return c.fault
		}
	}
	return ""
}

func dispositionOptions() []string {
	out := make([]string, len(data.Dispositions))
	for i, x := range data.Dispositions {
		out[i] = dispositionLabels[x]
	}
	return out
}

func dispositionOf(label string) data.Disposition {
	for x, l := range dispositionLabels {
		if l == label {
			return x
		}
	}
	return ""
}

// say shows how the last action went; an empty message takes no room.
func (d *returnDetail) say(text string) {
	d.message.SetText(text)
	if text == "" {
		d.message.Hide()
	} else {
		d.message.Show()
	}
}

// edit is the return as the pane shows it now.
func (d *returnDetail) edit() app.ReturnEdit {
	e := app.ReturnEdit{ID: d.current.ID, Comment: d.comment.Text, Note: d.note.Text}
	for _, r := range d.rows {
		e.Lines = append(e.Lines, app.ReturnLineEdit{ID: r.id, Reason: reasonOf(r.reason.Selected),
			Fault: faultOf(r.fault.Selected), Disposition: dispositionOf(r.disposition.Selected)})
	}
	return e
}

func (d *returnDetail) onSave() {
	d.act(func(src returnsSource, id uint) (string, error) { return "Saved.", nil })
}

func (d *returnDetail) onReceive() {
	d.act(func(src returnsSource, id uint) (string, error) {
		return "The goods are back. Choose what happens to each item, then close the return.", src.ReceiveReturn(id, time.Time{})
	})
}

// onClose asks first: closing carries out every item's disposition and cannot be undone.
func (d *returnDetail) onClose() {
	if d.current == nil {
		return
	}
	c := dialog.NewConfirm("Close "+d.current.Number+"?", "Closing carries out what you chose for each item: refunds, "+
		"replacements to buy, stock kept, claims on suppliers. A closed return cannot be opened again.", func(yes bool) {
		if yes {
			d.act(func(src returnsSource, id uint) (string, error) {
				res, err := src.CloseReturn(id)
				return closedText(res), err
			})
		}
	}, d.r.win)
	c.SetConfirmText("Close return")
	c.SetDismissText("Not yet")
	c.Show()
}

// act saves the pane's edits, then does what the button asks, off the UI thread, and says
// how it went.
func (d *returnDetail) act(then func(src returnsSource, id uint) (string, error)) {
	if d.current == nil {
		return
	}
	e, id := d.edit(), d.current.ID
	d.r.bg(func() {
		err := d.r.src.UpdateReturn(e)
		text := ""
		if err == nil {
			text, err = then(d.r.src, id)
		}
		fyne.Do(func() {
			if err != nil {
				text = "Not done: " + sentence(err)
				d.message.Importance = widget.DangerImportance
			} else {
				d.message.Importance = widget.SuccessImportance
			}
			d.lastInfo = text
			d.r.reload()
			d.show(id)
			d.say(text)
		})
	})
}

// closedText says what closing did with the goods.
func closedText(res app.CloseResult) string {
	parts := []string{"Closed."}
	if n := len(res.Replacements); n > 0 {
		parts = append(parts, plural(n, "replacement goes", "replacements go")+" through purchasing again (Orders: To purchase).")
	}
	if res.KeptAsStock > 0 {
		parts = append(parts, plural(res.KeptAsStock, "unit is", "units are")+" kept as stock for the next order.")
	}
	if len(res.SupplierIssue) > 0 {
		parts = append(parts, "The claim is logged on "+strings.Join(res.SupplierIssue, ", ")+".")
	}
	return strings.Join(parts, " ")
}
