package app

import (
	"fmt"

	"clockwork/data"

	"gorm.io/gorm"
)

// Standing is a supplier's verdict from its scorecard; planning skips very poor suppliers.
type Standing string

// Standings of DESIGN 6, from best to worst, and the one for too little history.
const (
	StandingExcellent    Standing = "excellent"
	StandingAverage      Standing = "average"
	StandingPoor         Standing = "poor"
	StandingVeryPoor     Standing = "very_poor"
	StandingInsufficient Standing = "insufficient_data"
)

// Label is the standing as the owner reads it: "Very poor", "Insufficient data".
func (s Standing) Label() string {
	switch s {
	case StandingExcellent:
		return "Excellent"
	case StandingAverage:
		return "Average"
	case StandingPoor:
		return "Poor"
	case StandingVeryPoor:
		return "Very poor"
	}
	return "Insufficient data"
}

// MinLinesForStanding is how many lines due a supplier needs before it gets a standing.
const MinLinesForStanding = 5

// Scorecard is one supplier's metrics over a period, as defined in DESIGN 6. A nil metric has
// nothing to measure (no lines due, no receipts, no acknowledged PO…): it is not 0 or 100.
// Percentages run 0–100 at full precision.
type Scorecard struct {
	SupplierID       uint
	Supplier         string
	Status           data.SupplierStatus
	LinesDue         int
	OTIFLines        int // lines due delivered on time in full
	OnTimePct        *float64
	OTIFPct          *float64
	FillRatePct      *float64
	LeadLines        int // lines due with a receipt: the sample of the lead times
	LeadP50Days      *int
	LeadP90Days      *int
	LeadMeanDays     *float64
	QuotedLeadDays   *float64
	AvgDaysLate      *float64
	DefectPct        *float64
	ReturnPct        *float64
	PriceVariancePct *float64
	ResponseHours    *float64
	Score            *float64
	Standing         Standing
	OTIFCILow        *float64
	OTIFCIHigh       *float64
}

// Scorecards computes every supplier's scorecard over p (suppliers without any history get
// one full of nils), ordered by name. The database does the sums (a few GROUP BY queries);
// weights come from the shop's settings.
func (a *App) Scorecards(p Period) ([]Scorecard, error) {
	return a.scorecards(p, 0)
}

// SupplierScorecard is one supplier's scorecard over p.
func (a *App) SupplierScorecard(supplierID uint, p Period) (Scorecard, error) {
	cards, err := a.scorecards(p, supplierID)
	if err != nil {
		return Scorecard{}, err
	}
	if len(cards) == 0 {
		return Scorecard{}, fmt.Errorf("scorecard: %w", notFound(gorm.ErrRecordNotFound, "supplier"))
	}
	return cards[0], nil
}

// Standings is each supplier's standing over the twelve months up to and including asOf,
// keyed by supplier ID: what purchase planning asks before it picks an offer (a very poor
// supplier is skipped). Every supplier is in the map.
func (a *App) Standings(asOf data.Day) (map[uint]Standing, error) {
	cards, err := a.Scorecards(LastMonths(asOf, 12))
	if err != nil {
		return nil, err
	}
	out := make(map[uint]Standing, len(cards))
	for _, c := range cards {
		out[c.SupplierID] = c.Standing
	}
	return out, nil
}

// scorecards computes the scorecards of every supplier (supplierID 0) or of one.
func (a *App) scorecards(p Period, supplierID uint) ([]Scorecard, error) {
	cards, _, err := a.measure(p, supplierID)
	return cards, err
}

// measure computes the scorecards of every supplier (supplierID 0) or of one, and the
// monthly trend that comes with them.
func (a *App) measure(p Period, supplierID uint) ([]Scorecard, []TrendPoint, error) {
	return a.measureWith(p, supplierID, a.deliveryCells)
}

// measureWith is measure with the delivery cells from cellsOf: the export reads them from a
// query that stays open for the lines.
func (a *App) measureWith(p Period, supplierID uint, cellsOf func(scoreQuery) ([]deliveryCell, error)) ([]Scorecard, []TrendPoint, error) {
	weights, err := a.weights()
	if err != nil {
		return nil, nil, err
	}
	cards, index, err := a.scorecardSuppliers(supplierID)
	if err != nil {
		return nil, nil, err
	}
	// Defects, returns and response times run on read-only connections of their own while
	// cellsOf sums the deliveries (itself in two halves side by side): on two cores the
	// scorecards take about half their CPU time. Each fills other fields of the cards.
	q := a.scoreQuery(p, supplierID)
	var adds []func(*gorm.DB) error
	for _, add := range []func(*gorm.DB, []Scorecard, map[uint]int, scoreQuery) error{addDefects, addReturns, addResponse} {
		adds = append(adds, func(db *gorm.DB) error { return add(db, cards, index, q) })
	}
	wait := a.alongside(adds...)
	cells, err := cellsOf(q)
	if werr := wait(); err == nil {
		err = werr
	}
	data.ReleaseMemory()
	if err != nil {
		return nil, nil, fmt.Errorf("scorecards %s: %w", p, err)
	}
	addDelivery(cards, index, cells)
	for i := range cards {
		cards[i].finish(weights)
	}
	return cards, trendOf(cells), nil
}

// weights are the shop's scorecard weights; a shop saved before they existed uses the defaults.
func (a *App) weights() (data.ScoreWeights, error) {
	shop, err := a.Shop()
	if err != nil {
		return data.ScoreWeights{}, err
	}
	if shop.Weights.Sum() != 100 {
		return data.DefaultWeights, nil
	}
	return shop.Weights, nil
}

// scorecardSuppliers starts an empty scorecard per supplier, and an index from ID to position.
func (a *App) scorecardSuppliers(supplierID uint) ([]Scorecard, map[uint]int, error) {
	var rows []data.Supplier
	q := a.db.Select("id", "name", "status").Order("name")
	if supplierID != 0 {
		q = q.Where("id = ?", supplierID)
	}
	if err := q.Find(&rows).Error; err != nil {
		return nil, nil, fmt.Errorf("scorecards: read suppliers: %w", err)
	}
	cards := make([]Scorecard, len(rows))
	index := make(map[uint]int, len(rows))
	for i, s := range rows {
		cards[i] = Scorecard{SupplierID: s.ID, Supplier: s.Name, Status: s.Status}
		index[s.ID] = i
	}
	return cards, index, nil
}

// finish derives the score, the standing and the Wilson interval from the measured metrics.
func (c *Scorecard) finish(w data.ScoreWeights) {
	c.Score = weightedScore(c.Criteria(w))
	c.Standing = standing(c.LinesDue, c.Score)
	if c.LinesDue > 0 && c.OTIFPct != nil {
		lo, hi := wilson(c.OTIFLines, c.LinesDue)
		c.OTIFCILow, c.OTIFCIHigh = &lo, &hi
	}
}
