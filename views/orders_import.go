package views

import (
	"context"
	"errors"
	"fmt"
	"io"

	"clockwork/app"
	"clockwork/app/importfile"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"
)

// importSource is a file chosen for import, which can be read again (the preview, the
// mapping step and the import each read it).
type importSource struct {
	name string
	open func() (io.ReadCloser, error)
}

// orderImport runs "Import orders…": choose a file; a preview says what the import would do
// (new, changed, already there, held, skipped as fulfilled, cancelled, problems), or a
// mapping step asks which column is which when the layout is unknown; only Import writes.
// Every step runs off the UI thread with a progress bar and Cancel; Enter and Esc work.
type orderImport struct {
	o *orders
	// choose asks for the file; tests replace it to hand a file over without the dialog.
	choose  func(done func(importSource))
	src     importSource
	mapping importfile.ColumnMap // chosen in the mapping step; nil: the layout or the saved map
	preview app.ImportResult     // the last dry run
	// problems are the preview's problems: with any, Import imports the valid orders only.
	problems  []app.Problem
	rows      *previewRows // the preview's orders, one row each; nil when it has none
	dlg       dialog.Dialog
	body      *fyne.Container // the step shown
	primary   *widget.Button  // Preview import, Import, or Import the N valid orders
	changeMap *widget.Button
	cancelBtn *widget.Button
	progress  *widget.ProgressBar
	status    *widget.Label
	cancel    context.CancelFunc // stops the running step; nil when none runs
	mapper    *columnMapper
	result    string // the last outcome, as the window said it
}

func newOrderImport(o *orders) *orderImport {
	i := &orderImport{o: o}
	i.choose = i.fileDialog
	return i
}

// start is the "Import orders…" button.
func (i *orderImport) start() {
	i.choose(i.open)
}

func (i *orderImport) fileDialog(done func(importSource)) {
	d := dialog.NewFileOpen(func(rc fyne.URIReadCloser, err error) {
		if err != nil {
			dialog.ShowError(err, i.o.win)
			return
		}
		if rc == nil {
			return // the user closed the dialog
		}
		defer rc.Close()
		uri := rc.URI()
		done(importSource{name: uri.Name(), open: func() (io.ReadCloser, error) { return storage.Reader(uri) }})
	}, i.o.win)
	d.SetFilter(storage.NewExtensionFileFilter([]string{".csv", ".CSV", ".txt", ".tsv", ".xlsx"}))
	d.Resize(fyne.NewSize(900, 600))
	d.Show()
}

// open shows the import dialog for a file and starts its preview.
func (i *orderImport) open(src importSource) {
	i.src, i.mapping, i.mapper, i.result = src, nil, nil, ""
	i.progress = widget.NewProgressBar()
	i.status = widget.NewLabel("")
	i.status.Wrapping = fyne.TextWrapWord
	i.body = container.NewStack()
	i.primary = widget.NewButton("Import", i.onPrimary)
	i.primary.Importance = widget.HighImportance
	i.changeMap = widget.NewButton("Change the column map…", func() { i.showMapping(i.usedMap()) })
	i.cancelBtn = widget.NewButton("Cancel", i.onCancel)
	buttons := container.NewBorder(nil, nil, i.cancelBtn, container.NewHBox(i.changeMap, i.primary))
	i.dlg = dialog.NewCustomWithoutButtons("Import orders from "+src.name, container.NewBorder(nil, buttons, nil, nil, i.body), i.o.win)
	i.dlg.Resize(fyne.NewSize(1000, 620))
	dialogKeys(i.o.win, i.dlg, func() *widget.Button { return i.primary }, i.onCancel)
	i.dlg.Show()
	i.check()
}

// onCancel stops the running step, or closes the dialog when none runs.
func (i *orderImport) onCancel() {
	if i.cancel != nil {
		i.cancel()
		return
	}
	i.finish("Nothing was imported from " + i.src.name + ".")
}

// finish closes the dialog and keeps what it says for the record.
func (i *orderImport) finish(result string) {
	i.result = result
	if i.dlg != nil {
		i.dlg.Hide()
	}
}

func (i *orderImport) onPrimary() {
	if i.mapper != nil {
		i.mapping = i.mapper.columnMap()
		i.mapper = nil
		i.check()
		return
	}
	i.importNow()
}

// working shows a progress bar while a step runs off the UI thread.
func (i *orderImport) working(text string) {
	i.o.win.Canvas().Unfocus() // a choice of the step before would keep Enter from the dialog
	i.status.SetText(text)
	i.progress.SetValue(0)
	i.primary.Disable()
	i.changeMap.Hide()
	i.body.Objects = []fyne.CanvasObject{container.NewVBox(i.status, i.progress)}
	i.body.Refresh()
}

// run does one step (the preview or the import) off the UI thread, then done on it.
func (i *orderImport) run(text string, opt app.ImportOptions, done func(app.ImportResult, error)) {
	i.working(text)
	ctx, cancel := context.WithCancel(context.Background())
	i.cancel = cancel
	opt.Progress = func(n, total int) {
		fyne.Do(func() {
			i.status.SetText(fmt.Sprintf("%s %d of %d orders", text, n, total))
			i.progress.SetValue(float64(n) / float64(max(total, 1)))
		})
	}
	src := i.src
	i.o.bg(func() {
		res, err := i.importFrom(ctx, src, opt)
		cancel()
		fyne.Do(func() {
			i.cancel = nil
			if errors.Is(err, context.Canceled) {
				i.finish("Nothing was imported from " + src.name + ".")
				return
			}
			done(res, err)
		})
	})
}

func (i *orderImport) importFrom(ctx context.Context, src importSource, opt app.ImportOptions) (app.ImportResult, error) {
	r, err := src.open()
	if err != nil {
		return app.ImportResult{}, err
	}
	defer r.Close()
	return i.o.src.ImportOrders(ctx, r, src.name, opt)
}

// check runs the preview: the whole import as a dry run, the valid orders counted.
func (i *orderImport) check() {
	opt := app.ImportOptions{DryRun: true, OnlyValid: true, Map: i.mapping}
	i.run("Checking "+i.src.name+":", opt, func(res app.ImportResult, err error) {
		var ie *app.InputError
		switch {
		case errors.As(err, &ie) && res.NeedsMap:
			i.showMapping(nil)
		case errors.As(err, &ie):
			i.showPreview(res, ie.Problems)
		case err != nil:
			i.showPreview(res, []app.Problem{{File: i.src.name, Message: err.Error()}})
		default:
			i.showPreview(res, res.Problems)
		}
	})
}

// importNow writes what the preview showed: everything, or the valid orders when it had problems.
func (i *orderImport) importNow() {
	opt := app.ImportOptions{OnlyValid: len(i.problems) > 0, Map: i.mapping}
	i.run("Importing "+i.src.name+":", opt, func(res app.ImportResult, err error) {
		var ie *app.InputError
		switch {
		case errors.As(err, &ie):
			i.showPreview(res, ie.Problems) // the file changed since the preview
		case err != nil:
			i.showPreview(res, []app.Problem{{File: i.src.name, Message: "nothing was imported: " + err.Error()}})
		default:
			text := res.Summary() + "."
			if res.UnknownLines > 0 {
				text += "\n\nChoose “Unknown SKU” in the filter to map them to your products."
			}
			i.finish(text)
			i.o.refresh()
			dialog.ShowInformation("Orders imported", text, i.o.win)
		}
	})
}

// usedMap is the map the preview read the file through, for changing it.
func (i *orderImport) usedMap() importfile.ColumnMap {
	if i.mapping != nil {
		return i.mapping
	}
	m, err := importfile.ParseColumnMap(i.preview.Map)
	if err != nil {
		return nil
	}
	return m
}
