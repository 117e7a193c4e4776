package views

import (
	"fmt"
	"strings"

	"clockwork/app"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
)

// planTabs shows the plan: the POs above the chosen PO's lines, the late lines, and the
// lines that cannot be bought. Every row is one line high, truncated, so none overlaps.
func (p *purchasePreview) planTabs() fyne.CanvasObject {
	plan := p.plan
	p.lines = newPOLines(&p.format)
	pos := widget.NewList(func() int { return len(plan.POs) },
		func() fyne.CanvasObject {
			head, sub := truncLabel(), truncLabel()
			head.TextStyle.Bold = true
			return container.NewVBox(head, sub)
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			if i < 0 || i >= len(plan.POs) {
				return
			}
			head, sub := p.poText(plan.POs[i])
			row := o.(*fyne.Container)
			row.Objects[0].(*widget.Label).SetText(head)
			row.Objects[1].(*widget.Label).SetText(sub)
		})
	pos.OnSelected = func(i widget.ListItemID) {
		if i >= 0 && i < len(plan.POs) {
			p.lines.show(plan.POs[i])
		}
	}
	split := container.NewVSplit(pos, p.lines.view)
	split.Offset = 0.45
	tabs := container.NewAppTabs(
		container.NewTabItem(fmt.Sprintf("Purchase orders (%d)", len(plan.POs)), split),
		container.NewTabItem(fmt.Sprintf("Will be late (%d)", len(plan.Late)), p.exceptionList(plan.Late)),
		container.NewTabItem(fmt.Sprintf("Cannot buy (%d)", len(plan.Exceptions)), p.exceptionList(plan.Exceptions)))
	if len(plan.POs) > 0 {
		pos.Select(0)
	} else if len(plan.Exceptions) > 0 {
		tabs.SelectIndex(2)
	}
	return tabs
}

func truncLabel() *widget.Label {
	l := widget.NewLabel("")
	l.Truncation = fyne.TextTruncateEllipsis
	return l
}

// poText is one planned PO in two lines: supplier, new or added to its draft, lines, what it
// adds (goods, fee, shipping) and promise; then its warning, else its SKUs.
func (p *purchasePreview) poText(po app.PlannedPO) (string, string) {
	which := "new draft"
	if po.DraftNumber != "" {
		which = "added to " + po.DraftNumber
	}
	cost := p.format.money(po.Cost)
	if po.Fee != 0 || po.Shipping != 0 {
		cost += fmt.Sprintf(" (goods %s, fee %s, shipping %s)", p.format.money(po.Goods), p.format.money(po.Fee), p.format.money(po.Shipping))
	}
	head := fmt.Sprintf("%s · %s · %s · %s · promised %s", po.Supplier, which, nouns(len(po.Lines), "line"), cost, po.PromisedDate)
	if po.Warning != "" {
		return head, "⚠ " + po.Warning
	}
	var skus []string
	for i, l := range po.Lines {
		if i == 6 {
			skus = append(skus, fmt.Sprintf("and %d more", len(po.Lines)-6))
			break
		}
		skus = append(skus, fmt.Sprintf("%d × %s (%s)", l.Qty, l.SKU, l.OrderNumber))
	}
	return head, strings.Join(skus, ", ")
}

// exceptionList lists lines that need the owner, each with the button that leads to the fix.
func (p *purchasePreview) exceptionList(es []app.PlanException) fyne.CanvasObject {
	if len(es) == 0 {
		return container.NewCenter(widget.NewLabel("None."))
	}
	return widget.NewList(func() int { return len(es) },
		func() fyne.CanvasObject {
			return container.NewBorder(nil, nil, nil, widget.NewButton("Pick another supplier", nil), truncLabel())
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			if i < 0 || i >= len(es) {
				return
			}
			e := es[i]
			row := o.(*fyne.Container)
			row.Objects[0].(*widget.Label).SetText(fmt.Sprintf("%s · %s: %s", e.OrderNumber, e.SKU, e.Detail))
			b := row.Objects[1].(*widget.Button)
			b.SetText(fixLabel(e.Reason))
			b.OnTapped = func() { p.fix(e) }
		})
}

// poLines is the table of one planned PO's lines with the choice of supplier for each, and
// the chosen line's reason in full beneath.
type poLines struct {
	format *shopFormat
	po     app.PlannedPO
	table  *widget.Table
	why    *widget.Label
	view   fyne.CanvasObject
}

var poLineHeads = []string{"Order", "SKU", "Qty", "Arrives", "Ship by", "Landed", "Runner-up", "Why"}
var poLineWidths = []float32{90, 140, 50, 100, 100, 100, 200, 330}

func newPOLines(f *shopFormat) *poLines {
	l := &poLines{format: f, why: widget.NewLabel("Choose a line to read why its supplier was chosen.")}
	l.why.Wrapping = fyne.TextWrapWord
	l.table = widget.NewTableWithHeaders(func() (int, int) { return len(l.po.Lines), len(poLineHeads) },
		func() fyne.CanvasObject { return truncLabel() },
		func(id widget.TableCellID, o fyne.CanvasObject) {
			label := o.(*widget.Label)
			if id.Row < 0 || id.Row >= len(l.po.Lines) || id.Col < 0 || id.Col >= len(poLineHeads) {
				label.SetText("")
				return
			}
			label.SetText(l.cell(l.po.Lines[id.Row], id.Col))
		})
	l.table.ShowHeaderColumn = false
	l.table.CreateHeader = func() fyne.CanvasObject {
		return widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	}
	l.table.UpdateHeader = func(id widget.TableCellID, o fyne.CanvasObject) {
		if id.Col >= 0 && id.Col < len(poLineHeads) {
			o.(*widget.Label).SetText(poLineHeads[id.Col])
		}
	}
	for i, w := range poLineWidths {
		l.table.SetColumnWidth(i, w)
	}
	l.table.OnSelected = func(id widget.TableCellID) {
		if id.Row >= 0 && id.Row < len(l.po.Lines) {
			ln := l.po.Lines[id.Row]
			l.why.SetText(fmt.Sprintf("%s for %s: %s.", ln.SKU, ln.OrderNumber, ln.Why.Detail))
		}
	}
	l.view = container.NewBorder(nil, l.why, nil, nil, l.table)
	return l
}

func (l *poLines) show(po app.PlannedPO) {
	l.po = po
	l.table.UnselectAll()
	l.why.SetText("Choose a line to read why its supplier was chosen.")
	l.table.Refresh()
	l.table.ScrollToTop()
}

// cell is one column of a line: the chosen offer's landed cost against the runner-up's.
func (l *poLines) cell(ln app.PlannedLine, col int) string {
	switch col {
	case 0:
		return ln.OrderNumber
	case 1:
		return ln.SKU
	case 2:
		return fmt.Sprint(ln.Qty)
	case 3:
		return string(ln.Arrival)
	case 4:
		return string(ln.ShipBy)
	case 5:
		return l.format.money(ln.Why.Cost)
	case 6:
		if ln.Why.RunnerUp == "" {
			return "—"
		}
		return fmt.Sprintf("%s %s", l.format.money(ln.Why.RunnerUpCost), ln.Why.RunnerUp)
	}
	return reasonText(ln.Why.Reason)
}

// reasonText is a choice reason in the owner's words.
func reasonText(r app.ChoiceReason) string {
	switch r {
	case app.ReasonOnlyOffer:
		return "only offer"
	case app.ReasonCheaperLanded:
		return "cheaper landed"
	case app.ReasonOnlyInTime:
		return "only one in time"
	case app.ReasonPreferred:
		return "preferred"
	case app.ReasonFaster:
		return "arrives sooner"
	case app.ReasonBalanced:
		return "better lead time and scorecard"
	case app.ReasonNoneInTime:
		return "none in time: late"
	}
	return string(r)
}
