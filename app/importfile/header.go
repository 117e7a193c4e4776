package importfile

import (
	"strings"
	"unicode"
)

// Column is the index of the first header matching an alias, trying the aliases in the
// order given, or -1 if none does. Matching ignores case and every character that is not a
// letter or digit, so "Lineitem quantity", "lineitem_quantity" and "LINEITEM-QUANTITY" are
// the same column.
func (t *Table) Column(aliases ...string) int {
	for _, a := range aliases {
		want := normalize(a)
		for i, h := range t.Header {
			if normalize(h) == want && want != "" {
				return i
			}
		}
	}
	return -1
}

// HeaderName is the header of column i as the file spells it ("" for -1).
func (t *Table) HeaderName(i int) string {
	if i < 0 || i >= len(t.Header) {
		return ""
	}
	return t.Header[i]
}

// headerList is the file's headers for a message that says which columns were found.
func (t *Table) headerList() string {
	var names []string
	for _, h := range t.Header {
		if h != "" {
			names = append(names, h)
		}
	}
	const most = 30
	if len(names) > most {
		return strings.Join(names[:most], ", ") + ", …"
	}
	if len(names) == 0 {
		return "(none)"
	}
	return strings.Join(names, ", ")
}

// normalize lower-cases a header and keeps only its letters and digits.
func normalize(s string) string {
	var b strings.Builder
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(unicode.ToLower(r))
		}
	}
	return b.String()
}
