package views

import (
	"fmt"

	"clockwork/app"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
)

// showResult replaces the plan with what was bought: the same counts the preview gave, and
// the POs as a scrolling list of links that open them on the Purchase orders screen.
func (p *purchasePreview) showResult(res app.PlanResult) {
	p.result = &res
	p.plan = res.Plan
	p.summary.SetText("Bought: " + countsText(res.Plan, &p.format) + ". Send the drafts from Purchase orders.")
	p.search.SetText(fmt.Sprintf("New drafts: %d; open drafts extended: %d. Each number opens its purchase order.", newPOs(res), len(res.PONumbers)-newPOs(res)))
	p.create.SetText("Open Purchase orders")
	p.create.OnTapped = func() { p.open(firstOf(res.PONumbers)) }
	p.create.Enable()
	list := widget.NewList(func() int { return len(res.POs) },
		func() fyne.CanvasObject {
			link := widget.NewHyperlink("PO-000000", nil)
			return container.NewBorder(nil, nil, link, nil, truncLabel())
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			if i < 0 || i >= len(res.POs) {
				return
			}
			row := o.(*fyne.Container)
			number, po := res.PONumbers[i], res.POs[i]
			link := row.Objects[1].(*widget.Hyperlink)
			link.SetText(number)
			link.OnTapped = func() { p.open(number) }
			row.Objects[0].(*widget.Label).SetText(fmt.Sprintf("%s · %s · %s", po.Supplier, nouns(len(po.Lines), "line"), p.format.money(po.Cost)))
		})
	p.body.Objects = []fyne.CanvasObject{list}
	p.body.Refresh()
}

// newPOs counts the drafts the purchase created (the others were open drafts extended).
func newPOs(res app.PlanResult) int {
	n := 0
	for _, po := range res.POs {
		if !po.Extends {
			n++
		}
	}
	return n
}

// open closes the dialog and shows one PO.
func (p *purchasePreview) open(number string) {
	p.gen++
	p.dlg.Hide()
	if number != "" && p.showPO != nil {
		p.showPO(number)
	}
}

func firstOf(xs []string) string {
	if len(xs) == 0 {
		return ""
	}
	return xs[0]
}
