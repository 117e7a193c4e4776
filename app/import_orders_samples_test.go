package app_test

import (
	"bytes"
	"errors"
	"regexp"
	"strings"
	"testing"

	"clockwork/app"
	"clockwork/data"
)

// A Shopify admin export of an Indian shop, written for Clockwork after the structure of a
// real one (see testdata/orders/PROVENANCE.md): cash-on-delivery orders stay "pending" even
// once shipped, prices include the tax, zip codes carry Excel's leading apostrophe.
func TestImportShopifyExportTaxIncludedCashOnDelivery(t *testing.T) {
	const path = "testdata/orders/shopify-orders-export-inr-cod.csv"
	f := newShop(t)
	_, err := importFile(t, f.a, path, app.ImportOptions{})
	var ie *app.InputError
	if !errors.As(err, &ie) || len(ie.Problems) != 4 || ie.Problems[0].Line != 2 ||
		!strings.Contains(ie.Problems[0].Message, "order OD2001 is in INR but the shop's currency is EUR") || f.count(&data.Order{}, "") != 0 {
		t.Fatalf("in a EUR shop with no INR rate: %v", err)
	}

	f.must(f.a.SaveShop(withCurrency(t, f, "INR")))
	res, err := importFile(t, f.a, path, app.ImportOptions{})
	// OD2001 was shipped cash on delivery (pending, fulfilled): nothing to buy. OD2002 is
	// cash on delivery not yet shipped: held until paid.
	if err != nil || res.Format != "shopify" || res.Imported != 3 || res.SkippedFulfilled != 1 || res.Held != 1 {
		t.Fatalf("in an INR shop: %+v %v", res, err)
	}
	if o := f.orderNumbered("OD2002"); !o.Held || o.PlatformStatus != "pending" || o.ShipTo.Zip != "142052" ||
		o.Note != "CONFIRM BY PHONE\ncall before delivery" || o.Total != 279900 || o.Tax != 42697 {
		t.Errorf("OD2002: held %v %q, zip %q, note %q, total %s tax %s", o.Held, o.PlatformStatus, o.ShipTo.Zip, o.Note, o.Total, o.Tax)
	}
	o := f.orderNumbered("OD2003")
	if len(o.Lines) != 2 || o.Lines[1].SKU != "KW-SO-WHT" || o.Lines[1].UnitPrice != 149900 || o.Discount != 36980 ||
		o.Shipping != 20000 || o.Tax != 53820 || o.Total != 352820 || o.PlatformID != "7400000000003" {
		t.Errorf("OD2003: %d lines, discount %s, shipping %s, tax %s, total %s, id %q", len(o.Lines), o.Discount, o.Shipping, o.Tax, o.Total, o.PlatformID)
	}
	if abroad := f.orderNumbered("OD2004"); abroad.CustomerName != "Eglė Žemaitė" || abroad.ShipTo.Country != "LT" || abroad.Total != 226910 {
		t.Errorf("OD2004: %q %s total %s", abroad.CustomerName, abroad.ShipTo.Country, abroad.Total)
	}
	// The tax is part of the prices: the slip notes it as included and its total is the shop's.
	var pdf bytes.Buffer
	f.must(f.a.WritePackingSlips(&pdf, []uint{o.ID}, app.SlipOptions{}))
	slip := pdfText(t, pdf.Bytes())
	// 2,199.00 + 1,499.00 = 3,698.00; − 369.80 + 200.00 = 3,528.20, tax 538.20 inside it.
	for _, want := range []string{`Subtotal\s+INR 3,698\.00`, `Discount\s+−INR 369\.80`, `Shipping\s+INR 200\.00`, `incl\. tax\s+INR 538\.20`, `Total\s+INR 3,528\.20`} {
		if !regexp.MustCompile(want).MatchString(slip) {
			t.Errorf("OD2003's slip lacks %s:\n%s", want, slip)
		}
	}
}

// Amazon's New Orders report (order-id, order-item-id, quantity-purchased, …, the
// "delivery-Instructions" column spelt as Amazon spells it): one row per item, amounts per
// item, no order status (every order in it is paid and waits to be shipped).
func TestImportAmazonNewOrdersReport(t *testing.T) {
	f := newShop(t)
	f.must(f.a.SaveShop(withCurrency(t, f, "USD")))
	res, err := importFile(t, f.a, "testdata/orders/amazon-new-orders.txt", app.ImportOptions{})
	if err != nil || res.Format != "amazon" || res.Imported != 2 || res.Held != 0 || res.SkippedFulfilled != 0 {
		t.Fatalf("%+v %v", res, err)
	}
	o := f.orderNumbered("113-1111111-1111111")
	// Lines 32.00 (2 mugs) + 12.00; shipping 4.90; tax 2.64 + 0.99 = 3.63; total 52.53.
	if len(o.Lines) != 2 || o.Lines[0].Qty != 2 || o.Lines[0].UnitPrice != 1600 || o.Shipping != 490 || o.Tax != 363 ||
		o.Total != 5253 || o.CustomerName != "Jo Tester" || o.ShipTo.Zip != "97201-1234" {
		t.Errorf("113-1111111-1111111: %d lines, shipping %s, tax %s, total %s, %q %q", len(o.Lines), o.Shipping, o.Tax, o.Total, o.CustomerName, o.ShipTo.Zip)
	}
	if got := f.orderNumbered("113-2222222-2222222").Note; got != "Leave at the back door" {
		t.Errorf("delivery instructions: %q", got)
	}
}

// Amazon's European reports give prices with the VAT in them and item-tax as the part that
// is VAT (Amazon's "Order reports" documentation); only US and Canadian sales tax comes on
// top. An Amazon.de order's slip adds up to what the buyer paid and notes the VAT as included.
func TestAmazonEuropeanOrderSlipHasTheVATIncluded(t *testing.T) {
	f := newShop(t)
	if _, err := importFile(t, f.a, "testdata/orders/amazon-all-orders.txt", app.ImportOptions{}); err != nil {
		t.Fatal(err)
	}
	o := f.orderNumbered("302-3333333-4444444")
	if o.Total != 1990 || o.Tax != 317 {
		t.Errorf("total %s tax %s, want 19.90 with 3.17 VAT in it", o.Total, o.Tax)
	}
	var pdf bytes.Buffer
	f.must(f.a.WritePackingSlips(&pdf, []uint{o.ID}, app.SlipOptions{}))
	slip := pdfText(t, pdf.Bytes())
	// 16.00 + 3.90 shipping = 19.90, with 2.55 + 0.62 = 3.17 VAT in it.
	for _, want := range []string{`Subtotal\s+€16\.00`, `Shipping\s+€3\.90`, `incl\. tax\s+€3\.17`, `Total\s+€19\.90`} {
		if !regexp.MustCompile(want).MatchString(slip) {
			t.Errorf("the Amazon.de slip lacks %s:\n%s", want, slip)
		}
	}
}
