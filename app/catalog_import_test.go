package app_test

import (
	"errors"
	"strings"
	"testing"
	"time"

	"clockwork/app"
	"clockwork/app/apptest"
	"clockwork/data"
)

const catalogHeader = "sku,supplier_sku,title,unit_cost,lead_time_days,min_order_qty,pack_size,available_qty,price\n"

func importCatalogText(t *testing.T, a *app.App, text string, opt app.CatalogImportOptions) (app.CatalogImport, error) {
	t.Helper()
	return a.ImportCatalog(strings.NewReader(text), "prices.csv", opt)
}

// counts is how many rows the catalog's tables hold, to prove a refused import wrote nothing.
func counts(t *testing.T, a *app.App) [5]int64 {
	t.Helper()
	var c [5]int64
	for i, m := range []any{&data.Supplier{}, &data.Product{}, &data.Offer{}, &data.OfferCost{}, &data.SupplierEvent{}} {
		if err := a.DBForTest().Model(m).Count(&c[i]).Error; err != nil {
			t.Fatal(err)
		}
	}
	return c
}

func TestImportCatalogCreatesThenUpdates(t *testing.T) {
	a, clock := apptest.NewApp(t)
	// A BOM, CRLF line ends, a quoted comma and a quoted line break, as spreadsheets write them.
	first := "\ufeff" + strings.ReplaceAll(catalogHeader, "\n", "\r\n") +
		"MUG-1,NL-100,\"Enamel Mug, sage\",4.20,3,1,6,40,14.90\r\n" +
		"BOWL-2,NL-200,\"Stoneware Bowl\nlarge\",7.00,,,,,22.00\r\n"
	res, err := importCatalogText(t, a, first, app.CatalogImportOptions{Supplier: "Nordlicht Trading"})
	if err != nil {
		t.Fatal(err)
	}
	if !res.Written || !res.NewSupplier || res.NewProducts != 2 || res.NewOffers != 0 {
		t.Fatalf("first import: %s", res.Summary())
	}
	s, err := a.SupplierByName("nordlicht trading")
	if err != nil || s.Status != data.SupplierProspect {
		t.Fatalf("new supplier %+v (%v), want a prospect", s, err)
	}
	mug, _ := a.Products(app.ProductQuery{ListQuery: app.ListQuery{Search: "MUG-1"}})
	if len(mug) != 1 || mug[0].Title != "Enamel Mug, sage" || mug[0].Price != 1490 || *mug[0].BestMargin() != 1070 {
		t.Fatalf("mug after import: %+v", mug)
	}
	offers, _ := a.ProductOffers(mug[0].ID)
	if o := offers[0]; o.SupplierSKU != "NL-100" || o.PackSize != 6 || o.LeadDays != 3 || *o.AvailableQty != 40 || !o.AvailableAt.Equal(apptest.Now) {
		t.Errorf("mug offer %+v", o.Offer)
	}

	clock.Advance(72 * time.Hour)
	second := catalogHeader +
		"MUG-1,NL-100,Enamel Mug,4.60,3,1,6,12,14.90\n" + // cost and stock change; the title is the supplier's
		"BOWL-2,NL-200,\"Stoneware Bowl\nlarge\",7.00,,,,,22.00\n" + // nothing changes
		"CUP-3,NL-300,Espresso Cup,2.10,3,12,1,,6.50\n"
	res, err = importCatalogText(t, a, second, app.CatalogImportOptions{Supplier: "NORDLICHT TRADING"})
	if err != nil {
		t.Fatal(err)
	}
	if res.NewSupplier || res.Supplier != "Nordlicht Trading" || res.NewProducts != 1 || res.Updated != 1 || res.Unchanged != 1 || res.CostChanges != 1 {
		t.Fatalf("re-import: %s", res.Summary())
	}
	if d := res.Rows[0].Detail; !strings.Contains(d, "cost 4.20 → 4.60") || !strings.Contains(d, "stock 40 → 12") {
		t.Errorf("mug row says %q", d)
	}
	offers, _ = a.ProductOffers(mug[0].ID)
	costs, _ := a.OfferCosts(offers[0].ID)
	if len(costs) != 2 || costs[0].UnitCost != 460 || costs[1].UnitCost != 420 || !costs[0].From.Equal(clock.T) {
		t.Errorf("cost history %+v, want 4.60 from now then 4.20", costs)
	}
	if !offers[0].AvailableAt.Equal(clock.T) || offers[0].ProductTitle != "Enamel Mug" {
		t.Errorf("offer after re-import: stock dated %v, product %q", offers[0].AvailableAt, offers[0].ProductTitle)
	}
}

func TestImportCatalogAddsOfferToExistingProduct(t *testing.T) {
	a, _ := apptest.NewApp(t)
	other := mustSupplier(t, a, data.Supplier{Name: "Atlas", QuotedLeadDays: 2})
	p := mustProduct(t, a, "MUG-1", 1490)
	mustOffer(t, a, data.Offer{ProductID: p.ID, SupplierID: other.ID, UnitCost: 500, PackSize: 1, MinQty: 1})
	mustSupplier(t, a, data.Supplier{Name: "Birch", QuotedLeadDays: 6})
	res, err := importCatalogText(t, a, "sku,cost\nMUG-1,4.80\n", app.CatalogImportOptions{Supplier: "Birch"})
	if err != nil || res.NewOffers != 1 {
		t.Fatalf("import: %v %s", err, res.Summary())
	}
	if got := offerOrder(t, a, p.ID); got != ":1 MUG-1:2" {
		t.Errorf("offers %s: the new one goes second, under the file's SKU", got)
	}
	offers, _ := a.ProductOffers(p.ID)
	if o := offers[1]; o.SupplierName != "Birch" || o.LeadDays != 6 || o.PackSize != 1 || o.MinQty != 1 || o.UnitCost != 480 {
		t.Errorf("new offer %+v: the file leaves out lead, pack and minimum, so the supplier's defaults apply", o)
	}
}

// TestImportCatalogBadInputWritesNothing runs every bad file of the issue against a shop
// that already has a catalog; each file also holds a valid change, which must not be made.
func TestImportCatalogBadInputWritesNothing(t *testing.T) {
	valid := "MUG-1,NL-100,Enamel Mug,9.99,3,1,1,5,14.90\n"
	cases := []struct {
		name, text, supplier string
		line                 int
		field, says          string
	}{
		{"bad number", catalogHeader + valid + "CUP-3,,Cup,2.10,soon,1,1,,6.50\n", "Nordlicht", 3, "lead_time_days", "whole number"},
		{"pack size 0", catalogHeader + valid + "CUP-3,,Cup,2.10,3,1,0,,6.50\n", "Nordlicht", 3, "pack_size", "at least 1"},
		{"negative cost", catalogHeader + valid + "CUP-3,,Cup,-2.10,3,1,1,,6.50\n", "Nordlicht", 3, "unit_cost", "negative"},
		{"duplicate SKU", catalogHeader + valid + "MUG-1,NL-101,Mug again,4.00,3,1,1,,14.90\n", "Nordlicht", 3, "sku", "already on line 2"},
		{"missing SKU column", "code,title,unit_cost\nMUG-1,Mug,9.99\n", "Nordlicht", 1, "sku", "no SKU column"},
		{"missing cost column", "sku,title,price\nMUG-1,Mug,14.90\n", "Nordlicht", 0, "unit_cost", "no cost column"},
		{"new SKU without title", catalogHeader + valid + "CUP-3,,,2.10,3,1,1,,6.50\n", "Nordlicht", 3, "title", "no title"},
		{"new offer without cost", catalogHeader + valid + "CUP-3,,Cup,,3,1,1,,6.50\n", "Nordlicht", 3, "unit_cost", "needs the unit cost"},
		{"no supplier named", catalogHeader + valid, " ", 0, "supplier", "which supplier"},
		{"unclosed quote", catalogHeader + valid + "CUP-3,,\"Cup,2.10\n", "Nordlicht", 0, "", "quote"},
		{"empty file", "", "Nordlicht", 0, "", "empty"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			a, _ := apptest.NewApp(t)
			if _, err := importCatalogText(t, a, catalogHeader+"MUG-1,NL-100,Enamel Mug,4.20,3,1,1,40,14.90\n", app.CatalogImportOptions{Supplier: "Nordlicht"}); err != nil {
				t.Fatal(err)
			}
			before := counts(t, a)
			res, err := importCatalogText(t, a, c.text, app.CatalogImportOptions{Supplier: c.supplier})
			var ie *app.InputError
			if !errors.As(err, &ie) {
				t.Fatalf("err = %v, want an *app.InputError", err)
			}
			if !hasProblem(ie, c.line, c.field, c.says) {
				t.Errorf("problems %v, want line %d field %q saying %q", ie.Problems, c.line, c.field, c.says)
			}
			if res.Written || counts(t, a) != before {
				t.Errorf("rows before %v, after %v: a refused import wrote", before, counts(t, a))
			}
			if rows, _ := a.Products(app.ProductQuery{}); rows[0].BestCost == nil || *rows[0].BestCost != 420 {
				t.Errorf("the valid row's cost change was written: %+v", rows[0])
			}
		})
	}
}

func hasProblem(ie *app.InputError, line int, field, says string) bool {
	for _, p := range ie.Problems {
		if p.Line == line && p.Field == field && strings.Contains(p.Message, says) {
			return true
		}
	}
	return false
}

func TestImportCatalogListsEveryProblemAndCanSkipThem(t *testing.T) {
	a, _ := apptest.NewApp(t)
	text := catalogHeader + "A-1,,Lamp,x,,,,,\nB-2,,Shade,3.00,,,0,,\nC-3,,Bulb,1.00,,,,,\n"
	res, err := importCatalogText(t, a, text, app.CatalogImportOptions{Supplier: "Lumen", DryRun: true})
	var ie *app.InputError
	if !errors.As(err, &ie) || len(ie.Problems) != 2 {
		t.Fatalf("err = %v, want both problems", err)
	}
	if p := ie.Problems[0]; p.File != "prices.csv" || p.Line != 2 || p.Field != "unit_cost" {
		t.Errorf("first problem %+v, want prices.csv line 2 unit_cost", p)
	}
	if len(res.Rows) != 3 || res.Rows[0].Change != app.ChangeInvalid || !strings.Contains(res.Rows[0].Raw, "Lamp") || res.Rows[2].Change != app.ChangeNewProduct {
		t.Errorf("preview %+v: every row, problems marked", res.Rows)
	}
	res, err = importCatalogText(t, a, text, app.CatalogImportOptions{Supplier: "Lumen", SkipInvalid: true})
	if err != nil || !res.Written || res.NewProducts != 1 {
		t.Fatalf("skipping the bad rows: %v %s", err, res.Summary())
	}
	if n, _ := a.CountProducts(app.ProductQuery{}); n != 1 {
		t.Errorf("%d products, want the one valid row", n)
	}
}

func TestImportCatalogDryRunWritesNothing(t *testing.T) {
	a, _ := apptest.NewApp(t)
	res, err := importCatalogText(t, a, catalogHeader+"MUG-1,NL-100,Enamel Mug,4.20,3,1,1,40,14.90\n", app.CatalogImportOptions{Supplier: "Nordlicht", DryRun: true})
	if err != nil || res.Written || res.NewProducts != 1 || !res.NewSupplier {
		t.Fatalf("dry run: %v %s", err, res.Summary())
	}
	if !strings.Contains(res.Summary(), "nothing was written") {
		t.Errorf("summary %q", res.Summary())
	}
	if c := counts(t, a); c != [5]int64{} {
		t.Errorf("a dry run wrote %v", c)
	}
}

func TestImportCatalogNeverSkipsAProblemWithTheWholeFile(t *testing.T) {
	a, _ := apptest.NewApp(t)
	_, err := importCatalogText(t, a, "sku,title,available_qty\nA-1,Lamp,3\n", app.CatalogImportOptions{Supplier: "New Co", SkipInvalid: true})
	var ie *app.InputError
	if !errors.As(err, &ie) || !strings.Contains(err.Error(), "stock list") {
		t.Fatalf("err = %v, want the stock list refusal even when skipping bad rows", err)
	}
	if c := counts(t, a); c != [5]int64{} {
		t.Errorf("wrote %v", c)
	}
}
