package views

import (
	"testing"

	"clockwork/data"

	"fyne.io/fyne/v2/test"
)

// After the first import Today does not leave a newcomer alone: it lists the next steps,
// each with the button that starts it, until they are done.
func TestTodayShowsNextStepsUntilDone(t *testing.T) {
	s, a, clock := newTestShell(t)
	addOrder(t, a, "#1001", clock.T) // MUG-1: not in the catalog
	v := todayOf(s)
	v.refresh()
	if !v.steps.card.Visible() || len(v.steps.rows.Objects) != 4 {
		t.Fatalf("after the first import: steps shown %v with %d rows", v.steps.card.Visible(), len(v.steps.rows.Objects))
	}
	test.Tap(button(t, v.steps.rows, "Map unknown SKUs"))
	if o := ordersOf(t, s); o.filter.Selected != "Unknown SKU" || o.count.Text != "1 order" {
		t.Errorf("Map unknown SKUs opened Orders on %q: %q", o.filter.Selected, o.count.Text)
	}
	sup := data.Supplier{Name: "Atlas Trading", Status: data.SupplierActive, QuotedLeadDays: 3}
	if err := a.SaveSupplier(&sup); err != nil {
		t.Fatal(err)
	}
	p := data.Product{SKU: "MUG-1", Title: "Enamel Mug", Price: 1490, Active: true,
		Offers: []data.Offer{{SupplierID: sup.ID, UnitCost: 500, PackSize: 1, MinQty: 1, LeadDays: 2, Priority: 1, Active: true}}}
	if err := a.SaveProduct(&p); err != nil {
		t.Fatal(err)
	}
	lines, _ := a.OrderDetail(1)
	if _, err := a.MapUnknownSKU(lines.Lines[0].ID, "MUG-1"); err != nil {
		t.Fatal(err)
	}
	v.refresh()
	if !v.steps.card.Visible() || buttonTexts(v.steps.rows)["Map unknown SKUs"] || !buttonTexts(v.steps.rows)["Open settings"] {
		t.Fatalf("with only the branding left: buttons %v", buttonTexts(v.steps.rows))
	}
	shop, _ := a.Shop()
	shop.Name = "Linden & Loom"
	if err := a.SaveShop(shop); err != nil {
		t.Fatal(err)
	}
	v.refresh()
	if v.steps.card.Visible() {
		t.Error("every step is done, and Today still lists them")
	}
}
