package app

import (
	"fmt"
	"time"

	"clockwork/data"
)

// ScorecardLine is one line due of a scorecard period with its dates and what arrived: the
// rows behind the delivery metrics.
type ScorecardLine struct {
	Supplier           string
	PONumber           string
	SKU                string
	SupplierSKU        string
	Qty                int
	SentDay            data.Day
	PromisedDay        data.Day
	FirstReceiptDay    data.Day // "" when nothing arrived yet
	CompleteDay        data.Day // the day accepted units reached Qty within the period; "" if not
	AcceptedByPromised int
	AcceptedByEnd      int // accepted on or before the period's last day
	RejectedByEnd      int
	UnitCost           data.Money
	QuotedUnitCost     data.Money
}

// OTIF says the line arrived complete on or before its promised day.
func (l ScorecardLine) OTIF() bool { return l.AcceptedByPromised >= l.Qty }

// DaysLate is how late a missed line was (DESIGN 6 avg_days_late: until it was complete, or
// until the period's last day while still short); 0 for a line on time in full.
func (l ScorecardLine) DaysLate(p Period) int {
	if l.OTIF() {
		return 0
	}
	until := l.CompleteDay
	if until == "" {
		until = p.Last()
	}
	return l.PromisedDay.DaysUntil(until)
}

// LeadDays is the days from sending the PO to the first receipt; ok is false before any.
func (l ScorecardLine) LeadDays() (days int, ok bool) {
	if l.FirstReceiptDay == "" || l.SentDay == "" {
		return 0, false
	}
	return l.SentDay.DaysUntil(l.FirstReceiptDay), true
}

// LineQuery chooses the lines due EachScorecardLine walks through.
type LineQuery struct {
	SupplierID  uint // 0: every supplier
	MissedOnly  bool // only lines not on time in full (late or short)
	NewestFirst bool // by promised day, latest first; else by supplier then promised day
	Limit       int  // 0: all
}

// EachScorecardLine calls fn for each line due of period p that q selects, streaming them
// from the database (the workbook's Lines sheet holds 100,000s of them). Without
// NewestFirst they come in the order they were made.
func (a *App) EachScorecardLine(p Period, q LineQuery, fn func(ScorecardLine) error) error {
	names, err := a.supplierNames(q.SupplierID)
	if err != nil {
		return err
	}
	sq, err := a.allLines(a.scoreQuery(p, q.SupplierID))
	if err != nil {
		return fmt.Errorf("scorecard lines %s: %w", p, err)
	}
	sql := sq.sql.facts(sq.one, true) + "SELECT " + lineNumbersSQL + ", " + lineTextsSQL + " FROM facts"
	if q.MissedOnly {
		sql += "\nWHERE acc_prom < qty"
	}
	if q.NewestFirst {
		sql += "\nORDER BY promised DESC, po_number DESC, id DESC"
	}
	params := sq.params
	if q.Limit > 0 {
		sql += "\nLIMIT @limit"
		params["limit"] = q.Limit
	}
	rows, err := a.db.Raw(sql, params).Rows()
	if err != nil {
		return fmt.Errorf("scorecard lines %s: %w", p, err)
	}
	defer rows.Close()
	days := dayNames{}
	for rows.Next() {
		var l ScorecardLine
		var sid uint
		var sent, first, full *int64
		err := rows.Scan(&sid, &l.Qty, &l.AcceptedByPromised, &l.AcceptedByEnd, &l.RejectedByEnd, &l.UnitCost, &l.QuotedUnitCost,
			&sent, &first, &full, &l.PONumber, &l.SKU, &l.SupplierSKU, &l.PromisedDay)
		if err != nil {
			return fmt.Errorf("scorecard lines %s: %w", p, err)
		}
		l.Supplier, l.SentDay, l.FirstReceiptDay, l.CompleteDay = names[sid], days.of(sent), days.of(first), days.of(full)
		if err := fn(l); err != nil {
			return err
		}
	}
	return rows.Err()
}

// lineNumbersSQL are the numeric columns of a line due, as EachScorecardLine scans them:
// the supplier, quantities, costs and day numbers (sent, first receipt, complete; NULL when
// none), which Go names (dayNames): cheaper than formatting each day in SQL.
const lineNumbersSQL = "supplier_id, qty, acc_prom, acc_end, rej_end, unit_cost, quoted_unit_cost, sent_n, first_n, full_n"

// lineTextsSQL are the text columns of a line due, after its numbers.
const lineTextsSQL = "po_number, sku, supplier_sku, promised"

// dayNames turns day numbers (days since 1970-01-01, as the SQL counts them) into days,
// remembering each: a year's lines fall on a few hundred days.
type dayNames map[int64]data.Day

// of is the day numbered n ("" for nil).
func (d dayNames) of(n *int64) data.Day {
	if n == nil {
		return ""
	}
	day, ok := d[*n]
	if !ok {
		day = data.Day(time.Unix(*n*86400, 0).UTC().Format(time.DateOnly))
		d[*n] = day
	}
	return day
}

// supplierNames maps supplier IDs to names: the lines carry IDs, so the biggest query of
// the workbook joins no supplier rows.
func (a *App) supplierNames(supplierID uint) (map[uint]string, error) {
	var rows []data.Supplier
	q := a.db.Select("id", "name")
	if supplierID != 0 {
		q = q.Where("id = ?", supplierID)
	}
	if err := q.Find(&rows).Error; err != nil {
		return nil, fmt.Errorf("read suppliers: %w", err)
	}
	names := make(map[uint]string, len(rows))
	for _, s := range rows {
		names[s.ID] = s.Name
	}
	return names, nil
}

// TrendPoint is one supplier's lines due in one month of a period and how many were on
// time in full.
type TrendPoint struct {
	SupplierID uint
	Month      string // "2006-01"
	LinesDue   int
	OTIFLines  int
}

// OTIFPct is the month's OTIF %, nil when nothing was due.
func (t TrendPoint) OTIFPct() *float64 { return ratioPct(int64(t.OTIFLines), int64(t.LinesDue)) }

// ScorecardTrend is OTIF per supplier (or only supplierID) and calendar month of the promised
// day, over p, ordered by supplier ID and month. Months with nothing due are absent.
func (a *App) ScorecardTrend(p Period, supplierID uint) ([]TrendPoint, error) {
	cells, err := a.deliveryCells(a.scoreQuery(p, supplierID))
	if err != nil {
		return nil, fmt.Errorf("scorecard trend %s: %w", p, err)
	}
	return trendOf(cells), nil
}

// Months lists the calendar months the period touches, as "2006-01".
func (p Period) Months() []string {
	var out []string
	if p.From >= p.To {
		return nil
	}
	for m := data.Day(string(p.From)[:8] + "01"); m < p.To; m = addMonths(m, 1) {
		out = append(out, string(m)[:7])
	}
	return out
}
