package demo

import (
	"fmt"
	"math/rand/v2"
	"testing"
	"time"

	"clockwork/app"
	"clockwork/app/apptest"
	"clockwork/data"

	"gorm.io/gorm"
)

// shipParcels stores n one-line orders of the supplier's product shipped at the given time,
// each bought on one received PO: as purchasing, receiving and shipping leave them.
func shipParcels(t *testing.T, db *gorm.DB, supplier data.Supplier, product data.Product, n int, shipped time.Time) {
	t.Helper()
	po := data.PurchaseOrder{Number: "PO-" + supplier.Name, SupplierID: supplier.ID, Status: data.POReceived, SentAt: &shipped}
	if err := db.Create(&po).Error; err != nil {
		t.Fatal(err)
	}
	orders := make([]data.Order, n)
	for i := range orders {
		orders[i] = data.Order{Channel: data.ChannelShopify, Number: fmt.Sprintf("#%s-%d", supplier.Name, i), PlacedAt: shipped.Add(-72 * time.Hour),
			Status: data.OrderShipped, ShippedAt: &shipped, CustomerName: "Ελένη Παππά", Items: 2,
			Lines: []data.OrderLine{{ProductID: &product.ID, SKU: product.SKU, Title: product.Title, Qty: 2, State: data.LineShipped}}}
	}
	if err := db.CreateInBatches(&orders, 100).Error; err != nil {
		t.Fatal(err)
	}
	lines := make([]data.POLine, n)
	for i, o := range orders {
		lines[i] = data.POLine{PurchaseOrderID: po.ID, OrderLineID: &o.Lines[0].ID, SKU: product.SKU, Qty: 2, QtyAccepted: 2}
	}
	if err := db.CreateInBatches(&lines, 100).Error; err != nil {
		t.Fatal(err)
	}
}

func TestReturnsStep(t *testing.T) {
	a, _ := apptest.NewApp(t)
	db := apptest.DB(t, a)
	start := a.Today().AddDays(-20)
	shipped := start.Start(time.UTC).Add(15 * time.Hour)
	g := &generator{rng: rand.New(rand.NewPCG(7, 9)), clock: &simClock{t: start.Start(time.UTC).Add(8 * time.Hour)}, start: start,
		returnsDue: map[int][]pendingReturn{}}
	for i, kind := range []int{0, 4} { // dependable, sloppy
		s := data.Supplier{Name: profiles[kind].kind, Status: data.SupplierActive}
		p := data.Product{SKU: fmt.Sprintf("P-%d", i), Title: "Stoneware Bowl", Price: 1500, Active: true}
		if err := a.SaveSupplier(&s); err != nil {
			t.Fatal(err)
		}
		if err := a.SaveProduct(&p); err != nil {
			t.Fatal(err)
		}
		g.suppliers = append(g.suppliers, demoSupplier{id: s.ID, name: s.Name, profile: profiles[kind]})
		shipParcels(t, db, s, p, 400, shipped)
	}
	sim := a.WithClock(g.clock.now)
	opened := map[int]int{}
	err := sim.InTx(func(tx *app.App) error {
		for g.dayIndex = 0; g.dayIndex <= returnAfterDays+receiveAfterDays; g.dayIndex++ {
			before := len(g.returnsDue[g.dayIndex+receiveAfterDays])
			day := start.AddDays(g.dayIndex)
			g.clock.set(day.Start(time.UTC).Add(23 * time.Hour)) // the day's orders came in until late
			if err := g.takeReturns(tx, day); err != nil {
				return err
			}
			opened[g.dayIndex] = len(g.returnsDue[g.dayIndex+receiveAfterDays]) - before
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	var all []data.Return
	if err := db.Preload("Lines").Find(&all).Error; err != nil {
		t.Fatal(err)
	}
	if opened[returnAfterDays] != len(all) || len(all) < 8 || len(all) > 80 {
		t.Fatalf("%d returns, %d opened on day %d; want a few percent of 800 parcels, all %d days after shipping",
			len(all), opened[returnAfterDays], returnAfterDays, returnAfterDays)
	}
	faults := map[string]int{}
	for _, r := range all {
		if h := r.OpenedAt.Hour(); r.Status != data.ReturnClosed || data.DayOf(r.OpenedAt, time.UTC) != start.AddDays(returnAfterDays) || h < 9 || h >= 18 {
			t.Errorf("%s is %s, opened %s; want closed, opened in office hours", r.Number, r.Status, r.OpenedAt)
		}
		for _, l := range r.Lines {
			if l.Disposition == "" || l.POLineID == nil {
				t.Errorf("%s line: disposition %q, PO line %v", r.Number, l.Disposition, l.POLineID)
			}
			if l.Fault == data.FaultSupplier {
				var name string
				db.Raw("SELECT s.name FROM po_lines pl JOIN purchase_orders po ON po.id = pl.purchase_order_id JOIN suppliers s ON s.id = po.supplier_id WHERE pl.id = ?", *l.POLineID).Scan(&name)
				faults[name] += l.Qty
			}
		}
	}
	if faults["sloppy"] < 3*max(1, faults["dependable"]) {
		t.Errorf("supplier-fault units: %v; the sloppy supplier's goods should come back far more often", faults)
	}
	var claims int64
	db.Model(&data.SupplierEvent{}).Where("kind = ? AND text LIKE 'RMA-%'", data.EventIssue).Count(&claims)
	if claims == 0 {
		t.Error("no claim was logged on a supplier (return_to_supplier)")
	}
}
