package app

import (
	"fmt"
	"strings"
	"time"

	"clockwork/data"
)

// Scorecard days in SQL.
//
// A scorecard counts whole calendar days in the shop's time zone, which neither engine's SQL
// is asked to convert to by name (SQLite cannot). Two tools do it exactly, the same on both:
//
//   - "dated in the period" compares instants with the first instants of the period's first
//     and next-after-last local days (@from_e, @to_e, computed in Go): no conversion at all.
//   - a line's days (sent, received, promised) become day numbers, days since 1970-01-01 in
//     the shop's zone: (epoch + offset) / 86400, with the offset from a CASE over the zone's
//     daylight-saving changes around the period (two years either side; older or later times
//     take the nearest span's offset). Day numbers subtract and compare as integers; each
//     time is read once (its epoch is a column of an inner step) to keep 250,000 lines fast.
//
// How a stored moment becomes epoch seconds is the engine's (data.ReportSQL.Epoch): SQLite
// keeps text with its offset, PostgreSQL a timestamptz.

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

// day is the SQL for the shop's day number of the epoch e (an integer: integer division on
// both engines). The CASE may evaluate e once per daylight-saving change: over many rows e
// should be a column, not a call.
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
