package cli_test

import (
	"encoding/json"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"

	"clockwork/app/apptest"
	"clockwork/app/cli"
)

const priceList = "sku,supplier_sku,title,unit_cost,lead_time_days,min_order_qty,pack_size,available_qty,price\n" +
	"MUG-1,NL-100,\"Enamel Mug, sage\",4.20,3,1,6,40,14.90\n" +
	"BOWL-2,NL-200,Stoneware Bowl,7.00,,,,,22.00\n"

func TestImportCatalogCommand(t *testing.T) {
	db := newShop(t)
	file := writeFile(t, "nordlicht.csv", priceList)

	code, out, stderr := run(t, db, "import", "catalog", file, "--supplier", "Nordlicht", "--dry-run")
	if code != 0 || !strings.Contains(out, "MUG-1") || !strings.Contains(out, "nothing was written") {
		t.Fatalf("dry run: exit %d\n%s%s", code, out, stderr)
	}
	if _, out, _ := run(t, db, "suppliers"); strings.Contains(out, "Nordlicht") {
		t.Fatal("the dry run created the supplier")
	}
	code, out, stderr = run(t, db, "import", "catalog", "--supplier", "Nordlicht", file)
	if code != 0 || !strings.Contains(out, "2 new products") {
		t.Fatalf("import: exit %d %q %q", code, out, stderr)
	}
	code, out, _ = run(t, db, "suppliers")
	if code != 0 || !strings.Contains(out, "Nordlicht") || !strings.Contains(out, "prospect") || !strings.Contains(out, "0/8") {
		t.Errorf("suppliers after the import:\n%s", out)
	}
}

func TestImportCatalogCommandRefusesBadFiles(t *testing.T) {
	db := newShop(t)
	bad := writeFile(t, "bad.csv", "sku,title,unit_cost,pack_size\nA-1,Lamp,x,1\nB-2,Shade,3.00,0\nC-3,Bulb,1.00,1\n")
	code, out, stderr := run(t, db, "import", "catalog", bad, "--supplier", "Lumen")
	if code != cli.ExitBadInput {
		t.Fatalf("exit %d, want 3; %s%s", code, out, stderr)
	}
	for _, want := range []string{bad + ":2: unit_cost: ", bad + ":3: pack_size: ", "2 problems; nothing was written"} {
		if !strings.Contains(stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, stderr)
		}
	}
	if _, out, _ := run(t, db, "suppliers", "--json"); strings.TrimSpace(out) != "[]" {
		t.Errorf("a refused import wrote: %s", out)
	}
	code, out, stderr = run(t, db, "import", "catalog", bad, "--supplier", "Lumen", "--skip-invalid")
	if code != 0 || !strings.Contains(out, "1 new products") || !strings.Contains(stderr, "skipped") {
		t.Errorf("--skip-invalid: exit %d %q %q", code, out, stderr)
	}
	products := apptest.Fixture(t, "shopify-products-export-packt.csv")
	if code, _, stderr := run(t, db, "import", "catalog", products, "--supplier", "Packt"); code != cli.ExitBadInput || !strings.Contains(stderr, "Shopify products export") {
		t.Errorf("Shopify products export: exit %d %q", code, stderr)
	}
}

func TestImportUsage(t *testing.T) {
	db := newShop(t)
	file := writeFile(t, "p.csv", priceList)
	for _, args := range [][]string{
		{"import"}, {"import", "pictures", file}, {"import", "catalog", file}, {"import", "catalog", "--supplier", "X"},
		{"import", "catalog", file, file, "--supplier", "X"},
	} {
		if code, _, stderr := run(t, db, args...); code != cli.ExitUsage || !strings.Contains(stderr, "usage: clockwork import") {
			t.Errorf("%v: exit %d %q, want 2 with usage", args, code, stderr)
		}
	}
	if code, _, stderr := run(t, db, "import", "catalog", filepath.Join(t.TempDir(), "missing.csv"), "--supplier", "X"); code != cli.ExitFailed || !strings.Contains(stderr, "missing.csv") {
		t.Errorf("missing file: exit %d %q, want 1 naming the file", code, stderr)
	}
}

func TestSuppliersJSON(t *testing.T) {
	db := newShop(t)
	if code, _, stderr := run(t, db, "import", "catalog", writeFile(t, "p.csv", priceList), "--supplier", "Nordlicht"); code != 0 {
		t.Fatal(stderr)
	}
	code, out, stderr := run(t, db, "suppliers", "--json")
	if code != 0 {
		t.Fatal(stderr)
	}
	var list []map[string]any
	if err := json.Unmarshal([]byte(out), &list); err != nil || len(list) != 1 {
		t.Fatalf("suppliers --json: %v\n%s", err, out)
	}
	var keys []string
	for k := range list[0] {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	want := []string{"contact_person", "email", "last_contact_at", "name", "offers", "phone", "quoted_lead_days", "standing", "status", "vetting_total", "vetting_yes", "website"}
	if !reflect.DeepEqual(keys, want) {
		t.Errorf("keys %v, want %v", keys, want)
	}
	if s := list[0]; s["name"] != "Nordlicht" || s["offers"] != 2.0 || s["vetting_total"] != 8.0 || s["status"] != "prospect" || s["standing"] != "insufficient_data" {
		t.Errorf("supplier %v", s)
	}
	if code, _, stderr := run(t, db, "suppliers", "--status", "friendly"); code != cli.ExitBadInput || !strings.Contains(stderr, "friendly") {
		t.Errorf("unknown status: exit %d %q", code, stderr)
	}
}

func TestImportCatalogCommandWithAColumnMap(t *testing.T) {
	db := newShop(t)
	list := "Code;Kurztext;Netto EUR;Menge frei;Karton\nK-1;Gartenschere;7,80;12;24\nK-2;Gießkanne;4,10;-1;6\n"
	file := writeFile(t, "garten.csv", list)
	code, _, stderr := run(t, db, "import", "catalog", file, "--supplier", "Gartenhof")
	if code != cli.ExitBadInput || !strings.Contains(stderr, "map the file's columns") {
		t.Fatalf("an unknown layout without a map: exit %d\n%s", code, stderr)
	}
	code, out, stderr := run(t, db, "import", "catalog", file, "--supplier", "Gartenhof",
		"--map", `sku=Code,title=Kurztext,unit_cost="Netto EUR",available_qty=Menge frei,carton_qty=Karton`)
	if code != 0 || !strings.Contains(out, "2 new products") || !strings.Contains(stderr, "garten.csv:3: Menge frei: stock -1 read as 0") {
		t.Fatalf("with --map: exit %d %q %q", code, out, stderr)
	}
	next := writeFile(t, "garten-2.csv", strings.Replace(list, "7,80", "8,20", 1))
	code, out, stderr = run(t, db, "import", "catalog", next, "--supplier", "Gartenhof")
	if code != 0 || !strings.Contains(out, "1 updated (1 cost changes)") {
		t.Errorf("the same layout again, through the saved map: exit %d %q %q", code, out, stderr)
	}
}
