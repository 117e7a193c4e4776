package cli

import (
	"encoding/json"
	"flag"
	"fmt"
	"text/tabwriter"

	"clockwork/app"
)

// purchaseJSON is the `purchase --json` shape of DESIGN section 8, with each PO's lines and
// why their supplier was chosen, and the lines that will ship late whatever is chosen.
type purchaseJSON struct {
	PurchaseOrders []string        `json:"purchase_orders"`
	LinesPlanned   int             `json:"lines_planned"`
	Exceptions     []exceptionJSON `json:"exceptions"`
	Late           []exceptionJSON `json:"late"`
	Policy         string          `json:"policy"`
	Search         string          `json:"search"`
	POs            []plannedPOJSON `json:"pos"`
}

// plannedPOJSON is one PO of the plan: what it adds, in cents, and its lines.
type plannedPOJSON struct {
	Number   string            `json:"number"`
	Supplier string            `json:"supplier"`
	Goods    int64             `json:"goods_cents"`
	Fee      int64             `json:"order_fee_cents"`
	Shipping int64             `json:"shipping_cents"`
	Cost     int64             `json:"cost_cents"`
	Lines    []plannedLineJSON `json:"lines"`
}

// plannedLineJSON is one PO line serving an order line, with the choice of its supplier.
type plannedLineJSON struct {
	OrderNumber  string `json:"order_number"`
	SKU          string `json:"sku"`
	Qty          int    `json:"qty"`
	UnitCost     int64  `json:"unit_cost_cents"`
	Arrival      string `json:"arrival"`
	ShipBy       string `json:"ship_by"`
	Cost         int64  `json:"landed_cost_cents"`
	RunnerUp     string `json:"runner_up"`
	RunnerUpCost int64  `json:"runner_up_cost_cents"`
	Reason       string `json:"reason"`
	Detail       string `json:"detail"`
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
	out := purchaseJSON{PurchaseOrders: append([]string{}, res.PONumbers...), LinesPlanned: res.LinesPlanned(),
		Exceptions: exceptionsJSON(res.Exceptions), Late: exceptionsJSON(res.Late), Policy: string(res.Policy), Search: res.Search,
		POs: []plannedPOJSON{}}
	for i, po := range res.POs {
		pj := plannedPOJSON{Number: res.PONumbers[i], Supplier: po.Supplier, Goods: int64(po.Goods), Fee: int64(po.Fee),
			Shipping: int64(po.Shipping), Cost: int64(po.Cost), Lines: []plannedLineJSON{}}
		for _, l := range po.Lines {
			pj.Lines = append(pj.Lines, plannedLineJSON{OrderNumber: l.OrderNumber, SKU: l.SKU, Qty: l.Qty, UnitCost: int64(l.UnitCost),
				Arrival: string(l.Arrival), ShipBy: string(l.ShipBy), Cost: int64(l.Why.Cost), RunnerUp: l.Why.RunnerUp,
				RunnerUpCost: int64(l.Why.RunnerUpCost), Reason: string(l.Why.Reason), Detail: l.Why.Detail})
		}
		out.POs = append(out.POs, pj)
	}
	enc := json.NewEncoder(c.env.Stdout)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}

func exceptionsJSON(es []app.PlanException) []exceptionJSON {
	out := []exceptionJSON{}
	for _, e := range es {
		out = append(out, exceptionJSON{OrderNumber: e.OrderNumber, SKU: e.SKU, Reason: string(e.Reason), Detail: e.Detail})
	}
	return out
}

func printPurchase(c *call, res app.PlanResult, dryRun bool) error {
	w := tabwriter.NewWriter(c.env.Stdout, 0, 0, 2, ' ', 0)
	verb := "planned"
	if dryRun {
		verb = "would plan (dry run, nothing written)"
	}
	fmt.Fprintf(w, "%s %d lines: %d on %d purchase orders, %d from spare stock; %s landed (%s policy)\n", verb, res.LinesPlanned(),
		res.LinesToBuy(), len(res.POs), len(res.FromLeftovers), res.Cost(), res.Policy)
	if res.Search != "" {
		fmt.Fprintln(w, res.Search)
	}
	if len(res.POs) > 0 {
		fmt.Fprintln(w, "PO\tSUPPLIER\tLINES\tGOODS\tFEE\tSHIPPING\tADDED COST\tPROMISED\tNOTE")
	}
	for i, po := range res.POs {
		fmt.Fprintf(w, "%s\t%s\t%d\t%s\t%s\t%s\t%s\t%s\t%s\n", res.PONumbers[i], po.Supplier, len(po.Lines), po.Goods, po.Fee, po.Shipping,
			po.Cost, po.PromisedDate, po.Warning)
	}
	if len(res.Late) > 0 {
		fmt.Fprintf(w, "\n%d lines will ship late whatever is chosen:\nORDER\tSKU\tWHY\n", len(res.Late))
	}
	for _, e := range res.Late {
		fmt.Fprintf(w, "%s\t%s\t%s\n", e.OrderNumber, e.SKU, e.Detail)
	}
	if len(res.Exceptions) > 0 {
		fmt.Fprintf(w, "\n%d lines could not be planned:\nORDER\tSKU\tREASON\tTO FIX\n", len(res.Exceptions))
	}
	for _, e := range res.Exceptions {
		fmt.Fprintf(w, "%s\t%s\t%s\t%s\n", e.OrderNumber, e.SKU, e.Detail, e.Reason.Fix())
	}
	return w.Flush()
}
