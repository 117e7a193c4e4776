package app_test

import (
	"bytes"
	"errors"
	"regexp"
	"strings"
	"testing"
	"time"

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

// eBay's orders report as Seller Hub writes it (see PROVENANCE.md): a line of bare commas
// before the header, a padding row after it, a multi-item order's own row before its items,
// the footer's count and words in cells of their own, and the tax eBay collected included in
// Total Price.
func TestImportEbayOrdersReportAsSellerHubWritesIt(t *testing.T) {
	f := newShop(t)
	f.must(f.a.SaveShop(withCurrency(t, f, "USD")))
	res, err := importFile(t, f.a, "testdata/orders/ebay-orders-report-us.csv", app.ImportOptions{})
	if err != nil || res.Format != "ebay" || res.Imported != 2 || res.SkippedFulfilled != 1 || len(res.Problems) != 0 {
		t.Fatalf("%+v %v", res, err)
	}
	if o := f.orderNumbered("05-14001-10001"); o.Lines[0].Title != "Enamel mug (Colour:Red)" || o.Tax != 193 || o.Total != 2943 {
		t.Errorf("05-14001-10001: %q tax %s total %s", o.Lines[0].Title, o.Tax, o.Total)
	}
	o := f.orderNumbered("05-14002-10002")
	if len(o.Lines) != 2 || o.Lines[1].Qty != 3 || o.PlatformID != "5002" || o.ShipTo.City != "Elkhart" {
		t.Errorf("05-14002-10002: %d lines, record %q, city %q", len(o.Lines), o.PlatformID, o.ShipTo.City)
	}
	var pdf bytes.Buffer
	f.must(f.a.WritePackingSlips(&pdf, []uint{o.ID}, app.SlipOptions{}))
	slip := pdfText(t, pdf.Bytes())
	// 25.00 + 3 × 5.00 = 40.00; + 5.00 shipping + 3.15 tax eBay collected = 48.15, its Total Price.
	for _, want := range []string{`Subtotal\s+\$40\.00`, `Shipping\s+\$5\.00`, `Tax\s+\$3\.15`, `Total\s+\$48\.15`} {
		if !regexp.MustCompile(want).MatchString(slip) {
			t.Errorf("05-14002-10002's slip lacks %s:\n%s", want, slip)
		}
	}
}

// eBay's UK report says "Post To …", "Post To Postcode" and "Postage And Handling" where the
// US one says "Ship To …", "Ship To Zip" and "Shipping And Handling".
func TestImportEbayUKReportColumns(t *testing.T) {
	f := newShop(t)
	f.must(f.a.SaveShop(withCurrency(t, f, "GBP")))
	text := "Sales Record Number,Order Number,Buyer Username,Post To Name,Post To Phone,Post To Address 1,Post To Address 2,Post To City,Post To County,Post To Postcode,Post To Country,Item Title,Custom Label,Quantity,Sold For,Postage And Handling,Total Price,Sale Date,Paid On Date\n" +
		"7001,24-15229-61546,tom_t,Tom Test,07700 900222,9 King Street,,Leeds,West Yorkshire,LS1 1BA,United Kingdom,Linen apron,APR-1,1,£25.00,£3.20,£28.20,Oct-01-26,Oct-01-26\n" +
		",,,,,,,,,,,,,,,,,,\n" +
		"1,record(s) downloaded,from Oct-01-26 to Oct-01-26,,,,,,,,,,,,,,,,\n" +
		"Seller ID : caledonian-test,,,,,,,,,,,,,,,,,,\n"
	res, err := importText(f.a, "ebay-uk.csv", text, app.ImportOptions{})
	if err != nil || res.Format != "ebay" || res.Imported != 1 {
		t.Fatalf("%+v %v", res, err)
	}
	o := f.orderNumbered("24-15229-61546")
	if o.ShipTo.Name != "Tom Test" || o.ShipTo.Zip != "LS1 1BA" || o.ShipTo.Province != "West Yorkshire" || o.Shipping != 320 || o.Total != 2820 {
		t.Errorf("UK order: %+v shipping %s total %s", o.ShipTo, o.Shipping, o.Total)
	}
}

// Etsy's "Orders" download has one row per order and no items: no column map can make lines
// of it, so the import says which Etsy download to take instead and writes nothing.
func TestImportEtsyOrdersDownloadAsksForOrderItems(t *testing.T) {
	f := newShop(t)
	text := "Sale Date,Order ID,Buyer User ID,Full Name,First Name,Last Name,Number of Items,Payment Method,Date Shipped,Street 1,Street 2,Ship City,Ship State,Ship Zipcode,Ship Country,Currency,Order Value,Coupon Code,Coupon Details,Discount Amount,Shipping Discount,Shipping,Sales Tax,Order Total,Status,Card Processing Fees,Order Net,Adjusted Order Total,Adjusted Card Processing Fees,Adjusted Net Order Amount,Buyer,Order Type,Payment Type,InPerson Discount,InPerson Location,SKU\n" +
		"03/10/26,2900001,777,Hana Ito,Hana,Ito,3,Etsy Payments,,Kaiserstraße 5,,Frankfurt,,60311,Germany,EUR,45.50,,,0,0,6.50,0,52.00,Completed,1.82,50.18,52.00,1.82,50.18,potterfan,online,online_cc,,,\"MUG-OC-L,REST-1\"\n"
	res, err := importText(f.a, "EtsySoldOrders2026-3.csv", text, app.ImportOptions{})
	var ie *app.InputError
	if !errors.As(err, &ie) || res.NeedsMap || len(ie.Problems) != 1 || !strings.Contains(ie.Problems[0].Message, "Etsy's Orders download") ||
		!strings.Contains(ie.Problems[0].Message, "Type: Order Items") || f.count(&data.Order{}, "") != 0 {
		t.Fatalf("needs map %v, %v", res.NeedsMap, err)
	}
}

// A real Shopify admin export, unedited (74 columns, 2022; see testdata/orders/PROVENANCE.md):
// two draft orders of a development shop, paid by "manual" payment, not shipped. Its street is
// split as Shopify splits an Italian one ("Via Roma" and "1", with "Via Roma, 1" as Street),
// and its SKU is the bare number 10.
func TestImportRealShopifyAdminExportDevShop(t *testing.T) {
	const path = "testdata/orders/shopify-orders-export-hudi-dev-shop.csv"
	f := newShop(t)
	res, err := importFile(t, f.a, path, app.ImportOptions{})
	if err != nil || res.Format != "shopify" || res.Imported != 2 || res.Held != 0 || res.SkippedFulfilled != 0 || res.Cancelled != 0 {
		t.Fatalf("%+v %v", res, err)
	}
	o := f.orderNumbered("#1001")
	if len(o.Lines) != 1 || o.Lines[0].Qty != 2 || o.Lines[0].UnitPrice != 8000 || o.Lines[0].SKU != "10" ||
		o.Lines[0].Title != "test product 2" || o.Subtotal != 16000 || o.Total != 16000 || o.Held {
		t.Errorf("#1001: %d lines, first %+v, subtotal %s, total %s, held %v", len(o.Lines), o.Lines[0], o.Subtotal, o.Total, o.Held)
	}
	if o.PlatformID != "4062830657676" || o.PlatformStatus != "paid" || o.Note != "test note" || o.Email != "email@cliente.com" ||
		o.PlacedAt.UTC().Format(time.RFC3339) != "2022-05-10T07:57:48Z" {
		t.Errorf("#1001: id %q status %q note %q email %q placed %v", o.PlatformID, o.PlatformStatus, o.Note, o.Email, o.PlacedAt)
	}
	to := o.ShipTo
	if to.Name != "nome-cliente cognome-cliente" || to.Company != "azienda-cliente" || to.Address1 != "Via Roma" || to.Address2 != "1" ||
		to.City != "Rimini" || to.Zip != "47921" || to.Province != "RN" || to.Country != "IT" || to.Phone != "+393333333333" {
		t.Errorf("#1001 ships to %+v", to)
	}
	if other := f.orderNumbered("#1002"); len(other.Lines) != 1 || other.Lines[0].Qty != 1 || other.Total != 8000 {
		t.Errorf("#1002: %d lines, total %s", len(other.Lines), other.Total)
	}
	// The next nightly import of the same file brings nothing new and changes nothing.
	again, err := importFile(t, f.a, path, app.ImportOptions{})
	if err != nil || again.Imported != 0 || again.Already != 2 || len(again.Changes) != 0 {
		t.Errorf("second import: %+v %v", again, err)
	}
}
