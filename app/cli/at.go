package cli

import (
	"time"

	"clockwork/app"
)

// parseAt reads an --at value (DESIGN 8) by the shop's one rule for typed times
// (app.ParseWhen): a day (today means now, another day its midday), a local
// "2006-01-02 15:04" or RFC 3339; "" is now.
func parseAt(s string, a *app.App) (time.Time, error) {
	return a.ParseWhen("--at", s)
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
	return a.At(t)
}
