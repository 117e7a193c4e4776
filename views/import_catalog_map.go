package views

import (
	"bytes"
	"fmt"
	"strconv"

	"clockwork/app/importfile"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// primaryButton is what Enter presses: Preview while mapping or before a preview fits,
// else Import.
func (ci *catalogImport) primaryButton() *widget.Button {
	if ci.mapper == nil && !ci.importAll.Disabled() {
		return ci.importAll
	}
	return ci.preview
}

// onSupplierEnter is Enter in the supplier field: the dialog's main button.
func (ci *catalogImport) onSupplierEnter(string) {
	if b := ci.primaryButton(); !b.Disabled() && b.OnTapped != nil {
		b.OnTapped()
	}
}

// showMapping replaces the preview with the mapping step: each price list field beside a
// choice of the file's columns, the first rows read as they would import.
func (ci *catalogImport) showMapping(start importfile.ColumnMap) {
	t, err := importfile.Read(bytes.NewReader(ci.raw), ci.name)
	if err != nil {
		ci.summary.SetText("The file could not be read: " + err.Error())
		return
	}
	ci.mapper = newColumnMapper(importfile.CatalogFields, t.Header, start, func(m importfile.ColumnMap) mapPreview {
		return previewCatalogMap(t, m)
	}, func(bool) { ci.showButtons() })
	ci.mapper.chosen = ci.win.Canvas().Unfocus
	ci.summary.SetText("Clockwork does not know this price list's columns: say which column holds each field, then Preview. " +
		"A carton or case quantity is information only; only “Sold only in multiples of” rounds a purchase order up.")
	ci.center.Objects = []fyne.CanvasObject{ci.mapper.content()}
	ci.center.Refresh()
	ci.changeMap.Hide()
	ci.showButtons()
}

// usedMap is the map the last preview read the file through, to start changing it from.
func (ci *catalogImport) usedMap() importfile.ColumnMap {
	if ci.mapping != nil {
		return ci.mapping
	}
	m, err := importfile.ParseColumnMap(ci.result.Map)
	if err != nil {
		return nil
	}
	return m
}

// previewCatalogMap reads the list's first rows through m as the import would.
func previewCatalogMap(t *importfile.Table, m importfile.ColumnMap) mapPreview {
	p := mapPreview{titles: []string{"Line", "SKU", "Supplier's code", "Title", "Unit cost", "Price", "Stock", "Lead", "Min", "Multiple", "Carton"}}
	for _, pr := range importfile.CheckCatalogMap(t, m) {
		p.problems = append(p.problems, pr.Message)
	}
	if len(p.problems) > 0 {
		return p
	}
	rows, problems := importfile.ParseCatalogMapped(firstRows(t, mapPreviewRows), m)
	for _, r := range rows {
		p.rows = append(p.rows, []string{strconv.Itoa(r.Line), r.SKU, r.SupplierSKU, r.Title, moneyOrDash(r.UnitCost),
			moneyOrDash(r.Price), intOrDash(r.AvailableQty), intOrDash(r.LeadDays), intOrDash(r.MinQty), intOrDash(r.PackSize), intOrDash(r.Carton)})
	}
	for _, pr := range problems {
		p.rowNotes = append(p.rowNotes, fmt.Sprintf("line %d, %s: %s", pr.Line, pr.Column, pr.Message))
	}
	return p
}
