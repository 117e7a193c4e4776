package app

import (
	"fmt"
	"sort"
	"time"

	"clockwork/data"
)

// ReturnInsights is what a period's returns teach: why things came back, which products and
// which suppliers cause most of it, with the customers' own words, and whether trial
// products come back more than the rest. Rates are units returned in the period ÷ units
// shipped in the period.
type ReturnInsights struct {
	Period     Period
	Returns    int // returns opened in the period
	Units      int // units on them
	Shipped    int // units shipped in the period
	ByReason   []InsightRow
	ByProduct  []InsightRow // most units returned first
	BySupplier []InsightRow // most units returned through its fault first
	Trial      InsightRow   // trial products together
	Rest       InsightRow   // every other product together
	Comments   []InsightComment
}

// InsightRow is one reason, product or supplier: units returned, how many of them through the
// supplier's fault, units shipped, the commonest reason and the latest comments.
type InsightRow struct {
	Key           string // reason, SKU or supplier name ("" for returns not traced to one)
	Title         string // product title; for a reason, who it blames by default
	Units         int
	SupplierFault int
	Shipped       int
	TopReason     data.ReturnReason
	Comments      []InsightComment // the latest few
	reasons       map[data.ReturnReason]int
}

// RatePct is units returned ÷ units shipped, in percent; nil when nothing shipped.
func (r InsightRow) RatePct() *float64 { return ratioPct(int64(r.Units), int64(r.Shipped)) }

// SupplierFaultPct is units returned through the supplier's fault ÷ units shipped, in percent.
func (r InsightRow) SupplierFaultPct() *float64 {
	return ratioPct(int64(r.SupplierFault), int64(r.Shipped))
}

// InsightComment is a customer's words on a return.
type InsightComment struct {
	RMA      string
	Day      data.Day
	SKU      string
	Supplier string
	Reason   data.ReturnReason
	Fault    data.Fault
	Text     string
}

// commentsPerRow is how many of the latest comments each row keeps.
const commentsPerRow = 3

// insightLine is one return line opened in the period with what it is grouped by.
type insightLine struct {
	RMA      string
	OpenedAt time.Time
	Comment  string
	Qty      int
	Reason   data.ReturnReason
	Fault    data.Fault
	SKU      string
	Title    string
	Trial    bool
	Supplier string
}

// ReturnInsights reads what the returns opened in the period teach.
func (a *App) ReturnInsights(p Period) (ReturnInsights, error) {
	loc := a.Location()
	from, to := p.From.Start(loc).UTC(), p.To.Start(loc).UTC()
	in := ReturnInsights{Period: p}
	var lines []insightLine
	err := a.db.Raw(`SELECT ret.number AS rma, ret.opened_at, ret.customer_comment AS comment, rt.qty, rt.reason, rt.fault,
		ol.sku, COALESCE(pr.title, ol.title) AS title, COALESCE(pr.trial, false) AS trial, COALESCE(s.name, '') AS supplier
		FROM returns ret JOIN return_lines rt ON rt.return_id = ret.id JOIN order_lines ol ON ol.id = rt.order_line_id
		LEFT JOIN products pr ON pr.id = ol.product_id LEFT JOIN po_lines pl ON pl.id = rt.po_line_id
		LEFT JOIN purchase_orders po ON po.id = pl.purchase_order_id LEFT JOIN suppliers s ON s.id = po.supplier_id
		WHERE ret.opened_at >= ? AND ret.opened_at < ? ORDER BY ret.opened_at DESC, rt.id`, from, to).Scan(&lines).Error
	if err != nil {
		return in, fmt.Errorf("return insights %s: %w", p, err)
	}
	shipped, err := a.shippedUnits(from, to)
	if err != nil {
		return in, fmt.Errorf("return insights %s: %w", p, err)
	}
	in.group(lines, loc, shipped)
	return in, nil
}

// shippedCounts are the units shipped in a period, by SKU, by supplier and for trial products.
type shippedCounts struct {
	bySKU, bySupplier map[string]int
	total, trial      int
}

func (a *App) shippedUnits(from, to time.Time) (shippedCounts, error) {
	c := shippedCounts{bySKU: map[string]int{}, bySupplier: map[string]int{}}
	var skus []struct {
		SKU   string
		Trial bool
		Units int
	}
	err := a.db.Raw(`SELECT ol.sku, COALESCE(pr.trial, false) AS trial, SUM(ol.qty) AS units
		FROM orders o CROSS JOIN order_lines ol LEFT JOIN products pr ON pr.id = ol.product_id
		WHERE ol.order_id = o.id AND o.shipped_at >= ? AND o.shipped_at < ? AND ol.state = ? GROUP BY ol.sku, pr.trial`, from, to, data.LineShipped).Scan(&skus).Error
	if err != nil {
		return c, fmt.Errorf("units shipped: %w", err)
	}
	for _, s := range skus {
		c.bySKU[s.SKU] += s.Units
		c.total += s.Units
		if s.Trial {
			c.trial += s.Units
		}
	}
	var sups []struct {
		Supplier string
		Units    int
	}
	err = a.db.Raw(`SELECT s.name AS supplier, SUM(`+data.EngineOf(a.db).Least("ol.qty", "pl.qty_accepted")+`) AS units
		FROM orders o JOIN order_lines ol ON ol.order_id = o.id JOIN po_lines pl ON pl.order_line_id = ol.id
		JOIN purchase_orders po ON po.id = pl.purchase_order_id JOIN suppliers s ON s.id = po.supplier_id
		WHERE o.shipped_at >= ? AND o.shipped_at < ? AND ol.state = ? AND pl.qty_accepted > 0 GROUP BY s.id`, from, to, data.LineShipped).Scan(&sups).Error
	if err != nil {
		return c, fmt.Errorf("units shipped by supplier: %w", err)
	}
	for _, s := range sups {
		c.bySupplier[s.Supplier] = s.Units
	}
	return c, nil
}

// group sums the lines (newest first) into the insight's rows.
func (in *ReturnInsights) group(lines []insightLine, loc *time.Location, shipped shippedCounts) {
	reasons, products, suppliers := map[string]*InsightRow{}, map[string]*InsightRow{}, map[string]*InsightRow{}
	in.Trial.Key, in.Rest.Key = "trial", "rest"
	seen := map[string]bool{}
	for _, l := range lines {
		if !seen[l.RMA] {
			seen[l.RMA] = true
			in.Returns++
		}
		in.Units += l.Qty
		c := InsightComment{RMA: l.RMA, Day: data.DayOf(l.OpenedAt, loc), SKU: l.SKU, Supplier: l.Supplier, Reason: l.Reason, Fault: l.Fault, Text: l.Comment}
		if c.Text != "" && (len(in.Comments) == 0 || in.Comments[len(in.Comments)-1].RMA != c.RMA) {
			in.Comments = append(in.Comments, c)
		}
		rows := []*InsightRow{
			rowFor(reasons, string(l.Reason), string(data.DefaultFault(l.Reason))),
			rowFor(products, l.SKU, l.Title),
			&in.Rest,
		}
		if l.Trial {
			rows[2] = &in.Trial
		}
		for _, r := range rows {
			r.add(l, c)
		}
		// A supplier's row quotes only what customers said about its own faults.
		said := c
		if l.Fault != data.FaultSupplier {
			said.Text = ""
		}
		rowFor(suppliers, l.Supplier, "").add(l, said)
	}
	in.Shipped = shipped.total
	in.Trial.Shipped, in.Rest.Shipped = shipped.trial, shipped.total-shipped.trial
	in.Trial.finish()
	in.Rest.finish()
	in.ByReason = sortedRows(reasons, nil, func(r *InsightRow) int { return r.Units })
	in.ByProduct = sortedRows(products, shipped.bySKU, func(r *InsightRow) int { return r.Units })
	in.BySupplier = sortedRows(suppliers, shipped.bySupplier, func(r *InsightRow) int { return r.SupplierFault })
}

func rowFor(rows map[string]*InsightRow, key, title string) *InsightRow {
	r, ok := rows[key]
	if !ok {
		r = &InsightRow{Key: key, Title: title, reasons: map[data.ReturnReason]int{}}
		rows[key] = r
	}
	return r
}

func (r *InsightRow) add(l insightLine, c InsightComment) {
	r.Units += l.Qty
	if l.Fault == data.FaultSupplier {
		r.SupplierFault += l.Qty
	}
	if r.reasons == nil {
		r.reasons = map[data.ReturnReason]int{}
	}
	r.reasons[l.Reason] += l.Qty
	if c.Text != "" && len(r.Comments) < commentsPerRow && (len(r.Comments) == 0 || r.Comments[len(r.Comments)-1].RMA != c.RMA) {
		r.Comments = append(r.Comments, c)
	}
}

// finish picks the commonest reason (the first in DESIGN's order when tied).
func (r *InsightRow) finish() {
	best := 0
	for _, rf := range data.ReturnReasons {
		if n := r.reasons[rf.Reason]; n > best {
			best, r.TopReason = n, rf.Reason
		}
	}
}

// sortedRows finishes the rows, fills their units shipped and sorts them by the given count,
// then by units returned, then by key.
func sortedRows(rows map[string]*InsightRow, shipped map[string]int, by func(*InsightRow) int) []InsightRow {
	out := make([]InsightRow, 0, len(rows))
	for _, r := range rows {
		r.finish()
		r.Shipped = shipped[r.Key]
		out = append(out, *r)
	}
	sort.Slice(out, func(i, j int) bool {
		if a, b := by(&out[i]), by(&out[j]); a != b {
			return a > b
		}
		if out[i].Units != out[j].Units {
			return out[i].Units > out[j].Units
		}
		return out[i].Key < out[j].Key
	})
	return out
}
