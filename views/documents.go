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
	"fyne.io/fyne/v2/theme"
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

// openFile shows a document in the system's viewer; where none can be started it says where
// the file is instead. It says whether the viewer started.
func openFile(win fyne.Window, path string) bool {
	if err := openPath(path); err != nil {
		cannotOpen(win, path)
		return false
	}
	return true
}

// cannotOpen says where a document is when no program could be started to show it (no PDF
// viewer installed, say), with a button for its folder and one that copies its path.
func cannotOpen(win fyne.Window, path string) {
	msg := widget.NewLabel(fmt.Sprintf("Clockwork could not start a program to show %s. "+
		"It is saved here; open it from your file manager, or install a PDF viewer:", filepath.Base(path)))
	msg.Wrapping = fyne.TextWrapWord
	where := widget.NewLabel(path)
	where.Wrapping = fyne.TextWrapBreak
	where.Selectable = true
	said := widget.NewLabel("")
	folder := widget.NewButtonWithIcon("Show in folder", theme.FolderOpenIcon(), func() {
		if err := openPath(filepath.Dir(path)); err != nil {
			said.SetText("No file manager could be started either: copy the path and open it yourself.")
		}
	})
	cp := widget.NewButtonWithIcon("Copy path", theme.ContentCopyIcon(), func() {
		fyne.CurrentApp().Clipboard().SetContent(path)
		said.SetText("The path is copied.")
	})
	d := dialog.NewCustom("The document is saved", "Close", container.NewVBox(msg, where, container.NewHBox(folder, cp), said), win)
	d.Resize(fyne.NewSize(560, 0))
	d.Show()
}

// showDocument offers to open a finished document or the folder it is in.
func showDocument(win fyne.Window, title, path, what string) {
	showDocumentWith(win, title, path, what, nil)
}

// showDocumentWith is showDocument with a Print… button when print is given.
func showDocumentWith(win fyne.Window, title, path, what string, print func()) {
	var d dialog.Dialog
	open := func(p string) {
		d.Hide()
		openFile(win, p)
	}
	openFile := widget.NewButton("Open", func() { open(path) })
	openFile.Importance = widget.HighImportance
	folder := widget.NewButton("Show in folder", func() { open(filepath.Dir(path)) })
	msg := widget.NewLabel(what + "\n" + path)
	msg.Wrapping = fyne.TextWrapWord
	buttons := container.NewHBox(openFile, folder)
	if print != nil {
		buttons.Add(widget.NewButtonWithIcon("Print…", theme.DocumentPrintIcon(), func() { d.Hide(); print() }))
	}
	d = dialog.NewCustom(title, "Close", container.NewVBox(msg, buttons), win)
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
