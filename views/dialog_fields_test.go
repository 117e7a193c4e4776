package views

import (
	"fmt"
	"testing"
	"time"

	"clockwork/app/apptest"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// dialogCase opens one dialog with fields on a shop that has what it needs.
type dialogCase struct {
	name string
	open func(t *testing.T, s *shell)
}

// dialogsWithFields are every dialog in which the owner types: the walk below covers each.
var dialogsWithFields = []dialogCase{
	{"New order", func(t *testing.T, s *shell) { ordersOf(t, s).onNewOrder() }},
	{"Map SKU", func(t *testing.T, s *shell) { ordersOf(t, s).detail.onMapSKU(1, "GHOST-9") }},
	{"Create product", func(t *testing.T, s *shell) { ordersOf(t, s).detail.onCreateProduct(1, "") }},
	{"Send PO", func(t *testing.T, s *shell) { firstPO(t, s).onSend() }},
	{"Acknowledge PO", func(t *testing.T, s *shell) { firstPO(t, s).onAck() }},
	{"Change a PO line", func(t *testing.T, s *shell) { d := firstPO(t, s); selectLine(d, 0); d.onEditLine() }},
	{"Move a PO line", func(t *testing.T, s *shell) {
		d := firstPO(t, s)
		selectLine(d, lineIndex(t, d, "MUG-1", "#1"))
		d.onMoveLine()
	}},
	{"Print", func(t *testing.T, s *shell) { fakeLP(t); showPrint(s.win, s.bg, "slip.pdf") }},
	{"Add an offer", func(t *testing.T, s *shell) {
		s.navigate(screenCatalog)
		v := catalogOf(s)
		row, ok := v.list.row(0)
		if !ok {
			t.Fatal("no product in the catalog")
		}
		v.list.onSelect(row)
		test.Tap(v.detail.offers.add)
	}},
	{"Mark shipped", func(t *testing.T, s *shell) {
		p := viewOf[*pack](s, screenPack)
		p.onSelectAll()
		p.onShip()
	}},
	{"Start a return (order)", func(t *testing.T, s *shell) { ordersOf(t, s).search.SetText(""); startReturnOf(t, s, "1001") }},
	{"Start a return (find the order)", func(t *testing.T, s *shell) { returnsOf(t, s).onStartReturn() }},
}

// In every dialog with fields, Esc typed in any field cancels the dialog and Enter presses
// its main button (a multi-line field keeps Enter for a new line).
func TestEveryDialogTakesEnterAndEscFromItsFields(t *testing.T) {
	for _, c := range dialogsWithFields {
		t.Run(c.name, func(t *testing.T) {
			s := dialogShop(t)
			overlays := s.win.Canvas().Overlays()
			c.open(t, s)
			top := overlays.Top()
			if top == nil {
				t.Fatal("no dialog opened")
			}
			fields := dialogInputs(top)
			if len(fields) == 0 {
				t.Fatal("the dialog has no fields")
			}
			closeAll(s)
			for i := range fields {
				c.open(t, s)
				f := dialogInputs(overlays.Top())[i]
				what := fmt.Sprintf("%T #%d", f, i)
				if !pressesMain(t, s, f) && !keepsEnter(f) {
					t.Errorf("Enter in %s did not press the dialog's main button", what)
				}
				top := overlays.Top()
				s.win.Canvas().Focus(f)
				f.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
				if overlays.Top() == top {
					t.Errorf("Esc in %s left the dialog open", what)
				}
				closeAll(s)
			}
		})
	}
}

// pressesMain types Enter in f and says whether the dialog's main button was pressed,
// without doing what it does.
func pressesMain(t *testing.T, s *shell, f fyne.Focusable) bool {
	t.Helper()
	main := mainButton(s.win.Canvas().Overlays().Top())
	if main == nil {
		t.Fatal("the dialog has no main button")
	}
	pressed, was, disabled := false, main.OnTapped, main.Disabled()
	main.OnTapped = func() { pressed = true }
	main.Enable() // as when the form is filled in
	s.win.Canvas().Focus(f)
	f.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	main.OnTapped = was
	if disabled {
		main.Disable()
	}
	return pressed
}

// keepsEnter says whether Enter means something in f itself: a new line, or its own submit
// (the tracking numbers a scanner types, each ending with Enter).
func keepsEnter(f fyne.Focusable) bool {
	switch x := f.(type) {
	case *dialogField:
		return x.MultiLine || x.OnSubmitted != nil
	case *dialogPickList: // Enter picks the row
		return true
	}
	return false
}

// closeAll cancels every dialog still open.
func closeAll(s *shell) {
	for i := 0; i < 5 && s.win.Canvas().Overlays().Top() != nil; i++ {
		s.dialogKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	}
	for s.win.Canvas().Overlays().Top() != nil {
		s.win.Canvas().Overlays().Remove(s.win.Canvas().Overlays().Top())
	}
}

// dialogInputs are the fields the owner can type or pick in under o: everything that takes
// the keyboard except buttons and links.
func dialogInputs(o fyne.CanvasObject) []fyne.Focusable {
	var out []fyne.Focusable
	for _, x := range test.LaidOutObjects(o) {
		switch x.(type) {
		case *widget.Button, *widget.Hyperlink:
			continue
		}
		if f, ok := x.(fyne.Focusable); ok && x.Visible() {
			if d, ok := f.(fyne.Disableable); ok && d.Disabled() {
				continue
			}
			out = append(out, f)
		}
	}
	return out
}

// dialogShop is a shop with a draft PO, an order with an unknown SKU, orders ready to ship
// and a shipped order, so that every dialog has something to open on.
func dialogShop(t *testing.T) *shell {
	t.Helper()
	s, a, clock := newTestShell(t)
	stockShop(t, a, clock.T.Add(-time.Hour))
	if _, err := a.Purchase(); err != nil {
		t.Fatal(err)
	}
	po := apptest.MakeSentPO(t, a, "Acme", spec("#2001", "BET-100", 1))
	if _, err := a.ReceiveAll(po.ID, apptest.Now); err != nil {
		t.Fatal(err)
	}
	shipOrder(t, a, "Atlas", "#1001", map[string]int{"MUG-1": 2})
	return s
}

func firstPO(t *testing.T, s *shell) *poDetail {
	t.Helper()
	p := posOf(t, s)
	p.showPO("PO-000001")
	return p.detail
}
