package views

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"clockwork/app"
	"clockwork/data"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"
)

// returnOpener moves the window to the Returns screen, at one return.
type returnOpener interface{ openReturn(id uint) }

// startReturnLine is the widgets of one shipped line in the Start a return dialog.
type startReturnLine struct {
	line   app.ReturnableLine
	qty    *dialogField
	reason *dialogSelect
}

// startReturn is the Start a return dialog: which shipped items come back, how many and why.
type startReturn struct {
	d        *orderDetail
	orderID  uint
	window   *widget.Label // when the order shipped, against the shop's return window
	lines    []startReturnLine
	comment  *dialogField
	note     *dialogField
	problems *widget.Label
	open     *widget.Button
	dlg      dialog.Dialog
}

// onStartReturn reads the order's shipped lines and asks which of them come back.
func (d *orderDetail) onStartReturn() {
	if d.current == nil {
		return
	}
	d.startReturnFor(d.current.Order)
}

// startReturnFor asks which of order o's shipped lines come back (o need not be shown yet:
// a scanned slip starts here).
func (d *orderDetail) startReturnFor(o data.Order) {
	d.o.bg(func() {
		lines, err := d.o.src.ReturnableLines(o.ID)
		var window app.ReturnWindow
		if err == nil {
			window, err = d.o.src.ReturnWindowOf(o.ID, time.Time{})
		}
		fyne.Do(func() {
			if err != nil {
				d.inform("No return", "Could not read what order "+o.Number+" shipped: "+sentence(err))
				return
			}
			d.returning = newStartReturn(d, o, lines, window)
		})
	})
}

func newStartReturn(d *orderDetail, o data.Order, lines []app.ReturnableLine, window app.ReturnWindow) *startReturn {
	s := &startReturn{d: d, orderID: o.ID, window: windowLabel(window)}
	grid := container.NewVBox()
	for _, l := range lines {
		if l.Left() == 0 {
			continue
		}
		row := startReturnLine{line: l, qty: newDialogField(), reason: newDialogSelect(reasonLabels(), nil)}
		row.qty.SetPlaceHolder(fmt.Sprintf("0–%d", l.Left()))
		row.reason.PlaceHolder = "Why?"
		what := fmt.Sprintf("%s  %s", l.SKU, l.Title)
		if l.Returned > 0 {
			what += fmt.Sprintf(" (%d of %d already back)", l.Returned, l.Shipped)
		}
		from := l.Supplier
		if from == "" {
			from = "no supplier on record"
		}
		item := widget.NewLabel(what)
		item.Truncation = fyne.TextTruncateEllipsis
		src := lowLabel(from)
		src.Truncation = fyne.TextTruncateEllipsis
		grid.Add(container.New(&columnsLayout{widths: []float32{-1, 150, 70, 180}}, item, src, row.qty, row.reason))
		s.lines = append(s.lines, row)
	}
	s.comment = newDialogMultiLine()
	s.comment.SetPlaceHolder("The customer's own words")
	s.comment.Wrapping = fyne.TextWrapWord
	s.note = newDialogField()
	s.note.SetPlaceHolder("Internal note")
	s.problems = widget.NewLabel("")
	s.problems.Wrapping = fyne.TextWrapWord
	s.problems.Importance = widget.DangerImportance
	s.problems.Hide()
	if len(s.lines) == 0 {
		d.inform("Nothing to return", "Everything order "+o.Number+" shipped is already on a return.")
		return s
	}
	s.open = widget.NewButton("Open return", s.onOpen)
	s.open.Importance = widget.HighImportance
	cancel := widget.NewButton("Cancel", func() { s.dlg.Hide() })
	body := container.NewVBox(s.window,
		lowLabel("How many of each item come back, and why. The fault follows from the reason; change it on the Returns screen."),
		grid, s.comment, s.note, s.problems, container.NewHBox(layout.NewSpacer(), cancel, s.open))
	s.dlg = dialog.NewCustomWithoutButtons("Start a return for order "+o.Number, body, d.o.win)
	s.dlg.Resize(fyne.NewSize(820, 0))
	s.dlg.Show()
	return s
}

// windowLabel says when the order shipped and whether that is within the shop's return
// window; outside it, in the warning colour: the owner may still accept the return.
func windowLabel(w app.ReturnWindow) *widget.Label {
	text := w.String()
	if text != "" {
		text = strings.ToUpper(text[:1]) + text[1:] + "."
	}
	if !w.Outside() {
		return lowLabel(text)
	}
	l := widget.NewLabel(text + " You can still open the return.")
	l.Wrapping = fyne.TextWrapWord
	l.Importance = widget.WarningImportance
	return l
}

// input is the return as typed, or the problems with it.
func (s *startReturn) input() (app.ReturnInput, []string) {
	in := app.ReturnInput{OrderID: s.orderID, Comment: s.comment.Text, Note: s.note.Text}
	var problems []string
	for _, l := range s.lines {
		text := strings.TrimSpace(l.qty.Text)
		if text == "" || text == "0" {
			continue
		}
		n, err := strconv.Atoi(text)
		if err != nil || n < 0 {
			problems = append(problems, fmt.Sprintf("%s: %q is not a number of units", l.line.SKU, text))
			continue
		}
		if l.reason.Selected == "" {
			problems = append(problems, l.line.SKU+": choose why it comes back")
			continue
		}
		in.Lines = append(in.Lines, app.ReturnLineInput{OrderLineID: l.line.OrderLineID, Qty: n, Reason: reasonOf(l.reason.Selected)})
	}
	if len(problems) == 0 && len(in.Lines) == 0 {
		problems = append(problems, "Type how many units of an item come back.")
	}
	return in, problems
}

// say shows what stops the return from opening; an empty message takes no room.
func (s *startReturn) say(text string) {
	s.problems.SetText(text)
	if text == "" {
		s.problems.Hide()
	} else {
		s.problems.Show()
	}
}

func (s *startReturn) onOpen() {
	s.say("")
	in, problems := s.input()
	if len(problems) > 0 {
		s.say(strings.Join(problems, "\n"))
		return
	}
	s.d.o.bg(func() {
		ret, err := s.d.o.src.OpenReturn(in)
		fyne.Do(func() {
			if err != nil {
				s.say(sentence(err))
				return
			}
			s.dlg.Hide()
			s.d.lastInfo = ret.Number + " opened."
			s.d.show(s.orderID)
			if nav, ok := s.d.o.nav.(returnOpener); ok {
				nav.openReturn(ret.ID)
			}
		})
	})
}

// renderReturns lists the order's returns, each opening on the Returns screen.
func (d *orderDetail) renderReturns(rets []app.ReturnRow) {
	d.returns.Objects = nil
	if len(rets) > 0 {
		d.returns.Add(sectionTitle("Returns"))
		row := container.NewHBox()
		for _, r := range rets {
			id := r.ID
			text := fmt.Sprintf("%s · %s · %s", r.Number, returnStatusText(r), plural(r.Units, "unit", "units"))
			row.Add(widget.NewButton(text, func() {
				if nav, ok := d.o.nav.(returnOpener); ok {
					nav.openReturn(id)
				}
			}))
		}
		d.returns.Add(row)
	}
	d.returns.Refresh()
}
