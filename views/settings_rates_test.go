package views

import (
	"strings"
	"testing"

	"clockwork/app"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

func TestSettingsCurrenciesAndRates(t *testing.T) {
	s, a, _ := newTestShell(t)
	v := settingsOf(s)
	p := v.rates
	if !buttonTexts(v.content())["Add a currency"] || len(p.rows) != 0 {
		t.Fatalf("no Currencies and rates section, or rates on a new shop: %d", len(p.rows))
	}
	test.Tap(button(t, v.content(), "Add a currency"))
	test.Type(p.rows[0].code, "usd")
	test.Type(p.rows[0].rate, "0,9234")
	if p.rows[0].shop.Text != "EUR" {
		t.Errorf("the rate reads in %q, want the shop's EUR", p.rows[0].shop.Text)
	}
	test.Tap(button(t, v.content(), "Add a currency"))
	test.Type(p.rows[1].code, "GBP")
	test.Type(p.rows[1].rate, "lots")
	test.Tap(button(t, v.content(), "Save rates"))
	if rates, _ := a.Rates(); len(rates) != 0 || !strings.HasPrefix(p.status.Text, "Not saved:") || !strings.Contains(p.status.Text, "lots") {
		t.Fatalf("a bad rate: stored %v, status %q", rates, p.status.Text)
	}
	p.rows[1].rate.SetText("1.17")
	test.Tap(button(t, v.content(), "Save rates"))
	rates, _ := a.Rates()
	if len(rates) != 2 || rates[0] != (app.Rate{Currency: "GBP", Micros: 1170000}) || rates[1] != (app.Rate{Currency: "USD", Micros: 923400}) {
		t.Fatalf("stored %v", rates)
	}
	if p.status.Text != "Saved: 1 GBP = 1.17 EUR, 1 USD = 0.9234 EUR." {
		t.Errorf("status %q", p.status.Text)
	}
	// Removing a currency removes its rate.
	line := p.list.Objects[0].(*fyne.Container)
	test.Tap(line.Objects[len(line.Objects)-1].(*widget.Button))
	test.Tap(button(t, v.content(), "Save rates"))
	if rates, _ := a.Rates(); len(rates) != 1 || rates[0].Currency != "USD" || len(p.rows) != 1 {
		t.Errorf("after removing GBP: stored %v, %d rows shown", rates, len(p.rows))
	}
}
