package cli_test

import (
	"encoding/json"
	"strings"
	"testing"
)

func TestImportOrdersMapSkipInvalidAndJSON(t *testing.T) {
	db := newShop(t)
	market := writeFile(t, "market.csv", "Ref;When;Article;How many;Each;Cur\n"+
		"A-1;2026-04-01 10:00;MUG-1;2;4.50;EUR\n"+
		"A-2;2026-04-01 11:00;MUG-1;many;4.50;EUR\n"+
		"A-3;2026-04-01 12:00;MUG-1;1;4.50;USD\n")
	code, _, stderr := run(t, db, "import", "orders", market)
	if code != 3 || !strings.Contains(stderr, "market.csv:1") || !strings.Contains(stderr, "--map") {
		t.Fatalf("an unknown layout: exit %d %q", code, stderr)
	}
	code, _, stderr = run(t, db, "import", "orders", market, "--map", "order_number=Ref,placed_at=When,sku=Article,qty=Qty,unit_price=Each")
	if code != 3 || !strings.Contains(stderr, `market.csv:1: Qty: the map gives qty the column "Qty"`) {
		t.Fatalf("a map naming a missing column: exit %d %q", code, stderr)
	}
	mapArg := `order_number=Ref,placed_at=When,sku=Article,qty="How many",unit_price=Each,currency=Cur`
	code, _, stderr = run(t, db, "import", "orders", market, "--map", mapArg)
	if code != 3 || !strings.Contains(stderr, `market.csv:3: How many: "many" is not a whole number`) ||
		!strings.Contains(stderr, "market.csv:4: Cur: order A-3 is in USD but the shop's currency is EUR") {
		t.Fatalf("bad rows: exit %d %q", code, stderr)
	}
	code, out, stderr := run(t, db, "import", "orders", market, "--map", mapArg, "--skip-invalid", "--json")
	var res struct {
		Format   string   `json:"format"`
		Imported int      `json:"imported"`
		Problems []string `json:"problems"`
	}
	if code != 0 || json.Unmarshal([]byte(out), &res) != nil || res.Format != "mapped" || res.Imported != 1 || len(res.Problems) != 2 {
		t.Fatalf("--skip-invalid --json: exit %d %q %q", code, out, stderr)
	}
	// The map is remembered for files with this header; a USD rate lets A-3 in.
	code, out, stderr = run(t, db, "shop", "--rate", "USD=0.9234", "--json")
	if code != 0 || !strings.Contains(out, `"USD": "0.9234"`) {
		t.Fatalf("shop --rate: exit %d %q %q", code, out, stderr)
	}
	code, out, stderr = run(t, db, "import", "orders", market, "--skip-invalid")
	if code != 0 || !strings.HasPrefix(out, "1 order imported (1 converted from another currency), 1 already there") {
		t.Errorf("next import with the saved map: exit %d %q %q", code, out, stderr)
	}
	if code, _, stderr = run(t, db, "shop", "--rate", "USD=abc"); code != 3 || !strings.Contains(stderr, "0.9234") {
		t.Errorf("a bad rate: exit %d %q", code, stderr)
	}
}

func TestOrderReleaseCommand(t *testing.T) {
	db := newShop(t)
	file := writeFile(t, "orders.csv", "order_number,placed_at,status,sku,qty,unit_price\n"+
		"H-1,2026-04-01 10:00,on-hold,MUG-1,1,4.50\n"+
		"P-1,2026-04-01 11:00,processing,MUG-1,1,4.50\n")
	code, out, _ := run(t, db, "import", "orders", file)
	if code != 0 || !strings.HasPrefix(out, "2 orders imported (1 held until paid)") {
		t.Fatalf("import: exit %d %q", code, out)
	}
	if held := heldOrders(t, db); held != "H-1" {
		t.Errorf("orders --json says held: %q, want H-1", held)
	}
	if code, _, stderr := run(t, db, "order", "release", "P-1"); code != 3 || !strings.Contains(stderr, "not held") {
		t.Errorf("releasing an order not held: exit %d %q", code, stderr)
	}
	if code, out, stderr := run(t, db, "order", "release", "H-1"); code != 0 || !strings.Contains(out, "Order H-1 released") {
		t.Errorf("release: exit %d %q %q", code, out, stderr)
	}
	if held := heldOrders(t, db); held != "" {
		t.Errorf("after the release orders --json says held: %q", held)
	}
	if code, _, _ := run(t, db, "order", "ship", "H-1"); code != 2 {
		t.Errorf("an unknown order action: exit %d", code)
	}
}

// heldOrders lists the numbers `orders --json` marks held, joined by commas.
func heldOrders(t *testing.T, db string) string {
	t.Helper()
	code, out, stderr := run(t, db, "orders", "--json")
	if code != 0 {
		t.Fatalf("orders --json: exit %d %s", code, stderr)
	}
	var orders []struct {
		Number string `json:"number"`
		Held   bool   `json:"held"`
	}
	if err := json.Unmarshal([]byte(out), &orders); err != nil {
		t.Fatalf("orders --json: %v", err)
	}
	var held []string
	for _, o := range orders {
		if o.Held {
			held = append(held, o.Number)
		}
	}
	return strings.Join(held, ",")
}
