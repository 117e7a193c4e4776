package cli

import (
	"flag"
	"fmt"
	"io"

	"clockwork/app"
)

// insightsJSON is the `insights --json` shape: what returns teach over a period.
type insightsJSON struct {
	From       string        `json:"from"`
	To         string        `json:"to"`
	Returns    int           `json:"returns"`
	Units      int           `json:"units"`
	Shipped    int           `json:"shipped"`
	ByReason   []insightJSON `json:"by_reason"`
	ByProduct  []insightJSON `json:"by_product"`
	BySupplier []insightJSON `json:"by_supplier"`
	Trial      insightJSON   `json:"trial"`
	Rest       insightJSON   `json:"rest"`
}

type insightJSON struct {
	Key              string   `json:"key"`
	Title            string   `json:"title"`
	Units            int      `json:"units"`
	SupplierFault    int      `json:"supplier_fault"`
	Shipped          int      `json:"shipped"`
	RatePct          *float64 `json:"rate_pct"`
	SupplierFaultPct *float64 `json:"supplier_fault_pct"`
	TopReason        string   `json:"top_reason"`
}

func newInsightJSON(r app.InsightRow) insightJSON {
	return insightJSON{Key: r.Key, Title: r.Title, Units: r.Units, SupplierFault: r.SupplierFault, Shipped: r.Shipped,
		RatePct: r.RatePct(), SupplierFaultPct: r.SupplierFaultPct(), TopReason: string(r.TopReason)}
}

func newInsightRows(rows []app.InsightRow) []insightJSON {
	out := []insightJSON{}
	for _, r := range rows {
		out = append(out, newInsightJSON(r))
	}
	return out
}

// setupInsights is `clockwork insights`: what returns teach, as the window's screen of that
// name shows it and exports it.
func setupInsights(fs *flag.FlagSet) func(c *call) error {
	out := fs.String("out", "", "write the workbook with every comment to this .xlsx file")
	from := fs.String("from", "", "first day of returns opened, 2006-01-02 (default: twelve months before --to)")
	to := fs.String("to", "", "the day after the last day, 2006-01-02 (default: tomorrow)")
	asJSON := fs.Bool("json", false, "print one JSON document")
	return func(c *call) error {
		if err := c.noArgs(); err != nil {
			return err
		}
		if *out == "" && !*asJSON {
			return usagef("give --out FILE.xlsx, --json, or both")
		}
		a, err := c.app()
		if err != nil {
			return err
		}
		p, err := a.NewPeriod(*from, *to)
		if err != nil {
			return err
		}
		if *out != "" {
			if err := app.WriteFile(*out, func(w io.Writer) error { return a.ExportReturnInsights(p, w) }); err != nil {
				return fmt.Errorf("write %s: %w", *out, err)
			}
			if !*asJSON {
				_, err := fmt.Fprintf(c.env.Stdout, "what returns teach, %s, written to %s\n", p, *out)
				return err
			}
		}
		in, err := a.ReturnInsights(p)
		if err != nil {
			return err
		}
		return writeJSON(c, insightsJSON{From: string(p.From), To: string(p.To.AddDays(-1)), Returns: in.Returns, Units: in.Units, Shipped: in.Shipped,
			ByReason: newInsightRows(in.ByReason), ByProduct: newInsightRows(in.ByProduct), BySupplier: newInsightRows(in.BySupplier),
			Trial: newInsightJSON(in.Trial), Rest: newInsightJSON(in.Rest)})
	}
}
