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
	wb, err := a.scorecardWorkbook(ctx, p)
	if err != nil {
		return err
	}
	wb.Progress = progress
	if err := reports.WriteWorkbook(w, wb); err != nil {
		return fmt.Errorf("export scorecards %s: %w", p, err)
	}
	return nil
}

// scorecardWorkbook gathers the workbook's content; its lines stream from the database as
// the workbook is written.
func (a *App) scorecardWorkbook(ctx context.Context, p Period) (reports.Workbook, error) {
	shop, err := a.Shop()
	if err != nil {
		return reports.Workbook{}, err
	}
	cards, err := a.Scorecards(p)
	if err != nil {
		return reports.Workbook{}, err
	}
	trend, err := a.ScorecardTrend(p, 0)
	if err != nil {
		return reports.Workbook{}, err
	}
	wb := reports.Workbook{
		Shop: shop.Name, Period: periodLabel(p), Generated: a.Now().In(a.Location()), Currency: shop.Currency,
		Months: p.Months(),
	}
	names := map[uint]string{}
	for _, c := range cards {
		wb.Suppliers = append(wb.Suppliers, supplierScore(c))
		wb.LineCount += c.LinesDue
		names[c.SupplierID] = c.Supplier
	}
	wb.Overall, wb.Trend = trendRows(wb.Months, trend, names)
	wb.EachLine = func(emit func(reports.Line) error) error { return a.pipeLines(ctx, p, emit) }
	return wb, ctx.Err()
}

// lineBatch is how many lines travel together from the database to the workbook.
const lineBatch = 1024

// pipeLines reads the lines due on one goroutine while emit writes them on this one, so the
// database and the workbook each keep a core busy. Cancelling ctx, or an error on either
// side, stops both.
func (a *App) pipeLines(ctx context.Context, p Period, emit func(reports.Line) error) error {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	batches := make(chan []ScorecardLine, 4)
	read := make(chan error, 1)
	go func() {
		defer close(batches)
		batch := make([]ScorecardLine, 0, lineBatch)
		send := func() error {
			select {
			case batches <- batch:
				batch = make([]ScorecardLine, 0, lineBatch)
				return nil
			case <-ctx.Done():
				return ctx.Err()
			}
		}
		err := a.EachScorecardLine(p, LineQuery{}, func(l ScorecardLine) error {
			if batch = append(batch, l); len(batch) == lineBatch {
				return send()
			}
			return nil
		})
		if err == nil && len(batch) > 0 {
			err = send()
		}
		read <- err
	}()
	var err error
	for batch := range batches {
		for _, l := range batch {
			if err == nil {
				err = emit(workbookLine(l, p))
			}
		}
		if err != nil {
			cancel() // the reader stops at its next batch; drain what it already sent
		}
	}
	if rerr := <-read; err == nil {
		err = rerr
	}
	return err
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
