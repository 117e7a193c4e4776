package views

import (
	"fmt"
	"io"
	"log"

	"clockwork/app"
	"clockwork/assets"

	"fyne.io/fyne/v2"
	fyneapp "fyne.io/fyne/v2/app"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
)

// appID names Clockwork to the desktop (preferences, notifications); FyneApp.toml says the same.
const appID = "dev.clockwork.app"

// Run opens the window on the shop at loc (a file or a shared database's URL; "" for the
// default) and returns the exit code when the window closes. A database that cannot be opened
// gets a window saying why; a shared one that cannot be reached offers the file on this computer.
func Run(loc string) int {
	app.KeepMemorySmall()
	fa := fyneapp.NewWithID(appID)
	fa.SetIcon(fyne.NewStaticResource("icon.png", assets.Icon))
	if loc == "" {
		l, err := app.DefaultLocation()
		if err != nil {
			return showFatal(fa, err)
		}
		loc = l
	}
	a, err := app.Open(loc)
	switch {
	case err != nil && app.IsShared(loc):
		unreachable(fa, loc, err).ShowAndRun()
	case err != nil:
		return showFatal(fa, err)
	default:
		openShop(fa, a).ShowAndRun()
	}
	return 0
}

// openShop builds the main window on a, takes the day's backup and closes a when Clockwork
// ends (a switch to another shop closes a first, and its own shop at the end instead).
func openShop(fa fyne.App, a *app.App) fyne.Window {
	fa.Lifecycle().SetOnStopped(func() { a.Close() })
	go func() {
		if _, err := a.DailyBackup(); err != nil {
			log.Printf("daily backup: %v", err)
		}
	}()
	w := NewMainWindow(fa, a)
	placeOnScreen(w)
	return w
}

// switchShop opens the shop at loc in a new main window, then closes old, the window it
// replaces, and oldShop, the shop old showed.
func switchShop(old fyne.Window, oldShop io.Closer, loc string) error {
	a, err := app.Open(loc)
	if err != nil {
		return err
	}
	openShop(fyne.CurrentApp(), a).Show()
	old.Close()
	return oldShop.Close()
}

// showFatal shows why Clockwork cannot open, instead of failing silently.
func showFatal(fa fyne.App, err error) int {
	w := fa.NewWindow("Clockwork cannot open its database")
	msg := widget.NewLabel(fmt.Sprintf("Clockwork could not open its database:\n\n%v", err))
	msg.Wrapping = fyne.TextWrapWord
	w.SetContent(container.NewBorder(nil, container.NewCenter(widget.NewButton("Close", w.Close)), nil, nil, msg))
	w.Resize(fyne.NewSize(560, 220))
	w.ShowAndRun()
	return 1
}
