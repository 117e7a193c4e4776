package views

import (
	"fmt"
	"net/url"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"
)

// openPath opens a file or folder in the system's viewer.
func openPath(path string) error {
	u, err := url.Parse(storage.NewFileURI(path).String())
	if err != nil {
		return err
	}
	return fyne.CurrentApp().OpenURL(u)
}

// showDocument offers to open a finished document or the folder it is in.
func showDocument(win fyne.Window, title, path, what string) {
	var d dialog.Dialog
	open := func(p string) {
		if err := openPath(p); err != nil {
			dialog.ShowError(fmt.Errorf("could not open %s: %w", filepath.Base(p), err), win)
			return
		}
		d.Hide()
	}
	openFile := widget.NewButton("Open", func() { open(path) })
	openFile.Importance = widget.HighImportance
	folder := widget.NewButton("Show in folder", func() { open(filepath.Dir(path)) })
	msg := widget.NewLabel(what + "\n" + path)
	msg.Wrapping = fyne.TextWrapWord
	d = dialog.NewCustom(title, "Close", container.NewVBox(msg, container.NewHBox(openFile, folder)), win)
	d.Resize(fyne.NewSize(520, 200))
	d.Show()
}

// joinSentences joins what to say, leaving out the empty parts.
func joinSentences(parts ...string) string {
	var out []string
	for _, p := range parts {
		if p != "" {
			out = append(out, p)
		}
	}
	return strings.Join(out, " ")
}
