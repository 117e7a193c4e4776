package app_test

import (
	"flag"
	"os"
	"testing"

	"clockwork/app"
	"clockwork/data"
)

var benchDB = flag.String("shopdb", os.Getenv("CLOCKWORK_BENCH_DB"), "a `clockwork demo --orders 100000` shop for BenchmarkOrderList and BenchmarkScorecardsOnDemo: its file, or a postgres:// URL of one moved there with clockwork migrate (read only in spirit: nothing is written)")

// BenchmarkOrderList times the Orders screen's queries (count + one page of 100) on the
// reference shop of DESIGN 11. Make it once with
// `clockwork --db /tmp/ref.db demo --orders 100000`, then run with -shopdb /tmp/ref.db.
func BenchmarkOrderList(b *testing.B) {
	if *benchDB == "" {
		b.Skip("no reference shop: pass -shopdb PATH (a clockwork demo --orders 100000 database)")
	}
	a, err := app.Open(*benchDB)
	if err != nil {
		b.Fatal(err)
	}
	defer a.Close()
	cases := []struct {
		name string
		q    app.OrderQuery
	}{
		{"first_page", app.OrderQuery{Sort: app.SortPlaced, Desc: true}},
		{"page_500", app.OrderQuery{Sort: app.SortPlaced, Desc: true, Offset: 50000}},
		{"last_page", app.OrderQuery{Sort: app.SortPlaced, Desc: true, Offset: 99900}},
		{"search_customer", app.OrderQuery{Search: "schäfer", Sort: app.SortPlaced, Desc: true}},
		{"search_number", app.OrderQuery{Search: "#51234", Sort: app.SortPlaced, Desc: true}},
		{"search_email", app.OrderQuery{Search: "anna.mueller", Sort: app.SortPlaced, Desc: true}},
		{"search_sku", app.OrderQuery{Search: "hom-00167", Sort: app.SortPlaced, Desc: true}},
		{"search_nothing", app.OrderQuery{Search: "zzzz-nobody", Sort: app.SortPlaced, Desc: true}},
		{"search_broad", app.OrderQuery{Search: "example", Sort: app.SortPlaced, Desc: true}},
		{"search_broad_page_300", app.OrderQuery{Search: "example", Sort: app.SortPlaced, Desc: true, Offset: 30000}},
		{"status_cancelled", app.OrderQuery{Status: data.OrderCancelled, Sort: app.SortPlaced, Desc: true}},
		{"status_new_by_total", app.OrderQuery{Status: data.OrderNew, Sort: app.SortTotal, Desc: true}},
		{"unknown_sku", app.OrderQuery{Flag: app.FlagUnknownSKU, Sort: app.SortPlaced, Desc: true}},
		{"at_risk", app.OrderQuery{Flag: app.FlagAtRisk, Sort: app.SortShipBy}},
		{"sort_number", app.OrderQuery{Sort: app.SortNumber}},
		{"sort_customer", app.OrderQuery{Sort: app.SortCustomer}},
		{"sort_items_desc", app.OrderQuery{Sort: app.SortItems, Desc: true}},
		{"sort_total", app.OrderQuery{Sort: app.SortTotal}},
		{"sort_status", app.OrderQuery{Sort: app.SortStatus}},
		{"sort_ship_by", app.OrderQuery{Sort: app.SortShipBy}},
		{"sort_at_risk", app.OrderQuery{Sort: app.SortAtRisk, Desc: true}},
		{"search_customer_by_customer", app.OrderQuery{Search: "schäfer", Sort: app.SortCustomer, Offset: 100}},
	}
	for _, c := range cases {
		b.Run(c.name, func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				c.q.Limit = 100
				list, err := a.FindOrders(c.q)
				if err != nil {
					b.Fatal(err)
				}
				b.ReportMetric(float64(list.Total), "matches")
			}
		})
	}
}
