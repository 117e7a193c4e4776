package app

import (
	"fmt"

	"clockwork/data"
)

// TodayCounts are the numbers on the Today screen: what needs doing now.
type TodayCounts struct {
	ToPurchase  int64 // orders with a line not yet on a purchase order
	ToSend      int64 // draft purchase orders with lines
	LatePOs     int64 // sent POs past their expected (else promised) day, not yet received
	ReadyToPack int64 // orders with every line received
	OpenReturns int64 // returns requested or received, not closed
	AtRisk      int64 // open orders past their ship-by day or likely to miss it
}

// openPO are the PO statuses where the supplier still owes goods.
var openPO = []data.POStatus{data.POSent, data.POAcknowledged, data.POPartiallyReceived}

// TodayCounts counts what needs doing now.
func (a *App) TodayCounts() (TodayCounts, error) {
	var c TodayCounts
	today := a.Today()
	queries := []func() error{
		func() error {
			return a.db.Model(&data.Order{}).Where("status = ?", data.OrderNew).Count(&c.ToPurchase).Error
		},
		func() error {
			return a.db.Model(&data.PurchaseOrder{}).Where("status = ? AND EXISTS (SELECT 1 FROM po_lines WHERE po_lines.purchase_order_id = purchase_orders.id)", data.PODraft).Count(&c.ToSend).Error
		},
		func() error {
			return a.db.Model(&data.PurchaseOrder{}).Where("status IN ? AND COALESCE(NULLIF(expected_date, ''), promised_date) < ?", openPO, today).Count(&c.LatePOs).Error
		},
		func() error {
			return a.db.Model(&data.Order{}).Where("status = ?", data.OrderReady).Count(&c.ReadyToPack).Error
		},
		func() error {
			return a.db.Model(&data.Return{}).Where("status IN ?", []data.ReturnStatus{data.ReturnRequested, data.ReturnReceived}).Count(&c.OpenReturns).Error
		},
		func() error {
			return a.db.Model(&data.Order{}).Where("status IN ?", openOrder).Where(lateOrAtRiskSQL, true, today, openOrder).Count(&c.AtRisk).Error
		},
	}
	for _, q := range queries {
		if err := q(); err != nil {
			return c, fmt.Errorf("count today's work: %w", err)
		}
	}
	return c, nil
}

// IsEmpty says the shop has no orders, products or suppliers yet: a first run.
func (a *App) IsEmpty() (bool, error) {
	var any bool
	err := a.db.Raw("SELECT EXISTS(SELECT 1 FROM orders) OR EXISTS(SELECT 1 FROM products) OR EXISTS(SELECT 1 FROM suppliers)").Row().Scan(&any)
	if err != nil {
		return false, fmt.Errorf("look for data: %w", err)
	}
	return !any, nil
}
