package views

import (
	"errors"
	"strings"

	"clockwork/app"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
)

// makeTable builds the orders list: a virtualised table whose rows come from the pager a
// page at a time, with a header that sorts by the column tapped.
func (o *orders) makeTable() *widget.Table {
	t := widget.NewTable(
		func() (int, int) { return o.pager.count(), len(orderColumns) },
		newTableCell,
		o.updateCell,
	)
	t.ShowHeaderRow = true
	t.CreateHeader = sortHeader
	t.UpdateHeader = o.updateHeader
	for i, c := range orderColumns {
		t.SetColumnWidth(i, c.width)
	}
	t.OnSelected = func(id widget.TableCellID) {
		// The band marks the whole row; the table's own selection would stay on the cell and
		// swallow the next tap there, which after a search is another order.
		t.Unselect(id)
		o.onSelect(id.Row)
	}
	return t
}

func (o *orders) updateHeader(id widget.TableCellID, cell fyne.CanvasObject) {
	b := headerButton(cell)
	if id.Col < 0 || id.Col >= len(orderColumns) {
		b.SetText("")
		b.OnTapped = nil
		return
	}
	c := orderColumns[id.Col]
	text := c.title
	if c.sort == o.sort {
		text += map[bool]string{false: " ▲", true: " ▼"}[o.desc]
	}
	b.SetText(text)
	b.OnTapped = func() { o.onSort(c.sort) }
}

func (o *orders) updateCell(id widget.TableCellID, cell fyne.CanvasObject) {
	stack := cell.(*fyne.Container)
	bg, l := stack.Objects[0].(*canvas.Rectangle), stack.Objects[1].(*widget.Label)
	bg.Hide()
	if id.Col < 0 || id.Col >= len(orderColumns) {
		l.SetText("")
		return
	}
	c := orderColumns[id.Col]
	r, ok, load := o.pager.row(id.Row)
	if ok && o.selected != 0 && r.ID == o.selected {
		bg.Show()
	}
	if load {
		o.loadPage(id.Row / pageSize)
	}
	l.Alignment = c.align
	l.Importance = widget.MediumImportance
	if !ok {
		l.SetText("…")
		return
	}
	switch {
	case c.sort == app.SortAtRisk && r.AtRisk:
		l.Importance = widget.DangerImportance
	case c.sort == app.SortShipBy && strings.HasSuffix(c.text(r, &o.format), "(late)"):
		l.Importance = widget.WarningImportance
	case r.Status == "cancelled":
		l.Importance = widget.LowImportance
	}
	l.SetText(c.text(r, &o.format))
}

// sentence is an error as the owner should read it: the problems of bad input, else the message.
func sentence(err error) string {
	var ie *app.InputError
	if errors.As(err, &ie) {
		var msgs []string
		for _, p := range ie.Problems {
			msgs = append(msgs, p.Message)
		}
		return strings.Join(msgs, "; ")
	}
	return err.Error()
}

// emptyState is a quiet centred message for a pane with nothing to show.
func emptyState(text string) fyne.CanvasObject {
	l := widget.NewLabel(text)
	l.Importance = widget.LowImportance
	l.Alignment = fyne.TextAlignCenter
	return container.NewCenter(l)
}
