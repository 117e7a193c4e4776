package app

import (
	"bytes"
	"context"
	"errors"
	"strconv"
	"testing"

	"clockwork/reports"

	"github.com/xuri/excelize/v2"
)

func TestExportScorecardsMatchesTheMetrics(t *testing.T) {
	h, sid := twoMonths(t)
	p := Period{"2026-02-01", "2026-04-01"}
	var buf bytes.Buffer
	var done, total int
	if err := h.a.ExportScorecards(context.Background(), p, &buf, func(d, n int) { done, total = d, n }); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	card := h.card(sid, p)
	// Hanse is the only supplier: the first row under the header.
	name, _ := f.GetCellValue(reports.SheetSummary, "A4")
	raw, _ := f.GetCellValue(reports.SheetSummary, "D4", excelize.Options{RawCellValue: true})
	score, err := strconv.ParseFloat(raw, 64)
	if name != "Hanse Wholesale" || err != nil || !sameMetric(&score, card.Score) {
		t.Errorf("Summary row: %q with score %q, want Hanse Wholesale with %s", name, raw, show(card.Score))
	}
	rows, err := f.GetRows(reports.SheetLines)
	if err != nil {
		t.Fatal(err)
	}
	if len(rows)-1 != card.LinesDue || done != card.LinesDue || total != card.LinesDue {
		t.Errorf("%d lines in the sheet, progress %d of %d; want %d", len(rows)-1, done, total, card.LinesDue)
	}
	for i, r := range rows[1:] { // the first line too: it is read ahead, before the names
		if len(r) == 0 || r[0] != "Hanse Wholesale" {
			t.Errorf("Lines row %d names supplier %q, want Hanse Wholesale", i+2, r)
			break
		}
	}
	// February: 1 of 1 on time in full.
	if feb, _ := f.GetCellValue(reports.SheetTrend, "B5"); feb != "100.0%" {
		t.Errorf("Hanse's February OTIF shows %q, want 100.0%%", feb)
	}
}

func TestExportScorecardsCancelled(t *testing.T) {
	h, _ := twoMonths(t)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	var buf bytes.Buffer
	err := h.a.ExportScorecards(ctx, Period{"2026-02-01", "2026-04-01"}, &buf, nil)
	if !errors.Is(err, context.Canceled) {
		t.Errorf("ExportScorecards after cancel = %v, want context.Canceled", err)
	}
}
