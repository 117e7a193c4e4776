package views

import (
	"strings"
	"testing"

	"clockwork/data"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// After a search, tapping the row where the last pick sat shows the order tapped, not the one
// before; a search that leaves the shown order out clears the detail, buttons and all; a sort
// keeps it.
func TestOrdersDetailFollowsTheRowTappedAfterASearch(t *testing.T) {
	_, o, _ := ordersShop(t)
	tapRow := func(row int) { o.table.Select(widget.TableCellID{Row: row, Col: 1}) }
	tapRow(0)
	if !strings.HasPrefix(o.detail.heading.Text, "Order #1001 ") {
		t.Fatalf("first row shows %q", o.detail.heading.Text)
	}
	o.onSort(o.sort) // the other way round: #1001 moves, and stays shown
	if !o.detail.pane.showing() || !strings.HasPrefix(o.detail.heading.Text, "Order #1001 ") {
		t.Fatalf("after a sort the detail shows %q (shown: %v)", o.detail.heading.Text, o.detail.pane.showing())
	}
	test.Type(o.search, "ana")
	if o.detail.pane.showing() || o.detail.current != nil {
		t.Fatalf("a search without #1001 still shows %q", o.detail.heading.Text)
	}
	tapRow(0) // where #1001 sat: now Ana Díaz's #1002
	if !o.detail.pane.showing() || !strings.HasPrefix(o.detail.heading.Text, "Order #1002 ") {
		t.Fatalf("tapping Ana's order shows %q (shown: %v)", o.detail.heading.Text, o.detail.pane.showing())
	}
	o.search.SetText("")
	if !o.detail.pane.showing() || !strings.HasPrefix(o.detail.heading.Text, "Order #1002 ") {
		t.Fatalf("clearing the search lost #1002: %q", o.detail.heading.Text)
	}
	o.search.SetText("nobody-at-all")
	if o.detail.pane.showing() || o.detail.current != nil {
		t.Fatalf("a search matching nothing still shows %q", o.detail.heading.Text)
	}
	if o.selected != 0 {
		t.Errorf("the list still marks order %d", o.selected)
	}
}

// A filter that leaves the shown order out clears it even when the order would sit past the
// first page of a long list (asked of the database, not guessed from the rows loaded).
func TestOrdersFilterClearsAnOrderItNoLongerLists(t *testing.T) {
	_, o, _ := ordersShop(t)
	o.table.Select(widget.TableCellID{Row: 0, Col: 0})
	for i, f := range orderFilters {
		if f.status == data.OrderCancelled {
			o.filter.SetSelectedIndex(i)
		}
	}
	if o.detail.pane.showing() {
		t.Fatalf("the Cancelled filter still shows %q", o.detail.heading.Text)
	}
}

// The lists built on pagedTable (suppliers here) clear the detail the same way, and keep it
// when the supplier is still listed.
func TestSuppliersDetailClearsWhenTheSearchLeavesItOut(t *testing.T) {
	s, a, _ := newTestShell(t)
	for _, name := range []string{"Atlas Trading", "Borealis Goods"} {
		sup := data.Supplier{Name: name, Status: data.SupplierActive, QuotedLeadDays: 3}
		if err := a.SaveSupplier(&sup); err != nil {
			t.Fatal(err)
		}
	}
	s.navigate(screenSuppliers)
	v := s.screens[1].view.(*suppliers)
	v.list.table.Select(widget.TableCellID{Row: 0, Col: 0})
	if !v.detail.pane.showing() || v.detail.title.Text != "Atlas Trading" {
		t.Fatalf("first row shows %q", v.detail.title.Text)
	}
	v.search.SetText("a") // both
	if !v.detail.pane.showing() {
		t.Fatal("a search that still lists Atlas cleared it")
	}
	v.search.SetText("borealis")
	if v.detail.pane.showing() {
		t.Fatalf("a search without Atlas still shows %q", v.detail.title.Text)
	}
	v.list.table.Select(widget.TableCellID{Row: 0, Col: 0})
	if v.detail.title.Text != "Borealis Goods" {
		t.Fatalf("tapping Borealis shows %q", v.detail.title.Text)
	}
}
