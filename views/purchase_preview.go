package views

import (
	"context"
	"errors"
	"fmt"

	"clockwork/app"
	"clockwork/data"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"
)

// purchaseSource is what "Purchase now" needs from the app.
type purchaseSource interface {
	PlanPurchasesWith(app.PlanOptions) (app.Plan, error)
	PurchaseWith(app.PlanOptions) (app.PlanResult, error)
	Shop() (data.Shop, error)
}

// finder opens another screen at one thing: an order by number, a product by SKU.
type finder interface {
	navigator
	findOrder(number string)
	findProduct(sku string)
}

// purchasePreview is the "Purchase now" dialog: what buying now would do, per supplier and
// line with why each supplier was chosen, the lines that will be late and those it cannot
// buy; Create drafts carries it out and lists the POs as links. The buttons stay in the
// bottom bar whatever the size of the plan; the lists scroll.
type purchasePreview struct {
	src     purchaseSource
	win     fyne.Window
	bg      runner
	nav     navigator
	showPO  func(number string)
	plan    app.Plan
	result  *app.PlanResult
	format  shopFormat
	summary *widget.Label // the counts, one line
	search  *widget.Label // how the suppliers were chosen
	status  *widget.Label // what is running, or what went wrong
	busy    *widget.ProgressBarInfinite
	cancel  *widget.Button // Cancel while working, Close otherwise
	create  *widget.Button
	body    *fyne.Container // the plan's tabs, then the result
	dlg     dialog.Dialog
	stop    context.CancelFunc // cancels the create in progress
	gen     int                // bumped by Cancel: work that finishes later is dropped
	working bool
	lines   *poLines // the lines of the PO chosen in the preview
	links   []*widget.Hyperlink
}

// startPurchase shows the dialog at once and plans off the UI thread.
func startPurchase(src purchaseSource, win fyne.Window, bg runner, nav navigator, showPO func(string)) *purchasePreview {
	p := &purchasePreview{src: src, win: win, bg: bg, nav: nav, showPO: showPO, format: shopFormat{currency: "EUR"}}
	p.build()
	p.dlg.Show()
	p.startWork("Working out what to buy…")
	gen := p.gen
	bg(func() {
		plan, err := src.PlanPurchasesWith(app.PlanOptions{})
		shop, serr := src.Shop()
		fyne.Do(func() {
			if gen != p.gen {
				return
			}
			p.stopWork()
			if serr == nil && shop.Currency != "" {
				p.format.currency = shop.Currency
			}
			if err != nil {
				p.status.SetText("Could not plan the purchases: " + sentence(err))
				return
			}
			p.show(plan)
		})
	})
	return p
}

func (p *purchasePreview) build() {
	p.summary = widget.NewLabel("")
	p.summary.Wrapping = fyne.TextWrapWord
	p.search = widget.NewLabel("")
	p.search.Wrapping = fyne.TextWrapWord
	p.search.TextStyle.Italic = true
	p.status = widget.NewLabel("")
	p.status.Truncation = fyne.TextTruncateEllipsis
	p.busy = widget.NewProgressBarInfinite()
	p.cancel = widget.NewButton("Cancel", p.onCancel)
	p.create = widget.NewButton("Create drafts", p.onCreate)
	p.create.Importance = widget.HighImportance
	p.create.Disable()
	p.body = container.NewStack(widget.NewLabel(""))
	bar := container.NewBorder(nil, nil, nil, container.NewHBox(p.cancel, p.create),
		container.NewBorder(nil, nil, nil, container.NewGridWrap(fyne.NewSize(160, p.busy.MinSize().Height), p.busy), p.status))
	top := container.NewVBox(p.summary, p.search)
	content := container.NewBorder(top, bar, nil, nil, p.body)
	p.dlg = dialog.NewCustomWithoutButtons("Purchase now", content, p.win)
	size := p.win.Canvas().Size()
	p.dlg.Resize(fyne.NewSize(max(size.Width*0.92, 720), max(size.Height*0.9, 480)))
}

// startWork shows the progress bar and turns the left button into Cancel.
func (p *purchasePreview) startWork(what string) {
	p.working = true
	p.status.SetText(what)
	p.busy.Show()
	p.busy.Start()
	p.cancel.SetText("Cancel")
	p.create.Disable()
}

func (p *purchasePreview) stopWork() {
	p.working = false
	p.busy.Stop()
	p.busy.Hide()
	p.status.SetText("")
	p.cancel.SetText("Close")
}

// onCancel closes the dialog; work still running is dropped when it ends, and a purchase not
// yet committed rolls back, buying nothing.
func (p *purchasePreview) onCancel() {
	if p.working && p.stop != nil {
		p.stop()
		p.status.SetText("Cancelling: nothing will be bought…")
		return
	}
	p.gen++
	p.dlg.Hide()
}

func (p *purchasePreview) show(plan app.Plan) {
	p.plan = plan
	p.summary.SetText(p.summaryText())
	p.search.SetText(plan.Search)
	if plan.LinesPlanned() > 0 {
		p.create.Enable()
	}
	p.body.Objects = []fyne.CanvasObject{p.planTabs()}
	p.body.Refresh()
}

// summaryText is the counts in one line; the result states the same counts after buying.
func (p *purchasePreview) summaryText() string {
	plan := p.plan
	switch {
	case plan.LinesPlanned() == 0 && len(plan.Exceptions) == 0:
		return "Nothing to buy: every open order line is on a purchase order already."
	case plan.LinesPlanned() == 0:
		return fmt.Sprintf("Nothing can be bought now: %s cannot be bought yet. See Cannot buy for what to fix.", nouns(len(plan.Exceptions), "line"))
	}
	return "To buy: " + countsText(plan, &p.format) + "."
}

// countsText is what a plan buys: order lines on POs, lines from spare stock, cost, and the
// lines that will be late or cannot be bought. Preview and result both say it.
func countsText(plan app.Plan, f *shopFormat) string {
	s := fmt.Sprintf("%s on %s, %s landed (%s policy)", nouns(plan.LinesToBuy(), "order line"), nouns(len(plan.POs), "purchase order"),
		f.money(plan.Cost()), plan.Policy)
	if n := len(plan.FromLeftovers); n > 0 {
		s += "; " + nouns(n, "line") + " from spare stock"
	}
	if n := len(plan.Late); n > 0 {
		s += "; " + nouns(n, "line") + " will ship late"
	}
	if n := len(plan.Exceptions); n > 0 {
		s += "; " + nouns(n, "line") + " cannot be bought yet"
	}
	return s
}

// onCreate carries the plan out, with progress and Cancel, then shows the POs it made.
func (p *purchasePreview) onCreate() {
	ctx, stop := context.WithCancel(context.Background())
	p.stop = stop
	p.startWork("Creating the draft purchase orders…")
	gen := p.gen
	p.bg(func() {
		res, err := p.src.PurchaseWith(app.PlanOptions{Context: ctx})
		fyne.Do(func() {
			stop()
			p.stop = nil
			if gen != p.gen {
				return
			}
			p.stopWork()
			switch {
			case errors.Is(err, context.Canceled):
				p.status.SetText("Cancelled: nothing was bought.")
				p.create.Enable()
			case err != nil:
				p.status.SetText("Nothing was bought: " + sentence(err))
				p.create.Enable()
			default:
				p.showResult(res)
			}
		})
	})
}

// fix closes the dialog and opens the screen where the exception is cleared.
func (p *purchasePreview) fix(e app.PlanException) {
	p.gen++
	p.dlg.Hide()
	f, ok := p.nav.(finder)
	switch {
	case !ok:
	case e.Reason == app.ExceptionUnknownSKU || e.Reason == app.ExceptionLate:
		f.findOrder(e.OrderNumber)
	default:
		f.findProduct(e.SKU)
	}
}

func fixLabel(r app.ExceptionReason) string {
	switch r {
	case app.ExceptionUnknownSKU:
		return "Map SKU"
	case app.ExceptionNoOffer:
		return "Add offer"
	case app.ExceptionOfferExpired:
		return "Renew offer"
	case app.ExceptionLate:
		return "Open order"
	}
	return "Pick another supplier"
}
