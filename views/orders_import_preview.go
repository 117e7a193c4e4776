package views

import (
	"fmt"
	"strconv"
	"strings"

	"clockwork/app"
	"clockwork/app/importfile"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
)

// previewLines says, kind by kind, what the import would do: the counts of a dry run.
func previewLines(res app.ImportResult) []string {
	var out []string
	add := func(n int, text string) {
		if n > 0 {
			out = append(out, fmt.Sprintf("%d %s", n, text))
		}
	}
	add(res.Imported-res.Held-res.Cancelled, "new, to buy")
	add(res.Held, "new but not paid yet: held, not bought until paid")
	add(res.Cancelled, "new but cancelled in the shop: kept as history, not bought")
	add(res.Changed(app.ChangeCancelled), "already here, cancelled in the shop since: taken off what is to buy")
	add(res.Changed(app.ChangeReleased), "already here, paid since: released to buy")
	add(res.Changed(app.ChangeFulfilled), "already here, fulfilled in the shop since: not bought")
	add(res.SkippedFulfilled, "skipped: the shop fulfilled them before Clockwork saw them")
	add(res.Already, "already here and unchanged: left as they are")
	add(res.Converted, "in another currency, converted at your rate")
	if res.UnknownLines > 0 {
		out = append(out, fmt.Sprintf("%s with SKUs not in your catalog (map them after the import)", plural(res.UnknownLines, "line", "lines")))
	}
	if len(res.TellSuppliers) > 0 {
		out = append(out, "tell the supplier of "+strings.Join(res.TellSuppliers, ", ")+": they hold lines no longer wanted")
	}
	return out
}

// problemOrders counts the orders with problems (the problems themselves without rows).
func problemOrders(res app.ImportResult, ps []app.Problem) int {
	if len(res.Rows) == 0 {
		return len(ps)
	}
	n := 0
	for _, r := range res.Rows {
		if r.Kind == app.RowProblem {
			n++
		}
	}
	return n
}

// writes is how many orders an import would add or change.
func writes(res app.ImportResult) int { return res.Imported + len(res.Changes) }

// showPreview shows what the import would do and offers Import (all, or the valid orders).
func (i *orderImport) showPreview(res app.ImportResult, ps []app.Problem) {
	i.o.win.Canvas().Unfocus()
	i.preview, i.problems = res, ps
	whole := false
	for _, p := range ps {
		whole = whole || p.Line == 0 || res.NeedsMap
	}
	n := writes(res)
	head := widget.NewLabel(i.previewHead(res, ps, whole, n))
	head.Wrapping = fyne.TextWrapWord
	counts := previewLines(res)
	if len(ps) > 0 && !whole {
		counts = append(counts, plural(problemOrders(res, ps), "order", "orders")+" with problems: left out (see Problems below)")
	}
	kinds := widget.NewLabel(strings.Join(counts, " · "))
	kinds.Wrapping = fyne.TextWrapWord
	top := container.NewVBox(head, kinds)
	var center fyne.CanvasObject
	i.rows = nil
	if whole || len(res.Rows) == 0 {
		if len(ps) > 0 {
			top.Add(widget.NewLabelWithStyle(fmt.Sprintf("%s (file, line, column, why):", plural(len(ps), "problem", "problems")),
				fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
		}
		center = problemTable(ps)
	} else {
		i.rows = newPreviewRows(res.Rows, i.o.format)
		filter := container.NewGridWrap(fyne.NewSize(260, i.rows.filter.MinSize().Height), i.rows.filter)
		top.Add(container.NewBorder(nil, nil, widget.NewLabel("Show"), nil, container.NewHBox(filter)))
		center = container.NewBorder(nil, i.rows.detail, nil, nil, i.rows.table)
	}
	i.body.Objects = []fyne.CanvasObject{container.NewBorder(top, nil, nil, nil, center)}
	i.body.Refresh()
	switch {
	case whole || n == 0:
		i.primary.SetText("Import")
		i.primary.Disable()
	case len(ps) > 0:
		i.primary.SetText(fmt.Sprintf("Import the %s", plural(n, "valid order", "valid orders")))
		i.primary.Enable()
	default:
		i.primary.SetText("Import")
		i.primary.Enable()
	}
	i.changeMap.Hidden = res.Format != app.FormatMapped
	i.changeMap.Refresh()
}

// previewHead is the preview's first sentence: what was read and whether Import can run.
func (i *orderImport) previewHead(res app.ImportResult, ps []app.Problem, whole bool, n int) string {
	read := fmt.Sprintf("%s, read as %s", i.src.name, formatName(res))
	switch {
	case whole:
		return read + ": this file cannot be imported. Nothing was written."
	case n == 0 && len(ps) > 0:
		return read + ": no order without problems would change anything. Nothing was written; fix the file and choose it again."
	case n == 0:
		return read + ": nothing to import, every order is already here as the file has it. Nothing was written."
	case len(ps) > 0:
		return read + ". Nothing is written until you press Import; the orders with problems below are left out (fix them in the file and import it again)."
	}
	return read + ". Nothing is written until you press Import:"
}

func formatName(res app.ImportResult) string {
	switch {
	case res.Format == app.FormatMapped && res.SavedMap:
		return "the column map saved for this layout"
	case res.Format == app.FormatMapped:
		return "your column map"
	case res.Format == "":
		return "no known layout"
	}
	if name, ok := layoutNames[res.Format]; ok {
		return name
	}
	return strings.ToUpper(res.Format[:1]) + res.Format[1:]
}

// layoutNames are the layouts as their makers write them.
var layoutNames = map[string]string{"shopify": "Shopify", "woocommerce": "WooCommerce", "etsy": "Etsy",
	"amazon": "Amazon", "ebay": "eBay", "generic": "the generic layout"}

// problemTable lists problems with their file, line and column (virtualised: a bad file can
// have thousands).
func problemTable(ps []app.Problem) *dialogTable {
	cols := []struct {
		width float32
		text  func(app.Problem) string
	}{
		{150, func(p app.Problem) string { return p.File }},
		{60, func(p app.Problem) string { return lineText(p.Line) }},
		{150, func(p app.Problem) string { return p.Field }},
		{600, func(p app.Problem) string { return p.Message }},
	}
	t := newDialogTable(func() (int, int) { return len(ps), len(cols) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("Lineitem quantity")
			l.Truncation = fyne.TextTruncateEllipsis
			return l
		},
		func(id widget.TableCellID, o fyne.CanvasObject) {
			l := o.(*widget.Label)
			if id.Row < 0 || id.Row >= len(ps) || id.Col < 0 || id.Col >= len(cols) {
				l.SetText("")
				return
			}
			l.Importance = widget.DangerImportance
			l.SetText(cols[id.Col].text(ps[id.Row]))
		})
	for c, col := range cols {
		t.SetColumnWidth(c, col.width)
	}
	return t
}

func lineText(n int) string {
	if n == 0 {
		return ""
	}
	return strconv.Itoa(n)
}

// problemText is a problem as one line: where, then what.
func problemText(p app.Problem) string {
	where := ""
	if p.Line > 0 {
		where = fmt.Sprintf("Line %d", p.Line)
	}
	if p.Field != "" {
		if where != "" {
			where += ", "
		}
		where += p.Field
	}
	if where == "" {
		return p.Message
	}
	return where + ": " + p.Message
}

// showMapping asks which column holds each field, previewing the first orders as they
// would import; Preview import then checks the whole file through the map.
func (i *orderImport) showMapping(start importfile.ColumnMap) {
	i.working("Reading " + i.src.name + "…")
	src, loc := i.src, i.o.src.Location()
	i.o.bg(func() {
		t, err := readTable(src)
		fyne.Do(func() {
			if err != nil {
				i.showPreview(app.ImportResult{}, []app.Problem{{File: src.name, Message: err.Error()}})
				return
			}
			if start == nil {
				start = guessOrderMap(t.Header)
			}
			i.mapper = newColumnMapper(importfile.OrderFields, t.Header, start, func(m importfile.ColumnMap) mapPreview {
				return previewOrderMap(t, m, loc)
			}, func(ok bool) { setEnabled(i.primary, ok) })
			i.mapper.chosen = i.o.win.Canvas().Unfocus
			i.primary.SetText("Preview import")
			setEnabled(i.primary, len(i.mapper.shown.problems) == 0)
			i.changeMap.Hide()
			i.body.Objects = []fyne.CanvasObject{i.mapper.content()}
			i.body.Refresh()
		})
	})
}
