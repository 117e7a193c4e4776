package views

import (
	"fmt"
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

// Run opens the window on the database at dbPath ("" for the default) and returns the exit
// code when the window closes. A database that cannot be opened gets a window saying why.
func Run(dbPath string) int {
	app.KeepMemorySmall()
	fa := fyneapp.NewWithID(appID)
	fa.SetIcon(fyne.NewStaticResource("icon.png", assets.Icon))
	if dbPath == "" {
		p, err := app.DefaultPath()
		if err != nil {
			return showFatal(fa, err)
		}
		dbPath = p
	}
	a, err := app.Open(dbPath)
	if err != nil {
		return showFatal(fa, err)
	}
	defer a.Close()
	go func() {
		if _, err := a.DailyBackup(); err != nil {
			log.Printf("daily backup: %v", err)
		}
	}()
	w := NewMainWindow(fa, a)
	placeOnScreen(w)
	w.ShowAndRun()
	return 0
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
