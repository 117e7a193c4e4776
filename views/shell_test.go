package views

import (
	"testing"

	"clockwork/app"
	"clockwork/app/apptest"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

// inline runs background work at once, so tests see its result without waiting or racing.
func inline(work func()) { work() }

func newTestShell(t *testing.T) (*shell, *app.App, *apptest.Clock) {
	t.Helper()
	test.NewTempApp(t)
	a, clock := apptest.NewApp(t)
	s := newShell(fyne.CurrentApp(), a, inline)
	s.win.Resize(fyne.NewSize(1240, 780))
	t.Cleanup(s.win.Close)
	return s, a, clock
}

func TestShellListsEveryScreen(t *testing.T) {
	s, _, _ := newTestShell(t)
	want := []string{"Today", "Suppliers", "Catalog", "Orders", "Purchase orders", "Receiving", "Pack & ship", "Returns", "Scorecards", "Settings"}
	if len(s.screens) != len(want) {
		t.Fatalf("%d screens, want %d", len(s.screens), len(want))
	}
	for i, title := range want {
		if s.screens[i].title != title {
			t.Errorf("screen %d is %q, want %q", i, s.screens[i].title, title)
		}
		s.nav.Select(i)
		if s.screens[i].obj == nil || len(s.body.Objects) != 1 || s.body.Objects[0] != s.screens[i].obj {
			t.Errorf("selecting %q did not show it", title)
		}
	}
	if s.win.Title() != "Clockwork" {
		t.Errorf("window title %q", s.win.Title())
	}
}

func TestNavigateKeepsScreens(t *testing.T) {
	s, _, _ := newTestShell(t)
	s.navigate(screenSettings)
	settingsView := s.screens[len(s.screens)-1].view.(*settings)
	settingsView.entries["name"].SetText("")
	test.Type(settingsView.entries["name"], "Linden & Loom")
	s.navigate(screenToday)
	s.navigate(screenSettings)
	if got := settingsView.entries["name"].Text; got != "Linden & Loom" {
		t.Errorf("typed text lost after moving between screens: %q", got)
	}
	if s.screens[len(s.screens)-1].view != settingsView {
		t.Error("the Settings screen was built again")
	}
}
