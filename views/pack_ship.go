package views

import (
	"fmt"
	"strings"

	"clockwork/app"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"
)

// carrierChoices are offered in the carrier field; any other name can be typed.
var carrierChoices = []string{"DHL", "DPD", "GLS", "Hermes", "UPS", "FedEx", "Royal Mail", "USPS", "La Poste", "PostNL", "InPost"}

// shipDialog is "Mark shipped…": one carrier and service for a stack of parcels, and a
// tracking number per parcel, scanned one after another.
type shipDialog struct {
	p        *pack
	rows     []app.OrderRow
	carrier  *dialogSelectEntry
	service  *dialogField
	date     *dayField
	tracking []*dialogField
	problem  *widget.Label
	dlg      dialog.Dialog
}

func (p *pack) onShip() {
	rows := p.pickedRows()
	if len(rows) == 0 {
		p.count.SetText("Pick the orders to ship first: tap them in the list, or Select all.")
		return
	}
	d := &shipDialog{p: p, rows: rows}
	p.shipping = d
	d.carrier = newDialogSelectEntry(carrierChoices)
	d.carrier.SetPlaceHolder("Carrier")
	d.service = newDialogField()
	d.service.SetPlaceHolder("Service (optional), e.g. Paket")
	d.date = newDayField()
	d.date.setDay(p.src.Today())
	d.problem = widget.NewLabel("")
	d.problem.Importance = widget.DangerImportance
	d.problem.Wrapping = fyne.TextWrapWord
	parcels := container.NewVBox()
	for i, r := range rows {
		e := newDialogField()
		e.SetPlaceHolder("Tracking number")
		next := i + 1
		e.OnSubmitted = func(string) { d.focus(next) } // a scanner types the number and Enter
		d.tracking = append(d.tracking, e)
		label := widget.NewLabel(r.Number + " · " + r.Customer)
		label.Truncation = fyne.TextTruncateEllipsis
		parcels.Add(container.NewGridWithColumns(2, label, e))
	}
	form := widget.NewForm(widget.NewFormItem("Carrier", d.carrier), widget.NewFormItem("Service", d.service),
		widget.NewFormItem("Shipped on", d.date))
	scroll := container.NewVScroll(parcels)
	scroll.SetMinSize(fyne.NewSize(520, min(float32(len(rows))*44, 300)))
	ok := widget.NewButton("Mark "+nouns(len(rows), "parcel")+" shipped", d.onConfirm)
	ok.Importance = widget.HighImportance
	cancel := widget.NewButton("Cancel", func() { d.dlg.Hide() })
	body := container.NewVBox(form, widget.NewLabel("Tracking numbers, one per parcel:"), scroll, d.problem,
		container.NewHBox(layout.NewSpacer(), cancel, ok))
	d.dlg = dialog.NewCustomWithoutButtons("Mark shipped", body, p.win)
	d.dlg.Resize(fyne.NewSize(600, 520))
	d.dlg.Show()
}

func (d *shipDialog) focus(i int) {
	if i < len(d.tracking) {
		d.p.win.Canvas().Focus(d.tracking[i])
	}
}

// parcels reads the form; a problem says what to fix.
func (d *shipDialog) parcels() ([]app.ShipInput, error) {
	day, err := d.date.day("shipped on")
	switch {
	case err != nil:
		return nil, err
	case day == "":
		return nil, fmt.Errorf("say which day the parcels were shipped on")
	}
	at := d.p.src.TimeOn(day)
	out := make([]app.ShipInput, len(d.rows))
	for i, r := range d.rows {
		out[i] = app.ShipInput{OrderID: r.ID, Carrier: d.carrier.Text, Service: d.service.Text, Tracking: d.tracking[i].Text, At: at}
	}
	return out, nil
}

func (d *shipDialog) onConfirm() {
	parcels, err := d.parcels()
	if err != nil {
		d.problem.SetText(err.Error())
		return
	}
	d.p.bg(func() {
		err := d.p.src.ShipOrders(parcels)
		fyne.Do(func() {
			if err != nil {
				d.problem.SetText(strings.Join(inputProblems(err), "\n"))
				return
			}
			d.problem.SetText("")
			d.dlg.Hide()
			for _, r := range d.rows {
				delete(d.p.picked, r.ID)
			}
			d.p.notice = nouns(len(parcels), "parcel") + " marked shipped with " + strings.TrimSpace(d.carrier.Text) + "."
			d.p.reload()
		})
	})
}
