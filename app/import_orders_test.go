package app_test

import (
	"bytes"
	"context"
	"errors"
	"os"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"clockwork/app"
	"clockwork/app/apptest"
	"clockwork/data"
)

func importFile(t *testing.T, a *app.App, path string, opt app.ImportOptions) (app.ImportResult, error) {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	return a.ImportOrders(context.Background(), f, path, opt)
}

func importText(a *app.App, name, text string, opt app.ImportOptions) (app.ImportResult, error) {
	return a.ImportOrders(context.Background(), strings.NewReader(text), name, opt)
}

// order finds an order by number with its lines.
func (f *shopFixture) orderNumbered(number string) data.Order {
	f.t.Helper()
	var o data.Order
	f.must(f.db.Preload("Lines", "1 = 1 ORDER BY id").Where("number = ?", number).First(&o).Error)
	return o
}

func lineTexts(o data.Order) []string {
	var out []string
	for _, l := range o.Lines {
		out = append(out, l.SKU+"×"+strconv.Itoa(l.Qty)+"@"+l.UnitPrice.Plain())
	}
	return out
}

func TestImportWooCommerceFixture(t *testing.T) {
	path := apptest.Fixture(t, "woocommerce-orders-webtoffee-sample.csv")
	f := newShop(t)
	f.must(f.a.SaveShop(withCurrency(t, f, "USD"))) // the sample's orders are in dollars
	s := f.supplier("Atlas", 3, data.SupplierActive)
	f.product("A13", offer{supplier: s, lead: 2})
	res, err := importFile(t, f.a, path, app.ImportOptions{})
	if err != nil {
		t.Fatal(err)
	}
	// 1001 is completed (WooCommerce shipped it: nothing to buy), 1002 on hold, 1003 processing.
	if res.Format != "woocommerce" || res.Imported != 2 || res.SkippedFulfilled != 1 || res.Held != 1 || res.UnknownLines != 3 ||
		!slices.Equal(res.UnknownSKUs, []string{"A11", "A15", "B11V2"}) {
		t.Errorf("result %+v", res)
	}
	if got := res.Summary(); got != "2 orders imported (1 held until paid), 1 skipped as fulfilled in the shop, 3 lines with unknown SKUs (A11, A15, B11V2)" {
		t.Errorf("summary %q", got)
	}
	big := f.orderNumbered("1003")
	if got := lineTexts(big); !slices.Equal(got, []string{"A13×1@23.19", "A11×1@8.80", "B11V2×1@8.00"}) {
		t.Errorf("order 1003 lines %v", got)
	}
	if big.Channel != data.ChannelWooCommerce || big.Total != 5898 || big.ShipTo.Company != "Xadapter" || big.Items != 3 {
		t.Errorf("order 1003: channel %s total %s company %q items %d", big.Channel, big.Total, big.ShipTo.Company, big.Items)
	}
	if big.Lines[0].ProductID == nil || big.ShipBy != "2018-05-19" || big.ShipTo.Address1 != "20 Maple Avenue" {
		t.Errorf("order 1003's A13 line not linked to the catalog (%v) or ship by %s, want 2018-05-19", big.Lines[0].ProductID, big.ShipBy)
	}
	if held := f.orderNumbered("1002"); !held.Held || held.CustomerName != "John Edward" || held.Total != 3304 {
		t.Errorf("order 1002: held %v %q %s", held.Held, held.CustomerName, held.Total)
	}
	again, err := importFile(t, f.a, path, app.ImportOptions{})
	if err != nil || again.Imported != 0 || again.Already != 2 || again.SkippedFulfilled != 1 {
		t.Errorf("re-import: %+v %v; want 0 imported, 2 already there, 1 skipped", again, err)
	}
	if n := f.count(&data.Order{}, ""); n != 2 {
		t.Errorf("%d orders after importing twice, want 2", n)
	}
	if n := f.count(&data.OrderLine{}, ""); n != 4 {
		t.Errorf("%d order lines after importing twice, want 4", n)
	}
}

func TestImportShopifySampleWithItsBrokenRow(t *testing.T) {
	path := apptest.Fixture(t, "shopify-orders-transporter-template.csv")
	f := newShop(t)
	f.must(f.a.SaveShop(withCurrency(t, f, "USD"))) // the sample's orders are in dollars
	res, err := importFile(t, f.a, path, app.ImportOptions{})
	var ie *app.InputError
	if !errors.As(err, &ie) {
		t.Fatalf("error %v, want the problems of line 3 listed", err)
	}
	// Line 3 is one cell off: its Billing Name differs from line 2's (never merged), its
	// quantity is a title.
	if len(ie.Problems) != 3 || ie.Problems[1].Line != 3 || ie.Problems[1].Field != "Lineitem quantity" ||
		ie.Problems[0].File != "shopify-orders-transporter-template.csv" || res.Valid != 1 {
		t.Errorf("problems %v, valid %d", ie.Problems, res.Valid)
	}
	if n := f.count(&data.Order{}, ""); n != 0 {
		t.Fatalf("%d orders written despite the problems", n)
	}
	res, err = importFile(t, f.a, path, app.ImportOptions{OnlyValid: true})
	if err != nil || res.Imported != 1 || res.Cancelled != 1 || len(res.Problems) != 3 {
		t.Fatalf("valid orders only: %+v %v", res, err)
	}
	o := f.orderNumbered("#MA-1098")
	if o.Status != data.OrderCancelled || o.Lines[0].State != data.LineCancelled || o.ShipBy != "" || o.Total != 3000 {
		t.Errorf("refunded order: status %s line %s ship by %q total %s", o.Status, o.Lines[0].State, o.ShipBy, o.Total)
	}
	if o.CustomerName != "jane.doe@acme.com" {
		t.Errorf("an order with no name is listed as %q, want its e-mail", o.CustomerName)
	}
}

func TestImportShopifySampleRepaired(t *testing.T) {
	raw, err := os.ReadFile(apptest.Fixture(t, "shopify-orders-transporter-template.csv"))
	if err != nil {
		t.Fatal(err)
	}
	// Line 3 of Shopify's sample is one column off; put it back as the parser's tests do.
	lines := strings.Split(string(raw), "\n")
	cells := strings.Split(lines[2], ",")
	cells = append(cells[:30], cells[31:]...)
	cells = append(cells[:53], append([]string{""}, cells[53:]...)...)
	lines[2] = strings.Join(cells, ",")
	f := newShop(t)
	f.must(f.a.SaveShop(withCurrency(t, f, "USD")))
	// Both of #MA-1097's lines are fulfilled in Shopify: nothing is left to buy or ship.
	res, err := importText(f.a, "orders.csv", strings.Join(lines, "\n"), app.ImportOptions{Format: "shopify"})
	if err != nil || res.Imported != 1 || res.Cancelled != 1 || res.SkippedFulfilled != 1 {
		t.Fatalf("%+v %v", res, err)
	}
	// Had Shopify not shipped them yet, the order is read whole.
	for i := 1; i <= 2; i++ {
		lines[i] = strings.Replace(lines[i], ",true,true,fulfilled,", ",true,true,pending,", 1)
	}
	f = newShop(t)
	f.must(f.a.SaveShop(withCurrency(t, f, "USD")))
	res, err = importText(f.a, "orders.csv", strings.Join(lines, "\n"), app.ImportOptions{Format: "shopify"})
	if err != nil || res.Imported != 2 || res.Cancelled != 1 || res.UnknownLines != 2 {
		t.Fatalf("%+v %v", res, err)
	}
	o := f.orderNumbered("#MA-1097")
	if got := lineTexts(o); !slices.Equal(got, []string{"a-123×2@10.00", "a-456×3@20.00"}) {
		t.Errorf("lines %v", got)
	}
	if o.Subtotal != 7000 || o.Tax != 1040 || o.Total != 8040 || o.Items != 5 || o.Status != data.OrderNew {
		t.Errorf("subtotal %s tax %s total %s items %d status %s", o.Subtotal, o.Tax, o.Total, o.Items, o.Status)
	}
	if o.ShipTo.Name != "Receiver Joe" || o.CustomerName != "Ami Shaperi" || o.Note != "Review verified, discount code e-mailed" {
		t.Errorf("ship to %q customer %q note %q", o.ShipTo.Name, o.CustomerName, o.Note)
	}
	if !o.PlacedAt.Equal(time.Date(2018, 1, 4, 23, 51, 23, 0, time.UTC)) || o.ShipBy != "2018-01-05" {
		t.Errorf("placed %s ship by %s", o.PlacedAt, o.ShipBy)
	}
}

func TestImportShopifyExportUnicode(t *testing.T) {
	orders := []exportOrder{
		{Number: "#2001", Email: "zoe@example.com", Customer: "Zoë Łódź", ShipName: "Ελένη Παπαδοπούλου", Created: "2026-03-01 10:15:00 +0100",
			Address1: "Karl-Heine-Straße 42", City: "Leipzig", Zip: "'04229", Country: "DE", Note: "Für Oma,\n\"bitte\" als Geschenk",
			Subtotal: "39.80", Shipping: "4.90", Taxes: "7.14", Total: "44.70",
			Lines: []exportLine{{SKU: "MUG-1", Title: "Enamel Mug, sage", Qty: 2, Price: "14.90"}, {SKU: "OLD-9", Title: "Дмитрий's towel", Qty: 1, Price: "10.00"}}},
		{Number: "#2002", Email: "d@example.com", Customer: "Дмитрий Иванов", ShipName: "Дмитрий Иванов", Created: "2026-03-02 09:00:00 +0100",
			Cancelled: "2026-03-02 12:00:00 +0100", Address1: "Невский 1", City: "Санкт-Петербург", Country: "RU",
			Subtotal: "14.90", Shipping: "0.00", Taxes: "2.38", Total: "14.90", Lines: []exportLine{{SKU: "MUG-1", Title: "Enamel Mug", Qty: 1, Price: "14.90"}}},
	}
	var buf bytes.Buffer
	buf.WriteString("\ufeff") // Excel's BOM
	if err := writeShopifyExport(&buf, orders); err != nil {
		t.Fatal(err)
	}
	text := strings.ReplaceAll(buf.String(), "\n", "\r\n") // and Windows line ends
	f := newShop(t)
	s := f.supplier("Atlas", 3, data.SupplierActive)
	f.product("MUG-1", offer{supplier: s, lead: 2})
	res, err := importText(f.a, "orders_export.csv", text, app.ImportOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if res.Summary() != "2 orders imported (1 cancelled in the shop), 1 line with unknown SKUs (OLD-9)" {
		t.Errorf("summary %q", res.Summary())
	}
	o := f.orderNumbered("#2001")
	if o.CustomerName != "Zoë Łódź" || o.ShipTo.Name != "Ελένη Παπαδοπούλου" || o.ShipTo.Zip != "04229" || o.ShipTo.Address1 != "Karl-Heine-Straße 42" {
		t.Errorf("customer %q ship to %q zip %q street %q", o.CustomerName, o.ShipTo.Name, o.ShipTo.Zip, o.ShipTo.Address1)
	}
	if o.Note != "Für Oma,\r\n\"bitte\" als Geschenk" && o.Note != "Für Oma,\n\"bitte\" als Geschenk" {
		t.Errorf("note %q", o.Note)
	}
	if o.Total != 4470 || o.Lines[1].Title != "Дмитрий's towel" || o.Lines[1].ProductID != nil || o.ShipBy != "2026-03-04" {
		t.Errorf("total %s second line %q (product %v) ship by %s", o.Total, o.Lines[1].Title, o.Lines[1].ProductID, o.ShipBy)
	}
	c := f.orderNumbered("#2002")
	if c.Status != data.OrderCancelled || c.CustomerName != "Дмитрий Иванов" {
		t.Errorf("cancelled order: %s %q", c.Status, c.CustomerName)
	}
	if want := time.Date(2026, 3, 2, 11, 0, 0, 0, time.UTC); c.CancelledAt == nil || !c.CancelledAt.Equal(want) {
		t.Errorf("cancelled at %v, want the file's %v", c.CancelledAt, want)
	}
	found, err := f.a.OrderPage(app.OrderQuery{Search: "ZOË"})
	if err != nil || len(found) != 1 || found[0].Number != "#2001" {
		t.Errorf("search for ZOË found %+v %v", found, err)
	}
}
