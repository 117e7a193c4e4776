package views

import (
	"strings"
	"testing"

	"clockwork/app"
	"clockwork/app/apptest"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// shownRows is the preview's rows as the table shows them, a line each with " | " between
// the cells.
func shownRows(p *previewRows) []string {
	if p == nil {
		return nil
	}
	out := make([]string, len(p.shown))
	for i, n := range p.shown {
		var cells []string
		for _, c := range orderPreviewColumns {
			cells = append(cells, c.text(p.all[n], p.format))
		}
		out[i] = strings.Join(cells, " | ")
	}
	return out
}

// The preview lists each order of a real Shopify and a real WooCommerce export with what the
// import would do with it, filterable by kind; the counts stay above.
func TestOrdersImportPreviewRowsOfRealExports(t *testing.T) {
	s, a, _ := newTestShell(t)
	o := ordersOf(t, s)
	if err := a.SetRates(app.Rate{Currency: "USD", Micros: 920000}); err != nil {
		t.Fatal(err)
	}
	preview := func(name string) []string {
		handFile(o, name, fileOpener(apptest.Fixture(t, name)))
		test.Tap(button(t, o.content(), "Import orders…"))
		if o.imp.rows == nil {
			t.Fatalf("%s: no rows in the preview:\n%s", name, overlayText(t, s))
		}
		return shownRows(o.imp.rows)
	}
	rows := preview("shopify-orders-transporter-template.csv")
	want := []string{
		`3 | #MA-1097 |  |  |  |  | problem: line 3, Billing Name: this row of order #MA-1097 has "Acme Ltd.", but line 2 has "Ami Shaperi"`,
		`5 | #MA-1098 | jane.doe@acme.com | 19 Jan 2018 | 1 | $30.00 | new, cancelled in the shop: kept as history; converted from USD at your rate`,
	}
	checkRows(t, rows, want)
	if text := overlayText(t, s); !strings.Contains(text, "1 order with problems: left out") || !strings.Contains(text, "1 new but cancelled in the shop") {
		t.Errorf("the counts above the rows:\n%s", text)
	}
	o.imp.rows.filter.SetSelected("Problems (1)")
	checkRows(t, shownRows(o.imp.rows), want[:1])
	pressKey(s, fyne.KeyEscape)

	rows = preview("woocommerce-orders-webtoffee-sample.csv")
	checkRows(t, rows, []string{
		"2 | 1001 | Lilly Gordon | 16 May 2018 | 1 | $22.42 | skipped: fulfilled in the shop",
		"4 | 1002 | John Edward | 16 May 2018 | 1 | $33.04 | held: not paid; converted from USD at your rate",
		"6 | 1003 | Mark Xa | 16 May 2018 | 3 | $58.98 | new: to buy; converted from USD at your rate",
	})
	if got := o.imp.rows.filter.Options; strings.Join(got, ",") != "All orders (3),New (1),Held: not paid (1),Skipped: fulfilled (1)" {
		t.Errorf("filter choices %q", got)
	}
	o.imp.rows.filter.SetSelected("Held: not paid (1)")
	if got := shownRows(o.imp.rows); len(got) != 1 || !strings.Contains(got[0], "1002") {
		t.Errorf("held only: %q", got)
	}
	pressKey(s, fyne.KeyReturn) // Import
	if n, _ := a.CountOrders(app.OrderQuery{}); n != 2 {
		t.Errorf("%d orders stored, want the new and the held one", n)
	}
}

// checkRows compares the rows shown with what they should begin with.
func checkRows(t *testing.T, got, want []string) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("%d rows, want %d:\n%s", len(got), len(want), strings.Join(got, "\n"))
	}
	for i := range want {
		if !strings.HasPrefix(got[i], want[i]) {
			t.Errorf("row %d:\n%s\nwant\n%s", i+1, got[i], want[i])
		}
	}
}

// The table cuts a long problem short; below it the first problem stands whole, and a click
// on a row shows all of that row's.
func TestOrdersImportPreviewShowsARowWhole(t *testing.T) {
	s, _, _ := newTestShell(t)
	o := ordersOf(t, s)
	handFile(o, "shopify-orders-transporter-template.csv", fileOpener(apptest.Fixture(t, "shopify-orders-transporter-template.csv")))
	test.Tap(button(t, o.content(), "Import orders…"))
	p := o.imp.rows
	if p == nil {
		t.Fatal("no rows in the preview")
	}
	want := `Order #MA-1097 (line 3): problem: line 3, Billing Name: this row of order #MA-1097 has "Acme Ltd.", but line 2 has "Ami Shaperi": rows of one order cannot have another customer, date or address; check the order number`
	if !strings.HasPrefix(p.detail.Text, want) {
		t.Errorf("below the table:\n%s\nwant\n%s", p.detail.Text, want)
	}
	p.table.Select(widget.TableCellID{Row: 1, Col: 2})
	if !strings.HasPrefix(p.detail.Text, "Order #MA-1098 (line 5): ") {
		t.Errorf("after a click on the second row: %q", p.detail.Text)
	}
}
