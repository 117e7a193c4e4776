package views

import (
	"context"
	"errors"
	"fmt"

	"clockwork/app"
	"clockwork/app/demo"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"
)

// demoOrders is the size of the demo shop the window makes: a year of a small shop.
const demoOrders = 2000

// runDemo fills the empty database with the demo shop, showing progress; Cancel leaves the
// database as it was.
func runDemo(a *app.App, w fyne.Window, bg runner) {
	ctx, cancel := context.WithCancel(context.Background())
	bar := widget.NewProgressBar()
	label := widget.NewLabel("Simulating a year of Linden & Loom, a home and garden shop…")
	cancelBtn := widget.NewButton("Cancel", cancel)
	d := dialog.NewCustomWithoutButtons("Making the demo shop", container.NewVBox(label, bar, container.NewCenter(cancelBtn)), w)
	d.Resize(fyne.NewSize(460, 160))
	d.Show()
	bg(func() {
		sum, err := demo.Generate(ctx, a, demo.Options{Orders: demoOrders, Seed: 1, Progress: func(done, total int) {
			fyne.Do(func() { bar.SetValue(float64(done) / float64(total)) })
		}})
		cancel()
		fyne.Do(func() {
			d.Hide()
			switch {
			case errors.Is(err, context.Canceled):
				dialog.ShowInformation("Demo cancelled", "Nothing was added.", w)
			case err != nil:
				dialog.ShowError(fmt.Errorf("the demo shop could not be made: %w", err), w)
			default:
				dialog.ShowInformation("Demo shop ready", fmt.Sprintf("%d suppliers, %d products and %d orders from %s to %s.",
					sum.Suppliers, sum.Products, sum.Orders, sum.From, sum.To), w)
			}
		})
	})
}
