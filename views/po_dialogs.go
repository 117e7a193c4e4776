package views

import (
	"fmt"
	"net/url"
	"path/filepath"
	"strings"
	"time"

	"clockwork/app"
	"clockwork/data"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"
)

// poForm is an open dialog's entries and what its confirm button does; tests fill the
// entries and call submit as the button would.
type poForm struct {
	entries map[string]*dialogField
	days    map[string]*dayField
	submit  func()
	dlg     dialog.Dialog
}

func newPOForm(keys ...string) *poForm {
	f := &poForm{entries: map[string]*dialogField{}, days: map[string]*dayField{}}
	for _, k := range keys {
		f.entries[k] = newDialogField()
	}
	return f
}

// withDays adds a date entry for each key.
func (f *poForm) withDays(keys ...string) *poForm {
	for _, k := range keys {
		f.days[k] = newDayField()
	}
	return f
}

func (f *poForm) text(key string) string { return strings.TrimSpace(f.entries[key].Text) }

// show opens the form as a dialog with the given items; confirm runs submit.
func (f *poForm) show(title, confirm string, items []*widget.FormItem, win fyne.Window, submit func()) {
	f.submit = submit
	f.dlg = dialog.NewForm(title, confirm, "Cancel", items, func(ok bool) {
		if ok {
			submit()
		}
	}, win)
	f.dlg.Resize(fyne.NewSize(460, 0))
	f.dlg.Show()
}

func (d *poDetail) onSend() {
	po := d.po
	f := newPOForm().withDays("promised")
	f.days["promised"].SetPlaceHolder("empty, or the day they promised")
	note := widget.NewLabel(fmt.Sprintf("%s goes to %s. The promised ship date is locked when you send: today plus the quoted lead time, "+
		"unless the supplier gave you a date.", po.Number, po.SupplierName))
	note.Wrapping = fyne.TextWrapWord
	d.form = f
	f.show("Send "+po.Number, "Send", []*widget.FormItem{
		widget.NewFormItem("", note),
		widget.NewFormItem("Supplier's date", f.days["promised"]),
	}, d.s.win, func() {
		promised, err := f.days["promised"].day("the supplier's date")
		if err != nil {
			d.setWarn(err.Error())
			return
		}
		var path string
		d.act(func() error {
			sent, err := d.s.src.SendPOWith(po.ID, app.SendOptions{Promised: promised})
			if err != nil {
				return err
			}
			path, err = d.s.src.SavePOPDF(sent.ID)
			if err != nil {
				return fmt.Errorf("%s was sent, but its PDF could not be saved: %w", sent.Number, err)
			}
			return nil
		}, func() { d.showSent(po.Number, path) })
	})
}

// showSent offers what comes after sending: open the PDF, start the e-mail, or the folder.
func (d *poDetail) showSent(number, path string) {
	d.sentPath = path
	open := widget.NewButton("Open PDF", func() { openFile(d.s.win, path) })
	open.Importance = widget.HighImportance
	mail := widget.NewButton("E-mail supplier", d.onMail)
	folder := widget.NewButton("Show in folder", func() { openFile(d.s.win, filepath.Dir(path)) })
	msg := widget.NewLabel(fmt.Sprintf("%s is sent and its promise date locked. The PDF for the supplier is saved as %s.", number, path))
	msg.Wrapping = fyne.TextWrapWord
	dlg := dialog.NewCustom(number+" sent", "Close", container.NewVBox(msg, container.NewHBox(open, mail, folder)), d.s.win)
	dlg.Resize(fyne.NewSize(520, 200))
	dlg.Show()
}

// openURL hands a link (an e-mail to write) to the system; where no program takes it, it
// says so in words, not with the launcher's error.
func openURL(win fyne.Window, u *url.URL) {
	if err := fyne.CurrentApp().OpenURL(u); err != nil {
		what := "a program for " + u.Scheme + " links"
		if u.Scheme == "mailto" {
			what = "an e-mail program: write to " + u.Opaque
		}
		dialog.ShowInformation("Nothing to open it with", "Clockwork could not start "+what+".", win)
	}
}

func (d *poDetail) onPDF() { d.withPDF(func(path string) { openFile(d.s.win, path) }) }

// withPDF saves the open PO's PDF in the background, then hands its path to then on the UI
// thread; a PDF that could not be made is a warning on the detail.
func (d *poDetail) withPDF(then func(path string)) {
	id := d.po.ID
	d.s.bg(func() {
		path, err := d.s.src.SavePOPDF(id)
		fyne.Do(func() {
			if err != nil {
				d.setWarn("The PDF could not be made: " + sentence(err))
				return
			}
			d.sentPath = path
			then(path)
		})
	})
}

func (d *poDetail) onAck() {
	po := d.po
	f := newPOForm("at", "ref", "carrier", "tracking").withDays("expected")
	f.entries["at"].SetPlaceHolder("now, or " + d.s.src.Now().In(d.s.src.Location()).Format("2006-01-02 15:04"))
	f.days["expected"].SetPlaceHolder("empty: the promised " + shortDay(po.Due(), d.s.src.Today()))
	f.days["expected"].setDay(po.ExpectedDate)
	f.entries["ref"].SetText(po.SupplierRef)
	f.entries["carrier"].SetText(po.Carrier)
	f.entries["tracking"].SetText(po.Tracking)
	d.form = f
	f.show("Supplier's answer to "+po.Number, "Save", []*widget.FormItem{
		widget.NewFormItem("Answered", f.entries["at"]),
		widget.NewFormItem("Expected ship day", f.days["expected"]),
		widget.NewFormItem("Their reference", f.entries["ref"]),
		widget.NewFormItem("Carrier", f.entries["carrier"]),
		widget.NewFormItem("Tracking", f.entries["tracking"]),
	}, d.s.win, func() {
		at, err := answeredAt(f.text("at"), d.s.src)
		if err != nil {
			d.setWarn(err.Error())
			return
		}
		expected, err := f.days["expected"].day("the expected ship day")
		if err != nil {
			d.setWarn(err.Error())
			return
		}
		ack := app.Ack{At: at, Expected: expected, SupplierRef: f.text("ref"), Carrier: f.text("carrier"), Tracking: f.text("tracking")}
		d.act(func() error { _, err := d.s.src.AcknowledgePO(po.ID, ack); return err }, nil)
	})
}

// answeredAt reads when the supplier answered: "" is now (zero), else a time or day as
// the shop's one rule reads it (app.ParseWhen: today means now, another day its midday).
func answeredAt(s string, src interface {
	ParseWhen(field, s string) (time.Time, error)
}) (time.Time, error) {
	if s == "" {
		return time.Time{}, nil
	}
	return src.ParseWhen("when they answered", s)
}

func (d *poDetail) onCloseShort() {
	po := d.po
	d.confirm("Close "+po.Number+" short?", "The shop gives up on what "+po.SupplierName+" still owes: those lines go back to "+
		"\"to purchase\" and the next plan buys them again. Units already received are kept as spare stock.",
		func() error { _, err := d.s.src.ClosePOShort(po.ID); return err })
}

func (d *poDetail) onCancel() {
	po := d.po
	text := "Its lines go back to \"to purchase\"."
	if po.Status != data.PODraft {
		text += " It was sent: tell " + po.SupplierName + " it is cancelled."
	}
	d.confirm("Cancel "+po.Number+"?", text, func() error { _, err := d.s.src.CancelPO(po.ID); return err })
}

// confirm asks before an action that cannot be undone; tests call d.confirmed instead.
func (d *poDetail) confirm(title, text string, work func() error) {
	d.confirmed = func() { d.act(work, nil) }
	dialog.ShowConfirm(title, text, func(yes bool) {
		if yes {
			d.confirmed()
		}
	}, d.s.win)
}

func (d *poDetail) onEditLine() {
	l, ok := d.selectedLine()
	if !ok {
		return
	}
	f := newPOForm("qty", "cost")
	f.entries["qty"].SetText(fmt.Sprint(l.Qty))
	f.entries["cost"].SetText(l.UnitCost.Plain())
	d.form = f
	f.show("Change "+l.SKU+" on "+d.po.Number, "Save", []*widget.FormItem{
		widget.NewFormItem("Quantity", f.entries["qty"]),
		widget.NewFormItem("Unit cost", f.entries["cost"]),
	}, d.s.win, func() {
		var qty int
		if _, err := fmt.Sscan(f.text("qty"), &qty); err != nil {
			d.setWarn(fmt.Sprintf("Quantity: %q is not a whole number", f.text("qty")))
			return
		}
		cost, err := data.ParseMoney(f.text("cost"))
		if err != nil {
			d.setWarn(fmt.Sprintf("Unit cost: %q is not an amount like 4.50", f.text("cost")))
			return
		}
		d.act(func() error { return d.s.src.UpdatePOLine(l.ID, qty, cost) }, nil)
	})
}

func (d *poDetail) onRemoveLine() {
	l, ok := d.selectedLine()
	if !ok {
		return
	}
	d.confirm("Remove "+l.SKU+" from "+d.po.Number+"?", "The line of order "+l.OrderNumber+" goes back to \"to purchase\".",
		func() error { return d.s.src.RemovePOLine(l.ID) })
}

// onMoveLine offers the product's other offers; the chosen one's supplier gets the line.
func (d *poDetail) onMoveLine() {
	l, ok := d.selectedLine()
	if !ok {
		return
	}
	d.s.bg(func() {
		offers, err := d.s.src.ProductOffers(l.ProductID)
		fyne.Do(func() {
			if err != nil {
				d.setWarn(sentence(err))
				return
			}
			d.chooseOffer(l, offers)
		})
	})
}

func (d *poDetail) chooseOffer(l app.POLineRow, offers []app.OfferLine) {
	var labels []string
	byLabel := map[string]uint{}
	for _, o := range offers {
		if l.OfferID != nil && o.ID == *l.OfferID || !o.Active {
			continue
		}
		label := fmt.Sprintf("%s · %s · %s", o.SupplierName, d.s.format.money(o.UnitCost), nouns(o.LeadDays, "day"))
		labels = append(labels, label)
		byLabel[label] = o.ID
	}
	if len(labels) == 0 {
		d.setWarn("No other supplier offers " + l.SKU + ": add an offer in the Catalog first.")
		return
	}
	pick := newDialogSelect(labels, nil)
	pick.SetSelectedIndex(0)
	d.offerPick = pick
	f := newPOForm()
	d.form = f
	f.show("Buy "+l.SKU+" from another supplier", "Move", []*widget.FormItem{widget.NewFormItem("Offer", pick)}, d.s.win, func() {
		offer := byLabel[pick.Selected]
		d.act(func() error { _, err := d.s.src.MovePOLine(l.ID, offer); return err }, nil)
	})
}
