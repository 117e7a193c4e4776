package cli

import (
	"strings"
	"testing"

	"clockwork/data"
)

// FuzzParseOrderLine: any --line SKU=QTY[@PRICE][:TITLE] either parses into a SKU and title
// without surrounding spaces, a quantity and a price, or is refused naming --line and how to
// write it; it never panics.
func FuzzParseOrderLine(f *testing.F) {
	for _, s := range []string{"MUG-1=2@14.90", "MUG-1=2", "Łódź=1@3:Vase: blue", "=1", "MUG-1", "A=x", "A=1@free", "A=1@-3:T", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, spec string) {
		var bad inputs
		l := parseOrderLine(&bad, spec)
		if len(bad) > 0 {
			for _, p := range bad {
				if !strings.HasPrefix(p.Field, "--line") && p.Field != "--line" {
					t.Fatalf("%q refused naming %q, not --line", spec, p.Field)
				}
			}
			return
		}
		if l.SKU != strings.TrimSpace(l.SKU) || l.Title != strings.TrimSpace(l.Title) || strings.Contains(l.SKU, "=") {
			t.Fatalf("%q gave SKU %q, title %q", spec, l.SKU, l.Title)
		}
		if !strings.Contains(spec, "@") && l.UnitPrice != data.Money(0) {
			t.Fatalf("%q has no price but gave %s", spec, l.UnitPrice)
		}
	})
}
