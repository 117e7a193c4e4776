//go:build !cli

package reports

import (
	"fmt"
	"io"

	"github.com/xuri/excelize/v2"
)

// WriteReturnsWorkbook writes the returns insights as .xlsx to w; text stays text.
func WriteReturnsWorkbook(w io.Writer, wb ReturnsWorkbook) error {
	f := excelize.NewFile()
	defer f.Close()
	st, err := newStyles(f)
	if err != nil {
		return fmt.Errorf("returns workbook styles: %w", err)
	}
	if err := f.SetSheetName("Sheet1", SheetReturnSummary); err != nil {
		return err
	}
	head := func(sheet, title string) error {
		sub := fmt.Sprintf("Returns opened %s · made %s by Clockwork", wb.Period, wb.Generated.Format("2 Jan 2006 15:04"))
		for _, c := range []struct {
			at, text string
			style    int
		}{{"A1", title + " · " + wb.Shop, st.title}, {"A2", sub, st.subtitle}} {
			if err := f.SetCellStr(sheet, c.at, c.text); err != nil {
				return err
			}
			if err := f.SetCellStyle(sheet, c.at, c.at, c.style); err != nil {
				return err
			}
		}
		return nil
	}
	steps := []struct {
		sheet string
		do    func(string) error
	}{
		{SheetReturnSummary, func(sh string) error { return returnSummary(f, st, sh, wb, head) }},
		{SheetReasons, func(sh string) error {
			return returnRows(f, st, sh, "Returns by reason", "Blames by default", wb.Reasons, head)
		}},
		{SheetProducts, func(sh string) error { return returnRows(f, st, sh, "Returns by product", "Title", wb.Products, head) }},
		{SheetSuppliers, func(sh string) error { return returnRows(f, st, sh, "Returns by supplier", "", wb.Suppliers, head) }},
		{SheetComments, func(sh string) error { return returnComments(f, st, sh, wb.Comments, head) }},
	}
	for i, s := range steps {
		if i > 0 {
			if _, err := f.NewSheet(s.sheet); err != nil {
				return err
			}
		}
		if err := s.do(s.sheet); err != nil {
			return fmt.Errorf("returns workbook %s: %w", s.sheet, err)
		}
	}
	f.SetActiveSheet(0)
	if err := f.SetDocProps(&excelize.DocProperties{Title: "Returns " + wb.Period, Creator: "Clockwork", Subject: wb.Shop}); err != nil {
		return err
	}
	if _, err := f.WriteTo(w); err != nil {
		return fmt.Errorf("write returns workbook: %w", err)
	}
	return nil
}

// rate is part ÷ whole as Excel's percent format wants it, or an empty cell.
func rate(part, whole int) any {
	if whole == 0 {
		return nil
	}
	return float64(part) / float64(whole)
}

func returnSummary(f *excelize.File, st styles, sh string, wb ReturnsWorkbook, head func(string, string) error) error {
	if err := head(sh, "Returns"); err != nil {
		return err
	}
	rows := [][]any{
		{"Returns opened", wb.Returns, nil},
		{"Units returned", wb.Units, nil},
		{"Units shipped", wb.Shipped, nil},
		{"Return rate", rate(wb.Units, wb.Shipped), nil},
		{},
		{"", "Units returned", "Units shipped", "Return rate"},
		{"Trial products", wb.Trial.Units, wb.Trial.Shipped, rate(wb.Trial.Units, wb.Trial.Shipped)},
		{"Other products", wb.Rest.Units, wb.Rest.Shipped, rate(wb.Rest.Units, wb.Rest.Shipped)},
	}
	if len(wb.Suppliers) > 0 && wb.Suppliers[0].SupplierFault > 0 {
		s := wb.Suppliers[0]
		rows = append(rows, []any{}, []any{"Most supplier-fault returns", s.Name, s.SupplierFault, rate(s.SupplierFault, s.Shipped)})
	}
	if len(wb.Products) > 0 {
		p := wb.Products[0]
		rows = append(rows, []any{"Most returned product", p.Name + " " + p.Title, p.Units, rate(p.Units, p.Shipped)})
	}
	for r, row := range rows {
		for c, v := range row {
			if err := setCell(f, sh, ref(c+1, 4+r), v); err != nil {
				return err
			}
		}
	}
	styled := []struct {
		from, to string
		style    int
	}{{"B7", "B7", st.pct}, {"D10", "D14", st.pct}, {"A9", "D9", st.header}, {"A4", "A14", st.textBold}}
	for _, s := range styled {
		if err := f.SetCellStyle(sh, s.from, s.to, s.style); err != nil {
			return err
		}
	}
	return f.SetColWidth(sh, "A", "D", 28)
}

// returnColumns are the columns of the Reasons, Products and Suppliers sheets.
var returnColumns = []struct {
	header string
	width  float64
	value  func(ReturnsRow) any
	style  func(styles) int
}{
	{"Name", 28, func(r ReturnsRow) any { return r.Name }, func(s styles) int { return s.text }},
	{"", 30, func(r ReturnsRow) any { return r.Title }, func(s styles) int { return s.text }},
	{"Units returned", 10, func(r ReturnsRow) any { return r.Units }, func(s styles) int { return s.integer }},
	{"Supplier's fault", 10, func(r ReturnsRow) any { return r.SupplierFault }, func(s styles) int { return s.integer }},
	{"Units shipped", 10, func(r ReturnsRow) any { return r.Shipped }, func(s styles) int { return s.integer }},
	{"Return rate", 10, func(r ReturnsRow) any { return rate(r.Units, r.Shipped) }, func(s styles) int { return s.pct }},
	{"Supplier-fault rate", 10, func(r ReturnsRow) any { return rate(r.SupplierFault, r.Shipped) }, func(s styles) int { return s.pct }},
	{"Commonest reason", 18, func(r ReturnsRow) any { return r.TopReason }, func(s styles) int { return s.text }},
	{"Latest comments", 70, func(r ReturnsRow) any { return r.Comments }, func(s styles) int { return s.wrap }},
}

const returnHeaderRow = 3

func returnRows(f *excelize.File, st styles, sh, title, second string, rows []ReturnsRow, head func(string, string) error) error {
	if err := head(sh, title); err != nil {
		return err
	}
	for i, c := range returnColumns {
		h := c.header
		if i == 1 {
			h = second
		}
		if err := f.SetCellStr(sh, ref(i+1, returnHeaderRow), h); err != nil {
			return err
		}
		if err := f.SetColWidth(sh, colName(i+1), colName(i+1), c.width); err != nil {
			return err
		}
		for r, row := range rows {
			if err := setCell(f, sh, ref(i+1, returnHeaderRow+1+r), c.value(row)); err != nil {
				return err
			}
		}
		bottom := returnHeaderRow + max(1, len(rows))
		if err := f.SetCellStyle(sh, ref(i+1, returnHeaderRow+1), ref(i+1, bottom), c.style(st)); err != nil {
			return err
		}
	}
	last := ref(len(returnColumns), returnHeaderRow+max(1, len(rows)))
	if err := f.SetCellStyle(sh, ref(1, returnHeaderRow), ref(len(returnColumns), returnHeaderRow), st.header); err != nil {
		return err
	}
	return freezeAndFilter(f, sh, returnHeaderRow, ref(1, returnHeaderRow)+":"+last)
}

func returnComments(f *excelize.File, st styles, sh string, cs []ReturnComment, head func(string, string) error) error {
	if err := head(sh, "What customers said"); err != nil {
		return err
	}
	headers := []string{"RMA", "Day", "SKU", "Supplier", "Reason", "Fault", "Comment"}
	widths := []float64{11, 11, 16, 24, 18, 10, 80}
	for i, h := range headers {
		if err := f.SetCellStr(sh, ref(i+1, returnHeaderRow), h); err != nil {
			return err
		}
		if err := f.SetColWidth(sh, colName(i+1), colName(i+1), widths[i]); err != nil {
			return err
		}
	}
	for r, c := range cs {
		for i, v := range []any{c.RMA, c.Day, c.SKU, c.Supplier, c.Reason, c.Fault, c.Text} {
			if err := setCell(f, sh, ref(i+1, returnHeaderRow+1+r), v); err != nil {
				return err
			}
		}
	}
	bottom := returnHeaderRow + max(1, len(cs))
	for _, s := range []struct {
		col, style int
	}{{2, st.date}, {7, st.wrap}} {
		if err := f.SetCellStyle(sh, ref(s.col, returnHeaderRow+1), ref(s.col, bottom), s.style); err != nil {
			return err
		}
	}
	if err := f.SetCellStyle(sh, ref(1, returnHeaderRow), ref(len(headers), returnHeaderRow), st.header); err != nil {
		return err
	}
	return freezeAndFilter(f, sh, returnHeaderRow, ref(1, returnHeaderRow)+":"+ref(len(headers), bottom))
}
