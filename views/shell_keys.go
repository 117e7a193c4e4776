package views

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"
)

// ctrl is Ctrl+key (Cmd+key on a Mac).
func ctrl(key fyne.KeyName) fyne.Shortcut {
	return &desktop.CustomShortcut{KeyName: key, Modifier: fyne.KeyModifierShortcutDefault}
}

// ctrlShift is Ctrl+Shift+key.
func ctrlShift(key fyne.KeyName) fyne.Shortcut {
	return &desktop.CustomShortcut{KeyName: key, Modifier: fyne.KeyModifierShortcutDefault | fyne.KeyModifierShift}
}

// screenKeys are the keys that switch screens, in the navigation's order: Ctrl+1 … Ctrl+9,
// and Ctrl+0 for the tenth (Settings).
var screenKeys = []fyne.KeyName{fyne.Key1, fyne.Key2, fyne.Key3, fyne.Key4, fyne.Key5, fyne.Key6, fyne.Key7, fyne.Key8, fyne.Key9, fyne.Key0}

// item is a menu entry with its shortcut (nil for none).
func item(label string, key fyne.Shortcut, action func()) *fyne.MenuItem {
	i := fyne.NewMenuItem(label, action)
	i.Shortcut = key
	return i
}

// makeMenu builds the menu bar. The desktop driver runs an item's shortcut from anywhere in
// the window, a focused search box included.
func (s *shell) makeMenu() *fyne.MainMenu {
	quit := item("Quit", ctrl(fyne.KeyQ), s.onClose)
	quit.IsQuit = true
	file := fyne.NewMenu("File",
		item("Import orders…", ctrl(fyne.KeyI), s.importOrders),
		item("Import price list…", ctrlShift(fyne.KeyI), s.importPriceList),
		fyne.NewMenuItemSeparator(),
		item("Back up now", nil, s.backupNow),
		fyne.NewMenuItemSeparator(),
		quit,
	)
	edit := fyne.NewMenu("Actions",
		item("Find", ctrl(fyne.KeyF), s.focusSearch),
		item("New", ctrl(fyne.KeyN), s.onNew),
		item("Save", ctrl(fyne.KeyS), s.onSave),
		item("Print", ctrl(fyne.KeyP), s.onPrint),
		fyne.NewMenuItemSeparator(),
		item("Purchase now…", ctrl(fyne.KeyB), s.purchaseNow),
	)
	var screens []*fyne.MenuItem
	for i, sc := range s.screens {
		id := i
		screens = append(screens, item(sc.title, ctrl(screenKeys[i]), func() { s.nav.Select(id) }))
	}
	help := fyne.NewMenu("Help",
		item("Keyboard shortcuts", &desktop.CustomShortcut{KeyName: fyne.KeySlash, Modifier: fyne.KeyModifierShortcutDefault}, s.showShortcuts),
		item("About Clockwork", nil, func() { showAbout(s.win, s.app) }),
	)
	return fyne.NewMainMenu(file, edit, fyne.NewMenu("Go", screens...), help)
}

// current is the view on screen.
func (s *shell) current() view {
	for _, sc := range s.screens {
		if len(s.body.Objects) == 1 && sc.obj == s.body.Objects[0] {
			return sc.view
		}
	}
	return nil
}

// focusSearch puts the cursor in the screen's search box.
func (s *shell) focusSearch() {
	var box *widget.Entry
	switch v := s.current().(type) {
	case *orders:
		box = v.search
	case *suppliers:
		box = v.search
	case *catalog:
		box = v.search
	case *purchaseOrders:
		box = v.search
	case *receiving:
		box = v.search
	case *pack:
		box = v.search
	case *returns:
		box = v.search
	}
	if box != nil {
		s.win.Canvas().Focus(box)
	}
}

// onNew starts a new record of the screen's kind: an order, a supplier or a product.
func (s *shell) onNew() {
	switch v := s.current().(type) {
	case *orders:
		v.onNewOrder()
	case *suppliers:
		v.onNew()
	case *catalog:
		v.onNew()
	}
}

// onSave presses the screen's Save button, when it can be pressed.
func (s *shell) onSave() {
	switch v := s.current().(type) {
	case *suppliers:
		press(v.detail.save)
	case *catalog:
		press(v.detail.save)
	case *returns:
		if v.detail.current != nil {
			press(v.detail.save)
		}
	case *settings:
		press(v.save)
	}
}

// onPrint prints what the screen prints: the packing slips of the orders picked, or the open
// purchase order's PDF.
func (s *shell) onPrint() {
	switch v := s.current().(type) {
	case *pack:
		v.onPrint("packing-slips", false)
	case *purchaseOrders:
		if v.detail.pane.showing() {
			press(v.detail.pdf)
		}
	}
}

// press taps a button the way a click would: not when it is disabled or hidden.
func press(b *widget.Button) {
	if b != nil && !b.Disabled() && b.Visible() && b.OnTapped != nil {
		b.OnTapped()
	}
}

// importPriceList opens "Import a price list".
func (s *shell) importPriceList() {
	openCatalogImport(s.app, s.win, s.bg, "", func(string) {})
}

// backupNow writes a backup off the UI thread and says where it went.
func (s *shell) backupNow() {
	s.bg(func() {
		path, err := s.app.BackupNow()
		fyne.Do(func() {
			if err != nil {
				dialog.ShowError(fmt.Errorf("the backup could not be written: %w", err), s.win)
				return
			}
			dialog.ShowInformation("Backed up", "The shop's data is saved in\n"+path, s.win)
		})
	})
}

// showShortcuts lists the keyboard shortcuts, read off the menu so the list cannot drift.
func (s *shell) showShortcuts() {
	var rows []fyne.CanvasObject
	for _, m := range s.win.MainMenu().Items {
		for _, i := range m.Items {
			if i.Shortcut == nil {
				continue
			}
			rows = append(rows, widget.NewLabel(shortcutText(i.Shortcut)), widget.NewLabel(m.Label+" → "+i.Label))
		}
	}
	rows = append(rows, widget.NewLabel("Enter"), widget.NewLabel("In a dialog: its main button (Send, Save, …)"),
		widget.NewLabel("Esc"), widget.NewLabel("In a dialog: Cancel"))
	dialog.ShowCustom("Keyboard shortcuts", "Close", container.NewVScroll(container.NewGridWithColumns(2, rows...)), s.win)
}

// shortcutText writes a shortcut as a person reads it: "Ctrl+Shift+I".
func shortcutText(sc fyne.Shortcut) string {
	c, ok := sc.(*desktop.CustomShortcut)
	if !ok {
		return sc.ShortcutName()
	}
	var parts []string
	if c.Modifier&(fyne.KeyModifierShortcutDefault|fyne.KeyModifierControl|fyne.KeyModifierSuper) != 0 {
		parts = append(parts, "Ctrl")
	}
	if c.Modifier&fyne.KeyModifierShift != 0 {
		parts = append(parts, "Shift")
	}
	return strings.Join(append(parts, string(c.KeyName)), "+")
}
