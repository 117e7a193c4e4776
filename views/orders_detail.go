package views

import (
	"fmt"
	"strings"

	"clockwork/app"
	"clockwork/data"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// orderDetail is the lower pane of the Orders screen: the selected order, its JIT timeline,
// its lines with their states, notes for the owner and the actions that belong to it.
type orderDetail struct {
	o         *orders
	pane      *detailPane
	current   *app.OrderDetail
	heading   *widget.Label
	who       *widget.Label
	money     *widget.Label
	steps     *fyne.Container
	lines     *fyne.Container
	notes     *fyne.Container
	actions   *fyne.Container
	lastInfo  string    // the last message shown after an action
	mapDialog *skuEntry // the product field of the open Map SKU dialog
	returns   *fyne.Container
	returning *startReturn // the last Start a return dialog
}

func newOrderDetail(o *orders) *orderDetail {
	d := &orderDetail{o: o}
	d.heading = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	d.heading.Wrapping = fyne.TextWrapWord
	d.who = widget.NewLabel("")
	d.who.Wrapping = fyne.TextWrapWord
	d.money = widget.NewLabel("")
	d.money.Alignment = fyne.TextAlignTrailing
	d.steps = container.NewGridWithColumns(7)
	d.lines = container.NewVBox()
	d.notes = container.NewVBox()
	d.returns = container.NewVBox()
	d.actions = container.NewHBox()
	top := container.NewBorder(nil, nil, nil, d.actions, d.heading)
	info := container.NewBorder(nil, nil, nil, d.money, d.who)
	linesCard := container.NewVBox(sectionTitle("Lines"), d.lines, d.notes, d.returns)
	body := container.NewVScroll(container.NewVBox(top, info, sectionTitle("Journey"), d.steps, linesCard))
	d.pane = newDetailPane(body, "Select an order to see its journey: placed, bought, sent, confirmed, received, packed, shipped.")
	return d
}

func (d *orderDetail) content() fyne.CanvasObject { return d.pane.content() }

func sectionTitle(text string) fyne.CanvasObject {
	return widget.NewLabelWithStyle(text, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
}

// show reads an order off the UI thread and shows it.
func (d *orderDetail) show(id uint) {
	d.pane.open(id)
	d.o.bg(func() {
		det, err := d.o.src.OrderDetail(id)
		var rets []app.ReturnRow
		if err == nil {
			rets, err = d.o.src.ReturnRows(app.ListQuery{Sort: "number"}, app.ReturnFilter{OrderID: id})
		}
		fyne.Do(func() {
			if !d.pane.wants(id) {
				return // another order was picked meanwhile, or none
			}
			if err != nil {
				d.current = nil
				d.pane.message("Could not read the order: " + sentence(err))
				return
			}
			d.render(det)
			d.renderReturns(rets)
		})
	})
}

// reload shows the current order again, after a change.
func (d *orderDetail) reload() {
	if d.pane.id != 0 {
		d.show(d.pane.id)
	}
}

// clear shows no order: the one shown left the list.
func (d *orderDetail) clear() {
	d.current = nil
	d.pane.clear()
}

func (d *orderDetail) render(det app.OrderDetail) {
	d.current = &det
	o := det.Order
	f := &d.o.format
	row := app.OrderRow{Status: o.Status, ShipBy: o.ShipBy}
	head := fmt.Sprintf("Order %s · %s", o.Number, orderStatusText(o.Status, o.Held))
	if s := shipByText(row, f.today); s != "" && o.Status != data.OrderCancelled {
		head += " · ship by " + s
	}
	if o.AtRisk {
		head += " · at risk"
	}
	d.heading.SetText(head)
	who := whoText(det)
	if n := noteText(o); n != "" {
		who += "\n" + n
	}
	d.who.SetText(who)
	money := fmt.Sprintf("%s\n%s", o.Total.Format(f.currency), plural(o.Items, "item", "items"))
	if o.Shipping > 0 {
		money += " · shipping " + o.Shipping.Format(f.currency)
	}
	if o.Currency != "" && o.Currency != f.currency && o.OriginalTotal != 0 {
		money += fmt.Sprintf("\nthe customer paid %s (converted at import; the slip shows %s)", o.OriginalTotal.Format(o.Currency), o.Currency)
	}
	d.money.SetText(money)
	d.steps.Objects = nil
	next := true // the first stage not reached is what the owner looks at: it stands out
	for _, s := range det.Timeline {
		d.steps.Add(d.stepBox(s, next && !s.Done))
		next = next && s.Done
	}
	d.renderLines(det)
	d.renderActions(det)
	d.pane.showBody()
}

func whoText(det app.OrderDetail) string {
	o := det.Order
	parts := []string{det.Customer}
	if o.Email != "" {
		parts = append(parts, o.Email)
	}
	var addr []string
	for _, s := range []string{o.ShipTo.Name, o.ShipTo.Company, o.ShipTo.Address1, o.ShipTo.Address2,
		strings.TrimSpace(o.ShipTo.Zip + " " + o.ShipTo.City), o.ShipTo.Province, o.ShipTo.Country} {
		if s = strings.TrimSpace(s); s != "" && (len(addr) > 0 || s != det.Customer) {
			addr = append(addr, s)
		}
	}
	text := strings.Join(parts, " · ")
	if len(addr) > 0 {
		text += "\nShip to " + strings.Join(addr, ", ")
	}
	return text
}

func noteText(o data.Order) string {
	switch {
	case o.Note == "":
		return ""
	case o.Gift:
		return "Gift message: “" + o.Note + "”"
	}
	return "Customer note: “" + o.Note + "”"
}

// stepBox is one stage of the journey: a tick when done, its time, or what it waits for.
func (d *orderDetail) stepBox(s app.TimelineStep, next bool) fyne.CanvasObject {
	icon := widget.NewIcon(theme.RadioButtonIcon())
	switch {
	case s.Done:
		icon.SetResource(theme.NewSuccessThemedResource(theme.ConfirmIcon()))
	case s.Alert:
		icon.SetResource(theme.NewErrorThemedResource(theme.WarningIcon()))
	}
	title := widget.NewLabelWithStyle(s.Title, fyne.TextAlignLeading, fyne.TextStyle{Bold: s.Done})
	title.Truncation = fyne.TextTruncateEllipsis
	when := widget.NewLabel("")
	when.Truncation = fyne.TextTruncateEllipsis
	switch {
	case !s.At.IsZero():
		when.SetText(shortTime(s.At, d.o.format.loc, d.o.format.today))
	default:
		when.Hide() // the hollow circle says "not yet"; the note says what it waits for
	}
	note := widget.NewLabel(s.Note)
	note.Wrapping = fyne.TextWrapWord
	switch {
	case s.Alert:
		note.Importance = widget.DangerImportance
	case next:
		note.Importance = widget.MediumImportance
		title.TextStyle.Bold = true
	default:
		note.Importance = widget.LowImportance
	}
	return container.NewVBox(container.NewBorder(nil, nil, icon, nil, title), when, note)
}

// lineStateText is a line's state as the owner says it.
func lineStateText(l app.DetailLine) string {
	switch {
	case l.State == data.LineCancelled:
		return "cancelled"
	case l.Unknown:
		return "unknown SKU"
	case l.State == data.LineUnpurchased:
		return "to purchase"
	case l.State == data.LineOnDraftPO:
		return "on draft PO"
	case l.State == data.LineOrdered:
		return "ordered"
	case l.State == data.LineReceived:
		return "received"
	case l.State == data.LineShipped:
		return "shipped"
	}
	return string(l.State)
}
