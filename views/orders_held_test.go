package views

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"clockwork/app"
	"clockwork/data"
)

// An order the web shop has not marked paid says so in the list and the detail, and the owner
// can release it for purchase from the detail (after a question), as `clockwork order release`.
func TestHeldOrderShowsAndReleases(t *testing.T) {
	s, _, a := ordersShop(t)
	_, err := a.AddOrder(app.OrderInput{Channel: data.ChannelWooCommerce, Number: "H-7", PlacedAt: a.Now(), Customer: "Nguyễn An",
		Held: true, Lines: []app.LineInput{{SKU: "MUG-1", Title: "Mug", Qty: 1, UnitPrice: 1490}}})
	if err != nil {
		t.Fatal(err)
	}
	o := ordersOf(t, s)
	o.search.SetText("H-7")
	o.table.Select(widget.TableCellID{Row: 0, Col: 0})
	if got := cellText(o, 0, column(t, "Status")); got != "Held: not paid" {
		t.Errorf("the list says %q for a held order", got)
	}
	if !strings.Contains(o.detail.heading.Text, "Held: not paid") {
		t.Errorf("the detail says %q", o.detail.heading.Text)
	}
	answer := func(label string) {
		test.Tap(button(t, o.detail.actions, "Release for purchase…"))
		test.Tap(overlayButton(t, s, label))
	}
	answer("Keep it held")
	if list, _ := a.FindOrders(app.OrderQuery{Search: "H-7"}); !list.Rows[0].Held {
		t.Fatal("Keep it held released the order")
	}
	answer("Release")
	list, _ := a.FindOrders(app.OrderQuery{Search: "H-7"})
	if list.Rows[0].Held {
		t.Fatal("Release left the order held")
	}
	if got := cellText(o, 0, column(t, "Status")); got != "To purchase" {
		t.Errorf("after the release the list says %q", got)
	}
	if buttonTexts(o.detail.actions)["Release for purchase…"] || !strings.Contains(o.detail.heading.Text, "To purchase") {
		t.Errorf("after the release: %q, actions %v", o.detail.heading.Text, buttonTexts(o.detail.actions))
	}
}
