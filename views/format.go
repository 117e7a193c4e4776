package views

import (
	"fmt"
	"time"

	"clockwork/data"
)

// ago says how long ago t was, as people say it: "just now", "3 hours ago", "yesterday",
// "5 days ago"; older than two months, the date.
func ago(t, now time.Time, loc *time.Location) string {
	d := now.Sub(t)
	days := data.DayOf(t, loc).DaysUntil(data.DayOf(now, loc))
	switch {
	case d < 0:
		return t.In(loc).Format("2 Jan 2006")
	case d < time.Minute:
		return "just now"
	case d < time.Hour:
		return nouns(int(d/time.Minute), "minute") + " ago"
	case days == 0:
		return nouns(int(d/time.Hour), "hour") + " ago"
	case days == 1:
		return "yesterday"
	case days < 14:
		return nouns(days, "day") + " ago"
	case days < 60:
		return nouns(days/7, "week") + " ago"
	}
	return t.In(loc).Format("2 Jan 2006")
}

// nouns writes a count with its noun: "1 day", "3 days".
func nouns(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}

// shortDay is the one way the window writes a day: "Sun 6 Dec" in the current year, with
// the year otherwise ("6 Dec 2025"); none for no day.
func shortDay(d, today data.Day) string {
	if d == "" {
		return none
	}
	t := d.Start(time.UTC)
	if len(today) >= 4 && len(d) >= 4 && d[:4] == today[:4] {
		return t.Format("Mon 2 Jan")
	}
	return t.Format("2 Jan 2006")
}

// shortTime is a moment as the window writes it: shortDay and the time of day.
func shortTime(t time.Time, loc *time.Location, today data.Day) string {
	return shortDay(data.DayOf(t, loc), today) + " " + t.In(loc).Format("15:04")
}
