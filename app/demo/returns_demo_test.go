package demo_test

import (
	"context"
	"testing"

	"clockwork/app"
	"clockwork/app/apptest"
	"clockwork/app/demo"
	"clockwork/data"
)

// TestDemoReturnsFitTheSuppliers makes a demo shop through every step (purchasing,
// receiving, shipping, returns) and checks that a few percent of what shipped came back,
// that the sloppy supplier's goods come back through its fault more often than the
// dependable one's, and that returns are settled once their goods arrived.
func TestDemoReturnsFitTheSuppliers(t *testing.T) {
	a, _ := apptest.NewApp(t)
	if _, err := demo.Generate(context.Background(), a, demo.Options{Orders: 2000, Seed: 11}); err != nil {
		t.Fatal(err)
	}
	db := apptest.DB(t, a)
	var shipped, returned, open, undecidedClosed int64
	db.Model(&data.Order{}).Where("shipped_at IS NOT NULL").Count(&shipped)
	db.Model(&data.Return{}).Distinct("order_id").Count(&returned)
	db.Model(&data.Return{}).Where("status <> ?", data.ReturnClosed).Count(&open)
	db.Model(&data.ReturnLine{}).Joins("JOIN returns ON returns.id = return_lines.return_id").
		Where("returns.status = ? AND COALESCE(return_lines.disposition, '') = ''", data.ReturnClosed).Count(&undecidedClosed)
	if shipped == 0 || returned*100 < shipped || returned*100 > 12*shipped {
		t.Fatalf("%d of %d shipped orders came back; want a few percent", returned, shipped)
	}
	if open*10 > returned || undecidedClosed != 0 {
		t.Errorf("%d returns open of %d, %d closed lines undecided; want only the last days' open", open, returned, undecidedClosed)
	}
	in, err := a.ReturnInsights(app.LastMonths(a.Today(), 12))
	if err != nil {
		t.Fatal(err)
	}
	rate := map[string]float64{}
	for _, r := range in.BySupplier {
		if p := r.SupplierFaultPct(); p != nil {
			rate[r.Key] = *p
		}
	}
	var sloppy, dependable string
	db.Model(&data.Supplier{}).Where("email = ?", "orders@supplier5.example").Pluck("name", &sloppy)
	db.Model(&data.Supplier{}).Where("email = ?", "orders@supplier1.example").Pluck("name", &dependable)
	if rate[sloppy] <= 2*rate[dependable] {
		t.Errorf("supplier-fault return rates %v: the sloppy %s should be far above the dependable %s", rate, sloppy, dependable)
	}
	if len(in.Comments) == 0 || in.ByReason[0].Units == 0 {
		t.Error("returns without reasons or comments")
	}
}
