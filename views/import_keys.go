package views

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"
)

// dialogKeys makes Enter press the dialog's main button (when it is shown and enabled) and
// Esc its Cancel while d is open; the window's own key handler is back once d closes.
func dialogKeys(win fyne.Window, d dialog.Dialog, primary func() *widget.Button, cancel func()) {
	c := win.Canvas()
	prev := c.OnTypedKey()
	c.SetOnTypedKey(func(k *fyne.KeyEvent) {
		switch k.Name {
		case fyne.KeyEscape:
			cancel()
		case fyne.KeyReturn, fyne.KeyEnter:
			if b := primary(); b != nil && b.Visible() && !b.Disabled() && b.OnTapped != nil {
				b.OnTapped()
			}
		default:
			if prev != nil {
				prev(k)
			}
		}
	})
	d.SetOnClosed(func() { c.SetOnTypedKey(prev) })
}

// Every widget that takes the focus (an entry, a choice, a table row clicked) keeps the keys
// typed while it has it, and Fyne's own ignore Esc: in a dialog Esc would do nothing until
// the user clicked outside every field. The import dialogs' fields below hand Esc (and, where
// the field has no use for it, Enter) to the dialog they sit in.

// keyToDialog passes k to what the window does with keys when no field has the focus (the
// open dialog's handler, see dialogKeys), else to the dialog's own buttons; it says whether
// it was taken. Only Esc, and Enter when enter is true, are passed.
func keyToDialog(o fyne.CanvasObject, k *fyne.KeyEvent, enter bool) bool {
	isEnter := k.Name == fyne.KeyReturn || k.Name == fyne.KeyEnter
	if k.Name != fyne.KeyEscape && !(enter && isEnter) {
		return false
	}
	c := fyne.CurrentApp().Driver().CanvasForObject(o)
	if c == nil || c.Overlays().Top() == nil {
		return false
	}
	if h := c.OnTypedKey(); h != nil {
		h(k)
		return true
	}
	return dialogKeyOn(c, k.Name)
}

// dialogSelectEntry is a choice-or-type field for dialogs (the price list's supplier): Esc
// closes the dialog; Enter stays the field's own (OnSubmitted).
type dialogSelectEntry struct{ widget.SelectEntry }

func newDialogSelectEntry(options []string) *dialogSelectEntry {
	e := &dialogSelectEntry{}
	e.ExtendBaseWidget(e)
	e.Wrapping = fyne.TextWrap(fyne.TextTruncateClip) // as widget.NewSelectEntry
	e.SetOptions(options)
	return e
}

// TypedKey implements fyne.Focusable: Esc goes to the dialog.
func (e *dialogSelectEntry) TypedKey(k *fyne.KeyEvent) {
	if !keyToDialog(e, k, e.OnSubmitted == nil) {
		e.SelectEntry.TypedKey(k)
	}
}

// dialogSelect is a drop-down choice for dialogs: Esc and Enter go to the dialog.
type dialogSelect struct{ widget.Select }

func newDialogSelect(options []string, changed func(string)) *dialogSelect {
	s := &dialogSelect{}
	s.Options, s.OnChanged, s.PlaceHolder = options, changed, "(Select one)"
	s.ExtendBaseWidget(s)
	return s
}

// TypedKey implements fyne.Focusable: Esc and Enter go to the dialog.
func (s *dialogSelect) TypedKey(k *fyne.KeyEvent) {
	if !keyToDialog(s, k, true) {
		s.Select.TypedKey(k)
	}
}

// dialogTable is a table for dialogs: a click gives it the focus (for the arrow keys), Esc
// and Enter still go to the dialog.
type dialogTable struct{ widget.Table }

func newDialogTable(length func() (int, int), create func() fyne.CanvasObject, update func(widget.TableCellID, fyne.CanvasObject)) *dialogTable {
	t := &dialogTable{}
	t.Length, t.CreateCell, t.UpdateCell = length, create, update
	t.ExtendBaseWidget(t)
	return t
}

// TypedKey implements fyne.Focusable: Esc and Enter go to the dialog.
func (t *dialogTable) TypedKey(k *fyne.KeyEvent) {
	if !keyToDialog(t, k, true) {
		t.Table.TypedKey(k)
	}
}
