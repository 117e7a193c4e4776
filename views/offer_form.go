package views

import (
	"fmt"
	"strconv"
	"strings"

	"clockwork/app"
	"clockwork/data"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
)

// offerForm is the form of the offer dialog: one supplier's terms for the product. Its
// problems show under each field as the user types, checked by the app's own rules.
type offerForm struct {
	offer       data.Offer // being edited; ID 0 for a new one
	suppliers   []app.SupplierRow
	supplier    *dialogSelect
	supplierMsg *widget.Label
	fields      []*field
	byKey       map[string]*field
	history     *widget.Label
	status      *widget.Label
	ready       bool // false while the form is being filled in, so no check runs half-built
}

func newOfferForm(o data.Offer, suppliers []app.SupplierRow, costs []data.OfferCost, format *shopFormat) *offerForm {
	f := &offerForm{offer: o, suppliers: suppliers, byKey: map[string]*field{}}
	var names []string
	for _, s := range suppliers {
		names = append(names, s.Name)
	}
	f.supplier = newDialogSelect(names, func(string) { f.changed() })
	f.supplier.PlaceHolder = "Choose the supplier"
	f.supplierMsg = widget.NewLabel("")
	f.supplierMsg.Importance = widget.DangerImportance
	f.supplierMsg.Hide()
	for _, d := range []struct{ key, hint, value string }{
		{"supplier sku", "their code for it", o.SupplierSKU},
		{"unit cost", "4.20", o.UnitCost.Plain()},
		{"pack size", "1", strconv.Itoa(max(o.PackSize, 1))},
		{"minimum qty", "1", strconv.Itoa(max(o.MinQty, 1))},
		{"lead days", "3", strconv.Itoa(o.LeadDays)},
		{"available", "unknown", qtyEntry(o.AvailableQty)},
		{"valid from", "YYYY-MM-DD (empty: always)", string(o.ValidFrom)},
		{"valid to", "YYYY-MM-DD (empty: open-ended)", string(o.ValidTo)},
	} {
		fl := newField(d.key, d.hint, false, f.changed)
		if strings.HasPrefix(d.key, "valid ") {
			fl = newDayFieldIn(d.key, f.changed)
			fl.day.SetPlaceHolder(strings.TrimPrefix(d.hint, "YYYY-MM-DD "))
		}
		fl.setText(d.value)
		f.fields = append(f.fields, fl)
		f.byKey[d.key] = fl
	}
	if o.ID == 0 {
		f.byKey["unit cost"].entry.SetText("")
		f.byKey["lead days"].entry.SetText("")
	} else {
		for _, s := range suppliers {
			if s.ID == o.SupplierID {
				f.supplier.SetSelected(s.Name)
			}
		}
		f.supplier.Disable() // an offer stays with its supplier
	}
	f.history = hint(costHistory(costs, format))
	f.status = widget.NewLabel("")
	f.status.Wrapping = fyne.TextWrapWord
	f.ready = true
	return f
}

func qtyEntry(q *int) string {
	if q == nil {
		return ""
	}
	return strconv.Itoa(*q)
}

// costHistory writes the offer's costs, newest first: "4.60 since 15 Mar 2026 · 4.20 since …".
func costHistory(costs []data.OfferCost, format *shopFormat) string {
	if len(costs) < 2 {
		return ""
	}
	var parts []string
	for _, c := range costs {
		parts = append(parts, fmt.Sprintf("%s since %s", format.money(c.UnitCost), shortDay(data.DayOf(c.From, format.loc()), format.today())))
	}
	return "Cost history: " + strings.Join(parts, " · ")
}

func (f *offerForm) content() fyne.CanvasObject {
	item := func(label, key string) *widget.FormItem { return widget.NewFormItem(label, f.byKey[key].box) }
	form := widget.NewForm(
		widget.NewFormItem("Supplier", container.NewVBox(f.supplier, f.supplierMsg)),
		item("Their SKU", "supplier sku"), item("Unit cost", "unit cost"), item("Pack size", "pack size"),
		item("Minimum order", "minimum qty"), item("Lead days", "lead days"), item("Available now", "available"),
		item("Valid from", "valid from"), item("Valid to", "valid to"),
	)
	return container.NewVBox(form,
		hint("Pack size: they sell in multiples of this. Minimum: the least they take per order. Available: their stock as they last told you (leave empty if unknown); Clockwork notes when you changed it."),
		f.history, f.status)
}

// read turns the form into an offer; problems are what cannot be read at all.
func (f *offerForm) read() (data.Offer, []app.Problem) {
	o := f.offer
	var ps []app.Problem
	for _, s := range f.suppliers {
		if s.Name == f.supplier.Selected {
			o.SupplierID = s.ID
		}
	}
	o.SupplierSKU = f.byKey["supplier sku"].text()
	o.UnitCost = 0
	if c := f.byKey["unit cost"]; c.text() == "" {
		ps = append(ps, app.Problem{Field: "unit cost", Message: "give the unit cost they charge"})
	} else if m, err := data.ParseMoney(c.text()); err != nil {
		ps = append(ps, app.Problem{Field: "unit cost", Message: "write the cost like 4.20"})
	} else {
		o.UnitCost = m
	}
	o.PackSize = wholeNumber(f.byKey["pack size"], 1, &ps)
	o.MinQty = wholeNumber(f.byKey["minimum qty"], 1, &ps)
	o.LeadDays = wholeNumber(f.byKey["lead days"], 0, &ps)
	o.AvailableQty = optionalNumber(f.byKey["available"], &ps)
	o.ValidFrom, o.ValidTo = data.Day(f.byKey["valid from"].text()), data.Day(f.byKey["valid to"].text())
	return o, ps
}

func (f *offerForm) changed() {
	if f.ready {
		f.check()
	}
}

// check shows what is wrong as the user types; it says whether the offer can be saved.
func (f *offerForm) check() (data.Offer, bool) {
	o, ps := f.read()
	ps = append(ps, app.CheckOffer(o)...)
	rest := showProblems(f.fields, ps)
	f.supplierMsg.Hide()
	var other []string
	for _, p := range rest {
		if strings.HasPrefix(p, "supplier: ") {
			f.supplierMsg.SetText(strings.TrimPrefix(p, "supplier: "))
			f.supplierMsg.Show()
			continue
		}
		other = append(other, p)
	}
	f.status.SetText(strings.Join(other, "\n"))
	return o, len(rest) == 0
}
