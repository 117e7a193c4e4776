package importfile_test

import (
	"strings"
	"testing"
	"time"

	"clockwork/app/importfile"
	"clockwork/data"
)

// shopifyHeader is the admin Orders → Export layout (the columns Clockwork reads, in order).
const shopifyHeader = "Name,Email,Financial Status,Paid at,Fulfillment Status,Created at,Subtotal,Shipping,Taxes,Total," +
	"Discount Amount,Lineitem quantity,Lineitem name,Lineitem price,Lineitem sku,Billing Name,Shipping Name,Shipping Street," +
	"Shipping Address1,Shipping Address2,Shipping Company,Shipping City,Shipping Zip,Shipping Province,Shipping Country," +
	"Shipping Phone,Notes,Cancelled at,Id\n"

func TestOrdersShopifyExport(t *testing.T) {
	text := shopifyHeader +
		`#1001,jorg@example.de,paid,2026-01-02 10:00:00 +0100,unfulfilled,2026-01-02 09:58:11 +0100,59.80,4.90,11.36,76.06,0,2,"Lampe ""Nord"", rot",19.90,LAMP-RED,Jörg Müller,Jörg Müller,Schwanthalerstraße 3,Schwanthalerstraße 3,,,München,'08150,BY,DE,+49 89 1234,"Bitte klingeln,
zweimal",,5512345
#1001,jorg@example.de,,,,,,,,,,1,Kabel,20.00,0042,,,,,,,,,,,,,,
#1002,ann@example.com,voided,,,2026-01-03T08:00:00Z,10.00,0.00,0.00,10.00,0,1,Mug,10.00,MUG,Ann Lee,Ann Lee,1 Main St,1 Main St,,,Boston,'02101,MA,US,,,2026-01-03 09:00:00 -0500,5512346
`
	orders := parseOrdersOK(t, readString(t, text), importfile.FormatShopify)
	if len(orders) != 2 {
		t.Fatalf("%d orders, want 2", len(orders))
	}
	o := orders[0]
	if o.Customer != "Jörg Müller" || o.ShipTo.Address1 != "Schwanthalerstraße 3" || o.ShipTo.City != "München" {
		t.Errorf("non-ASCII names: customer %q street %q city %q", o.Customer, o.ShipTo.Address1, o.ShipTo.City)
	}
	if o.ShipTo.Zip != "08150" || orders[1].ShipTo.Zip != "02101" {
		t.Errorf("zips %q %q: the leading ' goes, the leading zero stays", o.ShipTo.Zip, orders[1].ShipTo.Zip)
	}
	if len(o.Lines) != 2 || lineText(o.Lines[0]) != "LAMP-RED×2@19.90" || lineText(o.Lines[1]) != "0042×1@20.00" {
		t.Fatalf("lines %+v", o.Lines)
	}
	if o.Lines[0].Title != `Lampe "Nord", rot` || o.Lines[1].Line != 4 {
		t.Errorf("title %q, second line on file line %d (the note spans two lines)", o.Lines[0].Title, o.Lines[1].Line)
	}
	if o.Subtotal != 5980 || o.Shipping != 490 || o.Tax != 1136 || o.Total != 7606 || o.SourceID != "5512345" {
		t.Errorf("amounts %s %s %s %s id %s", o.Subtotal, o.Shipping, o.Tax, o.Total, o.SourceID)
	}
	if want := time.Date(2026, 1, 2, 8, 58, 11, 0, time.UTC); !o.PlacedAt.Equal(want) || o.Note != "Bitte klingeln,\nzweimal" {
		t.Errorf("placed %s note %q", o.PlacedAt.UTC(), o.Note)
	}
	if c := orders[1]; !c.Cancelled || c.SourceStatus != "voided" || c.Email != "ann@example.com" {
		t.Errorf("cancelled order %+v", c)
	}
}

func TestOrdersShopifyRowsOfOneOrderApart(t *testing.T) {
	text := shopifyHeader +
		"#1,a@x.com,paid,,,2026-01-02,,,,,,1,Lamp,10.00,L,,,,,,,,,,,,,,\n" +
		"#2,b@x.com,paid,,,2026-01-02,,,,,,1,Mug,5.00,M,,,,,,,,,,,,,,\n" +
		"#1,a@x.com,,,,,,,,,,3,Cord,2.00,C,,,,,,,,,,,,,,\n"
	orders := parseOrdersOK(t, readString(t, text), importfile.FormatShopify)
	if len(orders) != 2 || len(orders[0].Lines) != 2 || lineText(orders[0].Lines[1]) != "C×3@2.00" {
		t.Fatalf("orders %+v: rows of #1 that agree belong to one order", orders)
	}
	if orders[0].Total != 1600 {
		t.Errorf("total %s, want 16.00 computed from the lines", orders[0].Total)
	}
}

func TestOrdersGeneric(t *testing.T) {
	text := "order_number,placed_at,customer_name,email,sku,title,qty,unit_price,ship_name,ship_address1,ship_address2," +
		"ship_city,ship_province,ship_zip,ship_country,ship_phone,note\r\n" +
		"G-1,2026-01-02,Zoë Ünal,z@x.com,A,Lamp,2,12.50,Zoë Ünal,Rue 1,,Paris,,75001,FR,,\r\n" +
		"G-1,2026-01-02,Zoë Ünal,z@x.com,B,Cord,1,3,Zoë Ünal,Rue 1,,Paris,,75001,FR,,\r\n" +
		"G-2,31/01/2026 14:00,Al,a@x.com,A,Lamp,1,12.50,Al,Road 2,,Leeds,,LS1,GB,,gift wrap\r\n"
	orders := parseOrdersOK(t, readString(t, text), importfile.FormatGeneric)
	if len(orders) != 2 || orders[0].Channel != data.ChannelGeneric || len(orders[0].Lines) != 2 {
		t.Fatalf("orders %+v", orders)
	}
	if o := orders[0]; o.Customer != "Zoë Ünal" || o.Subtotal != 2800 || o.Total != 2800 || o.ShipTo.Zip != "75001" {
		t.Errorf("order %+v", o)
	}
	if want := time.Date(2026, 1, 31, 14, 0, 0, 0, time.UTC); !orders[1].PlacedAt.Equal(want) || orders[1].Note != "gift wrap" {
		t.Errorf("placed %s note %q", orders[1].PlacedAt, orders[1].Note)
	}
}

func TestOrdersWooCommerceOneRowPerItem(t *testing.T) {
	text := "Order Number,Order Status,Order Date,First Name (Billing),Last Name (Billing),Email (Billing),Phone (Billing)," +
		"First Name (Shipping),Last Name (Shipping),Address 1 (Shipping),City (Shipping),Postcode (Shipping),Country Code (Shipping)," +
		"Order Shipping Amount,Order Total Tax Amount,Order Total Amount,SKU,Item Name,Quantity,Item Cost\n" +
		"501,wc-processing,2026-02-01 10:00,Åsa,Berg,asa@x.se,070,Åsa,Berg,Gata 1,Malmö,21120,SE,5.00,2.50,37.50,S-1,Sock,2,10.00\n" +
		"501,wc-processing,2026-02-01 10:00,Åsa,Berg,asa@x.se,070,Åsa,Berg,Gata 1,Malmö,21120,SE,5.00,2.50,37.50,S-2,Hat,1,10.00\n" +
		"502,cancelled,2026-02-02 11:00,Bo,Ek,bo@x.se,,Bo,Ek,Väg 2,Lund,22100,SE,0,0,4.00,S-3,Pin,4,1.00\n"
	orders := parseOrdersOK(t, readString(t, text), importfile.FormatWooCommerce)
	if len(orders) != 2 || len(orders[0].Lines) != 2 {
		t.Fatalf("orders %+v", orders)
	}
	o := orders[0]
	if o.Customer != "Åsa Berg" || o.ShipTo.Name != "Åsa Berg" || o.ShipTo.City != "Malmö" || o.Email != "asa@x.se" || o.Phone != "070" {
		t.Errorf("order %+v", o)
	}
	if o.Subtotal != 3000 || o.Shipping != 500 || o.Tax != 250 || o.Total != 3750 || lineText(o.Lines[1]) != "S-2×1@10.00" {
		t.Errorf("amounts %s %s %s %s lines %+v", o.Subtotal, o.Shipping, o.Tax, o.Total, o.Lines)
	}
	if !orders[1].Cancelled || orders[1].Channel != data.ChannelWooCommerce {
		t.Errorf("order 502 %+v", orders[1])
	}
}

func TestOrdersLineTotalGivesUnitPrice(t *testing.T) {
	text := "Order ID,Order Date,Item SKU,Product Name,Qty,Line Total\n7,2026-03-01,A,Thing,3,10.00\n"
	orders := parseOrdersOK(t, readString(t, text), importfile.FormatWooCommerce)
	if got := orders[0].Lines[0].UnitPrice; got != 333 {
		t.Errorf("unit price %s, want 3.33 (10.00 ÷ 3 to the cent)", got)
	}
}

func TestOrderProblems(t *testing.T) {
	header := "order_number,placed_at,customer_name,email,sku,title,qty,unit_price\n"
	tests := []struct {
		name, rows string
		line       int
		column     string
		want       string
	}{
		{"missing order number", ",2026-01-02,A,a@x,S,T,1,1\n", 2, "order_number", "order number is empty"},
		{"qty zero", "1,2026-01-02,A,a@x,S,T,0,1\n", 2, "qty", "1 or more"},
		{"qty negative", "1,2026-01-02,A,a@x,S,T,-2,1\n", 2, "qty", "1 or more"},
		{"qty fraction", "1,2026-01-02,A,a@x,S,T,1.5,1\n", 2, "qty", "not a whole number"},
		{"qty empty", "1,2026-01-02,A,a@x,S,T,,1\n", 2, "qty", "quantity is empty"},
		{"qty huge", "1,2026-01-02,A,a@x,S,T,5000000,1\n", 2, "qty", "check the quantity"},
		{"bad money", "1,2026-01-02,A,a@x,S,T,1,1.2.3\n", 2, "unit_price", "not an amount"},
		{"negative price", "1,2026-01-02,A,a@x,S,T,1,-4\n", 2, "unit_price", "negative"},
		{"bad date", "1,yesterday,A,a@x,S,T,1,1\n", 2, "placed_at", "not a date"},
		{"impossible date", "1,2026-02-30,A,a@x,S,T,1,1\n", 2, "placed_at", "not a real date"},
		{"impossible day-first date", "1,31/02/2026,A,a@x,S,T,1,1\n", 2, "placed_at", "not a real date"},
		{"no date", "1,,A,a@x,S,T,1,1\n", 2, "placed_at", "has no date"},
		{"no SKU or title", "1,2026-01-02,A,a@x,,,1,1\n", 2, "sku", "no SKU and no title"},
		{"no lines", "1,2026-01-02,A,a@x,,,,\n", 2, "", "no line items"},
		{"conflicting repeat", "1,2026-01-02,A,a@x,S,T,1,1\n2,2026-01-02,B,b@x,S,T,1,1\n1,2026-01-05,A,a@x,S,T,1,1\n", 4, "placed_at", "appears again"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			orders, problems := importfile.ParseOrders(readString(t, header+tt.rows), importfile.FormatGeneric)
			if len(problems) != 1 {
				t.Fatalf("problems %v, want one", problems)
			}
			p := problems[0]
			if p.Line != tt.line || p.Column != tt.column || !strings.Contains(p.Message, tt.want) {
				t.Errorf("problem %s, want line %d column %q saying %q", p, tt.line, tt.column, tt.want)
			}
			for _, o := range orders {
				if o.Line == tt.line || (tt.name == "conflicting repeat" && o.Number == "1") {
					t.Errorf("order %s with a problem was returned as valid", o.Number)
				}
			}
		})
	}
}

func TestOrderProblemsAllListed(t *testing.T) {
	text := "order_number,placed_at,sku,qty,unit_price\n1,2026-02-30,A,x,1\n2,2026-01-01,B,1,y\n3,2026-01-01,C,1,1\n"
	orders, problems := importfile.ParseOrders(readString(t, text), importfile.FormatGeneric)
	if len(problems) != 3 || len(orders) != 1 || orders[0].Number != "3" {
		t.Fatalf("orders %+v problems %v: want every problem and only order 3", orders, problems)
	}
}

func TestOrderMissingColumns(t *testing.T) {
	tests := []struct {
		format importfile.Format
		text   string
		want   []string
	}{
		{importfile.FormatGeneric, "order_number,sku\n1,A\n", []string{"placed_at", "qty", "unit_price"}},
		{importfile.FormatShopify, "Name,Lineitem quantity\n#1,1\n", []string{"Created at", "Lineitem price", "Lineitem sku"}},
		{importfile.FormatWooCommerce, "Order Number,SKU,Quantity\n1,A,1\n", []string{"order_date", "Item Cost"}},
	}
	for _, tt := range tests {
		_, problems := importfile.ParseOrders(readString(t, tt.text), tt.format)
		if len(problems) != len(tt.want) {
			t.Fatalf("%s: problems %v, want %d", tt.format, problems, len(tt.want))
		}
		for i, p := range problems {
			if p.Column != tt.want[i] || p.Line != 1 || !strings.Contains(p.Message, "headers found:") {
				t.Errorf("%s: problem %s, want column %s with the headers listed", tt.format, p, tt.want[i])
			}
		}
	}
}

func TestDetectOrderFormat(t *testing.T) {
	tests := []struct {
		header string
		want   importfile.Format
	}{
		{shopifyHeader, importfile.FormatShopify},
		{"order_number,placed_at,sku,qty,unit_price\n", importfile.FormatGeneric},
		{"order_id,order_number,order_date,line_item_1\n", importfile.FormatWooCommerce},
		{"Order ID,Order Date,Item SKU,Item Name,Quantity,Item Cost\n", importfile.FormatWooCommerce},
	}
	for _, tt := range tests {
		got, err := importfile.DetectOrderFormat(readString(t, tt.header))
		if got != tt.want || err != nil {
			t.Errorf("%.40s…: %q (%v), want %q", tt.header, got, err, tt.want)
		}
	}
	_, err := importfile.DetectOrderFormat(readString(t, "a,b\n1,2\n"))
	if err == nil || !strings.Contains(err.Error(), "headers found: a, b") {
		t.Errorf("unknown file: %v", err)
	}
	if k := importfile.Detect(readString(t, "a,b\n1,2\n")); k != importfile.KindUnknown {
		t.Errorf("kind %q", k)
	}
}

func TestParseOrdersInShopZone(t *testing.T) {
	tab := readString(t, "order_number,placed_at,sku,qty,unit_price\n1,2026-07-01 09:00,A,1,1\n2,2026-07-01T09:00:00Z,A,1,1\n")
	ny, err := time.LoadLocation("America/New_York")
	if err != nil {
		t.Skip(err)
	}
	orders, problems := importfile.ParseOrdersIn(tab, importfile.FormatGeneric, ny)
	if len(problems) > 0 {
		t.Fatal(problems)
	}
	if got := orders[0].PlacedAt.UTC().Hour(); got != 13 {
		t.Errorf("09:00 in New York is %d:00 UTC, want 13:00", got)
	}
	if got := orders[1].PlacedAt.UTC().Hour(); got != 9 {
		t.Errorf("an explicit Z stays 09:00 UTC, got %d", got)
	}
	if _, problems := importfile.ParseOrders(tab, "magento"); len(problems) != 1 {
		t.Errorf("an unknown format: %v", problems)
	}
}

func TestOrdersNullMeansEmpty(t *testing.T) {
	text := "order_number,placed_at,email,ship_address2,sku,title,qty,unit_price\n9,2026-01-02,null,NULL,A,null,1,2.00\n"
	orders := parseOrdersOK(t, readString(t, text), importfile.FormatGeneric)
	if o := orders[0]; o.Email != "" || o.ShipTo.Address2 != "" || o.Lines[0].Title != "" {
		t.Errorf("\"null\" cells kept as text: %+v", o)
	}
}

func TestOrderRowsThatConflictAreNotMerged(t *testing.T) {
	text := "order_number,placed_at,customer_name,ship_address1,sku,qty,unit_price\n" +
		"7,2026-01-02,Ann Lee,1 Main St,A,1,2.00\n" +
		"7,2026-01-02,Ann Lee,1 Main St,B,1,3.00\n" +
		"8,2026-01-03,Bo Berg,2 High St,A,1,2.00\n" +
		"8,2026-01-03,Cy Moreau,2 High St,B,1,3.00\n" +
		"9,2026-01-04,Di Rossi,3 Low St,A,1,2.00\n" +
		"9,2026-01-04,Di Rossi,4 Other Rd,B,1,3.00\n"
	orders, problems := importfile.ParseOrders(readString(t, text), importfile.FormatGeneric)
	if len(orders) != 1 || orders[0].Number != "7" || len(orders[0].Lines) != 2 {
		t.Fatalf("orders %+v", orders)
	}
	want := []struct {
		line   int
		column string
	}{{5, "customer_name"}, {7, "ship_address1"}}
	if len(problems) != len(want) {
		t.Fatalf("problems %v", problems)
	}
	for i, w := range want {
		if p := problems[i]; p.Line != w.line || p.Column != w.column || !strings.Contains(p.Message, "cannot have another customer, date or address") {
			t.Errorf("problem %d: %s, want line %d column %s", i, p, w.line, w.column)
		}
	}
}
