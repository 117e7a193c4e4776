package importfile_test

import (
	"os"
	"strings"
	"testing"

	"clockwork/app/importfile"
)

// ingramWithStock is Ingram Micro's real price list with one row's VMENGE (stock) set to
// stock, as Ingram writes it for articles on back order.
func ingramWithStock(t *testing.T, sku, stock string) *importfile.Table {
	t.Helper()
	tab := readFixture(t, "supplier-ingram-micro-pricelist.csv")
	col := tab.Column("VMENGE")
	for i, r := range tab.Rows {
		if r.Cell(tab.Column("ARTIKEL_NR")) == sku {
			tab.Rows[i].Cells[col] = stock
			return tab
		}
	}
	t.Fatalf("%s not in the Ingram list", sku)
	return nil
}

func TestCatalogCartonIsNeverAPackSize(t *testing.T) {
	rows := parseCatalogOK(t, readFixture(t, "supplier-ingram-micro-pricelist.csv"))
	cartons := 0
	for _, r := range rows {
		if r.PackSize != nil {
			t.Errorf("line %d: pack size %d from STCK_KART, the units in Ingram's carton", r.Line, *r.PackSize)
		}
		if r.Carton != nil {
			cartons++
		}
	}
	// 40 units a carton: the row that turned one ordered unit into a PO for 40.
	if r := findSKU(t, rows, "0712830"); r.Carton == nil || *r.Carton != 40 || *r.AvailableQty != 328 {
		t.Errorf("SKU 0712830: carton %v stock %v, want a carton of 40 and 328 in stock", r.Carton, r.AvailableQty)
	}
	if cartons != 12 { // 9998 (Ingram's "unknown") and 0 are no carton at all
		t.Errorf("%d rows with a carton quantity, want 12", cartons)
	}
}

func TestCatalogOldIngramTabList(t *testing.T) {
	tab := readFixture(t, "supplier-ingram-2010-tab-stizun.csv")
	if k := importfile.Detect(tab); k != importfile.KindCatalog {
		t.Fatalf("detected as %q", k)
	}
	rows := parseCatalogOK(t, tab)
	if len(rows) != 360 {
		t.Fatalf("%d rows, want 360", len(rows))
	}
	dymo := findSKU(t, rows, "0180009")
	if *dymo.UnitCost != 1220 || dymo.Price != nil || *dymo.AvailableQty != 54 || dymo.PackSize != nil || dymo.Carton != nil {
		t.Errorf("Dymo tape: cost %v price %v stock %v pack %v carton %v; want 12.20 (decimal comma), no retail, 54, no pack, no carton",
			*dymo.UnitCost, dymo.Price, *dymo.AvailableQty, dymo.PackSize, dymo.Carton)
	}
	for _, r := range rows {
		if r.PackSize != nil {
			t.Fatalf("line %d: Stck_Kart read as a pack size", r.Line)
		}
	}
}

func TestCatalogNegativeStockIsZeroWithAWarning(t *testing.T) {
	rows, problems := importfile.ParseCatalog(ingramWithStock(t, "0585EJ5", "-6"))
	if len(problems) != 0 || len(rows) != 39 {
		t.Fatalf("%d rows, problems %v: a negative stock must not refuse the row", len(rows), problems)
	}
	r := findSKU(t, rows, "0585EJ5")
	if *r.AvailableQty != 0 || len(r.Warnings) != 1 {
		t.Fatalf("stock %d warnings %v, want 0 and one warning", *r.AvailableQty, r.Warnings)
	}
	if w := r.Warnings[0]; w.Line != 2 || w.Column != "VMENGE" || !strings.Contains(w.Message, "stock -6 read as 0") {
		t.Errorf("warning %s, want line 2, VMENGE, saying -6 is read as 0", w)
	}
}

func TestCatalogGermanCostHeader(t *testing.T) {
	f, err := os.Open("testdata/pricelists/alltron-stizun.csv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	tab, err := importfile.Read(f, "alltron-stizun.csv")
	if err != nil {
		t.Fatal(err)
	}
	rows := parseCatalogOK(t, tab)
	if len(rows) != 4 {
		t.Fatalf("%d rows, want 4", len(rows))
	}
	// Preis (exkl. MWSt) is the cost; Preis (inkl. MWSt) beside it is not.
	cable := rows[0]
	if cable.SKU != "CDD KA AUDIO ATAPI" || *cable.UnitCost != 372 || *cable.Price != 2390 || *cable.AvailableQty != 2134 ||
		cable.Title != "Audio-Kabel für ATAPI CD-ROM, 65cm" {
		t.Errorf("first row %+v: want cost 3.72 (exkl. MWSt), price 23.90 (Endkundenpreis), stock 2134", cable)
	}
	if scsi := rows[1]; scsi.Title != "Adaptec PCI SCSI-Kontroller AVA-2904CD KIT intern: 50Pin, extern: DB50Pin mini" || *scsi.UnitCost != 4001 {
		t.Errorf("second row title %q cost %v", scsi.Title, *scsi.UnitCost)
	}
}

func TestCatalogPocketmediaEinkaufspreis(t *testing.T) {
	rows := parseCatalogOK(t, readFixture(t, "supplier-pocketmedia-stizun.csv"))
	if len(rows) != 83 {
		t.Fatalf("%d rows, want 83", len(rows))
	}
	r := findSKU(t, rows, "10 50 0086")
	if *r.UnitCost != 11000 || *r.Price != 17900 || *r.AvailableQty != 10 || !strings.HasPrefix(r.Title, "WLAN, Internet TV / Radio") {
		t.Errorf("first article %+v: want cost 110.00 (Einkaufspreis), price 179.00, stock 10", r)
	}
}

func TestCatalogCostHeaders(t *testing.T) {
	for _, h := range []string{"Preis (exkl. MWSt)", "EK", "Einkaufspreis", "EK-Preis", "Händlerpreis", "Prix HT", "Prix d'achat",
		"Prix d'achat HT", "Prix revendeur", "Dealer price", "Wholesale price", "Cost price", "Reseller price", "Net price"} {
		t.Run(h, func(t *testing.T) {
			rows := parseCatalogOK(t, readString(t, "SKU;"+h+";Prix public;Stock\nA-1;12,40;19,90;3\n"))
			if rows[0].UnitCost == nil || *rows[0].UnitCost != 1240 || *rows[0].Price != 1990 {
				t.Errorf("%q: cost %v price %v, want 12.40 and 19.90", h, rows[0].UnitCost, rows[0].Price)
			}
		})
	}
	fr := parseCatalogOK(t, readString(t, "Référence;Désignation;Prix d'achat HT;Quantité disponible;Colisage;Multiple de commande\nR-9;Lampe;5,10;-2;12;6\n"))
	if r := fr[0]; r.SKU != "R-9" || r.Title != "Lampe" || *r.UnitCost != 510 || *r.AvailableQty != 0 || *r.Carton != 12 || *r.PackSize != 6 {
		t.Errorf("French list %+v", r)
	}
}

func TestCatalogShiftedRowHint(t *testing.T) {
	_, problems := importfile.ParseCatalog(readFixture(t, "supplier-jet-catalog-latin1.csv"))
	if len(problems) != 1 || !strings.Contains(problems[0].Message, `one column off from the header: the cell beside it holds "0"`) {
		t.Fatalf("problems %v, want line 56's Bestand with the shifted-row hint", problems)
	}
}

func TestOrderExportsAreNeverPriceLists(t *testing.T) {
	amazon := "order-id\torder-item-id\tpurchase-date\tpayments-date\tbuyer-email\tbuyer-name\tsku\tproduct-name\tquantity-purchased\tcurrency\titem-price\n" +
		"112-0000000-0000001\t1\t2024-05-01T10:00:00+00:00\t2024-05-01T10:00:00+00:00\ta@example.com\tA Buyer\tMUG-1\tMug\t1\tEUR\t12.00\n"
	tab := readString(t, amazon)
	if k := importfile.Detect(tab); k == importfile.KindCatalog {
		t.Errorf("an Amazon order report detected as a price list")
	}
	if hs := importfile.OrderHeaders(tab); len(hs) == 0 || hs[0] != "order-id" {
		t.Errorf("order headers %v", hs)
	}
	for _, name := range []string{"shopify-orders-transporter-template.csv", "woocommerce-orders-webtoffee-sample.csv"} {
		if k := importfile.Detect(readFixture(t, name)); k == importfile.KindCatalog {
			t.Errorf("%s detected as a price list", name)
		}
	}
	for _, name := range []string{"supplier-ingram-micro-pricelist.csv", "supplier-ingram-2010-tab-stizun.csv",
		"supplier-jet-catalog-latin1.csv", "supplier-pocketmedia-stizun.csv"} {
		tab := readFixture(t, name)
		if hs := importfile.OrderHeaders(tab); len(hs) > 0 {
			t.Errorf("%s has order-only headers %v", name, hs)
		}
		if _, err := importfile.DetectOrderFormat(tab); err == nil || !strings.Contains(err.Error(), "supplier catalog") {
			t.Errorf("%s as orders: %v, want a refusal saying it is a supplier catalog", name, err)
		}
	}
}
