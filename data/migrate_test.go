package data

import (
	"path/filepath"
	"testing"

	"gorm.io/gorm"
)

// TestMigrateAddsSupplierTerms opens a shop written before suppliers had terms (schema 1,
// without the three columns) and finds its suppliers charging nothing after the upgrade.
func TestMigrateAddsSupplierTerms(t *testing.T) {
	path := filepath.Join(t.TempDir(), "old.db")
	old, err := open(path, migrations[:1])
	if err != nil {
		t.Fatal(err)
	}
	for _, col := range []string{"order_fee", "shipping_charge", "free_shipping_threshold"} {
		if err := old.Exec("ALTER TABLE suppliers DROP COLUMN " + col).Error; err != nil {
			t.Fatalf("make a schema-1 shop: %v", err)
		}
	}
	if err := old.Exec("INSERT INTO suppliers (name, status, quoted_lead_days) VALUES ('Łódź Parts', 'active', 4)").Error; err != nil {
		t.Fatal(err)
	}
	Close(old)
	db, err := Open(path)
	if err != nil {
		t.Fatalf("upgrade: %v", err)
	}
	defer Close(db)
	var s Supplier
	if err := db.First(&s, "name = ?", "Łódź Parts").Error; err != nil {
		t.Fatal(err)
	}
	if s.Terms != (SupplierTerms{}) || s.QuotedLeadDays != 4 {
		t.Errorf("after the upgrade the supplier reads %+v, lead %d; want no charges, lead 4", s.Terms, s.QuotedLeadDays)
	}
	s.Terms = SupplierTerms{OrderFee: 500, ShippingCharge: 700, FreeShippingThreshold: 10000}
	if err := db.Save(&s).Error; err != nil {
		t.Fatal(err)
	}
	var back Supplier
	db.First(&back, s.ID)
	if back.Terms != s.Terms {
		t.Errorf("terms read back %+v, want %+v", back.Terms, s.Terms)
	}
}

func TestShippingWaivedAtThreshold(t *testing.T) {
	terms := SupplierTerms{ShippingCharge: 700, FreeShippingThreshold: 10000}
	for _, c := range []struct {
		goods Money
		want  Money
	}{{9999, 700}, {10000, 0}, {25000, 0}, {0, 700}} {
		if got := terms.Shipping(c.goods); got != c.want {
			t.Errorf("shipping on goods %s = %s, want %s", c.goods, got, c.want)
		}
	}
	if got := (SupplierTerms{ShippingCharge: 700}).Shipping(1 << 40); got != 700 {
		t.Errorf("with no threshold shipping is %s, want 7.00 always", got)
	}
}

// TestMigrateKeepsOriginalAmounts opens a shop written before converted orders kept their
// own lines and charges (schema 3) and finds an old order readable, with its new amounts 0,
// and the new ones stored.
func TestMigrateKeepsOriginalAmounts(t *testing.T) {
	path := filepath.Join(t.TempDir(), "old.db")
	old, err := open(path, migrations[:3])
	if err != nil {
		t.Fatal(err)
	}
	drop := map[string][]string{"orders": {"original_subtotal", "original_discount", "original_shipping", "original_tax", "original_fees"},
		"order_lines": {"original_unit_price"}}
	for table, cols := range drop {
		for _, col := range cols {
			if err := old.Exec("ALTER TABLE " + table + " DROP COLUMN " + col).Error; err != nil {
				t.Fatalf("make a schema-3 shop: %v", err)
			}
		}
	}
	old.Exec("INSERT INTO orders (channel, number, placed_at, status, total, currency, original_total) VALUES ('shopify', '#1', '2026-03-01 10:00:00+00:00', 'new', 4048, 'USD', 4400)")
	old.Exec("INSERT INTO order_lines (order_id, sku, qty, unit_price, state) VALUES (1, 'MUG-1', 2, 1748, 'unpurchased')")
	Close(old)
	db, err := Open(path)
	if err != nil {
		t.Fatalf("upgrade: %v", err)
	}
	defer Close(db)
	var o Order
	if err := db.Preload("Lines").First(&o, "number = ?", "#1").Error; err != nil {
		t.Fatal(err)
	}
	if len(o.Lines) != 1 || o.OriginalTotal != 4400 || o.OriginalShipping != 0 || o.Lines[0].OriginalUnitPrice != 0 {
		t.Fatalf("after the upgrade: %d lines, original total %s shipping %s", len(o.Lines), o.OriginalTotal, o.OriginalShipping)
	}
	o.OriginalShipping, o.Lines[0].OriginalUnitPrice = 600, 1900
	if err := db.Session(&gorm.Session{FullSaveAssociations: true}).Save(&o).Error; err != nil {
		t.Fatal(err)
	}
	var back Order
	db.Preload("Lines").First(&back, o.ID)
	if back.OriginalShipping != 600 || back.Lines[0].OriginalUnitPrice != 1900 {
		t.Errorf("read back shipping %s, line %s", back.OriginalShipping, back.Lines[0].OriginalUnitPrice)
	}
}
