package app

import (
	"strings"
	"time"

	"clockwork/data"
)

// Period is the days [From, To) a scorecard measures: From is the first day, To the day after
// the last.
type Period struct {
	From, To data.Day
}

// Last is the period's last day.
func (p Period) Last() data.Day { return p.To.AddDays(-1) }

// String reads like "2025-03-13 – 2026-03-12" (both days included).
func (p Period) String() string { return string(p.From) + " – " + string(p.Last()) }

// LastMonths is the n months up to and including today: To is tomorrow, From is n calendar
// months before To. With n = 12 it is the scorecard's default window (DESIGN 6).
func LastMonths(today data.Day, n int) Period {
	to := today.AddDays(1)
	return Period{From: addMonths(to, -n), To: to}
}

// ThisMonth runs from the first of today's month up to and including today.
func ThisMonth(today data.Day) Period {
	return Period{From: data.Day(string(today)[:8] + "01"), To: today.AddDays(1)}
}

// NewPeriod reads a period typed by the user: from and to are "2006-01-02" days, to is the
// day after the last one measured. An empty to means tomorrow; an empty from means twelve
// months before to. Impossible dates (2026-02-31) and empty periods are refused.
func (a *App) NewPeriod(from, to string) (Period, error) {
	from, to = strings.TrimSpace(from), strings.TrimSpace(to)
	var ps problems
	p := Period{To: a.Today().AddDays(1)}
	if to != "" {
		d, err := data.ParseDay(to)
		if err != nil {
			ps.add("to", "%v", err)
		}
		p.To = d
	}
	if from != "" {
		d, err := data.ParseDay(from)
		if err != nil {
			ps.add("from", "%v", err)
		}
		p.From = d
	} else if p.To != "" {
		p.From = addMonths(p.To, -12)
	}
	if len(ps) == 0 && p.From >= p.To {
		ps.add("from", "the period is empty: %s must be before %s (to is the day after the last day measured)", p.From, p.To)
	}
	if err := ps.err(); err != nil {
		return Period{}, err
	}
	return p, nil
}

// PeriodThrough reads a period the way people say it: from the first day through the last
// day, both included ("2026-01-01" through "2026-03-31" is the first quarter). Impossible
// dates and a last day before the first are refused, naming the field: "from" or "to".
func (a *App) PeriodThrough(from, last string) (Period, error) {
	from, last = strings.TrimSpace(from), strings.TrimSpace(last)
	var ps problems
	f, err := data.ParseDay(from)
	if err != nil {
		ps.add("from", "%v", err)
	}
	l, err := data.ParseDay(last)
	if err != nil {
		ps.add("to", "%v", err)
	}
	if len(ps) == 0 && l < f {
		ps.add("to", "the last day %s is before the first day %s", l, f)
	}
	if err := ps.err(); err != nil {
		return Period{}, err
	}
	return Period{From: f, To: l.AddDays(1)}, nil
}

// addMonths moves a day by n calendar months (Go normalises 31 March − 1 month to 3 March).
func addMonths(d data.Day, n int) data.Day {
	t, err := time.Parse(data.DayLayout, string(d))
	if err != nil {
		return ""
	}
	return data.Day(t.AddDate(0, n, 0).Format(data.DayLayout))
}
