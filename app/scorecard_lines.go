package app

import (
	"fmt"

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
// from the database (the workbook's Lines sheet holds 100,000s of them).
func (a *App) EachScorecardLine(p Period, q LineQuery, fn func(ScorecardLine) error) error {
	sql := factsSQL(newDayClock(a.Location(), p), q.SupplierID != 0) + `
SELECT s.name AS supplier, po.number AS po_number, l.sku, l.supplier_sku, f.qty,
  f.sent_day, f.promised AS promised_day, f.first_day AS first_receipt_day, f.full_day AS complete_day,
  f.acc_prom AS accepted_by_promised, f.acc_end AS accepted_by_end, f.rej_end AS rejected_by_end,
  f.unit_cost, f.quoted_unit_cost
FROM facts f JOIN po_lines l ON l.id = f.id JOIN purchase_orders po ON po.id = l.purchase_order_id
  JOIN suppliers s ON s.id = f.supplier_id`
	if q.MissedOnly {
		sql += "\nWHERE f.acc_prom < f.qty"
	}
	if q.NewestFirst {
		sql += "\nORDER BY f.promised DESC, po.number DESC, f.id DESC"
	} else {
		sql += "\nORDER BY s.name, f.promised, po.number, f.id"
	}
	params := scoreParams(p, q.SupplierID)
	if q.Limit > 0 {
		sql += "\nLIMIT @limit"
		params["limit"] = q.Limit
	}
	rows, err := a.db.Raw(sql, params).Rows()
	if err != nil {
		return fmt.Errorf("scorecard lines %s: %w", p, err)
	}
	defer rows.Close()
	for rows.Next() {
		var l ScorecardLine
		if err := a.db.ScanRows(rows, &l); err != nil {
			return fmt.Errorf("scorecard lines %s: %w", p, err)
		}
		if err := fn(l); err != nil {
			return err
		}
	}
	return rows.Err()
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
// day, over p. Months with nothing due are absent.
func (a *App) ScorecardTrend(p Period, supplierID uint) ([]TrendPoint, error) {
	sql := factsSQL(newDayClock(a.Location(), p), supplierID != 0) + `
SELECT supplier_id, substr(promised, 1, 7) AS month, COUNT(*) AS lines_due, SUM(acc_prom >= qty) AS otif_lines
FROM facts GROUP BY supplier_id, month ORDER BY supplier_id, month`
	var out []TrendPoint
	if err := a.db.Raw(sql, scoreParams(p, supplierID)).Scan(&out).Error; err != nil {
		return nil, fmt.Errorf("scorecard trend %s: %w", p, err)
	}
	return out, nil
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
