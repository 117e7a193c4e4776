//go:build !cli

package reports

import (
	"archive/zip"
	"compress/flate"
	"fmt"
	"io"

	"github.com/xuri/excelize/v2"
)

// WritesWorkbooks says whether this binary makes .xlsx workbooks (the command binary,
// built with the "cli" tag, does not).
const WritesWorkbooks = true

// WriteWorkbook writes the scorecard workbook as .xlsx to w. Text is always written as text,
// so a supplier named "=HYPERLINK(…)" shows that name and never runs as a formula.
func WriteWorkbook(w io.Writer, wb Workbook) error {
	f := excelize.NewFile()
	defer f.Close()
	f.SetZipWriter(fastZip)
	st, err := newStyles(f)
	if err != nil {
		return fmt.Errorf("workbook styles: %w", err)
	}
	if err := f.SetSheetName("Sheet1", SheetSummary); err != nil {
		return err
	}
	for _, name := range []string{SheetTrend, SheetLines, SheetDefinitions} {
		if _, err := f.NewSheet(name); err != nil {
			return err
		}
	}
	steps := []struct {
		what string
		do   func() error
	}{
		{"summary", func() error { return writeSummary(f, st, wb) }},
		{"trend", func() error { return writeTrend(f, st, wb) }},
		{"lines", func() error { return writeLines(f, st, wb) }},
		{"definitions", func() error { return writeDefinitions(f, st, wb) }},
	}
	for _, s := range steps {
		if err := s.do(); err != nil {
			return fmt.Errorf("workbook %s: %w", s.what, err)
		}
	}
	f.SetActiveSheet(0)
	if err := f.SetDocProps(&excelize.DocProperties{Title: "Supplier scorecards " + wb.Period, Creator: "Clockwork", Subject: wb.Shop}); err != nil {
		return err
	}
	if _, err := f.WriteTo(w); err != nil {
		return fmt.Errorf("write workbook: %w", err)
	}
	return nil
}

// fastZip compresses the workbook at flate's best speed: the Lines sheet is 100s of MB of
// XML, and the default level spent as long compressing it as everything else took; the
// file comes out about a fifth bigger.
func fastZip(w io.Writer) excelize.ZipWriter {
	zw := zip.NewWriter(w)
	zw.RegisterCompressor(zip.Deflate, func(out io.Writer) (io.WriteCloser, error) {
		return flate.NewWriter(out, flate.BestSpeed)
	})
	return zw
}

// styles are the cell styles the sheets share.
type styles struct {
	title, subtitle, header, text, textBold, wrap   int
	integer, integerBold, pct, pctBold, days, days0 int
	hours, score, money, date                       int
	standing                                        map[string]int // conditional formats, by label
}

func newStyles(f *excelize.File) (styles, error) {
	var st styles
	var err error
	border := []excelize.Border{{Type: "bottom", Color: "7F7F7F", Style: 1}}
	defs := []struct {
		to    *int
		style excelize.Style
	}{
		{&st.title, excelize.Style{Font: &excelize.Font{Bold: true, Size: 14}}},
		{&st.subtitle, excelize.Style{Font: &excelize.Font{Color: "595959"}}},
		{&st.header, excelize.Style{Font: &excelize.Font{Bold: true}, Border: border, Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"E7EEF0"}},
			Alignment: &excelize.Alignment{WrapText: true, Vertical: "bottom"}}},
		{&st.text, excelize.Style{}},
		{&st.textBold, excelize.Style{Font: &excelize.Font{Bold: true}, Alignment: &excelize.Alignment{Vertical: "top"}}},
		{&st.integerBold, excelize.Style{CustomNumFmt: ptr("#,##0"), Font: &excelize.Font{Bold: true}}},
		{&st.pctBold, excelize.Style{CustomNumFmt: ptr("0.0%"), Font: &excelize.Font{Bold: true}}},
		{&st.wrap, excelize.Style{Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"}}},
		{&st.integer, excelize.Style{CustomNumFmt: ptr("#,##0")}},
		{&st.pct, excelize.Style{CustomNumFmt: ptr("0.0%")}},
		{&st.days, excelize.Style{CustomNumFmt: ptr("0.0")}},
		{&st.days0, excelize.Style{CustomNumFmt: ptr("0")}},
		{&st.hours, excelize.Style{CustomNumFmt: ptr("0.0")}},
		{&st.score, excelize.Style{CustomNumFmt: ptr("0.0"), Font: &excelize.Font{Bold: true}}},
		{&st.money, excelize.Style{CustomNumFmt: ptr("#,##0.00")}},
		{&st.date, excelize.Style{CustomNumFmt: ptr("yyyy-mm-dd")}},
	}
	for _, d := range defs {
		if *d.to, err = f.NewStyle(&d.style); err != nil {
			return st, err
		}
	}
	st.standing = map[string]int{}
	for label, c := range standingColours {
		id, err := f.NewConditionalStyle(&excelize.Style{Font: &excelize.Font{Color: c[1], Bold: true},
			Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{c[0]}, Shading: 0}})
		if err != nil {
			return st, err
		}
		st.standing[label] = id
	}
	return st, nil
}

// standingColours are the fill and text colours of each standing (Excel's good, neutral and
// bad palette, with orange between neutral and bad).
var standingColours = map[string][2]string{
	"Excellent":         {"C6EFCE", "006100"},
	"Average":           {"FFEB9C", "7F6000"},
	"Poor":              {"FCD5B4", "974706"},
	"Very poor":         {"FFC7CE", "9C0006"},
	"Insufficient data": {"EDEDED", "595959"},
}

func ptr[T any](v T) *T { return &v }

// cell is the value for a cell: the number, or nil (an empty cell) when there is none.
func cell(v *float64) any {
	if v == nil {
		return nil
	}
	return *v
}

// fraction is a 0–100 percentage as Excel's percent format wants it: 0.953 shows as 95.3%.
func fraction(v *float64) any {
	if v == nil {
		return nil
	}
	return *v / 100
}

// colName is the letter of column n (1-based).
func colName(n int) string {
	s, _ := excelize.ColumnNumberToName(n)
	return s
}

// ref is the cell reference of column col (1-based) and row.
func ref(col, row int) string { return fmt.Sprintf("%s%d", colName(col), row) }

// sheetRef quotes a sheet name for formulas and chart ranges.
func sheetRef(name string) string { return "'" + name + "'" }
