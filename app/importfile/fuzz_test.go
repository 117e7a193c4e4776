package importfile_test

import (
	"bytes"
	"testing"
	"time"

	"clockwork/app/importfile"
)

// seeds are small inputs that reach the parsers' corners: quotes, separators, encodings.
var seeds = []string{
	"sku,title\nA,\"x,y\"\n",
	"\uFEFFa;b\r\n;;\r\n\"1\"\"\";2\r\n",
	"a|b\n0012|  pad  \n",
	"a,b\n\"open\n",
	"a\tb\n\"x\"y\tz\n",
	"\xff\xfea\x00,\x00b\x00",
	"Name,Lineitem quantity,Lineitem price,Lineitem sku,Created at\n#1,2,3.50,A,2026-01-02\n",
	"sku,cost,pack size\nA,-1,0\nA,x,2\n",
	"PK\x03\x04",
}

func FuzzRead(f *testing.F) {
	for _, s := range seeds {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		tab, err := importfile.Read(bytes.NewReader(b), "fuzz.csv")
		if err != nil {
			return
		}
		if len(tab.Header) == 0 {
			t.Fatal("a table without header cells")
		}
		last := 0
		for _, r := range tab.Rows {
			if r.Line <= last {
				t.Fatalf("row lines not increasing: %d after %d", r.Line, last)
			}
			last = r.Line
		}
	})
}

func FuzzParseCatalog(f *testing.F) {
	for _, s := range seeds {
		f.Add([]byte(s))
	}
	f.Add([]byte("ARTIKEL_NR|EK|EVP|STCK_KART|VMENGE\n0585EJ5|44.00|0.00|9998|20\n"))
	f.Add([]byte("Référence;Prix d'achat HT;Colisage;Multiple de commande;Stock\nR-1;5,10;x;6;-3\nR-2;abc;0;1;4\n"))
	f.Add([]byte("SKU\tPreis (exkl. MWSt)\tLagerbestand\tamazon-order-id\nA\t1\t-1\t\n"))
	f.Fuzz(func(t *testing.T, b []byte) {
		tab, err := importfile.Read(bytes.NewReader(b), "fuzz.csv")
		if err != nil {
			return
		}
		rows, problems := importfile.ParseCatalog(tab)
		if len(rows)+len(problems) == 0 && len(tab.Rows) > 0 {
			t.Fatalf("%d rows gave neither catalog rows nor problems", len(tab.Rows))
		}
		for _, r := range rows {
			if r.SKU == "" || (r.PackSize != nil && *r.PackSize < 1) || (r.UnitCost != nil && *r.UnitCost < 0) ||
				(r.AvailableQty != nil && *r.AvailableQty < 0) || (r.Carton != nil && *r.Carton < 1) {
				t.Fatalf("invalid row returned as valid: %+v", r)
			}
			for _, w := range r.Warnings {
				if w.Line != r.Line || w.Column == "" {
					t.Fatalf("warning %+v does not name the row's line and a column", w)
				}
			}
		}
		importfile.Detect(tab)
		// The same file through the map a mapping step would start from.
		mapped, mproblems := importfile.ParseCatalogMapped(tab, importfile.GuessCatalogMap(tab))
		for _, r := range mapped {
			if r.SKU == "" || (r.AvailableQty != nil && *r.AvailableQty < 0) || (r.PackSize != nil && *r.PackSize < 1) {
				t.Fatalf("invalid mapped row returned as valid: %+v", r)
			}
		}
		for _, p := range mproblems {
			if p.Line == 0 || p.Message == "" {
				t.Fatalf("a mapped problem without its line: %+v", p)
			}
		}
	})
}

func FuzzParseOrders(f *testing.F) {
	for _, s := range seeds {
		f.Add([]byte(s), 0)
	}
	f.Add([]byte("order_id,order_number,order_date,line_item_1\n1,1,16-05-2018 07:32:06,name:A|sku:A|quantity:2|total:3.00\n"), 1)
	f.Add([]byte("order_number,placed_at,sku,qty,unit_price\n1,31/01/2026,A,1,1\n2,x,B,0,1\n1,2026-01-01,A,1,1\n"), 2)
	f.Add([]byte("amazon-order-id\tpurchase-date\torder-status\tsku\tasin\tquantity\titem-price\titem-tax\tgift-wrap-price\titem-promotion-discount\n"+
		"1\t2026-03-12T08:04:21+00:00\tPending\tA\tB0\t2\t38.00\t6.07\t2.50\t-1.60\n1\t2026-03-12T08:04:21+00:00\tShipped\tB\tB1\t1\tx\t\t\t\n"), 3)
	f.Add([]byte("Sales Record Number,Order Number,Item Title,Quantity,Sold For,Sale Date,Paid On Date,Shipped On Date,Variation Details\n"+
		"1,12-1,,,,Mar-14-26,Mar-14-26,,\n1,12-1,Mug,1,EUR 16.00,Mar-14-26,,,[Colour:Red]\n2 record(s) downloaded,,,,,,,,\n"), 4)
	f.Add([]byte("Sale Date,Item Name,Quantity,Price,Currency,Date Paid,Date Shipped,Order ID,Listing ID,Variations\n"+
		"03/10/26,Mug,2,18.00,USD,03/10/26,,29,9,Glaze:Ocean\n03/11/26,Mug,1,$18.00,GBP,,03/12/26,29,9,\n"), 5)
	f.Add([]byte("order_number,placed_at,status,fulfillment_status,cancelled_at,sku,qty,unit_price,requires_shipping,line_fulfillment,currency,fees,fee_names\n"+
		"1,2026-01-02,on-hold,partial,,A,1,$2.00,no,fulfilled,,1,name:Gift Wrap|total:1.00\n1,2026-01-03,refunded,,x,B,1,€3,,,XX,,\n"), 6)
	formats := []importfile.Format{importfile.FormatShopify, importfile.FormatWooCommerce, importfile.FormatGeneric,
		importfile.FormatAmazon, importfile.FormatEbay, importfile.FormatEtsy}
	f.Fuzz(func(t *testing.T, b []byte, which int) {
		tab, err := importfile.Read(bytes.NewReader(b), "fuzz.csv")
		if err != nil {
			return
		}
		if which < 0 {
			which = -which
		}
		orders, _ := importfile.ParseOrders(tab, formats[which%len(formats)])
		checkOrders(t, orders)
		importfile.DetectOrderFormat(tab)
	})
}

// checkOrders fails on an order returned as valid that is not.
func checkOrders(t *testing.T, orders []importfile.Order) {
	t.Helper()
	for _, o := range orders {
		if o.Number == "" || len(o.Lines) == 0 || o.PlacedAt.IsZero() {
			t.Fatalf("invalid order returned as valid: %+v", o)
		}
		for _, l := range o.Lines {
			if l.Qty < 1 || l.UnitPrice < 0 {
				t.Fatalf("invalid line returned as valid: %+v", l)
			}
		}
		if o.Held && o.Cancelled {
			t.Fatalf("an order both held and cancelled: %+v", o)
		}
		if o.Currency != "" && len(o.Currency) != 3 {
			t.Fatalf("currency %q is no ISO code", o.Currency)
		}
		if o.Discount < 0 || o.Fees < 0 || o.Total < 0 {
			t.Fatalf("negative amounts returned as valid: %+v", o)
		}
	}
}

// FuzzColumnMap reads files through maps written on a command line: a map either reads the
// file or says why not, and what it reads holds only valid orders.
func FuzzColumnMap(f *testing.F) {
	f.Add([]byte("Ref;When;Article;How many;Each\nA-1;2026-04-01 10:00;MUG-1;2;4,50\n"), `order_number=Ref,placed_at=When,sku=Article,qty="How many",unit_price=Each`)
	f.Add([]byte("a,b,c,d,e\n1,2026-01-01,x,1,1\n"), `order_number=a,placed_at=b,sku=c,qty=d,unit_price=d`)
	f.Add([]byte("a,b\n1,2\n"), `title="a,b`)
	f.Fuzz(func(t *testing.T, b []byte, mapText string) {
		m, err := importfile.ParseColumnMap(mapText)
		if err != nil {
			return
		}
		if again, err := importfile.ParseColumnMap(m.String()); err != nil || again.String() != m.String() {
			t.Fatalf("map %q written as %q reads back as %q (%v)", mapText, m.String(), again.String(), err)
		}
		tab, err := importfile.Read(bytes.NewReader(b), "fuzz.csv")
		if err != nil {
			return
		}
		orders, problems := importfile.ParseOrdersMapped(tab, m, time.UTC)
		if len(m.Check(tab)) > 0 && len(orders) > 0 {
			t.Fatalf("a map that does not fit read %d orders", len(orders))
		}
		for _, p := range problems {
			if p.Line == 0 {
				t.Fatalf("problem without a line: %+v", p)
			}
		}
		checkOrders(t, orders)
	})
}

func FuzzParseTime(f *testing.F) {
	for _, s := range []string{"2018-01-04 15:51:23 -0800", "2026-01-02T10:00:00.5Z", "16-05-2018 07:32:06",
		"03.01.2019 01:41:17", "1/4/2018 3:51 PM", "January 4, 2018", "16-May-2018", "2026-02-30", "12/31/25 12:05 am"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got, err := importfile.ParseTime(s, time.UTC)
		if err != nil {
			return
		}
		if y := got.Year(); y < 1899 || y > 2201 {
			t.Fatalf("%q read as year %d", s, y)
		}
	})
}
