package views

import (
	_ "clockwork/views/envlocale" // quiet Fyne about a C.UTF-8 locale in test output

	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// button finds the button a user would see labelled label under root.
func button(t *testing.T, root fyne.CanvasObject, label string) *widget.Button {
	t.Helper()
	for _, o := range test.LaidOutObjects(root) {
		if b, ok := o.(*widget.Button); ok && b.Text == label {
			return b
		}
	}
	t.Fatalf("no button %q", label)
	return nil
}

// buttonTexts lists the labels of every button under root.
func buttonTexts(root fyne.CanvasObject) map[string]bool {
	out := map[string]bool{}
	for _, o := range test.LaidOutObjects(root) {
		if b, ok := o.(*widget.Button); ok {
			out[b.Text] = true
		}
	}
	return out
}
