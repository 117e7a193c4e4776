package cli

import (
	"flag"
	"fmt"
	"strings"

	"clockwork/app"
	"clockwork/data"
)

// offerSynopsis is the synopsis of `clockwork offer`, one line per action.
const offerSynopsis = `add SKU --supplier NAME --cost C [--supplier-sku S] [--pack N] [--min N] [--lead-days N] [--available N] [--valid-from DAY] [--valid-to DAY]
                     | edit SKU --supplier NAME [the same flags]
                     | retire SKU --supplier NAME | restore SKU --supplier NAME | prefer SKU --supplier NAME`

// offerFlags are the flags of every `offer` action.
type offerFlags struct {
	supplier, supplierSKU, cost, pack, min, lead, available, validFrom, validTo *string
	set                                                                         map[string]bool
}

// offerTerms are the flags add and edit take besides --supplier.
var offerTerms = []string{"supplier-sku", "cost", "pack", "min", "lead-days", "available", "valid-from", "valid-to"}

func setupOffer(fs *flag.FlagSet) func(c *call) error {
	f := &offerFlags{
		supplier:    fs.String("supplier", "", "the supplier making the offer"),
		supplierSKU: fs.String("supplier-sku", "", "the supplier's own SKU (on edit: picks the offer when the supplier has several for the product)"),
		cost:        fs.String("cost", "", "add/edit: unit cost, e.g. 4.20"),
		pack:        fs.String("pack", "", "add/edit: sold in packs of this many (default 1)"),
		min:         fs.String("min", "", "add/edit: minimum quantity per purchase order (default 1)"),
		lead:        fs.String("lead-days", "", "add/edit: quoted days from order to dispatch"),
		available:   fs.String("available", "", "add/edit: units the supplier has; empty when unknown"),
		validFrom:   fs.String("valid-from", "", "add/edit: first day the price holds"),
		validTo:     fs.String("valid-to", "", "add/edit: last day the price holds"),
	}
	terms := append([]string{"supplier"}, offerTerms...)
	return func(c *call) error {
		f.set = setFlags(fs)
		return runAction(c, fs, "offer", map[string]action{
			"add":     {terms, f.add},
			"edit":    {terms, f.edit},
			"retire":  {[]string{"supplier", "supplier-sku"}, f.step("retire")},
			"restore": {[]string{"supplier", "supplier-sku"}, f.step("restore")},
			"prefer":  {[]string{"supplier", "supplier-sku"}, f.step("prefer")},
		})
	}
}

func (f *offerFlags) add(c *call, args []string) error {
	sku, err := oneArg(args, "product SKU: clockwork offer add MUG-1 --supplier Acme --cost 4.20")
	if err != nil {
		return err
	}
	if *f.supplier == "" || !f.set["cost"] {
		return usagef("--supplier NAME and --cost C are required")
	}
	a, err := c.app()
	if err != nil {
		return err
	}
	p, err := a.ProductWithSKU(sku)
	if err != nil {
		return err
	}
	s, err := supplierNamed(a, *f.supplier)
	if err != nil {
		return err
	}
	o := data.Offer{ProductID: p.ID, SupplierID: s.ID, PackSize: 1, MinQty: 1, LeadDays: s.QuotedLeadDays}
	if err := f.apply(&o); err != nil {
		return err
	}
	if err := a.SaveOffer(&o); err != nil {
		return err
	}
	_, err = fmt.Fprintf(c.env.Stdout, "offer of %s for %s added at %s (priority %d)\n", s.Name, p.SKU, o.UnitCost, o.Priority)
	return err
}

func (f *offerFlags) edit(c *call, args []string) error {
	a, o, err := f.find(c, args)
	if err != nil {
		return err
	}
	offer := o.Offer
	if err := f.apply(&offer); err != nil {
		return err
	}
	if err := a.SaveOffer(&offer); err != nil {
		return err
	}
	_, err = fmt.Fprintf(c.env.Stdout, "offer of %s for %s saved\n", o.SupplierName, o.ProductSKU)
	return err
}

// step retires an offer (planning stops using it), restores it, or makes it preferred.
func (f *offerFlags) step(what string) func(c *call, args []string) error {
	return func(c *call, args []string) error {
		a, o, err := f.find(c, args)
		if err != nil {
			return err
		}
		switch what {
		case "retire":
			err = a.SetOfferActive(o.ID, false)
		case "restore":
			err = a.SetOfferActive(o.ID, true)
		default:
			err = a.MakePreferred(o.ID)
		}
		if err != nil {
			return err
		}
		_, err = fmt.Fprintf(c.env.Stdout, "offer of %s for %s: %s done\n", o.SupplierName, o.ProductSKU, what)
		return err
	}
}

// find is the offer named by SKU and --supplier (and --supplier-sku among several).
func (f *offerFlags) find(c *call, args []string) (*app.App, app.OfferLine, error) {
	sku, err := oneArg(args, "product SKU and --supplier NAME")
	if err != nil {
		return nil, app.OfferLine{}, err
	}
	if *f.supplier == "" {
		return nil, app.OfferLine{}, usagef("--supplier NAME is required")
	}
	a, err := c.app()
	if err != nil {
		return nil, app.OfferLine{}, err
	}
	p, err := a.ProductWithSKU(sku)
	if err != nil {
		return nil, app.OfferLine{}, err
	}
	offers, err := a.ProductOffers(p.ID)
	if err != nil {
		return nil, app.OfferLine{}, err
	}
	var mine []app.OfferLine
	for _, o := range offers {
		if strings.EqualFold(o.SupplierName, strings.TrimSpace(*f.supplier)) {
			mine = append(mine, o)
		}
	}
	if len(mine) > 1 && f.set["supplier-sku"] {
		for _, o := range mine {
			if o.SupplierSKU == strings.TrimSpace(*f.supplierSKU) {
				return a, o, nil
			}
		}
	}
	switch len(mine) {
	case 0:
		return nil, app.OfferLine{}, &app.InputError{Problems: []app.Problem{{Field: "--supplier", Message: fmt.Sprintf("%s has no offer from %q; `clockwork product show %s` lists its offers", p.SKU, *f.supplier, p.SKU)}}}
	case 1:
		return a, mine[0], nil
	}
	return nil, app.OfferLine{}, &app.InputError{Problems: []app.Problem{{Field: "--supplier-sku", Message: fmt.Sprintf("%s has %d offers from %s; pick one with --supplier-sku", p.SKU, len(mine), mine[0].SupplierName)}}}
}

// apply copies the given terms into o; a bad amount or number is bad input.
func (f *offerFlags) apply(o *data.Offer) error {
	var in inputs
	if f.set["supplier-sku"] {
		o.SupplierSKU = *f.supplierSKU
	}
	if f.set["cost"] {
		in.money("cost", *f.cost, &o.UnitCost)
	}
	for _, n := range []struct {
		name  string
		value *string
		dst   *int
	}{{"pack", f.pack, &o.PackSize}, {"min", f.min, &o.MinQty}, {"lead-days", f.lead, &o.LeadDays}} {
		if f.set[n.name] {
			in.int(n.name, *n.value, n.dst)
		}
	}
	if f.set["available"] {
		o.AvailableQty = nil
		if strings.TrimSpace(*f.available) != "" {
			n := 0
			in.int("available", *f.available, &n)
			o.AvailableQty = &n
		}
	}
	if f.set["valid-from"] {
		o.ValidFrom = data.Day(strings.TrimSpace(*f.validFrom))
	}
	if f.set["valid-to"] {
		o.ValidTo = data.Day(strings.TrimSpace(*f.validTo))
	}
	return in.err()
}
