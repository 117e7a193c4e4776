package views

import (
	"slices"
	"strings"
	"unicode/utf8"

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
	problems []string // what keeps the map from working
	rowNotes []string // rows of the first ones that would be problems (the map still works)
}

// columnMapper is the mapping step: each Clockwork field beside a choice of the file's
// columns, and the first rows previewed as they would import, redrawn on every change.
type columnMapper struct {
	fields  []importfile.FieldInfo
	header  []string
	choice  map[importfile.Field]*dialogSelect
	preview func(importfile.ColumnMap) mapPreview
	shown   mapPreview
	table   *dialogTable
	note    *widget.Label
	changed func(ok bool) // told whether the map can be used, after every change
	// chosen runs after each choice; the dialogs use it to take the keyboard focus off the
	// choice so that Enter reaches the dialog's main button.
	chosen func()
}

func newColumnMapper(fields []importfile.FieldInfo, header []string, start importfile.ColumnMap,
	preview func(importfile.ColumnMap) mapPreview, changed func(ok bool)) *columnMapper {
	m := &columnMapper{fields: fields, header: header, choice: map[importfile.Field]*dialogSelect{},
		preview: preview, changed: changed}
	options := append([]string{noColumn}, nonEmpty(header)...)
	for _, fi := range fields {
		sel := newDialogSelect(options, func(string) {
			m.refresh()
			if m.chosen != nil {
				m.chosen()
			}
		})
		sel.SetSelected(noColumn)
		if c, ok := start[fi.Field]; ok {
			sel.SetSelected(c)
		}
		m.choice[fi.Field] = sel
	}
	m.note = widget.NewLabel("")
	m.note.Wrapping = fyne.TextWrapWord
	m.table = newDialogTable(m.size, func() fyne.CanvasObject {
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

// oneOfText says which needed fields stand in for each other: ", but one of SKU or Item
// title is enough".
func oneOfText(fields []importfile.FieldInfo) string {
	var groups []string
	seen := map[string][]string{}
	for _, fi := range fields {
		if fi.OneOf == "" {
			continue
		}
		if seen[fi.OneOf] == nil {
			groups = append(groups, fi.OneOf)
		}
		seen[fi.OneOf] = append(seen[fi.OneOf], fi.Label)
	}
	var parts []string
	for _, g := range groups {
		parts = append(parts, strings.Join(seen[g], " or "))
	}
	if len(parts) == 0 {
		return ""
	}
	return ", but one of " + strings.Join(parts, ", and one of ") + " is enough"
}

// requiredFirst puts the fields an import needs on top, the others after, each in its order.
func requiredFirst(fields []importfile.FieldInfo) []importfile.FieldInfo {
	var req, rest []importfile.FieldInfo
	for _, fi := range fields {
		if fi.Required {
			req = append(req, fi)
		} else {
			rest = append(rest, fi)
		}
	}
	return append(req, rest...)
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
	for i, title := range m.shown.titles {
		n := utf8.RuneCountInString(title)
		for _, r := range m.shown.rows {
			if i < len(r) {
				n = max(n, utf8.RuneCountInString(r[i]))
			}
		}
		m.table.SetColumnWidth(i, float32(min(260, max(50, n*9+24))))
	}
	if len(m.shown.problems) > 0 {
		m.note.Importance = widget.DangerImportance
		m.note.SetText(m.problemText())
	} else if len(m.shown.rowNotes) > 0 {
		m.note.Importance = widget.WarningImportance
		m.note.SetText("The first rows below are read as they would import; these would be problems: " + strings.Join(m.shown.rowNotes, "; "))
	} else {
		m.note.Importance = widget.SuccessImportance
		m.note.SetText("The first rows below are read as they would import. The map is remembered for files with this header.")
	}
	m.table.Refresh()
	if m.changed != nil {
		m.changed(len(m.shown.problems) == 0)
	}
}

// problemText says what keeps the map from working: the needed fields still to choose in
// one sentence, then any other problem (a column chosen twice) as the import would say it.
func (m *columnMapper) problemText() string {
	chosen := m.columnMap()
	var missing []string
	group := map[string][]string{}
	var groups []string
	for _, fi := range requiredFirst(m.fields) {
		switch {
		case !fi.Required:
		case fi.OneOf == "" && chosen[fi.Field] == "":
			missing = append(missing, fi.Label)
		case fi.OneOf != "":
			if group[fi.OneOf] == nil {
				groups = append(groups, fi.OneOf)
			}
			group[fi.OneOf] = append(group[fi.OneOf], fi.Label)
			if chosen[fi.Field] != "" {
				group[fi.OneOf] = append(group[fi.OneOf], "")
			}
		}
	}
	for _, g := range groups {
		if !slices.Contains(group[g], "") {
			missing = append(missing, strings.Join(group[g], " or "))
		}
	}
	var out []string
	if len(missing) > 0 {
		out = append(out, "Still to choose: "+strings.Join(missing, ", ")+".")
	}
	for _, p := range m.shown.problems {
		if !strings.HasPrefix(p, "the map needs a column") {
			out = append(out, p)
		}
	}
	return strings.Join(out, " ")
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
	for _, fi := range requiredFirst(m.fields) {
		label := fi.Label
		if fi.Required {
			label += " *"
		}
		grid.Add(widget.NewLabel(label))
		grid.Add(m.choice[fi.Field])
	}
	head := widget.NewLabel("Clockwork does not know this file's layout. Say which column holds each field (* is needed" +
		oneOfText(m.fields) + "); fields the file lacks stay “" + noColumn + "”.")
	head.Wrapping = fyne.TextWrapWord
	fields := container.NewVScroll(grid)
	fields.SetMinSize(fyne.NewSize(0, 230))
	return container.NewBorder(container.NewVBox(head, fields, m.note), nil, nil, nil, m.table)
}
