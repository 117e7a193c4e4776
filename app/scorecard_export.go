package app

import (
	"context"
	"fmt"
	"io"
	"sort"
	"time"

	"clockwork/data"
	"clockwork/reports"
)

// ExportScorecards writes the scorecard workbook of period p (DESIGN 7) to w: every
// supplier's metrics, the monthly trend, every line due and the definitions. progress (may
// be nil) hears how many lines are written; cancelling ctx stops the export with ctx's error.
func (a *App) ExportScorecards(ctx context.Context, p Period, w io.Writer, progress func(done, total int)) error {
	shop, err := a.Shop()
	if err != nil {
		return err
	}
	var cursor *exportCursor
	cards, trend, err := a.measureWith(p, 0, func(q scoreQuery) ([]deliveryCell, error) {
		if cursor, err = a.openExport(q); err != nil {
			return nil, err
		}
		return cursor.cells()
	})
	if cursor != nil {
		defer cursor.close()
	}
	if err != nil {
		return err
	}
	wb := reports.Workbook{
		Shop: shop.Name, Period: periodLabel(p), Generated: a.Now().In(a.Location()), Currency: shop.Currency,
		Months: p.Months(), Progress: progress,
	}
	cursor.names = map[uint]string{}
	for _, c := range cards {
		wb.Suppliers = append(wb.Suppliers, supplierScore(c))
		wb.LineCount += c.LinesDue
		cursor.names[c.SupplierID] = c.Supplier
	}
	wb.Overall, wb.Trend = trendRows(wb.Months, trend, cursor.names)
	wb.EachLine = func(emit func(reports.Line) error) error {
		return pipeLines(ctx, cursor.eachLine, func(l ScorecardLine) error { return emit(workbookLine(l, p)) })
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	err = reports.WriteWorkbook(w, wb)
	data.ReleaseMemory()
	if err != nil {
		return fmt.Errorf("export scorecards %s: %w", p, err)
	}
	return nil
}

// periodLabel reads like "13 Mar 2025 – 12 Mar 2026".
func periodLabel(p Period) string {
	const layout = "2 Jan 2006"
	return p.From.Start(time.UTC).Format(layout) + " – " + p.Last().Start(time.UTC).Format(layout)
}

func supplierScore(c Scorecard) reports.SupplierScore {
	days := func(v *int) *float64 {
		if v == nil {
			return nil
		}
		f := float64(*v)
		return &f
	}
	return reports.SupplierScore{
		Name: c.Supplier, Status: string(c.Status), Standing: c.Standing.Label(), Score: c.Score, LinesDue: c.LinesDue,
		OTIFPct: c.OTIFPct, OTIFLowPct: c.OTIFCILow, OTIFHighPct: c.OTIFCIHigh, OnTimePct: c.OnTimePct,
		FillRatePct: c.FillRatePct, LeadP50Days: days(c.LeadP50Days), LeadP90Days: days(c.LeadP90Days),
		LeadMeanDays: c.LeadMeanDays, QuotedLeadDays: c.QuotedLeadDays, AvgDaysLate: c.AvgDaysLate,
		DefectPct: c.DefectPct, ReturnPct: c.ReturnPct, PriceVariancePct: c.PriceVariancePct, ResponseHours: c.ResponseHours,
	}
}

// trendRows lays the trend out by month: all suppliers together, and a row per supplier
// with lines due (in the order of the suppliers' names).
func trendRows(months []string, points []TrendPoint, names map[uint]string) ([]reports.TrendCell, []reports.TrendRow) {
	col := map[string]int{}
	for i, m := range months {
		col[m] = i
	}
	overall := make([]reports.TrendCell, len(months))
	otif := make([]int, len(months))
	rows := map[uint]*reports.TrendRow{}
	for _, t := range points {
		i, ok := col[t.Month]
		if !ok {
			continue
		}
		r := rows[t.SupplierID]
		if r == nil {
			r = &reports.TrendRow{Supplier: names[t.SupplierID], Months: make([]reports.TrendCell, len(months))}
			rows[t.SupplierID] = r
		}
		r.Months[i] = reports.TrendCell{LinesDue: t.LinesDue, OTIFPct: t.OTIFPct()}
		overall[i].LinesDue += t.LinesDue
		otif[i] += t.OTIFLines
	}
	for i := range overall {
		overall[i].OTIFPct = ratioPct(int64(otif[i]), int64(overall[i].LinesDue))
	}
	var out []reports.TrendRow
	for _, r := range rows {
		out = append(out, *r)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Supplier < out[j].Supplier })
	return overall, out
}

func workbookLine(l ScorecardLine, p Period) reports.Line {
	day := func(d data.Day) time.Time {
		if d == "" {
			return time.Time{}
		}
		return d.Start(time.UTC)
	}
	out := reports.Line{
		Supplier: l.Supplier, PO: l.PONumber, SKU: l.SKU, SupplierSKU: l.SupplierSKU, Qty: l.Qty,
		Sent: day(l.SentDay), Promised: day(l.PromisedDay), FirstReceipt: day(l.FirstReceiptDay), Complete: day(l.CompleteDay),
		AcceptedByPromised: l.AcceptedByPromised, AcceptedByEnd: l.AcceptedByEnd, RejectedByEnd: l.RejectedByEnd,
		UnitCost: float64(l.UnitCost) / 100, QuotedUnitCost: float64(l.QuotedUnitCost) / 100,
		OnTimeInFull: l.OTIF(), DaysLate: l.DaysLate(p),
	}
	if lead, ok := l.LeadDays(); ok {
		out.LeadDays = &lead
	}
	return out
}
