//go:build !cli

package reports

import (
	"time"

	"github.com/xuri/excelize/v2"
)

// lineColumn is one column of the Lines sheet.
type lineColumn struct {
	header string
	width  float64
	style  func(styles) int
	value  func(Line) any
}

func dateColumn(header string, v func(Line) time.Time) lineColumn {
	return lineColumn{header, 11, func(s styles) int { return s.date }, func(l Line) any { return excelDate(v(l)) }}
}

// plain is no cell style at all (General): whole numbers and text need none, and 250,000
// rows without style attributes make a smaller file, faster.
func plain(styles) int { return 0 }

func intColumn(header string, width float64, v func(Line) int) lineColumn {
	return lineColumn{header, width, plain, func(l Line) any { return v(l) }}
}

// lineColumns are the Lines sheet's columns: every line due with its dates and quantities,
// one row each, ready for a pivot table.
func lineColumns(currency string) []lineColumn {
	text := plain
	return []lineColumn{
		{"Supplier", 30, text, func(l Line) any { return l.Supplier }},
		{"PO", 11, text, func(l Line) any { return l.PO }},
		{"SKU", 14, text, func(l Line) any { return l.SKU }},
		{"Supplier SKU", 14, text, func(l Line) any { return l.SupplierSKU }},
		intColumn("Qty", 6, func(l Line) int { return l.Qty }),
		dateColumn("Sent", func(l Line) time.Time { return l.Sent }),
		dateColumn("Promised", func(l Line) time.Time { return l.Promised }),
		dateColumn("First delivery", func(l Line) time.Time { return l.FirstReceipt }),
		dateColumn("Complete", func(l Line) time.Time { return l.Complete }),
		intColumn("Accepted by promised day", 12, func(l Line) int { return l.AcceptedByPromised }),
		intColumn("Accepted by period end", 12, func(l Line) int { return l.AcceptedByEnd }),
		intColumn("Rejected", 9, func(l Line) int { return l.RejectedByEnd }),
		// 1 or 0 rather than yes/no: a pivot's average of it is the OTIF rate.
		{"On time in full (1 = yes)", 10, plain, func(l Line) any { return oneIf(l.OnTimeInFull) }},
		intColumn("Days late", 7, func(l Line) int { return l.DaysLate }),
		{"Lead days", 7, plain, func(l Line) any {
			if l.LeadDays == nil {
				return nil
			}
			return *l.LeadDays
		}},
		{"Unit cost (" + currency + ")", 11, func(s styles) int { return s.money }, func(l Line) any { return l.UnitCost }},
		{"Quoted unit cost (" + currency + ")", 11, func(s styles) int { return s.money }, func(l Line) any { return l.QuotedUnitCost }},
	}
}

// progressEvery is how many lines go by between progress reports.
const progressEvery = 2000

// writeLines streams the lines due into the Lines sheet (a StreamWriter keeps 100,000s of
// rows out of memory) as an Excel table with filter buttons and a frozen header.
func writeLines(f *excelize.File, st styles, wb Workbook) error {
	sw, err := f.NewStreamWriter(SheetLines)
	if err != nil {
		return err
	}
	cols := lineColumns(wb.Currency)
	if err := linesHeader(sw, st, cols); err != nil {
		return err
	}
	row := 1
	values := make([]any, len(cols))
	styleIDs := make([]int, len(cols))
	for i, c := range cols {
		styleIDs[i] = c.style(st)
	}
	if wb.EachLine != nil {
		err = wb.EachLine(func(l Line) error {
			row++
			for i, c := range cols {
				values[i] = excelize.Cell{StyleID: styleIDs[i], Value: c.value(l)}
			}
			if wb.Progress != nil && (row-1)%progressEvery == 0 {
				wb.Progress(row-1, wb.LineCount)
			}
			return sw.SetRow(ref(1, row), values)
		})
		if err != nil {
			return err
		}
	}
	if wb.Progress != nil {
		wb.Progress(row-1, wb.LineCount)
	}
	err = sw.AddTable(&excelize.Table{Range: "A1:" + ref(len(cols), max(row, 2)), Name: "LinesDue", StyleName: "TableStyleLight1"})
	if err != nil {
		return err
	}
	return sw.Flush()
}

// linesHeader sets the columns' widths, freezes the header row and writes it.
func linesHeader(sw *excelize.StreamWriter, st styles, cols []lineColumn) error {
	// Backwards: the stream writer puts each width before the ones already set, and Excel
	// wants the columns in ascending order.
	for i := len(cols) - 1; i >= 0; i-- {
		if err := sw.SetColWidth(i+1, i+1, cols[i].width); err != nil {
			return err
		}
	}
	if err := sw.SetPanes(&excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}); err != nil {
		return err
	}
	head := make([]any, len(cols))
	for i, c := range cols {
		head[i] = excelize.Cell{StyleID: st.header, Value: c.header}
	}
	return sw.SetRow("A1", head, excelize.RowOpts{Height: 32})
}

// excelBase is day 0 of Excel's date serials (1900 system, after its leap-year quirk).
var excelBase = time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC)

// excelDate is a calendar day as an Excel date serial, or nil (an empty cell) for none.
func excelDate(t time.Time) any {
	if t.IsZero() {
		return nil
	}
	d := time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
	return int(d.Sub(excelBase).Hours() / 24)
}

func oneIf(b bool) int {
	if b {
		return 1
	}
	return 0
}
