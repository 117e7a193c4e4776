//go:build !cli

package importfile

import (
	"bytes"
	"fmt"
	"strings"

	"github.com/xuri/excelize/v2"
)

// ReadsWorkbooks says whether this binary reads .xlsx files (the command binary, built with
// the "cli" tag, does not).
const ReadsWorkbooks = true

// xlsxUnzipLimit bounds what a workbook may expand to, against zip bombs.
const xlsxUnzipLimit = 1 << 30

// readXLSX reads the first sheet of a workbook row by row (streaming, so a big sheet is never
// held as XML). Cells come as the spreadsheet shows them (number formats applied), which
// keeps leading zeros of codes formatted as text or as "0000000"; built-in date formats are
// shown as ISO dates so the date reader need not guess the order of day and month.
func readXLSX(b []byte, name string) (*Table, error) {
	f, err := excelize.OpenReader(bytes.NewReader(b), excelize.Options{
		UnzipSizeLimit:   xlsxUnzipLimit,
		ShortDatePattern: "yyyy-mm-dd",
		LongTimePattern:  "hh:mm:ss",
	})
	if err != nil {
		return nil, fmt.Errorf("%s is not a readable XLSX workbook (%v): open it in your spreadsheet and save it again as .xlsx or CSV", name, err)
	}
	defer f.Close()
	sheets := f.GetSheetList()
	if len(sheets) == 0 {
		return nil, fmt.Errorf("%s has no sheets", name)
	}
	it, err := f.Rows(sheets[0])
	if err != nil {
		return nil, fmt.Errorf("%s: sheet %q: %w", name, sheets[0], err)
	}
	defer it.Close()
	rows, err := sheetRows(it, name)
	if err != nil {
		return nil, fmt.Errorf("%s: sheet %q: %w", name, sheets[0], err)
	}
	return newTable(name, rows)
}

// sheetRows reads the non-blank rows of a sheet, trimmed, with their row numbers.
func sheetRows(it *excelize.Rows, name string) ([]Row, error) {
	var rows []Row
	cells := 0
	for n := 1; it.Next(); n++ {
		cols, err := it.Columns()
		if err != nil {
			return nil, fmt.Errorf("row %d: %w", n, err)
		}
		for i := range cols {
			cols[i] = strings.TrimSpace(cols[i])
		}
		if blank(cols) {
			continue
		}
		cols = trimTrailing(cols)
		if len(cols) > maxColumns {
			return nil, fmt.Errorf("row %d has more than %d columns: this does not look like an export", n, maxColumns)
		}
		if cells += len(cols); cells > maxCells {
			return nil, fmt.Errorf("more than %d million cells, more than one import handles: split %s", maxCells/1_000_000, name)
		}
		rows = append(rows, Row{Line: n, Cells: cols})
	}
	return rows, it.Error()
}
