package app

import (
	"fmt"

	"clockwork/data"
)

// SupplierRating is what planning knows of a supplier from its scorecard.
type SupplierRating struct {
	Standing    Standing
	Score       *float64 // 0–100; nil with nothing measured
	LeadP90Days *int     // nil unless at least MinLeadHistory lines were received
	Received    int      // lines due that have a receipt: what the rating rests on
}

// SupplierRatings reads every supplier's rating from its scorecard over the twelve months up
// to asOf: planning's standing filter and the fastest and balanced policies use them.
func (a *App) SupplierRatings(asOf data.Day) (map[uint]SupplierRating, error) {
	cards, err := a.Scorecards(LastMonths(asOf, 12))
	if err != nil {
		return nil, fmt.Errorf("rate suppliers: %w", err)
	}
	out := make(map[uint]SupplierRating, len(cards))
	for _, c := range cards {
		r := SupplierRating{Standing: c.Standing, Score: c.Score, Received: c.LeadLines}
		if c.LeadLines >= MinLeadHistory {
			r.LeadP90Days = c.LeadP90Days
		}
		out[c.SupplierID] = r
	}
	return out, nil
}
