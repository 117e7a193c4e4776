package views

import (
	"testing"
	"time"

	"clockwork/data"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// pressShortcut does what the desktop driver does with a shortcut: it runs the menu item
// that carries it, wherever the focus is.
func pressShortcut(t *testing.T, s *shell, sc fyne.Shortcut) {
	t.Helper()
	for _, m := range s.win.MainMenu().Items {
		for _, i := range m.Items {
			if i.Shortcut != nil && i.Shortcut.ShortcutName() == sc.ShortcutName() {
				i.Action()
				return
			}
		}
	}
	t.Fatalf("no menu item has %s", shortcutText(sc))
}

// The daily loop runs from the keyboard: switch screens, find, new, purchase now, print, save.
func TestShortcutsForTheDailyLoop(t *testing.T) {
	s, a, clock := newTestShell(t)
	stockShop(t, a, clock.T.Add(-time.Hour))
	for i, sc := range s.screens {
		pressShortcut(t, s, ctrl(screenKeys[i]))
		if s.current() != sc.view || sc.view == nil {
			t.Errorf("Ctrl+%s did not show %s", screenKeys[i], sc.title)
		}
	}
	pressShortcut(t, s, ctrl(fyne.Key4))
	o := ordersOf(t, s)
	pressShortcut(t, s, ctrl(fyne.KeyF))
	if s.win.Canvas().Focused() != o.search {
		t.Errorf("Ctrl+F on Orders focused %v, want the search box", s.win.Canvas().Focused())
	}
	pressShortcut(t, s, ctrl(fyne.KeyN))
	if o.form == nil {
		t.Error("Ctrl+N on Orders did not open New order")
	}
	s.win.Canvas().Overlays().Top().Hide()
	pressShortcut(t, s, ctrl(fyne.KeyB))
	if s.lastPreview == nil {
		t.Error("Ctrl+B did not open Purchase now")
	}
	s.win.Canvas().Overlays().Top().Hide()

	pressShortcut(t, s, ctrl(fyne.Key2))
	sup := s.current().(*suppliers)
	sup.list.table.Select(widget.TableCellID{Row: 0, Col: 0})
	sup.detail.form.byKey["phone"].entry.SetText("+49 30 1234")
	pressShortcut(t, s, ctrl(fyne.KeyS))
	got, err := a.Supplier(sup.detail.form.loaded.ID)
	if err != nil || got.Phone != "+49 30 1234" {
		t.Errorf("Ctrl+S on a supplier saved %q (%v)", got.Phone, err)
	}
	if _, err := a.Purchase(); err != nil {
		t.Fatal(err)
	}
	p := posOf(t, s)
	p.showPO("PO-000001")
	pressShortcut(t, s, ctrl(fyne.KeyP))
	if p.detail.sentPath == "" {
		t.Error("Ctrl+P on a purchase order made no PDF")
	}
}

// Enter submits and Esc cancels a dialog, with the cursor in one of its fields or not.
func TestEnterSubmitsAndEscCancelsDialogs(t *testing.T) {
	s, a, clock := newTestShell(t)
	stockShop(t, a, clock.T.Add(-time.Hour))
	if _, err := a.Purchase(); err != nil {
		t.Fatal(err)
	}
	p := posOf(t, s)
	p.showPO("PO-000001")
	d := p.detail
	overlays := s.win.Canvas().Overlays()

	test.Tap(d.send) // Esc with the cursor in the date: nothing is sent
	s.win.Canvas().Focus(d.form.days["promised"])
	d.form.days["promised"].TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if overlays.Top() != nil || d.po.Status != data.PODraft {
		t.Fatalf("Esc in Send: dialog open %v, PO %s", overlays.Top() != nil, d.po.Status)
	}
	test.Tap(d.send) // Enter with the cursor in the date: sent
	s.win.Canvas().Focus(d.form.days["promised"])
	d.form.days["promised"].TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if d.po.Status != data.POSent {
		t.Fatalf("Enter in Send left the PO %s (%s)", d.po.Status, d.warn.Text)
	}
	for overlays.Top() != nil { // the "sent" message, closed with Esc
		s.dialogKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	}

	test.Tap(d.ack) // Enter without a focused field: the answer is saved
	d.form.entries["tracking"].SetText("JD0142")
	s.win.Canvas().Unfocus()
	s.dialogKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if d.po.Status != data.POAcknowledged || d.po.Tracking != "JD0142" {
		t.Fatalf("Enter in Acknowledge: %s, tracking %q (%s)", d.po.Status, d.po.Tracking, d.warn.Text)
	}

	test.Tap(d.close) // a confirmation: Esc says no
	s.dialogKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if overlays.Top() != nil || d.po.Status != data.POAcknowledged {
		t.Fatalf("Esc on Close short: dialog open %v, PO %s", overlays.Top() != nil, d.po.Status)
	}
	test.Tap(d.close) // and Enter yes
	s.dialogKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if d.po.Status != data.POClosedShort {
		t.Fatalf("Enter on Close short left the PO %s", d.po.Status)
	}
}
