package views

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
)

// comingScreen stands in for a screen whose capability has not been built yet: it says
// plainly what the screen will hold and pretends nothing.
type comingScreen struct {
	title, holds string
}

func placeholder(title, holds string) func() view {
	return func() view { return &comingScreen{title: title, holds: holds} }
}

func (c *comingScreen) content() fyne.CanvasObject {
	heading := widget.NewLabelWithStyle(c.title, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	what := widget.NewLabel(c.holds)
	what.Wrapping = fyne.TextWrapWord
	note := widget.NewLabel("Not available in this version of Clockwork yet.")
	note.Importance = widget.LowImportance
	return container.NewPadded(container.NewVBox(heading, what, note))
}
