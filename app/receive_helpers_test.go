package app_test

import (
	"time"

	"testing"

	"clockwork/app"
	"clockwork/app/apptest"
	"clockwork/data"
)

// makeSentPO makes a sent PO underneath the use cases (apptest.MakeSentPO).
var makeSentPO = apptest.MakeSentPO

// spec is a line of such a PO: the order it serves, SKU, quantity, days since the order came.
func spec(order, sku string, qty, daysAgo int) apptest.POLineSpec {
	return apptest.POLineSpec{Order: order, SKU: sku, Qty: qty, DaysAgo: daysAgo}
}

// orderState reads an order's status and its lines' states by SKU.
func orderState(t *testing.T, a *app.App, number string) (data.OrderStatus, map[string]data.LineState) {
	t.Helper()
	var o data.Order
	if err := apptest.DB(t, a).Preload("Lines").Where("number = ?", number).First(&o).Error; err != nil {
		t.Fatal(err)
	}
	states := map[string]data.LineState{}
	for _, l := range o.Lines {
		states[l.SKU] = l.State
	}
	return o.Status, states
}

// poLine reads a PO line's received quantities.
func poLine(t *testing.T, a *app.App, id uint) data.POLine {
	t.Helper()
	var l data.POLine
	if err := apptest.DB(t, a).First(&l, id).Error; err != nil {
		t.Fatal(err)
	}
	return l
}

// later is the shop days after apptest.Now: a delivery is recorded once it has come.
func later(a *app.App, days int) *app.App {
	return a.WithClock(func() time.Time { return apptest.Now.AddDate(0, 0, days) })
}
