package importfile

import (
	"errors"
	"strings"
	"testing"
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
