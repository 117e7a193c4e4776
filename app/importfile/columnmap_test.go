package importfile_test

import (
	"strings"
	"testing"
	"time"

	"clockwork/app/importfile"
)

// A marketplace export Clockwork has no layout for, read through a map.
const mappedFile = "Ref;When;Who;Article;Variant;How many;Each;Cur\n" +
	"A-77;2026-04-01 10:00;Mia Roth;SOCK-1;Size: M;2;4,50;EUR\n" +
	"A-77;2026-04-01 10:00;Mia Roth;HAT-2;;1;12,00;EUR\n" +
	"A-78;2026-04-02 11:30;Li Wei;SOCK-1;;1;4,50;EUR\n"

func TestColumnMapReadsAnyLayout(t *testing.T) {
	m, err := importfile.ParseColumnMap(`order_number=Ref, placed_at=When,customer_name=Who,sku=Article,variant=Variant,qty="How many",unit_price=Each,currency=Cur`)
	if err != nil {
		t.Fatal(err)
	}
	if again, err := importfile.ParseColumnMap(m.String()); err != nil || again.String() != m.String() {
		t.Errorf("map %q read back as %q (%v)", m.String(), again.String(), err)
	}
	orders, probs := importfile.ParseOrdersMapped(readString(t, mappedFile), m, time.UTC)
	if len(probs) > 0 || len(orders) != 2 {
		t.Fatalf("%d orders, problems %v", len(orders), probs)
	}
	o := orders[0]
	if o.Number != "A-77" || o.Customer != "Mia Roth" || len(o.Lines) != 2 || o.Subtotal != 2100 || o.Currency != "EUR" {
		t.Errorf("order %s %q, %d lines, subtotal %s, currency %q", o.Number, o.Customer, len(o.Lines), o.Subtotal, o.Currency)
	}
	if o.Lines[0].Title != "Size: M" || o.Lines[0].SKU != "SOCK-1" || o.Lines[0].Qty != 2 || o.Lines[0].UnitPrice != 450 {
		t.Errorf("first line %+v", o.Lines[0])
	}
}

func TestColumnMapThatDoesNotFit(t *testing.T) {
	tab := readString(t, mappedFile)
	cases := []struct{ text, column, says string }{
		{`order_number=Ref,placed_at=When,sku=Article,qty=Quantity,unit_price=Each`, "Quantity", "does not have"},
		{`order_number=Ref,placed_at=When,sku=Article,qty=Ref,unit_price=Each`, "Ref", "both"},
		{`order_number=Ref,placed_at=When,sku=Article,unit_price=Each`, "", "needs a column for qty"},
		{`order_number=Ref,placed_at=When,sku=Article,qty="How many"`, "", "unit_price or line_total"},
	}
	for _, c := range cases {
		m, err := importfile.ParseColumnMap(c.text)
		if err != nil {
			t.Fatalf("%s: %v", c.text, err)
		}
		orders, probs := importfile.ParseOrdersMapped(tab, m, time.UTC)
		if len(orders) != 0 || len(probs) == 0 {
			t.Fatalf("%s: %d orders, problems %v", c.text, len(orders), probs)
		}
		p := probs[0]
		if p.Line != 1 || p.Column != c.column || !strings.Contains(p.Message, c.says) {
			t.Errorf("%s: problem %+v, want line 1, column %q, saying %q", c.text, p, c.column, c.says)
		}
	}
	for _, bad := range []string{"", "order_number", "colour=Red", `title="Item`} {
		if _, err := importfile.ParseColumnMap(bad); err == nil {
			t.Errorf("map %q read without error", bad)
		}
	}
}

func TestHeaderKeyIgnoresSpellingNotOrder(t *testing.T) {
	a := importfile.HeaderKey([]string{"Order ID", "SKU"})
	if a != importfile.HeaderKey([]string{"order_id", " sku"}) || a == importfile.HeaderKey([]string{"SKU", "Order ID"}) {
		t.Errorf("header keys do not tell shapes apart: %q", a)
	}
}
