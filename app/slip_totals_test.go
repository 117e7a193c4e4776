package app_test

import (
	"bytes"
	"regexp"
	"strings"
	"testing"

	"clockwork/app"
)

// The slip's lines, discount, shipping, fee and tax add up to the web shop's total; an order
// paid in dollars shows the customer their dollars, though the shop keeps it in euros.
func TestSlipChargesAddUpToThePlatformTotal(t *testing.T) {
	f := newShop(t)
	f.must(f.a.SetRates(app.Rate{Currency: "USD", Micros: 900_000}))
	text := "order_number,placed_at,customer_name,ship_name,ship_address1,ship_city,ship_country,sku,title,variant,qty,unit_price,discount,shipping,fees,fee_names,tax,total,currency\n" +
		"F-1,2026-03-01 10:00,Ann Lee,Ann Lee,1 Main St,Berlin,DE,MUG-1,Enamel mug,Colour: Red,2,16.00,3.00,4.90,2.50,Express handling,5.74,54.14,EUR\n" +
		"F-1,2026-03-01 10:00,Ann Lee,Ann Lee,1 Main St,Berlin,DE,APR-1,Apron,,1,12.00,,,,,,,EUR\n" +
		"F-2,2026-03-02 10:00,Bo Berg,Bo Berg,2 High St,Boston,US,MUG-1,Enamel mug,,1,20.00,,5.00,,,0,25.00,USD\n"
	res, err := importText(f.a, "fees.csv", text, app.ImportOptions{})
	if err != nil || res.Imported != 2 {
		t.Fatalf("import %+v %v", res, err)
	}
	o := f.orderNumbered("F-1")
	if o.Lines[0].Title != "Enamel mug (Colour: Red)" || o.Fees != 250 || o.FeeNames != "Express handling" || o.Discount != 300 || o.Total != 5414 {
		t.Errorf("F-1: %q fees %s %q discount %s total %s", o.Lines[0].Title, o.Fees, o.FeeNames, o.Discount, o.Total)
	}
	var pdf bytes.Buffer
	f.must(f.a.WritePackingSlips(&pdf, []uint{o.ID, f.orderNumbered("F-2").ID}, app.SlipOptions{}))
	got := pdfText(t, pdf.Bytes())
	pages := strings.Split(got, "\f")
	// The lines are 2 × 16.00 + 12.00 = 44.00; 44.00 − 3.00 + 4.90 + 2.50 + 5.74 = 54.14, the shop's total.
	for _, want := range []string{`Subtotal\s+€44\.00`, `Discount\s+−€3\.00`, `Shipping\s+€4\.90`, `Express handling\s+€2\.50`, `Tax\s+€5\.74`, `Total\s+€54\.14`} {
		if !regexp.MustCompile(want).MatchString(pages[0]) {
			t.Errorf("F-1's slip lacks %s:\n%s", want, pages[0])
		}
	}
	for _, want := range []string{`1\s+\$20\.00\s+\$20\.00`, `Shipping\s+\$5\.00`, `Total\s+\$25\.00`} {
		if !regexp.MustCompile(want).MatchString(pages[1]) {
			t.Errorf("F-2's slip lacks %s:\n%s", want, pages[1])
		}
	}
	if strings.Contains(pages[1], "€") {
		t.Errorf("F-2, paid in dollars, shows euros on its slip:\n%s", pages[1])
	}
	if o := f.orderNumbered("F-2"); o.Total != 2250 || o.Lines[0].UnitPrice != 1800 || o.Lines[0].OriginalUnitPrice != 2000 || o.OriginalShipping != 500 {
		t.Errorf("F-2 kept total %s, line %s (was %s), shipping %s", o.Total, o.Lines[0].UnitPrice, o.Lines[0].OriginalUnitPrice, o.OriginalShipping)
	}
}
