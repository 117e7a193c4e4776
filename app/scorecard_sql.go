package app

import (
	"clockwork/data"
)

// scoreSQL writes the scorecard queries for one engine and one period's days. The queries
// are portable SQL but for the fragments the engine gives (data.ReportSQL); on SQLite they
// read exactly as they were tuned.
type scoreSQL struct {
	e     data.ReportSQL
	clock dayClock
}

// epochDay is the shop's day number of the stored moment col.
func (s scoreSQL) epochDay(col string) string { return s.clock.day(s.e.Epoch(col)) }

// dated is the SQL test that the stored moment col falls on a day of the period.
func (s scoreSQL) dated(col string) string {
	return s.e.Within(col, "@from_e", "@to_e", "@near_from", "@near_to")
}

// facts is the WITH clause that names `facts`: one row per line due (DESIGN 6) of the
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
// no sort (po.id is in it for PostgreSQL, which takes a PO's columns only then; SQLite
// sees it is one row per line). Receipt days are worked out once per receipt (rday). The
// day a line became complete is the day of its accepted units when they all came on one
// day (nearly always); otherwise a running total over that line's few receipts finds it.
func (s scoreSQL) facts(oneSupplier, labels bool) string {
	lines, span := "po_lines l "+s.e.JoinInOrder()+" purchase_orders po", " AND l.id BETWEEN @lo_line AND @hi_line"
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
	promisedN := s.e.DayNumber("po.promised_date")
	return boundReceipts(s.e, `WITH rday AS `+s.e.Materialized()+` (
  SELECT id, `+s.e.Epoch("received_at")+` AS rec_e, `+s.epochDay("received_at")+` AS day_n FROM `+receipts+`
),
facts AS (
  SELECT l.id, po.supplier_id, l.qty, l.unit_cost, l.quoted_unit_cost, po.promised_date AS promised,
    `+promisedN+` AS promised_n, `+s.epochDay("po.sent_at")+` AS sent_n`+carry+`,
    COALESCE(SUM(CASE WHEN r.day_n <= `+promisedN+` THEN rl.qty_accepted END), 0) AS acc_prom,
    COALESCE(SUM(CASE WHEN r.day_n < @to_n THEN rl.qty_accepted END), 0) AS acc_end,
    COALESCE(SUM(CASE WHEN r.day_n < @to_n THEN rl.qty_rejected END), 0) AS rej_end,
    MIN(CASE WHEN rl.qty_accepted + rl.qty_rejected > 0 THEN r.day_n END) AS first_n,
    CASE WHEN COALESCE(SUM(rl.qty_accepted), 0) < l.qty THEN NULL
      WHEN MIN(`+accDay+`) = MAX(`+accDay+`) THEN
        CASE WHEN MIN(`+accDay+`) < @to_n THEN MIN(`+accDay+`) END
      ELSE (SELECT MIN(day_n) FROM (
          SELECT r2.day_n, SUM(rl2.qty_accepted) OVER (ORDER BY r2.rec_e ROWS UNBOUNDED PRECEDING) AS cum
          FROM receipt_lines rl2 JOIN rday r2 ON r2.id = rl2.receipt_id WHERE rl2.po_line_id = l.id) AS running
        WHERE cum >= l.qty AND day_n < @to_n)
    END AS full_n
  FROM `+lines+` ON po.id = l.purchase_order_id
    LEFT JOIN receipt_lines rl ON rl.po_line_id = l.id LEFT JOIN rday r ON r.id = rl.receipt_id
  WHERE po.sent_at IS NOT NULL AND po.status NOT IN `+sqlIn(data.PODraft, data.POCancelled)+`
    AND po.promised_date >= @from AND po.promised_date < @to`+span+`
    AND NOT (po.status = `+sqlText(data.POClosedShort)+` AND po.closed_at IS NOT NULL
             AND `+s.epochDay("po.closed_at")+` < `+promisedN+`)
  GROUP BY l.id, po.id
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

// delivery sums the facts per supplier, month of the promised day and lead time: small
// enough to read whole (a few rows per supplier and month), and all Go needs for the
// delivery metrics, the lead-time percentiles (each supplier's leads come as a histogram)
// and the monthly trend. The month comes last, after twelve numbers: the export lines them up
// with a line's numbers (see export).
func (s scoreSQL) delivery() string {
	return `SELECT supplier_id, first_n - sent_n AS lead,
  COUNT(*) AS lines, SUM(qty) AS qty,
  SUM(` + s.e.Least("qty", "acc_prom") + `) AS on_time_qty,
  SUM(CASE WHEN acc_prom >= qty THEN 1 ELSE 0 END) AS otif_lines,
  SUM(` + s.e.Least("qty", "acc_end") + `) AS filled_qty,
  SUM(promised_n - sent_n) AS quoted_days, COUNT(sent_n) AS sent_lines,
  SUM(CASE WHEN acc_prom < qty THEN COALESCE(full_n, @last_n) - promised_n END) AS late_days,
  SUM((unit_cost - quoted_unit_cost) * qty) AS variance_cents,
  SUM(quoted_unit_cost * qty) AS quoted_cents, substr(promised, 1, 7) AS month
FROM facts GROUP BY supplier_id, month, lead`
}

// bySupplier adds the filter to one supplier when asked.
func bySupplier(oneSupplier bool) string {
	if oneSupplier {
		return " AND po.supplier_id = @sid"
	}
	return ""
}

// scanAll reads every supplier's POs straight down the table: walking the supplier index
// (SQLite's choice, for the per-supplier ranking) fetches each PO out of order, twice as slow.
func (s scoreSQL) scanAll(oneSupplier bool) string {
	if oneSupplier {
		return ""
	}
	return s.e.NotIndexed()
}

// defects sums received and rejected units per supplier over receipts dated in the period.
func (s scoreSQL) defects(oneSupplier bool) string {
	return boundReceipts(s.e, `SELECT po.supplier_id, SUM(rl.qty_rejected) AS part, SUM(rl.qty_accepted + rl.qty_rejected) AS whole
FROM receipts r JOIN receipt_lines rl ON rl.receipt_id = r.id JOIN purchase_orders po ON po.id = r.purchase_order_id
WHERE `+s.dated("r.received_at")+bySupplier(oneSupplier)+`
GROUP BY po.supplier_id`)
}

// returns sums, per supplier, the units it delivered to order lines shipped in the period
// (whole) and the units of those lines that came back through the supplier's fault (part).
// Returns are attributed to the PO line that served them (DESIGN 4). Every supplier's
// deliveries are read along the PO lines in table order, between the first and last line
// that served an order shipped in the period (found through indexes): following the
// orders' shipped-at index instead visits the order lines out of order, half as fast over
// a year. The few returns are summed apart.
func (s scoreSQL) returns(oneSupplier bool) string {
	shipped := `o.shipped_at IS NOT NULL AND ` + s.dated("o.shipped_at") + `
  AND ol.state <> ` + sqlText(data.LineCancelled) + ` AND pl.qty_accepted > 0` + bySupplier(oneSupplier)
	bounds, served := `WITH served AS (
  SELECT MIN(pl.id) AS lo, MAX(pl.id) AS hi
  FROM orders o JOIN order_lines ol ON ol.order_id = o.id JOIN po_lines pl ON pl.order_line_id = ol.id
  WHERE o.shipped_at >= @near_from AND o.shipped_at < @near_to
)
`, `FROM po_lines pl `+s.e.JoinInOrder()+` order_lines ol ON ol.id = pl.order_line_id `+s.e.JoinInOrder()+` orders o ON o.id = ol.order_id
  JOIN purchase_orders po ON po.id = pl.purchase_order_id
  WHERE pl.id BETWEEN (SELECT lo FROM served) AND (SELECT hi FROM served) AND `
	if oneSupplier {
		bounds, served = "", `FROM purchase_orders po JOIN po_lines pl ON pl.purchase_order_id = po.id
  JOIN order_lines ol ON ol.id = pl.order_line_id JOIN orders o ON o.id = ol.order_id
  WHERE `
	}
	return bounds + `SELECT supplier_id, SUM(whole) AS whole, SUM(part) AS part FROM (
  SELECT po.supplier_id, ` + s.e.Least("ol.qty", "pl.qty_accepted") + ` AS whole, 0 AS part
  ` + served + shipped + `
  UNION ALL
  SELECT po.supplier_id, 0, rt.qty
  FROM return_lines rt JOIN po_lines pl ON pl.id = rt.po_line_id JOIN order_lines ol ON ol.id = pl.order_line_id
    JOIN orders o ON o.id = ol.order_id JOIN purchase_orders po ON po.id = pl.purchase_order_id
  WHERE rt.fault = ` + sqlText(data.FaultSupplier) + ` AND ` + shipped + `
) AS delivered
GROUP BY supplier_id`
}

// response is the median hours from sending a PO to its acknowledgement, per supplier,
// over POs sent in the period and acknowledged: the middle value, or the mean of the two
// middle values when their number is even. Hours are a double on both engines, so that the
// median is the same number.
func (s scoreSQL) response(oneSupplier bool) string {
	return `WITH acks AS (
  SELECT po.supplier_id, CAST(` + s.e.Epoch("po.acknowledged_at") + ` - ` + s.e.Epoch("po.sent_at") + ` AS DOUBLE PRECISION) / 3600 AS hours
  FROM purchase_orders po` + s.scanAll(oneSupplier) + `
  WHERE po.sent_at IS NOT NULL AND po.acknowledged_at IS NOT NULL AND ` + s.dated("po.sent_at") + bySupplier(oneSupplier) + `
),
ranked AS (
  SELECT supplier_id, hours, ROW_NUMBER() OVER (PARTITION BY supplier_id ORDER BY hours) AS rn,
    COUNT(*) OVER (PARTITION BY supplier_id) AS n
  FROM acks
)
SELECT supplier_id, AVG(hours) AS median FROM ranked WHERE rn IN ((n + 1) / 2, (n + 2) / 2) GROUP BY supplier_id`
}
