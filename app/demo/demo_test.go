package demo_test

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"testing"
	"time"

	"clockwork/app"
	"clockwork/app/apptest"
	"clockwork/app/demo"
	"clockwork/data"

	"gorm.io/gorm"
)

func TestDemoLooksLikeAShop(t *testing.T) {
	a, _ := apptest.NewApp(t)
	sum, err := demo.Generate(context.Background(), a, demo.Options{Orders: 1500, Seed: 3})
	if err != nil {
		t.Fatal(err)
	}
	if sum.Orders != 1500 || sum.Suppliers < 8 || sum.Products < 60 || sum.To != a.Today() || sum.From != a.Today().AddDays(-364) {
		t.Errorf("summary %+v", sum)
	}
	db := apptest.DB(t, a)
	var orders, firstDay, lastDay int64
	db.Model(&data.Order{}).Count(&orders)
	from, to := sum.From.Start(time.UTC), sum.To.Start(time.UTC)
	db.Model(&data.Order{}).Where("placed_at >= ? AND placed_at < ?", from, from.Add(24*time.Hour)).Count(&firstDay)
	db.Model(&data.Order{}).Where("placed_at >= ?", to).Count(&lastDay)
	if orders != 1500 || firstDay == 0 || lastDay == 0 {
		t.Errorf("%d orders, %d on the first day, %d today", orders, firstDay, lastDay)
	}
	checkNothingLater(t, db, apptest.Now)
	var scripts []string
	db.Model(&data.Customer{}).Where("name LIKE '%Ελ%' OR name LIKE '%Дм%' OR name LIKE '%ł%' OR name LIKE '%ë%'").Limit(5).Pluck("name", &scripts)
	if len(scripts) == 0 {
		t.Error("no customers with names in Greek, Cyrillic or accented Latin")
	}
	var blocked, unknown int64
	db.Model(&data.Supplier{}).Where("status = ?", data.SupplierBlocked).Count(&blocked)
	db.Model(&data.OrderLine{}).Where("product_id IS NULL").Count(&unknown)
	if blocked == 0 {
		t.Error("no blocked supplier")
	}
	if unknown == 0 {
		t.Error("no line with a SKU the catalog doesn't know; real shops have them")
	}
	var badTotals int64
	db.Raw("SELECT count(*) FROM orders o WHERE subtotal != (SELECT sum(qty*unit_price) FROM order_lines l WHERE l.order_id = o.id) OR total != subtotal + shipping").Scan(&badTotals)
	if badTotals != 0 {
		t.Errorf("%d orders whose totals don't add up", badTotals)
	}
}

func TestDemoRefusesAShopWithData(t *testing.T) {
	a, clock := apptest.NewApp(t)
	if _, err := a.AddOrder(app.OrderInput{Number: "#1", PlacedAt: clock.T, Lines: []app.LineInput{{SKU: "X", Qty: 1}}}); err != nil {
		t.Fatal(err)
	}
	if _, err := demo.Generate(context.Background(), a, demo.Options{Orders: 10}); !errors.Is(err, demo.ErrNotEmpty) {
		t.Fatalf("Generate on a shop with orders: %v", err)
	}
}

func TestDemoCancelledLeavesNothing(t *testing.T) {
	a, _ := apptest.NewApp(t)
	ctx, cancel := context.WithCancel(context.Background())
	_, err := demo.Generate(ctx, a, demo.Options{Orders: 500, Progress: func(done, total int) {
		if done == 100 {
			cancel()
		}
	}})
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("Generate after cancel: %v", err)
	}
	if empty, err := a.IsEmpty(); err != nil || !empty {
		t.Error("a cancelled demo left data behind")
	}
}

// BenchmarkDemo100k makes the reference shop of DESIGN 11; run with -benchtime 1x.
func BenchmarkDemo100k(b *testing.B) {
	for i := 0; i < b.N; i++ {
		path := filepath.Join(b.TempDir(), "ref.db")
		a, err := app.Open(path)
		if err != nil {
			b.Fatal(err)
		}
		if _, err := demo.Generate(context.Background(), a, demo.Options{Orders: 100000, Seed: 1}); err != nil {
			b.Fatal(err)
		}
		a.Close()
		info, _ := os.Stat(path)
		b.ReportMetric(float64(info.Size())/(1<<20), "MB")
	}
}

func TestDemoPurchasesSendsAndHearsBack(t *testing.T) {
	a, _ := apptest.NewApp(t)
	if _, err := demo.Generate(context.Background(), a, demo.Options{Orders: 1500, Seed: 5}); err != nil {
		t.Fatal(err)
	}
	db := apptest.DB(t, a)
	var drafts, sent, acked, events, onPO int64
	db.Model(&data.PurchaseOrder{}).Where("status = ?", data.PODraft).Count(&drafts)
	db.Model(&data.PurchaseOrder{}).Where("sent_at IS NOT NULL").Count(&sent)
	db.Model(&data.PurchaseOrder{}).Where("acknowledged_at IS NOT NULL").Count(&acked)
	db.Model(&data.SupplierEvent{}).Where("kind = ?", data.EventPOSent).Count(&events)
	db.Model(&data.POLine{}).Where("order_line_id IS NOT NULL").Count(&onPO)
	if drafts != 0 || sent == 0 || events != sent || onPO == 0 {
		t.Errorf("%d drafts left, %d POs sent with %d po_sent events, %d lines on POs", drafts, sent, events, onPO)
	}
	if acked == 0 || acked == sent {
		t.Errorf("%d of %d POs acknowledged: suppliers should mostly answer, some never", acked, sent)
	}
	// Every line left unbought is one the plan reports, with its reason: none is skipped.
	plan, err := a.PlanPurchases()
	if err != nil {
		t.Fatal(err)
	}
	var open int64
	db.Model(&data.OrderLine{}).Joins("JOIN orders ON orders.id = order_lines.order_id").
		Where("order_lines.state = ? AND orders.status IN ?", data.LineUnpurchased, []data.OrderStatus{data.OrderNew, data.OrderPurchasing}).Count(&open)
	if int64(plan.LinesPlanned()+len(plan.Exceptions)) != open {
		t.Errorf("%d unbought lines, the plan accounts for %d planned and %d exceptions", open, plan.LinesPlanned(), len(plan.Exceptions))
	}
	cards, err := a.Scorecards(app.LastMonths(a.Today(), 12))
	if err != nil {
		t.Fatal(err)
	}
	fast, slow := 1e9, 0.0
	for _, c := range cards {
		if c.ResponseHours != nil {
			fast, slow = min(fast, *c.ResponseHours), max(slow, *c.ResponseHours)
		}
	}
	if fast > 12 || slow < 40 {
		t.Errorf("response hours from %.0f to %.0f: the suppliers should answer at their own speeds", fast, slow)
	}
}

// checkNothingLater fails for every record the demo dated after now.
func checkNothingLater(t *testing.T, db *gorm.DB, now time.Time) {
	t.Helper()
	for _, c := range []struct{ table, column string }{
		{"orders", "placed_at"}, {"orders", "shipped_at"}, {"purchase_orders", "sent_at"},
		{"purchase_orders", "acknowledged_at"}, {"receipts", "received_at"}, {"shipments", "shipped_at"},
		{"returns", "opened_at"}, {"returns", "received_at"}, {"supplier_events", "at"},
	} {
		var later int64
		if err := db.Table(c.table).Where(c.column+" > ?", now).Count(&later).Error; err != nil {
			t.Fatal(err)
		}
		if later != 0 {
			t.Errorf("%d %s with %s after now (%s)", later, c.table, c.column, now.Format(time.RFC3339))
		}
	}
}

// A demo made in the small hours has today's first orders, and nothing after the hour it
// was made in: this morning's deliveries and this afternoon's parcels are still to come.
func TestDemoMadeAtNightHasNothingInTheFuture(t *testing.T) {
	a, clock := apptest.NewApp(t)
	clock.T = time.Date(2026, 3, 12, 1, 40, 0, 0, time.UTC)
	if _, err := demo.Generate(context.Background(), a, demo.Options{Orders: 600, Seed: 5}); err != nil {
		t.Fatal(err)
	}
	db := apptest.DB(t, a)
	checkNothingLater(t, db, clock.T.Truncate(time.Hour))
	var today int64
	db.Model(&data.Order{}).Where("placed_at >= ?", time.Date(2026, 3, 12, 0, 0, 0, 0, time.UTC)).Count(&today)
	if today == 0 {
		t.Error("no orders came in overnight")
	}
}
