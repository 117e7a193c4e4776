package app_test

import (
	"testing"
	"time"

	"clockwork/data"
)

// TestReturnWindow: a return asked for ten days after shipping is within a 30-day window
// and outside a 7-day one; with no window set Clockwork only says when it shipped; an order
// that has not shipped has no window to speak of.
func TestReturnWindow(t *testing.T) {
	f := newReturnsShop(t)
	o := f.shippedOrder("#1001", f.shippedAt, f.mug)
	shop, err := f.a.Shop()
	f.must(err)
	shipped := data.DayOf(f.shippedAt, f.a.Location())
	on := shipped.Start(time.UTC).Format("2 Jan 2006")
	cases := []struct {
		days    int
		at      time.Time
		outside bool
		words   string
	}{
		{30, time.Time{}, false, "shipped " + on + ", 10 days ago: within the 30-day return window"},
		{7, time.Time{}, true, "shipped " + on + ", 10 days ago: outside the 7-day return window"},
		{10, time.Time{}, false, "shipped " + on + ", 10 days ago: within the 10-day return window"},
		{0, time.Time{}, false, "shipped " + on + ", 10 days ago"},
		{7, f.shippedAt.Add(24 * time.Hour), false, "shipped " + on + ", yesterday: within the 7-day return window"},
	}
	for _, c := range cases {
		shop.ReturnWindowDays = c.days
		f.must(f.a.SaveShop(shop))
		w, err := f.a.ReturnWindowOf(o.ID, c.at)
		f.must(err)
		if w.Outside() != c.outside || w.String() != c.words {
			t.Errorf("%d-day window: outside %v, %q; want %v, %q", c.days, w.Outside(), w.String(), c.outside, c.words)
		}
	}
	open := f.order("#1002", f.shippedAt, "MUG-1")
	w, err := f.a.ReturnWindowOf(open.ID, time.Time{})
	f.must(err)
	if w.Outside() || w.String() != "" {
		t.Errorf("unshipped order: outside %v, %q; want neither", w.Outside(), w.String())
	}
	if _, err := f.a.ReturnWindowOf(99999, time.Time{}); err == nil {
		t.Error("no error for an order that does not exist")
	}
}
