package app

import (
	"fmt"
	"strings"
	"time"

	"clockwork/data"
)

// Scorecard days in SQL.
//
// Times are stored as text with their UTC offset (mattn/go-sqlite3 writes
// "2006-01-02 15:04:05.999999999-07:00"; Clockwork writes UTC); unixepoch() reads any offset.
// A scorecard counts whole calendar days in the shop's time zone, which SQLite cannot
// convert to by name. Two tools do it exactly:
//
//   - "dated in the period" compares instants with the first instants of the period's first
//     and next-after-last local days (@from_e, @to_e, computed in Go): no conversion at all.
//   - a line's days (sent, received, promised) become day numbers, days since 1970-01-01 in
//     the shop's zone: (epoch + offset) / 86400, with the offset from a CASE over the zone's
//     daylight-saving changes around the period (two years either side; older or later times
//     take the nearest span's offset). Day numbers subtract and compare as integers; each
//     time is parsed once (its epoch is a column of an inner step) to keep 250,000 lines fast.

// dayClock writes SQL that turns an epoch (seconds) into the shop's day number.
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

// day is the SQL for the shop's day number of the epoch e. The CASE may evaluate e once per
// daylight-saving change: over many rows e should be a column, not a call.
func (c dayClock) day(e string) string {
	last := c.spans[len(c.spans)-1]
	if len(c.spans) == 1 {
		return fmt.Sprintf("((%s + %d) / 86400)", e, last.offset)
	}
	var b strings.Builder
	fmt.Fprintf(&b, "((%s + CASE", e)
	for _, s := range c.spans[:len(c.spans)-1] {
		fmt.Fprintf(&b, " WHEN %s < %d THEN %d", e, s.until.Unix(), s.offset)
	}
	fmt.Fprintf(&b, " ELSE %d END) / 86400)", last.offset)
	return b.String()
}

// dayNumber is a day's number as the SQL counts them: days since 1970-01-01.
func dayNumber(d data.Day) int64 {
	return d.Start(time.UTC).Unix() / 86400
}

// dayText is the SQL turning a day number back into "2006-01-02".
func dayText(n string) string { return "date(" + n + " * 86400, 'unixepoch')" }

// dated is the SQL test that the stored instant col falls on a day of the period. The text
// comparison (stored times compare as text, give or take their offset) lets SQLite use an
// index; the epoch comparison is the exact one.
func dated(col string) string {
	return col + " >= @near_from AND " + col + " < @near_to AND unixepoch(" + col + ") >= @from_e AND unixepoch(" + col + ") < @to_e"
}

// scoreParams are the named parameters every scorecard query uses.
func scoreParams(loc *time.Location, p Period, supplierID uint) map[string]any {
	return map[string]any{
		"from": string(p.From), "to": string(p.To),
		"from_n": dayNumber(p.From), "to_n": dayNumber(p.To), "last_n": dayNumber(p.Last()),
		"from_e": p.From.Start(loc).Unix(), "to_e": p.To.Start(loc).Unix(),
		"near_from": string(p.From.AddDays(-2)), "near_to": string(p.To.AddDays(2)),
		"sid": supplierID,
	}
}

// factsSQL is the WITH clause that names `facts`: one row per line due (DESIGN 6) of the
// period, for every supplier or only @sid, with its promised day (text and day number),
// its sent day number and what its receipts add up to:
//
//	acc_prom    accepted on or before the promised day
//	acc_end     accepted on or before the period's last day
//	rej_end     rejected on or before the period's last day
//	first_n     the first receipt day (accepted or rejected units), whenever it was
//	full_n      the day accepted units reached the quantity, if that was within the period
//
// With labels it also carries the PO number, SKU and supplier SKU, for listing the lines.
//
// For every supplier it reads the PO lines with ids from @lo_line to @hi_line in table
// order, each with its PO and receipt lines (receipts @lo_receipt to @hi_receipt: see
// dueLines), and sums per line as it goes: lines come in id order, so the GROUP BY needs
// no sort. Receipt days are worked out once per receipt (rday). The day a line became
// complete is the day of its accepted units when they all came on one day (nearly always);
// otherwise a running total over that line's few receipts finds it.
func factsSQL(c dayClock, oneSupplier, labels bool) string {
	lines, span := "po_lines l CROSS JOIN purchase_orders po", " AND l.id BETWEEN @lo_line AND @hi_line"
	receipts := "receipts WHERE id BETWEEN @lo_receipt AND @hi_receipt"
	if oneSupplier {
		// One supplier's lines come through its POs, its receipts through theirs.
		lines, span = "purchase_orders po JOIN po_lines l", bySupplier(true)
		receipts = "receipts WHERE purchase_order_id IN (SELECT id FROM purchase_orders WHERE supplier_id = @sid)"
	}
	carry := ""
	if labels {
		carry = ", po.number AS po_number, l.sku, l.supplier_sku"
	}
	accDay := "CASE WHEN rl.qty_accepted > 0 THEN r.day_n END"
	return boundReceipts(`WITH rday AS MATERIALIZED (
  SELECT id, unixepoch(received_at) AS rec_e, ` + c.day("unixepoch(received_at)") + ` AS day_n FROM ` + receipts + `
),
facts AS (
  SELECT l.id, po.supplier_id, l.qty, l.unit_cost, l.quoted_unit_cost, po.promised_date AS promised,
    unixepoch(po.promised_date) / 86400 AS promised_n, ` + c.day("unixepoch(po.sent_at)") + ` AS sent_n` + carry + `,
    COALESCE(SUM(CASE WHEN r.day_n <= unixepoch(po.promised_date) / 86400 THEN rl.qty_accepted END), 0) AS acc_prom,
    COALESCE(SUM(CASE WHEN r.day_n < @to_n THEN rl.qty_accepted END), 0) AS acc_end,
    COALESCE(SUM(CASE WHEN r.day_n < @to_n THEN rl.qty_rejected END), 0) AS rej_end,
    MIN(CASE WHEN rl.qty_accepted + rl.qty_rejected > 0 THEN r.day_n END) AS first_n,
    CASE WHEN COALESCE(SUM(rl.qty_accepted), 0) < l.qty THEN NULL
      WHEN MIN(` + accDay + `) = MAX(` + accDay + `) THEN
        CASE WHEN MIN(` + accDay + `) < @to_n THEN MIN(` + accDay + `) END
      ELSE (SELECT MIN(day_n) FROM (
          SELECT r2.day_n, SUM(rl2.qty_accepted) OVER (ORDER BY r2.rec_e ROWS UNBOUNDED PRECEDING) AS cum
          FROM receipt_lines rl2 JOIN rday r2 ON r2.id = rl2.receipt_id WHERE rl2.po_line_id = l.id)
        WHERE cum >= l.qty AND day_n < @to_n)
    END AS full_n
  FROM ` + lines + ` ON po.id = l.purchase_order_id
    LEFT JOIN receipt_lines rl ON rl.po_line_id = l.id LEFT JOIN rday r ON r.id = rl.receipt_id
  WHERE po.sent_at IS NOT NULL AND po.status NOT IN ` + sqlIn(data.PODraft, data.POCancelled) + `
    AND po.promised_date >= @from AND po.promised_date < @to` + span + `
    AND NOT (po.status = ` + sqlText(data.POClosedShort) + ` AND po.closed_at IS NOT NULL
             AND ` + c.day("unixepoch(po.closed_at)") + ` < unixepoch(po.promised_date) / 86400)
  GROUP BY l.id
)
`)
}

// dueLinesSQL bounds the ids of the PO lines whose PO is promised in the period, and of the
// receipts of those POs (0, -1 for none; a receipt's lines are lines of its PO), read from
// indexes: a month's lines and receipts are a small stretch of their tables.
const dueLinesSQL = `WITH due AS (
  SELECT MIN(l.id) AS lo, MAX(l.id) AS hi, MIN(po.id) AS first_po, MAX(po.id) AS last_po
  FROM purchase_orders po JOIN po_lines l ON l.purchase_order_id = po.id
  WHERE po.promised_date >= @from AND po.promised_date < @to
)
SELECT COALESCE(lo, 0), COALESCE(hi, -1),
  COALESCE((SELECT MIN(id) FROM receipts WHERE purchase_order_id BETWEEN first_po AND last_po), 0),
  COALESCE((SELECT MAX(id) FROM receipts WHERE purchase_order_id BETWEEN first_po AND last_po), -1)
FROM due`

// deliverySQL sums the facts per supplier, month of the promised day and lead time: small
// enough to read whole (a few rows per supplier and month), and all Go needs for the
// delivery metrics, the lead-time percentiles (each supplier's leads come as a histogram)
// and the monthly trend.
const deliverySQL = `SELECT supplier_id, substr(promised, 1, 7) AS month, first_n - sent_n AS lead,
  COUNT(*) AS lines, SUM(qty) AS qty,
  SUM(MIN(qty, acc_prom)) AS on_time_qty,
  SUM(acc_prom >= qty) AS otif_lines,
  SUM(MIN(qty, acc_end)) AS filled_qty,
  SUM(promised_n - sent_n) AS quoted_days, COUNT(sent_n) AS sent_lines,
  SUM(CASE WHEN acc_prom < qty THEN COALESCE(full_n, @last_n) - promised_n END) AS late_days,
  SUM((unit_cost - quoted_unit_cost) * qty) AS variance_cents,
  SUM(quoted_unit_cost * qty) AS quoted_cents
FROM facts GROUP BY supplier_id, month, lead`

// bySupplier adds the filter to one supplier when asked.
func bySupplier(oneSupplier bool) string {
	if oneSupplier {
		return " AND po.supplier_id = @sid"
	}
	return ""
}

// scanAll reads every supplier's POs straight down the table: walking the supplier index
// (SQLite's choice, for the per-supplier ranking) fetches each PO out of order, twice as slow.
func scanAll(oneSupplier bool) string {
	if oneSupplier {
		return ""
	}
	return " NOT INDEXED"
}

// defectSQL sums received and rejected units per supplier over receipts dated in the period.
func defectSQL(oneSupplier bool) string {
	return boundReceipts(`SELECT po.supplier_id, SUM(rl.qty_rejected) AS part, SUM(rl.qty_accepted + rl.qty_rejected) AS whole
FROM receipts r JOIN receipt_lines rl ON rl.receipt_id = r.id JOIN purchase_orders po ON po.id = r.purchase_order_id
WHERE ` + dated("r.received_at") + bySupplier(oneSupplier) + `
GROUP BY po.supplier_id`)
}

// returnSQL sums, per supplier, the units it delivered to order lines shipped in the period
// (whole) and the units of those lines that came back through the supplier's fault (part).
// Returns are attributed to the PO line that served them (DESIGN 4). Every supplier's
// deliveries are read along the PO lines in table order, between the first and last line
// that served an order shipped in the period (found through indexes): following the
// orders' shipped-at index instead visits the order lines out of order, half as fast over
// a year. The few returns are summed apart.
func returnSQL(oneSupplier bool) string {
	shipped := `o.shipped_at IS NOT NULL AND ` + dated("o.shipped_at") + `
  AND ol.state <> ` + sqlText(data.LineCancelled) + ` AND pl.qty_accepted > 0` + bySupplier(oneSupplier)
	bounds, served := `WITH served AS (
  SELECT MIN(pl.id) AS lo, MAX(pl.id) AS hi
  FROM orders o JOIN order_lines ol ON ol.order_id = o.id JOIN po_lines pl ON pl.order_line_id = ol.id
  WHERE o.shipped_at >= @near_from AND o.shipped_at < @near_to
)
`, `FROM po_lines pl CROSS JOIN order_lines ol ON ol.id = pl.order_line_id CROSS JOIN orders o ON o.id = ol.order_id
  JOIN purchase_orders po ON po.id = pl.purchase_order_id
  WHERE pl.id BETWEEN (SELECT lo FROM served) AND (SELECT hi FROM served) AND `
	if oneSupplier {
		bounds, served = "", `FROM purchase_orders po JOIN po_lines pl ON pl.purchase_order_id = po.id
  JOIN order_lines ol ON ol.id = pl.order_line_id JOIN orders o ON o.id = ol.order_id
  WHERE `
	}
	return bounds + `SELECT supplier_id, SUM(whole) AS whole, SUM(part) AS part FROM (
  SELECT po.supplier_id, MIN(ol.qty, pl.qty_accepted) AS whole, 0 AS part
  ` + served + shipped + `
  UNION ALL
  SELECT po.supplier_id, 0, rt.qty
  FROM return_lines rt JOIN po_lines pl ON pl.id = rt.po_line_id JOIN order_lines ol ON ol.id = pl.order_line_id
    JOIN orders o ON o.id = ol.order_id JOIN purchase_orders po ON po.id = pl.purchase_order_id
  WHERE rt.fault = ` + sqlText(data.FaultSupplier) + ` AND ` + shipped + `
)
GROUP BY supplier_id`
}

// responseSQL is the median hours from sending a PO to its acknowledgement, per supplier,
// over POs sent in the period and acknowledged: the middle value, or the mean of the two
// middle values when their number is even.
func responseSQL(oneSupplier bool) string {
	return `WITH acks AS (
  SELECT po.supplier_id, (unixepoch(po.acknowledged_at) - unixepoch(po.sent_at)) / 3600.0 AS hours
  FROM purchase_orders po` + scanAll(oneSupplier) + `
  WHERE po.sent_at IS NOT NULL AND po.acknowledged_at IS NOT NULL AND ` + dated("po.sent_at") + bySupplier(oneSupplier) + `
),
ranked AS (
  SELECT supplier_id, hours, ROW_NUMBER() OVER (PARTITION BY supplier_id ORDER BY hours) AS rn,
    COUNT(*) OVER (PARTITION BY supplier_id) AS n
  FROM acks
)
SELECT supplier_id, AVG(hours) AS median FROM ranked WHERE rn IN ((n + 1) / 2, (n + 2) / 2) GROUP BY supplier_id`
}
