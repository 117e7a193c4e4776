package app_test

import (
	"bytes"
	"regexp"
	"strings"
	"testing"

	"clockwork/app"
	"clockwork/app/apptest"
	"clockwork/data"
)

// A real WooCommerce export in dollars imported into a euro shop at a rate: the shop books
// the order in euros, but the packing slip shows the customer what they paid, line by line
// in dollars as the file has them, and the file's own total.
func TestConvertedOrderSlipShowsTheCustomersCurrency(t *testing.T) {
	f := newShop(t)
	f.must(f.a.SetRates(app.Rate{Currency: "USD", Micros: 920_000}))
	res, err := importFile(t, f.a, apptest.Fixture(t, "woocommerce-orders-webtoffee-sample.csv"), app.ImportOptions{})
	if err != nil || res.Converted == 0 {
		t.Fatalf("import: %+v %v", res, err)
	}
	o := f.orderNumbered("1003")
	// The file: LED TV 23.19, Samsung Galaxy Ace Duos 8.80, Men's Cotton T-Shirt 8.00,
	// shipping 10, tax 8.99, order_total 58.98, order_currency USD.
	want := []data.Money{2319, 880, 800}
	if len(o.Lines) != 3 || o.Currency != "USD" || o.OriginalTotal != 5898 || o.Total != 5426 {
		t.Fatalf("1003: %d lines, %s, original total %s, total %s", len(o.Lines), o.Currency, o.OriginalTotal, o.Total)
	}
	for i, l := range o.Lines {
		if l.OriginalUnitPrice != want[i] || l.UnitPrice == l.OriginalUnitPrice {
			t.Errorf("line %d %q: unit price %s, original %s; want original %s", i+1, l.Title, l.UnitPrice, l.OriginalUnitPrice, want[i])
		}
	}
	var pdf bytes.Buffer
	f.must(f.a.WritePackingSlips(&pdf, []uint{o.ID}, app.SlipOptions{}))
	text := pdfText(t, pdf.Bytes())
	for _, re := range []string{`LED TV.*\s+1\s+\$23\.19\s+\$23\.19`, `Ace Duos.*\s+1\s+\$8\.80\s+\$8\.80`,
		`T-Shirt.*\s+1\s+\$8\.00\s+\$8\.00`, `Subtotal\s+\$39\.99`, `Shipping\s+\$10\.00`, `Tax\s+\$8\.99`, `Total\s+\$58\.98`} {
		if !regexp.MustCompile(re).MatchString(text) {
			t.Errorf("the slip lacks %s:\n%s", re, text)
		}
	}
	if strings.Contains(text, "€") {
		t.Errorf("the customer's slip shows the shop's euros:\n%s", text)
	}
	// The file's discount_total (10) is in its line totals already: 39.99 + 10 + 8.99 = 58.98.
	if strings.Contains(text, "Discount") {
		t.Errorf("the slip takes off a discount the line prices hold already:\n%s", text)
	}
}

// Yen have no cents: a converted yen order's slip prints whole yen.
func TestConvertedYenSlipHasNoDecimals(t *testing.T) {
	f := newShop(t)
	f.must(f.a.SetRates(app.Rate{Currency: "JPY", Micros: 6_200}))
	text := "order_number,placed_at,customer_name,ship_name,ship_address1,ship_city,ship_country,sku,title,qty,unit_price,shipping,total,currency\n" +
		"J-1,2026-03-01 10:00,Aoi Sato,Aoi Sato,1-2-3 Ginza,Tokyo,JP,MUG-1,Enamel mug,2,1980,600,4560,JPY\n"
	if res, err := importText(f.a, "yen.csv", text, app.ImportOptions{}); err != nil || res.Converted != 1 {
		t.Fatalf("import %+v %v", res, err)
	}
	var pdf bytes.Buffer
	f.must(f.a.WritePackingSlips(&pdf, []uint{f.orderNumbered("J-1").ID}, app.SlipOptions{}))
	got := pdfText(t, pdf.Bytes())
	for _, re := range []string{`2\s+¥1,980\s+¥3,960`, `Shipping\s+¥600`, `Total\s+¥4,560`} {
		if !regexp.MustCompile(re).MatchString(got) {
			t.Errorf("the yen slip lacks %s:\n%s", re, got)
		}
	}
}
