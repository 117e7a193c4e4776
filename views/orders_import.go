package views

import (
	"context"
	"errors"
	"fmt"
	"io"

	"clockwork/app"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"
)

// importSource is a file chosen for import, which can be read again (to import just its
// valid orders after the problems were shown).
type importSource struct {
	name string
	open func() (io.ReadCloser, error)
}

// orderImport runs "Import orders…": choose a file, import it with a progress bar and
// Cancel, then show what happened or every problem with the offer to import the valid orders.
type orderImport struct {
	o *orders
	// choose asks for the file; tests replace it to hand a file over without the dialog.
	choose   func(done func(importSource))
	progress *widget.ProgressBar
	cancel   context.CancelFunc
	running  dialog.Dialog
	result   string         // the last outcome, as the dialog says it
	problems []app.Problem  // the problems of the last file refused
	retry    *widget.Button // "Import the N valid orders"
}

func newOrderImport(o *orders) *orderImport {
	i := &orderImport{o: o}
	i.choose = i.fileDialog
	return i
}

// start is the "Import orders…" button.
func (i *orderImport) start() {
	i.choose(func(src importSource) { i.run(src, false) })
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
	d.SetFilter(storage.NewExtensionFileFilter([]string{".csv", ".CSV", ".txt", ".xlsx"}))
	d.Resize(fyne.NewSize(900, 600))
	d.Show()
}

// run imports the file off the UI thread behind a progress dialog that can cancel it.
func (i *orderImport) run(src importSource, onlyValid bool) {
	ctx, cancel := context.WithCancel(context.Background())
	i.cancel = cancel
	i.progress = widget.NewProgressBar()
	label := widget.NewLabel("Reading " + src.name + "…")
	stop := widget.NewButton("Cancel", cancel)
	i.running = dialog.NewCustomWithoutButtons("Importing orders", container.NewVBox(label, i.progress, container.NewCenter(stop)), i.o.win)
	i.running.Resize(fyne.NewSize(460, 170))
	i.running.Show()
	i.o.bg(func() {
		res, err := i.importFrom(ctx, src, onlyValid, func(done, total int) {
			fyne.Do(func() {
				label.SetText(fmt.Sprintf("Storing orders: %d of %d", done, total))
				i.progress.SetValue(float64(done) / float64(max(total, 1)))
			})
		})
		cancel()
		fyne.Do(func() {
			i.running.Hide()
			i.show(src, res, err)
		})
	})
}

func (i *orderImport) importFrom(ctx context.Context, src importSource, onlyValid bool, progress func(done, total int)) (app.ImportResult, error) {
	r, err := src.open()
	if err != nil {
		return app.ImportResult{}, err
	}
	defer r.Close()
	return i.o.src.ImportOrders(ctx, r, src.name, app.ImportOptions{OnlyValid: onlyValid, Progress: progress})
}

// show says how the import went.
func (i *orderImport) show(src importSource, res app.ImportResult, err error) {
	var ie *app.InputError
	switch {
	case errors.Is(err, context.Canceled):
		i.inform("Import cancelled", "Nothing was imported from "+src.name+".")
	case errors.As(err, &ie):
		i.showProblems(src, res, ie.Problems)
	case err != nil:
		i.inform("Import failed", "Nothing was imported from "+src.name+": "+err.Error())
	default:
		text := res.Summary() + "."
		if res.UnknownLines > 0 {
			text += "\n\nChoose “Unknown SKU” in the filter to map them to your products."
		}
		i.inform("Orders imported", text)
	}
}

func (i *orderImport) inform(title, text string) {
	i.result, i.problems, i.retry = text, nil, nil
	dialog.ShowInformation(title, text, i.o.win)
}

// showProblems lists every problem (a virtualised list: a bad file can have thousands) and
// offers to import the orders that have none.
func (i *orderImport) showProblems(src importSource, res app.ImportResult, ps []app.Problem) {
	i.problems = ps
	i.result = fmt.Sprintf("%s has %s. Nothing was imported.", src.name, plural(len(ps), "problem", "problems"))
	list := widget.NewList(func() int { return len(ps) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("line 1234: Lineitem quantity: a long message")
			l.Wrapping = fyne.TextWrapWord
			return l
		},
		func(id widget.ListItemID, obj fyne.CanvasObject) {
			if id < 0 || id >= len(ps) {
				return
			}
			obj.(*widget.Label).SetText(problemText(ps[id]))
		})
	head := widget.NewLabel(i.result + " Fix the file and import it again, or import just the orders without problems.")
	head.Wrapping = fyne.TextWrapWord
	var d dialog.Dialog
	i.retry = widget.NewButton(fmt.Sprintf("Import the %s", plural(res.Valid, "valid order", "valid orders")), func() {
		d.Hide()
		i.run(src, true)
	})
	i.retry.Importance = widget.HighImportance
	if res.Valid == 0 {
		i.retry.Disable()
	}
	closeBtn := widget.NewButton("Close", func() { d.Hide() })
	buttons := container.NewBorder(nil, nil, nil, container.NewHBox(closeBtn, i.retry))
	body := container.NewBorder(head, buttons, nil, nil, list)
	d = dialog.NewCustomWithoutButtons("Problems in "+src.name, body, i.o.win)
	d.Resize(fyne.NewSize(760, 460))
	d.Show()
}

// problemText is a problem as one line of the list: where, then what.
func problemText(p app.Problem) string {
	where := ""
	if p.Line > 0 {
		where = fmt.Sprintf("Line %d", p.Line)
	}
	if p.Field != "" {
		if where != "" {
			where += ", "
		}
		where += p.Field
	}
	if where == "" {
		return p.Message
	}
	return where + ": " + p.Message
}
