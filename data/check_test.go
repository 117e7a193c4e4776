package data

import (
	"strings"
	"testing"
)

// TestShopProblemsOnServer finds nothing wrong with a new shop on the server, then finds each
// thing a careless copy or hand-made change leaves behind: a second shop row, an id sequence
// behind the ids in use, a foreign key dropped or never validated.
func TestShopProblemsOnServer(t *testing.T) {
	db, err := Open(serverLocation(t))
	if err != nil {
		t.Fatal(err)
	}
	defer Close(db)
	fillEveryTable(t, db)
	if problems, err := ShopProblems(db); err != nil || len(problems) > 0 {
		t.Fatalf("a sound shop: %v %v", problems, err)
	}
	for _, q := range []string{
		"SELECT setval(pg_get_serial_sequence('suppliers', 'id'), 1, false)",
		"ALTER TABLE order_lines DROP CONSTRAINT fk_order_lines_product",
		"ALTER TABLE po_lines DROP CONSTRAINT fk_po_lines_offer",
		"ALTER TABLE po_lines ADD CONSTRAINT fk_po_lines_offer FOREIGN KEY (offer_id) REFERENCES offers(id) NOT VALID",
		"INSERT INTO shops (name) VALUES ('a second shop')",
	} {
		if err := db.Exec(q).Error; err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	problems, err := ShopProblems(db)
	if err != nil {
		t.Fatal(err)
	}
	all := strings.Join(problems, "\n")
	for _, want := range []string{
		"shops: 2 rows, want exactly one",
		"suppliers: the next new id would be 1, but ids up to 1 are in use",
		"order_lines: the foreign key fk_order_lines_product is missing",
		"po_lines: the foreign key fk_po_lines_offer is not validated",
	} {
		if !strings.Contains(all, want) {
			t.Errorf("problems lack %q:\n%s", want, all)
		}
	}
	if len(problems) != 4 {
		t.Errorf("%d problems, want 4:\n%s", len(problems), all)
	}
}

// TestShopProblemsOnFile finds the shop's details missing in an SQLite shop too.
func TestShopProblemsOnFile(t *testing.T) {
	db, _ := openTemp(t)
	if problems, err := ShopProblems(db); err != nil || len(problems) > 0 {
		t.Fatalf("a new shop: %v %v", problems, err)
	}
	if err := db.Exec("DELETE FROM shops").Error; err != nil {
		t.Fatal(err)
	}
	if problems, _ := ShopProblems(db); len(problems) != 1 || !strings.Contains(problems[0], "shops: 0 rows") {
		t.Errorf("a shop without its details: %v", problems)
	}
}
