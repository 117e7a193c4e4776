package cli

import (
	"flag"
	"fmt"
	"io"

	"clockwork/app"
	"clockwork/reports"
)

// scorecardJSON is one supplier of `scorecard --json` (DESIGN 6): percentages 0–100 at full
// precision, null where there is nothing to measure.
type scorecardJSON struct {
	Supplier         string   `json:"supplier"`
	LinesDue         int      `json:"lines_due"`
	OnTimePct        *float64 `json:"on_time_pct"`
	OTIFPct          *float64 `json:"otif_pct"`
	FillRatePct      *float64 `json:"fill_rate_pct"`
	LeadP50Days      *int     `json:"lead_p50_days"`
	LeadP90Days      *int     `json:"lead_p90_days"`
	LeadMeanDays     *float64 `json:"lead_mean_days"`
	QuotedLeadDays   *float64 `json:"quoted_lead_days"`
	AvgDaysLate      *float64 `json:"avg_days_late"`
	DefectPct        *float64 `json:"defect_pct"`
	ReturnPct        *float64 `json:"return_pct"`
	PriceVariancePct *float64 `json:"price_variance_pct"`
	ResponseHours    *float64 `json:"response_hours"`
	Score            *float64 `json:"score"`
	Standing         string   `json:"standing"`
	OTIFCILow        *float64 `json:"otif_ci_low"`
	OTIFCIHigh       *float64 `json:"otif_ci_high"`
}

func newScorecardJSON(c app.Scorecard) scorecardJSON {
	return scorecardJSON{
		Supplier: c.Supplier, LinesDue: c.LinesDue, OnTimePct: c.OnTimePct, OTIFPct: c.OTIFPct, FillRatePct: c.FillRatePct,
		LeadP50Days: c.LeadP50Days, LeadP90Days: c.LeadP90Days, LeadMeanDays: c.LeadMeanDays, QuotedLeadDays: c.QuotedLeadDays,
		AvgDaysLate: c.AvgDaysLate, DefectPct: c.DefectPct, ReturnPct: c.ReturnPct, PriceVariancePct: c.PriceVariancePct,
		ResponseHours: c.ResponseHours, Score: c.Score, Standing: string(c.Standing), OTIFCILow: c.OTIFCILow, OTIFCIHigh: c.OTIFCIHigh,
	}
}

// setupScorecard: --out writes the workbook, --json prints the scorecards; either or both.
func setupScorecard(fs *flag.FlagSet) func(c *call) error {
	out := fs.String("out", "", "the workbook to write (.xlsx); replaced if it exists")
	from := fs.String("from", "", "first day measured, 2006-01-02 (default: twelve months before --to)")
	to := fs.String("to", "", "the day after the last day measured, 2006-01-02 (default: tomorrow)")
	asJSON := fs.Bool("json", false, "print the scorecards as one JSON document (with --out: as well)")
	return func(c *call) error {
		if err := c.noArgs(); err != nil {
			return err
		}
		if *out == "" && !*asJSON {
			return usagef("give --out FILE.xlsx, --json, or both")
		}
		if *out != "" && !reports.WritesWorkbooks {
			return reports.ErrNotInThisBinary // the full binary writes it; nothing done here
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
			if err := writeScorecardFile(c, a, p, *out, *asJSON); err != nil {
				return err
			}
		}
		if !*asJSON {
			return nil
		}
		cards, err := a.Scorecards(p)
		if err != nil {
			return err
		}
		return writeJSONArray(c, func(emit func(any) error) error {
			for _, card := range cards {
				if err := emit(newScorecardJSON(card)); err != nil {
					return err
				}
			}
			return nil
		})
	}
}

// writeScorecardFile writes the workbook (app.WriteFile: never half a file).
func writeScorecardFile(c *call, a *app.App, p app.Period, path string, quiet bool) error {
	err := app.WriteFile(path, func(w io.Writer) error { return a.ExportScorecards(c.env.Context, p, w, nil) })
	if err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if !quiet { // with --json, stdout holds only the JSON
		fmt.Fprintf(c.env.Stdout, "scorecards for lines promised %s written to %s\n", p, path)
	}
	return nil
}
