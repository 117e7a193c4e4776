package app

import (
	"fmt"
	"time"

	"clockwork/data"
)

// ScorecardDetail is what the owner looks at to understand one supplier's scorecard: the
// metrics with their criteria, the monthly trend, and the rows behind the bad numbers (each
// list holds at most the limit asked for, newest first).
type ScorecardDetail struct {
	Card       Scorecard
	Criteria   []Criterion
	Months     []string     // every month of the period, "2006-01"
	Trend      []TrendPoint // months with lines due
	Missed     []ScorecardLine
	Rejections []Rejection
	Returns    []SupplierReturn
	Contacts   []Contact
}

// Rejection is received units of a supplier that were refused.
type Rejection struct {
	At       time.Time
	Day      data.Day // At in the shop's time zone
	PONumber string
	SKU      string
	Rejected int
	Reason   data.RejectReason
}

// SupplierReturn is units a customer sent back through the supplier's fault.
type SupplierReturn struct {
	At          time.Time // the return was opened
	Day         data.Day  // At in the shop's time zone
	RMA         string
	OrderNumber string
	PONumber    string
	SKU         string
	Qty         int
	Reason      data.ReturnReason
}

// Contact is one entry of a supplier's contact log.
type Contact struct {
	At       time.Time
	Kind     data.EventKind
	Channel  string
	Text     string
	PONumber string
}

// ScorecardDetail gathers one supplier's drill-down over p; each list stops at limit rows.
func (a *App) ScorecardDetail(p Period, supplierID uint, limit int) (ScorecardDetail, error) {
	var d ScorecardDetail
	var err error
	if d.Card, err = a.SupplierScorecard(supplierID, p); err != nil {
		return d, err
	}
	w, err := a.weights()
	if err != nil {
		return d, err
	}
	d.Criteria, d.Months = d.Card.Criteria(w), p.Months()
	if d.Trend, err = a.ScorecardTrend(p, supplierID); err != nil {
		return d, err
	}
	err = a.EachScorecardLine(p, LineQuery{SupplierID: supplierID, MissedOnly: true, NewestFirst: true, Limit: limit},
		func(l ScorecardLine) error { d.Missed = append(d.Missed, l); return nil })
	if err != nil {
		return d, err
	}
	sq := a.scoreQuery(p, supplierID)
	params := sq.params
	params["limit"] = limit
	queries := []struct {
		what string
		sql  string
		into any
	}{
		{"rejections", sq.sql.rejections(), &d.Rejections},
		{"returns", sq.sql.supplierReturns(), &d.Returns},
		{"contact log", sq.sql.contacts(), &d.Contacts},
	}
	for _, q := range queries {
		if err := a.db.Raw(q.sql, params).Scan(q.into).Error; err != nil {
			return d, fmt.Errorf("scorecard %s: %s: %w", d.Card.Supplier, q.what, err)
		}
	}
	loc := a.Location()
	for i := range d.Rejections {
		d.Rejections[i].Day = data.DayOf(d.Rejections[i].At, loc)
	}
	for i := range d.Returns {
		d.Returns[i].Day = data.DayOf(d.Returns[i].At, loc)
	}
	return d, nil
}

// rejections lists a supplier's receipt lines dated in the period with rejected units.
func (s scoreSQL) rejections() string {
	return `SELECT r.received_at AS at, po.number AS po_number, l.sku, rl.qty_rejected AS rejected,
  rl.reject_reason AS reason
FROM receipts r JOIN receipt_lines rl ON rl.receipt_id = r.id JOIN po_lines l ON l.id = rl.po_line_id
  JOIN purchase_orders po ON po.id = r.purchase_order_id
WHERE po.supplier_id = @sid AND rl.qty_rejected > 0 AND ` + s.dated("r.received_at") + `
ORDER BY r.received_at DESC, rl.id DESC LIMIT @limit`
}

// supplierReturns lists the supplier-fault returns that return_pct counts: of order lines
// the supplier served that shipped in the period.
func (s scoreSQL) supplierReturns() string {
	return `SELECT ret.opened_at AS at, ret.number AS rma, o.number AS order_number,
  po.number AS po_number, ol.sku, rt.qty, rt.reason
FROM return_lines rt JOIN returns ret ON ret.id = rt.return_id JOIN po_lines pl ON pl.id = rt.po_line_id
  JOIN purchase_orders po ON po.id = pl.purchase_order_id JOIN order_lines ol ON ol.id = rt.order_line_id
  JOIN orders o ON o.id = ol.order_id
WHERE po.supplier_id = @sid AND rt.fault = ` + sqlText(data.FaultSupplier) + ` AND o.shipped_at IS NOT NULL AND ` + s.dated("o.shipped_at") + `
ORDER BY ret.opened_at DESC, rt.id DESC LIMIT @limit`
}

// contacts lists the supplier's contact log entries dated in the period.
func (s scoreSQL) contacts() string {
	return `SELECT e.at, e.kind, e.channel, e.text, COALESCE(po.number, '') AS po_number
FROM supplier_events e LEFT JOIN purchase_orders po ON po.id = e.purchase_order_id
WHERE e.supplier_id = @sid AND ` + s.dated("e.at") + `
ORDER BY e.at DESC, e.id DESC LIMIT @limit`
}
