package reports

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
)

func TestReturnsWorkbook(t *testing.T) {
	wb := ReturnsWorkbook{
		Shop: "Linden & Loom", Period: "1 Mar 2026 – 31 Mar 2026", Generated: time.Date(2026, 4, 1, 9, 0, 0, 0, time.UTC),
		Returns: 3, Units: 4, Shipped: 50,
		Reasons:   []ReturnsRow{{Name: "Defective", Title: "supplier", Units: 3, SupplierFault: 3}},
		Products:  []ReturnsRow{{Name: "MUG-1", Title: "Enamel Mug Sage", Units: 3, Shipped: 10, TopReason: "Defective", Comments: "RMA-0002 2026-03-04: “Henkel lose”"}},
		Suppliers: []ReturnsRow{{Name: "=HYPERLINK(\"http://evil.example\")", Units: 3, SupplierFault: 2, Shipped: 20}},
		Trial:     ReturnsRow{Units: 1, Shipped: 5}, Rest: ReturnsRow{Units: 3, Shipped: 45},
		Comments: []ReturnComment{{RMA: "RMA-0002", Day: time.Date(2026, 3, 4, 0, 0, 0, 0, time.UTC), SKU: "MUG-1", Supplier: "Κεραμική Αιγαίου", Reason: "Defective", Fault: "supplier", Text: "Henkel lose"}},
	}
	var buf bytes.Buffer
	if err := WriteReturnsWorkbook(&buf, wb); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if got := strings.Join(f.GetSheetList(), ","); got != "Summary,Reasons,Products,Suppliers,Comments" {
		t.Errorf("sheets %s", got)
	}
	checks := []struct{ sheet, at, want string }{
		{SheetReturnSummary, "B7", "8.0%"},
		{SheetReturnSummary, "D10", "20.0%"},
		{SheetReturnSummary, "B13", "=HYPERLINK(\"http://evil.example\")"},
		{SheetProducts, "A4", "MUG-1"},
		{SheetProducts, "F4", "30.0%"},
		{SheetSuppliers, "G4", "10.0%"},
		{SheetComments, "D4", "Κεραμική Αιγαίου"},
		{SheetComments, "B4", "2026-03-04"},
	}
	for _, c := range checks {
		got, err := f.GetCellValue(c.sheet, c.at)
		if err != nil || got != c.want {
			t.Errorf("%s!%s = %q (%v), want %q", c.sheet, c.at, got, err, c.want)
		}
	}
	if formula, _ := f.GetCellFormula(SheetSuppliers, "A4"); formula != "" {
		t.Errorf("a supplier name became the formula %q", formula)
	}
}
