package reports

import (
	"slices"
	"strings"
	"unicode"
)

// scriptFonts names, for each script a shop's customers may write in, the font to install
// when no font on the computer covers it.
var scriptFonts = []scriptFont{
	{"Chinese", unicode.Han, "Droid Sans Fallback (Debian/Ubuntu: fonts-droid-fallback)"},
	{"Japanese", unicode.Hiragana, "Droid Sans Fallback (Debian/Ubuntu: fonts-droid-fallback)"},
	{"Japanese", unicode.Katakana, "Droid Sans Fallback (Debian/Ubuntu: fonts-droid-fallback)"},
	{"Arabic", unicode.Arabic, "Noto Sans Arabic (Debian/Ubuntu: fonts-noto-core)"},
	{"Hebrew", unicode.Hebrew, "Noto Sans Hebrew (Debian/Ubuntu: fonts-noto-core)"},
	{"Thai", unicode.Thai, "Noto Sans Thai (Debian/Ubuntu: fonts-noto-core)"},
	{"Korean", unicode.Hangul, "a Korean TrueType font such as Nanum Gothic (Debian/Ubuntu: fonts-nanum)"},
	{"Vietnamese and other accented", unicode.Latin, "Noto Sans (Debian/Ubuntu: fonts-noto-core)"},
}

// scriptFont is a script and the font that prints it.
type scriptFont struct {
	name    string
	table   *unicode.RangeTable
	install string
}

// MissingFonts says which scripts in texts no font on this computer can print and which
// font to install for each, or "" when every character prints. Such characters print as
// "?" (an emoji is left out), so the owner should hear it before the parcel leaves.
func MissingFonts(texts ...string) string {
	return systemFonts().missing(texts...)
}

func (l *fontLibrary) missing(texts ...string) string {
	var advice []string
	other := false
	for _, t := range texts {
		for _, r := range t {
			if r < 0x80 || printable(r) || unicode.IsControl(r) || unicode.Is(unicode.Cf, r) || unicode.Is(unicode.Variation_Selector, r) || l.fontFor(r) >= 0 {
				continue
			}
			i := slices.IndexFunc(scriptFonts, func(s scriptFont) bool { return unicode.Is(s.table, r) })
			if i < 0 {
				other = true
				continue
			}
			if a := scriptFonts[i].name + ": install " + scriptFonts[i].install; !slices.Contains(advice, a) {
				advice = append(advice, a)
			}
		}
	}
	if other {
		advice = append(advice, "symbols and emoji: install Symbola (Debian/Ubuntu: fonts-symbola) or Noto Sans Symbols")
	}
	if len(advice) == 0 {
		return ""
	}
	return "Some text could not be printed in its own letters and shows as \"?\" — " + strings.Join(advice, "; ") + ". Then print again."
}
