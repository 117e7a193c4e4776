package app

import (
	"database/sql"
	"fmt"
	"sort"

	"clockwork/data"

	"gorm.io/gorm"
)

// scoreQuery is one scorecard computation's period in the forms its SQL needs.
type scoreQuery struct {
	sql    scoreSQL
	params map[string]any
	one    bool // only the supplier @sid
}

func (a *App) scoreQuery(p Period, supplierID uint) scoreQuery {
	loc := a.Location()
	return scoreQuery{
		sql:    scoreSQL{e: data.EngineOf(a.db), clock: newDayClock(loc, p)},
		params: scoreParams(loc, p, supplierID), one: supplierID != 0,
	}
}

// deliveryCell is the sums over one supplier's lines due of one month with one lead time
// (Lead nil: nothing received yet).
type deliveryCell struct {
	SupplierID    uint
	Month         string
	Lead          *int
	Lines         int
	Qty           int64
	OnTimeQty     int64
	OTIFLines     int
	FilledQty     int64
	QuotedDays    int64
	SentLines     int
	LateDays      int64
	VarianceCents int64
	QuotedCents   int64
}

// deliveryCells runs scoreSQL.delivery. Over every supplier it sums the two halves of the lines
// due at once, each on a read-only connection (see App.alongside), and returns both halves'
// cells: they add up (addDelivery and trendOf sum cells with the same keys).
func (a *App) deliveryCells(q scoreQuery) ([]deliveryCell, error) {
	if q.one {
		return deliveryPart(a.db, q)
	}
	span, err := a.dueLines(q)
	if err != nil {
		return nil, err
	}
	half := span
	half.hi = span.lo + (span.hi-span.lo)/2
	rest := span
	rest.lo = half.hi + 1
	var first, second []deliveryCell
	err = a.alongside(func(db *gorm.DB) (err error) {
		first, err = deliveryPart(db, q.lines(half))
		return err
	}, func(db *gorm.DB) (err error) {
		second, err = deliveryPart(db, q.lines(rest))
		return err
	})()
	return append(first, second...), err
}

// lineSpan bounds the ids of the lines due and of the receipts that may be theirs: lo > hi
// when there are none.
type lineSpan struct {
	lo, hi              int64 // PO lines
	firstRcpt, lastRcpt int64 // receipts
}

// dueLines bounds the lines due in q's period and their receipts.
func (a *App) dueLines(q scoreQuery) (lineSpan, error) {
	var s lineSpan
	if err := a.db.Raw(dueLinesSQL, q.params).Row().Scan(&s.lo, &s.hi, &s.firstRcpt, &s.lastRcpt); err != nil {
		return s, fmt.Errorf("lines due: %w", err)
	}
	return s, nil
}

// allLines is q reading every line due of its period, for a query over every supplier.
func (a *App) allLines(q scoreQuery) (scoreQuery, error) {
	if q.one {
		return q, nil
	}
	span, err := a.dueLines(q)
	return q.lines(span), err
}

// lines is q reading only the lines (and receipts) of span.
func (q scoreQuery) lines(span lineSpan) scoreQuery {
	params := make(map[string]any, len(q.params)+4)
	for k, v := range q.params {
		params[k] = v
	}
	params["lo_line"], params["hi_line"] = span.lo, span.hi
	params["lo_receipt"], params["hi_receipt"] = span.firstRcpt, span.lastRcpt
	q.params = params
	return q
}

// deliveryPart runs scoreSQL.delivery on db over the lines q reads.
func deliveryPart(db *gorm.DB, q scoreQuery) ([]deliveryCell, error) {
	rows, err := db.Raw(q.sql.facts(q.one, false)+q.sql.delivery(), q.params).Rows()
	if err != nil {
		return nil, fmt.Errorf("delivery: %w", err)
	}
	defer rows.Close()
	var out []deliveryCell
	for rows.Next() {
		var c deliveryCell
		var late sql.NullInt64
		err := rows.Scan(&c.SupplierID, &c.Lead, &c.Lines, &c.Qty, &c.OnTimeQty, &c.OTIFLines, &c.FilledQty,
			&c.QuotedDays, &c.SentLines, &late, &c.VarianceCents, &c.QuotedCents, &c.Month)
		if err != nil {
			return nil, fmt.Errorf("delivery: %w", err)
		}
		c.LateDays = late.Int64
		out = append(out, c)
	}
	return out, rows.Err()
}

// addDelivery rolls the cells up into each supplier's delivery metrics.
func addDelivery(cards []Scorecard, index map[uint]int, cells []deliveryCell) {
	sums := make([]deliveryCell, len(cards))
	leads := make([]map[int]int, len(cards))
	for _, c := range cells {
		i, ok := index[c.SupplierID]
		if !ok {
			continue
		}
		t := &sums[i]
		t.Lines += c.Lines
		t.Qty, t.OnTimeQty, t.OTIFLines, t.FilledQty = t.Qty+c.Qty, t.OnTimeQty+c.OnTimeQty, t.OTIFLines+c.OTIFLines, t.FilledQty+c.FilledQty
		t.QuotedDays, t.SentLines, t.LateDays = t.QuotedDays+c.QuotedDays, t.SentLines+c.SentLines, t.LateDays+c.LateDays
		t.VarianceCents, t.QuotedCents = t.VarianceCents+c.VarianceCents, t.QuotedCents+c.QuotedCents
		if c.Lead != nil {
			if leads[i] == nil {
				leads[i] = map[int]int{}
			}
			leads[i][*c.Lead] += c.Lines
		}
	}
	for i, t := range sums {
		s := &cards[i]
		s.LinesDue, s.OTIFLines = t.Lines, t.OTIFLines
		s.OnTimePct = ratioPct(t.OnTimeQty, t.Qty)
		s.OTIFPct = ratioPct(int64(t.OTIFLines), int64(t.Lines))
		s.FillRatePct = ratioPct(t.FilledQty, t.Qty)
		s.QuotedLeadDays = ratio(t.QuotedDays, int64(t.SentLines))
		s.AvgDaysLate = ratio(t.LateDays, int64(t.Lines-t.OTIFLines))
		s.PriceVariancePct = ratioPct(t.VarianceCents, t.QuotedCents)
		s.LeadLines, s.LeadMeanDays, s.LeadP50Days, s.LeadP90Days = leadStats(leads[i])
	}
}

// leadStats are the count, mean and the p50 and p90 by nearest rank of a histogram of lead
// days (days → lines): sorted x₁…xₙ, the p-th percentile is x at rank ⌈p·n/100⌉.
func leadStats(hist map[int]int) (n int, mean *float64, p50, p90 *int) {
	days := make([]int, 0, len(hist))
	sum := 0
	for d, k := range hist {
		days = append(days, d)
		n += k
		sum += d * k
	}
	if n == 0 {
		return 0, nil, nil, nil
	}
	sort.Ints(days)
	rank := func(p int) *int {
		want, seen := (p*n+99)/100, 0
		for _, d := range days {
			if seen += hist[d]; seen >= want {
				return &d
			}
		}
		return nil
	}
	m := float64(sum) / float64(n)
	return n, &m, rank(50), rank(90)
}

// trendOf rolls the cells up by supplier and month.
func trendOf(cells []deliveryCell) []TrendPoint {
	type key struct {
		id    uint
		month string
	}
	at := map[key]int{}
	var out []TrendPoint
	for _, c := range cells {
		k := key{c.SupplierID, c.Month}
		i, ok := at[k]
		if !ok {
			i = len(out)
			at[k] = i
			out = append(out, TrendPoint{SupplierID: c.SupplierID, Month: c.Month})
		}
		out[i].LinesDue += c.Lines
		out[i].OTIFLines += c.OTIFLines
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].SupplierID != out[j].SupplierID {
			return out[i].SupplierID < out[j].SupplierID
		}
		return out[i].Month < out[j].Month
	})
	return out
}

// sumsRow is a numerator and denominator per supplier.
type sumsRow struct {
	SupplierID uint
	Part       int64
	Whole      int64
}

func addDefects(db *gorm.DB, cards []Scorecard, index map[uint]int, q scoreQuery) error {
	var rows []sumsRow
	if err := db.Raw(q.sql.defects(q.one), q.params).Scan(&rows).Error; err != nil {
		return fmt.Errorf("defects: %w", err)
	}
	for _, r := range rows {
		if i, ok := index[r.SupplierID]; ok {
			cards[i].DefectPct = ratioPct(r.Part, r.Whole)
		}
	}
	return nil
}

func addReturns(db *gorm.DB, cards []Scorecard, index map[uint]int, q scoreQuery) error {
	var rows []sumsRow
	if err := db.Raw(q.sql.returns(q.one), q.params).Scan(&rows).Error; err != nil {
		return fmt.Errorf("returns: %w", err)
	}
	for _, r := range rows {
		if i, ok := index[r.SupplierID]; ok {
			cards[i].ReturnPct = ratioPct(r.Part, r.Whole)
		}
	}
	return nil
}

func addResponse(db *gorm.DB, cards []Scorecard, index map[uint]int, q scoreQuery) error {
	var rows []struct {
		SupplierID uint
		Median     *float64
	}
	if err := db.Raw(q.sql.response(q.one), q.params).Scan(&rows).Error; err != nil {
		return fmt.Errorf("response times: %w", err)
	}
	for _, r := range rows {
		if i, ok := index[r.SupplierID]; ok {
			cards[i].ResponseHours = r.Median
		}
	}
	return nil
}

// ratioPct is part ÷ whole as a percentage, or nil when there is nothing to divide by.
func ratioPct(part, whole int64) *float64 {
	if whole == 0 {
		return nil
	}
	v := 100 * float64(part) / float64(whole)
	return &v
}

// ratio is part ÷ whole, or nil when there is nothing to divide by.
func ratio(part, whole int64) *float64 {
	if whole == 0 {
		return nil
	}
	v := float64(part) / float64(whole)
	return &v
}
