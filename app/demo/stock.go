package demo

import (
	"fmt"
	"math"

	"clockwork/app"
	"clockwork/data"
)

// supplierUpdates is the day's step for what suppliers tell the shop about their offers:
// once a week, a few of those that send stock figures report new availability for some of
// their offers, and now and then one raises its prices (the cost history keeps the old
// cost, so scorecards can measure price variance). The work per week is bounded, so a big
// demo shop stays quick to make.
func (g *generator) supplierUpdates(a *app.App, day data.Day) error {
	if g.dayIndex%7 != 3 {
		return nil
	}
	if err := g.stockFigures(a); err != nil {
		return err
	}
	for i := range g.suppliers {
		s := &g.suppliers[i]
		if len(s.offers) > 0 && g.rng.Float64() < 0.03 {
			rise := 1.03 + 0.05*g.rng.Float64()
			for k := 0; k < min(10, len(s.offers)); k++ {
				o := s.offers[g.rng.IntN(len(s.offers))]
				o.UnitCost = data.Money(math.Round(float64(o.UnitCost) * rise))
				if err := a.SaveOffer(o); err != nil {
					return fmt.Errorf("price rise from %s: %w", s.name, err)
				}
			}
		}
	}
	return nil
}

// stockFigures has this week's few stock-sending suppliers (taking turns) report figures.
func (g *generator) stockFigures(a *app.App) error {
	var feeds []int
	for i, s := range g.suppliers {
		if s.stockFeed && len(s.offers) > 0 {
			feeds = append(feeds, i)
		}
	}
	week := g.dayIndex / 7
	for j := 0; j < min(6, len(feeds)); j++ {
		s := &g.suppliers[feeds[(week*6+j)%len(feeds)]]
		for k := 0; k < min(8, len(s.offers)); k++ {
			o := s.offers[g.rng.IntN(len(s.offers))]
			stock := g.rng.IntN(80)
			o.AvailableQty = &stock
			if err := a.SaveOffer(o); err != nil {
				return fmt.Errorf("stock figure from %s: %w", s.name, err)
			}
		}
	}
	return nil
}
