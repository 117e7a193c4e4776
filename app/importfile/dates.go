package importfile

import (
	"errors"
	"fmt"
	"strings"
	"time"
)

// dayOrder says how to read a numeric date whose year comes last, like 04/05/2026.
type dayOrder int

const (
	orderBySeparator dayOrder = iota // '/' month first (US), '.' and '-' day first
	dayFirst
	monthFirst
)

// ParseTime reads a date or date-time as shops and spreadsheets write them:
// "2018-01-04 15:51:23 -0800", RFC 3339 ("2026-01-02T10:00:00Z"), "2026-01-02",
// "16-05-2018 07:32:06", "03.01.2019 01:41:17", "1/4/2018 3:51 PM", "January 4, 2018".
// A time without an offset is in loc. Dates whose year comes last are read day first with
// '.' and '-' and month first with '/', unless a part above 12 says otherwise. Impossible
// dates such as 2026-02-30 are errors, never moved to another day.
func ParseTime(s string, loc *time.Location) (time.Time, error) {
	return parseTime(s, loc, orderBySeparator)
}

// dateOrderOf looks at a column's dates for a day above 12 that settles whether dates like
// 04/05/2026 are day or month first; without one it keeps the separator's convention.
func dateOrderOf(values []string) dayOrder {
	for _, v := range values {
		sc := scanner{s: strings.TrimSpace(v)}
		a, na := sc.number(2)
		if na == 0 || !sc.oneOf("/-.") {
			continue
		}
		b, nb := sc.number(2)
		if nb == 0 {
			continue
		}
		switch {
		case a > 12 && b <= 12:
			return dayFirst
		case b > 12 && a <= 12:
			return monthFirst
		}
	}
	return orderBySeparator
}

// parseTime is ParseTime with the order of year-last dates given.
func parseTime(s string, loc *time.Location, order dayOrder) (time.Time, error) {
	if loc == nil {
		loc = time.UTC
	}
	sc := scanner{s: strings.TrimSpace(s)}
	y, m, d, err := sc.date(order)
	if err != nil {
		return time.Time{}, fmt.Errorf("%q is not a date: write it like 2026-03-31 or 2026-03-31 14:05", s)
	}
	hh, mm, ss, ns, err := sc.clock()
	if err != nil {
		return time.Time{}, fmt.Errorf("%q: %v", s, err)
	}
	zone, err := sc.zone(loc)
	if err != nil || !sc.end() {
		return time.Time{}, fmt.Errorf("%q is not a date and time: write it like 2026-03-31 14:05 or 2026-03-31T14:05:00+01:00", s)
	}
	if y < 1900 || y > 2200 || m < 1 || m > 12 || d < 1 || d > daysIn(m, y) {
		return time.Time{}, fmt.Errorf("%q is not a real date (check the day and month)", s)
	}
	if hh > 23 || mm > 59 || ss > 59 {
		return time.Time{}, fmt.Errorf("%q is not a real time of day", s)
	}
	return time.Date(y, time.Month(m), d, hh, mm, ss, ns, zone), nil
}

// daysIn is the number of days in a month.
func daysIn(m, y int) int {
	return time.Date(y, time.Month(m)+1, 0, 0, 0, 0, 0, time.UTC).Day()
}

// errNoDate says the text does not start with a date.
var errNoDate = errors.New("no date")

// date reads the date part: year first (2026-03-31, 2026/03/31), year last (31.03.2026,
// 03/31/2026, 31-Mar-2026) or a month name (March 31, 2026; 31 March 2026).
func (sc *scanner) date(order dayOrder) (y, m, d int, err error) {
	if name := sc.word(); name != "" { // "March 31, 2026"; eBay's "Mar-31-26"
		m = monthNumber(name)
		sc.skip(". -")
		d, _ = sc.number(2)
		sc.skip(", -")
		y, ny := sc.number(4)
		if ny == 2 {
			y, ny = y+2000, 4
		}
		if m == 0 || ny != 4 {
			return 0, 0, 0, errNoDate
		}
		return y, m, d, nil
	}
	a, na := sc.number(4)
	sep := sc.peek()
	if na == 0 || !sc.oneOf("-/. ") {
		return 0, 0, 0, errNoDate
	}
	if na == 4 { // year first
		m, _ = sc.number(2)
		d, nd := 0, 0
		if sc.oneOf(string(sep)) {
			d, nd = sc.number(2)
		}
		if nd == 0 {
			return 0, 0, 0, errNoDate
		}
		return a, m, d, nil
	}
	if name := sc.word(); name != "" { // "31-Mar-2026", "31 March 2026"
		m = monthNumber(name)
		sc.skip(".")
		y, ny := 0, 0
		if sc.oneOf(string(sep)) {
			y, ny = sc.number(4)
		}
		if m == 0 || ny != 4 {
			return 0, 0, 0, errNoDate
		}
		return y, m, a, nil
	}
	return sc.yearLast(a, sep, order)
}

// yearLast reads the rest of a numeric date whose year comes last, after its first part a
// and separator sep: "31.03.2026", "03/31/26", "16-05-2018".
func (sc *scanner) yearLast(a int, sep byte, order dayOrder) (y, m, d int, err error) {
	b, nb := sc.number(2)
	if nb == 0 || sep == ' ' || !sc.oneOf(string(sep)) {
		return 0, 0, 0, errNoDate
	}
	y, ny := sc.number(4)
	switch ny {
	case 2:
		y += 2000
	case 4:
	default:
		return 0, 0, 0, errNoDate
	}
	if order == orderBySeparator {
		order = dayFirst
		if sep == '/' {
			order = monthFirst
		}
	}
	if sep == '.' || order == dayFirst {
		return y, b, a, nil
	}
	return y, a, b, nil
}

// monthNumber is 1–12 for an English month name or its three-letter abbreviation, else 0.
func monthNumber(name string) int {
	name = strings.ToLower(name)
	if len(name) < 3 {
		return 0
	}
	for i, full := range []string{"january", "february", "march", "april", "may", "june", "july",
		"august", "september", "october", "november", "december"} {
		if strings.HasPrefix(full, name) {
			return i + 1
		}
	}
	return 0
}
