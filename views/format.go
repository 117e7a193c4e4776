package views

import (
	"fmt"
	"sync"
	"time"

	"clockwork/app"
	"clockwork/data"

	"fyne.io/fyne/v2/lang"
)

// ago says how long ago t was, as people say it: "just now", "3 hours ago", "yesterday",
// "5 days ago"; older than two months, the date.
func ago(t, now time.Time, loc *time.Location) string {
	d := now.Sub(t)
	days := data.DayOf(t, loc).DaysUntil(data.DayOf(now, loc))
	switch {
	case d < 0:
		return shortDay(data.DayOf(t, loc), data.DayOf(now, loc))
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
	return shortDay(data.DayOf(t, loc), data.DayOf(now, loc))
}

// nouns writes a count with its noun: "1 day", "3 days".
func nouns(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}

// shortDay is the one way the window writes a day (app.DayTextIn, after the computer's
// locale): "Sun 6 Dec" in the current year, with the year otherwise ("6 Dec 2025"); none for
// no day.
func shortDay(d, today data.Day) string {
	if d == "" {
		return none
	}
	return app.DayTextIn(dayLocale(), d, today)
}

// dayLocale is the computer's locale ("de-DE"), read once: it names the days and months.
// Tests set it to "en".
var dayLocale = sync.OnceValue(func() string { return lang.SystemLocale().String() })

// shortTime is a moment as the window writes it: shortDay and the time of day.
func shortTime(t time.Time, loc *time.Location, today data.Day) string {
	return shortDay(data.DayOf(t, loc), today) + " " + t.In(loc).Format("15:04")
}
