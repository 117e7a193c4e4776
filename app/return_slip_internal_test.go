package app

import (
	"testing"

	"clockwork/data"
)

func TestParcelLinesOfAReplacement(t *testing.T) {
	shipped := data.OrderLine{SKU: "MUG-1", State: data.LineShipped}
	repl := data.OrderLine{SKU: "MUG-1", State: data.LineReceived}
	if got := parcelLines([]data.OrderLine{shipped, repl}); len(got) != 1 || got[0].State != data.LineReceived {
		t.Errorf("a replacement parcel lists %+v, want only the replacement", got)
	}
	if got := parcelLines([]data.OrderLine{shipped, shipped}); len(got) != 2 {
		t.Errorf("a reprint of a shipped order lists %d lines, want both", len(got))
	}
}
