package app

import (
	"fmt"
	"strings"
	"time"
)

// Scorecard days in SQL.
//
// Times are stored as text with their UTC offset (mattn/go-sqlite3 writes
// "2006-01-02 15:04:05.999999999-07:00"; Clockwork writes UTC). A scorecard counts whole
// calendar days in the shop's time zone, which SQLite cannot convert to by name. So dayClock
// turns the zone into a CASE over its UTC offsets: for every span between two daylight-saving
// changes it adds that span's offset, exactly as the zone does, then takes the date. The
// spans cover the period with two years either side (earlier or later times use the nearest
// span's offset); datetime() normalises any stored offset to UTC first, so times written
// with another offset still land on the right day.

// dayClock writes SQL that turns a stored instant into the shop's "2006-01-02" day.
type dayClock struct {
	spans []zoneSpan
}

// zoneSpan is an offset from UTC that holds until a moment (zero: for ever).
type zoneSpan struct {
	until  time.Time
	offset int // seconds east of UTC
}

// newDayClock maps the zone loc for times around the period p.
func newDayClock(loc *time.Location, p Period) dayClock {
	lo := p.From.Start(loc).AddDate(-2, 0, 0)
	hi := p.To.Start(loc).AddDate(2, 0, 0)
	var c dayClock
	for t := lo; ; {
		_, off := t.In(loc).Zone()
		_, end := t.In(loc).ZoneBounds()
		if end.IsZero() || !end.Before(hi) || !end.After(t) {
			c.spans = append(c.spans, zoneSpan{offset: off})
			return c
		}
		c.spans = append(c.spans, zoneSpan{until: end, offset: off})
		t = end
	}
}

// day is the SQL for the shop's calendar day of the stored instant col.
func (c dayClock) day(col string) string {
	last := c.spans[len(c.spans)-1]
	if len(c.spans) == 1 {
		if last.offset == 0 {
			return "date(" + col + ")"
		}
		return fmt.Sprintf("date(%s, '%+d seconds')", col, last.offset)
	}
	var b strings.Builder
	fmt.Fprintf(&b, "date(%s, CASE", col)
	for _, s := range c.spans[:len(c.spans)-1] {
		fmt.Fprintf(&b, " WHEN datetime(%s) < '%s' THEN '%+d seconds'", col, s.until.UTC().Format(time.DateTime), s.offset)
	}
	fmt.Fprintf(&b, " ELSE '%+d seconds' END)", last.offset)
	return b.String()
}

// near is a cheap, index-friendly pre-filter: the stored instant col lies within two days of
// the period (stored text compares as time, give or take its offset). The exact test on the
// shop's days follows it.
func near(col string) string {
	return col + " >= @near_from AND " + col + " < @near_to"
}

// scoreParams are the named parameters every scorecard query uses.
func scoreParams(p Period, supplierID uint) map[string]any {
	return map[string]any{
		"from": string(p.From), "to": string(p.To), "last": string(p.Last()),
		"near_from": string(p.From.AddDays(-2)), "near_to": string(p.To.AddDays(2)),
		"sid": supplierID,
	}
}

// factsSQL is the WITH clause that names `facts`: one row per line due (DESIGN 6) of the
// period, for every supplier or only @sid, with what its receipts add up to:
//
//	acc_prom    accepted on or before the promised day
//	acc_end     accepted on or before the period's last day
//	rej_end     rejected on or before the period's last day
//	first_day   the first receipt day (accepted or rejected units), whenever it was
//	full_day    the day accepted units reached the quantity, if that was within the period
//
// Receipts are summed per line and day first, so a running total (a window function) gives
// the day a line became complete.
func factsSQL(c dayClock, oneSupplier bool) string {
	supplier := ""
	if oneSupplier {
		supplier = "AND po.supplier_id = @sid"
	}
	return `WITH due AS (
  SELECT l.id, po.supplier_id, l.qty, l.unit_cost, l.quoted_unit_cost,
         po.promised_date AS promised, ` + c.day("po.sent_at") + ` AS sent_day
  FROM purchase_orders po JOIN po_lines l ON l.purchase_order_id = po.id
  WHERE po.sent_at IS NOT NULL AND po.status NOT IN ('draft', 'cancelled')
    AND po.promised_date >= @from AND po.promised_date < @to ` + supplier + `
    AND NOT (po.status = 'closed_short' AND po.closed_at IS NOT NULL
             AND ` + c.day("po.closed_at") + ` < po.promised_date)
),
rec AS (
  SELECT rl.po_line_id AS line_id, ` + c.day("r.received_at") + ` AS day,
         SUM(rl.qty_accepted) AS acc, SUM(rl.qty_rejected) AS rej
  FROM due d JOIN receipt_lines rl ON rl.po_line_id = d.id JOIN receipts r ON r.id = rl.receipt_id
  GROUP BY 1, 2
),
cum AS (
  SELECT line_id, day, acc, rej,
         SUM(acc) OVER (PARTITION BY line_id ORDER BY day ROWS UNBOUNDED PRECEDING) AS cum_acc
  FROM rec
),
facts AS (
  SELECT d.id, d.supplier_id, d.qty, d.unit_cost, d.quoted_unit_cost, d.promised, d.sent_day,
    COALESCE(SUM(CASE WHEN c.day <= d.promised THEN c.acc END), 0) AS acc_prom,
    COALESCE(SUM(CASE WHEN c.day < @to THEN c.acc END), 0) AS acc_end,
    COALESCE(SUM(CASE WHEN c.day < @to THEN c.rej END), 0) AS rej_end,
    MIN(CASE WHEN c.acc + c.rej > 0 THEN c.day END) AS first_day,
    MIN(CASE WHEN c.cum_acc >= d.qty AND c.day < @to THEN c.day END) AS full_day
  FROM due d LEFT JOIN cum c ON c.line_id = d.id
  GROUP BY d.id
)
`
}

// deliverySQL sums the facts per supplier: the delivery metrics and the lead-time
// percentiles, p50 and p90 by nearest rank (rank ⌈p·n/100⌉, in integers (p·n + 99) / 100).
const deliverySQL = `,
agg AS (
  SELECT supplier_id, COUNT(*) AS lines_due, SUM(qty) AS qty,
    SUM(MIN(qty, acc_prom)) AS on_time_qty,
    SUM(acc_prom >= qty) AS otif_lines,
    SUM(MIN(qty, acc_end)) AS filled_qty,
    AVG(julianday(promised) - julianday(sent_day)) AS quoted_lead,
    AVG(CASE WHEN acc_prom < qty THEN julianday(COALESCE(full_day, @last)) - julianday(promised) END) AS avg_late,
    SUM((unit_cost - quoted_unit_cost) * qty) AS variance_cents,
    SUM(quoted_unit_cost * qty) AS quoted_cents
  FROM facts GROUP BY supplier_id
),
leads AS (
  SELECT supplier_id, lead,
    ROW_NUMBER() OVER (PARTITION BY supplier_id ORDER BY lead) AS rn,
    COUNT(*) OVER (PARTITION BY supplier_id) AS n
  FROM (SELECT supplier_id, CAST(julianday(first_day) - julianday(sent_day) AS INTEGER) AS lead
        FROM facts WHERE first_day IS NOT NULL AND sent_day IS NOT NULL)
),
pct AS (
  SELECT supplier_id, COUNT(*) AS lead_lines, AVG(lead) AS lead_mean,
    MAX(CASE WHEN rn = (50 * n + 99) / 100 THEN lead END) AS lead_p50,
    MAX(CASE WHEN rn = (90 * n + 99) / 100 THEN lead END) AS lead_p90
  FROM leads GROUP BY supplier_id
)
SELECT agg.supplier_id, lines_due, qty, on_time_qty, otif_lines, filled_qty, quoted_lead, avg_late,
  variance_cents, quoted_cents, COALESCE(lead_lines, 0) AS lead_lines, lead_mean, lead_p50, lead_p90
FROM agg LEFT JOIN pct ON pct.supplier_id = agg.supplier_id`

// defectSQL sums received and rejected units per supplier over receipts dated in the period.
func defectSQL(c dayClock, oneSupplier bool) string {
	supplier := ""
	if oneSupplier {
		supplier = "AND po.supplier_id = @sid"
	}
	day := c.day("r.received_at")
	return `SELECT po.supplier_id, SUM(rl.qty_rejected) AS rejected, SUM(rl.qty_accepted + rl.qty_rejected) AS received
FROM receipts r JOIN receipt_lines rl ON rl.receipt_id = r.id JOIN purchase_orders po ON po.id = r.purchase_order_id
WHERE ` + near("r.received_at") + ` AND ` + day + ` >= @from AND ` + day + ` < @to ` + supplier + `
GROUP BY po.supplier_id`
}

// returnSQL sums, per supplier, the units it delivered to order lines shipped in the period
// and the units of those lines that came back through the supplier's fault. Returns are
// attributed to the PO line that served them (DESIGN 4).
func returnSQL(c dayClock, oneSupplier bool) string {
	supplier := ""
	if oneSupplier {
		supplier = "AND po.supplier_id = @sid"
	}
	day := c.day("o.shipped_at")
	return `SELECT po.supplier_id, SUM(MIN(ol.qty, pl.qty_accepted)) AS shipped,
  SUM((SELECT COALESCE(SUM(rt.qty), 0) FROM return_lines rt WHERE rt.po_line_id = pl.id AND rt.fault = 'supplier')) AS returned
FROM orders o JOIN order_lines ol ON ol.order_id = o.id
  JOIN po_lines pl ON pl.order_line_id = ol.id JOIN purchase_orders po ON po.id = pl.purchase_order_id
WHERE o.shipped_at IS NOT NULL AND ` + near("o.shipped_at") + ` AND ` + day + ` >= @from AND ` + day + ` < @to
  AND ol.state <> 'cancelled' AND pl.qty_accepted > 0 ` + supplier + `
GROUP BY po.supplier_id`
}

// responseSQL is the median hours from sending a PO to its acknowledgement, per supplier,
// over POs sent in the period and acknowledged: the middle value, or the mean of the two
// middle values when their number is even.
func responseSQL(c dayClock, oneSupplier bool) string {
	supplier := ""
	if oneSupplier {
		supplier = "AND supplier_id = @sid"
	}
	day := c.day("sent_at")
	return `WITH acks AS (
  SELECT supplier_id, (unixepoch(acknowledged_at) - unixepoch(sent_at)) / 3600.0 AS hours
  FROM purchase_orders
  WHERE sent_at IS NOT NULL AND acknowledged_at IS NOT NULL AND ` + near("sent_at") + `
    AND ` + day + ` >= @from AND ` + day + ` < @to ` + supplier + `
),
ranked AS (
  SELECT supplier_id, hours, ROW_NUMBER() OVER (PARTITION BY supplier_id ORDER BY hours) AS rn,
    COUNT(*) OVER (PARTITION BY supplier_id) AS n
  FROM acks
)
SELECT supplier_id, AVG(hours) AS median FROM ranked WHERE rn IN ((n + 1) / 2, (n + 2) / 2) GROUP BY supplier_id`
}
