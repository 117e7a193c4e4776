package views

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// column is one column of a list table, declared once: its header, width, the text a row
// shows in it, and the key the app sorts by ("" when the column does not sort).
type tableColumn[T any] struct {
	title string
	width float32
	sort  string
	text  func(T) string
	// tone colours a cell (a blocked supplier in red, say); nil for plain text.
	tone func(T) widget.Importance
}

// listPage is how many rows a list table reads from the database at once.
const listPage = 200

// pagedTable is a virtualised, sortable widget.Table over a list the app reads a page at a
// time: only the pages the user scrolls to are loaded, so a list of 20,000 products costs
// what the screen shows.
type pagedTable[T any] struct {
	cols     []tableColumn[T]
	table    *widget.Table
	bg       runner
	id       func(T) uint // identifies a row across reloads, to keep it selected
	count    int
	pages    map[int][]T
	loading  map[int]bool
	query    func(offset, limit int) ([]T, error)
	gen      int // bumps on every reload; pages of an older query are dropped
	sortKey  string
	desc     bool
	selected uint // the selected row's id, 0 for none
	onSort   func()
	onSelect func(T)
	onError  func(error)
	// onLeave runs when the selected row is no longer in the list (a search, a filter or a
	// change to the data took it out): the screen clears its detail.
	onLeave func()
}

func newPagedTable[T any](cols []tableColumn[T], bg runner, id func(T) uint) *pagedTable[T] {
	l := &pagedTable[T]{cols: cols, bg: bg, id: id, pages: map[int][]T{}, loading: map[int]bool{}}
	l.table = widget.NewTable(
		func() (int, int) { return l.count, len(l.cols) },
		l.createCell,
		l.updateCell,
	)
	l.table.ShowHeaderRow = true
	l.table.CreateHeader = sortHeader
	l.table.UpdateHeader = l.updateHeader
	for i, c := range cols {
		l.table.SetColumnWidth(i, c.width)
	}
	l.table.OnSelected = l.onCellSelected
	return l
}

// cell is the template of every data cell: a selection band behind a label.
func (l *pagedTable[T]) createCell() fyne.CanvasObject {
	band := canvas.NewRectangle(color.Transparent)
	label := widget.NewLabel("Nordlicht Handelsgesellschaft")
	label.Truncation = fyne.TextTruncateEllipsis
	return container.NewStack(band, label)
}

func (l *pagedTable[T]) updateCell(id widget.TableCellID, o fyne.CanvasObject) {
	stack := o.(*fyne.Container)
	band, label := stack.Objects[0].(*canvas.Rectangle), stack.Objects[1].(*widget.Label)
	row, ok := l.row(id.Row)
	if !ok || id.Col < 0 || id.Col >= len(l.cols) {
		label.Text, label.Importance = "…", widget.LowImportance
		band.FillColor = color.Transparent
		label.Refresh()
		band.Refresh()
		return
	}
	c := l.cols[id.Col]
	label.Text, label.Importance = c.text(row), widget.MediumImportance
	if c.tone != nil {
		label.Importance = c.tone(row)
	}
	band.FillColor = color.Transparent
	if l.selected != 0 && l.id(row) == l.selected {
		band.FillColor = theme.Color(theme.ColorNameSelection)
	}
	label.Refresh()
	band.Refresh()
}

func (l *pagedTable[T]) updateHeader(id widget.TableCellID, o fyne.CanvasObject) {
	b := headerButton(o)
	if id.Col < 0 || id.Col >= len(l.cols) {
		b.SetText("")
		b.OnTapped = nil
		return
	}
	c := l.cols[id.Col]
	text := c.title
	if c.sort != "" && c.sort == l.sortKey {
		text += map[bool]string{false: " ▲", true: " ▼"}[l.desc]
	}
	b.SetText(text)
	b.OnTapped = nil
	if c.sort != "" {
		key := c.sort
		b.OnTapped = func() { l.sortBy(key) }
	}
}

// sortBy sorts by a column; a second tap on the same column reverses the order.
func (l *pagedTable[T]) sortBy(key string) {
	if l.sortKey == key {
		l.desc = !l.desc
	} else {
		l.sortKey, l.desc = key, false
	}
	if l.onSort != nil {
		l.onSort()
	}
}

// row is the loaded row at index i; a row not loaded yet asks for its page.
func (l *pagedTable[T]) row(i int) (T, bool) {
	var zero T
	p := i / listPage
	rows, ok := l.pages[p]
	if !ok {
		l.loadPage(p)
		return zero, false
	}
	if i%listPage >= len(rows) {
		return zero, false
	}
	return rows[i%listPage], true
}

// loadPage reads a page on a goroutine (never inside the table's update) and shows it.
func (l *pagedTable[T]) loadPage(p int) {
	if l.loading[p] || l.query == nil {
		return
	}
	l.loading[p] = true
	gen, query := l.gen, l.query
	go func() {
		rows, err := query(p*listPage, listPage)
		fyne.Do(func() {
			if gen != l.gen {
				return
			}
			delete(l.loading, p)
			if err != nil {
				l.fail(err)
				return
			}
			l.pages[p] = rows
			l.table.Refresh()
		})
	}()
}

// reload counts and reads the first page of a new query off the UI thread, then shows them
// in one go; done (may be nil) runs after, on the UI thread.
func (l *pagedTable[T]) reload(count func() (int, error), query func(offset, limit int) ([]T, error), done func()) {
	l.reloadFollowing(count, query, nil, done)
}

// reloadFollowing is reload for a list whose detail follows the selection: lists (may be nil)
// says whether the new query holds a row that is not among the first page, and a selected row
// the new query does not hold is unselected (onLeave). Without lists, a row not on the first
// page of a longer list is taken to be further down.
func (l *pagedTable[T]) reloadFollowing(count func() (int, error), query func(offset, limit int) ([]T, error),
	lists func(id uint) (bool, error), done func()) {
	l.gen++
	gen, sel := l.gen, l.selected
	l.bg(func() {
		n, err := count()
		var first []T
		if err == nil && n > 0 {
			first, err = query(0, listPage)
		}
		kept := err == nil && l.holds(sel, n, first, lists)
		fyne.Do(func() {
			if gen != l.gen {
				return
			}
			if err != nil {
				l.fail(err)
				return
			}
			l.count, l.query = n, query
			l.pages, l.loading = map[int][]T{0: first}, map[int]bool{}
			if !kept && sel != 0 && l.selected == sel {
				l.selected = 0
				if l.onLeave != nil {
					l.onLeave()
				}
			}
			l.table.Refresh()
			if done != nil {
				done()
			}
		})
	})
}

// holds says whether a list of n rows starting with first holds the row with id sel (0: yes).
func (l *pagedTable[T]) holds(sel uint, n int, first []T, lists func(id uint) (bool, error)) bool {
	if sel == 0 {
		return true
	}
	for _, r := range first {
		if l.id(r) == sel {
			return true
		}
	}
	if n <= len(first) {
		return false
	}
	if lists == nil {
		return true
	}
	ok, err := lists(sel)
	return ok || err != nil // a list that cannot say keeps what the owner picked
}

func (l *pagedTable[T]) fail(err error) {
	if l.onError != nil {
		l.onError(err)
	}
}

func (l *pagedTable[T]) onCellSelected(id widget.TableCellID) {
	l.table.Unselect(id) // the whole row is marked by the band instead of one cell
	row, ok := l.row(id.Row)
	if !ok {
		return
	}
	l.selected = l.id(row)
	l.table.Refresh()
	if l.onSelect != nil {
		l.onSelect(row)
	}
}

// selectID marks the row with this id as selected (0 for none) without telling onSelect.
func (l *pagedTable[T]) selectID(id uint) {
	l.selected = id
	l.table.Refresh()
}
