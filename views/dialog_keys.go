package views

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// dialogKey answers Enter and Esc typed while no field has the focus: in the dialog on top,
// Enter presses its main button and Esc its cancel button.
func (s *shell) dialogKey(k *fyne.KeyEvent) { dialogKeyOn(s.win.Canvas(), k.Name) }

// dialogKeyOn presses the button of the dialog on top of c that key stands for; it says
// whether there was one.
func dialogKeyOn(c fyne.Canvas, key fyne.KeyName) bool {
	top := c.Overlays().Top()
	if top == nil {
		return false
	}
	if p, ok := top.(*widget.PopUp); ok && key == fyne.KeyEscape {
		if _, calendar := p.Content.(*widget.Calendar); calendar { // a date field's calendar
			p.Hide()
			return true
		}
	}
	var b *widget.Button
	switch key {
	case fyne.KeyReturn, fyne.KeyEnter:
		b = mainButton(top)
	case fyne.KeyEscape:
		b = cancelButton(top)
	}
	if b == nil || b.Disabled() {
		return false
	}
	b.OnTapped()
	return true
}

// dismissTexts are what a dialog's way out says when it has no cancel icon.
var dismissTexts = map[string]bool{"Cancel": true, "Close": true, "OK": true, "No": true, "Not now": true}

// mainButton is the dialog's one main (high importance) button, or its only way out (the OK
// of a message); nil when there is no single one.
func mainButton(o fyne.CanvasObject) *widget.Button {
	var main, out []*widget.Button
	eachButton(o, func(b *widget.Button) {
		switch {
		case b.Importance == widget.HighImportance:
			main = append(main, b)
		case dismissTexts[b.Text]:
			out = append(out, b)
		}
	})
	switch {
	case len(main) == 1:
		return main[0]
	case len(main) == 0 && len(out) == 1:
		return out[0]
	}
	return nil
}

// cancelButton is the dialog's way out: the button with the cancel icon, else its Cancel,
// Close or OK.
func cancelButton(o fyne.CanvasObject) *widget.Button {
	var icon, text *widget.Button
	eachButton(o, func(b *widget.Button) {
		if b.Icon == theme.CancelIcon() && icon == nil {
			icon = b
		}
		if dismissTexts[b.Text] && text == nil {
			text = b
		}
	})
	if icon != nil {
		return icon
	}
	return text
}

// eachButton calls fn for every visible button with an action under o.
func eachButton(o fyne.CanvasObject, fn func(*widget.Button)) {
	if o == nil || !o.Visible() {
		return
	}
	switch x := o.(type) {
	case *widget.Button:
		if x.OnTapped != nil {
			fn(x)
		}
		return
	case *fyne.Container:
		for _, c := range x.Objects {
			eachButton(c, fn)
		}
		return
	case *widget.PopUp: // a dialog
		eachButton(x.Content, fn)
	case *container.Scroll:
		eachButton(x.Content, fn)
	case *widget.Card:
		eachButton(x.Content, fn)
	case *widget.Form:
		for _, i := range x.Items {
			eachButton(i.Widget, fn)
		}
	}
}
