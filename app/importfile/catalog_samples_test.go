package importfile_test

import (
	"os"
	"strings"
	"testing"

	"clockwork/app/importfile"
)

// Alltron's 2013 price list (real, ten rows, see testdata/pricelists/SOURCES.md): CRLF line
// ends, a header one column longer than its rows (it ends in a tab), UVP instead of the
// older Endkundenpreis, two-part titles.
func TestCatalogAlltron2013(t *testing.T) {
	f, err := os.Open("testdata/pricelists/alltron-2013-stizun.csv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	tab, err := importfile.Read(f, "alltron-2013-stizun.csv")
	if err != nil || importfile.Detect(tab) != importfile.KindCatalog {
		t.Fatalf("read %v, kind %v", err, importfile.Detect(tab))
	}
	rows := parseCatalogOK(t, tab)
	if len(rows) != 10 {
		t.Fatalf("%d rows, want 10", len(rows))
	}
	// Preis (exkl. MWSt) is the cost, UVP the retail price, Lagerbestand the stock.
	cable := findSKU(t, rows, "KA 230 T13-C13 SW 01.8M")
	if *cable.UnitCost != 944 || *cable.Price != 1020 || *cable.AvailableQty != 19570 || cable.Title != "Netzkabel 220V 1.8m Kaltgerätestecker" {
		t.Errorf("power cable %+v: want cost 9.44, price 10.20, stock 19570", cable)
	}
	last := rows[9]
	if last.Line != 11 || last.SKU != "NWKB RJ45 KONV" || *last.UnitCost != 44352 || last.PackSize != nil ||
		!strings.HasPrefix(last.Title, "Wirewin Patchkabel: pro Laufmeter") {
		t.Errorf("last row %+v: want line 11, cost 443.52, no pack size", last)
	}
}
