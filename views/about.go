package views

import (
	"path/filepath"

	"clockwork/app"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
)

// showAbout shows Help → About: where the shop's data lives.
func showAbout(win fyne.Window, a *app.App) {
	dialog.ShowInformation("About Clockwork", "Clockwork, for shops that buy just in time.\n\nData folder: "+filepath.Dir(a.Path())+
		"\nDatabase: "+filepath.Base(a.Path()), win)
}
