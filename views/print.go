package views

import (
	"path/filepath"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"clockwork/app"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"
)

// printDialog asks which printer and how many copies, then sends a finished PDF to the
// system's print queue (CUPS lp on Linux and macOS, the PDF program on Windows).
type printDialog struct {
	path     string
	printers *dialogSelect
	copies   *dialogField
	status   *widget.Label
	dlg      dialog.Dialog
	bg       runner
}

// showPrint opens the print dialog for the PDF at path.
func showPrint(win fyne.Window, bg runner, path string) *printDialog {
	p := &printDialog{path: path, bg: bg, printers: newDialogSelect(nil, nil), copies: newDialogField(), status: hint("")}
	p.copies.SetText("1")
	p.printers.PlaceHolder = "Default printer"
	form := widget.NewForm(
		widget.NewFormItem("Printer", p.printers),
		widget.NewFormItem("Copies", p.copies),
		widget.NewFormItem("", p.status),
	)
	p.dlg = dialog.NewCustomConfirm("Print "+filepath.Base(path), "Print", "Close", form, func(ok bool) {
		if ok {
			p.onPrint()
		}
	}, win)
	p.dlg.Resize(fyne.NewSize(460, 0))
	p.dlg.Show()
	p.loadPrinters()
	return p
}

// loadPrinters fills the choice of printers, the system's default chosen.
func (p *printDialog) loadPrinters() {
	p.bg(func() {
		ps, err := app.Printers()
		fyne.Do(func() {
			if err != nil {
				p.say(sentence(err), true)
				return
			}
			var names []string
			for _, pr := range ps {
				names = append(names, pr.Name)
			}
			p.printers.SetOptions(names)
			for _, pr := range ps {
				if pr.Default {
					p.printers.SetSelected(pr.Name)
				}
			}
		})
	})
}

// onPrint sends the job; what the print system said shows below the form.
func (p *printDialog) onPrint() {
	copies, err := strconv.Atoi(strings.TrimSpace(p.copies.Text))
	if err != nil {
		p.say("Copies is a number, 1 or more.", true)
		p.dlg.Show()
		return
	}
	job := app.PrintJob{Path: p.path, Printer: p.printers.Selected, Copies: copies}
	p.bg(func() {
		out, err := app.Print(job)
		fyne.Do(func() {
			if err != nil {
				p.say(sentence(err), true)
				p.dlg.Show() // stays open to try again or choose another printer
				return
			}
			p.say(joinSentences("Sent to the printer.", out), false)
		})
	})
}

// onPrint saves the open PO's PDF and asks where to print it.
func (d *poDetail) onPrint() {
	d.withPDF(func(path string) { d.printing = showPrint(d.s.win, d.s.bg, path) })
}

// say shows what happened below the form, a problem in the warning colour.
func (p *printDialog) say(text string, problem bool) {
	p.status.Importance = widget.LowImportance
	if problem {
		p.status.Importance = widget.WarningImportance
	}
	p.status.SetText(capital(text))
}

// capital starts a sentence with a capital letter.
func capital(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 {
		return s
	}
	return string(unicode.ToUpper(r)) + s[n:]
}
