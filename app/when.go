package app

import (
	"strings"
	"time"

	"clockwork/data"
)

// TimeOn is when something done on day d happened, by the one rule every front end uses:
// today means now; another day means its midday in the shop's time zone (a day in the
// future too: the action it is for refuses it).
func (a *App) TimeOn(d data.Day) time.Time {
	if d == a.Today() {
		return a.Now()
	}
	return d.Start(a.Location()).Add(12 * time.Hour)
}

// ParseWhen reads a time as typed in the window or on the command line: "" is now; a day
// like 2026-03-12 is TimeOn that day; "2026-03-12 14:05" is that minute in the shop's time
// zone; RFC 3339 is that instant. It must lie within ten years back and a year ahead.
func (a *App) ParseWhen(field, s string) (time.Time, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return a.Now(), nil
	}
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		t, err = time.ParseInLocation("2006-01-02 15:04", s, a.Location())
	}
	if err != nil {
		d, derr := data.ParseDay(s)
		if derr != nil {
			return time.Time{}, invalid(field, "%q is not a time: give a day like 2026-03-12 or a time like 2026-03-12 15:04", s)
		}
		t = a.TimeOn(d)
	}
	var ps problems
	a.when(&ps, field, t)
	return t, ps.err()
}

// At is the shop with its clock at t, a time the user typed (the CLI's --at): what it
// records carries that time. t must lie within ten years back and a year ahead of now, and
// actions recording what has happened still refuse a time later than the real now.
func (a *App) At(t time.Time) (*App, error) {
	var ps problems
	a.when(&ps, "--at", t)
	if err := ps.err(); err != nil {
		return nil, err
	}
	c := a.WithClock(func() time.Time { return t })
	c.typed = true
	return c, nil
}

// wallNow is the real present: the App's clock, unless that was set by hand with At.
func (a *App) wallNow() time.Time {
	if a.typed {
		return time.Now()
	}
	return a.now()
}

// checkHappened refuses a time something happened at that lies in the future or outside
// the date window.
func (a *App) checkHappened(field string, t time.Time) error {
	var ps problems
	a.happened(&ps, field, t)
	return ps.err()
}
