package apptest

import (
	"context"
	"fmt"
	"math/rand/v2"
	"sort"
	"time"

	"clockwork/data"

	"gorm.io/gorm"
)

// HistoryOptions size a synthetic purchasing history for benchmarks and screenshots.
type HistoryOptions struct {
	Suppliers int
	Lines     int      // PO lines (one per customer order line) over the year
	End       data.Day // the last simulated day; the year ends here
	Seed      uint64
}

// HistorySummary counts what WriteHistory made.
type HistorySummary struct {
	Suppliers, Orders, POs, Lines, Receipts, ReturnLines int
}

// behaviour is how a synthetic supplier delivers.
type behaviour struct {
	quoted         int
	late           float64 // chance a PO arrives after its promised day
	lateMax        int
	short, defect  float64 // chance a line ships short; chance a unit is rejected
	ack            float64 // chance a PO is acknowledged at all
	ackFrom, ackTo int     // hours an acknowledgement takes
	ret            float64 // chance a shipped line comes back through the supplier's fault
}

var behaviours = []behaviour{
	{2, 0.04, 1, 0.01, 0.003, 0.98, 1, 6, 0.005}, // dependable
	{1, 0.08, 2, 0.02, 0.008, 0.95, 1, 4, 0.01},  // fast
	{4, 0.18, 3, 0.04, 0.015, 0.9, 4, 30, 0.015}, // average
	{8, 0.35, 6, 0.05, 0.02, 0.85, 20, 60, 0.02}, // slow
	{4, 0.5, 6, 0.25, 0.09, 0.7, 12, 96, 0.07},   // sloppy
	{5, 0.3, 4, 0.06, 0.02, 0.4, 48, 140, 0.02},  // unresponsive
	{3, 0.75, 9, 0.35, 0.12, 0.5, 40, 160, 0.08}, // failing
}

// WriteHistory fills the (new) database at path with a year of purchasing, receiving,
// shipping and returns, written straight as rows in one transaction: what the demo shop
// will hold once those use cases exist, at benchmark scale in seconds. Times are UTC.
func WriteHistory(path string, opt HistoryOptions) (HistorySummary, error) {
	db, err := data.Open(path)
	if err != nil {
		return HistorySummary{}, err
	}
	defer data.Close(db)
	var sum HistorySummary
	err = db.Transaction(func(tx *gorm.DB) error {
		w, err := newHistoryWriter(data.NewTxSQL(context.Background(), tx, &data.Statements{}), opt)
		if err == nil {
			err = w.run()
		}
		sum = w.sum
		return err
	})
	if err != nil {
		return HistorySummary{}, fmt.Errorf("write history: %w", err)
	}
	return sum, data.IDsFollowRows(db)
}

// historyWriter generates the year day by day and inserts its rows.
type historyWriter struct {
	opt      HistoryOptions
	rng      *rand.Rand
	sql      *data.TxSQL
	kinds    []behaviour
	cum      []float64 // cumulative supplier popularity, to pick a supplier per line
	ids      map[string]int64
	end      time.Time
	sum      HistorySummary
	stamp    time.Time
	firstErr error
}

var historyInserts = map[string]string{
	"supplier": "INSERT INTO suppliers (id, created_at, updated_at, name, email, status, quoted_lead_days, promised_fill_pct) VALUES (?, ?, ?, ?, ?, 'active', ?, 95)",
	"order":    "INSERT INTO orders (id, created_at, updated_at, channel, number, placed_at, status, ship_by, shipped_at, total) VALUES (?, ?, ?, 'generic', ?, ?, ?, ?, ?, ?)",
	"oline":    "INSERT INTO order_lines (id, created_at, updated_at, order_id, sku, title, qty, unit_price, state) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
	"po":       "INSERT INTO purchase_orders (id, created_at, updated_at, number, supplier_id, status, sent_at, acknowledged_at, promised_date) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
	"pline":    "INSERT INTO po_lines (id, created_at, updated_at, purchase_order_id, order_line_id, sku, supplier_sku, qty, unit_cost, quoted_unit_cost, qty_accepted, qty_rejected) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
	"receipt":  "INSERT INTO receipts (id, created_at, updated_at, purchase_order_id, received_at) VALUES (?, ?, ?, ?, ?)",
	"rline":    "INSERT INTO receipt_lines (id, created_at, updated_at, receipt_id, po_line_id, qty_accepted, qty_rejected, reject_reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
	"return":   "INSERT INTO returns (id, created_at, updated_at, number, order_id, opened_at, status) VALUES (?, ?, ?, ?, ?, ?, 'received')",
	"retline":  "INSERT INTO return_lines (id, created_at, updated_at, return_id, order_line_id, po_line_id, qty, reason, fault, disposition) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'refund')",
	"event":    "INSERT INTO supplier_events (id, created_at, updated_at, supplier_id, purchase_order_id, at, kind, channel, text) VALUES (?, ?, ?, ?, ?, ?, ?, 'email', ?)",
}

func newHistoryWriter(q *data.TxSQL, opt HistoryOptions) (*historyWriter, error) {
	end, err := time.Parse(data.DayLayout, string(opt.End))
	if err != nil {
		return nil, fmt.Errorf("end day: %w", err)
	}
	return &historyWriter{opt: opt, rng: rand.New(rand.NewPCG(opt.Seed, 7)), sql: q,
		ids: map[string]int64{}, end: end, stamp: end.Add(18 * time.Hour)}, nil
}

// insert writes one row of table kind with the next ID, returning that ID.
func (w *historyWriter) insert(kind string, args ...any) int64 {
	w.ids[kind]++
	id := w.ids[kind]
	if w.firstErr == nil {
		all := append([]any{id, w.stamp, w.stamp}, args...)
		if _, err := w.sql.Exec(historyInserts[kind], all...); err != nil {
			w.firstErr = fmt.Errorf("insert %s: %w", kind, err)
		}
	}
	return id
}

func (w *historyWriter) run() error {
	w.makeSuppliers()
	perDay := max(1, w.opt.Lines/365)
	for d := 364; d >= 0; d-- {
		w.day(w.end.AddDate(0, 0, -d), perDay)
	}
	w.sum.Suppliers, w.sum.Orders, w.sum.POs = w.opt.Suppliers, int(w.ids["order"]), int(w.ids["po"])
	w.sum.Lines, w.sum.Receipts, w.sum.ReturnLines = int(w.ids["pline"]), int(w.ids["receipt"]), int(w.ids["retline"])
	return w.firstErr
}

func (w *historyWriter) makeSuppliers() {
	total := 0.0
	for i := 0; i < w.opt.Suppliers; i++ {
		k := i % len(behaviours)
		if i >= len(behaviours) {
			k = w.pick([]float64{20, 15, 35, 12, 8, 6, 4})
		}
		b := behaviours[k]
		b.quoted = max(1, b.quoted+w.rng.IntN(3)-1)
		w.kinds = append(w.kinds, b)
		w.insert("supplier", supplierName(i), fmt.Sprintf("orders@supplier%d.example", i+1), b.quoted)
		// A few big suppliers and a long tail; every tenth one barely used.
		pop := 1 / float64(1+i%40)
		if i%10 == 9 {
			pop = 0.002
		}
		total += pop
		w.cum = append(w.cum, total)
	}
}

func (w *historyWriter) pick(weights []float64) int {
	total := 0.0
	for _, x := range weights {
		total += x
	}
	r := w.rng.Float64() * total
	for i, x := range weights {
		if r < x {
			return i
		}
		r -= x
	}
	return len(weights) - 1
}

// supplierName makes readable, unique names, including a few from beyond Latin-1.
func supplierName(i int) string {
	stems := []string{"Nordlicht", "Atlas", "Hanse", "Baltic", "Alpine", "Iberia", "Danube", "Łódź Textile", "Κεραμική Αιγαίου",
		"Meadow", "Harbour", "Copperleaf", "Birchwood", "Kestrel", "Lantern", "Oakridge", "Брезa", "Juniper", "Tidewater", "Granite"}
	suffixes := []string{"Trading", "Supply Co.", "Wholesale", "Imports", "GmbH", "Ltd", "& Sons", "Direct", "Sp. z o.o.", "Handels AG",
		"Goods", "Works", "Depot", "Partners", "Export"}
	name := stems[i%len(stems)] + " " + suffixes[(i/len(stems))%len(suffixes)]
	if n := i / (len(stems) * len(suffixes)); n > 0 {
		name += fmt.Sprintf(" %d", n+1)
	}
	return name
}

// supplierFor picks a supplier by popularity.
func (w *historyWriter) supplierFor() int {
	r := w.rng.Float64() * w.cum[len(w.cum)-1]
	return sort.SearchFloat64s(w.cum, r)
}
