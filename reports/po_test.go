package reports

import (
	"bytes"
	"errors"
	"reflect"
	"strings"
	"testing"
)

func TestPurchaseOrderReadsForTheSupplier(t *testing.T) {
	var buf bytes.Buffer
	if err := WritePurchaseOrder(&buf, PaperA4, demoShop(), samplePO()); err != nil {
		t.Fatal(err)
	}
	pages := pdfText(t, buf.Bytes())
	if len(pages) != 1 {
		t.Fatalf("a 4-line PO took %d pages", len(pages))
	}
	text := flat(pages[0])
	for _, w := range []string{
		"PURCHASE ORDER", "PO-000123", "Linden & Loom", "Karl-Heine-Straße 42",
		"Tkalnia Łódzka Sp. z o.o.", "Attn. Małgorzata Wójcik", "90-013 Łódź", "zamowienia@tkalnia-lodzka.pl",
		"3 March 2025", "10 March 2025",
		"TK-RUN-180 LL-RUN-NAT Linen table runner", "1 €14.50 €14.50",
		"TK-NAP-04 LL-NAP-SAGE-4 Stonewashed napkins", "6 €9.80 €58.80", "(Größe 45 × 45)",
		"TK-TWL-W LL-TWL-OAT Waffle tea towel, oat 3 €4.20 €12.60",
		"Subtotal €85.90", "Shipping €12.90", "Total €98.80", "10 units in 3 lines",
		"Please pack each napkin set in its paper band", "Deliveries Monday to Friday 9–16 h",
		"quote PO-000123",
	} {
		if !strings.Contains(text, w) {
			t.Errorf("the PO does not show %q:\n%s", w, pages[0])
		}
	}
	if strings.Count(text, "TK-NAP-04") != 1 {
		t.Error("lines sharing a supplier SKU were not grouped into one row")
	}
}

func TestLongPurchaseOrderContinues(t *testing.T) {
	po := samplePO()
	for i := 0; i < 60; i++ {
		po.Lines = append(po.Lines, POLine{SupplierSKU: "TK-X-" + string(rune('A'+i%26)) + string(rune('A'+i/26)), SKU: "X", Title: "Linen", Qty: 1, UnitCostCents: 100})
	}
	var buf bytes.Buffer
	if err := WritePurchaseOrder(&buf, PaperLetter, demoShop(), po); err != nil {
		t.Fatal(err)
	}
	pages := pdfText(t, buf.Bytes())
	if len(pages) < 2 {
		t.Fatalf("63 rows fit on %d page", len(pages))
	}
	for i, p := range pages {
		if !strings.Contains(p, "PO-000123") || !strings.Contains(p, pageOf(i+1, len(pages))) {
			t.Errorf("page %d lacks the PO number or its page count", i+1)
		}
	}
	last := flat(pages[len(pages)-1])
	if !strings.Contains(last, "Total €158.80") || !strings.Contains(last, "70 units in 63 lines") {
		t.Errorf("the last page lacks the total:\n%s", last)
	}
}

func TestGroupPOLines(t *testing.T) {
	lines := []POLine{
		{SupplierSKU: "A", SKU: "ours-a", Title: "Apple", Qty: 2, UnitCostCents: 150},
		{SupplierSKU: "B", SKU: "ours-b", Title: "Bean", Qty: 1, UnitCostCents: 99},
		{SupplierSKU: "A", SKU: "ours-a", Title: "Apple", Qty: 3, UnitCostCents: 150},
		{SupplierSKU: "A", SKU: "ours-a2", Title: "Apple", Qty: 1, UnitCostCents: 150},
		{SupplierSKU: "A", SKU: "ours-a", Title: "Apple", Qty: 1, UnitCostCents: 120}, // requoted
		{SupplierSKU: "", SKU: "loose", Title: "No supplier SKU", Qty: 4, UnitCostCents: 10},
		{SupplierSKU: "", SKU: "loose", Title: "No supplier SKU", Qty: 1, UnitCostCents: 10},
	}
	want := []poRow{
		{supplierSKU: "A", sku: "ours-a, ours-a2", title: "Apple", qty: 6, unit: 150, total: 900},
		{supplierSKU: "B", sku: "ours-b", title: "Bean", qty: 1, unit: 99, total: 99},
		{supplierSKU: "A", sku: "ours-a", title: "Apple", qty: 1, unit: 120, total: 120},
		{supplierSKU: "", sku: "loose", title: "No supplier SKU", qty: 5, unit: 10, total: 50},
	}
	if got := groupPOLines(lines); !reflect.DeepEqual(got, want) {
		t.Errorf("groupPOLines =\n%+v\nwant\n%+v", got, want)
	}
}

func TestPlainMoney(t *testing.T) {
	for cents, want := range map[int64]string{0: "0.00", 5: "0.05", 123450: "1,234.50", -99: "-0.99", 100000000: "1,000,000.00"} {
		if got := plainMoney(cents); got != want {
			t.Errorf("plainMoney(%d) = %q, want %q", cents, got, want)
		}
	}
}

func TestPurchaseOrderWithoutFormatterOrLinesOnLabelPaper(t *testing.T) {
	po := samplePO()
	po.Money = nil
	var buf bytes.Buffer
	if err := WritePurchaseOrder(&buf, Paper4x6, demoShop(), po); err != nil {
		t.Fatal(err)
	}
	if text := flat(pdfText(t, buf.Bytes())[0]); !strings.Contains(text, "Total 98.80") {
		t.Errorf("plain amounts missing:\n%s", text)
	}
	if !bytes.Contains(buf.Bytes(), []byte("/MediaBox [0 0 595.28 841.89]")) {
		t.Error("a PO asked for on 4x6 paper is not on A4")
	}
	po.Lines = nil
	if err := WritePurchaseOrder(&bytes.Buffer{}, PaperA4, demoShop(), po); !errors.Is(err, errEmptyPO) {
		t.Errorf("an empty PO gave %v", err)
	}
}
