//go:build !cli

package reports

import (
	"fmt"
	"sort"
	"time"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"
)

// trendHeaderRow is where the Trend sheet's month headers are.
const trendHeaderRow = 3

// trendChartSuppliers is how many suppliers the trend chart draws besides all of them
// together: those with the most lines due (more lines make the chart unreadable).
const trendChartSuppliers = 6

// writeTrend writes OTIF % per supplier and month, all suppliers first, then the lines due
// behind each percentage to the right, and a line chart of the biggest suppliers.
func writeTrend(f *excelize.File, st styles, wb Workbook) error {
	sh := SheetTrend
	if err := writeTitle(f, st, sh, "On time in full by month", wb); err != nil {
		return err
	}
	months := len(wb.Months)
	linesCol := months + 3 // one empty column between the two blocks
	head := []any{"Supplier"}
	for _, m := range wb.Months {
		head = append(head, monthLabel(m))
	}
	head = append(head, "", "Lines due")
	for _, m := range wb.Months {
		head = append(head, monthLabel(m))
	}
	if err := f.SetSheetRow(sh, ref(1, trendHeaderRow), &head); err != nil {
		return err
	}
	rows := append([]TrendRow{{Supplier: "All suppliers", Months: wb.Overall}}, wb.Trend...)
	for r, tr := range rows {
		row := trendHeaderRow + 1 + r
		if err := f.SetCellStr(sh, ref(1, row), tr.Supplier); err != nil {
			return err
		}
		for m, c := range tr.Months {
			if err := setCell(f, sh, ref(2+m, row), fraction(c.OTIFPct)); err != nil {
				return err
			}
			if c.LinesDue > 0 {
				if err := f.SetCellInt(sh, ref(linesCol+1+m, row), int64(c.LinesDue)); err != nil {
					return err
				}
			}
		}
	}
	bottom := trendHeaderRow + len(rows)
	if err := styleTrend(f, st, months, linesCol, bottom); err != nil {
		return err
	}
	if err := freezeAndFilter(f, sh, trendHeaderRow, ref(1, trendHeaderRow)+":"+ref(linesCol+months, bottom)); err != nil {
		return err
	}
	if err := trendChart(f, wb, bottom+2); err != nil {
		return err
	}
	return printLayout(f, sh, ref(1, 1)+":"+ref(1+max(months, 12), bottom+22), trendHeaderRow)
}

func styleTrend(f *excelize.File, st styles, months, linesCol, bottom int) error {
	sh := SheetTrend
	last := linesCol + months
	steps := []struct {
		from, to string
		style    int
	}{
		{ref(1, trendHeaderRow), ref(last, trendHeaderRow), st.header},
		{ref(2, trendHeaderRow+1), ref(1+months, bottom), st.pct},
		{ref(linesCol+1, trendHeaderRow+1), ref(last, bottom), st.integer},
		// all suppliers together, in bold
		{ref(1, trendHeaderRow+1), ref(1, trendHeaderRow+1), st.textBold},
		{ref(2, trendHeaderRow+1), ref(1+months, trendHeaderRow+1), st.pctBold},
		{ref(linesCol+1, trendHeaderRow+1), ref(last, trendHeaderRow+1), st.integerBold},
	}
	for _, s := range steps {
		if err := f.SetCellStyle(sh, s.from, s.to, s.style); err != nil {
			return err
		}
	}
	if err := f.SetColWidth(sh, "A", "A", 34); err != nil {
		return err
	}
	if months > 0 {
		if err := f.SetColWidth(sh, colName(2), colName(last), 9); err != nil {
			return err
		}
	}
	return f.SetColWidth(sh, colName(linesCol), colName(linesCol), 10)
}

// trendChart draws all suppliers together and the few with the most lines due, one line each.
func trendChart(f *excelize.File, wb Workbook, at int) error {
	months := len(wb.Months)
	if months == 0 {
		return nil
	}
	order := make([]int, len(wb.Trend))
	for i := range order {
		order[i] = i
	}
	due := func(tr TrendRow) (n int) {
		for _, c := range tr.Months {
			n += c.LinesDue
		}
		return n
	}
	sort.SliceStable(order, func(i, j int) bool { return due(wb.Trend[order[i]]) > due(wb.Trend[order[j]]) })
	rows := []int{trendHeaderRow + 1}
	for _, i := range order[:min(trendChartSuppliers, len(order))] {
		rows = append(rows, trendHeaderRow+2+i)
	}
	sh := sheetRef(SheetTrend)
	cats := fmt.Sprintf("%s!$B$%d:$%s$%d", sh, trendHeaderRow, colName(1+months), trendHeaderRow)
	var series []excelize.ChartSeries
	for k, row := range rows {
		s := excelize.ChartSeries{
			Name:       fmt.Sprintf("%s!$A$%d", sh, row),
			Categories: cats,
			Values:     fmt.Sprintf("%s!$B$%d:$%s$%d", sh, row, colName(1+months), row),
			Marker:     excelize.ChartMarker{Symbol: "circle", Size: 5},
		}
		if k == 0 {
			s.Line = excelize.LineOptions{Width: 3}
		}
		series = append(series, s)
	}
	return f.AddChart(SheetTrend, ref(1, at), &excelize.Chart{
		Type:      excelize.Line,
		Series:    series,
		Title:     excelize.ChartTitle{Paragraph: []excelize.RichTextRun{{Text: "On time in full: all suppliers and the " + fmt.Sprint(len(rows)-1) + " with the most lines"}}},
		Legend:    excelize.ChartLegend{Position: "bottom"},
		YAxis:     excelize.ChartAxis{Minimum: ptr(0.0), Maximum: ptr(1.0), MajorUnit: 0.2, MajorGridLines: true, NumFmt: excelize.ChartNumFmt{CustomNumFmt: "0%"}},
		Dimension: excelize.ChartDimension{Width: 860, Height: 380},
		Format:    excelize.GraphicOptions{PrintObject: ptr(true)},
	})
}

// monthLabel turns "2026-03" into "Mar 2026".
func monthLabel(m string) string {
	t, err := time.Parse("2006-01", m)
	if err != nil {
		return m
	}
	return t.Format("Jan 2006")
}

// definitions are DESIGN 6 in words, in the order of the Summary's columns.
var definitions = [][2]string{
	{"Lines due", "Lines of purchase orders sent to the supplier whose promised day falls in the period. Lines of orders closed short before their promised day do not count."},
	{"Score", "0–100: the weighted mean of the criteria below (weights set in Clockwork's settings, 100 in all). A criterion with nothing to measure is left out and the other weights count for more."},
	{"Standing", "Insufficient data below 5 lines due; otherwise a score under 30 is Very poor (purchase planning skips the supplier), under 50 Poor, under 80 Average, else Excellent."},
	{"On time in full (OTIF)", "Share of lines due that had every unit accepted on or before the promised day."},
	{"OTIF 95% low / high", "The 95 % Wilson interval of OTIF: with few lines it is wide, so a supplier with 2 of 2 on time is not taken for a sure 100 %."},
	{"On time (units)", "Units accepted on or before the promised day (at most the quantity ordered) ÷ units ordered, over lines due."},
	{"Fill rate", "Units accepted by the period's last day (at most the quantity ordered) ÷ units ordered, over lines due."},
	{"Lead p50 / p90 / mean", "Days from sending the PO to the first delivery of a line (accepted or rejected units), over lines due that have one. p50 and p90 by nearest rank: sorted, the value at rank ⌈p·n/100⌉."},
	{"Quoted lead", "Average days from sending the PO to its promised day, over lines due. Lead reliability scores 100 while p90 ≤ quoted, falling to 0 at twice the quoted lead."},
	{"Avg days late", "Over lines due not on time in full: days from the promised day to the day the last unit was accepted; a line still short at the period's end counts until its last day."},
	{"Defects", "Units rejected ÷ units received (accepted + rejected), over the supplier's deliveries dated in the period. Quality scores 100 − 5 × (defect % + return %)."},
	{"Returns (supplier fault)", "Units customers returned through the supplier's fault (defective, wrong item, late) ÷ units the supplier delivered to orders shipped in the period."},
	{"Price variance", "(Cost paid − cost quoted) × quantity ÷ cost quoted × quantity, over lines due. Price scores 100 − 10 × variance % (paying less earns no bonus)."},
	{"Response (hours)", "Median hours from sending a PO to the supplier's acknowledgement, over POs sent in the period and acknowledged. Responsiveness scores 100 up to 24 hours, falling to 0 at 120."},
	{"Days", "Whole calendar days in the shop's time zone. An empty cell means there was nothing to measure — not 0 and not 100."},
}

// definitionLine is about how many characters of a definition fit on one line of its column.
const definitionLine = 100

func writeDefinitions(f *excelize.File, st styles, wb Workbook) error {
	sh := SheetDefinitions
	if err := writeTitle(f, st, sh, "What the numbers mean", wb); err != nil {
		return err
	}
	head := []any{"Metric", "Definition"}
	if err := f.SetSheetRow(sh, "A3", &head); err != nil {
		return err
	}
	for i, d := range definitions {
		row := 4 + i
		if err := f.SetCellStr(sh, ref(1, row), d[0]); err != nil {
			return err
		}
		if err := f.SetCellStr(sh, ref(2, row), d[1]); err != nil {
			return err
		}
		// Spreadsheets do not grow a row for wrapped text they did not lay out themselves.
		if err := f.SetRowHeight(sh, row, float64(15*(1+utf8.RuneCountInString(d[1])/definitionLine))+2); err != nil {
			return err
		}
	}
	bottom := 3 + len(definitions)
	for _, s := range []struct {
		from, to string
		style    int
	}{{"A3", "B3", st.header}, {"A4", ref(1, bottom), st.textBold}, {"B4", ref(2, bottom), st.wrap}} {
		if err := f.SetCellStyle(sh, s.from, s.to, s.style); err != nil {
			return err
		}
	}
	if err := f.SetColWidth(sh, "A", "A", 26); err != nil {
		return err
	}
	if err := f.SetColWidth(sh, "B", "B", 110); err != nil {
		return err
	}
	return printLayout(f, sh, "A1:"+ref(2, bottom), 3)
}
