package reports

import (
	"bytes"
	"strings"
	"testing"
)

var papers = []Paper{PaperA4, PaperLetter, Paper4x6}

func TestPackingSlipsPrintEveryScriptOnePagePerOrder(t *testing.T) {
	for _, paper := range papers {
		t.Run(string(paper), func(t *testing.T) {
			pages := pdfText(t, render(t, paper, demoShop(), sampleSlips()))
			if len(pages) != 3 {
				t.Fatalf("3 orders printed on %d pages, want one page each", len(pages))
			}
			want := [][]string{
				{"Order #1001", "Zoë Łódź", "90-006 Łódź", "LL-NAP-SAGE-4", "€129.40",
					"Thank you for your order #1001, Zoë! Every parcel from Linden & Loom is packed by hand"},
				{"Order #1002", "Ελένη Παπαδοπούλου", "105 63 Αθήνα", "Thank you for your order #1002, Ελένη!"},
				{"Order #1003", "Дмитрий Иванов", "ООО «Лён»", "Thank you for your order #1003, Дмитрий!"},
			}
			for i, page := range pages {
				text := flat(page)
				for _, w := range want[i] {
					if !strings.Contains(text, w) {
						t.Errorf("page %d does not show %q:\n%s", i+1, w, page)
					}
				}
				for _, w := range []string{"RETURNS", "Not quite right? Send it back within 30 days", "Linden & Loom"} {
					if !strings.Contains(text, w) {
						t.Errorf("page %d lacks %q", i+1, w)
					}
				}
			}
		})
	}
}

func TestGiftSlipLeavesOutPrices(t *testing.T) {
	gift := sampleSlips()[2]
	plain := gift
	plain.Gift = false
	for _, paper := range papers {
		giftText := flat(strings.Join(pdfText(t, render(t, paper, demoShop(), []PackingSlip{gift})), " "))
		plainText := flat(strings.Join(pdfText(t, render(t, paper, demoShop(), []PackingSlip{plain})), " "))
		for _, price := range []string{"€34.00", "€32.00", "€80.00", "Total"} {
			if !strings.Contains(plainText, price) {
				t.Errorf("%s: the ordinary slip lacks %q, so the gift check proves nothing", paper, price)
			}
			if strings.Contains(giftText, price) {
				t.Errorf("%s: the gift slip shows %q", paper, price)
			}
		}
		if strings.Contains(giftText, "€") || strings.Contains(giftText, "PRICE") {
			t.Errorf("%s: the gift slip shows money:\n%s", paper, giftText)
		}
		for _, w := range []string{"GIFT SLIP", "GIFT MESSAGE", "Дорогая мама, с днём рождения!", "Market bag, natural"} {
			if !strings.Contains(giftText, w) {
				t.Errorf("%s: the gift slip lacks %q", paper, w)
			}
		}
	}
}

// TestEmojiAnywhereDoNotStopTheSlip: where no font on the computer has them, emoji are left
// out and the text around them closes up.
func TestEmojiAnywhereDoNotStopTheSlip(t *testing.T) {
	withoutSystemFonts(t)
	s := sampleSlips()[0]
	s.ShipTo.Name = "Zoë 🌸 Łódź"
	s.CustomerNote = "Please ring twice 🙏🏽🔔 thanks!! 👨‍👩‍👧 \U0001F600\U0010FFFF"
	s.GiftMessage = "Happy birthday 🎂❤️"
	s.Lines[0].Title = "Runner 🧵 natural"
	s.Lines[0].SKU = "RUN-🧵"
	shop := demoShop()
	shop.Name = "Linden & Loom 🌿"
	shop.ThankYouTemplate = "Danke {first_name} 💚 für {order_number}!"
	for _, paper := range papers {
		var buf bytes.Buffer
		if err := WritePackingSlips(&buf, paper, shop, []PackingSlip{s}); err != nil {
			t.Fatalf("%s: %v", paper, err)
		}
		text := flat(strings.Join(pdfText(t, buf.Bytes()), " "))
		for _, w := range []string{"Zoë Łódź", "Please ring twice thanks!!", "Happy birthday", "Runner natural", "Danke Zoë für #1001!"} {
			if !strings.Contains(text, w) {
				t.Errorf("%s: the slip lacks %q:\n%s", paper, w, text)
			}
		}
	}
}

func TestLongOrderContinuesWithTheOrderNumber(t *testing.T) {
	s := sampleSlips()[0]
	for i := 0; i < 40; i++ {
		l := s.Lines[i%3]
		l.SKU = "EXTRA-" + string(rune('A'+i%26)) + string(rune('A'+i/26))
		s.Lines = append(s.Lines, l)
	}
	next := sampleSlips()[1]
	for _, paper := range papers {
		pages := pdfText(t, render(t, paper, demoShop(), []PackingSlip{s, next}))
		if len(pages) < 3 {
			t.Fatalf("%s: 43 lines and a second order fit on %d pages", paper, len(pages))
		}
		all := flat(strings.Join(pages, " "))
		for i := 3; i < len(s.Lines); i++ {
			if !strings.Contains(all, s.Lines[i].SKU) {
				t.Errorf("%s: line %s is missing", paper, s.Lines[i].SKU)
			}
		}
		orderPages := len(pages) - 1
		for i, page := range pages[:orderPages] {
			text := flat(page)
			if !strings.Contains(text, "#1001") || !strings.Contains(text, pageOf(i+1, orderPages)) {
				t.Errorf("%s: page %d lacks the order number or %q", paper, i+1, pageOf(i+1, orderPages))
			}
			// The total closes the lines: it is on the page with the last line, and only there
			// (the thank-you note may still follow on a page of its own).
			hasLast := strings.Contains(text, s.Lines[len(s.Lines)-1].SKU)
			if hasTotal := strings.Contains(text, "€129.40"); hasTotal != hasLast {
				t.Errorf("%s: page %d of %d shows the total: %v, the last line: %v", paper, i+1, orderPages, hasTotal, hasLast)
			}
		}
		if last := flat(pages[len(pages)-1]); !strings.Contains(last, "Order #1002") || strings.Contains(last, "#1001") {
			t.Errorf("%s: the next order does not start on a page of its own", paper)
		}
	}
}

func TestHugeTextsStillFitOnePage(t *testing.T) {
	s := sampleSlips()[2]
	s.GiftMessage = strings.Repeat("С любовью и наилучшими пожеланиями. ", 300)
	s.CustomerNote = strings.Repeat("x", 5000)
	s.Lines[0].Title = strings.Repeat("Very long title ", 100)
	s.ShipTo.Address1 = strings.Repeat("Long street name ", 30)
	// A label has room for less: the clipped blocks may push the thank-you note over.
	most := map[Paper]int{PaperA4: 1, PaperLetter: 1, Paper4x6: 2}
	for _, paper := range papers {
		pages := pdfText(t, render(t, paper, demoShop(), []PackingSlip{s}))
		if len(pages) > most[paper] {
			t.Errorf("%s: an order with long texts took %d pages", paper, len(pages))
		}
		if !strings.Contains(pages[0], "…") {
			t.Errorf("%s: the cut texts do not end in …", paper)
		}
	}
}

func TestLogoAndFontsAreEmbeddedOnce(t *testing.T) {
	withoutSystemFonts(t)
	one := render(t, PaperA4, demoShop(), sampleSlips()[:1])
	var many []PackingSlip
	for i := 0; i < 60; i++ {
		many = append(many, sampleSlips()[i%3])
	}
	sixty := render(t, PaperA4, demoShop(), many)
	for _, marker := range []string{"/Subtype /Image", "/FontFile2"} {
		a, b := bytes.Count(one, []byte(marker)), bytes.Count(sixty, []byte(marker))
		if a == 0 || a != b {
			t.Errorf("%s appears %d times for 1 slip and %d for 60", marker, a, b)
		}
	}
	if n := bytes.Count(sixty, []byte("/FontFile2")); n != 4 {
		t.Errorf("%d fonts embedded, want the 4 Go faces used", n)
	}
	if len(sixty) > 12*len(one) {
		t.Errorf("60 slips take %d bytes, one takes %d: something is embedded per page", len(sixty), len(one))
	}
}

func TestWithoutLogoTheNameLeads(t *testing.T) {
	withoutSystemFonts(t)
	shop := demoShop()
	shop.Logo = nil
	pdf := render(t, PaperA4, shop, sampleSlips()[:1])
	if bytes.Contains(pdf, []byte("/Subtype /Image")) {
		t.Error("a shop without a logo got an image")
	}
	for _, line := range strings.Split(pdfText(t, pdf)[0], "\n") {
		if strings.Contains(line, "Order #1001") {
			if !strings.HasPrefix(strings.TrimSpace(line), "Linden & Loom") {
				t.Errorf("the shop's name does not stand beside the order number: %q", line)
			}
			return
		}
	}
	t.Error("no order number on the page")
}

func TestSlipRefusals(t *testing.T) {
	shop := demoShop()
	badAccent := shop
	badAccent.Accent = "green"
	tests := []struct {
		name  string
		paper Paper
		shop  Shop
		slips []PackingSlip
		want  string
	}{
		{"no orders", PaperA4, shop, nil, "no orders"},
		{"unknown paper", "a5", shop, sampleSlips(), "use a4, letter or 4x6"},
		{"bad accent", PaperA4, badAccent, sampleSlips(), "#2F6F62"},
	}
	for _, tt := range tests {
		var buf bytes.Buffer
		err := WritePackingSlips(&buf, tt.paper, tt.shop, tt.slips)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: error %v, want one saying %q", tt.name, err, tt.want)
		}
		if buf.Len() != 0 {
			t.Errorf("%s: %d bytes written despite the error", tt.name, buf.Len())
		}
	}
}

func TestCityLineFollowsTheCountry(t *testing.T) {
	tests := []struct {
		a    Address
		want string
	}{
		{Address{City: "Leipzig", Zip: "04229", Country: "Germany"}, "04229 Leipzig"},
		{Address{City: "Springfield", Province: "IL", Zip: "62704", Country: "US"}, "Springfield, IL 62704"},
		{Address{City: "Toronto", Province: "ON", Zip: "M5V 2T6", Country: "Canada"}, "Toronto, ON M5V 2T6"},
		{Address{City: "London", Zip: "SW1A 1AA", Country: "United Kingdom"}, "London SW1A 1AA"},
		{Address{City: "Roma", Province: "RM", Zip: "00184", Country: "IT"}, "00184 Roma RM"},
	}
	for _, tt := range tests {
		if got := cityLine(tt.a); got != tt.want {
			t.Errorf("cityLine(%+v) = %q, want %q", tt.a, got, tt.want)
		}
	}
}

func TestSampleSlipPreviews(t *testing.T) {
	text := flat(pdfText(t, render(t, PaperA4, demoShop(), []PackingSlip{SampleSlip("3 March 2025", euro)}))[0])
	for _, w := range []string{"Order #1001", "3 March 2025", "Zoë Łódź", "€39.00", "€68.90", "Thank you for your order #1001, Zoë!"} {
		if !strings.Contains(text, w) {
			t.Errorf("the preview lacks %q", w)
		}
	}
}
