package reports

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"clockwork/assets"
)

// withoutSystemFonts makes the test see a computer with no fonts but the embedded Go fonts,
// as a fresh Windows or macOS install may be for Thai or Chinese.
func withoutSystemFonts(t testing.TB) {
	saved := systemFonts
	empty := newFontLibrary(nil)
	systemFonts = func() *fontLibrary { return empty }
	t.Cleanup(func() { systemFonts = saved })
}

// demoShop is the demo shop's branding, the look samples and tests use.
func demoShop() Shop {
	return Shop{
		Name:               "Linden & Loom",
		Address:            "Karl-Heine-Straße 42\n04229 Leipzig\nGermany",
		Email:              "hello@lindenandloom.de",
		Website:            "lindenandloom.de",
		Logo:               assets.DemoLogo,
		Accent:             "#2F6F62",
		ThankYouTemplate:   "Thank you for your order {order_number}, {first_name}! Every parcel from {shop_name} is packed by hand in our Leipzig workshop.",
		ReturnInstructions: "Not quite right? Send it back within 30 days with this slip and we will refund or replace it. Write to hello@lindenandloom.de first so we can look out for your parcel.",
	}
}

// sampleSlips are three orders whose customers write in three scripts.
func sampleSlips() []PackingSlip {
	return []PackingSlip{
		{
			OrderNumber: "#1001", OrderDate: "3 March 2025",
			ShipTo: Address{Name: "Zoë Łódź", Address1: "ul. Piotrkowska 104", Address2: "m. 7", City: "Łódź", Zip: "90-006", Country: "Poland", Phone: "+48 600 123 456"},
			Lines: []SlipLine{
				{SKU: "LL-RUN-NAT", Title: "Linen table runner, natural, 40 × 180 cm", Qty: 1, UnitPrice: "€39.00", Total: "€39.00"},
				{SKU: "LL-NAP-SAGE-4", Title: "Stonewashed linen napkins, sage green, set of four — hand-hemmed in our workshop", Qty: 2, UnitPrice: "€24.00", Total: "€48.00"},
				{SKU: "LL-TWL-OAT", Title: "Waffle tea towel, oat", Qty: 3, UnitPrice: "€12.50", Total: "€37.50"},
			},
			Subtotal: "€124.50", Shipping: "€4.90", Tax: "€20.66", Total: "€129.40",
			CustomerNote: "Please leave the parcel with the neighbour at no. 9 if I'm out 🙏",
		},
		{
			OrderNumber: "#1002", OrderDate: "4 March 2025",
			ShipTo: Address{Name: "Ελένη Παπαδοπούλου", Address1: "Οδός Ερμού 25", City: "Αθήνα", Zip: "105 63", Country: "Ελλάδα"},
			Lines: []SlipLine{
				{SKU: "LL-THR-RUST", Title: "Wool throw, rust, herringbone", Qty: 1, UnitPrice: "€89.00", Total: "€89.00"},
			},
			Subtotal: "€89.00", Shipping: "€9.90", Total: "€98.90",
		},
		{
			OrderNumber: "#1003", OrderDate: "4 March 2025",
			ShipTo:    Address{Name: "Дмитрий Иванов", Company: "ООО «Лён»", Address1: "ул. Тверская, д. 7, кв. 12", City: "Москва", Zip: "125009", Country: "Россия"},
			FirstName: "Дмитрий",
			Lines: []SlipLine{
				{SKU: "LL-APR-CHAR", Title: "Linen apron, charcoal", Qty: 1, UnitPrice: "€34.00", Total: "€34.00"},
				{SKU: "LL-BAG-NAT", Title: "Market bag, natural", Qty: 2, UnitPrice: "€16.00", Total: "€32.00"},
			},
			Subtotal: "€66.00", Shipping: "€14.00", Total: "€80.00",
			Gift: true, GiftMessage: "Дорогая мама, с днём рождения! Обнимаю крепко 🎂❤️ — Дима",
		},
	}
}

// pdfText runs pdftotext over a PDF, page by page (pages are split on form feeds).
func pdfText(t testing.TB, pdf []byte) []string {
	t.Helper()
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext (poppler-utils) is not installed")
	}
	path := filepath.Join(t.TempDir(), "doc.pdf")
	if err := os.WriteFile(path, pdf, 0o600); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("pdftotext", "-layout", "-enc", "UTF-8", path, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	pages := strings.Split(string(out), "\f")
	if n := len(pages); n > 0 && strings.TrimSpace(pages[n-1]) == "" {
		pages = pages[:n-1]
	}
	return pages
}

var spaces = regexp.MustCompile(`\s+`)

// flat joins text on single spaces so a phrase wrapped over lines still matches.
func flat(s string) string {
	return spaces.ReplaceAllString(s, " ")
}

// render writes slips to bytes, failing the test on error.
func render(t testing.TB, paper Paper, shop Shop, slips []PackingSlip) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := WritePackingSlips(&buf, paper, shop, slips); err != nil {
		t.Fatalf("WritePackingSlips: %v", err)
	}
	return buf.Bytes()
}

// euro formats cents the way the app's data.Money.Format("EUR") does.
func euro(cents int64) string {
	return "€" + plainMoney(cents)
}

// samplePO orders from a Polish weaver; two customer lines share supplier SKU TK-NAP-04.
func samplePO() PurchaseOrder {
	return PurchaseOrder{
		Number: "PO-000123", SentOn: "3 March 2025", ShipBy: "10 March 2025",
		Supplier: Supplier{
			Name: "Tkalnia Łódzka Sp. z o.o.", ContactPerson: "Małgorzata Wójcik",
			Address: "ul. Włókiennicza 12\n90-013 Łódź\nPoland", Email: "zamowienia@tkalnia-lodzka.pl", Phone: "+48 42 123 45 67",
		},
		Lines: []POLine{
			{SupplierSKU: "TK-RUN-180", SKU: "LL-RUN-NAT", Title: "Linen table runner, natural, 40 × 180 cm", Qty: 1, UnitCostCents: 1450},
			{SupplierSKU: "TK-NAP-04", SKU: "LL-NAP-SAGE-4", Title: "Stonewashed napkins, sage, set of 4 (Größe 45 × 45)", Qty: 2, UnitCostCents: 980},
			{SupplierSKU: "TK-TWL-W", SKU: "LL-TWL-OAT", Title: "Waffle tea towel, oat", Qty: 3, UnitCostCents: 420},
			{SupplierSKU: "TK-NAP-04", SKU: "LL-NAP-SAGE-4", Title: "Stonewashed napkins, sage, set of 4 (Größe 45 × 45)", Qty: 4, UnitCostCents: 980},
		},
		ShippingCents: 1290,
		Notes:         "Please pack each napkin set in its paper band, no plastic.\nDeliveries Monday to Friday 9–16 h; ring at the workshop door (Hinterhaus).",
		Money:         euro,
	}
}
