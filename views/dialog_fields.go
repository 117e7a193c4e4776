package views

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// Fyne hands every key typed into a focused field to that field alone, and its fields keep
// Enter and Esc to themselves, so a dialog never hears them. The fields below are Fyne's own
// with one change: Esc cancels the dialog they sit in, and Enter presses its main button
// (except where Enter means something in the field: a new line, or the field's own submit).
// Every dialog's fields are made with them; outside a dialog they behave as Fyne's.

// passDialogKey hands k, typed in o, to the dialog on top of o's window: Esc always, Enter
// when enter is true. It says whether a dialog took the key.
func passDialogKey(o fyne.CanvasObject, k *fyne.KeyEvent, enter bool) bool {
	isEnter := k.Name == fyne.KeyReturn || k.Name == fyne.KeyEnter
	if k.Name != fyne.KeyEscape && !(enter && isEnter) {
		return false
	}
	c := fyne.CurrentApp().Driver().CanvasForObject(o)
	return c != nil && dialogKeyOn(c, k.Name)
}

// dialogField is an entry for dialogs; multi-line ones keep Enter for a new line.
type dialogField struct{ widget.Entry }

func newDialogField() *dialogField {
	f := &dialogField{}
	f.ExtendBaseWidget(f)
	return f
}

func newDialogMultiLine() *dialogField {
	f := newDialogField()
	f.MultiLine = true
	f.Wrapping = fyne.TextWrapWord
	return f
}

// TypedKey implements fyne.Focusable.
func (f *dialogField) TypedKey(k *fyne.KeyEvent) {
	if !passDialogKey(f, k, f.OnSubmitted == nil && !f.MultiLine) {
		f.Entry.TypedKey(k)
	}
}

// dialogSelectEntry is an entry with a list of suggestions, for dialogs.
type dialogSelectEntry struct{ widget.SelectEntry }

func newDialogSelectEntry(options []string) *dialogSelectEntry {
	e := &dialogSelectEntry{}
	e.ExtendBaseWidget(e)
	e.Wrapping = fyne.TextWrap(fyne.TextTruncateClip)
	e.SetOptions(options)
	return e
}

// TypedKey implements fyne.Focusable.
func (e *dialogSelectEntry) TypedKey(k *fyne.KeyEvent) {
	if !passDialogKey(e, k, e.OnSubmitted == nil) {
		e.SelectEntry.TypedKey(k)
	}
}

// dialogSelect is a drop-down choice for dialogs.
type dialogSelect struct{ widget.Select }

func newDialogSelect(options []string, changed func(string)) *dialogSelect {
	s := &dialogSelect{}
	s.Options, s.OnChanged, s.PlaceHolder = options, changed, "(Select one)"
	s.ExtendBaseWidget(s)
	return s
}

// TypedKey implements fyne.Focusable.
func (s *dialogSelect) TypedKey(k *fyne.KeyEvent) {
	if !passDialogKey(s, k, true) {
		s.Select.TypedKey(k)
	}
}

// dialogCheck is a check box for dialogs.
type dialogCheck struct{ widget.Check }

func newDialogCheck(label string, changed func(bool)) *dialogCheck {
	c := &dialogCheck{}
	c.Text, c.OnChanged = label, changed
	c.ExtendBaseWidget(c)
	return c
}

// TypedKey implements fyne.Focusable.
func (c *dialogCheck) TypedKey(k *fyne.KeyEvent) {
	if !passDialogKey(c, k, true) {
		c.Check.TypedKey(k)
	}
}

// dialogList is a list for dialogs that pick a row: Enter picks the row with the keyboard's
// focus, as Space does.
type dialogList struct{ widget.List }

func newDialogList(length func() int, create func() fyne.CanvasObject, update func(widget.ListItemID, fyne.CanvasObject)) *dialogList {
	l := &dialogList{}
	l.Length, l.CreateItem, l.UpdateItem = length, create, update
	l.ExtendBaseWidget(l)
	return l
}

// TypedKey implements fyne.Focusable.
func (l *dialogList) TypedKey(k *fyne.KeyEvent) {
	if k.Name == fyne.KeyReturn || k.Name == fyne.KeyEnter {
		l.List.TypedKey(&fyne.KeyEvent{Name: fyne.KeySpace})
		return
	}
	if !passDialogKey(l, k, false) {
		l.List.TypedKey(k)
	}
}
