package importfile_test

import (
	"bytes"
	"os"
	"strings"
	"testing"
	"time"

	"clockwork/app/apptest"
	"clockwork/app/importfile"

	"github.com/xuri/excelize/v2"
)

// readFixture reads one of the real-world fixture files.
func readFixture(t *testing.T, name string) *importfile.Table {
	t.Helper()
	f, err := os.Open(apptest.Fixture(t, name))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	tab, err := importfile.Read(f, name)
	if err != nil {
		t.Fatalf("read %s: %v", name, err)
	}
	return tab
}

// readString reads CSV text given in a test.
func readString(t *testing.T, text string) *importfile.Table {
	t.Helper()
	tab, err := importfile.Read(strings.NewReader(text), "test.csv")
	if err != nil {
		t.Fatalf("read: %v", err)
	}
	return tab
}

func TestReadFixtures(t *testing.T) {
	tests := []struct {
		file                string
		rows, width, column int // width: header cells; column: index of a header named below
		header              string
		firstLine, lastLine int
	}{
		{"shopify-products-export-packt.csv", 21, 48, 0, "Handle", 2, 27},
		{"shopify-orders-transporter-template.csv", 4, 74, 0, "Name", 2, 5},
		{"woocommerce-orders-webtoffee-sample.csv", 3, 53, 1, "order_number", 2, 6},
		{"supplier-ingram-micro-pricelist.csv", 39, 52, 0, "GRUPPE1", 2, 40},
		{"supplier-jet-catalog-latin1.csv", 101, 15, 9, "Bestand", 3, 103},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			tab := readFixture(t, tt.file)
			if len(tab.Rows) != tt.rows || len(tab.Header) != tt.width {
				t.Fatalf("%d rows under %d headers, want %d under %d", len(tab.Rows), len(tab.Header), tt.rows, tt.width)
			}
			if tab.Header[tt.column] != tt.header {
				t.Errorf("header %d = %q, want %q", tt.column, tab.Header[tt.column], tt.header)
			}
			if got := tab.Rows[0].Line; got != tt.firstLine {
				t.Errorf("first row on line %d, want %d", got, tt.firstLine)
			}
			if got := tab.Rows[len(tab.Rows)-1].Line; got != tt.lastLine {
				t.Errorf("last row on line %d, want %d", got, tt.lastLine)
			}
		})
	}
}

func TestReadIngramPipesBOMAndPadding(t *testing.T) {
	tab := readFixture(t, "supplier-ingram-micro-pricelist.csv")
	sku, name2, group := tab.Column("ARTIKEL_NR"), tab.Column("ARTIKEL2"), tab.Column("gruppe1")
	if group != 0 {
		t.Fatalf("GRUPPE1 at %d: the BOM must not stick to the first header", group)
	}
	if got := tab.Rows[0].Cell(sku); got != "0585EJ5" {
		t.Errorf("first SKU %q, want the leading zero kept: 0585EJ5", got)
	}
	if got := tab.Rows[0].Cell(group); got != "Zubehör" {
		t.Errorf("group %q, want Zubehör", got)
	}
	if got := tab.Rows[2].Cell(name2); got != "USB KEYBOARD - ITALIAN           IT" {
		t.Errorf("ARTIKEL2 %q: inner spaces kept, ends trimmed", got)
	}
	if got := tab.Rows[5].Cell(name2); got != "IN" {
		t.Errorf("padded cell %q, want IN", got)
	}
}

func TestReadJETLatin1Semicolons(t *testing.T) {
	tab := readFixture(t, "supplier-jet-catalog-latin1.csv")
	title := tab.Column("Bezeichnung")
	first := tab.Rows[0].Cell(title)
	want := `Monitor TFT AOC E2436PA 24" LED Full-HD, DVI 1920x1080, 5 ms,  250 cd/mý, 60'000:1, DVI, HD`
	if first != want {
		t.Errorf("title\n got %q\nwant %q", first, want)
	}
	if got := tab.Rows[2].Cell(title); !strings.HasSuffix(got, "ohne Lüfter") {
		t.Errorf("title %q should end in 'ohne Lüfter' (Latin-1 ü)", got)
	}
	if got := tab.Rows[2].Cell(tab.Column("Artikelkategorie")); got != "Prozessoren und Zubehör" {
		t.Errorf("category %q", got)
	}
}

func TestReadQuotedNewlinesAndMissingTrailingNewline(t *testing.T) {
	tab := readFixture(t, "woocommerce-orders-webtoffee-sample.csv")
	items := tab.Column("shipping_items")
	if got := tab.Rows[0].Cell(items); got != "item:Items|value:Formal shoe X 1" {
		t.Errorf("shipping_items %q", got)
	}
	if got := tab.Rows[0].Cell(tab.Column("shipping_address_2")); got != "Door No,16" {
		t.Errorf("quoted comma: %q", got)
	}
	notes := tab.Rows[2].Cell(tab.Column("order_notes"))
	if !strings.Contains(notes, `<span class="description"></span>`) {
		t.Errorf("doubled quotes not undone: %q", notes)
	}
	tr := readFixture(t, "shopify-orders-transporter-template.csv")
	last := tr.Rows[3]
	if got := last.Cell(len(tr.Header) - 1); got != "string" {
		t.Errorf("last cell without trailing newline %q", got)
	}
}

func TestReadTextVariants(t *testing.T) {
	tests := []struct {
		name, text string
		header     []string
		rows       [][]string
		lines      []int
	}{
		{"BOM and CRLF", "\uFEFFsku,title\r\nA-1,\"Lamp, red\"\r\n", []string{"sku", "title"}, [][]string{{"A-1", "Lamp, red"}}, []int{2}},
		{"newline in quotes", "a,b\n\"x\ny\",z\nq,r", []string{"a", "b"}, [][]string{{"x\ny", "z"}, {"q", "r"}}, []int{2, 4}},
		{"semicolons and spacer", "a;b\n;;\n\n1;2\n", []string{"a", "b"}, [][]string{{"1", "2"}}, []int{4}},
		{"tabs", "a\tb\n 1 \t 2 \n", []string{"a", "b"}, [][]string{{"1", "2"}}, []int{2}},
		{"bare quote kept", "a,b\n24\" monitor,2\n", []string{"a", "b"}, [][]string{{"24\" monitor", "2"}}, []int{2}},
		{"leading zeros", "sku|qty\n007|0010\n", []string{"sku", "qty"}, [][]string{{"007", "0010"}}, []int{2}},
		{"lone CR lines", "a,b\r1,2\r", []string{"a", "b"}, [][]string{{"1", "2"}}, []int{2}},
		{"space before quote", "a,b\n1, \"x,y\" \n", []string{"a", "b"}, [][]string{{"1", "x,y"}}, []int{2}},
		{"UTF-16", string(utf16LE("a,b\r\nü,2\r\n")), []string{"a", "b"}, [][]string{{"ü", "2"}}, []int{2}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tab := readString(t, tt.text)
			if strings.Join(tab.Header, "|") != strings.Join(tt.header, "|") {
				t.Fatalf("header %q, want %q", tab.Header, tt.header)
			}
			if len(tab.Rows) != len(tt.rows) {
				t.Fatalf("%d rows, want %d: %v", len(tab.Rows), len(tt.rows), tab.Rows)
			}
			for i, r := range tab.Rows {
				if strings.Join(r.Cells, "|") != strings.Join(tt.rows[i], "|") || r.Line != tt.lines[i] {
					t.Errorf("row %d: %q on line %d, want %q on line %d", i, r.Cells, r.Line, tt.rows[i], tt.lines[i])
				}
			}
		})
	}
}

// utf16LE encodes ASCII-and-Latin text as UTF-16 little endian with a BOM.
func utf16LE(s string) []byte {
	out := []byte{0xFF, 0xFE}
	for _, r := range s {
		out = append(out, byte(r), byte(r>>8))
	}
	return out
}

func TestReadRefusesBrokenFiles(t *testing.T) {
	tests := []struct {
		name, text, want string
	}{
		{"unterminated quote", "a,b\n1,2\n3,\"never closed\n4,5\n", "line 3"},
		{"text after closing quote", "a,b\n\"x\"y,2\n", "line 2"},
		{"empty", "", "empty"},
		{"only blank lines", "\n\r\n;;;\n", "empty"},
		{"old Excel", "\xD0\xCF\x11\xE0rest", ".xls"},
		{"binary", "PDF\x00\x01\x02", "not a text"},
		{"not a workbook", "PK\x03\x04garbage", "XLSX"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := importfile.Read(strings.NewReader(tt.text), "bad.csv")
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("error %v, want one mentioning %q", err, tt.want)
			}
			if !strings.Contains(err.Error(), "bad.csv") {
				t.Errorf("error %q does not name the file", err)
			}
		})
	}
}

func TestReadXLSX(t *testing.T) {
	f := excelize.NewFile()
	sheet := f.GetSheetName(0)
	rows := [][]any{{"SKU", "Title", "Unit cost", "Stock"}, {"00123", "Lüfter", 12.5, 7}, {}, {"B-2", "Kabel", 3, 0}}
	for i, r := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		if err := f.SetSheetRow(sheet, cell, &r); err != nil {
			t.Fatal(err)
		}
	}
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		t.Fatal(err)
	}
	tab, err := importfile.Read(&buf, "catalog.xlsx")
	if err != nil {
		t.Fatal(err)
	}
	if len(tab.Rows) != 2 || tab.Header[2] != "Unit cost" {
		t.Fatalf("header %q rows %v", tab.Header, tab.Rows)
	}
	first, second := tab.Rows[0], tab.Rows[1]
	if first.Line != 2 || second.Line != 4 {
		t.Errorf("rows on sheet rows %d and %d, want 2 and 4", first.Line, second.Line)
	}
	if first.Cell(0) != "00123" || first.Cell(1) != "Lüfter" || first.Cell(2) != "12.5" || first.Cell(3) != "7" {
		t.Errorf("first row %q", first.Cells)
	}
}

func TestReadXLSXDatesAsISO(t *testing.T) {
	f := excelize.NewFile()
	sheet := f.GetSheetName(0)
	placed := time.Date(2026, 1, 31, 14, 5, 0, 0, time.UTC)
	for i, r := range [][]any{{"order_number", "placed_at", "sku", "qty", "unit_price"}, {"1", placed, "A", 2, 9.5}, {"2", placed, "B", 1, 3}} {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		if err := f.SetSheetRow(sheet, cell, &r); err != nil {
			t.Fatal(err)
		}
	}
	dateOnly, _ := f.NewStyle(&excelize.Style{NumFmt: 14}) // the locale's short date
	dateTime, _ := f.NewStyle(&excelize.Style{NumFmt: 22}) // the locale's date and time
	if err := f.SetCellStyle(sheet, "B2", "B2", dateOnly); err != nil {
		t.Fatal(err)
	}
	if err := f.SetCellStyle(sheet, "B3", "B3", dateTime); err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		t.Fatal(err)
	}
	tab, err := importfile.Read(&buf, "orders.xlsx")
	if err != nil {
		t.Fatal(err)
	}
	if got := tab.Rows[0].Cell(1) + " | " + tab.Rows[1].Cell(1); got != "2026-01-31 | 2026-01-31 14:05" {
		t.Errorf("date cells read as %q, want ISO dates whatever the locale", got)
	}
	orders, problems := importfile.ParseOrders(tab, importfile.FormatGeneric)
	if len(problems) > 0 || len(orders) != 2 || orders[1].PlacedAt != placed || orders[0].Lines[0].UnitPrice != 950 {
		t.Errorf("orders %+v problems %v", orders, problems)
	}
}
