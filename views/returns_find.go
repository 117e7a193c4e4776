package views

import (
	"clockwork/app"
	"clockwork/data"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"
)

// returnOrderFinder is what "Start a return…" on the Returns screen needs: the shipped
// orders matching a number or a customer.
type returnOrderFinder interface {
	FindOrders(app.OrderQuery) (app.OrderList, error)
}

// findReturnOrder is the dialog that finds the shipped order a return is for; a tap on an
// order starts its return.
type findReturnOrder struct {
	r       *returns
	search  *dialogField
	matches []app.OrderRow
	list    *dialogPickList
	note    *widget.Label
	dlg     dialog.Dialog
}

// onStartReturn asks which shipped order comes back, by its number or the customer.
func (r *returns) onStartReturn() {
	f := &findReturnOrder{r: r, search: newDialogField(), note: widget.NewLabel("Type an order number, a customer's name or e-mail.")}
	f.note.Wrapping = fyne.TextWrapWord
	f.search.SetPlaceHolder("Order number, customer or e-mail")
	f.search.OnChanged = f.find
	f.list = newDialogPickList(func() int { return len(f.matches) },
		func() fyne.CanvasObject {
			return widget.NewLabel("#1039 · Дмитрий Иванов-Papadopoulou · shipped")
		},
		func(id widget.ListItemID, o fyne.CanvasObject) {
			if id >= 0 && id < len(f.matches) {
				m := f.matches[id]
				o.(*widget.Label).SetText(m.Number + " · " + m.Customer + " · " + statusText(m.Status))
			}
		})
	f.list.OnSelected = func(id widget.ListItemID) {
		if id >= 0 && id < len(f.matches) && r.startReturn != nil {
			m := f.matches[id]
			o := data.Order{Number: m.Number, CustomerName: m.Customer, Status: m.Status}
			o.ID = m.ID
			f.dlg.Hide()
			r.startReturn(o)
		}
	}
	f.search.OnSubmitted = func(string) { // Enter takes the first order found
		if len(f.matches) > 0 {
			f.list.Select(0)
		}
	}
	body := container.NewBorder(container.NewVBox(f.search, f.note), nil, nil, nil, f.list)
	f.dlg = dialog.NewCustom("Start a return", "Cancel", body, r.win)
	f.dlg.Resize(fyne.NewSize(560, 420))
	r.finding = f
	f.dlg.Show()
	r.win.Canvas().Focus(f.search)
}

// find lists the shipped (or partly returned) orders matching text, off the UI thread.
func (f *findReturnOrder) find(text string) {
	src, ok := f.r.src.(returnOrderFinder)
	if !ok {
		return
	}
	f.r.bg(func() {
		var rows []app.OrderRow
		var err error
		for _, st := range []data.OrderStatus{data.OrderShipped, data.OrderPartiallyReturned} {
			var list app.OrderList
			if list, err = src.FindOrders(app.OrderQuery{Search: text, Status: st, Limit: 20}); err != nil {
				break
			}
			rows = append(rows, list.Rows...)
		}
		fyne.Do(func() {
			if f.search.Text != text {
				return // a newer keystroke has its own answer coming
			}
			f.matches = rows
			f.list.UnselectAll()
			f.list.Refresh()
			switch {
			case err != nil:
				f.note.SetText("Could not search the orders: " + sentence(err))
			case len(rows) == 0:
				f.note.SetText("No shipped order matches. Only shipped orders can come back.")
			default:
				f.note.SetText("Tap the order that comes back.")
			}
		})
	})
}
