package views

import (
	"context"
	"errors"
	"fmt"
	"net/url"

	"clockwork/app"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"
)

// onExport asks where to save the workbook of the period shown, then writes it.
func (s *scorecards) onExport() {
	if s.period.From == "" {
		return
	}
	p := s.period
	d := dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
		if err != nil {
			dialog.ShowError(err, s.win)
			return
		}
		if w == nil {
			return // cancelled
		}
		s.exportTo(w, p)
	}, s.win)
	d.SetFileName(fmt.Sprintf("supplier-scorecards-%s-to-%s.xlsx", p.From, p.Last()))
	d.SetFilter(storage.NewExtensionFileFilter([]string{".xlsx"}))
	d.Show()
}

// exportTo writes the workbook to w with a progress dialog that can cancel; a failed or
// cancelled export deletes the half-written file.
func (s *scorecards) exportTo(w fyne.URIWriteCloser, period app.Period) {
	ctx, cancel := context.WithCancel(context.Background())
	bar := widget.NewProgressBar()
	label := widget.NewLabel("Writing the scorecards of lines promised " + periodText(period) + "…")
	progress := dialog.NewCustomWithoutButtons("Export to Excel",
		container.NewVBox(label, bar, container.NewCenter(widget.NewButton("Cancel", cancel))), s.win)
	progress.Resize(fyne.NewSize(480, 160))
	progress.Show()
	uri := w.URI()
	s.bg(func() {
		err := s.src.ExportScorecards(ctx, period, w, func(done, total int) {
			if total > 0 {
				fyne.Do(func() { bar.SetValue(float64(done) / float64(total)) })
			}
		})
		if cerr := w.Close(); err == nil {
			err = cerr
		}
		cancelled := ctx.Err() != nil
		cancel()
		if err != nil {
			_ = storage.Delete(uri) // half a workbook is no use to anyone
		}
		fyne.Do(func() {
			progress.Hide()
			switch {
			case cancelled && errors.Is(err, context.Canceled):
				dialog.ShowInformation("Export cancelled", "No file was written.", s.win)
			case err != nil:
				dialog.ShowError(fmt.Errorf("the workbook could not be written: %w", err), s.win)
			default:
				s.showExported(uri)
			}
		})
	})
}

// showExported offers to open the finished workbook or its folder.
func (s *scorecards) showExported(uri fyne.URI) {
	var d dialog.Dialog
	open := func(u fyne.URI) {
		target, err := url.Parse(u.String())
		if err == nil {
			err = fyne.CurrentApp().OpenURL(target)
		}
		d.Hide()
		if err != nil {
			cannotOpen(s.win, u.Path())
		}
	}
	openFile := widget.NewButton("Open", func() { open(uri) })
	openFile.Importance = widget.HighImportance
	folder := widget.NewButton("Show in folder", func() {
		if parent, err := storage.Parent(uri); err == nil {
			open(parent)
		}
	})
	msg := widget.NewLabel(fmt.Sprintf("%s is ready: Summary, Trend, Lines and Definitions.", uri.Name()))
	msg.Wrapping = fyne.TextWrapWord
	d = dialog.NewCustom("Scorecards exported", "Close", container.NewVBox(msg, container.NewHBox(openFile, folder)), s.win)
	d.Resize(fyne.NewSize(480, 180))
	d.Show()
}
