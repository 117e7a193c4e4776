package views

import (
	"errors"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// Where no PDF viewer can be started, the owner reads where the file is and can copy its
// path; the launcher's own error never shows.
func TestNoViewerSaysWhereTheFileIs(t *testing.T) {
	s, _, _ := newTestShell(t)
	v := settingsOf(s)
	v.openDoc = func(string) error { return errors.New(`exec: "xdg-open": executable file not found in $PATH`) }
	v.onPreview()
	top := s.win.Canvas().Overlays().Top()
	if top == nil {
		t.Fatal("no message when the viewer could not start")
	}
	var texts []string
	var path string
	eachLabel(top, func(l *widget.Label) {
		texts = append(texts, l.Text)
		if strings.HasSuffix(l.Text, "slip-preview.pdf") {
			path = l.Text
		}
	})
	all := strings.Join(texts, "\n")
	if path == "" || strings.Contains(all, "exec") || strings.Contains(v.status.Text, "exec") {
		t.Fatalf("the message reads %q, the status %q", all, v.status.Text)
	}
	test.Tap(button(t, top.(*widget.PopUp).Content, "Copy path"))
	if got := fyne.CurrentApp().Clipboard().Content(); got != path {
		t.Errorf("Copy path copied %q, want %q", got, path)
	}
	if cancelButton(top) == nil || mainButton(top) == nil {
		t.Error("the message cannot be closed with Esc or Enter")
	}
}

// eachLabel calls fn for every label under o.
func eachLabel(o fyne.CanvasObject, fn func(*widget.Label)) {
	switch x := o.(type) {
	case *widget.Label:
		fn(x)
	case *fyne.Container:
		for _, c := range x.Objects {
			eachLabel(c, fn)
		}
	case *widget.PopUp:
		eachLabel(x.Content, fn)
	}
}
