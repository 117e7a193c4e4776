package cli

import (
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzParseReturnLine: any --line either parses into a SKU without surrounding spaces and
// the quantity written, or is refused with a message that quotes it; it never panics.
func FuzzParseReturnLine(f *testing.F) {
	for _, s := range []string{"MUG-1=2:defective", "Łódź-Ü=1:changed_mind", "=1:late", "MUG-1=x:late", "MUG-1:2", "A=B=1:c", " K =-3: lost ", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, spec string) {
		sku, qty, reason, err := parseReturnLine(spec)
		if err != nil {
			if !strings.Contains(err.Error(), "SKU=QTY:REASON") {
				t.Fatalf("%q refused without saying how to write it: %v", spec, err)
			}
			return
		}
		if sku == "" || sku != strings.TrimSpace(sku) || strings.Contains(sku, "=") {
			t.Fatalf("%q gave SKU %q", spec, sku)
		}
		if utf8.ValidString(spec) && (!strings.Contains(spec, sku) || !strings.Contains(spec, strconv.Itoa(max(qty, -qty)))) {
			t.Fatalf("%q gave SKU %q and quantity %d that it does not hold", spec, sku, qty)
		}
		if string(reason) != strings.TrimSpace(string(reason)) {
			t.Fatalf("%q gave reason %q with spaces", spec, reason)
		}
	})
}
