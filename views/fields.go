package views

import (
	"fmt"
	"strconv"
	"strings"

	"clockwork/app"
	"clockwork/data"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
)

// field is an entry in a form with its problem shown right under it, updated as the user
// types. key is the app's name for the field (app.Problem.Field), so the app's own checks
// decide what is wrong and the form only says where.
type field struct {
	key   string
	entry *dialogField
	day   *dayField // a day field has this instead of entry
	msg   *widget.Label
	box   *fyne.Container
}

func newField(key, placeholder string, multi bool, onChange func()) *field {
	f := &field{key: key, entry: newDialogField()}
	if multi {
		f.entry = newDialogMultiLine()
		f.entry.SetMinRowsVisible(3)
	}
	f.entry.SetPlaceHolder(placeholder)
	f.entry.OnChanged = func(string) { onChange() }
	f.msg = widget.NewLabel("")
	f.msg.Importance = widget.DangerImportance
	f.msg.Wrapping = fyne.TextWrapWord
	f.msg.Hide()
	f.box = container.NewVBox(f.entry, f.msg)
	return f
}

// newDayFieldIn is a field for one day, with Fyne's date entry and its calendar.
func newDayFieldIn(key string, onChange func()) *field {
	f := &field{key: key, day: newDayField()}
	f.day.onText = func(string) { onChange() }
	f.msg = widget.NewLabel("")
	f.msg.Importance = widget.DangerImportance
	f.msg.Wrapping = fyne.TextWrapWord
	f.msg.Hide()
	f.box = container.NewVBox(f.day, f.msg)
	return f
}

// text is the entry's text without surrounding spaces; a day field's day as an ISO day when
// it reads as one.
func (f *field) text() string {
	if f.day == nil {
		return strings.TrimSpace(f.entry.Text)
	}
	if d, err := readDay(f.day.Text); err == nil {
		return string(d)
	}
	return strings.TrimSpace(f.day.Text)
}

// setText fills the field; a day field takes an ISO day.
func (f *field) setText(s string) {
	if f.day == nil {
		f.entry.SetText(s)
		return
	}
	if d, err := data.ParseDay(s); err == nil {
		f.day.setDay(d)
		return
	}
	f.day.SetText(s)
}

// focusable is the widget the owner types into.
func (f *field) focusable() fyne.Disableable {
	if f.day != nil {
		return f.day
	}
	return f.entry
}

// show puts a problem under the entry, or clears it ("").
func (f *field) show(problem string) {
	if problem == f.msg.Text && f.msg.Visible() == (problem != "") {
		return
	}
	f.msg.SetText(problem)
	if problem == "" {
		f.msg.Hide()
	} else {
		f.msg.Show()
	}
}

// showProblems shows each problem under the field it names and clears the other fields;
// it returns the problems no field shows, as sentences for a status line.
func showProblems(fields []*field, ps []app.Problem) []string {
	byKey := map[string]string{}
	var rest []string
	for _, p := range ps {
		known := false
		for _, f := range fields {
			if f.key == p.Field {
				known = true
			}
		}
		switch {
		case !known:
			rest = append(rest, p.String())
		case byKey[p.Field] == "":
			byKey[p.Field] = p.Message
		}
	}
	for _, f := range fields {
		f.show(byKey[f.key])
	}
	return rest
}

// wholeNumber reads a field as a whole number ("" reads as def); a problem says what is wrong.
func wholeNumber(f *field, def int, ps *[]app.Problem) int {
	if f.text() == "" {
		return def
	}
	n, err := strconv.Atoi(f.text())
	if err != nil {
		*ps = append(*ps, app.Problem{Field: f.key, Message: fmt.Sprintf("%q is not a whole number", f.text())})
		return def
	}
	return n
}

// optionalNumber reads a field as a whole number, nil when empty.
func optionalNumber(f *field, ps *[]app.Problem) *int {
	if f.text() == "" {
		return nil
	}
	n := wholeNumber(f, 0, ps)
	return &n
}
