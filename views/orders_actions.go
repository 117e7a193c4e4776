package views

import (
	"fmt"
	"strings"

	"clockwork/app"
	"clockwork/data"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// lineColumns are the widths of an order line's cells; the title (-1) takes what is left.
var lineColumns = []float32{140, -1, 110, 110, 150}

// renderLines lists the order's lines, each with its state and what can be done about it,
// and the notes the owner must act on.
func (d *orderDetail) renderLines(det app.OrderDetail) {
	d.lines.Objects = nil
	f := &d.o.format
	for _, l := range det.Lines {
		sku := widget.NewLabel(l.SKU)
		sku.Truncation = fyne.TextTruncateEllipsis
		title := widget.NewLabel(l.Title)
		title.Truncation = fyne.TextTruncateEllipsis
		qty := widget.NewLabel(fmt.Sprintf("%d × %s", l.Qty, l.UnitPrice.Format(f.currency)))
		qty.Alignment = fyne.TextAlignTrailing
		state := widget.NewLabel(lineStateText(l))
		if l.Unknown {
			state.Importance = widget.WarningImportance
		}
		d.lines.Add(container.New(&columnsLayout{widths: lineColumns}, sku, title, qty, state, d.lineAction(l)))
	}
	d.notes.Objects = nil
	for _, l := range det.Lines {
		if l.Attention == "" {
			continue
		}
		n := widget.NewLabel(fmt.Sprintf("%s: %s", skuOrTitle(l.OrderLine), l.Attention))
		n.Importance = widget.DangerImportance
		n.Wrapping = fyne.TextWrapWord
		d.notes.Add(container.NewBorder(nil, nil, widget.NewIcon(theme.NewErrorThemedResource(theme.WarningIcon())), nil, n))
	}
	d.lines.Refresh()
	d.notes.Refresh()
}

func skuOrTitle(l data.OrderLine) string {
	if l.SKU != "" {
		return l.SKU
	}
	return l.Title
}

// lineAction is what the owner can do on one line: map an unknown SKU, or open its PO.
func (d *orderDetail) lineAction(l app.DetailLine) fyne.CanvasObject {
	switch {
	case l.Unknown:
		id, sku := l.ID, l.SKU
		b := widget.NewButtonWithIcon("Map SKU…", theme.SearchIcon(), func() { d.onMapSKU(id, sku) })
		b.Importance = widget.WarningImportance
		return b
	case l.PO != nil:
		number := l.PO.Number
		return d.poButton(*l.PO, number, func() { d.o.nav.openPO(number) })
	}
	return widget.NewLabel("")
}

// poButton opens a PO; a late one (due and not received) is marked so, in red.
func (d *orderDetail) poButton(p app.POLink, text string, open func()) *widget.Button {
	late := p.Expected() != "" && p.Expected() < d.o.format.today &&
		(p.Status == data.POSent || p.Status == data.POAcknowledged || p.Status == data.POPartiallyReceived)
	if late {
		text += " (late)"
	}
	b := widget.NewButtonWithIcon(text, theme.DocumentIcon(), open)
	if late {
		b.Importance = widget.DangerImportance
	}
	return b
}

// renderActions offers what belongs to the whole order: open its POs, cancel it.
func (d *orderDetail) renderActions(det app.OrderDetail) {
	d.actions.Objects = nil
	for _, p := range det.POs {
		number := p.Number
		d.actions.Add(d.poButton(p, "Open "+number, func() { d.o.nav.openPO(number) }))
	}
	if shippedAny(det.Order) {
		d.actions.Add(widget.NewButtonWithIcon("Start a return…", theme.MailReplyIcon(), d.onStartReturn))
	}
	if det.Order.Held && det.Order.Status == data.OrderNew {
		b := widget.NewButtonWithIcon("Release for purchase…", theme.ConfirmIcon(), d.onRelease)
		b.Importance = widget.HighImportance
		d.actions.Add(b)
	}
	if cancellable(det.Order) {
		// Not in red: the pane's most visible button should not be the one that undoes a sale.
		d.actions.Add(widget.NewButtonWithIcon("Cancel order…", theme.CancelIcon(), d.onCancel))
	}
	d.actions.Refresh()
}

// shippedAny says some of the order shipped: it can come back.
func shippedAny(o data.Order) bool {
	for _, l := range o.Lines {
		if l.State == data.LineShipped {
			return true
		}
	}
	return false
}

func cancellable(o data.Order) bool {
	if o.Status == data.OrderCancelled {
		return false
	}
	for _, l := range o.Lines {
		if l.State == data.LineShipped {
			return false
		}
	}
	return true
}

// onRelease asks, then lets purchasing buy a held order the web shop has not marked paid.
func (d *orderDetail) onRelease() {
	if d.current == nil {
		return
	}
	id, number := d.current.Order.ID, d.current.Order.Number
	msg := fmt.Sprintf("Order %s is not marked paid in the web shop, so Clockwork is not buying it.\n\n"+
		"Release it when you know it is paid (or will be): Purchase now will then buy its items.", number)
	c := dialog.NewConfirm("Release order "+number, msg, func(yes bool) {
		if yes {
			d.release(id, number)
		}
	}, d.o.win)
	c.SetConfirmText("Release")
	c.SetDismissText("Keep it held")
	c.Show()
}

func (d *orderDetail) release(id uint, number string) {
	d.o.bg(func() {
		_, err := d.o.src.ReleaseOrder(number)
		fyne.Do(func() {
			if err != nil {
				d.inform("Not released", "Order "+number+" was not released: "+sentence(err))
				return
			}
			d.o.reload()
			d.show(id)
		})
	})
}

// onCancel asks, then cancels the order and says what the owner still has to do.
func (d *orderDetail) onCancel() {
	if d.current == nil {
		return
	}
	o := d.current.Order
	msg := fmt.Sprintf("Cancel order %s for %s?\n\nItems on draft purchase orders are taken off them.\n"+
		"Items on purchase orders already sent stay there: you will have to tell the supplier.", o.Number, d.current.Customer)
	c := dialog.NewConfirm("Cancel order "+o.Number, msg, func(yes bool) {
		if yes {
			d.cancel(o.ID, o.Number)
		}
	}, d.o.win)
	c.SetConfirmText("Cancel order")
	c.SetDismissText("Keep it")
	c.Show()
}

func (d *orderDetail) cancel(id uint, number string) {
	d.o.bg(func() {
		res, err := d.o.src.CancelOrder(id)
		fyne.Do(func() {
			if err != nil {
				d.inform("Not cancelled", "Order "+number+" was not cancelled: "+sentence(err))
				return
			}
			text := "Order " + number + " is cancelled."
			if res.RemovedFromDrafts > 0 {
				text += fmt.Sprintf(" %d items were taken off draft purchase orders.", res.RemovedFromDrafts)
			}
			if len(res.TellSuppliers) > 0 {
				text += " Tell the supplier of " + strings.Join(res.TellSuppliers, ", ") + ": those items were already ordered."
			}
			if res.KeptAsStock > 0 {
				text += fmt.Sprintf(" %d units that already arrived are kept as spare stock.", res.KeptAsStock)
			}
			d.inform("Order cancelled", text)
			d.show(id)
		})
	})
}

func (d *orderDetail) inform(title, text string) {
	d.lastInfo = text
	dialog.ShowInformation(title, text, d.o.win)
}

// columnsLayout lays cells out in a row at fixed widths; a width of -1 takes what is left.
type columnsLayout struct{ widths []float32 }

func (c *columnsLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	fixed, pad := float32(0), theme.Padding()
	for _, w := range c.widths {
		if w > 0 {
			fixed += w
		}
	}
	flex := size.Width - fixed - pad*float32(len(c.widths)-1)
	x := float32(0)
	for i, o := range objs {
		w := flex
		if i < len(c.widths) && c.widths[i] > 0 {
			w = c.widths[i]
		}
		w = max(w, 0)
		o.Resize(fyne.NewSize(w, size.Height))
		o.Move(fyne.NewPos(x, 0))
		x += w + pad
	}
}

func (c *columnsLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	var w, h float32
	for i, o := range objs {
		m := o.MinSize()
		h = max(h, m.Height)
		if i < len(c.widths) && c.widths[i] > 0 {
			w += c.widths[i]
		} else {
			w += 80
		}
	}
	return fyne.NewSize(w+theme.Padding()*float32(len(objs)-1), h)
}
