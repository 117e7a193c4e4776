package reports

import (
	"bytes"
	"strings"
	"testing"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// scriptCustomer is a customer who writes in one script: a name, an address line, a note.
type scriptCustomer struct {
	script, name, address, city, note string
}

var scriptCustomers = []scriptCustomer{
	{"Chinese", "王伟", "建国路88号", "北京市", "请放在门口，谢谢"},
	{"Japanese", "山田花子", "神南1-2-3 メゾン渋谷", "東京都", "ありがとうございます"},
	{"Arabic", "محمد الأحمد", "شارع الملك فهد", "الرياض", "شكرا لكم"},
	{"Hebrew", "דוד כהן", "רחוב הרצל 12", "תל אביב", "תודה רבה"},
	{"Vietnamese", "Nguyễn Thị Minh Khai", "Phường Bến Nghé", "Thành phố Hồ Chí Minh", "Cảm ơn nhiều"},
	{"Thai", "สมชาย ใจดี", "ถนนสุขุมวิท", "กรุงเทพมหานคร", "ขอบคุณครับ"},
}

// scriptSlips is a slip for each customer, the lines titled in their script too.
func scriptSlips() []PackingSlip {
	var slips []PackingSlip
	for i, c := range scriptCustomers {
		s := sampleSlips()[0]
		s.OrderNumber = "#" + string(rune('1'+i)) + "001"
		s.ShipTo = Address{Name: c.name, Address1: c.address, City: c.city, Zip: "10110", Country: c.script}
		s.CustomerNote = c.note + " 🎁"
		s.Lines = s.Lines[:1]
		s.Lines[0].Title = c.note
		slips = append(slips, s)
	}
	return slips
}

// readable folds what pdftotext gives back and what was typed to one form: presentation
// forms to letters, the direction marks pdftotext adds and spaces dropped (Chinese and
// Japanese lines have none to keep).
func readable(s string) string {
	s = strings.Map(func(r rune) rune {
		if unicode.Is(unicode.Bidi_Control, r) {
			return -1
		}
		return r
	}, norm.NFKC.String(s))
	return strings.Join(strings.Fields(s), "")
}

func TestEveryScriptPrints(t *testing.T) {
	if advice := MissingFonts("王ア", "م", "ד", "ก", "ễ"); advice != "" {
		t.Fatalf("this computer lacks fonts the test needs (.ci/deps installs them): %s", advice)
	}
	for _, paper := range []Paper{PaperA4, Paper4x6} {
		pages := pdfText(t, render(t, paper, demoShop(), scriptSlips()))
		if len(pages) != len(scriptCustomers) {
			t.Fatalf("%s: %d pages for %d slips", paper, len(pages), len(scriptCustomers))
		}
		for i, c := range scriptCustomers {
			got := readable(pages[i])
			for _, want := range []string{c.name, c.address, c.city, c.note} {
				// pdftotext gives right-to-left lines back in reading order, but may put a
				// number before the words it follows; each word must be there, whole.
				for _, word := range strings.Fields(want) {
					if !strings.Contains(got, readable(word)) {
						t.Errorf("%s on %s: %q of %q is missing from\n%s", c.script, paper, word, want, pages[i])
					}
				}
			}
		}
	}
}

func TestEmojiPrintAsPicturesThatReadAsText(t *testing.T) {
	if systemFonts().fontFor('🎁') < 0 {
		t.Skip("no font on this computer has emoji (make test installs fonts-symbola)")
	}
	s := sampleSlips()[0]
	s.CustomerNote = "Für Oma 🎁 — danke"
	text := readable(strings.Join(pdfText(t, render(t, Paper4x6, demoShop(), []PackingSlip{s})), " "))
	if !strings.Contains(text, readable("Für Oma 🎁 — danke")) {
		t.Errorf("the note with an emoji reads back as %s", text)
	}
}

func TestBorrowedFontsAreEmbeddedOnce(t *testing.T) {
	one := render(t, PaperA4, demoShop(), scriptSlips())
	var many []PackingSlip
	for i := 0; i < 10; i++ {
		many = append(many, scriptSlips()...)
	}
	sixty := render(t, PaperA4, demoShop(), many)
	for _, marker := range []string{"/Subtype /Image", "/FontFile2"} {
		if a, b := bytes.Count(one, []byte(marker)), bytes.Count(sixty, []byte(marker)); a != b {
			t.Errorf("%s appears %d times for 6 slips and %d for 60", marker, a, b)
		}
	}
}

func TestMissingFontsSayWhatToInstall(t *testing.T) {
	none := newFontLibrary(nil)
	got := none.missing("สมชาย ใจดี", "王伟", "Zoë", "🎁")
	for _, want := range []string{"Thai: install Noto Sans Thai (Debian/Ubuntu: fonts-noto-core)", "Chinese: install Droid Sans Fallback", "emoji: install Symbola"} {
		if !strings.Contains(got, want) {
			t.Errorf("advice %q lacks %q", got, want)
		}
	}
	if got := none.missing("Zoë Łódź", "Ελένη", "Дмитрий"); got != "" {
		t.Errorf("the Go fonts print these, yet the advice is %q", got)
	}
	withoutSystemFonts(t)
	if got := cleanLine("สมชาย"); got != "?????" {
		t.Errorf("Thai without a Thai font prints %q, want question marks the advice explains", got)
	}
}

func TestEveryScriptOnCardsAndPurchaseOrders(t *testing.T) {
	var cards []ThankYouCard
	for i, c := range scriptCustomers {
		cards = append(cards, ThankYouCard{OrderNumber: "#" + string(rune('1'+i)) + "001", FirstName: strings.Fields(c.name)[0]})
	}
	var buf bytes.Buffer
	if err := WriteThankYouCards(&buf, demoShop(), cards); err != nil {
		t.Fatal(err)
	}
	pages := pdfText(t, buf.Bytes())
	for i, c := range cards {
		if i >= len(pages) || !strings.Contains(readable(pages[i]), readable(c.FirstName)) {
			t.Errorf("card %d lacks %q", i, c.FirstName)
		}
	}
	po := samplePO()
	po.Supplier = Supplier{Name: "王伟贸易有限公司", ContactPerson: "محمد الأحمد", Address: "רחוב הרצל 12\nถนนสุขุมวิท", Email: "orders@example.cn"}
	po.Lines[0].Title = "Khăn trải bàn lanh — ありがとう"
	po.Notes = "Giao hàng trước thứ Sáu 🙏"
	buf.Reset()
	if err := WritePurchaseOrder(&buf, PaperA4, demoShop(), po); err != nil {
		t.Fatal(err)
	}
	text := readable(strings.Join(pdfText(t, buf.Bytes()), " "))
	for _, want := range []string{"王伟贸易有限公司", "محمد", "الأحمد", "רחוב", "הרצל", "ถนนสุขุมวิท", "Khăn trải bàn lanh", "ありがとう", "Giao hàng trước thứ Sáu 🙏"} {
		if !strings.Contains(text, readable(want)) {
			t.Errorf("the PO lacks %q:\n%s", want, text)
		}
	}
}
