package app_test

import (
	"errors"
	"strings"
	"testing"

	"clockwork/app"
	"clockwork/app/apptest"
	"clockwork/data"
)

// TestPriceListSetsSupplierTerms: a price list that states the supplier's order fee and
// shipping sets them, for a new supplier and again for a known one; rows that disagree are
// refused with the line to fix, and nothing is written.
func TestPriceListSetsSupplierTerms(t *testing.T) {
	a, _ := apptest.NewApp(t)
	head := "sku,title,unit_cost,order_fee,shipping_charge,free_shipping_from\n"
	res, err := importCatalogText(t, a, head+"MUG-1,Mug,4.20,5.00,7.50,100.00\nBOWL-2,Bowl,7.00,,,\n", app.CatalogImportOptions{Supplier: "Nordlicht"})
	if err != nil || !res.TermsSet || !strings.Contains(res.Summary(), "order fee and shipping") {
		t.Fatalf("import: %s (%v)", res.Summary(), err)
	}
	s, _ := a.SupplierByName("Nordlicht")
	if want := (data.SupplierTerms{OrderFee: 500, ShippingCharge: 750, FreeShippingThreshold: 10000}); s.Terms != want {
		t.Errorf("terms %+v, want %+v", s.Terms, want)
	}
	res, err = importCatalogText(t, a, head+"MUG-1,Mug,4.20,0,7.50,80\n", app.CatalogImportOptions{Supplier: "Nordlicht"})
	if err != nil || !res.TermsSet {
		t.Fatalf("second import: %s (%v)", res.Summary(), err)
	}
	s, _ = a.SupplierByName("Nordlicht")
	if want := (data.SupplierTerms{ShippingCharge: 750, FreeShippingThreshold: 8000}); s.Terms != want {
		t.Errorf("terms after the second list %+v, want %+v", s.Terms, want)
	}
	log, err := a.SupplierEvents(s.ID, 0, 10)
	noted := false
	for _, e := range log {
		noted = noted || strings.Contains(e.Text, "order fee 0.00, shipping 7.50, free from 80.00")
	}
	if err != nil || !noted {
		t.Errorf("contact log %+v (%v) does not note the new terms", log, err)
	}
	before := counts(t, a)
	_, err = importCatalogText(t, a, head+"MUG-1,Mug,4.20,5.00,,\nBOWL-2,Bowl,7.00,6.00,,\n", app.CatalogImportOptions{Supplier: "Nordlicht"})
	var ie *app.InputError
	if !errors.As(err, &ie) || ie.Problems[0].Line != 3 || !strings.Contains(ie.Problems[0].Message, "differs from 5.00 on line 2") {
		t.Errorf("disagreeing rows: %v", err)
	}
	if counts(t, a) != before {
		t.Error("a refused price list wrote something")
	}
}
