package app_test

import (
	"errors"
	"strings"
	"testing"

	"clockwork/app"
	"clockwork/app/apptest"
	"clockwork/app/importfile"
)

// oddList is a price list whose headers Clockwork does not know.
const oddList = "Code;Kurztext;Netto EUR;Menge frei;Karton\nK-1;Gartenschere;7,80;12;24\nK-2;Gießkanne;4,10;-1;6\n"

func TestImportCatalogThroughAColumnMapRemembered(t *testing.T) {
	a, _ := apptest.NewApp(t)
	res, err := a.ImportCatalog(strings.NewReader(oddList), "liste.csv", app.CatalogImportOptions{Supplier: "Gartenhof", DryRun: true})
	var ie *app.InputError
	if !errors.As(err, &ie) || !res.NeedsMap || len(res.Header) != 5 || ie.Problems[0].Line != 1 {
		t.Fatalf("an unknown layout: err %v needs map %v header %v", err, res.NeedsMap, res.Header)
	}
	m := importfile.ColumnMap{"sku": "Code", "title": "Kurztext", "unit_cost": "Netto EUR", "available_qty": "Menge frei", "carton_qty": "Karton"}
	res, err = a.ImportCatalog(strings.NewReader(oddList), "liste.csv", app.CatalogImportOptions{Supplier: "Gartenhof", Map: m})
	if err != nil || res.NewProducts != 2 || len(res.Warnings) != 1 {
		t.Fatalf("with the map: %v %s", err, res.Summary())
	}
	p, _ := a.Products(app.ProductQuery{ListQuery: app.ListQuery{Search: "K-1"}})
	offers, _ := a.ProductOffers(p[0].ID)
	if o := offers[0]; o.UnitCost != 780 || o.PackSize != 1 || *o.AvailableQty != 12 || p[0].Title != "Gartenschere" {
		t.Errorf("offer %+v title %q: want cost 7.80, pack 1 (the carton is information), stock 12", o.Offer, p[0].Title)
	}
	// The next list of the same shape needs no questions.
	next := strings.Replace(oddList, "7,80", "8,20", 1)
	res, err = a.ImportCatalog(strings.NewReader(next), "liste-2.csv", app.CatalogImportOptions{Supplier: "Gartenhof"})
	if err != nil || !res.SavedMap || res.CostChanges != 1 || res.NeedsMap {
		t.Fatalf("the same shape again: %v saved %v %s", err, res.SavedMap, res.Summary())
	}
	if !strings.Contains(res.Map, "unit_cost=\"Netto EUR\"") || !strings.Contains(res.Map, "carton_qty=Karton") {
		t.Errorf("saved map %q", res.Map)
	}
}

func TestImportCatalogRefusesABadMap(t *testing.T) {
	a, _ := apptest.NewApp(t)
	m := importfile.ColumnMap{"sku": "Code", "unit_cost": "Preis"}
	_, err := a.ImportCatalog(strings.NewReader(oddList), "liste.csv", app.CatalogImportOptions{Supplier: "Gartenhof", Map: m})
	var ie *app.InputError
	if !errors.As(err, &ie) || ie.Problems[0].Line != 1 || ie.Problems[0].Field != "Preis" || !strings.Contains(err.Error(), "does not have") {
		t.Fatalf("err %v, want the header line and the missing column named", err)
	}
	if counts(t, a) != [5]int64{} {
		t.Error("a refused map wrote")
	}
	if _, ok, _ := a.SavedColumnMap(app.MapCatalog, strings.Split("Code;Kurztext;Netto EUR;Menge frei;Karton", ";")); ok {
		t.Error("a refused map was saved")
	}
}
