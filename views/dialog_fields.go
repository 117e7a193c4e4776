package views

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// Fyne hands every key typed into a focused field to that field alone, and its fields keep
// Enter and Esc to themselves, so a dialog never hears them. The fields below (with the
// choices and lists of import_keys.go) are Fyne's own with one change, through keyToDialog:
// Esc cancels the dialog they sit in, and Enter presses its main button (except where Enter
// means something in the field: a new line, or the field's own submit). Every dialog's
// fields are made with them; outside a dialog they behave as Fyne's.

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
	if !keyToDialog(f, k, f.OnSubmitted == nil && !f.MultiLine) {
		f.Entry.TypedKey(k)
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
	if !keyToDialog(c, k, true) {
		c.Check.TypedKey(k)
	}
}

// dialogPickList is a list for dialogs that pick a row (Start a return's orders found):
// Enter picks the row with the keyboard's focus, as Space does; Esc goes to the dialog.
type dialogPickList struct{ widget.List }

func newDialogPickList(length func() int, create func() fyne.CanvasObject, update func(widget.ListItemID, fyne.CanvasObject)) *dialogPickList {
	l := &dialogPickList{}
	l.Length, l.CreateItem, l.UpdateItem = length, create, update
	l.ExtendBaseWidget(l)
	return l
}

// TypedKey implements fyne.Focusable.
func (l *dialogPickList) TypedKey(k *fyne.KeyEvent) {
	if k.Name == fyne.KeyReturn || k.Name == fyne.KeyEnter {
		l.List.TypedKey(&fyne.KeyEvent{Name: fyne.KeySpace})
		return
	}
	if !keyToDialog(l, k, false) {
		l.List.TypedKey(k)
	}
}
