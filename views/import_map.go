package views

import (
	"strings"

	"clockwork/app/importfile"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
)

// noColumn is the choice for a field the file does not have.
const noColumn = "(not in the file)"

// mapPreview is the first rows of a file as they would import through a map: column titles,
// rows of text, and what keeps the map from working (empty when it works).
type mapPreview struct {
	titles   []string
	rows     [][]string
	problems []string
}

// columnMapper is the mapping step: each Clockwork field beside a choice of the file's
// columns, and the first rows previewed as they would import, redrawn on every change.
type columnMapper struct {
	fields  []importfile.FieldInfo
	header  []string
	choice  map[importfile.Field]*widget.Select
	preview func(importfile.ColumnMap) mapPreview
	shown   mapPreview
	table   *widget.Table
	note    *widget.Label
	changed func(ok bool) // told whether the map can be used, after every change
}

func newColumnMapper(fields []importfile.FieldInfo, header []string, start importfile.ColumnMap,
	preview func(importfile.ColumnMap) mapPreview, changed func(ok bool)) *columnMapper {
	m := &columnMapper{fields: fields, header: header, choice: map[importfile.Field]*widget.Select{},
		preview: preview, changed: changed}
	options := append([]string{noColumn}, nonEmpty(header)...)
	for _, fi := range fields {
		sel := widget.NewSelect(options, func(string) { m.refresh() })
		sel.SetSelected(noColumn)
		if c, ok := start[fi.Field]; ok {
			sel.SetSelected(c)
		}
		m.choice[fi.Field] = sel
	}
	m.note = widget.NewLabel("")
	m.note.Wrapping = fyne.TextWrapWord
	m.table = widget.NewTable(m.size, func() fyne.CanvasObject {
		l := widget.NewLabel("2026-03-01 10:00")
		l.Truncation = fyne.TextTruncateEllipsis
		return l
	}, m.updateCell)
	m.table.ShowHeaderRow = true
	m.table.CreateHeader = func() fyne.CanvasObject {
		return widget.NewLabelWithStyle("Field", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	}
	m.table.UpdateHeader = func(id widget.TableCellID, o fyne.CanvasObject) {
		if id.Col >= 0 && id.Col < len(m.shown.titles) {
			o.(*widget.Label).SetText(m.shown.titles[id.Col])
		}
	}
	m.refresh()
	return m
}

func nonEmpty(header []string) []string {
	var out []string
	for _, h := range header {
		if strings.TrimSpace(h) != "" {
			out = append(out, h)
		}
	}
	return out
}

// columnMap is the map as chosen.
func (m *columnMapper) columnMap() importfile.ColumnMap {
	out := importfile.ColumnMap{}
	for f, sel := range m.choice {
		if sel.Selected != "" && sel.Selected != noColumn {
			out[f] = sel.Selected
		}
	}
	return out
}

// refresh redraws the preview for the map as chosen now.
func (m *columnMapper) refresh() {
	if m.note == nil {
		return // still being built
	}
	m.shown = m.preview(m.columnMap())
	for i := range m.shown.titles {
		m.table.SetColumnWidth(i, 130)
	}
	if len(m.shown.problems) > 0 {
		m.note.Importance = widget.DangerImportance
		m.note.SetText(strings.Join(m.shown.problems, "\n"))
	} else {
		m.note.Importance = widget.SuccessImportance
		m.note.SetText("The first rows below are read as they would import. The map is remembered for files with this header.")
	}
	m.table.Refresh()
	if m.changed != nil {
		m.changed(len(m.shown.problems) == 0)
	}
}

func (m *columnMapper) size() (int, int) { return len(m.shown.rows), len(m.shown.titles) }

func (m *columnMapper) updateCell(id widget.TableCellID, o fyne.CanvasObject) {
	l := o.(*widget.Label)
	if id.Row < 0 || id.Row >= len(m.shown.rows) || id.Col < 0 || id.Col >= len(m.shown.rows[id.Row]) {
		l.SetText("")
		return
	}
	l.SetText(m.shown.rows[id.Row][id.Col])
}

// content lays the step out: the fields in two columns on top, the preview below.
func (m *columnMapper) content() fyne.CanvasObject {
	grid := container.NewGridWithColumns(4)
	for _, fi := range m.fields {
		label := fi.Label
		if fi.Required && fi.OneOf == "" {
			label += " *"
		}
		grid.Add(widget.NewLabel(label))
		grid.Add(m.choice[fi.Field])
	}
	head := widget.NewLabel("Clockwork does not know this file's layout. Say which column holds each field (* is needed); " +
		"fields the file lacks stay “" + noColumn + "”.")
	head.Wrapping = fyne.TextWrapWord
	fields := container.NewVScroll(grid)
	fields.SetMinSize(fyne.NewSize(0, 230))
	return container.NewBorder(container.NewVBox(head, fields, m.note), nil, nil, nil, m.table)
}
