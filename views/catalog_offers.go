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

// offersPanel shows a product's offers side by side, and adds, edits, prefers and
// withdraws them.
type offersPanel struct {
	src      catalogSource
	win      fyne.Window
	bg       runner
	format   *shopFormat
	product  data.Product
	offers   []app.OfferLine
	table    *pagedTable[app.OfferLine]
	selected uint
	add      *widget.Button
	edit     *widget.Button
	prefer   *widget.Button
	withdraw *widget.Button
	note     *widget.Label
	form     *offerForm // the open offer dialog's form, nil when closed
	dlg      dialog.Dialog
	root     fyne.CanvasObject
}

func newOffersPanel(src catalogSource, win fyne.Window, bg runner, format *shopFormat) *offersPanel {
	p := &offersPanel{src: src, win: win, bg: bg, format: format}
	p.table = newPagedTable(pickColumns(offerColumns(format), "supplier", "supplier sku", "cost", "margin", "pack", "min", "lead", "stock", "priority", "valid"),
		bg, func(o app.OfferLine) uint { return o.ID })
	p.table.onSelect = func(o app.OfferLine) { p.selected = o.ID; p.showButtons() }
	p.add = widget.NewButtonWithIcon("Add offer…", theme.ContentAddIcon(), func() { p.openForm(data.Offer{ProductID: p.product.ID}) })
	p.edit = widget.NewButtonWithIcon("Edit…", theme.DocumentCreateIcon(), func() {
		if o, ok := p.current(); ok {
			p.openForm(o.Offer)
		}
	})
	p.prefer = widget.NewButtonWithIcon("Make preferred", theme.ConfirmIcon(), p.onPrefer)
	p.withdraw = widget.NewButton("Withdraw", p.onWithdraw)
	p.note = hint("")
	buttons := container.NewHBox(p.add, p.edit, p.prefer, p.withdraw)
	p.root = container.NewBorder(container.NewVBox(buttons, p.note), nil, nil, nil, compact(p.table.table))
	p.showButtons()
	return p
}

func (p *offersPanel) content() fyne.CanvasObject { return p.root }

// show switches to a product's offers.
func (p *offersPanel) show(prod data.Product) {
	if prod.ID != p.product.ID {
		p.selected = 0
		p.table.selectID(0)
	}
	p.product = prod
	p.reload()
}

func (p *offersPanel) reload() {
	id := p.product.ID
	var offers []app.OfferLine
	p.table.reload(
		func() (int, error) {
			if id == 0 {
				return 0, nil
			}
			var err error
			offers, err = p.src.ProductOffers(id)
			return len(offers), err
		},
		func(offset, limit int) ([]app.OfferLine, error) {
			return offers[min(offset, len(offers)):min(offset+limit, len(offers))], nil
		},
		func() {
			p.offers = offers
			p.showNote()
			p.showButtons()
		})
}

func (p *offersPanel) showNote() {
	switch {
	case p.product.ID == 0:
		p.note.SetText("Save the product first; then add the offers of the suppliers who sell it.")
	case len(p.offers) == 0:
		p.note.SetText("No supplier offers this product yet, so orders for it cannot be bought. Add an offer, or import a supplier's price list.")
	default:
		p.note.SetText("Clockwork buys from the preferred offer (priority 1) unless your purchase policy says otherwise. Select an offer to edit, prefer or withdraw it.")
	}
}

// current is the selected offer, if it is still among the product's offers.
func (p *offersPanel) current() (app.OfferLine, bool) {
	for _, o := range p.offers {
		if o.ID == p.selected {
			return o, true
		}
	}
	return app.OfferLine{}, false
}

func (p *offersPanel) showButtons() {
	o, ok := p.current()
	setEnabled(p.add, p.product.ID != 0)
	setEnabled(p.edit, ok)
	setEnabled(p.prefer, ok && o.Active && o.Priority != 1)
	setEnabled(p.withdraw, ok)
	p.withdraw.SetText("Withdraw")
	if ok && !o.Active {
		p.withdraw.SetText("Bring back")
	}
}

func (p *offersPanel) onPrefer() {
	o, ok := p.current()
	if !ok {
		return
	}
	if err := p.src.MakePreferred(o.ID); err != nil {
		dialog.ShowInformation("Not preferred", strings.Join(describe(err), "\n"), p.win)
		return
	}
	p.reload()
}

func (p *offersPanel) onWithdraw() {
	o, ok := p.current()
	if !ok {
		return
	}
	if err := p.src.SetOfferActive(o.ID, !o.Active); err != nil {
		dialog.ShowError(err, p.win)
		return
	}
	p.reload()
}

// openForm opens the offer dialog, after reading the suppliers and the cost history.
func (p *offersPanel) openForm(o data.Offer) {
	p.bg(func() {
		rows, err := p.src.Suppliers(app.SupplierQuery{ListQuery: app.ListQuery{Sort: "name", Limit: app.MaxPage}})
		var costs []data.OfferCost
		if err == nil && o.ID != 0 {
			costs, err = p.src.OfferCosts(o.ID)
		}
		fyne.Do(func() {
			if err != nil {
				dialog.ShowError(err, p.win)
				return
			}
			p.showForm(o, rows, costs)
		})
	})
}

func (p *offersPanel) showForm(o data.Offer, suppliers []app.SupplierRow, costs []data.OfferCost) {
	if len(suppliers) == 0 {
		dialog.ShowInformation("No suppliers yet", "Add the supplier in the Suppliers screen first (or import their price list), then add their offer here.", p.win)
		return
	}
	p.form = newOfferForm(o, suppliers, costs, p.format)
	title := "Add an offer for " + p.product.SKU
	if o.ID != 0 {
		title = "Edit the offer for " + p.product.SKU
	}
	save := widget.NewButtonWithIcon("Save offer", theme.DocumentSaveIcon(), p.saveForm)
	save.Importance = widget.HighImportance
	cancel := widget.NewButton("Cancel", func() { p.dlg.Hide() })
	body := container.NewBorder(nil, container.NewBorder(nil, nil, cancel, save), nil, nil, container.NewVScroll(p.form.content()))
	p.dlg = dialog.NewCustomWithoutButtons(title, body, p.win)
	p.dlg.SetOnClosed(func() { p.form = nil })
	p.dlg.Resize(fyne.NewSize(560, 640))
	p.dlg.Show()
}

// saveForm saves the open offer dialog; problems keep it open with each one marked.
func (p *offersPanel) saveForm() {
	o, ok := p.form.check()
	if !ok {
		return
	}
	if err := p.src.SaveOffer(&o); err != nil {
		rest := showProblems(p.form.fields, problemsOf(err))
		p.form.status.SetText(fmt.Sprintf("Not saved. %s", strings.Join(rest, " ")))
		return
	}
	p.selected = o.ID
	p.table.selectID(o.ID)
	p.dlg.Hide()
	p.reload()
}
