package views

import (
	"fmt"
	"strings"

	"clockwork/app"
	"clockwork/data"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"
)

// purchaseSource is what "Purchase now" needs from the app.
type purchaseSource interface {
	PlanPurchases() (app.Plan, error)
	Purchase() (app.PlanResult, error)
	Shop() (data.Shop, error)
}

// finder opens another screen at one thing: an order by number, a product by SKU.
type finder interface {
	navigator
	findOrder(number string)
	findProduct(sku string)
}

// purchasePreview is the "Purchase now" dialog: what buying now would do, per supplier,
// and every line it cannot buy with the way to fix it; Create drafts carries it out.
type purchasePreview struct {
	src     purchaseSource
	win     fyne.Window
	bg      runner
	nav     navigator
	showPO  func(number string)
	plan    app.Plan
	format  shopFormat
	summary *widget.Label
	create  *widget.Button
	result  *widget.Label
	dlg     dialog.Dialog
}

// startPurchase plans off the UI thread and shows the preview.
func startPurchase(src purchaseSource, win fyne.Window, bg runner, nav navigator, showPO func(string)) *purchasePreview {
	p := &purchasePreview{src: src, win: win, bg: bg, nav: nav, showPO: showPO, format: shopFormat{currency: "EUR"}}
	p.summary = widget.NewLabel("Working out what to buy…")
	p.summary.Wrapping = fyne.TextWrapWord
	p.result = widget.NewLabel("")
	p.result.Wrapping = fyne.TextWrapWord
	p.create = widget.NewButton("Create drafts", p.onCreate)
	p.create.Importance = widget.HighImportance
	p.create.Disable()
	bg(func() {
		plan, err := src.PlanPurchases()
		shop, serr := src.Shop()
		fyne.Do(func() {
			if serr == nil && shop.Currency != "" {
				p.format.currency = shop.Currency
			}
			if err != nil {
				dialog.ShowError(fmt.Errorf("could not plan the purchases: %s", sentence(err)), win)
				return
			}
			p.show(plan)
		})
	})
	return p
}

func (p *purchasePreview) show(plan app.Plan) {
	p.plan = plan
	p.summary.SetText(p.summaryText())
	if len(plan.POs) > 0 || len(plan.FromLeftovers) > 0 {
		p.create.Enable()
	}
	pos := widget.NewList(func() int { return len(plan.POs) },
		func() fyne.CanvasObject { return wrappedLabel() },
		func(i widget.ListItemID, o fyne.CanvasObject) {
			if i >= 0 && i < len(plan.POs) {
				o.(*widget.Label).SetText(p.poText(plan.POs[i]))
			}
		})
	exceptions := widget.NewList(func() int { return len(plan.Exceptions) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("")
			l.Truncation = fyne.TextTruncateEllipsis
			return container.NewBorder(nil, nil, nil, widget.NewButton("Pick another supplier", nil), l)
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			if i < 0 || i >= len(plan.Exceptions) {
				return
			}
			e := plan.Exceptions[i]
			row := o.(*fyne.Container)
			row.Objects[0].(*widget.Label).SetText(fmt.Sprintf("%s · %s: %s", e.OrderNumber, e.SKU, e.Detail))
			b := row.Objects[1].(*widget.Button)
			b.SetText(fixLabel(e.Reason))
			b.OnTapped = func() { p.fix(e) }
		})
	tabs := container.NewAppTabs(
		container.NewTabItem(fmt.Sprintf("Purchase orders (%d)", len(plan.POs)), pos),
		container.NewTabItem(fmt.Sprintf("Cannot buy (%d)", len(plan.Exceptions)), exceptions))
	if len(plan.POs) == 0 && len(plan.Exceptions) > 0 {
		tabs.SelectIndex(1)
	}
	body := container.NewBorder(container.NewVBox(p.summary, p.result), p.create, nil, nil, tabs)
	p.dlg = dialog.NewCustom("Purchase now", "Close", body, p.win)
	p.dlg.Resize(fyne.NewSize(760, 520))
	p.dlg.Show()
}

func wrappedLabel() *widget.Label {
	l := widget.NewLabel("Nordlicht Handelsgesellschaft\nsecond line")
	l.Wrapping = fyne.TextWrapWord
	return l
}

func (p *purchasePreview) summaryText() string {
	plan := p.plan
	if plan.LinesPlanned() == 0 && len(plan.Exceptions) == 0 {
		return "Nothing to buy: every open order line is on a purchase order already."
	}
	if plan.LinesPlanned() == 0 {
		return fmt.Sprintf("Nothing can be bought now: %s cannot be bought yet. See Cannot buy for what to fix.", nouns(len(plan.Exceptions), "line"))
	}
	parts := []string{fmt.Sprintf("%s to buy on %s, %s in all (%s policy)", nouns(plan.LinesPlanned()-len(plan.FromLeftovers), "order line"),
		nouns(len(plan.POs), "purchase order"), p.format.money(plan.Cost()), plan.Policy)}
	if n := len(plan.FromLeftovers); n > 0 {
		parts = append(parts, nouns(n, "line")+" served from spare stock")
	}
	if n := len(plan.Exceptions); n > 0 {
		parts = append(parts, nouns(n, "line")+" cannot be bought yet: see Cannot buy")
	}
	return strings.Join(parts, "; ") + "."
}

// poText is one planned PO: supplier, new or added to its draft, lines, cost, promise.
func (p *purchasePreview) poText(po app.PlannedPO) string {
	which := "new draft"
	if po.DraftNumber != "" {
		which = "added to " + po.DraftNumber
	}
	var skus []string
	for i, l := range po.Lines {
		if i == 4 {
			skus = append(skus, fmt.Sprintf("and %d more", len(po.Lines)-4))
			break
		}
		skus = append(skus, fmt.Sprintf("%d × %s (%s)", l.Qty, l.SKU, l.OrderNumber))
	}
	text := fmt.Sprintf("%s · %s · %s · %s · ship by %s\n%s", po.Supplier, which, nouns(len(po.Lines), "line"),
		p.format.money(po.Cost), po.PromisedDate, strings.Join(skus, ", "))
	if po.Warning != "" {
		text += "\n⚠ " + po.Warning
	}
	return text
}

func fixLabel(r app.ExceptionReason) string {
	switch r {
	case app.ExceptionUnknownSKU:
		return "Map SKU"
	case app.ExceptionNoOffer:
		return "Add offer"
	case app.ExceptionOfferExpired:
		return "Renew offer"
	}
	return "Pick another supplier"
}

// fix closes the preview and opens the screen where the exception is cleared.
func (p *purchasePreview) fix(e app.PlanException) {
	if p.dlg != nil {
		p.dlg.Hide()
	}
	f, ok := p.nav.(finder)
	switch {
	case !ok:
	case e.Reason == app.ExceptionUnknownSKU:
		f.findOrder(e.OrderNumber)
	default:
		f.findProduct(e.SKU)
	}
}

// onCreate carries the plan out and says which POs it made or extended.
func (p *purchasePreview) onCreate() {
	p.create.Disable()
	p.bg(func() {
		res, err := p.src.Purchase()
		fyne.Do(func() {
			if err != nil {
				p.result.SetText("Nothing was bought: " + sentence(err))
				p.create.Enable()
				return
			}
			p.plan = res.Plan
			p.summary.SetText(p.summaryText())
			p.result.SetText(fmt.Sprintf("Done: %s on %s. Send them from Purchase orders.", nouns(res.LinesPlanned(), "line"), strings.Join(res.PONumbers, ", ")))
			if len(res.PONumbers) > 0 && p.showPO != nil {
				p.showPO(res.PONumbers[0])
			}
		})
	})
}
