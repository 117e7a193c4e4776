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
