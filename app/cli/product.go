package cli

import (
	"flag"
	"fmt"
	"strings"
	"text/tabwriter"

	"clockwork/app"
	"clockwork/data"
)

// productSynopsis is the synopsis of `clockwork product`, one line per action.
const productSynopsis = `add SKU --title T [--price P] [--trial yes|no] [--trial-start DAY]
                     | edit SKU [--title T] [--price P] [--active yes|no] [--trial yes|no] [--trial-start DAY] [--sku NEW]
                     | show SKU [--json]`

// productFlags are the flags of every `product` action.
type productFlags struct {
	title, price, active, trial, trialStart, newSKU *string
	asJSON                                          *bool
	set                                             map[string]bool
}

func setupProduct(fs *flag.FlagSet) func(c *call) error {
	f := &productFlags{
		title:      fs.String("title", "", "add/edit: the product's title as customers see it"),
		price:      fs.String("price", "", "add/edit: selling price, e.g. 24.90"),
		active:     fs.String("active", "", "edit: yes, or no to stop buying for it"),
		trial:      fs.String("trial", "", "add/edit: yes while the shop is testing the product, no when not"),
		trialStart: fs.String("trial-start", "", "add/edit: the day the trial began (default today)"),
		newSKU:     fs.String("sku", "", "edit: the product's new SKU"),
		asJSON:     fs.Bool("json", false, "show: print one JSON document"),
	}
	return func(c *call) error {
		f.set = setFlags(fs)
		return runAction(c, fs, "product", map[string]action{
			"add":  {[]string{"title", "price", "trial", "trial-start"}, f.add},
			"edit": {[]string{"title", "price", "active", "trial", "trial-start", "sku"}, f.edit},
			"show": {[]string{"json"}, f.show},
		})
	}
}

func (f *productFlags) add(c *call, args []string) error {
	sku, err := oneArg(args, "SKU: clockwork product add MUG-1 --title \"Enamel mug\"")
	if err != nil {
		return err
	}
	a, err := c.app()
	if err != nil {
		return err
	}
	p := data.Product{SKU: sku, Active: true}
	if err := f.apply(&p); err != nil {
		return err
	}
	if err := a.SaveProduct(&p); err != nil {
		return err
	}
	_, err = fmt.Fprintf(c.env.Stdout, "product %s added; add an offer: clockwork offer add %s --supplier NAME --cost C\n", p.SKU, p.SKU)
	return err
}

// productArg opens the shop and finds the product whose SKU is the one argument.
func (c *call) productArg(args []string) (*app.App, data.Product, error) {
	sku, err := oneArg(args, "SKU")
	if err != nil {
		return nil, data.Product{}, err
	}
	a, err := c.app()
	if err != nil {
		return nil, data.Product{}, err
	}
	p, err := a.ProductWithSKU(sku)
	return a, p, err
}

func (f *productFlags) edit(c *call, args []string) error {
	a, p, err := c.productArg(args)
	if err != nil {
		return err
	}
	if err := f.apply(&p); err != nil {
		return err
	}
	if err := a.SaveProduct(&p); err != nil {
		return err
	}
	_, err = fmt.Fprintf(c.env.Stdout, "product %s saved\n", p.SKU)
	return err
}

// apply copies the given flags into p; a bad price or yes/no is bad input.
func (f *productFlags) apply(p *data.Product) error {
	var in inputs
	if f.set["title"] {
		p.Title = *f.title
	}
	if f.set["sku"] {
		p.SKU = *f.newSKU
	}
	if f.set["price"] {
		in.money("price", *f.price, &p.Price)
	}
	if f.set["active"] {
		in.yesNo("active", *f.active, &p.Active)
	}
	if f.set["trial"] {
		in.yesNo("trial", *f.trial, &p.Trial)
	}
	if f.set["trial-start"] {
		p.TrialStart = data.Day(strings.TrimSpace(*f.trialStart))
		if !f.set["trial"] {
			p.Trial = true
		}
	}
	return in.err()
}

func (f *productFlags) show(c *call, args []string) error {
	a, p, err := c.productArg(args)
	if err != nil {
		return err
	}
	offers, err := a.ProductOffers(p.ID)
	if err != nil {
		return err
	}
	doc := newProductJSON(p, offers)
	if *f.asJSON {
		return writeJSON(c, doc)
	}
	w := tabwriter.NewWriter(c.env.Stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintf(w, "SKU:\t%s\nTitle:\t%s\nPrice:\t%s\nActive:\t%v\nTrial:\t%v %s\n\n", p.SKU, p.Title, p.Price, p.Active, p.Trial, p.TrialStart)
	fmt.Fprintln(w, "PRIORITY\tSUPPLIER\tSUPPLIER SKU\tCOST\tPACK\tMIN\tLEAD DAYS\tAVAILABLE\tACTIVE")
	for _, o := range offers {
		fmt.Fprintf(w, "%d\t%s\t%s\t%s\t%d\t%d\t%d\t%s\t%v\n", o.Priority, o.SupplierName, orDash(o.SupplierSKU), o.UnitCost,
			o.PackSize, o.MinQty, o.LeadDays, qtyText(o.AvailableQty), o.Active)
	}
	return w.Flush()
}

func qtyText(n *int) string {
	if n == nil {
		return "-"
	}
	return fmt.Sprint(*n)
}

// productJSON is the `product show --json` shape: the product with its offers.
type productJSON struct {
	SKU        string      `json:"sku"`
	Title      string      `json:"title"`
	PriceCents int64       `json:"price_cents"`
	Active     bool        `json:"active"`
	Trial      bool        `json:"trial"`
	TrialStart *string     `json:"trial_start"`
	Offers     []offerJSON `json:"offers"`
}

type offerJSON struct {
	Supplier      string  `json:"supplier"`
	SupplierSKU   string  `json:"supplier_sku"`
	UnitCostCents int64   `json:"unit_cost_cents"`
	PackSize      int     `json:"pack_size"`
	MinQty        int     `json:"min_qty"`
	LeadDays      int     `json:"lead_days"`
	AvailableQty  *int    `json:"available_qty"`
	ValidFrom     *string `json:"valid_from"`
	ValidTo       *string `json:"valid_to"`
	Priority      int     `json:"priority"`
	Active        bool    `json:"active"`
}

func newProductJSON(p data.Product, offers []app.OfferLine) productJSON {
	out := productJSON{SKU: p.SKU, Title: p.Title, PriceCents: int64(p.Price), Active: p.Active, Trial: p.Trial,
		TrialStart: dayJSON(p.TrialStart), Offers: []offerJSON{}}
	for _, o := range offers {
		out.Offers = append(out.Offers, offerJSON{Supplier: o.SupplierName, SupplierSKU: o.SupplierSKU, UnitCostCents: int64(o.UnitCost),
			PackSize: o.PackSize, MinQty: o.MinQty, LeadDays: o.LeadDays, AvailableQty: o.AvailableQty,
			ValidFrom: dayJSON(o.ValidFrom), ValidTo: dayJSON(o.ValidTo), Priority: o.Priority, Active: o.Active})
	}
	return out
}
