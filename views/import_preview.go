package views

import (
	"strconv"

	"clockwork/app"
	"clockwork/data"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// previewColumns are the columns of the import preview: the row as read, then what the
// import does with it.
var previewColumns = []struct {
	title string
	width float32
	text  func(r app.CatalogImportRow) string
}{
	{"Line", 50, func(r app.CatalogImportRow) string { return strconv.Itoa(r.Line) }},
	{"SKU", 110, func(r app.CatalogImportRow) string { return r.SKU }},
	{"Title", 220, func(r app.CatalogImportRow) string {
		if r.Change == app.ChangeInvalid {
			return r.Raw
		}
		return r.Title
	}},
	{"Unit cost", 80, func(r app.CatalogImportRow) string { return moneyOrDash(r.UnitCost) }},
	{"Price", 80, func(r app.CatalogImportRow) string { return moneyOrDash(r.Price) }},
	{"Multiple", 74, func(r app.CatalogImportRow) string { return intOrDash(r.PackSize) }},
	{"Carton", 60, func(r app.CatalogImportRow) string { return intOrDash(r.Carton) }},
	{"Min", 50, func(r app.CatalogImportRow) string { return intOrDash(r.MinQty) }},
	{"Lead", 50, func(r app.CatalogImportRow) string { return intOrDash(r.LeadDays) }},
	{"Stock", 60, func(r app.CatalogImportRow) string { return intOrDash(r.AvailableQty) }},
	{"Change", 115, func(r app.CatalogImportRow) string { return string(r.Change) }},
	{"Details", 520, func(r app.CatalogImportRow) string { return r.Detail }},
}

func moneyOrDash(m *data.Money) string {
	if m == nil {
		return "–"
	}
	return m.String()
}

func intOrDash(n *int) string {
	if n == nil {
		return "–"
	}
	return strconv.Itoa(*n)
}

// makeTable builds the preview table over the dry run's rows (held in memory: the table
// draws only what is on screen).
func (ci *catalogImport) makeTable() *dialogTable {
	t := newDialogTable(
		func() (int, int) { return len(ci.result.Rows), len(previewColumns) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("0585EJ5 KENSINGTON MICROSAVER")
			l.Truncation = fyne.TextTruncateEllipsis
			return l
		},
		func(id widget.TableCellID, o fyne.CanvasObject) {
			l := o.(*widget.Label)
			if id.Row < 0 || id.Row >= len(ci.result.Rows) || id.Col < 0 || id.Col >= len(previewColumns) {
				l.Importance = widget.MediumImportance
				l.SetText("")
				return
			}
			r := ci.result.Rows[id.Row]
			l.Importance = widget.MediumImportance
			switch {
			case r.Change == app.ChangeInvalid:
				l.Importance = widget.DangerImportance
			case r.Change == app.ChangeUnchanged || r.Change == app.ChangeSkipped:
				l.Importance = widget.LowImportance
			}
			l.SetText(previewColumns[id.Col].text(r))
		},
	)
	t.ShowHeaderRow = true
	t.CreateHeader = func() fyne.CanvasObject {
		return widget.NewLabelWithStyle("Header", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	}
	t.UpdateHeader = func(id widget.TableCellID, o fyne.CanvasObject) {
		if id.Col >= 0 && id.Col < len(previewColumns) {
			o.(*widget.Label).SetText(previewColumns[id.Col].title)
		}
	}
	for i, c := range previewColumns {
		t.SetColumnWidth(i, c.width)
	}
	return t
}
