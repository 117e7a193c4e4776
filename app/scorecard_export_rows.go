package app

import (
	"context"
	"database/sql"
	"fmt"
	"strconv"

	"clockwork/data"
)

// export is one pass over the facts for the workbook: first the delivery cells of every
// supplier (kind 0), then every line due (kind 1). SQLite computes the facts once for both
// (a table named twice in a WITH is materialised; PostgreSQL does the same); computing them
// twice was a third of the export's time. A column holds one type on every row (PostgreSQL
// insists): after the kind come twelve numbers (a cell's, or a line's ten and two NULLs),
// then four texts (a cell's month and three NULLs, or a line's).
func (s scoreSQL) export() string {
	return s.facts(false, true) + `SELECT 0 AS kind, *, NULL, NULL, NULL FROM (` + s.delivery() + `) AS cells
UNION ALL
SELECT 1, ` + lineNumbersSQL + `, NULL, NULL, ` + lineTextsSQL + ` FROM facts`
}

// exportColumns is how many columns scoreSQL.export gives: the kind, twelve numbers, four texts.
const exportColumns = 17

// exportCursor reads scoreSQL.export's rows: the cells first, then the lines as the workbook
// writes them. It holds a read-only connection until closed (the App's own one when there
// are no readers: see App.readers), so the window goes on working during an export.
type exportCursor struct {
	rows    *sql.Rows
	names   map[uint]string
	pending *ScorecardLine // the first line, read while looking for the end of the cells
	// pendingSupplier is the pending line's supplier: its name is known only once the names
	// are read, after the cells (a pending line named then had an empty supplier).
	pendingSupplier uint
	days            dayNames
	vals            [exportColumns]any
	ptrs            [exportColumns]any
}

func (a *App) openExport(q scoreQuery) (*exportCursor, error) {
	q, err := a.allLines(q)
	if err != nil {
		return nil, fmt.Errorf("export: %w", err)
	}
	db := a.readers()
	if db == nil {
		db = a.db
	}
	rows, err := db.Raw(q.sql.export(), q.params).Rows()
	if err != nil {
		return nil, fmt.Errorf("export: %w", err)
	}
	x := &exportCursor{rows: rows, days: dayNames{}}
	for i := range x.vals {
		x.ptrs[i] = &x.vals[i]
	}
	return x, nil
}

func (x *exportCursor) close() error { return x.rows.Close() }

// next reads a row and says which kind it is; false at the end.
func (x *exportCursor) next() (kind int64, ok bool, err error) {
	if !x.rows.Next() {
		return 0, false, x.rows.Err()
	}
	if err := x.rows.Scan(x.ptrs[:]...); err != nil {
		return 0, false, err
	}
	return asInt(x.vals[0]), true, nil
}

// cells reads the delivery cells and stops at the first line.
func (x *exportCursor) cells() ([]deliveryCell, error) {
	var out []deliveryCell
	for {
		kind, ok, err := x.next()
		if err != nil || !ok {
			return out, err
		}
		if kind == 1 {
			l := x.line()
			x.pending, x.pendingSupplier = &l, uint(asInt(x.vals[1]))
			return out, nil
		}
		v := x.vals[1:]
		c := deliveryCell{SupplierID: uint(asInt(v[0])), Lines: int(asInt(v[2])),
			Qty: asInt(v[3]), OnTimeQty: asInt(v[4]), OTIFLines: int(asInt(v[5])), FilledQty: asInt(v[6]),
			QuotedDays: asInt(v[7]), SentLines: int(asInt(v[8])), LateDays: asInt(v[9]),
			VarianceCents: asInt(v[10]), QuotedCents: asInt(v[11]), Month: asString(v[12])}
		if v[1] != nil {
			lead := int(asInt(v[1]))
			c.Lead = &lead
		}
		out = append(out, c)
	}
}

// eachLine hands every line to fn, the one read ahead first.
func (x *exportCursor) eachLine(fn func(ScorecardLine) error) error {
	if x.pending != nil {
		l := *x.pending
		l.Supplier = x.names[x.pendingSupplier]
		x.pending = nil
		if err := fn(l); err != nil {
			return err
		}
	}
	for {
		kind, ok, err := x.next()
		if err != nil || !ok {
			return err
		}
		if kind != 1 {
			return fmt.Errorf("export: a delivery cell came after the lines")
		}
		if err := fn(x.line()); err != nil {
			return err
		}
	}
}

// line converts the current row (a line's numbers, then its texts) into a ScorecardLine.
func (x *exportCursor) line() ScorecardLine {
	n, t := x.vals[1:], x.vals[13:]
	return ScorecardLine{
		Supplier: x.names[uint(asInt(n[0]))], Qty: int(asInt(n[1])),
		AcceptedByPromised: int(asInt(n[2])), AcceptedByEnd: int(asInt(n[3])), RejectedByEnd: int(asInt(n[4])),
		UnitCost: data.Money(asInt(n[5])), QuotedUnitCost: data.Money(asInt(n[6])),
		SentDay: x.day(n[7]), FirstReceiptDay: x.day(n[8]), CompleteDay: x.day(n[9]),
		PONumber: asString(t[0]), SKU: asString(t[1]), SupplierSKU: asString(t[2]), PromisedDay: data.Day(asString(t[3])),
	}
}

// day names a day-number column ("" for NULL).
func (x *exportCursor) day(v any) data.Day {
	if v == nil {
		return ""
	}
	n := asInt(v)
	return x.days.of(&n)
}

// asInt reads an integer column as the driver gives it (nil: 0). PostgreSQL's sums of
// bigints are numeric, which its driver gives as text.
func asInt(v any) int64 {
	switch n := v.(type) {
	case int64:
		return n
	case float64:
		return int64(n)
	case string:
		i, _ := strconv.ParseInt(n, 10, 64)
		return i
	case []byte:
		i, _ := strconv.ParseInt(string(n), 10, 64)
		return i
	}
	return 0
}

// asString reads a text column as the driver gives it (nil: "").
func asString(v any) string {
	switch s := v.(type) {
	case string:
		return s
	case []byte:
		return string(s)
	}
	return ""
}

// lineBatch is how many lines travel together from the database to the workbook.
const lineBatch = 1024

// pipeLines runs produce (reading lines from the database) on one goroutine while emit
// writes them on this one, so the database and the workbook each keep a core busy.
// Cancelling ctx, or an error on either side, stops both.
func pipeLines(ctx context.Context, produce func(func(ScorecardLine) error) error, emit func(ScorecardLine) error) error {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	batches := make(chan []ScorecardLine, 4)
	read := make(chan error, 1)
	go func() {
		defer close(batches)
		batch := make([]ScorecardLine, 0, lineBatch)
		send := func() error {
			select {
			case batches <- batch:
				batch = make([]ScorecardLine, 0, lineBatch)
				return nil
			case <-ctx.Done():
				return ctx.Err()
			}
		}
		err := produce(func(l ScorecardLine) error {
			if batch = append(batch, l); len(batch) == lineBatch {
				return send()
			}
			return nil
		})
		if err == nil && len(batch) > 0 {
			err = send()
		}
		read <- err
	}()
	var err error
	for batch := range batches {
		for _, l := range batch {
			if err == nil {
				err = emit(l)
			}
		}
		if err != nil {
			cancel() // the reader stops at its next batch; drain what it already sent
		}
	}
	if rerr := <-read; err == nil {
		err = rerr
	}
	return err
}
