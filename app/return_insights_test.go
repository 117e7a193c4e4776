package app_test

import (
	"bytes"
	"testing"
	"time"

	"clockwork/app"
	"clockwork/data"

	"github.com/xuri/excelize/v2"
)

func TestReturnInsights(t *testing.T) {
	f := newReturnsShop(t)
	var trialID uint
	f.must(f.db.Model(&data.Product{}).Where("sku = ?", "TOW-1").Pluck("id", &trialID).Error)
	f.must(f.db.Model(&data.Product{}).Where("id = ?", trialID).Update("trial", true).Error)
	o1 := f.shippedOrder("#1001", f.shippedAt, f.mug, f.towel) // 3 mugs from Atlas, 1 towel from Flint
	o2 := f.shippedOrder("#1002", f.shippedAt, f.towel)
	f.shippedOrder("#1003", f.shippedAt, f.mug)
	f.shippedOrder("#1004", f.shippedAt.AddDate(0, -3, 0), f.mug) // shipped before the period

	ret := func(o data.Order, comment string, lines ...app.ReturnLineInput) {
		_, err := f.a.OpenReturn(app.ReturnInput{OrderID: o.ID, Comment: comment, Lines: lines})
		f.must(err)
		f.clock.Advance(time.Minute)
	}
	ret(o1, "Henkel lose", app.ReturnLineInput{OrderLineID: o1.Lines[0].ID, Qty: 1, Reason: data.ReasonChangedMind},
		app.ReturnLineInput{OrderLineID: o1.Lines[1].ID, Qty: 1, Reason: data.ReasonDefective})
	ret(o2, "Łódź: torn seam", app.ReturnLineInput{OrderLineID: o2.Lines[0].ID, Qty: 1, Reason: data.ReasonDefective})

	in, err := f.a.ReturnInsights(app.LastMonths(f.a.Today(), 1))
	f.must(err)
	if in.Returns != 2 || in.Units != 3 || in.Shipped != 8 {
		t.Errorf("headline: %d returns, %d units, %d shipped; want 2, 3 and 8 (the old order is outside)", in.Returns, in.Units, in.Shipped)
	}
	if r := in.ByReason[0]; r.Key != string(data.ReasonDefective) || r.Units != 2 || r.Title != "supplier" {
		t.Errorf("top reason %+v, want defective ×2 (blames the supplier)", r)
	}
	if r := in.BySupplier[0]; r.Key != "Flint Ltd" || r.SupplierFault != 2 || r.Shipped != 2 || *r.SupplierFaultPct() != 100 {
		t.Errorf("worst supplier %+v, want Flint Ltd with 2 of 2 shipped back through its fault", r)
	}
	if r := in.BySupplier[1]; r.Key != "Atlas" || r.SupplierFault != 0 || r.Units != 1 || r.Shipped != 6 {
		t.Errorf("second supplier %+v, want Atlas: 1 of 6 back, not its fault", r)
	}
	p := in.ByProduct[0]
	if p.Key != "TOW-1" || p.Title != "Product TOW-1" || p.TopReason != data.ReasonDefective || len(p.Comments) != 2 {
		t.Errorf("worst product %+v, want TOW-1, defective, with both comments", p)
	}
	if p.Comments[0].Text != "Łódź: torn seam" || p.Comments[0].RMA != "RMA-0002" {
		t.Errorf("latest comment first: %+v", p.Comments[0])
	}
	if in.Trial.Units != 2 || in.Trial.Shipped != 2 || in.Rest.Units != 1 || in.Rest.Shipped != 6 {
		t.Errorf("trial %+v vs rest %+v, want 2 of 2 vs 1 of 6", in.Trial, in.Rest)
	}
	if len(in.Comments) != 2 {
		t.Errorf("%d comments, want one per return", len(in.Comments))
	}
	var buf bytes.Buffer
	f.must(f.a.ExportReturnInsights(app.LastMonths(f.a.Today(), 1), &buf))
	x, err := excelize.OpenReader(&buf)
	f.must(err)
	defer x.Close()
	if got, _ := x.GetCellValue("Suppliers", "A4"); got != "Flint Ltd" {
		t.Errorf("the workbook's first supplier is %q, want Flint Ltd", got)
	}
	if got, _ := x.GetCellValue("Reasons", "A4"); got != "Defective" {
		t.Errorf("the workbook's first reason is %q, want Defective", got)
	}
	empty, err := f.a.ReturnInsights(app.Period{From: "2020-01-01", To: "2020-02-01"})
	f.must(err)
	if empty.Returns != 0 || empty.Trial.RatePct() != nil || len(empty.BySupplier) != 0 {
		t.Errorf("a period without returns: %+v", empty)
	}
}
