package views

import (
	"strings"
	"testing"

	"clockwork/app"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// On an empty catalog Map SKU has nothing to offer: the unknown SKU becomes a product from
// its line, and the line is linked to it.
func TestCreateProductFromAnUnknownSKU(t *testing.T) {
	s, a, clock := newTestShell(t)
	addOrder(t, a, "#1001", clock.T)
	o := ordersOf(t, s)
	o.table.Select(widget.TableCellID{Row: 0, Col: 0})
	d := o.detail
	test.Tap(button(t, d.lines, "Map SKU…"))
	test.Tap(overlayButton(t, s, "Create product…"))
	if !strings.Contains(d.lastInfo, "MUG-1 “Enamel Mug” is in the catalog at €14.90, linked to 1 order line") {
		t.Fatalf("after Create product: %q", d.lastInfo)
	}
	p, err := a.ProductBySKU("MUG-1")
	if err != nil || p.Title != "Enamel Mug" {
		t.Fatalf("the catalog holds %+v (%v)", p, err)
	}
	if labelTexts(d.lines)["unknown SKU"] {
		t.Error("the line still shows as unknown")
	}
	if list, _ := a.FindOrders(app.OrderQuery{Flag: app.FlagUnknownSKU}); list.Total != 0 {
		t.Errorf("%d orders still have an unknown SKU", list.Total)
	}
}
