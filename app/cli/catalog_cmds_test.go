package cli_test

import (
	"clockwork/app/apptest"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"clockwork/app/cli"
)

// productDoc runs `product show SKU --json`.
func productDoc(t *testing.T, db, sku string) string {
	t.Helper()
	code, out, stderr := run(t, db, "product", "show", sku, "--json")
	if code != cli.ExitOK {
		t.Fatalf("product show %s: exit %d %s", sku, code, stderr)
	}
	return out
}

func catalogShop(t *testing.T) string {
	t.Helper()
	db := apptest.Location(t, filepath.Join(t.TempDir(), "shop.db"))
	for _, args := range [][]string{
		{"init"},
		{"supplier", "add", "Acme", "--status", "active", "--lead-days", "2"},
		{"supplier", "add", "Birch & Co", "--status", "vetted", "--lead-days", "5"},
		{"product", "add", "MUG-1", "--title", "Enamel mug", "--price", "14.90"},
		{"offer", "add", "MUG-1", "--supplier", "acme", "--cost", "4.20", "--supplier-sku", "A-1", "--available", "40"},
		{"offer", "add", "MUG-1", "--supplier", "Birch & Co", "--cost", "3.90", "--pack", "6"},
	} {
		if code, _, stderr := run(t, db, args...); code != cli.ExitOK {
			t.Fatalf("%v: exit %d %s", args, code, stderr)
		}
	}
	return db
}

func TestProductsAndOffersByCommands(t *testing.T) {
	db := catalogShop(t)
	for _, args := range [][]string{
		{"product", "edit", "MUG-1", "--trial", "yes", "--trial-start", "2026-11-01", "--price", "15.50"},
		{"offer", "prefer", "MUG-1", "--supplier", "Birch & Co"},
		{"offer", "edit", "MUG-1", "--supplier", "Acme", "--cost", "4.40", "--lead-days", "3"},
		{"offer", "retire", "MUG-1", "--supplier", "Acme"},
	} {
		if code, _, stderr := run(t, db, args...); code != cli.ExitOK {
			t.Fatalf("%v: exit %d %s", args, code, stderr)
		}
	}
	var p struct {
		PriceCents int    `json:"price_cents"`
		Trial      bool   `json:"trial"`
		TrialStart string `json:"trial_start"`
		Offers     []struct {
			Supplier string `json:"supplier"`
			Cost     int    `json:"unit_cost_cents"`
			Lead     int    `json:"lead_days"`
			Pack     int    `json:"pack_size"`
			Priority int    `json:"priority"`
			Active   bool   `json:"active"`
		} `json:"offers"`
	}
	if err := json.Unmarshal([]byte(productDoc(t, db, "MUG-1")), &p); err != nil {
		t.Fatal(err)
	}
	if p.PriceCents != 1550 || !p.Trial || p.TrialStart != "2026-11-01" || len(p.Offers) != 2 {
		t.Fatalf("product: %+v", p)
	}
	if o := p.Offers[0]; o.Supplier != "Birch & Co" || o.Priority != 1 || !o.Active || o.Pack != 6 {
		t.Errorf("the preferred offer: %+v", o)
	}
	if o := p.Offers[1]; o.Supplier != "Acme" || o.Active || o.Cost != 440 || o.Lead != 3 {
		t.Errorf("the retired offer: %+v", o)
	}
	if _, out, _ := run(t, db, "products", "--show", "trial", "--json"); !strings.Contains(out, `"sku": "MUG-1"`) || !strings.Contains(out, `"best_cost_cents": 390`) {
		t.Errorf("products --show trial --json:\n%s", out)
	}
	if code, _, _ := run(t, db, "product", "edit", "MUG-1", "--trial", "no"); code != cli.ExitOK || strings.Contains(productDoc(t, db, "MUG-1"), `"trial": true`) {
		t.Error("the trial did not end")
	}
	if _, out, _ := run(t, db, "products", "--show", "trial", "--json"); strings.TrimSpace(out) != "[]" {
		t.Errorf("a product off trial is still listed as on trial:\n%s", out)
	}
}

func TestCatalogBadInputWritesNothing(t *testing.T) {
	db := catalogShop(t)
	before := productDoc(t, db, "MUG-1")
	for _, tc := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{"product", "add", "MUG-1", "--title", "Again"}, cli.ExitBadInput, "already exists"},
		{[]string{"product", "add", "BOWL-1"}, cli.ExitBadInput, "title"},
		{[]string{"product", "edit", "MUG-1", "--price", "cheap"}, cli.ExitBadInput, "--price"},
		{[]string{"product", "edit", "MUG-1", "--price", "-3"}, cli.ExitBadInput, "price"},
		{[]string{"product", "edit", "MUG-1", "--trial", "maybe"}, cli.ExitBadInput, "--trial"},
		{[]string{"product", "edit", "MUG-1", "--trial-start", "last week"}, cli.ExitBadInput, "trial start"},
		{[]string{"product", "edit", "NOPE-1", "--price", "1"}, cli.ExitBadInput, "no product has SKU"},
		{[]string{"offer", "add", "MUG-1", "--supplier", "Nobody", "--cost", "1"}, cli.ExitBadInput, "no supplier is named"},
		{[]string{"offer", "add", "MUG-1", "--supplier", "Acme", "--cost", "1", "--pack", "0", "--supplier-sku", "A-2"}, cli.ExitBadInput, "pack size"},
		{[]string{"offer", "add", "MUG-1", "--supplier", "Acme", "--cost", "1", "--supplier-sku", "A-1"}, cli.ExitBadInput, "already has an offer"},
		{[]string{"offer", "edit", "MUG-1", "--supplier", "Acme", "--lead-days", "999"}, cli.ExitBadInput, "lead days"},
		{[]string{"offer", "edit", "MUG-1", "--supplier", "Acme", "--valid-from", "2026-12-01", "--valid-to", "2026-11-01"}, cli.ExitBadInput, "valid to"},
		{[]string{"offer", "edit", "MUG-1", "--supplier", "Acme", "--available", "-1"}, cli.ExitBadInput, "available"},
		{[]string{"offer", "retire", "MUG-1", "--supplier", "Zed"}, cli.ExitBadInput, "has no offer from"},
		{[]string{"offer", "add", "MUG-1", "--supplier", "Acme"}, cli.ExitUsage, "--cost"},
		{[]string{"offer", "retire", "MUG-1", "--supplier", "Acme", "--cost", "1"}, cli.ExitUsage, "does not go with offer retire"},
	} {
		code, _, stderr := run(t, db, tc.args...)
		if code != tc.code || !strings.Contains(stderr, tc.want) {
			t.Errorf("%v: exit %d, stderr %q; want %d naming %q", tc.args, code, stderr, tc.code, tc.want)
		}
	}
	if after := productDoc(t, db, "MUG-1"); after != before {
		t.Errorf("bad input changed the product:\n%s\nwas\n%s", after, before)
	}
	if code, _, _ := run(t, db, "product", "show", "BOWL-1"); code != cli.ExitBadInput {
		t.Error("a refused product add stored BOWL-1")
	}
}

func TestManualOrderMapAndCancel(t *testing.T) {
	db := catalogShop(t)
	code, out, stderr := run(t, db, "order", "add", "--customer", "Zoë Łódź", "--email", "zoe@example.com", "--address1", "Karl-Liebknecht-Str. 9",
		"--city", "Leipzig", "--zip", "04107", "--country", "DE", "--line", "MUG-1=2@14.90", "--line", "MUG-OLD=1@12:Old mug: blue", "--at", "2026-11-20")
	if code != cli.ExitOK || !strings.Contains(out, "order M-0001 added: 2 lines") {
		t.Fatalf("order add: exit %d %q %q", code, out, stderr)
	}
	orders := ordersJSON(t, db)
	if len(orders) != 1 || orders[0]["placed_at"] != "2026-11-20T12:00:00Z" || orders[0]["total_cents"] != 4180.0 {
		t.Fatalf("orders: %v", orders)
	}
	if l := orders[0]["lines"].([]any)[1].(map[string]any); l["title"] != "Old mug: blue" || l["sku"] != "MUG-OLD" {
		t.Errorf("second line: %v", l)
	}
	code, out, stderr = run(t, db, "order", "map", "M-0001", "--sku", "MUG-OLD", "--to", "MUG-1")
	if code != cli.ExitOK || !strings.Contains(out, "1 order lines linked") {
		t.Fatalf("map: exit %d %q %q", code, out, stderr)
	}
	if code, _, stderr := run(t, db, "order", "map", "M-0001", "--sku", "MUG-OLD", "--to", "MUG-1"); code != cli.ExitBadInput || !strings.Contains(stderr, "no line with the unknown SKU") {
		t.Errorf("map again: exit %d %q", code, stderr)
	}
	if code, _, stderr := run(t, db, "order", "add", "--customer", "Ana", "--address1", "Calle 2", "--city", "Madrid", "--country", "ES",
		"--line", "VASE-7=1@30:Glass vase", "--at", "2026-11-21"); code != cli.ExitOK {
		t.Fatalf("second order: %d %s", code, stderr)
	}
	code, out, stderr = run(t, db, "order", "map", "M-0002", "--sku", "VASE-7", "--new")
	if code != cli.ExitOK || !strings.Contains(out, "product VASE-7 added") {
		t.Fatalf("map --new: exit %d %q %q", code, out, stderr)
	}
	if doc := productDoc(t, db, "VASE-7"); !strings.Contains(doc, `"title": "Glass vase"`) || !strings.Contains(doc, `"price_cents": 3000`) {
		t.Errorf("the product made from the line:\n%s", doc)
	}
	run(t, db, "order", "cancel", "M-0002")
	for _, args := range [][]string{
		{"order", "add", "--customer", "X", "--address1", "A", "--city", "C", "--country", "DE", "--line", "MUG-1=0"},
		{"order", "add", "--customer", "X", "--address1", "A", "--city", "C", "--country", "DE", "--line", "MUG-1=two"},
		{"order", "add", "--customer", "X", "--address1", "A", "--city", "C", "--country", "DE", "--line", "MUG-1"},
		{"order", "add", "--customer", "X", "--address1", "A", "--city", "C", "--line", "MUG-1=1"},
		{"order", "add", "--customer", "X", "--address1", "A", "--city", "C", "--country", "DE", "--email", "zoe at home", "--line", "MUG-1=1"},
		{"order", "map", "M-0001", "--sku", "MUG-1", "--to", "NOPE"},
	} {
		if code, _, stderr := run(t, db, args...); code != cli.ExitBadInput {
			t.Errorf("%v: exit %d %q", args, code, stderr)
		}
	}
	if n := len(ordersJSON(t, db)); n != 2 {
		t.Errorf("bad orders were stored: %d orders", n)
	}
	code, out, _ = run(t, db, "order", "cancel", "M-0001")
	if code != cli.ExitOK || ordersJSON(t, db)[0]["status"] != "cancelled" || ordersJSON(t, db)[0]["number"] != "M-0001" {
		t.Errorf("cancel: exit %d %q", code, out)
	}
	if code, _, stderr := run(t, db, "order", "cancel", "M-0001"); code == cli.ExitOK {
		t.Errorf("cancelled twice: %q", stderr)
	}
}

func TestRestoreCommand(t *testing.T) {
	db := catalogShop(t)
	backup := filepath.Join(t.TempDir(), "before.db")
	if code, _, stderr := run(t, db, "backup", "--out", backup); code != cli.ExitOK {
		t.Fatalf("backup: %s", stderr)
	}
	run(t, db, "product", "add", "BOWL-1", "--title", "Bowl")
	code, out, stderr := run(t, db, "restore", backup)
	if code != cli.ExitOK || !strings.Contains(out, "before-restore-") {
		t.Fatalf("restore: exit %d %q %q", code, out, stderr)
	}
	if code, _, _ := run(t, db, "product", "show", "BOWL-1"); code != cli.ExitBadInput {
		t.Error("the restore kept a product added after the backup")
	}
	_, out, _ = run(t, db, "restore", "--list")
	if !strings.Contains(out, "before-restore-") {
		t.Errorf("restore --list:\n%s", out)
	}
	notes := writeFile(t, "notes.txt", "not a shop")
	if code, _, stderr := run(t, db, "restore", notes); code != cli.ExitBadInput || !strings.Contains(stderr, "not a Clockwork backup") {
		t.Errorf("restore of a text file: exit %d %q", code, stderr)
	}
	productDoc(t, db, "MUG-1")
}
