package views

import (
	"fmt"
	"strings"
	"time"

	"clockwork/data"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// dayField is Fyne's date entry for one day: picked from its calendar or typed the
// computer's way (31/12/2026; 12/31/2026 in the US), and an ISO day (2026-12-31) is read
// too. In a dialog, Esc and Enter go to the dialog.
type dayField struct {
	widget.DateEntry
	onText func(string) // after every change of the text, valid or not
}

func newDayField() *dayField {
	f := &dayField{}
	f.ExtendBaseWidget(f)
	f.Wrapping = fyne.TextWrap(fyne.TextTruncateClip)
	return f
}

// TypedKey implements fyne.Focusable.
func (f *dayField) TypedKey(k *fyne.KeyEvent) {
	if !keyToDialog(f, k, f.OnSubmitted == nil) {
		f.DateEntry.TypedKey(k)
	}
}

// setDay shows day d, none for "".
func (f *dayField) setDay(d data.Day) {
	if d == "" {
		f.SetDate(nil)
		return
	}
	t := d.Start(time.UTC)
	f.SetDate(&t)
}

// CreateRenderer implements fyne.Widget: Fyne's date entry calls an empty field invalid,
// which would keep a dialog's button disabled; here empty is no day, and ISO days count.
func (f *dayField) CreateRenderer() fyne.WidgetRenderer {
	r := f.DateEntry.CreateRenderer()
	f.Validator = func(s string) error { _, err := readDay(s); return err }
	parse := f.Entry.OnChanged // the date entry's own: it reads the day typed
	f.Entry.OnChanged = func(s string) {
		parse(s)
		if f.onText != nil {
			f.onText(s)
		}
	}
	return r
}

// day is the day picked or typed, "" when the field is empty; what names the field in the
// error that says how to write it.
func (f *dayField) day(what string) (data.Day, error) {
	d, err := readDay(f.Text)
	if err != nil {
		return "", fmt.Errorf("%s %w", what, err)
	}
	return d, nil
}

// isoText is the day as an ISO day when it reads as one, else the text as typed (for the
// app's own message about it).
func (f *dayField) isoText() string {
	if d, err := readDay(f.Text); err == nil {
		return string(d)
	}
	return strings.TrimSpace(f.Text)
}

// readDay reads a day written the computer's way or as an ISO day; "" is no day.
func readDay(s string) (data.Day, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return "", nil
	}
	if d, err := data.ParseDay(s); err == nil {
		return d, nil
	}
	layout := dateLayout()
	if t, err := time.Parse(layout, s); err == nil {
		return data.DayOf(t, time.UTC), nil
	}
	return "", fmt.Errorf("“%s” is not a day: pick it from the calendar, or write it as %s", s, dateExample(layout))
}

// dateLayout is the layout Fyne's date entry writes days in for this computer's locale,
// found by having it write one.
func dateLayout() string {
	e := widget.NewDateEntry()
	t := time.Date(2026, 12, 31, 0, 0, 0, 0, time.UTC)
	e.SetDate(&t)
	return strings.NewReplacer("2026", "2006", "31", "02", "12", "01").Replace(e.Text)
}

// dateExample writes the last day of the year in layout, as a pattern to copy.
func dateExample(layout string) string {
	return time.Date(2026, 12, 31, 0, 0, 0, 0, time.UTC).Format(layout)
}
