package cli_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"clockwork/app/apptest"
	"clockwork/app/cli"
)

const genericOrders = "order_number,placed_at,customer_name,email,sku,title,qty,unit_price,ship_name,ship_address1,ship_address2,ship_city,ship_province,ship_zip,ship_country,ship_phone,note\n" +
	"G-1,2026-03-01 10:00,Zoë Łódź,zoe@example.com,MUG-1,Mug,2,14.90,Zoë Łódź,Main St 1,,Leipzig,,04229,DE,,\"Gift, wrap it\"\n" +
	"G-1,2026-03-01 10:00,Zoë Łódź,zoe@example.com,BOWL-2,Bowl,1,20.00,Zoë Łódź,Main St 1,,Leipzig,,04229,DE,,\n" +
	"G-2,2026-03-02 11:00,Ana Díaz,ana@example.com,MUG-1,Mug,1,14.90,Ana Díaz,Calle 2,,Madrid,,28001,ES,,\n"

func writeFile(t *testing.T, name, text string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, []byte(text), 0o600); err != nil {
		t.Fatal(err)
	}
	return p
}

// ordersJSON runs `orders --json` and decodes it.
func ordersJSON(t *testing.T, db string, args ...string) []map[string]any {
	t.Helper()
	code, out, stderr := run(t, db, append([]string{"orders", "--json"}, args...)...)
	if code != 0 {
		t.Fatalf("orders --json: exit %d %s", code, stderr)
	}
	var orders []map[string]any
	if err := json.Unmarshal([]byte(out), &orders); err != nil {
		t.Fatalf("orders --json is not JSON: %v\n%s", err, out)
	}
	return orders
}

func TestImportOrdersCommand(t *testing.T) {
	db := newShop(t)
	file := writeFile(t, "orders.csv", genericOrders)
	code, out, stderr := run(t, db, "import", "orders", file)
	if code != 0 || strings.TrimSpace(out) != "2 orders imported, 3 lines with unknown SKUs (BOWL-2, MUG-1)" {
		t.Fatalf("import: exit %d %q %q", code, out, stderr)
	}
	code, out, _ = run(t, db, "import", "orders", "--format", "generic", file)
	if code != 0 || strings.TrimSpace(out) != "0 orders imported, 2 already there" {
		t.Errorf("re-import: exit %d %q", code, out)
	}
	orders := ordersJSON(t, db)
	if len(orders) != 2 {
		t.Fatalf("%d orders, want 2", len(orders))
	}
	g1 := orders[0]
	lines := g1["lines"].([]any)
	if g1["number"] != "G-1" || g1["customer"] != "Zoë Łódź" || g1["channel"] != "generic" || g1["ship_by"] != "2026-03-02" ||
		g1["at_risk"] != false || g1["total_cents"] != float64(4980) || g1["note"] != "Gift, wrap it" || len(lines) != 2 {
		t.Errorf("G-1 as JSON: %v", g1)
	}
	if l := lines[1].(map[string]any); l["sku"] != "BOWL-2" || l["qty"] != float64(1) || l["unit_price_cents"] != float64(2000) || l["state"] != "unpurchased" {
		t.Errorf("G-1's second line: %v", l)
	}
	if ship := g1["ship_to"].(map[string]any); ship["zip"] != "04229" || ship["city"] != "Leipzig" {
		t.Errorf("ship to %v", ship)
	}
	if got := ordersJSON(t, db, "--status", "cancelled"); len(got) != 0 {
		t.Errorf("%d cancelled orders, want none", len(got))
	}
	code, out, _ = run(t, db, "orders")
	if code != 0 || !strings.Contains(out, "SHIP BY") || !strings.Contains(out, "Ana Díaz") || !strings.Contains(out, "2026-03-03") {
		t.Errorf("orders table: %s", out)
	}
}

func TestImportOrdersFixture(t *testing.T) {
	db := newShop(t)
	fixture := apptest.Fixture(t, "woocommerce-orders-webtoffee-sample.csv")
	if code, _, stderr := run(t, db, "shop", "--currency", "USD"); code != 0 { // the sample's orders are in USD
		t.Fatalf("shop --currency: exit %d %q", code, stderr)
	}
	// 1001 is completed: WooCommerce shipped it, nothing is left to buy. 1002 is on hold.
	want := "2 orders imported (1 held until paid), 1 skipped as fulfilled in the shop"
	if code, out, stderr := run(t, db, "import", "orders", fixture, "--format", "woocommerce"); code != 0 || !strings.HasPrefix(out, want) {
		t.Fatalf("exit %d %q %q", code, out, stderr)
	}
	orders := ordersJSON(t, db)
	if len(orders) != 2 || orders[1]["number"] != "1003" || len(orders[1]["lines"].([]any)) != 3 || orders[1]["total_cents"] != float64(5898) {
		t.Errorf("orders: %v", orders)
	}
}

func TestImportOrdersBadInput(t *testing.T) {
	db := newShop(t)
	bad := writeFile(t, "bad.csv", genericOrders+
		"G-3,2026-02-31 10:00,Bo,bo@example.com,MUG-1,Mug,1,14.90,Bo,St 3,,Berlin,,10115,DE,,\n"+
		"G-4,2026-03-01 10:00,Cy,cy@example.com,MUG-1,Mug,-1,14.90,Cy,St 4,,Berlin,,10115,DE,,\n")
	code, out, stderr := run(t, db, "import", "orders", bad)
	if code != cli.ExitBadInput || out != "" {
		t.Fatalf("exit %d stdout %q, want 3 and nothing", code, out)
	}
	for _, want := range []string{"bad.csv:5: placed_at:", "bad.csv:6: qty:", "2 problems; nothing was written"} {
		if !strings.Contains(stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, stderr)
		}
	}
	if n := len(ordersJSON(t, db)); n != 0 {
		t.Errorf("%d orders written from a bad file", n)
	}
	if code, out, _ := run(t, db, "import", "orders", writeFile(t, "ok.csv", genericOrders), "--dry-run"); code != 0 || !strings.Contains(out, "nothing was written") {
		t.Errorf("dry run: exit %d %q", code, out)
	}
	if n := len(ordersJSON(t, db)); n != 0 {
		t.Errorf("a dry run wrote %d orders", n)
	}
	for _, args := range [][]string{{"import"}, {"import", "orders"}, {"import", "recipes", bad}, {"import", "orders", bad, "--format", "magento"}} {
		if code, _, stderr := run(t, db, args...); code != cli.ExitUsage {
			t.Errorf("%v: exit %d %q, want 2", args, code, stderr)
		}
	}
	if code, _, stderr := run(t, db, "import", "orders", filepath.Join(t.TempDir(), "missing.csv")); code != cli.ExitBadInput || !strings.Contains(stderr, "missing.csv") {
		t.Errorf("missing file: exit %d %q", code, stderr)
	}
}
