package cli

import (
	"flag"
	"fmt"
	"strings"

	"clockwork/app"
)

// draftSynopsis is the synopsis of `clockwork draft`: changes to a draft purchase order
// before it is sent, as the window's PO detail makes them.
const draftSynopsis = `edit PO --sku SKU [--order NUMBER] [--qty N] [--cost C]
                     | remove PO --sku SKU [--order NUMBER]
                     | move PO --sku SKU [--order NUMBER] --to SUPPLIER`

// draftFlags are the flags of every `draft` action.
type draftFlags struct {
	sku, order, qty, cost, to *string
	set                       map[string]bool
}

func setupDraft(fs *flag.FlagSet) func(c *call) error {
	f := &draftFlags{
		sku:   fs.String("sku", "", "the SKU of the line (ours or the supplier's)"),
		order: fs.String("order", "", "the customer order the line serves, when the draft has several lines of the SKU"),
		qty:   fs.String("qty", "", "edit: the units to order"),
		cost:  fs.String("cost", "", "edit: the unit cost, e.g. 4.20"),
		to:    fs.String("to", "", "move: the supplier whose offer for the product buys the line instead"),
	}
	return func(c *call) error {
		f.set = setFlags(fs)
		return runAction(c, fs, "draft", map[string]action{
			"edit":   {[]string{"sku", "order", "qty", "cost"}, f.edit},
			"remove": {[]string{"sku", "order"}, f.remove},
			"move":   {[]string{"sku", "order", "to"}, f.move},
		})
	}
}

// line finds the draft's line named by --sku and --order.
func (f *draftFlags) line(c *call, args []string) (*app.App, app.PODetail, app.POLineRow, error) {
	number, err := oneArg(args, "draft purchase order number, e.g. PO-000003")
	if err != nil {
		return nil, app.PODetail{}, app.POLineRow{}, err
	}
	if strings.TrimSpace(*f.sku) == "" {
		return nil, app.PODetail{}, app.POLineRow{}, usagef("--sku SKU is required")
	}
	a, err := c.app()
	if err != nil {
		return nil, app.PODetail{}, app.POLineRow{}, err
	}
	po, err := a.POByNumber(number)
	if err != nil {
		return nil, app.PODetail{}, app.POLineRow{}, err
	}
	d, err := a.PurchaseOrder(po.ID)
	if err != nil {
		return nil, d, app.POLineRow{}, err
	}
	sku := strings.TrimSpace(*f.sku)
	var found []app.POLineRow
	var orders []string
	for _, l := range d.Lines {
		if (l.SKU == sku || l.SupplierSKU == sku) && (!f.set["order"] || l.OrderNumber == strings.TrimSpace(*f.order)) {
			found = append(found, l)
			orders = append(orders, orDefault(l.OrderNumber, "spare"))
		}
	}
	switch len(found) {
	case 1:
		return a, d, found[0], nil
	case 0:
		return nil, d, app.POLineRow{}, &app.InputError{Problems: []app.Problem{{Field: "--sku", Message: fmt.Sprintf("%s has no line of %s%s", d.Number, sku, forOrder(*f.order))}}}
	}
	return nil, d, app.POLineRow{}, &app.InputError{Problems: []app.Problem{{Field: "--order", Message: fmt.Sprintf("%s has %d lines of %s, for orders %s; name one with --order", d.Number, len(found), sku, strings.Join(orders, ", "))}}}
}

func forOrder(n string) string {
	if n == "" {
		return ""
	}
	return " for order " + n
}

func (f *draftFlags) edit(c *call, args []string) error {
	a, d, l, err := f.line(c, args)
	if err != nil {
		return err
	}
	qty, cost := l.Qty, l.UnitCost
	var in inputs
	if f.set["qty"] {
		in.int("qty", *f.qty, &qty)
	}
	if f.set["cost"] {
		in.money("cost", *f.cost, &cost)
	}
	if err := in.err(); err != nil {
		return err
	}
	if err := a.UpdatePOLine(l.ID, qty, cost); err != nil {
		return err
	}
	_, err = fmt.Fprintf(c.env.Stdout, "%s: %d × %s at %s\n", d.Number, qty, l.SKU, cost)
	return err
}

func (f *draftFlags) remove(c *call, args []string) error {
	a, d, l, err := f.line(c, args)
	if err != nil {
		return err
	}
	if err := a.RemovePOLine(l.ID); err != nil {
		return err
	}
	_, err = fmt.Fprintf(c.env.Stdout, "%s: %s%s removed; its order line is back to be bought\n", d.Number, l.SKU, forOrder(l.OrderNumber))
	return err
}

func (f *draftFlags) move(c *call, args []string) error {
	if strings.TrimSpace(*f.to) == "" {
		return usagef("--to SUPPLIER is required")
	}
	a, d, l, err := f.line(c, args)
	if err != nil {
		return err
	}
	offers, err := a.ProductOffers(l.ProductID)
	if err != nil {
		return err
	}
	var offer *app.OfferLine
	for i, o := range offers {
		if strings.EqualFold(o.SupplierName, strings.TrimSpace(*f.to)) && o.Active {
			offer = &offers[i]
			break
		}
	}
	if offer == nil {
		return &app.InputError{Problems: []app.Problem{{Field: "--to", Message: fmt.Sprintf("%s has no active offer from %q; `clockwork product show %s` lists its offers", l.SKU, *f.to, l.SKU)}}}
	}
	to, err := a.MovePOLine(l.ID, offer.ID)
	if err != nil {
		return err
	}
	_, err = fmt.Fprintf(c.env.Stdout, "%s%s moved from %s to %s (%s)\n", l.SKU, forOrder(l.OrderNumber), d.Number, to.Number, offer.SupplierName)
	return err
}
