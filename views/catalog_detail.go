package views

import (
	"fmt"
	"strings"

	"clockwork/data"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// productDetail is the lower half of the Catalog screen: one product's form and its offers.
type productDetail struct {
	src     catalogSource
	bg      runner
	form    *productForm
	offers  *offersPanel
	title   *widget.Label
	status  *widget.Label
	save    *widget.Button
	undo    *widget.Button
	pane    *detailPane
	onSaved func(id uint)
}

func newProductDetail(src catalogSource, win fyne.Window, bg runner, format *shopFormat) *productDetail {
	d := &productDetail{src: src, bg: bg}
	d.form = newProductForm(src.Today, d.edited)
	d.offers = newOffersPanel(src, win, bg, format)
	d.title = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	d.title.SizeName = theme.SizeNameSubHeadingText
	d.title.Truncation = fyne.TextTruncateEllipsis
	d.status = widget.NewLabel("")
	d.status.Truncation = fyne.TextTruncateEllipsis
	d.save = widget.NewButtonWithIcon("Save product", theme.DocumentSaveIcon(), d.onSave)
	d.save.Importance = widget.HighImportance
	d.undo = widget.NewButton("Undo changes", d.onUndo)
	head := container.NewBorder(nil, nil, nil, container.NewHBox(d.undo, d.save), d.title)
	top := container.NewVBox(head, d.form.layout(), d.status, widget.NewSeparator())
	body := container.NewBorder(top, nil, nil, nil, d.offers.content())
	d.pane = newDetailPane(body, "Select a product above to see its offers side by side, or add one with New product.")
	d.showButtons()
	return d
}

func (d *productDetail) content() fyne.CanvasObject { return d.pane.content() }

// open shows a saved product, read off the UI thread.
func (d *productDetail) open(id uint) {
	d.pane.open(id)
	d.bg(func() {
		p, err := d.src.Product(id)
		fyne.Do(func() {
			if !d.pane.wants(id) {
				return // another product was picked meanwhile, or none
			}
			if err != nil {
				d.status.SetText("Could not read the product: " + err.Error())
				return
			}
			d.show(p)
			d.status.SetText("")
		})
	})
}

func (d *productDetail) startNew() {
	d.show(data.Product{Active: true})
	d.status.SetText("Give the product its SKU (the code your shop sells it under), a title and a price, then Save.")
}

func (d *productDetail) show(p data.Product) {
	d.form.load(p)
	d.title.SetText(d.form.summary())
	d.offers.show(p)
	d.pane.open(p.ID)
	d.pane.showBody()
	d.showButtons()
}

// clear shows no product: the one shown left the list.
func (d *productDetail) clear() {
	d.form.load(data.Product{})
	d.pane.clear()
	d.showButtons()
}

// refresh follows changes made elsewhere: the offers always, the form unless it holds edits.
func (d *productDetail) refresh() {
	id := d.form.loaded.ID
	if id == 0 {
		return
	}
	if !d.form.dirty {
		d.open(id)
		return
	}
	d.offers.reload()
}

func (d *productDetail) edited() {
	d.showButtons()
	d.status.SetText("Unsaved changes.")
}

func (d *productDetail) showButtons() {
	setEnabled(d.save, d.form.dirty || d.form.loaded.ID == 0)
	setEnabled(d.undo, d.form.dirty)
}

func (d *productDetail) unsaved() string {
	switch {
	case d.form.dirty && d.form.loaded.ID == 0:
		return "A new product is typed but not saved."
	case d.form.dirty:
		return fmt.Sprintf("The product %s has changes that are not saved.", d.form.loaded.SKU)
	}
	return ""
}

func (d *productDetail) onSave() {
	p, rest := d.form.check()
	if len(rest) > 0 {
		d.status.SetText("Not saved. " + strings.Join(append(rest, "Please fix what is marked."), " "))
		return
	}
	d.save.Disable()
	d.bg(func() {
		err := d.src.SaveProduct(&p)
		fyne.Do(func() {
			if err != nil {
				d.showButtons()
				rest := showProblems(d.form.fields(), problemsOf(err))
				d.status.SetText("Not saved. " + strings.Join(append(rest, "Please fix what is marked."), " "))
				return
			}
			d.show(p)
			d.status.SetText("Saved.")
			if d.onSaved != nil {
				d.onSaved(p.ID)
			}
		})
	})
}

func (d *productDetail) onUndo() {
	d.form.load(d.form.loaded)
	d.showButtons()
	d.status.SetText("Changes undone.")
}
