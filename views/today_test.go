package views

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"clockwork/app"
	"clockwork/data"

	"fyne.io/fyne/v2/test"
)

func todayOf(s *shell) *today { return s.screens[0].view.(*today) }

// card finds a Today card's number by its title.
func card(t *testing.T, v *today, title string) string {
	t.Helper()
	for _, c := range v.cards {
		if c.title == title {
			return c.number.Text
		}
	}
	t.Fatalf("no card %q", title)
	return ""
}

func addOrder(t *testing.T, a *app.App, number string, placed time.Time) {
	t.Helper()
	_, err := a.AddOrder(app.OrderInput{Channel: data.ChannelManual, Number: number, PlacedAt: placed,
		Customer: "Zoë Łódź", Email: strings.ToLower(number) + "@example.com",
		Lines: []app.LineInput{{SKU: "MUG-1", Title: "Enamel Mug", Qty: 1, UnitPrice: 1490}}})
	if err != nil {
		t.Fatal(err)
	}
}

func TestTodayWelcomesAFirstRun(t *testing.T) {
	s, _, _ := newTestShell(t)
	v := todayOf(s)
	if v.root.Objects[0] != v.welcome {
		t.Fatal("an empty shop does not get the welcome")
	}
	labels := buttonTexts(v.welcome)
	for _, want := range []string{"Import orders…", "Try with a demo shop"} {
		if !labels[want] {
			t.Errorf("welcome lacks the %q choice (has %v)", want, labels)
		}
	}
}

func TestTodayDemoFillsTheShop(t *testing.T) {
	s, a, _ := newTestShell(t)
	v := todayOf(s)
	test.Tap(button(t, v.welcome, "Try with a demo shop"))
	if v.root.Objects[0] != v.counts {
		t.Fatal("after the demo the Today screen still shows the welcome")
	}
	c, err := a.TodayCounts()
	if err != nil || c.ToPurchase == 0 {
		t.Fatalf("demo made no orders to purchase: %+v %v", c, err)
	}
	if got := card(t, v, "Orders to purchase"); got != fmt.Sprint(c.ToPurchase) {
		t.Errorf("Orders to purchase shows %s, the shop has %d", got, c.ToPurchase)
	}
}

func TestTodayCountsFollowChanges(t *testing.T) {
	s, a, clock := newTestShell(t)
	v := todayOf(s)
	addOrder(t, a, "M-1", clock.T)
	if got := card(t, v, "Orders to purchase"); got != "1" {
		t.Fatalf("after one order: %s", got)
	}
	addOrder(t, a, "M-2", clock.T)
	if got := card(t, v, "Orders to purchase"); got != "2" {
		t.Errorf("after a second order: %s", got)
	}
	// Another process (the command line, say) adds an order to the same file.
	other, err := app.Open(a.Path())
	if err != nil {
		t.Fatal(err)
	}
	addOrder(t, other, "M-3", clock.T)
	other.Close()
	s.refreshIfChanged() // what the watcher does every two seconds
	if got := card(t, v, "Orders to purchase"); got != "3" {
		t.Errorf("after an order from another process: %s", got)
	}
}
