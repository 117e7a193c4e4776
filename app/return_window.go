package app

import (
	"fmt"
	"time"

	"clockwork/data"
)

// ReturnWindow is how a return asked for on a given day stands against the shop's return
// window (Settings): the owner decides, Clockwork only says so.
type ReturnWindow struct {
	Days      int      // the shop's window in days; 0: the shop set none
	Shipped   data.Day // the day the order shipped, in the shop's zone ("" if it has not)
	DaysSince int      // whole days from the shipping day to the day the return is asked for
}

// Outside says the return is asked for after the window closed.
func (w ReturnWindow) Outside() bool { return w.Days > 0 && w.Shipped != "" && w.DaysSince > w.Days }

// String is the window in words: "shipped 12 Oct 2026, 46 days ago: outside the 30-day
// return window" ("" for an order that has not shipped).
func (w ReturnWindow) String() string {
	if w.Shipped == "" {
		return ""
	}
	ago := fmt.Sprintf("%d days ago", w.DaysSince)
	switch w.DaysSince {
	case 0:
		ago = "today"
	case 1:
		ago = "yesterday"
	}
	s := "shipped " + w.Shipped.Start(time.UTC).Format("2 Jan 2006") + ", " + ago
	switch {
	case w.Days == 0:
		return s
	case w.Outside():
		return fmt.Sprintf("%s: outside the %d-day return window", s, w.Days)
	}
	return fmt.Sprintf("%s: within the %d-day return window", s, w.Days)
}

// ReturnWindowOf is how a return of the order asked for at at (zero: now) stands against
// the shop's return window.
func (a *App) ReturnWindowOf(orderID uint, at time.Time) (ReturnWindow, error) {
	if at.IsZero() {
		at = a.Now()
	}
	shop, err := a.Shop()
	if err != nil {
		return ReturnWindow{}, err
	}
	var o data.Order
	if err := a.db.Select("id", "shipped_at").First(&o, orderID).Error; err != nil {
		return ReturnWindow{}, fmt.Errorf("return window: %w", notFound(err, "order"))
	}
	w := ReturnWindow{Days: shop.ReturnWindowDays}
	if o.ShippedAt != nil {
		loc := a.Location()
		w.Shipped = data.DayOf(*o.ShippedAt, loc)
		w.DaysSince = max(0, w.Shipped.DaysUntil(data.DayOf(at, loc)))
	}
	return w, nil
}
