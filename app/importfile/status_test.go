package importfile_test

import (
	"strings"
	"testing"
	"time"

	"clockwork/app/importfile"
)

func TestOrdersPlatformStatusInTheGenericLayout(t *testing.T) {
	text := "order_number,placed_at,status,fulfillment_status,cancelled_at,sku,qty,unit_price,requires_shipping,line_fulfillment\n" +
		"1,2026-01-02,paid,partial,,A,1,2.00,,fulfilled\n" +
		"1,2026-01-02,paid,partial,,B,1,3.00,,\n" +
		"2,2026-01-02,wc-on-hold,,,A,1,2.00,,\n" +
		"3,2026-01-02,refunded,,2026-01-05 10:00,A,1,2.00,,\n" +
		"4,2026-01-02,processing,,,CARD,1,25.00,no,\n" +
		"5,2026-01-02,completed,,,A,1,2.00,,\n"
	orders, problems := importfile.ParseOrders(readString(t, text), importfile.FormatGeneric)
	if len(problems) > 0 || len(orders) != 5 {
		t.Fatalf("%d orders, problems %v", len(orders), problems)
	}
	partly, held, refunded, card, completed := orders[0], orders[1], orders[2], orders[3], orders[4]
	if !partly.Lines[0].Fulfilled || partly.Lines[1].Fulfilled || partly.Fulfilled || partly.Held {
		t.Errorf("partly fulfilled: %+v", partly)
	}
	if !held.Held || held.Cancelled {
		t.Errorf("on-hold: held %v cancelled %v", held.Held, held.Cancelled)
	}
	if !refunded.Cancelled || !refunded.CancelledAt.Equal(time.Date(2026, 1, 5, 10, 0, 0, 0, time.UTC)) {
		t.Errorf("refunded: cancelled %v at %v", refunded.Cancelled, refunded.CancelledAt)
	}
	if !card.Lines[0].NoShipping || !card.Fulfilled {
		t.Errorf("a line needing no shipping: %+v", card.Lines[0])
	}
	// "completed" says paid in the generic layout; only WooCommerce's status also says shipped.
	if completed.Fulfilled || completed.Held {
		t.Errorf("completed in the generic layout: %+v", completed)
	}
}

func TestOrdersAmountsKeepTheirCurrency(t *testing.T) {
	text := "order_number,placed_at,sku,qty,unit_price,shipping\n" +
		"1,2026-01-02,A,1,$12.50,$4.00\n" +
		"2,2026-01-02,A,1,USD 12.50,\n" +
		"3,2026-01-02,A,1,\"12,50 GBP\",\n" +
		"4,2026-01-02,A,1,€12.50,$4.00\n" +
		"5,2026-01-02,A,1,12.50,\n"
	orders, problems := importfile.ParseOrders(readString(t, text), importfile.FormatGeneric)
	got := map[string]string{}
	for _, o := range orders {
		got[o.Number] = o.Currency
	}
	want := map[string]string{"1": "USD", "2": "USD", "3": "GBP", "5": ""}
	for n, c := range want {
		if got[n] != c {
			t.Errorf("order %s in %q, want %q", n, got[n], c)
		}
	}
	if len(problems) != 1 || problems[0].Line != 5 || problems[0].Column != "unit_price" ||
		!strings.Contains(problems[0].Message, "is in EUR but the order's amounts are in USD (shipping)") {
		t.Errorf("mixed currencies: %v", problems)
	}
	if orders[0].Lines[0].UnitPrice != 1250 || orders[2].Lines[0].UnitPrice != 1250 {
		t.Errorf("amounts %s %s", orders[0].Lines[0].UnitPrice, orders[2].Lines[0].UnitPrice)
	}
}
