package app_test

import (
	"fmt"
	"testing"
	"time"

	"clockwork/app"
	"clockwork/app/apptest"
	"clockwork/data"
)

// planBenchShop fills a shop with 300 suppliers (charging order fees and shipping, most with
// a free-shipping threshold), 3,000 products with three offers each and
// 5,000 new orders of two lines: 10,000 open lines to plan.
func planBenchShop(b *testing.B) *app.App {
	a, _ := apptest.NewApp(b)
	db := a.DBForTest()
	suppliers := make([]data.Supplier, 300)
	for i := range suppliers {
		suppliers[i] = data.Supplier{Name: fmt.Sprintf("Supplier %03d", i), Status: data.SupplierActive, QuotedLeadDays: 2 + i%9,
			Terms: data.SupplierTerms{OrderFee: data.Money(i%4) * 250, ShippingCharge: 495, FreeShippingThreshold: data.Money(i%3) * 5000}}
	}
	products := make([]data.Product, 3000)
	for i := range products {
		products[i] = data.Product{SKU: fmt.Sprintf("SKU-%05d", i), Title: fmt.Sprintf("Product %d", i), Price: 2500, Active: true}
	}
	must := func(err error) {
		if err != nil {
			b.Fatal(err)
		}
	}
	must(db.CreateInBatches(&suppliers, 200).Error)
	must(db.CreateInBatches(&products, 200).Error)
	var offers []data.Offer
	for i, p := range products {
		for k := 0; k < 3; k++ {
			s := suppliers[(i*7+k*101)%len(suppliers)]
			offers = append(offers, data.Offer{ProductID: p.ID, SupplierID: s.ID, SupplierSKU: fmt.Sprintf("%s-%d", p.SKU, k),
				UnitCost: data.Money(300 + (i*13+k*71)%900), PackSize: 1 + k*2, MinQty: 1 + k, LeadDays: 1 + (i+k)%12, Priority: k + 1, Active: true})
		}
	}
	must(db.CreateInBatches(&offers, 200).Error)
	orders := make([]data.Order, 5000)
	for i := range orders {
		o := &orders[i]
		o.Channel, o.Number, o.Status = data.ChannelShopify, fmt.Sprintf("#%d", 10000+i), data.OrderNew
		o.PlacedAt = apptest.Now.Add(-time.Duration(5000-i) * time.Minute)
		for k := 0; k < 2; k++ {
			p := products[(i*31+k*577)%len(products)]
			pid := p.ID
			o.Lines = append(o.Lines, data.OrderLine{ProductID: &pid, SKU: p.SKU, Title: p.Title, Qty: 1 + (i+k)%3, UnitPrice: 2500, State: data.LineUnpurchased})
		}
	}
	must(db.CreateInBatches(&orders, 200).Error)
	return a
}

// BenchmarkPlan10k plans 10,000 open lines across 300 suppliers under the balanced policy
// (the one that weighs every fact), scorecard ratings read as in the window; then times the
// purchase that writes the drafts once.
func BenchmarkPlan10k(b *testing.B) {
	a := planBenchShop(b)
	var p app.Plan
	var err error
	for b.Loop() {
		p, err = a.PlanPurchasesWith(app.PlanOptions{Policy: app.PolicyBalanced})
		if err != nil {
			b.Fatal(err)
		}
	}
	b.StopTimer()
	if p.LinesPlanned() != 10000 || len(p.Exceptions) != 0 {
		b.Fatalf("planned %d lines with %d exceptions, want 10000 and none", p.LinesPlanned(), len(p.Exceptions))
	}
	b.ReportMetric(float64(len(p.POs)), "POs")
	b.ReportMetric(float64(p.Cost())/100, "landed_cost")
	start := time.Now()
	res, err := a.PurchaseWith(app.PlanOptions{Policy: app.PolicyBalanced})
	if err != nil || res.LinesPlanned() != 10000 {
		b.Fatalf("purchase: %d lines, %v", res.LinesPlanned(), err)
	}
	b.ReportMetric(time.Since(start).Seconds(), "purchase_s")
}
