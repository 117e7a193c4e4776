package views

import (
	"errors"
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

// supplierDetail is the right-hand pane of the Suppliers screen: one supplier's details,
// vetting, offers and contact log, or a new supplier being written.
type supplierDetail struct {
	src      suppliersSource
	win      fyne.Window
	bg       runner
	format   *shopFormat
	form     *supplierForm
	log      *supplierLog
	offers   *pagedTable[app.OfferLine]
	noOffers *widget.Label
	title    *widget.Label
	subtitle *widget.Label
	tabs     *container.AppTabs
	status   *widget.Label
	save     *widget.Button
	undo     *widget.Button
	del      *widget.Button
	pane     *detailPane
	onSaved  func(id uint)              // the list reloads and selects the supplier
	onImport func(supplier string)      // opens the price list import for this supplier
	standing func(id uint) app.Standing // the supplier's scorecard standing, "" when not known
}

func newSupplierDetail(src suppliersSource, win fyne.Window, bg runner, format *shopFormat) *supplierDetail {
	d := &supplierDetail{src: src, win: win, bg: bg, format: format, standing: func(uint) app.Standing { return "" }}
	d.form = newSupplierForm(d.edited)
	d.log = newSupplierLog(src, bg)
	d.title = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	d.title.SizeName = theme.SizeNameSubHeadingText
	d.subtitle = widget.NewLabel("")
	d.subtitle.Importance = widget.LowImportance
	d.subtitle.Wrapping = fyne.TextWrapWord // a long heading must not push the list aside
	d.title.Truncation = fyne.TextTruncateEllipsis
	d.status = widget.NewLabel("")
	d.status.Wrapping = fyne.TextWrapWord
	d.save = widget.NewButtonWithIcon("Save", theme.DocumentSaveIcon(), d.onSave)
	d.save.Importance = widget.HighImportance
	d.undo = widget.NewButton("Undo changes", d.onUndo)
	d.del = widget.NewButtonWithIcon("Delete…", theme.DeleteIcon(), d.onDelete)
	d.offers = newPagedTable(pickColumns(offerColumns(format), "sku", "product", "supplier sku", "cost", "margin", "lead", "stock", "priority"),
		bg, func(o app.OfferLine) uint { return o.ID })
	d.noOffers = hint("")
	importBtn := widget.NewButtonWithIcon("Import their price list…", theme.UploadIcon(), func() { d.onImport(d.form.loaded.Name) })
	offersTab := container.NewBorder(container.NewVBox(d.noOffers, container.NewHBox(importBtn)), nil, nil, nil, compact(d.offers.table))
	d.tabs = container.NewAppTabs(
		container.NewTabItem("Details", d.form.details()),
		container.NewTabItem("Vetting", d.form.vetting()),
		container.NewTabItem("Offers", offersTab),
		container.NewTabItem("Contact log", d.log.content()),
	)
	d.tabs.OnSelected = func(*container.TabItem) { d.showButtons() }
	bar := container.NewBorder(nil, nil, d.del, container.NewHBox(d.undo, d.save), d.status)
	body := container.NewBorder(container.NewVBox(d.title, d.subtitle), bar, nil, nil, d.tabs)
	d.pane = newDetailPane(body, "Select a supplier on the left to see and edit it, or add one with New supplier.")
	d.showButtons()
	return d
}

func (d *supplierDetail) content() fyne.CanvasObject { return d.pane.content() }

// open shows a saved supplier, read off the UI thread.
func (d *supplierDetail) open(id uint) {
	d.pane.open(id)
	d.bg(func() {
		s, err := d.src.Supplier(id)
		fyne.Do(func() {
			if !d.pane.wants(id) {
				return // another supplier was picked meanwhile, or none
			}
			if err != nil {
				d.status.SetText("Could not read the supplier: " + err.Error())
				return
			}
			d.show(s)
			d.status.SetText("")
		})
	})
}

// startNew shows an empty form for a new supplier.
func (d *supplierDetail) startNew() {
	d.show(data.Supplier{Status: data.SupplierProspect})
	d.tabs.SelectIndex(0)
	d.status.SetText("Fill in at least the name, then Save. Everything else can wait.")
	d.win.Canvas().Focus(d.form.byKey["name"].entry)
}

func (d *supplierDetail) show(s data.Supplier) {
	d.form.load(s)
	d.setHeading(s)
	d.log.show(s.ID)
	d.reloadOffers()
	d.pane.open(s.ID)
	d.pane.showBody()
	d.showButtons()
}

// clear shows no supplier: the one shown left the list or was deleted.
func (d *supplierDetail) clear() {
	d.form.load(data.Supplier{})
	d.log.show(0)
	d.pane.clear()
	d.showButtons()
}

func (d *supplierDetail) setHeading(s data.Supplier) {
	if s.ID == 0 {
		d.title.SetText("New supplier")
		d.subtitle.SetText("Not saved yet")
		return
	}
	d.title.SetText(s.Name)
	parts := []string{string(s.Status), fmt.Sprintf("vetting %d/%d yes", s.Vetting.Yes(), app.VettingTotal)}
	if st := d.standing(s.ID); st != "" {
		parts = append(parts, "standing: "+strings.ToLower(st.Label()))
	}
	if d.offers.count > 0 && d.offers.query != nil {
		parts = append(parts, nouns(d.offers.count, "offer"))
	}
	if s.QuotedLeadDays > 0 {
		parts = append(parts, "quotes "+nouns(s.QuotedLeadDays, "day"))
	}
	d.subtitle.SetText(strings.Join(parts, " · "))
}

func (d *supplierDetail) reloadOffers() {
	id := d.form.loaded.ID
	d.offers.reload(
		func() (int, error) { return d.src.CountSupplierOffers(id) },
		func(offset, limit int) ([]app.OfferLine, error) { return d.src.SupplierOffers(id, offset, limit) },
		func() {
			switch {
			case id == 0:
				d.noOffers.SetText("Save the supplier first; then import their price list or add offers in the Catalog screen.")
			case d.offers.count == 0:
				d.noOffers.SetText("No offers yet. Import their price list, or add an offer to a product in the Catalog screen.")
			default:
				d.noOffers.SetText(fmt.Sprintf("%d offers. Change terms, priorities and availability in the Catalog screen.", d.offers.count))
			}
			d.setHeading(d.form.loaded)
		})
}

// refresh follows changes made elsewhere: offers and log always, the form unless it holds edits.
func (d *supplierDetail) refresh() {
	id := d.form.loaded.ID
	if id == 0 {
		return
	}
	if !d.form.dirty {
		d.open(id)
		return
	}
	d.log.reload()
	d.reloadOffers()
}

func (d *supplierDetail) edited() {
	d.showButtons()
	d.status.SetText("Unsaved changes.")
}

func (d *supplierDetail) showButtons() {
	if d.form.dirty {
		d.save.Enable()
		d.undo.Enable()
	} else {
		d.save.Disable()
		d.undo.Disable()
	}
	if d.form.loaded.ID == 0 {
		d.del.Disable()
		d.save.Enable()
	} else {
		d.del.Enable()
	}
	// Save and Undo belong to the Details and Vetting tabs; the log has its own Add button.
	onForm := d.tabs.SelectedIndex() < 2
	for _, b := range []*widget.Button{d.save, d.undo} {
		if onForm || d.form.dirty {
			b.Show()
		} else {
			b.Hide()
		}
	}
}

// unsaved says what would be lost: edits to the form, or a log entry typed but not added.
func (d *supplierDetail) unsaved() string {
	name := d.form.loaded.Name
	switch {
	case d.form.dirty && d.form.loaded.ID == 0:
		return "A new supplier is typed but not saved."
	case d.form.dirty:
		return fmt.Sprintf("The supplier %s has changes that are not saved.", name)
	case d.log.typing():
		return fmt.Sprintf("A contact log entry for %s is typed but not added.", name)
	}
	return ""
}

func (d *supplierDetail) onSave() {
	s, rest := d.form.check()
	if len(rest) > 0 {
		d.status.SetText("Not saved. " + strings.Join(append(rest, "Please fix what is marked."), " "))
		return
	}
	d.save.Disable()
	d.bg(func() {
		err := d.src.SaveSupplier(&s)
		fyne.Do(func() {
			if err != nil {
				d.showButtons()
				rest := showProblems(d.form.fields, problemsOf(err))
				d.status.SetText("Not saved. " + strings.Join(append(rest, "Please fix what is marked."), " "))
				return
			}
			d.show(s)
			d.status.SetText("Saved.")
			if d.onSaved != nil {
				d.onSaved(s.ID)
			}
		})
	})
}

func (d *supplierDetail) onUndo() {
	if d.form.loaded.ID == 0 {
		d.form.load(data.Supplier{Status: data.SupplierProspect})
	} else {
		d.form.load(d.form.loaded)
	}
	d.showButtons()
	d.status.SetText("Changes undone.")
}

func (d *supplierDetail) onDelete() {
	s := d.form.loaded
	dialog.ShowConfirm("Delete supplier?", fmt.Sprintf("Delete %s with its offers and contact log? This cannot be undone.", s.Name), func(yes bool) {
		if yes {
			d.deleteNow(s)
		}
	}, d.win)
}

// deleteNow deletes the supplier; when purchase orders keep it, it offers to block it instead.
func (d *supplierDetail) deleteNow(s data.Supplier) {
	err := d.src.DeleteSupplier(s.ID)
	var inUse *app.InUseError
	switch {
	case errors.As(err, &inUse):
		d.status.SetText(inUse.Error())
		if s.Status == data.SupplierBlocked {
			dialog.ShowInformation("Cannot delete", inUse.Error(), d.win)
			return
		}
		dialog.ShowCustomConfirm("Cannot delete "+s.Name, "Block instead", "Keep as it is",
			wrapped(inUse.Error()), func(block bool) {
				if block {
					d.block(s.ID)
				}
			}, d.win)
	case err != nil:
		d.status.SetText("Not deleted: " + err.Error())
	default:
		d.clear()
		if d.onSaved != nil {
			d.onSaved(0)
		}
	}
}

func (d *supplierDetail) block(id uint) {
	if err := d.src.SetSupplierStatus(id, data.SupplierBlocked); err != nil {
		d.status.SetText("Not blocked: " + err.Error())
		return
	}
	d.open(id)
	d.status.SetText("Blocked: Clockwork no longer buys from this supplier.")
	if d.onSaved != nil {
		d.onSaved(id)
	}
}

// wrapped is a label for a dialog: long sentences wrap instead of widening it.
func wrapped(text string) fyne.CanvasObject {
	l := widget.NewLabel(text)
	l.Wrapping = fyne.TextWrapWord
	return container.NewGridWrap(fyne.NewSize(420, 90), l)
}
