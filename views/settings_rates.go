package views

import (
	"fmt"
	"strings"

	"clockwork/app"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// ratesSource is what the currencies and rates section needs from the app.
type ratesSource interface {
	Rates() ([]app.Rate, error)
	SetRates(rates ...app.Rate) error
}

// ratesPanel is Settings' "Currencies and rates": the shop's currency, and what one unit of
// each foreign currency is worth in it. Imports convert orders and price lists at these
// rates; a currency without one is a problem on its row, never relabelled.
type ratesPanel struct {
	src      ratesSource
	bg       runner
	currency *widget.Entry // the shop's currency, saved with the rest of the shop
	rows     []*rateRow
	list     *fyne.Container
	removed  []string // currencies whose rate was removed since the last save
	status   *widget.Label
}

// rateRow is one foreign currency and its rate.
type rateRow struct {
	code, rate *widget.Entry
	shop       *widget.Label // "EUR", after the rate
}

func newRatesPanel(src ratesSource, bg runner, currency *widget.Entry) *ratesPanel {
	p := &ratesPanel{src: src, bg: bg, currency: currency, list: container.NewVBox()}
	p.status = widget.NewLabel("")
	p.status.Wrapping = fyne.TextWrapWord
	edited := currency.OnChanged // the shop form's own tracking of unsaved changes
	currency.OnChanged = func(text string) {
		if edited != nil {
			edited(text)
		}
		p.showShopCurrency()
	}
	return p
}

func (p *ratesPanel) card() fyne.CanvasObject {
	add := widget.NewButtonWithIcon("Add a currency", theme.ContentAddIcon(), func() { p.addRow(app.Rate{}) })
	save := widget.NewButtonWithIcon("Save rates", theme.DocumentSaveIcon(), p.onSave)
	shop := widget.NewForm(widget.NewFormItem("Your shop's currency", p.currency))
	return widget.NewCard("Currencies and rates",
		"Orders and price lists in another currency are converted at your rate when imported (the original amount is kept); "+
			"without a rate their rows are refused, naming both currencies.",
		container.NewVBox(shop, p.list, container.NewHBox(add, save), p.status))
}

// load reads the rates off the UI thread and shows them as stored.
func (p *ratesPanel) load() {
	p.bg(func() {
		rates, err := p.src.Rates()
		fyne.Do(func() {
			if err != nil {
				p.status.SetText("The rates could not be read: " + err.Error())
				return
			}
			p.show(rates)
		})
	})
}

// show lists the rates.
func (p *ratesPanel) show(rates []app.Rate) {
	p.rows, p.removed = nil, nil
	p.list.RemoveAll()
	for _, r := range rates {
		p.addRow(r)
	}
}

func (p *ratesPanel) addRow(r app.Rate) {
	row := &rateRow{code: widget.NewEntry(), rate: widget.NewEntry(), shop: widget.NewLabel("")}
	row.code.SetPlaceHolder("USD")
	row.rate.SetPlaceHolder("0.9234")
	if r.Currency != "" {
		row.code.SetText(r.Currency)
		row.rate.SetText(r.String())
	}
	var line *fyne.Container
	remove := widget.NewButtonWithIcon("", theme.DeleteIcon(), func() {
		if c := strings.ToUpper(strings.TrimSpace(row.code.Text)); c != "" {
			p.removed = append(p.removed, c)
		}
		p.list.Remove(line)
		for i, x := range p.rows {
			if x == row {
				p.rows = append(p.rows[:i], p.rows[i+1:]...)
				break
			}
		}
	})
	code := container.NewGridWrap(fyne.NewSize(90, row.code.MinSize().Height), row.code)
	rate := container.NewGridWrap(fyne.NewSize(140, row.rate.MinSize().Height), row.rate)
	line = container.NewHBox(widget.NewLabel("1"), code, widget.NewLabel("="), rate, row.shop, remove)
	p.rows = append(p.rows, row)
	p.list.Add(line)
	p.showShopCurrency()
}

func (p *ratesPanel) showShopCurrency() {
	c := strings.ToUpper(strings.TrimSpace(p.currency.Text))
	for _, r := range p.rows {
		r.shop.SetText(c)
	}
}

// onSave stores every rate shown and removes those taken away: all or none.
func (p *ratesPanel) onSave() {
	var rates []app.Rate
	var bad []string
	kept := map[string]bool{}
	for _, row := range p.rows {
		code, num := strings.TrimSpace(row.code.Text), strings.TrimSpace(row.rate.Text)
		if code == "" && num == "" {
			continue
		}
		if num == "" {
			bad = append(bad, fmt.Sprintf("%s: give its rate, e.g. 0.9234", code))
			continue
		}
		r, err := app.ParseRate(code + "=" + num)
		if err != nil {
			bad = append(bad, problemsText(err))
			continue
		}
		kept[r.Currency] = true
		rates = append(rates, r)
	}
	for _, c := range p.removed {
		if !kept[c] {
			rates = append(rates, app.Rate{Currency: c})
		}
	}
	if len(bad) > 0 {
		p.status.SetText("Not saved: " + strings.Join(bad, "; "))
		return
	}
	if err := p.src.SetRates(rates...); err != nil {
		p.status.SetText("Not saved: " + problemsText(err))
		return
	}
	p.load()
	p.status.SetText(fmt.Sprintf("Saved: %s.", p.describe()))
}

// describe lists the rates shown, "1 USD = 0.9234 EUR", or says there are none.
func (p *ratesPanel) describe() string {
	var parts []string
	for _, r := range p.rows {
		parts = append(parts, fmt.Sprintf("1 %s = %s %s", r.code.Text, r.rate.Text, r.shop.Text))
	}
	if len(parts) == 0 {
		return "no rates, so only orders and price lists in your own currency import"
	}
	return strings.Join(parts, ", ")
}

// problemsText is an error as people read it: an InputError's problems without the wraps.
func problemsText(err error) string {
	if ps := problemsOf(err); len(ps) > 0 {
		var out []string
		for _, p := range ps {
			out = append(out, p.Message)
		}
		return strings.Join(out, "; ")
	}
	return err.Error()
}
