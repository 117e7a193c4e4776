package views

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
)

func settingsOf(s *shell) *settings {
	s.navigate(screenSettings)
	return s.screens[len(s.screens)-1].view.(*settings)
}

func retype(v *settings, key, text string) {
	v.entries[key].SetText("")
	test.Type(v.entries[key], text)
}

func TestSettingsSavesTheShop(t *testing.T) {
	s, a, _ := newTestShell(t)
	v := settingsOf(s)
	retype(v, "name", "Linden & Loom")
	retype(v, "address", "Karl-Heine-Straße 42\n04229 Leipzig")
	retype(v, "accent", "#aa3300")
	v.paper.SetSelected(paperNames["letter"])
	if v.unsavedChanges() == "" {
		t.Error("typed changes are not reported as unsaved")
	}
	test.Tap(v.save)
	shop, _ := a.Shop()
	if shop.Name != "Linden & Loom" || shop.AccentColor != "#AA3300" || shop.Paper != "letter" || !strings.Contains(shop.Address, "Leipzig") {
		t.Errorf("stored shop %+v", shop)
	}
	if v.status.Text != "Saved." || v.unsavedChanges() != "" {
		t.Errorf("after saving: status %q, unsaved %q", v.status.Text, v.unsavedChanges())
	}
}

func TestSettingsRefusesBadInputAndSaysWhy(t *testing.T) {
	s, a, _ := newTestShell(t)
	v := settingsOf(s)
	retype(v, "accent", "teal")
	retype(v, "handling", "two")
	test.Tap(v.save)
	for _, want := range []string{"Not saved", "two", "Handling days"} {
		if !strings.Contains(v.status.Text, want) {
			t.Errorf("status %q lacks %q", v.status.Text, want)
		}
	}
	retype(v, "handling", "2")
	test.Tap(v.save)
	if !strings.Contains(v.status.Text, "teal") {
		t.Errorf("status %q does not name the bad colour", v.status.Text)
	}
	shop, _ := a.Shop()
	if shop.AccentColor == "teal" || shop.HandlingDays == 2 {
		t.Errorf("a refused form was stored: %+v", shop)
	}
	if v.entries["accent"].Text != "teal" {
		t.Error("the form lost what the user typed")
	}
}

func TestClosingWithUnsavedSettingsAsks(t *testing.T) {
	s, _, _ := newTestShell(t)
	v := settingsOf(s)
	retype(v, "name", "Half-typed")
	s.onClose()
	if len(s.win.Canvas().Overlays().List()) == 0 {
		t.Error("closing with unsaved changes did not ask")
	}
}

func TestSettingsBackups(t *testing.T) {
	s, a, _ := newTestShell(t)
	v := settingsOf(s)
	test.Tap(button(t, v.root, "Back up now"))
	files, _ := a.Backups()
	if len(files) != 1 || len(v.backups.files) != 1 || !strings.Contains(v.backups.status.Text, files[0].Name) {
		t.Fatalf("after Back up now: %d files, list %d, status %q", len(files), len(v.backups.files), v.backups.status.Text)
	}
	test.Tap(button(t, v.root, "Restore selected…"))
	if !strings.Contains(v.backups.status.Text, "Select a backup") {
		t.Errorf("restore without a selection: %q", v.backups.status.Text)
	}
}
