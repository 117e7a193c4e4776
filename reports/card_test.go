package reports

import (
	"bytes"
	"strings"
	"testing"
)

func TestThankYouCardsOnePerOrder(t *testing.T) {
	var cards []ThankYouCard
	for _, s := range sampleSlips() {
		cards = append(cards, s.Card())
	}
	var buf bytes.Buffer
	if err := WriteThankYouCards(&buf, demoShop(), cards); err != nil {
		t.Fatal(err)
	}
	pages := pdfText(t, buf.Bytes())
	if len(pages) != 3 {
		t.Fatalf("3 cards on %d pages", len(pages))
	}
	for i, who := range []string{"#1001, Zoë!", "#1002, Ελένη!", "#1003, Дмитрий!"} {
		text := flat(pages[i])
		want := "Thank you for your order " + who + " Every parcel from Linden & Loom is packed by hand"
		if !strings.Contains(text, want) {
			t.Errorf("card %d does not say %q:\n%s", i+1, want, text)
		}
	}
	if !bytes.Contains(buf.Bytes(), []byte("/MediaBox [0 0 419.53 297.64]")) {
		t.Error("the cards are not A6 landscape (148 × 105 mm)")
	}
}

func TestLongCardNoteShrinksToFit(t *testing.T) {
	shop := demoShop()
	shop.ThankYouTemplate = "Dear {first_name}, " + strings.Repeat("thank you for shopping with {shop_name}. ", 12) + "THE END"
	var buf bytes.Buffer
	if err := WriteThankYouCards(&buf, shop, []ThankYouCard{{OrderNumber: "#7", FirstName: "Zoë"}}); err != nil {
		t.Fatal(err)
	}
	pages := pdfText(t, buf.Bytes())
	if len(pages) != 1 || !strings.Contains(flat(pages[0]), "THE END") {
		t.Errorf("a long note did not fit on one card:\n%s", strings.Join(pages, "\f"))
	}
}

func TestCardRefusesNoOrders(t *testing.T) {
	if err := WriteThankYouCards(&bytes.Buffer{}, demoShop(), nil); err == nil {
		t.Error("no cards to print gave no error")
	}
}
