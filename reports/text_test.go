package reports

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestPersonalise(t *testing.T) {
	tests := []struct {
		name, template, first, want string
	}{
		{"all three", "Thank you for order {order_number}, {first_name}! — {shop_name}", "Zoë",
			"Thank you for order #1001, Zoë! — Linden & Loom"},
		{"twice", "{first_name}, {first_name}!", "Ελένη", "Ελένη, Ελένη!"},
		{"any case", "Hi {First_Name}", "Дмитрий", "Hi Дмитрий"},
		{"unknown braces stay", "Use code {CODE} or {} or {first_name", "Zoë", "Use code {CODE} or {} or {first_name"},
		{"nested braces", "{{first_name}}", "Zoë", "{Zoë}"},
		{"no placeholders", "Thanks for shopping with us.", "Zoë", "Thanks for shopping with us."},
		{"empty name drops the comma", "Thank you, {first_name}!", "", "Thank you!"},
		{"empty name drops the space", "Dear {first_name}, enjoy.", " ", "Dear, enjoy."},
		{"values are not expanded again", "Hi {first_name}", "{shop_name}", "Hi {shop_name}"},
		{"empty template", "", "Zoë", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Personalise(tt.template, tt.first, "#1001", "Linden & Loom"); got != tt.want {
				t.Errorf("Personalise(%q, %q) = %q, want %q", tt.template, tt.first, got, tt.want)
			}
		})
	}
}

func TestFirstName(t *testing.T) {
	for full, want := range map[string]string{
		"Zoë Łódź": "Zoë", "Ελένη Παπαδοπούλου": "Ελένη", "  Дмитрий   Иванов ": "Дмитрий", "": "", "Cher": "Cher",
	} {
		if got := FirstName(full); got != want {
			t.Errorf("FirstName(%q) = %q, want %q", full, got, want)
		}
	}
}

// TestCleanText is what prints on a computer without fonts for other scripts.
func TestCleanText(t *testing.T) {
	withoutSystemFonts(t)
	tests := []struct {
		name, in, want string
	}{
		{"three scripts pass", "Zoë Łódź, Ελένη, Дмитрий — €12.50 «ok»", "Zoë Łódź, Ελένη, Дмитрий — €12.50 «ok»"},
		{"emoji dropped, gap closed", "Thanks 🎉 so much ❤️!", "Thanks so much !"},
		{"flag and family emoji", "Hello 🇩🇪 👨‍👩‍👧", "Hello"},
		{"accent typed as a mark is composed", "Zoe\u0308", "Zoë"},
		{"letter the fonts lack keeps the accents they have", "Nguyễn Văn Ǹ", "Nguyên Văn N"},
		{"script the fonts lack prints question marks", "王芳", "??"},
		{"line breaks and tabs", "a\r\nb\rc\td", "a\nb\nc d"},
		{"controls and invisible marks go", "a\x00b\u200bc\ufeff", "abc"},
		{"invalid UTF-8 is marked", "ab\xffc", "ab\uFFFDc"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := cleanText(tt.in); got != tt.want {
				t.Errorf("cleanText(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

// FuzzCleanText checks that whatever a customer types comes out as text gofpdf can print
// (valid UTF-8, nothing above U+FFFF, only characters the fonts have) and that cleaning
// twice changes nothing, on a computer with no fonts but the Go fonts.
func FuzzCleanText(f *testing.F) {
	for _, s := range []string{"Zoë Łódź", "Ελένη 🎂", "Дмитрий\r\n\t", "\xff\xfe", "a\u0308\u0301", "👨‍👩‍👧 🇩🇪", "王芳"} {
		f.Add(s)
	}
	withoutSystemFonts(f)
	f.Fuzz(func(t *testing.T, s string) {
		out := cleanText(s)
		if !utf8.ValidString(out) {
			t.Fatalf("cleanText(%q) = %q is not valid UTF-8", s, out)
		}
		for _, r := range out {
			if r != '\n' && !printable(r) {
				t.Fatalf("cleanText(%q) kept %U, which the fonts cannot draw", s, r)
			}
		}
		if again := cleanText(out); again != out {
			t.Fatalf("cleaning twice changed %q to %q", out, again)
		}
		if line := cleanLine(s); strings.Contains(line, "\n") {
			t.Fatalf("cleanLine(%q) = %q has a line break", s, line)
		}
	})
}

// FuzzPersonalise checks that filling a template never loses the text around the
// placeholders and never leaves a known placeholder behind.
func FuzzPersonalise(f *testing.F) {
	f.Add("Thank you {first_name} for {order_number} from {shop_name}", "Zoë", "#1001", "Linden & Loom")
	f.Add("{{first_name}}{", "", "#1", "")
	f.Add("{FIRST_NAME}, {x}", "Дмитрий", "", "🎉")
	f.Fuzz(func(t *testing.T, template, first, number, shop string) {
		out := Personalise(template, first, number, shop)
		if !strings.Contains(template, "{") && out != template {
			t.Fatalf("a template without placeholders changed: %q → %q", template, out)
		}
		// With every value given (nothing to drop) and free of braces, no placeholder
		// can survive or be formed.
		given := strings.TrimSpace(first) != "" && strings.TrimSpace(number) != "" && strings.TrimSpace(shop) != ""
		if given && !strings.ContainsAny(first+number+shop, "{}") {
			lower := strings.ToLower(out)
			for _, p := range []string{PlaceholderFirstName, PlaceholderOrderNumber, PlaceholderShopName} {
				if strings.Contains(lower, p) {
					t.Fatalf("Personalise(%q) = %q still holds %s", template, out, p)
				}
			}
		}
	})
}
