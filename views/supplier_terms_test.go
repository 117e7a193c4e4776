package views

import (
	"strings"
	"testing"

	"clockwork/data"

	"fyne.io/fyne/v2/test"
)

// TestSupplierTermsEditable: the owner types a supplier's charges per order in its detail,
// sees a mistake as typed, saves, and finds them again after choosing the supplier anew.
func TestSupplierTermsEditable(t *testing.T) {
	s, a, _ := newTestShell(t)
	v := suppliersOf(s)
	test.Tap(button(t, v.root, "New supplier"))
	f := v.detail.form
	typeInto(f.byKey["name"].entry, "Nordlicht Trading")
	typeInto(f.byKey["order fee"].entry, "five")
	if msg := f.byKey["order fee"].msg; !msg.Visible() || !strings.Contains(msg.Text, "not an amount") {
		t.Errorf("order fee problem: %q (visible %v)", msg.Text, msg.Visible())
	}
	typeInto(f.byKey["order fee"].entry, "-1")
	if msg := f.byKey["order fee"].msg; !msg.Visible() || !strings.Contains(msg.Text, "not between 0") {
		t.Errorf("negative order fee: %q", msg.Text)
	}
	typeInto(f.byKey["order fee"].entry, "5,00")
	typeInto(f.byKey["shipping charge"].entry, "7.50")
	typeInto(f.byKey["free shipping from"].entry, "150")
	test.Tap(v.detail.save)
	saved, err := a.SupplierByName("Nordlicht Trading")
	want := data.SupplierTerms{OrderFee: 500, ShippingCharge: 750, FreeShippingThreshold: 15000}
	if err != nil || saved.Terms != want {
		t.Fatalf("saved terms %+v (%v), want %+v", saved.Terms, err, want)
	}
	f.load(data.Supplier{})
	f.load(saved)
	if got := f.byKey["shipping charge"].entry.Text; got != "7.50" {
		t.Errorf("shipping charge reads %q after loading, want 7.50", got)
	}
	if got := labelsUnder(v.detail.content()); !strings.Contains(got, "Purchase now counts these in each offer's landed cost") {
		t.Errorf("the detail does not explain the charges:\n%s", got)
	}
}
