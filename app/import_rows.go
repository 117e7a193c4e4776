package app

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"clockwork/app/importfile"
	"clockwork/data"
)

// RowKind is what an import does, or on a dry run would do, with one order of the file.
type RowKind string

// The kinds of a preview's rows.
const (
	RowNew       RowKind = "new"       // a new order, to buy
	RowHeld      RowKind = "held"      // a new order not paid in the web shop: held
	RowCancelled RowKind = "cancelled" // a new order cancelled in the web shop: kept as history
	RowChanged   RowKind = "changed"   // stored before; the web shop changed it since (Detail says how)
	RowAlready   RowKind = "already"   // stored before and unchanged, or twice in the file
	RowSkipped   RowKind = "skipped"   // fulfilled by the web shop before Clockwork saw it: not stored
	RowProblem   RowKind = "problem"   // not imported: Detail says where and why
)

// RowKinds are the kinds in the order a preview lists them.
var RowKinds = []RowKind{RowNew, RowHeld, RowCancelled, RowChanged, RowAlready, RowSkipped, RowProblem}

// ImportRow is one order of an import file as the preview shows it.
type ImportRow struct {
	Line     int // the file line of its first row
	Number   string
	Customer string
	PlacedAt time.Time
	Lines    int
	// Total is in Currency, the order's own ("" when it is the shop's): a converted order
	// shows what the customer paid.
	Total    data.Money
	Currency string
	Kind     RowKind
	// Detail says what changed (RowChanged), why not (RowProblem: line, column and message),
	// or that it is converted at the owner's rate.
	Detail string
}

// rowOfOrder is the preview row of a parsed order, before its kind is known.
func rowOfOrder(o importfile.Order) ImportRow {
	r := ImportRow{Line: o.Line, Number: o.Number, Customer: firstNonEmpty(o.Customer, o.ShipTo.Name, o.Email),
		PlacedAt: o.PlacedAt, Lines: len(o.Lines), Total: o.Total, Currency: o.Currency}
	if r.Total == 0 {
		r.Total = o.Subtotal + o.Shipping + o.Tax + o.Fees
		if o.Subtotal == 0 {
			for _, l := range o.Lines {
				r.Total += l.UnitPrice * data.Money(l.Qty)
			}
		}
	}
	return r
}

// problemDetail is a row's problems as one text, each with its line and column.
func problemDetail(ps []Problem) string {
	texts := make([]string, len(ps))
	for i, p := range ps {
		where := fmt.Sprintf("line %d", p.Line)
		if p.Field != "" {
			where += ", " + p.Field
		}
		texts[i] = where + ": " + p.Message
	}
	return strings.Join(texts, "; ")
}

// problemRows adds a problem row for each file line with problems that no parsed order
// stands for (a row the layout could not read).
func problemRows(rows []ImportRow, probs []importfile.Problem, file string) []ImportRow {
	have := map[int]bool{}
	for _, r := range rows {
		have[r.Line] = true
	}
	byLine := map[int][]Problem{}
	number := map[int]string{}
	var lines []int
	for _, p := range probs {
		if p.Line == 0 || have[p.Line] {
			continue
		}
		if _, ok := byLine[p.Line]; !ok {
			lines = append(lines, p.Line)
		}
		byLine[p.Line] = append(byLine[p.Line], Problem{File: file, Line: p.Line, Field: p.Column, Message: p.Message})
		number[p.Line] = firstNonEmpty(number[p.Line], p.Order)
	}
	for _, l := range lines {
		rows = append(rows, ImportRow{Line: l, Number: number[l], Kind: RowProblem, Detail: problemDetail(byLine[l])})
	}
	return rows
}

// kindOfNew is the kind of a newly stored order.
func kindOfNew(o data.Order) RowKind {
	switch {
	case o.Status == data.OrderCancelled:
		return RowCancelled
	case o.Held:
		return RowHeld
	}
	return RowNew
}

// finishRows tells the changed orders from the unchanged ones by the changes made, and
// puts the rows in the file's order.
func (r *ImportResult) finishRows() {
	changes := map[string][]OrderChange{}
	for _, c := range r.Changes {
		changes[c.Number] = append(changes[c.Number], c)
	}
	for i := range r.Rows {
		row := &r.Rows[i]
		cs, ok := changes[row.Number]
		if row.Kind != RowAlready || !ok {
			continue
		}
		var what []string
		for _, c := range cs {
			text := map[ChangeKind]string{ChangeCancelled: "cancelled in the shop", ChangeReleased: "paid: released to buy",
				ChangeFulfilled: "fulfilled in the shop"}[c.Kind]
			if c.Note != "" {
				text += " (" + c.Note + ")"
			}
			what = append(what, text)
		}
		row.Kind, row.Detail = RowChanged, strings.Join(what, "; ")
	}
	slices.SortStableFunc(r.Rows, func(a, b ImportRow) int { return a.Line - b.Line })
}
