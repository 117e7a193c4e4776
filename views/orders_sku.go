package views

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"
)

// skuSeparator joins a suggestion's SKU and title in the drop-down: "MUG-1 — Enamel Mug".
const skuSeparator = " — "

// skuEntry is a SKU field that offers catalog products (by SKU or title) as the user types.
type skuEntry struct {
	entry    *widget.SelectEntry
	src      ordersSource
	bg       runner
	onChange func(sku string) // after the text changed, with the SKU it holds
	options  []string         // the suggestions on offer
}

func newSKUEntry(src ordersSource, bg runner) *skuEntry {
	e := &skuEntry{src: src, bg: bg}
	e.entry = widget.NewSelectEntry(nil)
	e.entry.SetPlaceHolder("SKU or product name")
	e.entry.OnChanged = e.changed
	return e
}

// sku is the SKU in the field: a picked suggestion stands for its SKU.
func (e *skuEntry) sku() string {
	sku, _, _ := strings.Cut(e.entry.Text, skuSeparator)
	return strings.TrimSpace(sku)
}

func (e *skuEntry) changed(text string) {
	if strings.Contains(text, skuSeparator) { // a suggestion was picked: keep its SKU alone
		e.entry.SetText(e.sku())
		return
	}
	if e.onChange != nil {
		e.onChange(e.sku())
	}
	if strings.TrimSpace(text) == "" {
		e.setOptions(nil)
		return
	}
	e.bg(func() {
		hits, err := e.src.ProductSuggestions(text, 8)
		fyne.Do(func() {
			if err != nil || e.entry.Text != text {
				return // a newer keystroke has its own suggestions coming
			}
			var opts []string
			for _, h := range hits {
				opts = append(opts, h.SKU+skuSeparator+h.Title)
			}
			e.setOptions(opts)
		})
	})
}

func (e *skuEntry) setOptions(opts []string) {
	e.options = opts
	e.entry.SetOptions(opts)
}

// onMapSKU asks which catalog product an unknown SKU is, then links every line with it.
func (d *orderDetail) onMapSKU(lineID uint, sku string) {
	pick := newSKUEntry(d.o.src, d.o.bg)
	what := fmt.Sprintf("“%s” is not in your catalog. Which of your products is it?\n"+
		"Every order line with this SKU is linked to it, now and in later imports.", sku)
	if sku == "" {
		what = "This line has no SKU. Which of your products is it?"
	}
	msg := widget.NewLabel(what)
	msg.Wrapping = fyne.TextWrapWord
	dlg := dialog.NewCustomConfirm("Map SKU "+sku, "Link to product", "Cancel", container.NewVBox(msg, pick.entry), func(ok bool) {
		if ok {
			d.mapSKU(lineID, sku, pick.sku())
		}
	}, d.o.win)
	dlg.Resize(fyne.NewSize(560, 240))
	d.mapDialog = pick
	dlg.Show()
}

func (d *orderDetail) mapSKU(lineID uint, sku, product string) {
	d.o.bg(func() {
		n, err := d.o.src.MapUnknownSKU(lineID, product)
		fyne.Do(func() {
			if err != nil {
				d.inform("Not mapped", "The SKU was not mapped: "+sentence(err))
				return
			}
			d.inform("SKU mapped", fmt.Sprintf("%s linked to %s on %s; its ship-by dates were worked out again.", sku, product, plural(n, "order line", "order lines")))
			d.reload()
		})
	})
}

func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}
