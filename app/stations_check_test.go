package app_test

import (
	"testing"

	"clockwork/app"
	"clockwork/app/apptest"
)

// reconcile checks the shared shop after the stations stopped, against itself and against
// what the stations were told went through.
func reconcile(t *testing.T, a *app.App, reports []stationReport) {
	t.Helper()
	var sum stationReport
	for _, r := range reports {
		sum.Actions += r.Actions
		sum.Orders += r.Orders
		sum.Units += r.Units
		sum.Shipped += r.Shipped
		sum.Returns += r.Returns
	}
	t.Logf("%d actions: %d orders imported, %d units received, %d orders shipped, %d returns", sum.Actions, sum.Orders, sum.Units, sum.Shipped, sum.Returns)
	if !testing.Short() && sum.Actions < 2000 {
		t.Errorf("the stations did %d actions, want thousands", sum.Actions)
	}
	if problems, err := a.Check(); err != nil || len(problems) > 0 {
		t.Errorf("check: %v %v", problems, err)
	}
	db := apptest.DB(t, a)
	expect := func(what, query string, want int64) {
		t.Helper()
		var got int64
		if err := db.Raw(query).Row().Scan(&got); err != nil {
			t.Fatalf("%s: %v", what, err)
		}
		if got != want {
			t.Errorf("%s: %d, want %d", what, got, want)
		}
	}
	expect("orders in the shop", "SELECT count(*) FROM orders", int64(sum.Orders))
	expect("PO lines whose accepted or rejected units differ from their receipts' (a receipt counted twice or lost)", `
		SELECT count(*) FROM po_lines pl WHERE pl.qty_accepted <> (SELECT COALESCE(SUM(qty_accepted), 0) FROM receipt_lines WHERE po_line_id = pl.id)
		OR pl.qty_rejected <> (SELECT COALESCE(SUM(qty_rejected), 0) FROM receipt_lines WHERE po_line_id = pl.id)`, 0)
	expect("units the receiving stations were told they checked in, found in receipts", "SELECT COALESCE(SUM(qty_accepted), 0) FROM receipt_lines", int64(sum.Units))
	expect("units ordered from suppliers", "SELECT COALESCE(SUM(qty), 0) FROM po_lines",
		scalar(t, a, "SELECT COALESCE(SUM(LEAST(qty_accepted, qty)), 0) + COALESCE(SUM(GREATEST(qty - qty_accepted, 0)), 0) FROM po_lines"))
	expect("units still owed", "SELECT COALESCE(SUM(GREATEST(qty - qty_accepted, 0)), 0) FROM po_lines", 0)
	expect("products whose spare stock does not add up (units over orders and returns kept, less units used, must be on the shelf)", `
		SELECT count(*) FROM products p WHERE
		(SELECT COALESCE(SUM(GREATEST(pl.qty_accepted - CASE WHEN pl.order_line_id IS NULL THEN 0 ELSE pl.qty END, 0)), 0) FROM po_lines pl WHERE pl.sku = p.sku)
		+ (SELECT COALESCE(SUM(rl.qty), 0) FROM return_lines rl JOIN order_lines ol ON ol.id = rl.order_line_id WHERE ol.product_id = p.id AND rl.disposition = 'keep_as_stock')
		<> (SELECT COALESCE(SUM(qty), 0) FROM leftovers WHERE product_id = p.id)
		+ (SELECT COALESCE(SUM(qty), 0) FROM order_lines WHERE leftover_id IS NOT NULL AND product_id = p.id)`, 0)
	expect("spare stock used twice (below zero)", "SELECT count(*) FROM leftovers WHERE qty < 0", 0)
	expect("order lines bought twice", "SELECT count(*) FROM (SELECT order_line_id FROM po_lines WHERE order_line_id IS NOT NULL GROUP BY order_line_id HAVING count(*) > 1) twice", 0)
	expect("order lines neither bought nor served from spare stock", `
		SELECT count(*) FROM order_lines ol WHERE ol.leftover_id IS NULL AND NOT EXISTS (SELECT 1 FROM po_lines WHERE order_line_id = ol.id)`, 0)
	expect("orders shipped more than once", "SELECT count(*) FROM (SELECT order_id FROM shipments GROUP BY order_id HAVING count(*) > 1) twice", 0)
	expect("shipments", "SELECT count(*) FROM shipments", int64(sum.Shipped))
	expect("orders not shipped", "SELECT count(*) FROM orders WHERE status NOT IN ('shipped', 'partially_returned', 'returned')", 0)
	expect("order lines not shipped", "SELECT count(*) FROM order_lines WHERE state <> 'shipped'", 0)
	expect("returns", "SELECT count(*) FROM returns WHERE status = 'closed'", int64(sum.Returns))
	expect("open returns", "SELECT count(*) FROM returns WHERE status <> 'closed'", 0)
}

func scalar(t *testing.T, a *app.App, query string) int64 {
	t.Helper()
	var n int64
	if err := apptest.DB(t, a).Raw(query).Row().Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}
