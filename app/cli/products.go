package cli

import (
	"flag"
	"fmt"
	"slices"
	"text/tabwriter"

	"clockwork/app"
)

// productRowJSON is one element of the `products --json` array.
type productRowJSON struct {
	SKU           string  `json:"sku"`
	Title         string  `json:"title"`
	PriceCents    int64   `json:"price_cents"`
	Active        bool    `json:"active"`
	Trial         bool    `json:"trial"`
	TrialStart    *string `json:"trial_start"`
	Offers        int     `json:"offers"`
	BestCostCents *int64  `json:"best_cost_cents"`
}

func newProductRowJSON(r app.ProductRow) productRowJSON {
	out := productRowJSON{SKU: r.SKU, Title: r.Title, PriceCents: int64(r.Price), Active: r.Active, Trial: r.Trial,
		TrialStart: dayJSON(r.TrialStart), Offers: r.Offers}
	if r.BestCost != nil {
		c := int64(*r.BestCost)
		out.BestCostCents = &c
	}
	return out
}

func setupProducts(fs *flag.FlagSet) func(c *call) error {
	show := fs.String("show", "", "only active, inactive, trial or no_offer (active products nobody supplies)")
	search := fs.String("search", "", "only products whose SKU or title contains this")
	asJSON := fs.Bool("json", false, "print one JSON document")
	return func(c *call) error {
		if err := c.noArgs(); err != nil {
			return err
		}
		if !slices.Contains(app.ProductShows, app.ProductShow(*show)) {
			return usagef("--show %q: use active, inactive, trial or no_offer", *show)
		}
		a, err := c.app()
		if err != nil {
			return err
		}
		each := func(fn func(app.ProductRow) error) error {
			for offset := 0; ; offset += app.MaxPage {
				rows, err := a.Products(app.ProductQuery{ListQuery: app.ListQuery{Search: *search, Sort: "sku", Offset: offset}, Show: app.ProductShow(*show)})
				if err != nil {
					return err
				}
				for _, r := range rows {
					if err := fn(r); err != nil {
						return err
					}
				}
				if len(rows) < app.MaxPage {
					return nil
				}
			}
		}
		if *asJSON {
			return writeJSONArray(c, func(emit func(any) error) error {
				return each(func(r app.ProductRow) error { return emit(newProductRowJSON(r)) })
			})
		}
		w := tabwriter.NewWriter(c.env.Stdout, 0, 0, 2, ' ', 0)
		fmt.Fprintln(w, "SKU\tTITLE\tPRICE\tOFFERS\tBEST COST\tACTIVE\tTRIAL")
		err = each(func(r app.ProductRow) error {
			best, trial := "-", ""
			if r.BestCost != nil {
				best = r.BestCost.String()
			}
			if r.Trial {
				trial = "since " + string(r.TrialStart)
			}
			_, err := fmt.Fprintf(w, "%s\t%s\t%s\t%d\t%s\t%v\t%s\n", r.SKU, r.Title, r.Price, r.Offers, best, r.Active, trial)
			return err
		})
		if err != nil {
			return err
		}
		return w.Flush()
	}
}
