package app_test

import (
	"errors"
	"os"
	"strings"
	"testing"

	"clockwork/app"
	"clockwork/app/apptest"
)

func TestImportIngramCartonIsNotThePackSize(t *testing.T) {
	a, _ := apptest.NewApp(t)
	res, err := importFixture(t, a, "supplier-ingram-micro-pricelist.csv", "Ingram Micro")
	if err != nil {
		t.Fatal(err)
	}
	var row app.CatalogImportRow
	for _, r := range res.Rows {
		if r.SKU == "0712830" {
			row = r
		}
	}
	if !strings.Contains(row.Detail, "carton of 40 (information: not a pack size)") {
		t.Errorf("preview of 0712830 says %q, want the carton of 40 as information", row.Detail)
	}
	p, _ := a.Products(app.ProductQuery{ListQuery: app.ListQuery{Search: "0712830"}})
	offers, _ := a.ProductOffers(p[0].ID)
	if o := offers[0]; o.PackSize != 1 || o.MinQty != 1 {
		t.Errorf("offer pack %d minimum %d, want 1 and 1: one ordered unit must not become a PO for 40", o.PackSize, o.MinQty)
	}
}

func TestImportNegativeStockWarnsAndImports(t *testing.T) {
	raw, err := os.ReadFile(apptest.Fixture(t, "supplier-ingram-micro-pricelist.csv"))
	if err != nil {
		t.Fatal(err)
	}
	// Ingram writes what it owes on back order as negative stock; the real row has 20.
	text := strings.Replace(string(raw), "|0.00||||20|0|0|03.01.2019", "|0.00||||-6|0|0|03.01.2019", 1)
	if text == string(raw) {
		t.Fatal("the fixture's first row changed: update the test")
	}
	a, _ := apptest.NewApp(t)
	res, err := a.ImportCatalog(strings.NewReader(text), "PL_6xxxxx.csv", app.CatalogImportOptions{Supplier: "Ingram Micro"})
	if err != nil || !res.Written || res.NewProducts != 39 {
		t.Fatalf("negative stock blocked the list: %v %s", err, res.Summary())
	}
	if len(res.Warnings) != 1 || res.Warnings[0].Line != 2 || res.Warnings[0].Field != "VMENGE" || !strings.Contains(res.Summary(), "1 warning") {
		t.Errorf("warnings %v, summary %q: want one on line 2, VMENGE", res.Warnings, res.Summary())
	}
	p, _ := a.Products(app.ProductQuery{ListQuery: app.ListQuery{Search: "0585EJ5"}})
	offers, _ := a.ProductOffers(p[0].ID)
	if q := offers[0].AvailableQty; q == nil || *q != 0 {
		t.Errorf("stock %v, want 0", q)
	}
}

func TestImportGermanDistributorList(t *testing.T) {
	f, err := os.Open("importfile/testdata/pricelists/alltron-stizun.csv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	a, _ := apptest.NewApp(t)
	res, err := a.ImportCatalog(f, "alltron-stizun.csv", app.CatalogImportOptions{Supplier: "Alltron"})
	if err != nil || res.NewProducts != 4 {
		t.Fatalf("%v %s", err, res.Summary())
	}
	p, _ := a.Products(app.ProductQuery{ListQuery: app.ListQuery{Search: "DS HP BA DDS6"}})
	if len(p) != 1 || *p[0].BestCost != 1269 || p[0].Price != 1790 {
		t.Errorf("HP cartridge %+v: want cost 12.69 from Preis (exkl. MWSt) and price 17.90", p)
	}
}

func TestImportCatalogRefusesAnOrderReport(t *testing.T) {
	a, _ := apptest.NewApp(t)
	amazon := "order-id\tpurchase-date\tbuyer-name\tsku\tproduct-name\tquantity-purchased\titem-price\n" +
		"112-0000000-0000001\t2024-05-01T10:00:00+00:00\tA Buyer\tMUG-1\tMug\t1\t12.00\n"
	_, err := a.ImportCatalog(strings.NewReader(amazon), "amazon.txt", app.CatalogImportOptions{Supplier: "Someone"})
	var ie *app.InputError
	if !errors.As(err, &ie) || ie.Problems[0].File != "amazon.txt" || !strings.Contains(err.Error(), "order export (it has the columns order-id, purchase-date") {
		t.Fatalf("err %v, want a refusal naming the file and the order columns", err)
	}
	if counts(t, a) != [5]int64{} {
		t.Error("a refused file wrote")
	}
}
