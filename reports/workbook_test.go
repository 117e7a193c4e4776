package reports

import (
	"archive/zip"
	"bytes"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
)

func num(v float64) *float64 { return &v }

// sampleWorkbook has three suppliers: a good one, one whose name looks like a formula and
// one without history; and three lines.
func sampleWorkbook() Workbook {
	lead := 3
	return Workbook{
		Shop: "Linden & Loom", Period: "1 Mar 2026 – 31 Mar 2026", Generated: time.Date(2026, 4, 1, 9, 0, 0, 0, time.UTC),
		Currency: "EUR", Months: []string{"2026-02", "2026-03"},
		Suppliers: []SupplierScore{
			{Name: "=HYPERLINK(\"http://evil.example\",\"click\")", Status: "active", Standing: "Poor", Score: num(41.5), LinesDue: 12,
				OTIFPct: num(25), OTIFLowPct: num(8.9), OTIFHighPct: num(53.2), FillRatePct: num(90)},
			{Name: "Κεραμική Αιγαίου", Status: "active", Standing: "Excellent", Score: num(93.25), LinesDue: 40,
				OTIFPct: num(95.3), OTIFLowPct: num(83.5), OTIFHighPct: num(98.7), OnTimePct: num(96), FillRatePct: num(100),
				LeadP50Days: num(2), LeadP90Days: num(3), LeadMeanDays: num(2.1), QuotedLeadDays: num(3), AvgDaysLate: num(1.5),
				DefectPct: num(0.4), ReturnPct: num(1), PriceVariancePct: num(0.2), ResponseHours: num(5.5)},
			{Name: "New Prospect", Status: "prospect", Standing: "Insufficient data"},
		},
		Overall: []TrendCell{{LinesDue: 10, OTIFPct: num(80)}, {LinesDue: 42, OTIFPct: num(76.2)}},
		Trend: []TrendRow{
			{Supplier: "=HYPERLINK(\"http://evil.example\",\"click\")", Months: []TrendCell{{}, {LinesDue: 12, OTIFPct: num(25)}}},
			{Supplier: "Κεραμική Αιγαίου", Months: []TrendCell{{LinesDue: 10, OTIFPct: num(80)}, {LinesDue: 30, OTIFPct: num(100)}}},
		},
		LineCount: 3,
		EachLine: func(emit func(Line) error) error {
			day := func(d int) time.Time { return time.Date(2026, 3, d, 0, 0, 0, 0, time.UTC) }
			lines := []Line{
				{Supplier: "Κεραμική Αιγαίου", PO: "PO-000001", SKU: "MUG-1", Qty: 4, Sent: day(2), Promised: day(5), FirstReceipt: day(5), Complete: day(5),
					AcceptedByPromised: 4, AcceptedByEnd: 4, UnitCost: 3.5, QuotedUnitCost: 3.5, OnTimeInFull: true, LeadDays: &lead},
				{Supplier: "=cmd|' /C calc'!A0", PO: "PO-000002", SKU: "@SUM(1)", Qty: 2, Sent: day(3), Promised: day(6), AcceptedByEnd: 0, DaysLate: 25},
				{Supplier: "Κεραμική Αιγαίου", PO: "PO-000003", SKU: "+1", Qty: 1, Sent: day(4), Promised: day(7)},
			}
			for _, l := range lines {
				if err := emit(l); err != nil {
					return err
				}
			}
			return nil
		},
	}
}

func readBack(t *testing.T, wb Workbook) (*excelize.File, []byte) {
	t.Helper()
	var buf bytes.Buffer
	if err := WriteWorkbook(&buf, wb); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(bytes.NewReader(buf.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	return f, buf.Bytes()
}

func TestWorkbookSheetsAndCharts(t *testing.T) {
	f, raw := readBack(t, sampleWorkbook())
	if got := strings.Join(f.GetSheetList(), ","); got != "Summary,Trend,Lines,Definitions" {
		t.Errorf("sheets = %s", got)
	}
	zr, err := zip.NewReader(bytes.NewReader(raw), int64(len(raw)))
	if err != nil {
		t.Fatal(err)
	}
	charts := 0
	for _, zf := range zr.File {
		if strings.HasPrefix(zf.Name, "xl/charts/chart") {
			charts++
		}
	}
	if charts != 2 {
		t.Errorf("%d charts, want the Summary's bar chart and the Trend's line chart", charts)
	}
	panes, err := f.GetPanes(SheetSummary)
	if err != nil || !panes.Freeze || panes.YSplit != summaryHeaderRow {
		t.Errorf("Summary panes = %+v (%v), want the header frozen", panes, err)
	}
	formats, err := f.GetConditionalFormats(SheetSummary)
	if err != nil || len(formats) == 0 {
		t.Errorf("Summary conditional formats = %v (%v), want standing colours", formats, err)
	}
}

func TestWorkbookSummaryValues(t *testing.T) {
	f, _ := readBack(t, sampleWorkbook())
	// Best score first: the Greek supplier (93.25), then the formula-named one, then the one
	// without history.
	row := func(r int) []string {
		rows, err := f.GetRows(SheetSummary, excelize.Options{RawCellValue: true})
		if err != nil || len(rows) < r {
			t.Fatalf("rows: %v", err)
		}
		return rows[r-1]
	}
	first := row(summaryHeaderRow + 1)
	if first[0] != "Κεραμική Αιγαίου" || first[2] != "Excellent" || first[3] != "93.25" || first[4] != "40" {
		t.Errorf("first row = %q", first)
	}
	// Percentages are numbers in Excel's percent form (95.3 % is 0.953), shown with one decimal.
	if first[5] != "0.953" {
		t.Errorf("OTIF cell = %q, want 0.953", first[5])
	}
	shown, _ := f.GetCellValue(SheetSummary, "F4")
	if shown != "95.3%" {
		t.Errorf("OTIF shows %q, want 95.3%%", shown)
	}
	last := row(summaryHeaderRow + 3)
	if last[0] != "New Prospect" || len(last) > 4 && last[3] != "" {
		t.Errorf("a supplier without history keeps empty cells, not 0: %q", last)
	}
}

func TestWorkbookWritesFormulaLookingTextAsText(t *testing.T) {
	f, _ := readBack(t, sampleWorkbook())
	name := "=HYPERLINK(\"http://evil.example\",\"click\")"
	for _, at := range []struct{ sheet, cell, want string }{
		{SheetSummary, "A5", name},
		{SheetTrend, "A5", name},
		{SheetLines, "A3", "=cmd|' /C calc'!A0"},
		{SheetLines, "C3", "@SUM(1)"},
		{SheetLines, "C4", "+1"},
	} {
		got, err := f.GetCellValue(at.sheet, at.cell)
		if err != nil || got != at.want {
			t.Errorf("%s!%s = %q (%v), want %q", at.sheet, at.cell, got, err, at.want)
		}
		if formula, _ := f.GetCellFormula(at.sheet, at.cell); formula != "" {
			t.Errorf("%s!%s became the formula %q", at.sheet, at.cell, formula)
		}
	}
}

func TestWorkbookLinesAndProgress(t *testing.T) {
	wb := sampleWorkbook()
	var seen []int
	wb.Progress = func(done, total int) { seen = append(seen, done, total) }
	f, _ := readBack(t, wb)
	rows, err := f.GetRows(SheetLines)
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 4 || rows[0][0] != "Supplier" || rows[1][1] != "PO-000001" {
		t.Fatalf("lines sheet: %q", rows)
	}
	if promised, _ := f.GetCellValue(SheetLines, "G2"); promised != "2026-03-05" {
		t.Errorf("promised day shows %q, want 2026-03-05 (a date cell)", promised)
	}
	if otif, _ := f.GetCellValue(SheetLines, "M2"); otif != "1" {
		t.Errorf("on time in full = %q", otif)
	}
	if len(seen) < 2 || seen[len(seen)-2] != 3 || seen[len(seen)-1] != 3 {
		t.Errorf("progress heard %v, want it to end at 3 of 3", seen)
	}
}

func TestWorkbookStopsOnLineError(t *testing.T) {
	wb := sampleWorkbook()
	stop := errors.New("cancelled by the user")
	wb.EachLine = func(emit func(Line) error) error { return stop }
	var buf bytes.Buffer
	if err := WriteWorkbook(&buf, wb); !errors.Is(err, stop) {
		t.Errorf("WriteWorkbook = %v, want the lines' error", err)
	}
	if buf.Len() != 0 {
		t.Errorf("a failed workbook wrote %d bytes", buf.Len())
	}
}
