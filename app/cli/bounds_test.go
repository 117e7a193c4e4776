package cli_test

import (
	"crypto/sha256"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"clockwork/app/cli"
	"clockwork/data"
)

// TestBadInputWritesNothing: every out-of-bounds input of issue 19 is refused with exit 3
// and a message stating the limit, and the shop's data is exactly as before.
func TestBadInputWritesNothing(t *testing.T) {
	db := sentPOShop(t)
	long := strings.Repeat("x", 100_000)
	tomorrow := time.Now().AddDate(0, 0, 1).Format("2006-01-02")
	catalog := filepath.Join(t.TempDir(), "prices.csv")
	os.WriteFile(catalog, []byte("sku,supplier_sku,title,unit_cost\n"+long+",S1,Mug,4.50\n"), 0o600)
	orders := filepath.Join(t.TempDir(), "orders.csv")
	os.WriteFile(orders, []byte("order_number,placed_at,customer_name,email,sku,title,qty,unit_price\n"+
		"#2001,2026-03-01,Ada,ada@example.com,BET-100,Bet,4006381333931,12.00\n"+
		"#2002,2026-03-01,"+long+",bob@example.com,BET-100,Bet,1,12.00\n"), 0o600)
	for _, c := range []struct {
		name string
		args []string
		want string
	}{
		{"quantity of int64's maximum", []string{"receive", "PO-000001", "--line", "BET-100=9223372036854775807"}, "at most 100000"},
		{"a barcode scanned as a quantity", []string{"receive", "PO-000001", "--line", "BET-100=4006381333931"}, "barcode"},
		{"rejected units beyond bounds", []string{"receive", "PO-000001", "--line", "BET-100=1/4006381333931:damaged"}, "at most 100000"},
		{"a receipt far beyond what was ordered", []string{"receive", "PO-000001", "--line", "BET-100=500"}, "--force"},
		{"a receipt dated in the future", []string{"receive", "PO-000001", "--all", "--at", tomorrow}, "in the future"},
		{"a receipt in year 1", []string{"receive", "PO-000001", "--all", "--at", "0001-01-01"}, "ten years back"},
		{"an answer in year 1", []string{"po", "ack", "PO-000001", "--at", "0001-01-01"}, "ten years back"},
		{"an expected day in 9999", []string{"po", "ack", "PO-000001", "--expected", "9999-12-31"}, "a year ahead"},
		{"a tracking number of 100,000 characters", []string{"po", "ack", "PO-000001", "--tracking", long}, "at most 100"},
		{"a parcel's tracking number of 100,000 characters", []string{"ship", "#1001", "--carrier", "DHL", "--tracking", long}, "at most 100"},
		{"a shop name of 100,000 characters", []string{"shop", "--name", long}, "at most 300"},
		{"a SKU of 100,000 characters in a price list", []string{"import", "catalog", catalog, "--supplier", "Acme"}, "at most 100"},
		{"orders with a barcode quantity and a huge name", []string{"import", "orders", orders}, "at most 300"},
	} {
		t.Run(c.name, func(t *testing.T) {
			before := shopDigest(t, db)
			code, stdout, stderr := run(t, db, c.args...)
			if code != cli.ExitBadInput || !strings.Contains(stderr, c.want) {
				t.Errorf("exit %d, stderr %.300q; want 3 saying %q", code, stderr, c.want)
			}
			if strings.Contains(stderr, long[:200]) || len(stdout) > 1000 {
				t.Errorf("the 100,000 characters were echoed back")
			}
			if after := shopDigest(t, db); after != before {
				t.Error("the shop's data changed")
			}
		})
	}
	// The same far-beyond receipt, confirmed, is taken.
	if code, stdout, stderr := run(t, db, "receive", "PO-000001", "--line", "BET-100=500", "--force"); code != 0 {
		t.Errorf("receive --force: exit %d %s %s", code, stdout, stderr)
	}
}

// shopDigest is a hash of every row of every table of the shop.
func shopDigest(t *testing.T, path string) string {
	t.Helper()
	gdb, err := data.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer data.Close(gdb)
	db, err := gdb.DB()
	if err != nil {
		t.Fatal(err)
	}
	tables, err := gdb.Migrator().GetTables()
	if err != nil {
		t.Fatal(err)
	}
	sort.Strings(tables)
	h := sha256.New()
	for _, table := range tables {
		rows, err := db.Query("SELECT * FROM " + table + " ORDER BY 1")
		if err != nil {
			t.Fatal(err)
		}
		cols, _ := rows.Columns()
		vals := make([]any, len(cols))
		ptrs := make([]any, len(cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		for rows.Next() {
			rows.Scan(ptrs...)
			fmt.Fprintf(h, "%s %v\n", table, vals)
		}
		rows.Close()
	}
	return fmt.Sprintf("%x", h.Sum(nil))
}

// TestReportsSurviveRowsBeyondBounds: a shop where an older Clockwork stored a receipt of
// int64's maximum (issue 19) still gets its scorecard, suppliers and purchase, and check
// names the rows.
func TestReportsSurviveRowsBeyondBounds(t *testing.T) {
	db := sentPOShop(t)
	raw, err := data.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	bet := data.Product{SKU: "BET-100", Title: "Bet"}
	if err := raw.Create(&bet).Error; err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{
		"INSERT INTO receipts (purchase_order_id, received_at, created_at, updated_at) VALUES (1, '2026-03-10 10:00:00', '2026-03-10', '2026-03-10')",
		"INSERT INTO receipt_lines (receipt_id, po_line_id, qty_accepted, qty_rejected) VALUES (1, 1, 9223372036854775807, 0), (1, 2, 9223372036854775807, 9223372036854775807)",
		"UPDATE po_lines SET qty_accepted = 9223372036854775807 WHERE id IN (1, 2)",
		"INSERT INTO leftovers (product_id, qty, source) SELECT min(id), 9223372036854775807, 'surplus' FROM products",
	} {
		if err := raw.Exec(q).Error; err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	data.Close(raw)
	for _, args := range [][]string{{"scorecard", "--json", "--from", "2026-01-01", "--to", "2026-04-01"}, {"suppliers", "--json"}, {"purchase", "--dry-run"}} {
		if code, _, stderr := run(t, db, args...); code != 0 || strings.Contains(stderr, "overflow") {
			t.Errorf("%v: exit %d %q", args, code, stderr)
		}
	}
	code, _, stderr := run(t, db, "check")
	if code != cli.ExitFailed || !strings.Contains(stderr, "receipt_lines: row 1") || !strings.Contains(stderr, "leftovers") {
		t.Errorf("check: exit %d %q; want the rows beyond bounds named", code, stderr)
	}
}
