package views

import (
	"fmt"
	"strconv"
	"strings"

	"clockwork/app"
	"clockwork/data"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// orderForm is the "New order" dialog for an order taken by phone, e-mail or at a market:
// customer, ship-to, gift message and lines with SKU completion, checked as the user types.
type orderForm struct {
	o        *orders
	fields   map[string]*dialogField
	gift     *dialogCheck
	note     *dialogField
	lines    []*formLine
	linesBox *fyne.Container
	problems *widget.Label
	save     *widget.Button
	touched  map[string]bool // the problem fields the user has typed in: only theirs are shown
	dlg      dialog.Dialog
}

// formLine is one line of the form.
type formLine struct {
	sku   *skuEntry
	title *dialogField
	qty   *dialogField
	price *dialogField
	row   fyne.CanvasObject
}

// onNewOrder opens the New order form.
func (o *orders) onNewOrder() {
	f := &orderForm{o: o, fields: map[string]*dialogField{}, touched: map[string]bool{}}
	o.form = f
	f.problems = widget.NewLabel("")
	f.problems.Importance = widget.DangerImportance
	f.problems.Wrapping = fyne.TextWrapWord
	f.save = widget.NewButtonWithIcon("Save order", theme.DocumentSaveIcon(), f.onSave)
	f.save.Importance = widget.HighImportance
	f.linesBox = container.NewVBox()
	f.addLine()
	addLine := widget.NewButtonWithIcon("Add line", theme.ContentAddIcon(), func() { f.addLine(); f.check() })
	cancel := widget.NewButton("Cancel", func() { f.dlg.Hide() })
	body := container.NewVBox(
		widget.NewCard("", "Customer", f.customerForm()),
		widget.NewCard("", "Ship to", f.addressForm()),
		widget.NewCard("", "Lines", container.NewVBox(lineHeader(), f.linesBox, container.NewHBox(addLine))),
	)
	buttons := container.NewBorder(nil, nil, nil, container.NewVBox(container.NewHBox(cancel, f.save)), f.problems)
	f.dlg = dialog.NewCustomWithoutButtons("New order", container.NewBorder(nil, buttons, nil, nil, container.NewVScroll(body)), o.win)
	f.dlg.Resize(fyne.NewSize(820, 680))
	f.check()
	f.dlg.Show()
}

// entry makes a field whose every change re-checks the form.
func (f *orderForm) entry(key, placeholder string) *dialogField {
	e := newDialogField()
	e.SetPlaceHolder(placeholder)
	field := map[string]string{"address1": "address"}[key]
	if field == "" {
		field = key
	}
	e.OnChanged = func(string) { f.touched[field] = true; f.check() }
	f.fields[key] = e
	return e
}

func (f *orderForm) customerForm() fyne.CanvasObject {
	f.gift = newDialogCheck("This is a gift (the slip shows no prices)", func(bool) { f.check() })
	f.note = newDialogMultiLine()
	f.note.SetPlaceHolder("Gift message or the customer's note")
	f.note.SetMinRowsVisible(2)
	f.note.Wrapping = fyne.TextWrapWord
	return widget.NewForm(
		widget.NewFormItem("Name", f.entry("customer", "first and last name")),
		widget.NewFormItem("E-mail", f.entry("email", "for the shipping notice")),
		widget.NewFormItem("Phone", f.entry("phone", "optional")),
		widget.NewFormItem("", f.gift),
		widget.NewFormItem("Message", f.note),
	)
}

func (f *orderForm) addressForm() fyne.CanvasObject {
	zipCity := container.NewBorder(nil, nil, container.NewGridWrap(fyne.NewSize(110, 36), f.entry("zip", "ZIP")), nil, f.entry("city", "city"))
	return widget.NewForm(
		widget.NewFormItem("Recipient", f.entry("name", "the customer, unless someone else")),
		widget.NewFormItem("Company", f.entry("company", "optional")),
		widget.NewFormItem("Street", f.entry("address1", "street and number")),
		widget.NewFormItem("", f.entry("address2", "apartment, floor, c/o (optional)")),
		widget.NewFormItem("ZIP, city", zipCity),
		widget.NewFormItem("Province", f.entry("province", "state or province, if the address needs one")),
		widget.NewFormItem("Country", f.entry("country", "country, e.g. DE")),
	)
}

// formColumns are the widths of a line's fields; the product title (-1) takes the rest.
var formColumns = []float32{200, -1, 70, 100, 40}

func lineHeader() fyne.CanvasObject {
	var cells []fyne.CanvasObject
	for _, t := range []string{"SKU", "Product", "Qty", "Unit price", ""} {
		l := widget.NewLabel(t)
		l.Importance = widget.LowImportance
		cells = append(cells, l)
	}
	return container.New(&columnsLayout{widths: formColumns}, cells...)
}

func (f *orderForm) addLine() {
	l := &formLine{sku: newSKUEntry(f.o.src, f.o.bg), title: newDialogField(), qty: newDialogField(), price: newDialogField()}
	l.title.SetPlaceHolder("filled in from the catalog")
	l.qty.SetText("1")
	l.price.SetPlaceHolder("0.00")
	changed := func(string) { f.touched[f.lineField(l)] = true; f.check() }
	l.title.OnChanged, l.qty.OnChanged, l.price.OnChanged = changed, changed, changed
	l.sku.onChange = func(sku string) { f.touched[f.lineField(l)] = true; f.fillFromCatalog(l, sku); f.check() }
	remove := widget.NewButtonWithIcon("", theme.DeleteIcon(), nil)
	l.row = container.New(&columnsLayout{widths: formColumns}, l.sku.entry, l.title, l.qty, l.price, remove)
	remove.OnTapped = func() { f.removeLine(l) }
	f.lines = append(f.lines, l)
	f.linesBox.Add(l.row)
}

// lineField is how problems name a line: "line 2".
func (f *orderForm) lineField(l *formLine) string {
	for i, x := range f.lines {
		if x == l {
			return fmt.Sprintf("line %d", i+1)
		}
	}
	return "lines"
}

func (f *orderForm) removeLine(l *formLine) {
	for i, x := range f.lines {
		if x == l {
			f.lines = append(f.lines[:i], f.lines[i+1:]...)
			f.linesBox.Remove(l.row)
			break
		}
	}
	f.check()
}

// fillFromCatalog puts a known SKU's title and price in the line's empty fields.
func (f *orderForm) fillFromCatalog(l *formLine, sku string) {
	if sku == "" {
		return
	}
	f.o.bg(func() {
		p, err := f.o.src.ProductBySKU(sku)
		fyne.Do(func() {
			if err != nil || l.sku.sku() != sku {
				return
			}
			l.title.SetText(p.Title)
			if strings.TrimSpace(l.price.Text) == "" {
				l.price.SetText(p.Price.Plain())
			}
		})
	})
}

// input reads the form into an order, listing what could not even be read (a quantity
// that is no number, a price that is no amount).
func (f *orderForm) input() (app.OrderInput, []app.Problem) {
	v := func(k string) string { return strings.TrimSpace(f.fields[k].Text) }
	in := app.OrderInput{Customer: v("customer"), Email: v("email"), Phone: v("phone"), Note: strings.TrimSpace(f.note.Text), Gift: f.gift.Checked,
		ShipTo: data.Address{Name: v("name"), Company: v("company"), Address1: v("address1"), Address2: v("address2"),
			Zip: v("zip"), City: v("city"), Province: v("province"), Country: v("country"), Phone: v("phone")}}
	if in.ShipTo.Name == "" {
		in.ShipTo.Name = in.Customer
	}
	var bad []app.Problem
	for i, l := range f.lines {
		line := fmt.Sprintf("line %d", i+1)
		qty, err := strconv.Atoi(strings.TrimSpace(l.qty.Text))
		if err != nil {
			bad = append(bad, app.Problem{Field: line + " qty", Message: fmt.Sprintf("the quantity %q is not a whole number", l.qty.Text)})
		}
		var price data.Money
		if t := strings.TrimSpace(l.price.Text); t != "" {
			if price, err = data.ParseMoney(t); err != nil {
				bad = append(bad, app.Problem{Field: line + " price", Message: fmt.Sprintf("%q is not a price like 14.90", t)})
			}
		}
		in.Lines = append(in.Lines, app.LineInput{SKU: l.sku.sku(), Title: strings.TrimSpace(l.title.Text), Qty: qty, UnitPrice: price})
	}
	return in, bad
}

// check runs the app's rules on what is typed so far and enables Save only when all is well.
func (f *orderForm) check() {
	if f.save == nil || f.gift == nil {
		return // still building
	}
	in, ps := f.input()
	ps = append(ps, app.CheckManualOrder(in)...)
	if len(ps) == 0 {
		f.save.Enable()
		f.problems.SetText("")
		return
	}
	f.save.Disable()
	var msgs []string
	for _, p := range ps {
		if f.touched[p.Field] || f.touched[strings.TrimSuffix(strings.TrimSuffix(p.Field, " qty"), " price")] {
			msgs = append(msgs, problemText(p))
		}
	}
	if len(msgs) == 0 {
		msgs = append(msgs, "Fill in who the order is for, where it goes and at least one line, then save.")
	}
	f.problems.SetText(strings.Join(msgs, "\n"))
}

func (f *orderForm) onSave() {
	in, bad := f.input()
	if len(bad) > 0 {
		return
	}
	f.save.Disable()
	f.o.bg(func() {
		o, err := f.o.src.AddManualOrder(in)
		fyne.Do(func() {
			if err != nil {
				f.problems.SetText("Not saved: " + sentence(err))
				f.save.Enable()
				return
			}
			f.dlg.Hide()
			f.o.form = nil
			f.o.search.SetText(o.Number)
			dialog.ShowInformation("Order saved", fmt.Sprintf("Order %s for %s is saved; ship by %s.", o.Number, o.CustomerName, shortDay(o.ShipBy, f.o.src.Today())), f.o.win)
		})
	})
}
