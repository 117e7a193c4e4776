package reports

import (
	"strings"
	"sync"
	"unicode"

	"golang.org/x/image/font/gofont/goregular"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/text/unicode/norm"
)

// Placeholders a thank-you template may use; Personalise fills them in.
const (
	PlaceholderFirstName   = "{first_name}"
	PlaceholderOrderNumber = "{order_number}"
	PlaceholderShopName    = "{shop_name}"
)

// Personalise fills {first_name}, {order_number} and {shop_name} into a thank-you template.
// Any other text in braces is left exactly as typed, and the values are inserted as they are
// (a customer called "{shop_name}" is not expanded again). When firstName is empty the
// placeholder and the space or ", " before it are dropped, so "Thanks, {first_name}!" reads
// "Thanks!" rather than "Thanks, !".
func Personalise(template, firstName, orderNumber, shopName string) string {
	values := map[string]string{
		PlaceholderFirstName:   strings.TrimSpace(firstName),
		PlaceholderOrderNumber: strings.TrimSpace(orderNumber),
		PlaceholderShopName:    strings.TrimSpace(shopName),
	}
	var b strings.Builder
	rest := template
	for {
		open := strings.IndexByte(rest, '{')
		if open < 0 {
			b.WriteString(rest)
			return b.String()
		}
		end := strings.IndexByte(rest[open:], '}')
		if end < 0 {
			b.WriteString(rest)
			return b.String()
		}
		key := rest[open : open+end+1]
		value, known := values[strings.ToLower(key)]
		if !known {
			// Keep the brace and look for a placeholder starting after it, so
			// "{{first_name}}" still fills the inner one.
			b.WriteString(rest[:open+1])
			rest = rest[open+1:]
			continue
		}
		before := rest[:open]
		if value == "" {
			before = trimDanglingSeparator(before)
		}
		b.WriteString(before)
		b.WriteString(value)
		rest = rest[open+end+1:]
	}
}

// trimDanglingSeparator drops the ", " or " " that led into a placeholder left empty.
func trimDanglingSeparator(s string) string {
	t := strings.TrimRight(s, " ")
	t = strings.TrimSuffix(t, ",")
	if t == s {
		return s
	}
	return t
}

// FirstName is the first word of a full name, the way a thank-you note greets the customer
// ("Ελένη Παπαδοπούλου" → "Ελένη").
func FirstName(fullName string) string {
	fields := strings.Fields(fullName)
	if len(fields) == 0 {
		return ""
	}
	return fields[0]
}

// cleanText makes text safe to print: invalid UTF-8 becomes "�", accents typed as separate
// marks are composed ("Zoe\u0308" → "Zoë"), line breaks become "\n", tabs become spaces,
// other control characters go, and Arabic letters take their joined forms. A character is
// kept when the Go fonts or a font on the computer draws it (see fonts.go; emoji print as
// pictures). Otherwise symbols and emoji are dropped, a letter keeps what the fonts have of
// it (see fallback), and anything else prints as "?" — MissingFonts tells the owner which
// font to install.
func cleanText(s string) string {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = norm.NFC.String(strings.ToValidUTF8(s, "\uFFFD"))
	var b strings.Builder
	b.Grow(len(s))
	dropped := false
	for _, r := range s {
		switch {
		case r == '\n' || r == '\r' || r == '\u2028' || r == '\u2029':
			b.WriteByte('\n')
		case r == '\t' || r == '\u00A0':
			b.WriteByte(' ')
		case unicode.IsControl(r) || unicode.Is(unicode.Cf, r):
			// Zero-width joiners and marks, BOMs, direction marks: nothing to print.
		case covered(r):
			b.WriteRune(r)
		case unicode.Is(unicode.Mn, r) || unicode.Is(unicode.Me, r) || r > 0xFFFF || isSymbol(r):
			dropped = true
		default:
			b.WriteString(fallback(r))
		}
	}
	out := shapeArabic(b.String())
	if dropped {
		out = tidySpaces(out)
	}
	return out
}

// cleanLine is cleanText for a field printed on one line (a name, a SKU): line breaks
// become spaces and surrounding space is trimmed.
func cleanLine(s string) string {
	return strings.TrimSpace(strings.Join(strings.Fields(cleanText(s)), " "))
}

func isSymbol(r rune) bool {
	return unicode.IsSymbol(r) || unicode.Is(unicode.Variation_Selector, r) || unicode.Is(unicode.Co, r)
}

// fallback prints a letter the fonts lack with as many of its accents as they have
// ("ễ" → "ê", "ǹ" → "n"), or "?".
func fallback(r rune) string {
	parts := []rune(norm.NFD.String(string(r)))
	for k := len(parts); k > 0; k-- {
		c := norm.NFC.String(string(parts[:k]))
		if allPrintable(c) {
			return c
		}
	}
	return "?"
}

func allPrintable(s string) bool {
	for _, r := range s {
		if !covered(r) {
			return false
		}
	}
	return true
}

// tidySpaces closes the gaps a dropped emoji leaves ("Thanks 🎉 !" → "Thanks !"), line by
// line, keeping the line breaks the customer typed.
func tidySpaces(s string) string {
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		lines[i] = strings.Join(strings.Fields(l), " ")
	}
	return strings.Join(lines, "\n")
}

// glyphs marks which runes of the Basic Multilingual Plane the Go fonts can draw. All the
// Go text faces share one character set, so the regular face stands for them all.
var glyphs = sync.OnceValue(func() []uint64 {
	set := make([]uint64, 0x10000/64)
	f, err := sfnt.Parse(goregular.TTF)
	if err != nil {
		return set
	}
	var buf sfnt.Buffer
	for r := rune(0x20); r < 0x10000; r++ {
		if g, err := f.GlyphIndex(&buf, r); err == nil && g != 0 {
			set[r/64] |= 1 << (r % 64)
		}
	}
	return set
})

// printable reports whether the Go fonts draw r.
func printable(r rune) bool {
	if r < 0x20 || r > 0xFFFF {
		return false
	}
	return glyphs()[r/64]&(1<<(r%64)) != 0
}
