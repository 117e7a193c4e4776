package app

import "fmt"

// deliveryRow is one supplier's sums over its lines due.
type deliveryRow struct {
	SupplierID    uint
	LinesDue      int
	Qty           int64
	OnTimeQty     int64
	OTIFLines     int
	FilledQty     int64
	QuotedLead    *float64
	AvgLate       *float64
	VarianceCents int64
	QuotedCents   int64
	LeadLines     int
	LeadMean      *float64
	LeadP50       *int
	LeadP90       *int
}

func (a *App) addDelivery(cards []Scorecard, index map[uint]int, c dayClock, p Period, sid uint) error {
	var rows []deliveryRow
	q := factsSQL(c, sid != 0) + deliverySQL
	if err := a.db.Raw(q, scoreParams(p, sid)).Scan(&rows).Error; err != nil {
		return fmt.Errorf("delivery: %w", err)
	}
	for _, r := range rows {
		i, ok := index[r.SupplierID]
		if !ok {
			continue
		}
		s := &cards[i]
		s.LinesDue, s.OTIFLines = r.LinesDue, r.OTIFLines
		s.OnTimePct = ratioPct(r.OnTimeQty, r.Qty)
		s.OTIFPct = ratioPct(int64(r.OTIFLines), int64(r.LinesDue))
		s.FillRatePct = ratioPct(r.FilledQty, r.Qty)
		s.QuotedLeadDays, s.AvgDaysLate = r.QuotedLead, r.AvgLate
		s.PriceVariancePct = ratioPct(r.VarianceCents, r.QuotedCents)
		s.LeadLines, s.LeadMeanDays, s.LeadP50Days, s.LeadP90Days = r.LeadLines, r.LeadMean, r.LeadP50, r.LeadP90
	}
	return nil
}

// sumsRow is a numerator and denominator per supplier.
type sumsRow struct {
	SupplierID uint
	Part       int64
	Whole      int64
}

func (a *App) addDefects(cards []Scorecard, index map[uint]int, c dayClock, p Period, sid uint) error {
	var rows []sumsRow
	q := "SELECT supplier_id, rejected AS part, received AS whole FROM (" + defectSQL(c, sid != 0) + ")"
	if err := a.db.Raw(q, scoreParams(p, sid)).Scan(&rows).Error; err != nil {
		return fmt.Errorf("defects: %w", err)
	}
	for _, r := range rows {
		if i, ok := index[r.SupplierID]; ok {
			cards[i].DefectPct = ratioPct(r.Part, r.Whole)
		}
	}
	return nil
}

func (a *App) addReturns(cards []Scorecard, index map[uint]int, c dayClock, p Period, sid uint) error {
	var rows []sumsRow
	q := "SELECT supplier_id, returned AS part, shipped AS whole FROM (" + returnSQL(c, sid != 0) + ")"
	if err := a.db.Raw(q, scoreParams(p, sid)).Scan(&rows).Error; err != nil {
		return fmt.Errorf("returns: %w", err)
	}
	for _, r := range rows {
		if i, ok := index[r.SupplierID]; ok {
			cards[i].ReturnPct = ratioPct(r.Part, r.Whole)
		}
	}
	return nil
}

func (a *App) addResponse(cards []Scorecard, index map[uint]int, c dayClock, p Period, sid uint) error {
	var rows []struct {
		SupplierID uint
		Median     *float64
	}
	if err := a.db.Raw(responseSQL(c, sid != 0), scoreParams(p, sid)).Scan(&rows).Error; err != nil {
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
