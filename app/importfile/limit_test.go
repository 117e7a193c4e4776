package importfile

import (
	"errors"
	"strings"
	"testing"

	"clockwork/data"
)

func TestReadRefusesFileOverLimit(t *testing.T) {
	text := "sku,title\n" + strings.Repeat("A,b\n", 100)
	_, err := readLimited(strings.NewReader(text), "huge.csv", 64)
	if !errors.Is(err, ErrTooLarge) || !strings.Contains(err.Error(), "huge.csv is larger than 64 bytes") {
		t.Fatalf("error %v, want the size named", err)
	}
	if _, err := readLimited(strings.NewReader(text), "fits.csv", int64(len(text))); err != nil {
		t.Fatalf("a file exactly at the limit: %v", err)
	}
}

// FuzzPlainAmount checks the fast path for plain amounts agrees with data.ParseMoney.
func FuzzPlainAmount(f *testing.F) {
	for _, s := range []string{"0", "12", "12.5", "12.50", "0585", "1.234", "1,5", ".5", "5.", "999999999999999.99"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		fast, ok := plainAmount(s)
		if !ok {
			return
		}
		slow, err := data.ParseMoney(s)
		if err != nil || slow != fast {
			t.Fatalf("%q: fast %d, ParseMoney %d (%v)", s, fast, slow, err)
		}
	})
}

// FuzzParseCount checks whole numbers read back as they are written.
func FuzzParseCount(f *testing.F) {
	for _, s := range []string{"12", "1,000", "1'000", "12.00", "-3", "2.5", "0012", "1.000.000"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		n, err := parseCount(s)
		if err == nil && (n > 999_999_999 || n < -999_999_999) {
			t.Fatalf("%q read as %d", s, n)
		}
	})
}
