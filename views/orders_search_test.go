package views

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"clockwork/app"
)

// A search matching more orders than the list counts says so, and still pages through the
// first app.SearchCap of them; a narrower search counts exactly again.
func TestOrdersBroadSearchSaysThereAreMore(t *testing.T) {
	s, a, _ := newTestShell(t)
	var csv strings.Builder
	csv.WriteString("order_number,placed_at,customer_name,email,sku,title,qty,unit_price\n")
	for i := 0; i <= app.SearchCap; i++ {
		fmt.Fprintf(&csv, "B-%05d,2026-02-%02d 09:00,Bo Berg,bo%d@example.com,MUG-1,Mug,1,14.90\n", i, 1+i%28, i)
	}
	if _, err := a.ImportOrders(context.Background(), strings.NewReader(csv.String()), "big.csv", app.ImportOptions{}); err != nil {
		t.Fatal(err)
	}
	o := ordersOf(t, s)
	if o.count.Text != "10,001 orders" {
		t.Fatalf("list says %q", o.count.Text)
	}
	o.search.SetText("example")
	if want := "More than 10,000 orders match: the list shows the first 10,000. Add a word to narrow the search."; o.count.Text != want {
		t.Errorf("broad search says %q", o.count.Text)
	}
	if rows, _ := o.table.Length(); rows != app.SearchCap {
		t.Errorf("broad search lists %d rows", rows)
	}
	if got := cellText(o, 0, column(t, "Number")); !strings.HasPrefix(got, "B-") {
		t.Errorf("first row of the broad search: %q", got)
	}
	o.search.SetText("bo9999@")
	if o.count.Text != "1 order" || cellText(o, 0, column(t, "Number")) != "B-09999" {
		t.Errorf("narrow search: %q, first %q", o.count.Text, cellText(o, 0, column(t, "Number")))
	}
}
