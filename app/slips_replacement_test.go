package app_test

import (
	"bytes"
	"strings"
	"testing"

	"clockwork/app"
	"clockwork/data"
)

// The parcel that carries a replacement says so on its slip, lists the replacement only and
// shows none of the original order's prices or totals; the original's reprint still does.
func TestReplacementParcelSlipSaysWhatItIs(t *testing.T) {
	f := newReturnsShop(t)
	o := f.shippedOrder("#1039", f.shippedAt, f.mug, f.towel)
	f.must(f.db.Model(&data.Order{}).Where("id = ?", o.ID).Updates(map[string]any{"subtotal": 5400, "total": 5890, "shipping": 490}).Error)
	r := f.openReturn(o, data.ReasonDefective, map[int]int{0: 2})
	f.decide(r, data.DispositionReplace)
	f.receiveAndClose(r)

	var buf bytes.Buffer
	f.must(f.a.WritePackingSlips(&buf, []uint{o.ID}, app.SlipOptions{Paper: "a4"}))
	text := pdfText(t, buf.Bytes())
	if !strings.Contains(text, "Replacement for order #1039 — no charge") {
		t.Errorf("the slip does not say it is a replacement:\n%s", text)
	}
	if !strings.Contains(text, "MUG-1") || strings.Contains(text, "TOW-1") {
		t.Errorf("want the replaced mugs only, not the towel already delivered:\n%s", text)
	}
	for _, never := range []string{"Subtotal", "Total", "58.90", "54.00", "€"} {
		if strings.Contains(text, never) {
			t.Errorf("the replacement slip shows %q from the original order:\n%s", never, text)
		}
	}

	// Once the replacement has shipped, a reprint is the whole order's ordinary slip again.
	f.must(f.db.Model(&data.OrderLine{}).Where("order_id = ?", o.ID).Update("state", data.LineShipped).Error)
	buf.Reset()
	f.must(f.a.WritePackingSlips(&buf, []uint{o.ID}, app.SlipOptions{Paper: "a4"}))
	text = pdfText(t, buf.Bytes())
	if strings.Contains(text, "Replacement") || !strings.Contains(text, "Total") || !strings.Contains(text, "TOW-1") {
		t.Errorf("the reprint of the whole order:\n%s", text)
	}
}
