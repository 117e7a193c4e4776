package views

import (
	"strings"

	"clockwork/app"
	"clockwork/data"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
)

// productForm edits one product: SKU, title, selling price, whether it is sold, and whether
// the shop is trying it out (from when). It keeps what was typed until saved or undone.
type productForm struct {
	loaded     data.Product // as last read or saved; ID 0 for a new product
	today      func() data.Day
	sku        *field
	title      *field
	price      *field
	trialStart *field
	active     *widget.Check
	trial      *widget.Check
	dirty      bool
	filling    bool
	onEdit     func()
}

func newProductForm(today func() data.Day, onEdit func()) *productForm {
	f := &productForm{today: today, onEdit: onEdit}
	f.sku = newField("sku", "MUG-001", false, f.edited)
	f.title = newField("title", "Enamel Mug, sage", false, f.edited)
	f.price = newField("price", "14.90", false, f.edited)
	f.trialStart = newDayFieldIn("trial start", f.edited)
	f.active = widget.NewCheck("Sold in the shop", func(bool) { f.edited() })
	f.trial = widget.NewCheck("On trial since", func(on bool) {
		if on && f.trialStart.text() == "" && !f.filling {
			f.trialStart.setText(string(f.today()))
		}
		f.edited()
	})
	return f
}

func (f *productForm) fields() []*field { return []*field{f.sku, f.title, f.price, f.trialStart} }

// layout puts the form in two columns, so the offers below keep their room.
func (f *productForm) layout() fyne.CanvasObject {
	left := widget.NewForm(widget.NewFormItem("SKU", f.sku.box), widget.NewFormItem("Title", f.title.box))
	right := widget.NewForm(
		widget.NewFormItem("Price", f.price.box),
		widget.NewFormItem("", container.NewBorder(nil, nil, container.NewHBox(f.active, f.trial), nil, f.trialStart.box)),
	)
	return container.NewGridWithColumns(2, left, right)
}

func (f *productForm) load(p data.Product) {
	f.loaded = p
	f.filling = true
	defer func() { f.filling = false }()
	f.sku.entry.SetText(p.SKU)
	f.title.entry.SetText(p.Title)
	f.price.entry.SetText(p.Price.Plain())
	if p.ID == 0 {
		f.price.entry.SetText("")
	}
	f.active.SetChecked(p.Active)
	f.trial.SetChecked(p.Trial)
	f.trialStart.setText(string(p.TrialStart))
	f.enableTrialStart()
	for _, fl := range f.fields() {
		fl.show("")
	}
	f.dirty = false
}

// read turns the form into a product; problems are what cannot be read at all.
func (f *productForm) read() (data.Product, []app.Problem) {
	p := f.loaded
	var ps []app.Problem
	p.SKU, p.Title = f.sku.text(), f.title.text()
	p.Price = 0
	if f.price.text() != "" {
		m, err := data.ParseMoney(f.price.text())
		if err != nil {
			ps = append(ps, app.Problem{Field: "price", Message: "write the price like 14.90"})
		}
		p.Price = m
	}
	p.Active, p.Trial = f.active.Checked, f.trial.Checked
	p.TrialStart = data.Day(f.trialStart.text())
	if !p.Trial {
		p.TrialStart = ""
	}
	return p, ps
}

// check shows under each field what the app would refuse, and returns the other problems.
func (f *productForm) check() (data.Product, []string) {
	p, ps := f.read()
	ps = append(ps, app.CheckProduct(p)...)
	return p, showProblems(f.fields(), ps)
}

func (f *productForm) edited() {
	if f.filling {
		return
	}
	f.dirty = true
	f.enableTrialStart()
	f.check()
	if f.onEdit != nil {
		f.onEdit()
	}
}

func (f *productForm) enableTrialStart() {
	if f.trial.Checked {
		f.trialStart.focusable().Enable()
	} else {
		f.trialStart.focusable().Disable()
	}
}

// summary is the product's heading: "MUG-1 · Enamel Mug".
func (f *productForm) summary() string {
	if f.loaded.ID == 0 {
		return "New product"
	}
	return strings.Join([]string{f.loaded.SKU, f.loaded.Title}, " · ")
}
