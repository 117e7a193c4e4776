package views

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// skuSeparator joins a suggestion's SKU and title in the drop-down: "MUG-1 — Enamel Mug".
const skuSeparator = " — "

// skuEntry is a SKU field that offers catalog products (by SKU or title) as the user types.
type skuEntry struct {
	entry    *dialogSelectEntry
	src      ordersSource
	bg       runner
	onChange func(sku string) // after the text changed, with the SKU it holds
	options  []string         // the suggestions on offer
}

func newSKUEntry(src ordersSource, bg runner) *skuEntry {
	e := &skuEntry{src: src, bg: bg}
	e.entry = newDialogSelectEntry(nil)
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
	var dlg *dialog.ConfirmDialog
	create := widget.NewButtonWithIcon("Create product…", theme.ContentAddIcon(), func() {
		dlg.Hide()
		d.onCreateProduct(lineID, sku)
	})
	or := widget.NewLabel("Not in your catalog at all? Create it from this line (its SKU, title and price); add a supplier's offer for it in Catalog.")
	or.Wrapping = fyne.TextWrapWord
	or.Importance = widget.LowImportance
	dlg = dialog.NewCustomConfirm("Map SKU "+sku, "Link to product", "Cancel", container.NewVBox(msg, pick.entry, widget.NewSeparator(), or, container.NewHBox(create)), func(ok bool) {
		if ok {
			d.mapSKU(lineID, sku, pick.sku())
		}
	}, d.o.win)
	dlg.Resize(fyne.NewSize(560, 300))
	d.mapDialog = pick
	dlg.Show()
}

// onCreateProduct adds the product an unknown SKU names, asking for a SKU only when the line
// has none, and links the line (and its SKU's other lines) to it.
func (d *orderDetail) onCreateProduct(lineID uint, sku string) {
	if sku != "" {
		d.createProduct(lineID, sku)
		return
	}
	f := newDialogField()
	f.SetPlaceHolder("The SKU your shop sells it under")
	dialog.ShowForm("Create product", "Create", "Cancel", []*widget.FormItem{widget.NewFormItem("SKU", f)}, func(ok bool) {
		if ok {
			d.createProduct(lineID, f.Text)
		}
	}, d.o.win)
}

func (d *orderDetail) createProduct(lineID uint, sku string) {
	d.o.bg(func() {
		p, n, err := d.o.src.CreateProductForLine(lineID, sku)
		fyne.Do(func() {
			if err != nil {
				d.inform("Not created", "The product was not created: "+sentence(err))
				return
			}
			d.inform("Product created", fmt.Sprintf("%s “%s” is in the catalog at %s, linked to %s. Add a supplier's offer for it in Catalog so it can be bought.",
				p.SKU, p.Title, p.Price.Format(d.o.format.currency), plural(n, "order line", "order lines")))
			d.reload()
		})
	})
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
