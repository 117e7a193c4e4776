//go:build !cli

package reports

import (
	"fmt"
	"sort"
	"strings"

	"github.com/xuri/excelize/v2"
)

// summaryColumn is one column of the Summary sheet: header, width, number style and value.
type summaryColumn struct {
	header string
	width  float64
	style  func(styles) int
	value  func(SupplierScore) any
}

func percentColumn(header string, v func(SupplierScore) *float64) summaryColumn {
	return summaryColumn{header, 10, func(s styles) int { return s.pct }, func(x SupplierScore) any { return fraction(v(x)) }}
}

func numberColumn(header string, style func(styles) int, v func(SupplierScore) *float64) summaryColumn {
	return summaryColumn{header, 10, style, func(x SupplierScore) any { return cell(v(x)) }}
}

func days(s styles) int  { return s.days }
func days0(s styles) int { return s.days0 }

// summaryColumns are the Summary sheet's columns, every metric of DESIGN 6.
var summaryColumns = []summaryColumn{
	{"Supplier", 34, func(s styles) int { return s.text }, func(x SupplierScore) any { return x.Name }},
	{"Status", 10, func(s styles) int { return s.text }, func(x SupplierScore) any { return x.Status }},
	{"Standing", 16, func(s styles) int { return s.text }, func(x SupplierScore) any { return x.Standing }},
	numberColumn("Score", func(s styles) int { return s.score }, func(x SupplierScore) *float64 { return x.Score }),
	{"Lines due", 9, func(s styles) int { return s.integer }, func(x SupplierScore) any { return x.LinesDue }},
	percentColumn("On time in full", func(x SupplierScore) *float64 { return x.OTIFPct }),
	percentColumn("OTIF 95% low", func(x SupplierScore) *float64 { return x.OTIFLowPct }),
	percentColumn("OTIF 95% high", func(x SupplierScore) *float64 { return x.OTIFHighPct }),
	percentColumn("On time (units)", func(x SupplierScore) *float64 { return x.OnTimePct }),
	percentColumn("Fill rate", func(x SupplierScore) *float64 { return x.FillRatePct }),
	numberColumn("Lead p50 (days)", days0, func(x SupplierScore) *float64 { return x.LeadP50Days }),
	numberColumn("Lead p90 (days)", days0, func(x SupplierScore) *float64 { return x.LeadP90Days }),
	numberColumn("Lead mean (days)", days, func(x SupplierScore) *float64 { return x.LeadMeanDays }),
	numberColumn("Quoted lead (days)", days, func(x SupplierScore) *float64 { return x.QuotedLeadDays }),
	numberColumn("Avg days late", days, func(x SupplierScore) *float64 { return x.AvgDaysLate }),
	percentColumn("Defects", func(x SupplierScore) *float64 { return x.DefectPct }),
	percentColumn("Returns (supplier fault)", func(x SupplierScore) *float64 { return x.ReturnPct }),
	percentColumn("Price variance", func(x SupplierScore) *float64 { return x.PriceVariancePct }),
	numberColumn("Response (hours)", func(s styles) int { return s.hours }, func(x SupplierScore) *float64 { return x.ResponseHours }),
}

// summaryHeaderRow is where the Summary's column headers are; above them the title.
const summaryHeaderRow = 3

// writeSummary writes a row per supplier, best score first (those with too little history
// last), with standing colours, a frozen header, an auto-filter and a bar chart of scores.
func writeSummary(f *excelize.File, st styles, wb Workbook) error {
	rows := sortedSummary(wb.Suppliers)
	sh, last := SheetSummary, len(summaryColumns)
	if err := writeTitle(f, st, sh, "Supplier scorecards", wb); err != nil {
		return err
	}
	if err := summaryHeader(f, st); err != nil {
		return err
	}
	for r, s := range rows {
		for i, c := range summaryColumns {
			if err := setCell(f, sh, ref(i+1, summaryHeaderRow+1+r), c.value(s)); err != nil {
				return err
			}
		}
	}
	bottom := summaryHeaderRow + max(1, len(rows))
	for i, c := range summaryColumns {
		if err := f.SetCellStyle(sh, ref(i+1, summaryHeaderRow+1), ref(i+1, bottom), c.style(st)); err != nil {
			return err
		}
	}
	if err := standingFormats(f, st, sh, fmt.Sprintf("C%d:C%d", summaryHeaderRow+1, bottom)); err != nil {
		return err
	}
	if err := freezeAndFilter(f, sh, summaryHeaderRow, ref(1, summaryHeaderRow)+":"+ref(last, bottom)); err != nil {
		return err
	}
	if err := scoreChart(f, sh, rows, last+2); err != nil {
		return err
	}
	return printLayout(f, sh, ref(1, 1)+":"+ref(last, bottom), summaryHeaderRow)
}

// sortedSummary orders the suppliers best score first, those with too little history last.
func sortedSummary(suppliers []SupplierScore) []SupplierScore {
	rows := append([]SupplierScore(nil), suppliers...)
	sort.SliceStable(rows, func(i, j int) bool {
		if ri, rj := rated(rows[i]), rated(rows[j]); ri != rj {
			return ri
		}
		a, b := rows[i].Score, rows[j].Score
		if (a == nil) != (b == nil) {
			return a != nil
		}
		return a != nil && *a > *b
	})
	return rows
}

// summaryHeader writes the column headers and widths.
func summaryHeader(f *excelize.File, st styles) error {
	sh := SheetSummary
	for i, c := range summaryColumns {
		if err := f.SetColWidth(sh, colName(i+1), colName(i+1), c.width); err != nil {
			return err
		}
		if err := f.SetCellStr(sh, ref(i+1, summaryHeaderRow), c.header); err != nil {
			return err
		}
	}
	if err := f.SetCellStyle(sh, ref(1, summaryHeaderRow), ref(len(summaryColumns), summaryHeaderRow), st.header); err != nil {
		return err
	}
	return f.SetRowHeight(sh, summaryHeaderRow, 45)
}

// rated says the supplier has enough history for a standing (and a place on the chart).
func rated(s SupplierScore) bool { return s.Score != nil && s.Standing != InsufficientData }

// InsufficientData is the standing label of a supplier with too few lines to judge.
const InsufficientData = "Insufficient data"

// setCell writes one value; strings always as text.
func setCell(f *excelize.File, sheet, at string, v any) error {
	switch v := v.(type) {
	case nil:
		return nil
	case string:
		return f.SetCellStr(sheet, at, v)
	}
	return f.SetCellValue(sheet, at, v)
}

// writeTitle puts the sheet's title and the period in its first two rows.
func writeTitle(f *excelize.File, st styles, sheet, title string, wb Workbook) error {
	if err := f.SetCellStr(sheet, "A1", title+" · "+wb.Shop); err != nil {
		return err
	}
	sub := fmt.Sprintf("Lines promised %s · made %s by Clockwork", wb.Period, wb.Generated.Format("2 Jan 2006 15:04"))
	if err := f.SetCellStr(sheet, "A2", sub); err != nil {
		return err
	}
	if err := f.SetCellStyle(sheet, "A1", "A1", st.title); err != nil {
		return err
	}
	return f.SetCellStyle(sheet, "A2", "A2", st.subtitle)
}

// standingFormats colours each standing by conditional formatting, so the colours follow
// the words when the user sorts, filters or edits.
func standingFormats(f *excelize.File, st styles, sheet, rng string) error {
	var opts []excelize.ConditionalFormatOptions
	for _, label := range []string{"Excellent", "Average", "Poor", "Very poor", "Insufficient data"} {
		opts = append(opts, excelize.ConditionalFormatOptions{Type: "cell", Criteria: "==", Value: `"` + label + `"`, Format: ptr(st.standing[label])})
	}
	return f.SetConditionalFormat(sheet, rng, opts)
}

// freezeAndFilter keeps the header rows (and the first column) in view and puts filter
// buttons on the header.
func freezeAndFilter(f *excelize.File, sheet string, headerRow int, rng string) error {
	err := f.SetPanes(sheet, &excelize.Panes{Freeze: true, XSplit: 1, YSplit: headerRow, TopLeftCell: ref(2, headerRow+1), ActivePane: "bottomRight"})
	if err != nil {
		return err
	}
	return f.AutoFilter(sheet, rng, nil)
}

// scoreChart draws the scores as horizontal bars, best at the top, beside the table: a bar
// per supplier with a standing (they come first in rows).
func scoreChart(f *excelize.File, sheet string, rows []SupplierScore, col int) error {
	scored := 0
	for _, r := range rows {
		if rated(r) {
			scored++
		}
	}
	if scored == 0 {
		return nil
	}
	first, last := summaryHeaderRow+1, summaryHeaderRow+scored
	return f.AddChart(sheet, ref(col, summaryHeaderRow), &excelize.Chart{
		Type: excelize.Bar,
		Series: []excelize.ChartSeries{{
			Name:       fmt.Sprintf("%s!$D$%d", sheetRef(sheet), summaryHeaderRow),
			Categories: fmt.Sprintf("%s!$A$%d:$A$%d", sheetRef(sheet), first, last),
			Values:     fmt.Sprintf("%s!$D$%d:$D$%d", sheetRef(sheet), first, last),
			Fill:       excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"2F6F62"}},
		}},
		Title:      excelize.ChartTitle{Paragraph: []excelize.RichTextRun{{Text: "Supplier scores (0–100)"}}},
		Legend:     excelize.ChartLegend{Position: "none"},
		VaryColors: ptr(false),
		XAxis:      excelize.ChartAxis{ReverseOrder: true, Font: excelize.Font{Size: 8}},
		YAxis:      excelize.ChartAxis{Minimum: ptr(0.0), Maximum: ptr(100.0), MajorUnit: 20, MajorGridLines: true},
		Dimension:  excelize.ChartDimension{Width: 560, Height: uint(90 + 15*scored)},
		GapWidth:   ptr(uint(40)),
		Format:     excelize.GraphicOptions{OffsetX: 10, PrintObject: ptr(true)},
	})
}

// printLayout prints the sheet's area landscape, one page wide, repeating the rows down to
// the header row on every page. Charts beside the area are for the screen.
func printLayout(f *excelize.File, sheet, area string, headerRow int) error {
	if err := f.SetSheetProps(sheet, &excelize.SheetPropsOptions{FitToPage: ptr(true)}); err != nil {
		return err
	}
	err := f.SetPageLayout(sheet, &excelize.PageLayoutOptions{Orientation: ptr("landscape"), FitToWidth: ptr(1), FitToHeight: ptr(0)})
	if err != nil {
		return err
	}
	abs := func(r string) string {
		c, row, _ := excelize.CellNameToCoordinates(r)
		return fmt.Sprintf("$%s$%d", colName(c), row)
	}
	from, to, _ := strings.Cut(area, ":")
	names := []excelize.DefinedName{
		{Name: "_xlnm.Print_Area", RefersTo: sheetRef(sheet) + "!" + abs(from) + ":" + abs(to), Scope: sheet},
		{Name: "_xlnm.Print_Titles", RefersTo: fmt.Sprintf("%s!$1:$%d", sheetRef(sheet), headerRow), Scope: sheet},
	}
	for _, n := range names {
		if err := f.SetDefinedName(&n); err != nil {
			return err
		}
	}
	return nil
}
