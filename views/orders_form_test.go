package views

import (
	"strings"
	"testing"

	"clockwork/app"
	"clockwork/data"

	"fyne.io/fyne/v2/test"
)

func TestNewOrderForm(t *testing.T) {
	s, a, _ := newTestShell(t)
	sup := data.Supplier{Name: "Atlas", Status: data.SupplierActive, QuotedLeadDays: 2}
	if err := a.SaveSupplier(&sup); err != nil {
		t.Fatal(err)
	}
	for _, p := range []data.Product{{SKU: "MUG-1", Title: "Enamel Mug", Price: 1490, Active: true}, {SKU: "MUG-2", Title: "Tall Mug", Price: 1690, Active: true}} {
		p.Offers = []data.Offer{{SupplierID: sup.ID, UnitCost: 500, PackSize: 1, MinQty: 1, LeadDays: 2, Priority: 1, Active: true}}
		if err := a.SaveProduct(&p); err != nil {
			t.Fatal(err)
		}
	}
	o := ordersOf(t, s)
	test.Tap(button(t, o.content(), "New order"))
	f := o.form
	if f == nil || !f.save.Disabled() || !strings.HasPrefix(f.problems.Text, "Fill in who the order is for") {
		t.Fatalf("a fresh form: save disabled %v, says %q (want disabled, a hint and no complaints)", f.save.Disabled(), f.problems.Text)
	}
	test.Type(f.fields["address1"], "K")
	f.fields["address1"].SetText("")
	if !strings.Contains(f.problems.Text, "street address") || strings.Contains(f.problems.Text, "city") || !f.save.Disabled() {
		t.Errorf("after emptying the street: %q (want that field's problem alone)", f.problems.Text)
	}
	test.Type(f.fields["customer"], "Zoë Łódź")
	test.Type(f.fields["email"], "zoe@")
	if !strings.Contains(f.problems.Text, "e-mail address") {
		t.Errorf("a half-typed e-mail is not flagged: %q", f.problems.Text)
	}
	test.Type(f.fields["email"], "example.com")
	for key, v := range map[string]string{"address1": "Karl-Heine-Straße 42", "zip": "04229", "city": "Leipzig", "country": "DE"} {
		test.Type(f.fields[key], v)
	}
	line := f.lines[0]
	test.Type(line.sku.entry, "mug")
	if len(line.sku.options) != 2 || line.sku.options[0] != "MUG-1 — Enamel Mug" {
		t.Fatalf("suggestions for mug: %v", line.sku.options)
	}
	line.sku.entry.SetText(line.sku.options[1]) // what picking a suggestion does
	if line.sku.entry.Text != "MUG-2" || line.title.Text != "Tall Mug" || line.price.Text != "16.90" {
		t.Errorf("picked MUG-2: sku %q title %q price %q", line.sku.entry.Text, line.title.Text, line.price.Text)
	}
	line.qty.SetText("zwei")
	if !strings.Contains(f.problems.Text, "not a whole number") || !f.save.Disabled() {
		t.Errorf("quantity zwei: %q", f.problems.Text)
	}
	line.qty.SetText("2")
	f.gift.SetChecked(true)
	test.Type(f.note, "Alles Gute, Oma!")
	if f.save.Disabled() || f.problems.Text != "" {
		t.Fatalf("a complete order: save disabled %v, problems %q", f.save.Disabled(), f.problems.Text)
	}
	test.Tap(f.save)
	list, err := a.FindOrders(app.OrderQuery{Search: "M-0001"})
	if err != nil || list.Total != 1 {
		t.Fatalf("saved order not found: %+v %v", list, err)
	}
	got := list.Rows[0]
	if got.Customer != "Zoë Łódź" || got.Items != 2 || got.Total != 3380 || got.ShipBy != "2026-03-15" {
		t.Errorf("saved %+v", got)
	}
	if o.form != nil || o.search.Text != "M-0001" || o.count.Text != "1 order" {
		t.Errorf("after saving: form open %v, search %q, list %q", o.form != nil, o.search.Text, o.count.Text)
	}
}
