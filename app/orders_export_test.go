package app_test

import (
	"encoding/csv"
	"fmt"
	"io"
	"math/rand/v2"
	"strings"
)

// shopifyHeader is the header row of Shopify's admin orders export (Orders → Export).
var shopifyHeader = strings.Split("Name,Email,Financial Status,Paid at,Fulfillment Status,Fulfilled at,Accepts Marketing,"+
	"Currency,Subtotal,Shipping,Taxes,Total,Discount Code,Discount Amount,Shipping Method,Created at,Lineitem quantity,"+
	"Lineitem name,Lineitem price,Lineitem compare at price,Lineitem sku,Lineitem requires shipping,Lineitem taxable,"+
	"Lineitem fulfillment status,Billing Name,Billing Street,Billing Address1,Billing Address2,Billing Company,Billing City,"+
	"Billing Zip,Billing Province,Billing Country,Billing Phone,Shipping Name,Shipping Street,Shipping Address1,"+
	"Shipping Address2,Shipping Company,Shipping City,Shipping Zip,Shipping Province,Shipping Country,Shipping Phone,"+
	"Notes,Note Attributes,Cancelled at,Payment Method,Payment Reference,Refunded Amount,Vendor,Id,Tags,Risk Level,Source,"+
	"Lineitem discount,Tax 1 Name,Tax 1 Value,Phone,Receipt Number,Duties,Billing Province Name,Shipping Province Name,"+
	"Payment ID,Payment Terms Name,Next Payment Due At,Payment References", ",")

// exportOrder is one order as a test writes it into a Shopify export.
type exportOrder struct {
	Number, Email, Customer, Created, Cancelled, Note          string
	ShipName, Address1, Address2, City, Zip, Province, Country string
	Subtotal, Shipping, Taxes, Total                           string
	Lines                                                      []exportLine
}

type exportLine struct {
	SKU, Title string
	Qty        int
	Price      string
}

// writeShopifyExport writes orders the way Shopify does: one row per line item, the order's
// fields on its first row only.
func writeShopifyExport(w io.Writer, orders []exportOrder) error {
	col := map[string]int{}
	for i, h := range shopifyHeader {
		col[h] = i
	}
	cw := csv.NewWriter(w)
	if err := cw.Write(shopifyHeader); err != nil {
		return err
	}
	row := make([]string, len(shopifyHeader))
	for n, o := range orders {
		for i, l := range o.Lines {
			clear(row)
			set := func(h, v string) { row[col[h]] = v }
			set("Name", o.Number)
			set("Email", o.Email)
			set("Created at", o.Created)
			set("Lineitem quantity", fmt.Sprint(l.Qty))
			set("Lineitem name", l.Title)
			set("Lineitem price", l.Price)
			set("Lineitem sku", l.SKU)
			set("Lineitem requires shipping", "true")
			set("Lineitem taxable", "true")
			set("Lineitem fulfillment status", "pending")
			set("Id", fmt.Sprint(5000000000+n))
			if i == 0 {
				for h, v := range map[string]string{"Financial Status": "paid", "Paid at": o.Created, "Fulfillment Status": "unfulfilled",
					"Accepts Marketing": "no", "Currency": "EUR", "Subtotal": o.Subtotal, "Shipping": o.Shipping, "Taxes": o.Taxes,
					"Total": o.Total, "Shipping Method": "Standard", "Billing Name": o.Customer, "Billing Address1": o.Address1,
					"Billing City": o.City, "Billing Zip": o.Zip, "Billing Country": o.Country, "Shipping Name": o.ShipName,
					"Shipping Street": strings.TrimSpace(o.Address1 + " " + o.Address2), "Shipping Address1": o.Address1,
					"Shipping Address2": o.Address2, "Shipping City": o.City, "Shipping Zip": o.Zip, "Shipping Province": o.Province,
					"Shipping Country": o.Country, "Notes": o.Note, "Cancelled at": o.Cancelled, "Payment Method": "Shopify Payments",
					"Risk Level": "Low", "Source": "web", "Tax 1 Name": "VAT 19%", "Tax 1 Value": o.Taxes} {
					set(h, v)
				}
			}
			if err := cw.Write(row); err != nil {
				return err
			}
		}
	}
	cw.Flush()
	return cw.Error()
}

// generatedOrders makes n realistic orders over skus (one to five lines, German VAT
// included), the same ones for the same seed.
func generatedOrders(n int, skus []string, seed uint64) []exportOrder {
	rng := rand.New(rand.NewPCG(seed, 7))
	first := []string{"Anna", "Jonas", "Zoë", "Łukasz", "Ελένη", "Дмитрий", "Siobhán", "Mateo", "Chloé", "Björn"}
	last := []string{"Müller", "Łódź", "Papadopoulou", "Иванов", "O'Brien", "García", "Dubois", "Nyström", "Schmidt", "Rossi"}
	out := make([]exportOrder, n)
	for i := range out {
		name := first[rng.IntN(len(first))] + " " + last[rng.IntN(len(last))]
		o := exportOrder{Number: fmt.Sprintf("#%d", 1001+i), Email: fmt.Sprintf("customer%d@example.com", rng.IntN(n/3+1)),
			Customer: name, ShipName: name, Address1: fmt.Sprintf("Hauptstraße %d", 1+rng.IntN(200)), City: "Leipzig",
			Zip: fmt.Sprintf("'%05d", rng.IntN(99999)), Country: "DE",
			Created: fmt.Sprintf("2026-%02d-%02d %02d:%02d:00 +0100", 1+rng.IntN(2), 1+rng.IntN(28), rng.IntN(24), rng.IntN(60))}
		if rng.IntN(10) == 0 {
			o.Note = "Bitte klingeln, \"Hinterhaus\",\nzweiter Stock"
		}
		var sub int
		for k := 0; k < 1+rng.IntN(4)+rng.IntN(2); k++ {
			price := 490 + 100*rng.IntN(60)
			l := exportLine{SKU: skus[rng.IntN(len(skus))], Title: "Item, hand-made", Qty: 1 + rng.IntN(3), Price: cents(price)}
			sub += price * l.Qty
			o.Lines = append(o.Lines, l)
		}
		o.Subtotal, o.Shipping, o.Taxes, o.Total = cents(sub), "4.90", cents((sub+490)*19/119), cents(sub+490)
		out[i] = o
	}
	return out
}

func cents(c int) string { return fmt.Sprintf("%d.%02d", c/100, c%100) }
