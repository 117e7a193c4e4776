package views

import (
	"fmt"

	"clockwork/app"
	"clockwork/assets"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"
)

// aboutSource is what the About box needs from the app.
type aboutSource interface {
	About() (app.About, error)
}

// showAbout shows Help → About: the version, the data folder (with a button that opens it)
// and the database's schema version. The texts can be selected to paste into a support mail.
func showAbout(win fyne.Window, a aboutSource) {
	ab, err := a.About()
	if err != nil {
		dialog.ShowError(fmt.Errorf("could not read the database's details: %w", err), win)
		return
	}
	dialog.ShowCustom("About Clockwork", "Close", aboutContent(win, ab), win)
}

// aboutContent lays out the About box for ab.
func aboutContent(win fyne.Window, ab app.About) fyne.CanvasObject {
	icon := canvas.NewImageFromResource(fyne.NewStaticResource("icon.png", assets.Icon))
	icon.FillMode = canvas.ImageFillContain
	icon.SetMinSize(fyne.NewSize(72, 72))
	name := widget.NewLabelWithStyle("Clockwork", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	version := selectable("Version " + ab.Version)
	tagline := widget.NewLabel("Orders, purchasing, receiving and shipping for shops that buy just in time.")
	tagline.Wrapping = fyne.TextWrapWord
	head := container.NewBorder(nil, nil, icon, nil, container.NewVBox(name, version))

	openFolder := widget.NewButton("Open data folder", func() {
		if err := openPath(ab.DataFolder); err != nil {
			dialog.ShowError(fmt.Errorf("could not open %s: %w", ab.DataFolder, err), win)
		}
	})
	details := widget.NewForm(
		widget.NewFormItem("Data folder", selectable(ab.DataFolder)),
		widget.NewFormItem("Database", selectable(ab.Database)),
		widget.NewFormItem("Schema", selectable(ab.SchemaText())),
	)
	body := container.NewVBox(head, tagline, details, container.NewHBox(openFolder))
	return container.NewGridWrap(fyne.NewSize(560, body.MinSize().Height), body)
}

// selectable is a label whose text the user can select and copy.
func selectable(text string) *widget.Label {
	l := widget.NewLabel(text)
	l.Selectable = true
	l.Wrapping = fyne.TextWrapBreak
	return l
}
