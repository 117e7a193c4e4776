package views

import (
	"fmt"
	"strconv"
	"strings"

	"clockwork/app"
	"clockwork/data"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// poDetail is the lower half of the Purchase orders screen: one PO, its lines and the
// customer orders they serve, and the actions its status allows.
type poDetail struct {
	s       *purchaseOrders
	pane    *detailPane
	po      app.PODetail
	title   *widget.Label
	facts   *widget.Label
	warn    *widget.Label
	lines   *widget.Table
	line    int // the selected line, -1 for none
	send    *widget.Button
	ack     *widget.Button
	close   *widget.Button
	cancel  *widget.Button
	pdf     *widget.Button
	mail    *widget.Button
	email   *widget.Button
	print   *widget.Button
	edit    *widget.Button
	move    *widget.Button
	remove  *widget.Button
	order   *widget.Button
	columns []tableColumn[app.POLineRow]
	// What the last dialog left, for tests and the next dialog.
	form      *poForm
	confirmed func()
	offerPick *dialogSelect
	sentPath  string
	mailto    string
	mailNote  string           // what the mail-program dialog said
	lastMail  app.POMailResult // the last PO sent by e-mail
	printing  *printDialog     // the print dialog last opened
}

func newPODetail(s *purchaseOrders) *poDetail {
	d := &poDetail{s: s, line: -1}
	d.title = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	d.facts = widget.NewLabel("")
	d.facts.Wrapping = fyne.TextWrapWord
	d.warn = widget.NewLabel("")
	d.warn.Importance = widget.DangerImportance
	d.warn.Wrapping = fyne.TextWrapWord
	d.send = widget.NewButtonWithIcon("Send…", theme.MailSendIcon(), d.onSend)
	d.send.Importance = widget.HighImportance
	d.ack = widget.NewButtonWithIcon("Acknowledge…", theme.ConfirmIcon(), d.onAck)
	d.close = widget.NewButton("Close short…", d.onCloseShort)
	d.cancel = widget.NewButtonWithIcon("Cancel PO…", theme.CancelIcon(), d.onCancel)
	d.pdf = widget.NewButtonWithIcon("PDF", theme.DocumentIcon(), d.onPDF)
	d.mail = widget.NewButtonWithIcon("E-mail supplier", theme.MailComposeIcon(), d.onMail)
	d.email = widget.NewButtonWithIcon("Send by e-mail", theme.MailSendIcon(), d.onEmail)
	d.print = widget.NewButtonWithIcon("Print…", theme.DocumentPrintIcon(), d.onPrint)
	d.edit = widget.NewButton("Change quantity or cost…", d.onEditLine)
	d.move = widget.NewButton("Buy from another supplier…", d.onMoveLine)
	d.remove = widget.NewButtonWithIcon("Remove line", theme.DeleteIcon(), d.onRemoveLine)
	d.order = widget.NewButtonWithIcon("Open order", theme.DocumentIcon(), d.onOpenOrder)
	d.columns = d.lineColumns()
	d.lines = widget.NewTable(func() (int, int) { return len(d.po.Lines), len(d.columns) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("Nordlicht Handelsgesellschaft")
			l.Truncation = fyne.TextTruncateEllipsis
			return l
		}, d.updateLine)
	d.lines.ShowHeaderRow = true
	d.lines.UpdateHeader = func(id widget.TableCellID, o fyne.CanvasObject) {
		if id.Col >= 0 && id.Col < len(d.columns) {
			o.(*widget.Label).SetText(d.columns[id.Col].title)
		}
	}
	for i, c := range d.columns {
		d.lines.SetColumnWidth(i, c.width)
	}
	d.lines.OnSelected = func(id widget.TableCellID) { d.line = id.Row; d.showButtons() }
	d.lines.OnUnselected = func(widget.TableCellID) { d.line = -1; d.showButtons() }
	actions := container.NewHBox(d.send, d.email, d.ack, d.close, d.cancel, d.pdf, d.print, d.mail)
	lineActions := container.NewHBox(d.order, d.edit, d.move, d.remove)
	head := container.NewVBox(d.title, d.facts, d.warn, actions)
	body := container.NewBorder(head, lineActions, nil, nil, d.lines)
	d.pane = newDetailPane(body, "Choose a purchase order to see its lines and the customer orders they serve.")
	return d
}

func (d *poDetail) content() fyne.CanvasObject { return d.pane.content() }

func (d *poDetail) lineColumns() []tableColumn[app.POLineRow] {
	f := d.s.format
	return []tableColumn[app.POLineRow]{
		{title: "Their SKU", width: 110, text: func(l app.POLineRow) string { return l.SupplierSKU }},
		{title: "SKU", width: 100, text: func(l app.POLineRow) string { return l.SKU }},
		{title: "Item", width: 280, text: func(l app.POLineRow) string { return l.Title }},
		{title: "Qty", width: 48, text: func(l app.POLineRow) string { return strconv.Itoa(l.Qty) }},
		{title: "Unit cost", width: 84, text: func(l app.POLineRow) string { return f.money(l.UnitCost) }},
		{title: "Line total", width: 90, text: func(l app.POLineRow) string { return f.money(l.UnitCost * data.Money(l.Qty)) }},
		{title: "For order", width: 200, text: func(l app.POLineRow) string {
			if l.OrderID == 0 {
				return "spare (pack or minimum)"
			}
			return l.OrderNumber + " · " + l.Customer
		}},
		{title: "Received", width: 90, text: func(l app.POLineRow) string {
			if l.QtyRejected > 0 {
				return fmt.Sprintf("%d, %d rejected", l.QtyAccepted, l.QtyRejected)
			}
			return strconv.Itoa(l.QtyAccepted)
		}},
	}
}

func (d *poDetail) updateLine(id widget.TableCellID, o fyne.CanvasObject) {
	l := o.(*widget.Label)
	if id.Row < 0 || id.Row >= len(d.po.Lines) || id.Col < 0 || id.Col >= len(d.columns) {
		l.SetText("")
		return
	}
	l.SetText(d.columns[id.Col].text(d.po.Lines[id.Row]))
}

// open shows the PO with this ID.
func (d *poDetail) open(id uint) {
	d.pane.open(id)
	d.line = -1
	d.lines.UnselectAll()
	d.reload()
}

// reload reads the open PO again (after a change, or when the data changed elsewhere).
func (d *poDetail) reload() {
	id := d.pane.id
	if id == 0 {
		return
	}
	d.s.bg(func() {
		po, err := d.s.src.PurchaseOrder(id)
		fyne.Do(func() {
			if !d.pane.wants(id) {
				return
			}
			if err != nil {
				d.clear()
				return
			}
			d.show(po)
		})
	})
}

func (d *poDetail) show(po app.PODetail) {
	d.po = po
	if d.line >= len(po.Lines) {
		d.line = -1
	}
	d.title.SetText(fmt.Sprintf("%s · %s · %s", po.Number, po.SupplierName, poStatusText(po.Status)))
	d.facts.SetText(d.factsText())
	d.setWarn("")
	if po.Late {
		d.setWarn(fmt.Sprintf("Late: due %s, %s ago, and not received. Chase %s.", po.Due(), nouns(po.Due().DaysUntil(d.s.src.Today()), "day"), po.SupplierName))
	}
	d.lines.Refresh()
	d.showButtons()
	d.pane.showBody()
}

// clear shows no PO: the one shown left the list, or is gone.
func (d *poDetail) clear() {
	d.po, d.line = app.PODetail{}, -1
	d.pane.clear()
	d.showButtons()
}

func (d *poDetail) factsText() string {
	po, f := d.po, d.s.format
	units := 0
	for _, l := range po.Lines {
		units += l.Qty
	}
	parts := []string{fmt.Sprintf("%s, %s, %s", nouns(len(po.Lines), "line"), nouns(units, "unit"), f.money(po.Total))}
	if po.SentAt == nil {
		parts = append(parts, "not sent yet")
	} else {
		parts = append(parts, "sent "+shortTime(*po.SentAt, d.s.src.Location(), d.s.src.Today()), "promised "+shortDay(po.PromisedDate, d.s.src.Today()))
	}
	if po.AcknowledgedAt != nil {
		parts = append(parts, "acknowledged "+shortTime(*po.AcknowledgedAt, d.s.src.Location(), d.s.src.Today()))
	}
	if po.ExpectedDate != "" {
		parts = append(parts, "expected "+shortDay(po.ExpectedDate, d.s.src.Today()))
	}
	if po.SupplierRef != "" {
		parts = append(parts, "their ref "+po.SupplierRef)
	}
	if po.Tracking != "" {
		parts = append(parts, strings.TrimSpace("tracking "+po.Carrier+" "+po.Tracking))
	}
	return strings.Join(parts, " · ")
}

// showButtons enables what the PO's status allows.
func (d *poDetail) showButtons() {
	st := d.po.Status
	draft := st == data.PODraft
	owed := st == data.POSent || st == data.POAcknowledged || st == data.POPartiallyReceived
	enable(d.send, draft && len(d.po.Lines) > 0)
	enable(d.ack, owed || st == data.POReceived)
	enable(d.close, owed)
	enable(d.cancel, draft || st == data.POSent || st == data.POAcknowledged)
	enable(d.pdf, len(d.po.Lines) > 0)
	enable(d.print, len(d.po.Lines) > 0)
	enable(d.mail, d.po.SupplierEmail != "")
	enable(d.email, len(d.po.Lines) > 0 && (draft || owed))
	chosen := d.line >= 0 && d.line < len(d.po.Lines)
	selected := draft && chosen
	serves := selected && d.po.Lines[d.line].OrderLineID != nil
	_, canFind := d.s.nav.(finder)
	enable(d.order, chosen && canFind && d.po.Lines[d.line].OrderID != 0)
	enable(d.edit, selected)
	enable(d.move, serves && d.po.Lines[d.line].ProductID != 0)
	enable(d.remove, serves)
}

func enable(b *widget.Button, on bool) {
	if on {
		b.Enable()
	} else {
		b.Disable()
	}
}

// onOpenOrder shows the customer order the chosen line serves on the Orders screen.
func (d *poDetail) onOpenOrder() {
	l, ok := d.selectedLine()
	if f, can := d.s.nav.(finder); ok && can && l.OrderNumber != "" {
		f.findOrder(l.OrderNumber)
	}
}

// selectedLine is the line the owner chose.
func (d *poDetail) selectedLine() (app.POLineRow, bool) {
	if d.line < 0 || d.line >= len(d.po.Lines) {
		return app.POLineRow{}, false
	}
	return d.po.Lines[d.line], true
}

// act runs a change off the UI thread, then shows its error or reloads the PO.
func (d *poDetail) act(work func() error, after func()) {
	d.s.bg(func() {
		err := work()
		fyne.Do(func() {
			if err != nil {
				d.setWarn(sentence(err))
				return
			}
			d.reload()
			d.s.reload()
			if after != nil {
				after()
			}
		})
	})
}

// setWarn shows a warning under the facts, or hides the line when there is none.
func (d *poDetail) setWarn(text string) {
	d.warn.SetText(text)
	if text == "" {
		d.warn.Hide()
	} else {
		d.warn.Show()
	}
}
