package views

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
)

// detailPane is the detail half of every list-and-detail screen (Orders, Purchase orders,
// Returns, Suppliers, Catalog, Receiving): the record last picked in the list, or a quiet
// hint when none is. It remembers which record it stands for, so an answer read for a record
// the owner has since left is dropped, and the list can clear it when the record leaves it.
type detailPane struct {
	root  *fyne.Container
	empty fyne.CanvasObject
	body  fyne.CanvasObject
	id    uint // the record shown or being read; 0 for none
}

// newDetailPane is a pane that shows body for a record and hint when there is none.
func newDetailPane(body fyne.CanvasObject, hint string) *detailPane {
	return newDetailPaneWith(body, emptyState(hint))
}

// newDetailPaneWith is a pane that shows body for a record and empty when there is none.
func newDetailPaneWith(body, empty fyne.CanvasObject) *detailPane {
	p := &detailPane{body: body, empty: empty}
	p.root = container.NewStack(p.empty)
	return p
}

func (p *detailPane) content() fyne.CanvasObject { return p.root }

// open says the pane now stands for record id; its body shows once showBody is called.
func (p *detailPane) open(id uint) { p.id = id }

// wants says whether an answer read for record id is still wanted.
func (p *detailPane) wants(id uint) bool { return id == p.id }

// showBody shows the record's details.
func (p *detailPane) showBody() { p.set(p.body) }

// showing says whether the pane shows a record's details (not the hint or a message).
func (p *detailPane) showing() bool {
	return len(p.root.Objects) == 1 && p.root.Objects[0] == p.body
}

// message shows a sentence instead of the record (it could not be read, say).
func (p *detailPane) message(text string) { p.set(emptyState(text)) }

// clear forgets the record and shows the hint.
func (p *detailPane) clear() {
	p.id = 0
	p.set(p.empty)
}

func (p *detailPane) set(obj fyne.CanvasObject) {
	if p.showing() && obj == p.body {
		return
	}
	p.root.Objects = []fyne.CanvasObject{obj}
	p.root.Refresh()
}
