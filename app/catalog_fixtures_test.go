package app_test

import (
	"bytes"
	"errors"
	"os"
	"strings"
	"testing"

	"clockwork/app"
	"clockwork/app/apptest"
	"clockwork/data"

	"github.com/xuri/excelize/v2"
)

func importFixture(t *testing.T, a *app.App, name, supplier string) (app.CatalogImport, error) {
	t.Helper()
	return importFixtureWith(t, a, name, app.CatalogImportOptions{Supplier: supplier})
}

func importFixtureWith(t *testing.T, a *app.App, name string, opt app.CatalogImportOptions) (app.CatalogImport, error) {
	t.Helper()
	f, err := os.Open(apptest.Fixture(t, name))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	return a.ImportCatalog(f, name, opt)
}

func TestImportIngramPriceList(t *testing.T) {
	a, _ := apptest.NewApp(t)
	res, err := importFixture(t, a, "supplier-ingram-micro-pricelist.csv", "Ingram Micro")
	if err != nil {
		t.Fatal(err)
	}
	if !res.Written || res.NewProducts != 39 || len(res.Rows) != 39 {
		t.Fatalf("Ingram: %s", res.Summary())
	}
	rows, _ := a.Products(app.ProductQuery{ListQuery: app.ListQuery{Search: "0585EJ5"}})
	if len(rows) != 1 || rows[0].Price != 4800 || *rows[0].BestCost != 4400 || !strings.HasPrefix(rows[0].Title, "KENSINGTON") {
		t.Errorf("the SKU with a leading zero: %+v", rows)
	}
	noPrice, _ := a.Products(app.ProductQuery{ListQuery: app.ListQuery{Sort: "price", Limit: 3}})
	for _, r := range noPrice {
		if r.Price != 0 {
			t.Errorf("rows with EVP 0.00 should have no price yet, got %s", r.Price)
		}
	}
	again, err := importFixture(t, a, "supplier-ingram-micro-pricelist.csv", "ingram micro")
	if err != nil || again.Unchanged != 39 || again.NewSupplier {
		t.Errorf("importing the same list again: %v %s", err, again.Summary())
	}
}

func TestImportJETStockList(t *testing.T) {
	a, _ := apptest.NewApp(t)
	before := counts(t, a)
	_, err := importFixture(t, a, "supplier-jet-catalog-latin1.csv", "jET Schweiz")
	var ie *app.InputError
	if !errors.As(err, &ie) || len(ie.Problems) != 2 || !strings.Contains(ie.Problems[0].Message, "price list (with costs) first") {
		t.Fatalf("a stock list for a supplier not yet known: %v, want a refusal that explains, then line 56's bad stock figure", err)
	}
	if p := ie.Problems[1]; p.Line != 56 || p.Field != "Bestand" {
		t.Errorf("second problem %+v, want line 56 Bestand (36.1 is the weight, shifted into the stock column)", p)
	}
	if counts(t, a) != before {
		t.Error("the refused stock list wrote")
	}

	// Once the shop buys one of jET's articles, the stock list (less its bad row, on
	// request) updates that offer's availability.
	jet := mustSupplier(t, a, data.Supplier{Name: "jET Schweiz"})
	monitor := mustProduct(t, a, "MON-AOC-24", 18900)
	offer := mustOffer(t, a, data.Offer{ProductID: monitor.ID, SupplierID: jet.ID, SupplierSKU: "24619", UnitCost: 12900, PackSize: 1, MinQty: 1})
	res, err := importFixtureWith(t, a, "supplier-jet-catalog-latin1.csv", app.CatalogImportOptions{Supplier: "jet schweiz", SkipInvalid: true})
	if err != nil {
		t.Fatal(err)
	}
	if !res.StockOnly || res.StockUpdates != 1 || res.Skipped != 99 || !strings.Contains(res.Summary(), "availability of 1 offers") {
		t.Fatalf("stock list: %s", res.Summary())
	}
	offers, _ := a.ProductOffers(monitor.ID)
	if o := offers[0]; o.ID != offer.ID || o.AvailableQty == nil || *o.AvailableQty != 0 || o.UnitCost != 12900 {
		t.Errorf("offer after the stock list: %+v, want stock 0 and the cost kept", o.Offer)
	}
}

func TestImportRefusesFilesThatAreNotPriceLists(t *testing.T) {
	cases := []struct{ file, says string }{
		{"shopify-products-export-packt.csv", "Shopify products export"},
		{"shopify-orders-transporter-template.csv", "order export"},
		{"woocommerce-orders-webtoffee-sample.csv", "order export"},
	}
	for _, c := range cases {
		t.Run(c.file, func(t *testing.T) {
			a, _ := apptest.NewApp(t)
			_, err := importFixture(t, a, c.file, "Someone")
			var ie *app.InputError
			if !errors.As(err, &ie) || !strings.Contains(err.Error(), c.says) {
				t.Fatalf("err = %v, want a refusal saying %q", err, c.says)
			}
			if counts(t, a) != [5]int64{} {
				t.Error("a refused file wrote")
			}
		})
	}
}

func TestImportCatalogFromXLSX(t *testing.T) {
	f := excelize.NewFile()
	rows := [][]any{
		{"SKU", "Description", "Cost", "MOQ", "Lead time", "Qty available"},
		{"LAMP-1", "Reading Lamp, brass", 31.5, 2, 5, 14},
		{"LAMP-2", "Desk Lamp", 18, 1, 5, 0},
	}
	for i, r := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		if err := f.SetSheetRow("Sheet1", cell, &r); err != nil {
			t.Fatal(err)
		}
	}
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		t.Fatal(err)
	}
	a, _ := apptest.NewApp(t)
	res, err := a.ImportCatalog(bytes.NewReader(buf.Bytes()), "lamps.xlsx", app.CatalogImportOptions{Supplier: "Lumen"})
	if err != nil || res.NewProducts != 2 {
		t.Fatalf("xlsx: %v %s", err, res.Summary())
	}
	p, _ := a.Products(app.ProductQuery{})
	offers, _ := a.ProductOffers(p[0].ID)
	if o := offers[0]; o.UnitCost != 3150 || o.MinQty != 2 || o.LeadDays != 5 || *o.AvailableQty != 14 || o.ProductTitle != "Reading Lamp, brass" {
		t.Errorf("offer from the workbook: %+v", o)
	}
}
