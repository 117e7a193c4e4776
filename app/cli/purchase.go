package cli

import (
	"encoding/json"
	"flag"
	"fmt"
	"text/tabwriter"

	"clockwork/app"
)

// purchaseJSON is the `purchase --json` shape of DESIGN section 8.
type purchaseJSON struct {
	PurchaseOrders []string        `json:"purchase_orders"`
	LinesPlanned   int             `json:"lines_planned"`
	Exceptions     []exceptionJSON `json:"exceptions"`
}

type exceptionJSON struct {
	OrderNumber string `json:"order_number"`
	SKU         string `json:"sku"`
	Reason      string `json:"reason"`
	Detail      string `json:"detail"`
}

func setupPurchase(fs *flag.FlagSet) func(c *call) error {
	policy := fs.String("policy", "", "how to pick among offers: preferred, cheapest, fastest or balanced (default: the shop's setting)")
	at := fs.String("at", "", "purchase as of this day or RFC 3339 time (default now)")
	asJSON := fs.Bool("json", false, "print one JSON document")
	dryRun := fs.Bool("dry-run", false, "show the plan; write nothing")
	return func(c *call) error {
		if err := c.noArgs(); err != nil {
			return err
		}
		a, err := c.appAt(*at)
		if err != nil {
			return err
		}
		opt := app.PlanOptions{Policy: app.Policy(*policy)} // checked by the plan
		var res app.PlanResult
		if *dryRun {
			res.Plan, err = a.PlanPurchasesWith(opt)
			for _, po := range res.POs {
				res.PONumbers = append(res.PONumbers, orNew(po.DraftNumber))
			}
		} else {
			res, err = a.PurchaseWith(opt)
		}
		if err != nil {
			return err
		}
		if *asJSON {
			return printPurchaseJSON(c, res)
		}
		return printPurchase(c, res, *dryRun)
	}
}

func orNew(number string) string {
	if number == "" {
		return "(new)"
	}
	return number
}

func printPurchaseJSON(c *call, res app.PlanResult) error {
	out := purchaseJSON{PurchaseOrders: append([]string{}, res.PONumbers...), LinesPlanned: res.LinesPlanned(), Exceptions: []exceptionJSON{}}
	for _, e := range res.Exceptions {
		out.Exceptions = append(out.Exceptions, exceptionJSON{OrderNumber: e.OrderNumber, SKU: e.SKU, Reason: string(e.Reason), Detail: e.Detail})
	}
	enc := json.NewEncoder(c.env.Stdout)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}

func printPurchase(c *call, res app.PlanResult, dryRun bool) error {
	w := tabwriter.NewWriter(c.env.Stdout, 0, 0, 2, ' ', 0)
	verb := "planned"
	if dryRun {
		verb = "would plan (dry run, nothing written)"
	}
	fmt.Fprintf(w, "%s %d lines on %d purchase orders, %d from spare stock (%s policy)\n", verb, res.LinesPlanned(), len(res.POs), len(res.FromLeftovers), res.Policy)
	if len(res.POs) > 0 {
		fmt.Fprintln(w, "PO\tSUPPLIER\tLINES\tADDED COST\tPROMISED\tNOTE")
	}
	for i, po := range res.POs {
		fmt.Fprintf(w, "%s\t%s\t%d\t%s\t%s\t%s\n", res.PONumbers[i], po.Supplier, len(po.Lines), po.Cost, po.PromisedDate, po.Warning)
	}
	if len(res.Exceptions) > 0 {
		fmt.Fprintf(w, "\n%d lines could not be planned:\nORDER\tSKU\tREASON\tTO FIX\n", len(res.Exceptions))
	}
	for _, e := range res.Exceptions {
		fmt.Fprintf(w, "%s\t%s\t%s\t%s\n", e.OrderNumber, e.SKU, e.Detail, e.Reason.Fix())
	}
	return w.Flush()
}
