package importfile_test

import (
	"strings"
	"testing"

	"clockwork/app/importfile"
	"clockwork/data"
)

// parseCatalogOK parses a catalog that must have no problems.
func parseCatalogOK(t *testing.T, tab *importfile.Table) []importfile.CatalogRow {
	t.Helper()
	rows, problems := importfile.ParseCatalog(tab)
	if len(problems) > 0 {
		t.Fatalf("problems: %v", problems)
	}
	return rows
}

func TestCatalogIngramPriceList(t *testing.T) {
	tab := readFixture(t, "supplier-ingram-micro-pricelist.csv")
	if k := importfile.Detect(tab); k != importfile.KindCatalog {
		t.Fatalf("detected as %q", k)
	}
	rows := parseCatalogOK(t, tab)
	if len(rows) != 39 {
		t.Fatalf("%d rows, want 39", len(rows))
	}
	first := rows[0]
	if first.SKU != "0585EJ5" || first.SupplierSKU != "0585EJ5" || first.Line != 2 {
		t.Errorf("first row SKU %q supplier SKU %q line %d", first.SKU, first.SupplierSKU, first.Line)
	}
	if first.Title != "KENSINGTON MICROSAVER 64068E SECURITY CABLE LOCK FROM LENOVO" {
		t.Errorf("title %q", first.Title)
	}
	if *first.UnitCost != 4400 || *first.Price != 4800 || *first.AvailableQty != 20 {
		t.Errorf("cost %v price %v stock %v, want 44.00 48.00 20", *first.UnitCost, *first.Price, *first.AvailableQty)
	}
	if first.PackSize != nil || first.MinQty != nil || first.LeadDays != nil {
		t.Errorf("STCK_KART 9998 is 'unknown', and the file has no MOQ or lead time: %v %v %v", first.PackSize, first.MinQty, first.LeadDays)
	}
	if rows[2].Title != "LENOVO ENHANCED PERFORMANCE USB KEYBOARD - ITALIAN IT" {
		t.Errorf("padded title %q", rows[2].Title)
	}
	noRetail, inStock, leadingZero := 0, 0, 0
	for _, r := range rows {
		if r.Price == nil {
			noRetail++
		}
		if *r.AvailableQty > 0 {
			inStock++
		}
		if strings.HasPrefix(r.SKU, "0") {
			leadingZero++
		}
	}
	if noRetail != 3 || inStock != 14 || leadingZero != 25 {
		t.Errorf("%d without retail price (want 3), %d in stock (want 14), %d SKUs with leading zero (want 25)", noRetail, inStock, leadingZero)
	}
	switchRow := findSKU(t, rows, "0712780")
	if switchRow.PackSize != nil || switchRow.Carton == nil || *switchRow.Carton != 1 || *switchRow.UnitCost != 243098 {
		t.Errorf("switch pack %v carton %v cost %v, want no pack size, a carton of 1 and 2,430.98", switchRow.PackSize, switchRow.Carton, *switchRow.UnitCost)
	}
}

func findSKU(t *testing.T, rows []importfile.CatalogRow, sku string) importfile.CatalogRow {
	t.Helper()
	for _, r := range rows {
		if r.SKU == sku {
			return r
		}
	}
	t.Fatalf("SKU %s not found", sku)
	return importfile.CatalogRow{}
}

func TestCatalogJETStockFeed(t *testing.T) {
	tab := readFixture(t, "supplier-jet-catalog-latin1.csv")
	if k := importfile.Detect(tab); k != importfile.KindCatalog {
		t.Fatalf("detected as %q", k)
	}
	rows, problems := importfile.ParseCatalog(tab)
	// Line 56 (SKU 24677, a lawn mower) is shifted one column right in the source: its
	// Bestand cell holds the weight 36.1. It is refused; the other 100 rows are valid.
	if len(problems) != 1 || problems[0].Line != 56 || problems[0].Column != "Bestand" || !strings.Contains(problems[0].Message, `"36.1" is not a whole number`) {
		t.Fatalf("problems %v, want only line 56's Bestand 36.1", problems)
	}
	if len(rows) != 100 {
		t.Fatalf("%d valid rows, want 100", len(rows))
	}
	first := rows[0]
	if first.SKU != "24619" || first.Line != 3 || first.UnitCost != nil || first.Price != nil {
		t.Errorf("first row %+v: jET has no cost or price column", first)
	}
	if !strings.HasPrefix(first.Title, `Monitor TFT AOC E2436PA 24" LED Full-HD, DVI`) {
		t.Errorf("doubled-quote title %q", first.Title)
	}
	cpu := findSKU(t, rows, "24621")
	if !strings.HasSuffix(cpu.Title, "ohne Lüfter") {
		t.Errorf("Latin-1 title %q", cpu.Title)
	}
	if got := findSKU(t, rows, "24622"); *got.AvailableQty != 40 || !strings.Contains(got.Title, "Mouse Nexus") {
		t.Errorf("mouse %+v", got)
	}
	empty := 0
	for _, r := range rows {
		if *r.AvailableQty == 0 {
			empty++
		}
	}
	if empty != 66 {
		t.Errorf("%d rows out of stock, want 66", empty)
	}
}

func TestShopifyProductsExportIsNotACatalog(t *testing.T) {
	tab := readFixture(t, "shopify-products-export-packt.csv")
	if k := importfile.Detect(tab); k != importfile.KindShopifyProducts {
		t.Fatalf("detected as %q, want shopify_products", k)
	}
	_, problems := importfile.ParseCatalog(tab)
	if len(problems) != 1 || !strings.Contains(problems[0].Message, "no SKU column") || !strings.Contains(problems[0].Message, "Handle") {
		t.Fatalf("problems %v: want one saying there is no SKU column, listing the headers", problems)
	}
	if _, err := importfile.DetectOrderFormat(tab); err == nil || !strings.Contains(err.Error(), "products export") {
		t.Errorf("order detection: %v", err)
	}
}

func TestCatalogAliases(t *testing.T) {
	tab := readString(t, "Vendor SKU;Description;Cost;MOQ;Lead time;Case pack;Qty available;Retail price;SKU\n"+
		"V-1;\"Lamp, red\";€12,50;2;5;6;1.000;19.90;007\n")
	rows := parseCatalogOK(t, tab)
	r := rows[0]
	if r.SKU != "007" || r.SupplierSKU != "V-1" || r.Title != "Lamp, red" || *r.UnitCost != 1250 || *r.Price != 1990 {
		t.Errorf("row %+v", r)
	}
	if *r.MinQty != 2 || *r.LeadDays != 5 || r.PackSize != nil || *r.Carton != 6 || *r.AvailableQty != 1000 {
		t.Errorf("moq %d lead %d pack %v carton %d stock %d (a case pack is a carton, not a pack size)", *r.MinQty, *r.LeadDays, r.PackSize, *r.Carton, *r.AvailableQty)
	}
}

func TestCatalogEmptyCellsAreNil(t *testing.T) {
	rows := parseCatalogOK(t, readString(t, "sku,title,unit_cost,pack_size,price\nA-1,Lamp,,,\n"))
	if r := rows[0]; r.UnitCost != nil || r.PackSize != nil || r.Price != nil || r.MinQty != nil {
		t.Errorf("row %+v: empty cells and missing columns must be nil", r)
	}
}

func TestCatalogProblems(t *testing.T) {
	header := "sku,supplier_sku,title,unit_cost,lead_time_days,min_order_qty,pack_size,available_qty,price\n"
	tests := []struct {
		name, rows string
		line       int
		column     string
		want       string
	}{
		{"bad number", "A,,Lamp,12.00,soon,1,1,3,20\n", 2, "lead_time_days", "not a whole number"},
		{"fraction", "A,,Lamp,12.00,2,1.5,1,3,20\n", 2, "min_order_qty", "not a whole number"},
		{"bad money", "A,,Lamp,twelve,2,1,1,3,20\n", 2, "unit_cost", "not an amount"},
		{"negative cost", "A,,Lamp,-3.00,2,1,1,3,20\n", 2, "unit_cost", "negative"},
		{"negative price", "A,,Lamp,3.00,2,1,1,3,-20\n", 2, "price", "negative"},
		{"pack size 0", "A,,Lamp,3.00,2,1,0,3,20\n", 2, "pack_size", "at least 1"},
		{"moq 0", "A,,Lamp,3.00,2,0,1,3,20\n", 2, "min_order_qty", "at least 1"},
		{"empty SKU", "B,,Ok,1,1,1,1,1,1\n,,Lamp,3.00,2,1,1,3,20\n", 3, "sku", "SKU is empty"},
		{"duplicate SKU", "A,,Lamp,1,1,1,1,1,1\nB,,Ok,1,1,1,1,1,1\nA,,Lamp again,1,1,1,1,1,1\n", 4, "sku", "already on line 2"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rows, problems := importfile.ParseCatalog(readString(t, header+tt.rows))
			if len(problems) != 1 {
				t.Fatalf("problems %v, want one", problems)
			}
			p := problems[0]
			if p.Line != tt.line || p.Column != tt.column || !strings.Contains(p.Message, tt.want) {
				t.Errorf("problem %s, want line %d column %s saying %q", p, tt.line, tt.column, tt.want)
			}
			for _, r := range rows {
				if r.Line == tt.line {
					t.Errorf("the bad row on line %d was returned as valid", r.Line)
				}
			}
		})
	}
}

func TestCatalogListsEveryProblem(t *testing.T) {
	text := "sku,unit_cost,title,pack_size\nA,x,Lamp,0\n,1,,1\nB,-1,,1\n"
	_, problems := importfile.ParseCatalog(readString(t, text))
	if len(problems) != 4 {
		t.Fatalf("%d problems, want 4: %v", len(problems), problems)
	}
	got := problems[0].String()
	if got != `line 2, "unit_cost": "x" is not an amount of money: write it like 12.50` {
		t.Errorf("first problem reads %q", got)
	}
}

func TestCatalogMissingColumns(t *testing.T) {
	_, problems := importfile.ParseCatalog(readString(t, "code,cost\nA,1\n"))
	if len(problems) != 1 || problems[0].Column != "sku" || problems[0].Line != 1 || !strings.Contains(problems[0].Message, "headers found: code, cost") {
		t.Errorf("problems %v", problems)
	}
	_, problems = importfile.ParseCatalog(readString(t, "sku,colour\nA,red\n"))
	if len(problems) != 1 || !strings.Contains(problems[0].Message, "no cost, price, stock or title") {
		t.Errorf("problems %v", problems)
	}
}

func TestCatalogMoneyIsCents(t *testing.T) {
	rows := parseCatalogOK(t, readString(t, "sku,cost\nA,0.125\nB,1'234.50\n"))
	if *rows[0].UnitCost != data.Money(13) || *rows[1].UnitCost != data.Money(123450) {
		t.Errorf("costs %v %v", *rows[0].UnitCost, *rows[1].UnitCost)
	}
}
