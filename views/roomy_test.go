package views

import (
	"testing"

	"clockwork/app/apptest"

	"fyne.io/fyne/v2"
)

// The window opens at the size the owner left it, and each screen's divider where they put
// it; the first time, at a size that fits a laptop screen.
func TestWindowSizeAndDividersAreRemembered(t *testing.T) {
	s, _, _ := newTestShell(t)
	s.restoreSize()
	if size := s.win.Canvas().Size(); size.Width > 1366 || size.Height > 768-60 {
		t.Errorf("first size %v does not fit a 1366×768 laptop with its panel", size)
	}
	s.win.Resize(fyne.NewSize(1500, 900))
	s.navigate(screenOrders)
	splits := splitsIn(ordersOf(t, s).root)
	if len(splits) != 1 || splits[0].Offset < 0.7 {
		t.Fatalf("Orders' list gets %v of the height, want most of it", splits)
	}
	splits[0].SetOffset(0.55)
	s.saveLayout()

	other, _ := apptest.NewApp(t)
	again := newShell(fyne.CurrentApp(), other, inline)
	t.Cleanup(again.win.Close)
	if size := again.win.Canvas().Size(); size.Width != 1500 || size.Height != 900 {
		t.Errorf("the window opened at %v, want the 1500×900 it was left at", size)
	}
	again.navigate(screenOrders)
	if off := splitsIn(ordersOf(t, again).root)[0].Offset; off != 0.55 {
		t.Errorf("Orders' divider at %v, want 0.55 where it was left", off)
	}
}
