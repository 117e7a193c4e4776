package views

import (
	"os"
	"strings"
	"testing"

	"clockwork/app"
	"clockwork/app/apptest"
	"clockwork/data"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

func catalogOf(s *shell) *catalog {
	s.navigate(screenCatalog)
	return s.screens[2].view.(*catalog)
}

func TestCatalogEmptyStateSaysWhatToDo(t *testing.T) {
	s, _, _ := newTestShell(t)
	v := catalogOf(s)
	if got := labelsUnder(v.empty); !strings.Contains(got, "No products yet") || !strings.Contains(got, "price list") {
		t.Errorf("empty catalog says %q", got)
	}
	if !buttonTexts(v.empty)["Import a price list…"] {
		t.Error("the empty catalog does not offer the import")
	}
}

// TestAddProductThenOffer taps through adding a product by hand, marking it a trial and
// giving it a supplier's offer, seeing each mistake as it is typed.
func TestAddProductThenOffer(t *testing.T) {
	s, a, _ := newTestShell(t)
	sup := data.Supplier{Name: "Nordlicht Trading", Status: data.SupplierActive, QuotedLeadDays: 3}
	if err := a.SaveSupplier(&sup); err != nil {
		t.Fatal(err)
	}
	v := catalogOf(s)
	test.Tap(button(t, v.root, "New product"))
	f := v.detail.form
	typeInto(f.sku.entry, "MUG-1")
	typeInto(f.title.entry, "Enamel Mug, sage")
	typeInto(f.price.entry, "fourteen")
	if !strings.Contains(f.price.msg.Text, "14.90") {
		t.Errorf("price problem as typed: %q", f.price.msg.Text)
	}
	typeInto(f.price.entry, "14.90")
	test.Tap(f.trial)
	if f.trialStart.text() != "2026-03-12" {
		t.Errorf("trial start %q, want today", f.trialStart.text())
	}
	test.Tap(v.detail.save)
	rows, _ := a.Products(app.ProductQuery{})
	if len(rows) != 1 || rows[0].Price != 1490 || !rows[0].Trial || rows[0].TrialStart != "2026-03-12" {
		t.Fatalf("stored products %+v", rows)
	}
	if v.list.count != 1 || v.detail.title.Text != "MUG-1 · Enamel Mug, sage" {
		t.Errorf("after saving: %d rows, heading %q", v.list.count, v.detail.title.Text)
	}

	offers := v.detail.offers
	test.Tap(offers.add)
	of := offers.form
	if of == nil {
		t.Fatal("Add offer… opened no form")
	}
	of.supplier.SetSelected("Nordlicht Trading")
	typeInto(of.byKey["unit cost"].entry, "-4.20")
	typeInto(of.byKey["pack size"].entry, "0")
	if !strings.Contains(of.byKey["unit cost"].msg.Text, "negative") || !strings.Contains(of.byKey["pack size"].msg.Text, "at least 1") {
		t.Errorf("offer problems as typed: cost %q, pack %q", of.byKey["unit cost"].msg.Text, of.byKey["pack size"].msg.Text)
	}
	offers.saveForm()
	if n, _ := a.CountSupplierOffers(sup.ID); n != 0 {
		t.Fatal("an offer with mistakes was saved")
	}
	typeInto(of.byKey["unit cost"].entry, "4.20")
	typeInto(of.byKey["pack size"].entry, "6")
	typeInto(of.byKey["lead days"].entry, "3")
	typeInto(of.byKey["available"].entry, "40")
	typeInto(of.byKey["supplier sku"].entry, "NL-100")
	offers.saveForm()
	lines, _ := a.ProductOffers(rows[0].ID)
	if len(lines) != 1 || lines[0].UnitCost != 420 || lines[0].PackSize != 6 || *lines[0].AvailableQty != 40 || lines[0].Priority != 1 {
		t.Fatalf("stored offers %+v", lines)
	}
	if offers.table.count != 1 || offers.form != nil {
		t.Errorf("after saving: %d offers shown, dialog open %v", offers.table.count, offers.form != nil)
	}
	cols := offerColumns(v.format)
	if got := cols["margin"].text(lines[0]); got != "€10.70 · 71%" {
		t.Errorf("margin shows %q, want €10.70 · 71%%", got)
	}
	if got := cols["stock"].text(lines[0]); got != "40 · just now" {
		t.Errorf("availability shows %q", got)
	}
}

func TestPreferAndWithdrawOffers(t *testing.T) {
	s, a, _ := newTestShell(t)
	p := data.Product{SKU: "MUG-1", Title: "Enamel Mug", Price: 1490, Active: true}
	if err := a.SaveProduct(&p); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"Atlas", "Birch"} {
		sup := data.Supplier{Name: name, Status: data.SupplierActive}
		if err := a.SaveSupplier(&sup); err != nil {
			t.Fatal(err)
		}
		if err := a.SaveOffer(&data.Offer{ProductID: p.ID, SupplierID: sup.ID, UnitCost: 500, PackSize: 1, MinQty: 1}); err != nil {
			t.Fatal(err)
		}
	}
	v := catalogOf(s)
	v.list.onCellSelected(widget.TableCellID{Row: 0, Col: 0})
	panel := v.detail.offers
	if panel.prefer.Disabled() == false {
		t.Error("Make preferred is enabled with no offer selected")
	}
	panel.table.onCellSelected(widget.TableCellID{Row: 1, Col: 0}) // Birch, second
	test.Tap(panel.prefer)
	if got := panel.offers[0].SupplierName + " " + priorityText(panel.offers[0]); got != "Birch 1 preferred" {
		t.Errorf("first offer after preferring Birch: %s", got)
	}
	test.Tap(panel.withdraw)
	lines, _ := a.ProductOffers(p.ID)
	if lines[0].SupplierName != "Atlas" || lines[0].Priority != 1 || lines[1].Active {
		t.Errorf("after withdrawing Birch: %+v", lines)
	}
	if panel.withdraw.Text != "Bring back" {
		t.Errorf("the withdrawn offer's button says %q", panel.withdraw.Text)
	}
}

func TestImportPriceListDialog(t *testing.T) {
	s, a, _ := newTestShell(t)
	f, err := os.Open(apptest.Fixture(t, "supplier-ingram-micro-pricelist.csv"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var done string
	ci := newCatalogImport(a, s.win, inline, "Ingram Micro", func(summary string) { done = summary })
	if err := ci.load("ingram.csv", f); err != nil {
		t.Fatal(err)
	}
	if len(ci.result.Rows) != 39 || ci.importAll.Disabled() || !strings.Contains(ci.summary.Text, "39 new products") {
		t.Fatalf("preview: %d rows, import enabled %v, %q", len(ci.result.Rows), !ci.importAll.Disabled(), ci.summary.Text)
	}
	if n, _ := a.CountProducts(app.ProductQuery{}); n != 0 {
		t.Fatal("the preview wrote")
	}
	// Ingram's carton of 40 shows as information; the pack size (multiple) stays empty.
	for _, r := range ci.result.Rows {
		if r.SKU == "0712830" && (previewText(r, "Carton") != "40" || previewText(r, "Multiple") != "–" || !strings.Contains(r.Detail, "not a pack size")) {
			t.Errorf("0712830 previews carton %q multiple %q detail %q", previewText(r, "Carton"), previewText(r, "Multiple"), r.Detail)
		}
	}
	ci.supplier.SetText("Someone else")
	if !ci.importAll.Disabled() {
		t.Error("Import stays enabled after the supplier changed; the preview no longer fits")
	}
	ci.supplier.SetText("Ingram Micro")
	test.Tap(ci.importAll)
	if n, _ := a.CountProducts(app.ProductQuery{}); n != 39 || !strings.Contains(done, "39 new products") {
		t.Errorf("after Import: %d products, summary %q", n, done)
	}
}

func TestImportDialogMarksProblems(t *testing.T) {
	s, a, _ := newTestShell(t)
	ci := newCatalogImport(a, s.win, inline, "", func(string) {})
	text := "sku,title,unit_cost,pack_size\nA-1,Lamp,x,1\nB-2,Shade,3.00,0\nC-3,Bulb,1.00,1\n"
	if err := ci.load("lamps.csv", strings.NewReader(text)); err != nil {
		t.Fatal(err)
	}
	if len(ci.result.Rows) != 0 || !ci.preview.Disabled() {
		t.Error("a preview ran without a supplier")
	}
	test.Type(ci.supplier, "Lumen")
	test.Tap(ci.preview)
	if !ci.importAll.Disabled() || !ci.importValid.Visible() || !strings.Contains(ci.summary.Text, "2 rows have problems") {
		t.Fatalf("with bad rows: import enabled %v, valid-only shown %v, %q", !ci.importAll.Disabled(), ci.importValid.Visible(), ci.summary.Text)
	}
	if r := ci.result.Rows[0]; r.Change != app.ChangeInvalid || !strings.Contains(r.Detail, "unit_cost") {
		t.Errorf("first row %+v, want marked invalid", r)
	}
	if ci.importValid.Text != "Import the 1 valid row" {
		t.Errorf("valid-only button %q", ci.importValid.Text)
	}
	test.Tap(ci.importValid)
	if n, _ := a.CountProducts(app.ProductQuery{}); n != 1 {
		t.Errorf("%d products after importing the valid rows, want 1", n)
	}
}
