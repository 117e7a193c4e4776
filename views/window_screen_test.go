package views

import (
	"testing"

	"fyne.io/fyne/v2"
)

// The first time, the window opens maximised on a laptop and roomy but not maximised on a
// big screen; after that as the owner left it, never bigger than the screen.
func TestWindowOpensSizedForTheScreen(t *testing.T) {
	laptop := workArea{1366, 768 - 32}
	big := workArea{1920, 1080 - 40}
	cases := []struct {
		name      string
		saved     fyne.Size
		maximised bool
		area      workArea
		want      placement
	}{
		{"first start on a laptop", fyne.Size{}, false, laptop, placement{fyne.NewSize(1366, 736), true, true}},
		{"first start on a 1440 wide laptop", fyne.Size{}, false, workArea{1440, 860}, placement{fyne.NewSize(1440, 860), true, true}},
		{"first start on a big screen", fyne.Size{}, false, big, placement{fyne.NewSize(1440, 900), false, true}},
		{"left at a size", fyne.NewSize(1500, 950), false, big, placement{fyne.NewSize(1500, 950), false, true}},
		{"left maximised", fyne.NewSize(1920, 1010), true, big, placement{fyne.NewSize(1920, 1010), true, true}},
		{"left big, now on a laptop", fyne.NewSize(1800, 1000), false, laptop, placement{fyne.NewSize(1366, 736), false, true}},
	}
	for _, c := range cases {
		if got := openingPlacement(c.saved, c.maximised, c.area); got != c.want {
			t.Errorf("%s: opens %+v, want %+v", c.name, got, c.want)
		}
	}
}

// A window counts as maximised when it fills the work area less its title bar.
func TestMaximisedIsAWindowThatFillsTheScreen(t *testing.T) {
	a := workArea{1366, 768}
	if !fillsArea(fyne.NewSize(1366, 747), a) {
		t.Error("a maximised window under a title bar does not count as maximised")
	}
	if fillsArea(fyne.NewSize(1200, 700), a) {
		t.Error("a 1200×700 window on a 1366×768 screen counts as maximised")
	}
}
