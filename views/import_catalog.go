package views

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"

	"clockwork/app"
	"clockwork/app/importfile"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// catalogImportSource is what the price list import needs from the app.
type catalogImportSource interface {
	ImportCatalog(r io.Reader, fileName string, opt app.CatalogImportOptions) (app.CatalogImport, error)
	Suppliers(app.SupplierQuery) ([]app.SupplierRow, error)
}

// catalogImport walks the user through importing a supplier's price list: the file is
// chosen, the supplier picked or typed, a dry run previews every row with its problems
// marked, and only then does Import write.
type catalogImport struct {
	src         catalogImportSource
	win         fyne.Window
	bg          runner
	name        string
	raw         []byte
	result      app.CatalogImport
	problems    []app.Problem
	checkedFor  string // the supplier the preview was made for; "" when there is none
	supplier    *dialogSelectEntry
	preview     *widget.Button
	table       *dialogTable
	summary     *widget.Label
	busy        *widget.ProgressBarInfinite
	importAll   *widget.Button
	importValid *widget.Button
	changeMap   *widget.Button
	center      *fyne.Container      // the preview table, or the mapping step
	mapping     importfile.ColumnMap // chosen in the mapping step; nil: the header names or the saved map
	mapper      *columnMapper        // the mapping step while it is shown
	dlg         dialog.Dialog
	onDone      func(summary string)
}

// openCatalogImport asks for a price list file, then opens the import dialog on it.
func openCatalogImport(src catalogImportSource, win fyne.Window, bg runner, supplier string, onDone func(string)) {
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil {
			dialog.ShowError(err, win)
			return
		}
		if r == nil {
			return // cancelled
		}
		ci := newCatalogImport(src, win, bg, supplier, onDone)
		bg(func() { // a big file takes a moment to read
			err := ci.read(r.URI().Name(), r)
			r.Close()
			fyne.Do(func() {
				if err != nil {
					dialog.ShowError(err, win)
					return
				}
				ci.show()
				ci.begin()
			})
		})
	}, win)
	d.SetFilter(storage.NewExtensionFileFilter([]string{".csv", ".txt", ".tsv", ".xlsx"}))
	d.Resize(fyne.NewSize(900, 600))
	d.Show()
}

func newCatalogImport(src catalogImportSource, win fyne.Window, bg runner, supplier string, onDone func(string)) *catalogImport {
	ci := &catalogImport{src: src, win: win, bg: bg, onDone: onDone}
	ci.supplier = newDialogSelectEntry(nil)
	ci.supplier.SetPlaceHolder("Pick a supplier or type a new name")
	ci.supplier.SetText(supplier)
	ci.supplier.OnChanged = func(string) { ci.showButtons() }
	ci.supplier.OnSubmitted = ci.onSupplierEnter
	ci.preview = widget.NewButtonWithIcon("Preview", theme.SearchIcon(), ci.onPreview)
	ci.summary = widget.NewLabel("Pick the supplier, then Preview: it shows what the import would change. Nothing is written until you press Import.")
	ci.summary.Wrapping = fyne.TextWrapWord
	ci.busy = widget.NewProgressBarInfinite()
	ci.busy.Hide()
	ci.importAll = widget.NewButtonWithIcon("Import", theme.ConfirmIcon(), func() { ci.onImport(false) })
	ci.importAll.Importance = widget.HighImportance
	ci.importValid = widget.NewButton("Import the valid rows", func() { ci.onImport(true) })
	ci.changeMap = widget.NewButton("Change the column map…", func() { ci.showMapping(ci.usedMap()) })
	ci.changeMap.Hide()
	ci.table = ci.makeTable()
	ci.center = container.NewStack(ci.table)
	ci.showButtons()
	return ci
}

// load reads the file and starts the dialog's work on it (tests call it without a dialog).
func (ci *catalogImport) load(name string, r io.Reader) error {
	if err := ci.read(name, r); err != nil {
		return err
	}
	ci.begin()
	return nil
}

// read takes the chosen file into memory, so the preview and the import read the same
// bytes. It touches no widget: it may run off the UI thread.
func (ci *catalogImport) read(name string, r io.Reader) error {
	raw, err := io.ReadAll(io.LimitReader(r, app.MaxImportBytes+1))
	if err != nil {
		return fmt.Errorf("could not read %s: %w", name, err)
	}
	ci.name, ci.raw = name, raw
	return nil
}

// begin offers the known suppliers and, when the supplier is known already, previews.
func (ci *catalogImport) begin() {
	ci.loadSupplierNames()
	if strings.TrimSpace(ci.supplier.Text) != "" {
		ci.onPreview()
	}
}

func (ci *catalogImport) loadSupplierNames() {
	rows, err := ci.src.Suppliers(app.SupplierQuery{ListQuery: app.ListQuery{Sort: "name", Limit: app.MaxPage}})
	if err != nil {
		return // typing a name still works
	}
	names := make([]string, len(rows))
	for i, r := range rows {
		names[i] = r.Name
	}
	ci.supplier.SetOptions(names)
}

func (ci *catalogImport) show() {
	cancel := widget.NewButton("Cancel", func() { ci.dlg.Hide() })
	head := widget.NewForm(
		widget.NewFormItem("File", widget.NewLabel(ci.name)),
		widget.NewFormItem("Supplier", container.NewBorder(nil, nil, nil, ci.preview, ci.supplier)),
	)
	buttons := container.NewBorder(nil, nil, cancel, container.NewHBox(ci.changeMap, ci.importValid, ci.importAll), ci.busy)
	content := container.NewBorder(container.NewVBox(head, ci.summary), buttons, nil, nil, ci.center)
	ci.dlg = dialog.NewCustomWithoutButtons("Import a price list", content, ci.win)
	ci.dlg.Resize(fyne.NewSize(1000, 640))
	dialogKeys(ci.win, ci.dlg, ci.primaryButton, func() { ci.dlg.Hide() })
	ci.dlg.Show()
	if strings.TrimSpace(ci.supplier.Text) == "" {
		ci.win.Canvas().Focus(ci.supplier) // the first thing to say is whose list it is
	}
}

// onPreview runs the import as a dry run for the supplier typed.
func (ci *catalogImport) onPreview() {
	supplier := strings.TrimSpace(ci.supplier.Text)
	if ci.mapper != nil {
		ci.mapping, ci.mapper = ci.mapper.columnMap(), nil
		ci.center.Objects = []fyne.CanvasObject{ci.table}
		ci.center.Refresh()
	}
	opt := app.CatalogImportOptions{Supplier: supplier, DryRun: true, Map: ci.mapping}
	ci.working(true)
	ci.bg(func() {
		res, err := ci.src.ImportCatalog(bytes.NewReader(ci.raw), ci.name, opt)
		fyne.Do(func() { ci.showPreview(supplier, res, err) })
	})
}

func (ci *catalogImport) showPreview(supplier string, res app.CatalogImport, err error) {
	ci.working(false)
	ci.result, ci.problems, ci.checkedFor = res, nil, supplier
	var ie *app.InputError
	switch {
	case errors.As(err, &ie) && res.NeedsMap && ci.mapping == nil:
		ci.checkedFor = ""
		ci.showMapping(importfile.GuessCatalogMap(&importfile.Table{Header: res.Header}))
		return
	case errors.As(err, &ie):
		ci.problems = ie.Problems
		ci.summary.SetText(problemSummary(res, ie.Problems))
	case err != nil:
		ci.checkedFor = ""
		ci.summary.SetText("The file could not be checked: " + err.Error())
	default:
		ci.summary.SetText(res.Summary() + " Press Import to write it.")
	}
	ci.table.Refresh()
	ci.table.ScrollToTop()
	ci.changeMap.Hidden = res.Map == ""
	ci.changeMap.Refresh()
	ci.showButtons()
}

// problemSummary says what stops the import and what the user can do about it.
func problemSummary(res app.CatalogImport, ps []app.Problem) string {
	var whole []string
	rows := 0
	for _, p := range ps {
		if p.Line == 0 {
			whole = append(whole, p.String())
		} else {
			rows++
		}
	}
	if len(whole) > 0 {
		return "This file cannot be imported:\n• " + strings.Join(whole, "\n• ")
	}
	return fmt.Sprintf("%s have problems (marked in red below); nothing is written while they do. "+
		"Fix them in the file and choose it again, or import the other rows.", nouns(rows, "row"))
}

// importable says whether the preview allows an import, and of which rows.
func (ci *catalogImport) importable() (all, valid bool) {
	if ci.checkedFor == "" || ci.checkedFor != strings.TrimSpace(ci.supplier.Text) {
		return false, false
	}
	for _, p := range ci.problems {
		if p.Line == 0 {
			return false, false
		}
	}
	n := ci.changes()
	return len(ci.problems) == 0 && n > 0, len(ci.problems) > 0 && n > 0
}

// changes counts the rows the preview says an import would write.
func (ci *catalogImport) changes() int {
	n := 0
	for _, r := range ci.result.Rows {
		if r.Change != app.ChangeInvalid && r.Change != app.ChangeUnchanged && r.Change != app.ChangeSkipped {
			n++
		}
	}
	return n
}

func (ci *catalogImport) showButtons() {
	all, valid := ci.importable()
	setEnabled(ci.importAll, all)
	setEnabled(ci.preview, strings.TrimSpace(ci.supplier.Text) != "" && (ci.mapper == nil || len(ci.mapper.shown.problems) == 0))
	if valid {
		ci.importValid.SetText(fmt.Sprintf("Import the %s", nouns(ci.changes(), "valid row")))
		ci.importValid.Show()
	} else {
		ci.importValid.Hide()
	}
}

func setEnabled(b *widget.Button, on bool) {
	if on {
		b.Enable()
	} else {
		b.Disable()
	}
}

func (ci *catalogImport) working(on bool) {
	if on {
		ci.busy.Show()
		ci.busy.Start()
		ci.importAll.Disable()
		ci.preview.Disable()
		return
	}
	ci.busy.Stop()
	ci.busy.Hide()
}

// onImport writes the import (all rows, or the valid ones when the user asked for that).
func (ci *catalogImport) onImport(skipInvalid bool) {
	opt := app.CatalogImportOptions{Supplier: ci.checkedFor, SkipInvalid: skipInvalid, Map: ci.mapping}
	ci.working(true)
	ci.bg(func() {
		res, err := ci.src.ImportCatalog(bytes.NewReader(ci.raw), ci.name, opt)
		fyne.Do(func() {
			if err != nil {
				ci.showPreview(opt.Supplier, res, err)
				return
			}
			ci.working(false)
			if ci.dlg != nil {
				ci.dlg.Hide()
			}
			dialog.ShowInformation("Price list imported", res.Summary(), ci.win)
			ci.onDone(res.Summary())
		})
	})
}
