package views

import (
	"strings"
	"testing"
	"time"

	"clockwork/app"
	"clockwork/data"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// One style for days: the weekday in this year, the year in any other; after the locale.
func TestDaysReadTheShopsWay(t *testing.T) {
	const today = data.Day("2026-12-06")
	cases := []struct {
		locale string
		day    data.Day
		want   string
	}{
		{"en", "2026-12-06", "Sun 6 Dec"},
		{"en", "2025-12-24", "24 Dec 2025"},
		{"en-GB", "2026-03-09", "Mon 9 Mar"},
		{"en-US", "2026-03-09", "Mon, Mar 9"},
		{"en-US", "2025-03-09", "Mar 9, 2025"},
		{"de-DE", "2026-03-09", "Mo. 9. März"},
		{"de_AT", "2025-12-24", "24. Dez. 2025"},
		{"fr-FR", "2026-02-01", "dim. 1 févr."},
		{"pt-BR", "2026-03-09", "Mon 9 Mar"}, // a language Clockwork has no names for: English
		{"en", "2027-01-02", "2 Jan 2027"},
	}
	for _, c := range cases {
		if got := app.DayTextIn(c.locale, c.day, today); got != c.want {
			t.Errorf("%s %s: %q, want %q", c.locale, c.day, got, c.want)
		}
	}
	if got := shortDay("", today); got != none {
		t.Errorf("no day reads %q", got)
	}
}

// The same day reads the same in the Receiving list, the PO's detail and the order's
// timeline; the Orders list writes its ship-by day the same way.
func TestTheSameDayReadsTheSameOnEveryScreen(t *testing.T) {
	s, a, clock := newTestShell(t)
	stockShop(t, a, clock.T.Add(-time.Hour))
	if _, err := a.Purchase(); err != nil {
		t.Fatal(err)
	}
	p := posOf(t, s)
	p.showPO("PO-000001")
	promised := a.Today().AddDays(9)
	if _, err := a.SendPOWith(p.detail.po.ID, app.SendOptions{Promised: promised}); err != nil {
		t.Fatal(err)
	}
	want := shortDay(promised, a.Today())
	if !strings.Contains(want, " ") || strings.Contains(want, "20") {
		t.Fatalf("a day this year reads %q", want)
	}
	p.showPO("PO-000001")
	if facts := p.detail.factsText(); !strings.Contains(facts, "promised "+want) {
		t.Errorf("the PO's detail says %q, want the promised day as %q", facts, want)
	}
	r := viewOf[*receiving](s, screenReceiving)
	if got := cellTextOf(r.list, 0, "Expected"); got != want {
		t.Errorf("Receiving lists the PO as expected %q, want %q", got, want)
	}
	order, err := a.OrderByNumber("#1")
	if err != nil {
		t.Fatal(err)
	}
	det, err := a.OrderDetail(order.ID)
	if err != nil {
		t.Fatal(err)
	}
	var notes []string
	for _, st := range det.Timeline {
		notes = append(notes, st.Note)
	}
	if !strings.Contains(strings.Join(notes, " | "), "expected "+want) {
		t.Errorf("the timeline says %q, want the day as %q", notes, want)
	}
	o := ordersOf(t, s)
	o.search.SetText("#1")
	if got, ship := cellText(o, 0, column(t, "Ship by")), shortDay(order.ShipBy, a.Today()); !strings.HasPrefix(got, ship) {
		t.Errorf("Orders lists #1 to ship by %q, want %q", got, ship)
	}
}

// A date field shows the day the computer's way, reads it back typed that way or as an ISO
// day, counts empty as no day, and says how to write anything else.
func TestDayFieldReadsTheComputersWayAndISO(t *testing.T) {
	test.NewTempApp(t)
	f := newDayField()
	w := test.NewWindow(f) // Fyne sets the entry's checks up when it is first drawn
	defer w.Close()
	layout := dateLayout()
	f.setDay("2026-03-24")
	if want := time.Date(2026, 3, 24, 0, 0, 0, 0, time.UTC).Format(layout); f.Text != want {
		t.Errorf("the field shows %q, want %q", f.Text, want)
	}
	for _, text := range []string{f.Text, "2026-03-24", " 2026-03-24 "} {
		f.SetText(text)
		if d, err := f.day("arrived on"); d != "2026-03-24" || err != nil || f.Validate() != nil {
			t.Errorf("%q reads as %q (%v; valid: %v)", text, d, err, f.Validate())
		}
	}
	f.SetText("")
	if d, err := f.day("arrived on"); d != "" || err != nil || f.Validate() != nil {
		t.Errorf("an empty field reads as %q (%v)", d, err)
	}
	test.Tap(f.ActionItem.(*widget.Button)) // the calendar opens; Esc closes it
	if w.Canvas().Overlays().Top() == nil || !dialogKeyOn(w.Canvas(), fyne.KeyEscape) || w.Canvas().Overlays().Top() != nil {
		t.Error("Esc does not close the date field's calendar")
	}
	f.SetText("next Tuesday")
	_, err := f.day("arrived on")
	if err == nil || !strings.Contains(err.Error(), "arrived on “next Tuesday” is not a day") || !strings.Contains(err.Error(), dateExample(layout)) {
		t.Errorf("a word for a day: %v", err)
	}
}
