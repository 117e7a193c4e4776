package app

import (
	"time"
	"unicode/utf8"

	"clockwork/data"
)

// Bounds of what the shop enters, by hand, on the command line or in a file. They sit far
// beyond any real small shop's numbers and far below what could overflow a sum of a
// hundred years of its orders: a quantity times a price fits a million times in an int64.
const (
	// MaxQty is the most units one line (an order line, a PO line, a delivery) can hold.
	MaxQty = 100_000
	// MaxMoney is the largest amount of one price, cost or total: 10 million in the shop's
	// currency.
	MaxMoney data.Money = 1_000_000_000
	// MaxName is the longest name (shop, supplier, customer, product title) in characters.
	MaxName = 300
	// MaxCode is the longest code (SKU, order or PO number, tracking number, carrier).
	MaxCode = 100
	// MaxText is the longest free text (an address, a note, a comment, a thank-you text).
	MaxText = 5000
	// HistoryYears is how far back a date may lie: a shop's history.
	HistoryYears = 10
	// AheadDays is how far ahead a date may lie: a promise, a supplier's expected day.
	AheadDays = 366
)

// qty checks a quantity entered for field.
func (ps *problems) qty(field string, n int) {
	switch {
	case n < 0:
		ps.add(field, "%d: a quantity cannot be negative", n)
	case n > MaxQty:
		ps.add(field, "%d units is more than one line can hold (at most %d): check the number; was a barcode scanned into it?", n, MaxQty)
	}
}

// money checks an amount entered for field.
func (ps *problems) money(field string, m data.Money) {
	switch {
	case m < 0:
		ps.add(field, "%s: an amount cannot be negative", m)
	case m > MaxMoney:
		ps.add(field, "%s is more than Clockwork takes for one amount (at most %s): check the number", m, MaxMoney)
	}
}

// text checks that s is at most max characters long.
func (ps *problems) text(field, s string, max int) {
	if len(s) <= max { // as many bytes are at most as many characters: no need to count
		return
	}
	if n := utf8.RuneCountInString(s); n > max {
		ps.add(field, "%d characters is too long: keep it to at most %d", n, max)
	}
}

// dateWindow is the first and last day a date may name, around today (real today when the
// clock was set by hand).
func (a *App) dateWindow() (first, last data.Day) {
	now, loc := a.wallNow(), a.Location()
	return data.DayOf(now.AddDate(-HistoryYears, 0, 0), loc), data.DayOf(now, loc).AddDays(AheadDays)
}

// day checks that d lies within the date window.
func (a *App) day(ps *problems, field string, d data.Day) {
	if d == "" {
		return
	}
	first, last := a.dateWindow()
	if d < first || d > last {
		ps.add(field, "%s is outside the dates Clockwork takes: from %s (ten years back) to %s (a year ahead)", d, first, last)
	}
}

// when checks that t lies within the date window.
func (a *App) when(ps *problems, field string, t time.Time) {
	if !t.IsZero() {
		a.day(ps, field, data.DayOf(t, a.Location()))
	}
}

// happened checks a time something happened at: within the window and not in the future.
func (a *App) happened(ps *problems, field string, t time.Time) {
	if t.IsZero() {
		return
	}
	if t.After(a.wallNow().Add(time.Minute)) {
		ps.add(field, "%s is in the future: record what has happened", t.In(a.Location()).Format("2006-01-02 15:04"))
		return
	}
	a.when(ps, field, t)
}
