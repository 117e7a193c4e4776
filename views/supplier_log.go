package views

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"clockwork/app"
	"clockwork/data"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
)

// logSource is what the contact log needs from the app.
type logSource interface {
	AddSupplierEvent(app.EventInput) (data.SupplierEvent, error)
	SupplierEvents(supplierID uint, offset, limit int) ([]app.SupplierEvent, error)
	Today() data.Day
	Location() *time.Location
	Now() time.Time
}

// eventKindNames are the log's entry kinds as people say them.
var eventKindNames = map[data.EventKind]string{
	data.EventMessage: "Message", data.EventCall: "Call", data.EventIssue: "Issue", data.EventNote: "Note",
	data.EventPOSent: "PO sent", data.EventAcknowledged: "Acknowledged", data.EventTracking: "Tracking",
}

// logPage is how many entries the log shows before "Show older entries".
const logPage = 50

// supplierLog is a supplier's contact log: a form to add an entry, and the entries,
// newest first (purchase order events included).
type supplierLog struct {
	src      logSource
	bg       runner
	supplier uint
	shown    int // entries asked for: logPage, then more
	day      *field
	kind     *widget.Select
	channel  *widget.SelectEntry
	text     *field
	add      *widget.Button
	status   *widget.Label
	entries  *fyne.Container
	older    *widget.Button
	root     fyne.CanvasObject
}

func newSupplierLog(src logSource, bg runner) *supplierLog {
	l := &supplierLog{src: src, bg: bg, shown: logPage}
	l.day = newDayFieldIn("date", l.check)
	l.text = newField("text", "What was said or what happened", true, l.check)
	var kinds []string
	for _, k := range app.ManualEventKinds {
		kinds = append(kinds, eventKindNames[k])
	}
	l.kind = widget.NewSelect(kinds, nil)
	l.channel = widget.NewSelectEntry(app.EventChannels)
	l.channel.SetPlaceHolder("email, phone, portal…")
	l.add = widget.NewButton("Add entry", l.onAdd)
	l.add.Importance = widget.HighImportance
	l.status = widget.NewLabel("")
	l.status.Wrapping = fyne.TextWrapWord
	l.entries = container.NewVBox()
	l.older = widget.NewButton("Show older entries", func() { l.shown += logPage; l.reload() })
	form := widget.NewForm(
		widget.NewFormItem("Date", l.day.box), widget.NewFormItem("Kind", l.kind),
		widget.NewFormItem("Channel", l.channel), widget.NewFormItem("What happened", l.text.box),
	)
	addCard := widget.NewCard("", "Add to the log: a message, a call, an issue or a note",
		container.NewVBox(form, container.NewBorder(nil, nil, nil, l.add, l.status)))
	l.root = container.NewVScroll(container.NewVBox(addCard, l.entries, container.NewHBox(l.older)))
	l.clearForm()
	return l
}

func (l *supplierLog) content() fyne.CanvasObject { return l.root }

// show switches the log to another supplier (0 for none), keeping nothing typed for the last.
func (l *supplierLog) show(supplierID uint) {
	if supplierID != l.supplier {
		l.clearForm()
		l.shown = logPage
	}
	l.supplier = supplierID
	l.reload()
}

func (l *supplierLog) clearForm() {
	l.day.setText(string(l.src.Today()))
	l.kind.SetSelected(eventKindNames[data.EventCall])
	l.channel.SetText("")
	l.text.entry.SetText("")
	l.day.show("")
	l.text.show("")
	l.status.SetText("")
}

// typing says an entry has been started but not added.
func (l *supplierLog) typing() bool { return l.text.text() != "" }

func (l *supplierLog) input() app.EventInput {
	in := app.EventInput{SupplierID: l.supplier, Day: data.Day(l.day.text()), Channel: l.channel.Text, Text: l.text.entry.Text}
	for k, name := range eventKindNames {
		if name == l.kind.Selected {
			in.Kind = k
		}
	}
	return in
}

// check shows what is wrong with the date as it is typed; the text only needs saying once
// the user has typed some, or tried to add.
func (l *supplierLog) check() {
	l.day.show("")
	if d := l.day.text(); d != "" {
		if day, err := data.ParseDay(d); err != nil {
			l.day.show(err.Error())
		} else if day > l.src.Today() {
			l.day.show("that is in the future; log what has happened")
		}
	}
}

func (l *supplierLog) onAdd() {
	if l.supplier == 0 {
		l.status.SetText("Save the new supplier first, then log your contacts with them.")
		return
	}
	_, err := l.src.AddSupplierEvent(l.input())
	if err != nil {
		rest := showProblems([]*field{l.day, l.text}, problemsOf(err))
		l.status.SetText(strings.Join(rest, "\n"))
		return
	}
	l.clearForm()
	l.status.SetText("Added.")
	l.reload()
}

// problemsOf lists an error's problems: an InputError's own, or the error as one problem.
func problemsOf(err error) []app.Problem {
	var ie *app.InputError
	if errors.As(err, &ie) {
		return ie.Problems
	}
	return []app.Problem{{Message: err.Error()}}
}

// reload reads the entries off the UI thread and shows them.
func (l *supplierLog) reload() {
	id, limit := l.supplier, l.shown
	if id == 0 {
		l.showEntries(nil, nil)
		return
	}
	l.bg(func() {
		evs, err := l.src.SupplierEvents(id, 0, limit+1)
		fyne.Do(func() {
			if id == l.supplier {
				l.showEntries(evs, err)
			}
		})
	})
}

func (l *supplierLog) showEntries(evs []app.SupplierEvent, err error) {
	var objs []fyne.CanvasObject
	switch {
	case err != nil:
		objs = append(objs, widget.NewLabel("Could not read the log: "+err.Error()))
	case len(evs) == 0:
		objs = append(objs, hint("Nothing logged yet. Note each message, call or issue here, so you know who said what and when."))
	}
	more := len(evs) > l.shown
	if more {
		evs = evs[:l.shown]
	}
	loc := l.src.Location()
	for _, ev := range evs {
		head := []string{shortTime(ev.At, loc, l.src.Today()), kindName(ev.Kind)}
		if ev.Channel != "" {
			head = append(head, ev.Channel)
		}
		if ev.PONumber != "" {
			head = append(head, ev.PONumber)
		}
		title := widget.NewLabelWithStyle(strings.Join(head, " · "), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		if ev.Kind == data.EventIssue {
			title.Importance = widget.DangerImportance
		}
		body := widget.NewLabel(ev.Text)
		body.Wrapping = fyne.TextWrapWord
		objs = append(objs, container.NewVBox(title, body), widget.NewSeparator())
	}
	l.entries.Objects = objs
	l.entries.Refresh()
	if more {
		l.older.Show()
	} else {
		l.older.Hide()
	}
}

func kindName(k data.EventKind) string {
	if n, ok := eventKindNames[k]; ok {
		return n
	}
	return fmt.Sprint(k)
}
