package views

import (
	"fmt"
	"strings"

	"clockwork/app"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// insightRows is how many suppliers and products the panel lists (the workbook has them all).
const insightRows = 8

// returnInsights is the "What returns teach" panel: over a chosen period, returns by
// supplier, product and reason with the customers' words, the worst supplier and product
// called out, and trial products against the rest.
type returnInsights struct {
	src      returnsSource
	win      fyne.Window
	bg       runner
	period   app.Period
	current  *app.ReturnInsights
	loaded   bool
	picker   *widget.Select
	from, to *dayField
	custom   *fyne.Container
	export   *widget.Button
	status   *widget.Label
	headline *widget.Label
	worst    *fyne.Container
	sections *fyne.Container
	root     fyne.CanvasObject
}

func newReturnInsights(src returnsSource, win fyne.Window, bg runner) *returnInsights {
	in := &returnInsights{src: src, win: win, bg: bg}
	in.status = widget.NewLabel("")
	in.status.Wrapping = fyne.TextWrapWord
	in.headline = widget.NewLabel("")
	in.headline.Wrapping = fyne.TextWrapWord
	in.worst = container.NewVBox()
	in.sections = container.NewVBox()
	in.export = widget.NewButtonWithIcon("Export to Excel…", theme.DocumentSaveIcon(), in.onExport)
	in.from, in.to = newDayField(), newDayField()
	show := widget.NewButton("Show", in.onCustom)
	in.custom = container.NewHBox(widget.NewLabel("from"), sized(in.from, 170), widget.NewLabel("through"), sized(in.to, 170), show)
	in.custom.Hide()
	in.picker = widget.NewSelect([]string{periodThisMonth, period3Months, period12Months, periodCustom}, in.onPeriod)
	title := widget.NewLabelWithStyle("Returns opened", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	bar := container.NewBorder(nil, nil, container.NewHBox(title, sized(in.picker, 170), in.custom), in.export)
	body := container.NewVScroll(container.NewVBox(in.status, in.headline, in.worst, in.sections))
	in.root = container.NewBorder(bar, nil, nil, nil, body)
	return in
}

func (in *returnInsights) content() fyne.CanvasObject { return in.root }

// ensureLoaded computes the panel the first time it is looked at.
func (in *returnInsights) ensureLoaded() {
	if !in.loaded {
		in.loaded = true
		in.picker.SetSelected(period12Months)
	}
}

func (in *returnInsights) reloadIfShown() {
	if in.loaded && in.period.From != "" {
		in.show(in.period)
	}
}

func (in *returnInsights) onPeriod(choice string) {
	today := in.src.Today()
	in.custom.Hide()
	switch choice {
	case periodThisMonth:
		in.show(app.ThisMonth(today))
	case period3Months:
		in.show(app.LastMonths(today, 3))
	case period12Months:
		in.show(app.LastMonths(today, 12))
	case periodCustom:
		if in.from.Text == "" && in.period.From != "" {
			in.from.setDay(in.period.From)
			in.to.setDay(in.period.Last())
		}
		in.custom.Show()
	}
}

func (in *returnInsights) onCustom() {
	p, err := in.src.PeriodThrough(in.from.isoText(), in.to.isoText())
	if err != nil {
		in.say("Please fix the dates: " + strings.Join(describe(err), "; "))
		return
	}
	in.show(p)
}

// show works out the period's insights off the UI thread.
func (in *returnInsights) show(p app.Period) {
	in.period = p
	in.say("Reading the returns opened " + periodText(p) + "…")
	in.bg(func() {
		res, err := in.src.ReturnInsights(p)
		fyne.Do(func() {
			if in.period != p {
				return
			}
			if err != nil {
				in.say("Could not read the returns: " + sentence(err))
				return
			}
			in.render(res)
		})
	})
}

func (in *returnInsights) render(res app.ReturnInsights) {
	in.current = &res
	in.say("")
	in.worst.Objects, in.sections.Objects = nil, nil
	if res.Returns == 0 {
		in.headline.SetText(fmt.Sprintf("No returns were opened %s.", periodText(res.Period)))
		in.worst.Refresh()
		in.sections.Refresh()
		return
	}
	in.headline.SetText(headlineText(res))
	for _, c := range worstText(res) {
		l := widget.NewLabelWithStyle(c, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		l.Wrapping = fyne.TextWrapWord
		l.Importance = widget.DangerImportance
		in.worst.Add(container.NewBorder(nil, nil, widget.NewIcon(theme.NewErrorThemedResource(theme.WarningIcon())), nil, l))
	}
	in.sections.Add(insightSection("By supplier: returns through the supplier's fault", res.BySupplier, insightRows,
		func(r app.InsightRow) int { return r.SupplierFault }, supplierFigures, func(r app.InsightRow) string { return app.SupplierLabel(r.Key) }))
	in.sections.Add(insightSection("By product", res.ByProduct, insightRows,
		func(r app.InsightRow) int { return r.Units }, productFigures, func(r app.InsightRow) string { return r.Key + "  " + r.Title }))
	in.sections.Add(insightSection("By reason", res.ByReason, len(res.ByReason),
		func(r app.InsightRow) int { return r.Units }, reasonFigures, func(r app.InsightRow) string { return app.ReasonLabel(r.Key) }))
	in.worst.Refresh()
	in.sections.Refresh()
}

// say shows a message above the panel; an empty one takes no room.
func (in *returnInsights) say(text string) {
	in.status.SetText(text)
	if text == "" {
		in.status.Hide()
	} else {
		in.status.Show()
	}
}

func pct(v *float64) string {
	if v == nil {
		return "–"
	}
	return fmt.Sprintf("%.1f %%", *v)
}

func headlineText(res app.ReturnInsights) string {
	all := app.InsightRow{Units: res.Units, Shipped: res.Shipped}
	text := fmt.Sprintf("%s opened %s: %s units back of %s shipped (%s).", plural(res.Returns, "return", "returns"),
		periodText(res.Period), groupDigits(res.Units), groupDigits(res.Shipped), pct(all.RatePct()))
	if res.Trial.Shipped > 0 {
		text += fmt.Sprintf(" Trial products come back at %s (%d of %d), the rest at %s.",
			pct(res.Trial.RatePct()), res.Trial.Units, res.Trial.Shipped, pct(res.Rest.RatePct()))
	}
	return text
}

// worstText names the supplier and the product that cause most trouble.
func worstText(res app.ReturnInsights) []string {
	var out []string
	if len(res.BySupplier) > 0 && res.BySupplier[0].SupplierFault > 0 {
		s := res.BySupplier[0]
		out = append(out, fmt.Sprintf("Most trouble from a supplier: %s — %d units back through its fault, %s of what it delivered, mostly %s.",
			app.SupplierLabel(s.Key), s.SupplierFault, pct(s.SupplierFaultPct()), strings.ToLower(app.ReasonLabel(s.TopReason))))
	}
	if len(res.ByProduct) > 0 {
		p := res.ByProduct[0]
		out = append(out, fmt.Sprintf("Most returned product: %s %s — %d units back, %s of those shipped, mostly %s.",
			p.Key, p.Title, p.Units, pct(p.RatePct()), strings.ToLower(app.ReasonLabel(p.TopReason))))
	}
	return out
}

func supplierFigures(r app.InsightRow) string {
	return fmt.Sprintf("%d of %s delivered (%s) · %d not its fault", r.SupplierFault, groupDigits(r.Shipped), pct(r.SupplierFaultPct()), r.Units-r.SupplierFault)
}

func productFigures(r app.InsightRow) string {
	return fmt.Sprintf("%d of %s shipped (%s) · mostly %s", r.Units, groupDigits(r.Shipped), pct(r.RatePct()), strings.ToLower(app.ReasonLabel(r.TopReason)))
}

func reasonFigures(r app.InsightRow) string {
	return fmt.Sprintf("%s · blames the %s by default", plural(r.Units, "unit", "units"), r.Title)
}

// insightColumns are the widths of an insight row: name, bar, figures, latest comment.
var insightColumns = []float32{250, 150, 330, -1}

// insightSection lists the first n rows with a bar for each row's count against the largest.
func insightSection(title string, rows []app.InsightRow, n int, count func(app.InsightRow) int,
	figures func(app.InsightRow) string, name func(app.InsightRow) string) fyne.CanvasObject {
	box := container.NewVBox(sectionTitle(title))
	top := 1
	for _, r := range rows {
		top = max(top, count(r))
	}
	for i, r := range rows {
		if i >= n {
			box.Add(lowLabel(fmt.Sprintf("…and %d more in the workbook (Export to Excel).", len(rows)-n)))
			break
		}
		bar := widget.NewProgressBar()
		bar.Max, bar.Value = float64(top), float64(count(r))
		v := count(r)
		bar.TextFormatter = func() string { return fmt.Sprint(v) }
		who := widget.NewLabel(name(r))
		who.Truncation = fyne.TextTruncateEllipsis
		fig := widget.NewLabel(figures(r))
		fig.Truncation = fyne.TextTruncateEllipsis
		said := lowLabel(latestWords(r))
		said.Truncation = fyne.TextTruncateEllipsis
		box.Add(container.New(&columnsLayout{widths: insightColumns}, who, bar, fig, said))
	}
	return box
}

func lowLabel(text string) *widget.Label {
	l := widget.NewLabel(text)
	l.Importance = widget.LowImportance
	return l
}

// latestWords is the latest customer comment of a row.
func latestWords(r app.InsightRow) string {
	if len(r.Comments) == 0 {
		return ""
	}
	c := r.Comments[0]
	return fmt.Sprintf("%s: “%s”", c.RMA, strings.ReplaceAll(c.Text, "\n", " "))
}

// onExport asks where to save the workbook of the period shown, then writes it.
func (in *returnInsights) onExport() {
	if in.period.From == "" {
		return
	}
	p := in.period
	d := dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
		if err != nil {
			dialog.ShowError(err, in.win)
			return
		}
		if w == nil {
			return // cancelled
		}
		in.exportTo(w, p)
	}, in.win)
	d.SetFileName(fmt.Sprintf("returns-%s-to-%s.xlsx", p.From, p.Last()))
	d.SetFilter(storage.NewExtensionFileFilter([]string{".xlsx"}))
	d.Show()
}

// exportTo writes the workbook; a failed export deletes the half-written file.
func (in *returnInsights) exportTo(w fyne.URIWriteCloser, p app.Period) {
	uri := w.URI()
	in.say("Writing " + uri.Name() + "…")
	in.bg(func() {
		err := in.src.ExportReturnInsights(p, w)
		if cerr := w.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			_ = storage.Delete(uri)
		}
		fyne.Do(func() {
			if err != nil {
				in.say("The workbook could not be written: " + sentence(err))
				return
			}
			in.say(uri.Name() + " is ready: Summary, Reasons, Products, Suppliers and Comments.")
		})
	})
}
