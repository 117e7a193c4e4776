package views

import (
	"strings"

	"clockwork/app"
	"clockwork/data"

	"fyne.io/fyne/v2"
)

// A barcode scanner types the order number printed on a slip and presses Enter, so the
// search fields of Pack & ship and Returns act on Enter when the text is an order number.

// onScan picks the scanned order in Pack & ship when it is ready to pack, and clears the
// field for the next parcel; otherwise it says why the order cannot ship.
func (p *pack) onScan(text string) {
	number := strings.TrimSpace(text)
	if number == "" {
		return
	}
	p.bg(func() {
		o, err := p.src.OrderByNumber(number)
		if err != nil {
			return // not an order number: the text stays a search of customers and SKUs
		}
		why, err := p.src.ShipCheck(o.ID)
		fyne.Do(func() { p.scanned(o, why, err) })
	})
}

// scanned shows the outcome of a scan on the UI thread.
func (p *pack) scanned(o data.Order, why string, err error) {
	switch {
	case err != nil:
		p.count.SetText("Could not read order " + o.Number + ": " + sentence(err))
	case why != "":
		p.count.SetText(why + ".")
	case o.Status != data.OrderReady:
		p.count.SetText("Order " + o.Number + " is not ready to pack: it is " + string(o.Status) + ".")
	default:
		p.picked[o.ID] = app.OrderRow{ID: o.ID, Number: o.Number, Channel: o.Channel, PlacedAt: o.PlacedAt,
			Customer: o.CustomerName, Items: o.Items, Total: o.Total, Status: o.Status, ShipBy: o.ShipBy, AtRisk: o.AtRisk}
		p.notice = "Scanned " + o.Number + ": picked."
		p.search.SetText("") // ready for the next scan; reloads the list and the count
	}
}

// onScan starts a return for the scanned order's parcel in Returns: it shows the order's
// open return when there is one (the customer asked first), else opens Start a return.
func (r *returns) onScan(text string) {
	number := strings.TrimSpace(text)
	if number == "" || r.startReturn == nil {
		return
	}
	r.bg(func() {
		o, err := r.src.OrderByNumber(number)
		if err != nil {
			// Not an order number: the text stays a search of RMAs and customers.
			return
		}
		open, err := r.src.ReturnRows(app.ListQuery{Sort: "number"}, app.ReturnFilter{OrderID: o.ID, Open: true})
		fyne.Do(func() {
			switch {
			case err != nil:
				r.count.SetText("Could not read the returns of order " + o.Number + ": " + sentence(err))
			case len(open) > 0:
				r.showReturn(open[0].ID)
				r.count.SetText("Scanned " + o.Number + ": its return " + open[0].Number + " is open below.")
			default:
				r.search.SetText("")
				r.startReturn(o)
			}
		})
	})
}
