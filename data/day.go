package data

import (
	"fmt"
	"time"
)

// Day is a calendar day in the shop's time zone, stored as "2006-01-02"; "" means none.
// Days compare and sort as text, in Go and in SQL alike.
type Day string

// DayLayout is how a Day is written.
const DayLayout = "2006-01-02"

// DayOf is the calendar day t falls on in loc.
func DayOf(t time.Time, loc *time.Location) Day {
	return Day(t.In(loc).Format(DayLayout))
}

// ParseDay reads a "2006-01-02" day and refuses impossible dates such as 2026-02-31.
func ParseDay(s string) (Day, error) {
	t, err := time.Parse(DayLayout, s)
	if err != nil {
		return "", fmt.Errorf("%q is not a date like 2026-03-31", s)
	}
	return Day(t.Format(DayLayout)), nil
}

// Start is the first instant of the day in loc.
func (d Day) Start(loc *time.Location) time.Time {
	t, err := time.ParseInLocation(DayLayout, string(d), loc)
	if err != nil {
		return time.Time{}
	}
	return t
}

// AddDays is the day n days later (earlier when n < 0).
func (d Day) AddDays(n int) Day {
	t, err := time.Parse(DayLayout, string(d))
	if err != nil {
		return ""
	}
	return Day(t.AddDate(0, 0, n).Format(DayLayout))
}

// DaysUntil counts whole calendar days from d to e (negative when e is earlier).
func (d Day) DaysUntil(e Day) int {
	a, err1 := time.Parse(DayLayout, string(d))
	b, err2 := time.Parse(DayLayout, string(e))
	if err1 != nil || err2 != nil {
		return 0
	}
	return int(b.Sub(a).Hours() / 24)
}

// IsZero says the day is unset.
func (d Day) IsZero() bool { return d == "" }
