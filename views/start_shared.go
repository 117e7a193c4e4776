package views

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"clockwork/app"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"
)

// startProblem is the window shown instead of the shop when its shared database cannot be
// opened at start (the server is down, the network is out, the password was changed): what
// happened, and the ways on: try again, or work on the shop's file on this computer.
type startProblem struct {
	win    fyne.Window
	loc    string
	bg     runner
	msg    *widget.Label
	retry  *widget.Button
	local  *widget.Button
	opened fyne.Window // the shop's window once one opened (tests read it)
	// openShop builds the shop's main window (tests build it without background work).
	openShop func(a *app.App) fyne.Window
}

// unreachable builds the start-up problem window for the shared database at loc.
func unreachable(fa fyne.App, loc string, cause error) fyne.Window {
	return newStartProblem(fa, loc, cause, inBackground).win
}

func newStartProblem(fa fyne.App, loc string, cause error, bg runner) *startProblem {
	p := &startProblem{loc: loc, bg: bg, win: fa.NewWindow("Clockwork cannot open the shared database"),
		openShop: func(a *app.App) fyne.Window { return openShop(fa, a) }}
	p.msg = widget.NewLabel("")
	p.msg.Wrapping = fyne.TextWrapWord
	p.explain(cause)
	p.retry = widget.NewButton("Try again", p.onRetry)
	p.local = widget.NewButton("Open the file on this computer", p.onLocal)
	p.local.Importance = widget.HighImportance
	buttons := container.NewHBox(widget.NewButton("Close", p.win.Close), layout.NewSpacer(), p.retry, p.local)
	p.win.SetContent(container.NewPadded(container.NewBorder(nil, buttons, nil, nil, p.msg)))
	p.win.Resize(fyne.NewSize(640, 300))
	return p
}

// explain says what went wrong and what each way on means.
func (p *startProblem) explain(cause error) {
	local, err := app.LocalPath()
	if err != nil {
		local = "the data folder"
	}
	p.msg.SetText("Clockwork could not open the shop on the shared database " + app.Masked(p.loc) + ":\n\n" +
		capitalised(app.Scrub(cause.Error(), p.loc)) + "\n\nTry again once the server is back, or work on the shop's file on this " +
		"computer (" + local + ") for now. That file is a separate shop: what you do there does not reach the " +
		"shared database, and this computer tries the shared database again the next time Clockwork starts.")
}

// onRetry tries the shared database again.
func (p *startProblem) onRetry() { p.open(p.loc) }

// onLocal opens the shop's file on this computer (creating it the first time).
func (p *startProblem) onLocal() {
	local, err := app.LocalPath()
	if err != nil {
		p.msg.SetText(err.Error())
		return
	}
	p.open(local)
}

// open opens the shop at loc in the main window, which replaces this one.
func (p *startProblem) open(loc string) {
	p.retry.Disable()
	p.local.Disable()
	p.bg(func() {
		a, err := app.Open(loc)
		fyne.Do(func() {
			p.retry.Enable()
			p.local.Enable()
			if err != nil && !app.IsShared(loc) {
				p.msg.SetText("Clockwork could not open the file " + loc + " either:\n\n" + err.Error())
				return
			}
			if err != nil {
				p.explain(err)
				return
			}
			p.opened = p.openShop(a)
			p.opened.Show()
			p.win.Close()
		})
	})
}

// capitalised starts text with a capital letter and ends it with a full stop.
func capitalised(text string) string {
	if text == "" {
		return text
	}
	r, n := utf8.DecodeRuneInString(text)
	text = string(unicode.ToUpper(r)) + text[n:]
	if !strings.HasSuffix(text, ".") {
		text += "."
	}
	return text
}
