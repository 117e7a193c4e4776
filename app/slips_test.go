package app_test

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"clockwork/app"
	"clockwork/app/apptest"
	"clockwork/data"
)

// pdfText is the text pdftotext reads from a PDF; the test is skipped without poppler.
func pdfText(t *testing.T, pdf []byte) string {
	t.Helper()
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext (poppler-utils) is not installed")
	}
	path := filepath.Join(t.TempDir(), "out.pdf")
	if err := os.WriteFile(path, pdf, 0o600); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("pdftotext", "-layout", path, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	return string(out)
}

// readyOrders makes three received orders whose customers write in three scripts.
func readyOrders(t *testing.T, a *app.App) []uint {
	t.Helper()
	po := makeSentPO(t, a, "Acme", spec("#1001", "BET-100", 1, 3), spec("#1002", "CUP-7", 2, 2), spec("#1003", "MUG-2", 1, 1))
	db := apptest.DB(t, a)
	names := map[string]string{"#1001": "Zoë Łódź", "#1002": "Ελένη Παπαδοπούλου", "#1003": "Дмитрий Иванов"}
	for number, name := range names {
		err := db.Model(&data.Order{}).Where("number = ?", number).Updates(map[string]any{
			"customer_name": name, "ship_name": name, "subtotal": 2400, "total": 2890, "shipping": 490,
			"note": "Please ring twice 🙂"}).Error
		if err != nil {
			t.Fatal(err)
		}
	}
	shop, _ := a.Shop()
	shop.Name, shop.ThankYouTemplate, shop.Currency = "Linden & Loom", "Thank you {first_name} for order {order_number} from {shop_name}!", "EUR"
	if err := a.SaveShop(shop); err != nil {
		t.Fatal(err)
	}
	if _, err := a.ReceiveAll(po.ID, apptest.Now); err != nil {
		t.Fatal(err)
	}
	ids, err := a.ReadyOrderIDs()
	if err != nil || len(ids) != 3 {
		t.Fatalf("ready orders %v, %v", ids, err)
	}
	return ids
}

func TestPackingSlipsPrintEveryScriptAndTheNote(t *testing.T) {
	a, _ := apptest.NewApp(t)
	ids := readyOrders(t, a)
	var buf bytes.Buffer
	if err := a.WritePackingSlips(&buf, ids, app.SlipOptions{Paper: "letter"}); err != nil {
		t.Fatal(err)
	}
	text := pdfText(t, buf.Bytes())
	for _, want := range []string{"Zoë Łódź", "Ελένη Παπαδοπούλου", "Дмитрий Иванов",
		"Thank you Ελένη for order #1002 from Linden & Loom!", "€24.00", "Please ring twice"} {
		if !strings.Contains(text, want) {
			t.Errorf("slips lack %q", want)
		}
	}
	if pages := strings.Count(text, "\f"); pages != 3 {
		t.Errorf("%d pages, want one per order", pages)
	}
}

func TestGiftSlipHasNoPrices(t *testing.T) {
	a, _ := apptest.NewApp(t)
	ids := readyOrders(t, a)
	var buf bytes.Buffer
	if err := a.WritePackingSlips(&buf, ids[:1], app.SlipOptions{Gift: true, Paper: "4x6"}); err != nil {
		t.Fatal(err)
	}
	text := pdfText(t, buf.Bytes())
	if strings.Contains(text, "€") || strings.Contains(text, "24.00") {
		t.Errorf("gift slip shows prices:\n%s", text)
	}
	if !strings.Contains(text, "BET-100") {
		t.Errorf("gift slip lacks its line:\n%s", text)
	}
}

func TestThankYouCardsAndSampleSlip(t *testing.T) {
	a, _ := apptest.NewApp(t)
	ids := readyOrders(t, a)
	var buf bytes.Buffer
	if err := a.WriteThankYouCards(&buf, ids); err != nil {
		t.Fatal(err)
	}
	if text := pdfText(t, buf.Bytes()); !strings.Contains(text, "Дмитрий") {
		t.Errorf("cards lack the Cyrillic first name:\n%s", text)
	}
	shop, _ := a.Shop()
	buf.Reset()
	if err := a.WriteSampleSlip(&buf, shop); err != nil {
		t.Fatal(err)
	}
	if text := pdfText(t, buf.Bytes()); !strings.Contains(text, "Thank you Zoë for order #1001 from Linden & Loom!") {
		t.Errorf("sample slip lacks the personalised note:\n%s", text)
	}
	if err := a.WritePackingSlips(&buf, nil, app.SlipOptions{}); err == nil {
		t.Error("slips for no orders were not refused")
	}
}
