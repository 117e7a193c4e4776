package views

import (
	"fmt"

	"clockwork/app"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"
)

// sharedSource is what the shared-database card needs from the app.
type sharedSource interface {
	Where() string
	Shared() bool
	Close() error
}

// sharedPanel is Settings' "Where the shop is" card: the file on this computer or a shared
// PostgreSQL database, and the way from one to the other.
type sharedPanel struct {
	src  sharedSource
	win  fyne.Window
	bg   runner
	form *sharedDialog // the dialog last opened (tests reach into it)
	// switchTo opens the shop at loc in a new window instead of this one (switchShop).
	switchTo func(loc string) error
}

func newSharedPanel(src sharedSource, win fyne.Window, bg runner) *sharedPanel {
	return &sharedPanel{src: src, win: win, bg: bg, switchTo: func(loc string) error { return switchShop(win, src, loc) }}
}

func (p *sharedPanel) card() fyne.CanvasObject {
	where := "This shop is the file " + p.src.Where() + " on this computer. When several stations (a packing " +
		"bench, the office) work on one shop, put it on a PostgreSQL server they all reach: see the README's " +
		"\"Several stations, one shop\", then move this shop there with clockwork migrate."
	if p.src.Shared() {
		where = "This shop is on the shared database " + p.src.Where() + "."
	}
	text := widget.NewLabel(where)
	text.Wrapping = fyne.TextWrapWord
	use := widget.NewButton("Use a shared database…", p.onUseShared)
	buttons := container.NewHBox(use)
	if p.src.Shared() {
		buttons.Add(widget.NewButton("Use the file on this computer", p.onUseLocal))
	}
	return widget.NewCard("Where the shop is", "One laptop: a file. Several stations: a shared database.",
		container.NewVBox(text, buttons))
}

// onUseShared asks for the server and tests it before switching.
func (p *sharedPanel) onUseShared() {
	p.form = newSharedDialog(p.win, p.bg, func(loc string) error {
		if err := app.ChooseLocation(loc); err != nil {
			return err
		}
		return p.switchTo(app.WithoutPassword(loc))
	})
	p.form.show()
}

// onUseLocal goes back to the shop's file on this computer, after asking.
func (p *sharedPanel) onUseLocal() {
	local, err := app.LocalPath()
	if err != nil {
		dialog.ShowError(err, p.win)
		return
	}
	dialog.ShowConfirm("Use the file on this computer?",
		fmt.Sprintf("Clockwork will open the shop in %s instead of the shared database.\n"+
			"Nothing in either is changed or copied.", local), func(yes bool) {
			if !yes {
				return
			}
			if err := app.ChooseLocation(""); err != nil {
				dialog.ShowError(err, p.win)
				return
			}
			if err := p.switchTo(local); err != nil {
				dialog.ShowError(err, p.win)
			}
		}, p.win)
}
