package cli

import (
	"fmt"
	"strings"
	"time"

	"clockwork/app"
	"clockwork/data"
)

// parseAt reads an --at value (DESIGN 8): an RFC 3339 time, or a day in the shop's time zone
// (today means now, another day its midday); "" is now.
func parseAt(s string, a *app.App) (time.Time, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return a.Now(), nil
	}
	if t, err := time.Parse(time.RFC3339, s); err == nil {
		return t, nil
	}
	d, err := data.ParseDay(s)
	if err != nil {
		return time.Time{}, &app.InputError{Problems: []app.Problem{{Field: "--at", Message: fmt.Sprintf("%q: give a day like 2026-03-12 or a time like 2026-03-12T15:04:05+01:00", s)}}}
	}
	if d == a.Today() {
		return a.Now(), nil
	}
	return d.Start(a.Location()).Add(12 * time.Hour), nil
}

// appAt is the shop with its clock at --at (the shop's own clock when at is "").
func (c *call) appAt(at string) (*app.App, error) {
	a, err := c.app()
	if err != nil || at == "" {
		return a, err
	}
	t, err := parseAt(at, a)
	if err != nil {
		return nil, err
	}
	return a.WithClock(func() time.Time { return t }), nil
}
