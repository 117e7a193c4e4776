package app_test

import (
	"strings"
	"testing"

	"clockwork/app"
	"clockwork/data"
)

// A line without a SKU reads sensibly in the purchase plan, and it becomes a product only
// once the owner names its SKU.
func TestLineWithoutSKU(t *testing.T) {
	f := newShop(t)
	o, err := f.a.AddOrder(app.OrderInput{Channel: data.ChannelManual, Number: "M-1", PlacedAt: f.clock.T, Customer: "Ana Díaz",
		Lines: []app.LineInput{{Title: "Gift wrap", Qty: 1, UnitPrice: 300}}})
	f.must(err)
	plan, err := f.a.PlanPurchases()
	f.must(err)
	if len(plan.Exceptions) != 1 || strings.Contains(plan.Exceptions[0].Detail, "SKU  ") ||
		!strings.Contains(plan.Exceptions[0].Detail, "no SKU") {
		t.Fatalf("plan exceptions %+v", plan.Exceptions)
	}
	line := f.reload(o.ID).Lines[0]
	if _, _, err := f.a.CreateProductForLine(line.ID, " "); err == nil || !strings.Contains(err.Error(), "type the SKU") {
		t.Fatalf("a product without a SKU: %v", err)
	}
	p, n, err := f.a.CreateProductForLine(line.ID, "WRAP-1")
	f.must(err)
	if p.Title != "Gift wrap" || p.Price != 300 || n != 1 || f.reload(o.ID).Lines[0].ProductID == nil {
		t.Errorf("created %+v, linked %d", p, n)
	}
}
