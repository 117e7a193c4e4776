package views

import (
	"fmt"

	"clockwork/app"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// orderFilterer opens the Orders screen on one of its filters ("Unknown SKU", "At risk").
type orderFilterer interface{ showOrders(filter string) }

// nextSteps is the card at the top of Today while a new shop's first steps are not all done:
// each step says what to do and has the button that starts it; a done step is ticked.
type nextSteps struct {
	t    *today
	card *widget.Card
	rows *fyne.Container
}

func newNextSteps(t *today) *nextSteps {
	n := &nextSteps{t: t, rows: container.NewVBox()}
	n.card = widget.NewCard("Next steps", "Until these are done, Clockwork cannot buy for your orders on its own.", n.rows)
	n.card.Hide()
	return n
}

// show lists the steps as s has them; the card goes once all are done.
func (n *nextSteps) show(s app.Setup) {
	if s.Done() {
		n.card.Hide()
		return
	}
	unknown := "Every ordered SKU is in the catalog."
	if s.UnknownSKUs > 0 {
		unknown = fmt.Sprintf("%s on open orders are not in the catalog: map each to a product, or create the product.", nouns(int(s.UnknownSKUs), "line"))
	}
	n.rows.Objects = []fyne.CanvasObject{
		n.step(s.VettedSupplier, "Add a supplier, answer its vetting questions and make it active.", "Open suppliers", func() { n.t.nav.navigate(screenSuppliers) }),
		n.step(s.PriceList, "Import a supplier's price list: its products and what they cost you.", "Import price list…", n.t.onPriceList),
		n.step(s.UnknownSKUs == 0, unknown, "Map unknown SKUs", func() { n.t.openOrders("Unknown SKU") }),
		n.step(s.Branded, "Set your shop's name and logo: they head every packing slip and purchase order.", "Open settings", func() { n.t.nav.navigate(screenSettings) }),
	}
	n.rows.Refresh()
	n.card.Show()
}

func (n *nextSteps) step(done bool, text, action string, do func()) fyne.CanvasObject {
	icon := widget.NewIcon(theme.RadioButtonIcon())
	label := widget.NewLabel(text)
	label.Wrapping = fyne.TextWrapWord
	var right fyne.CanvasObject
	if done {
		icon.SetResource(theme.NewSuccessThemedResource(theme.ConfirmIcon()))
		label.Importance = widget.LowImportance
	} else {
		right = widget.NewButton(action, func() {
			if do != nil {
				do()
			}
		})
	}
	return container.NewBorder(nil, nil, icon, right, label)
}
