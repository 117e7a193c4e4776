package demo

import (
	"time"

	"clockwork/app"
	"clockwork/data"
)

// cancelRate is the share of orders a customer cancels two days after placing them.
const cancelRate = 0.015

// cancelOrders is the day's step in which a few customers change their minds about orders
// placed two days before: cancelled through the same use case the Orders screen
// uses, so lines already bought are flagged for the owner to tell the supplier.
func (g *generator) cancelOrders(a *app.App, day data.Day) error {
	recent := 0
	for d := max(g.dayIndex-3, 0); d <= g.dayIndex; d++ {
		recent += g.perDay[d]
	}
	if recent == 0 {
		return nil
	}
	rows, err := a.OrderPage(app.OrderQuery{Sort: app.SortPlaced, Desc: true, Limit: recent})
	if err != nil {
		return err
	}
	loc := a.Location()
	want := day.AddDays(-2)
	for i := len(rows) - 1; i >= 0; i-- { // oldest first, so the same seed cancels the same orders
		r := rows[i]
		placed := data.DayOf(r.PlacedAt, loc)
		if placed != want || (r.Status != data.OrderNew && r.Status != data.OrderPurchasing) {
			continue
		}
		if g.rng.Float64() >= cancelRate {
			continue
		}
		g.clock.set(g.clock.now().Add(time.Duration(1+g.rng.IntN(30)) * time.Minute))
		if _, err := a.CancelOrder(r.ID); err != nil {
			return err
		}
	}
	return nil
}
