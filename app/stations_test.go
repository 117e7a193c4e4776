package app_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"clockwork/app"
	"clockwork/app/apptest"
	"clockwork/data"
)

// stationProducts is how many products the shared shop sells, each from one of two suppliers.
const stationProducts = 12

func stationSKU(i int) string { return fmt.Sprintf("FELT-%02d", i) }

// TestStationsShareOneShop runs five Clockwork processes against one PostgreSQL shop, as five
// desks of one shop would: one imports orders, buys and sends the POs; two receive single
// units, often on the same PO line at the same moment; two ship the ready orders and take some
// back. Afterwards every count must reconcile: each receipt counted once on its PO line,
// nothing owed, every order shipped exactly once, each return closed, and check clean.
func TestStationsShareOneShop(t *testing.T) {
	if os.Getenv(apptest.ServerEnv) == "" {
		t.Skipf("needs a PostgreSQL server: set %s to a postgres:// URL whose role may create databases (make test does)", apptest.ServerEnv)
	}
	url := apptest.Location(t, "")
	stationShop(t, url)
	dir := t.TempDir()
	rounds := 40
	if testing.Short() {
		rounds = 8
	}
	start := func(role string, seed int) *exec.Cmd {
		cmd := exec.Command(os.Args[0], "-test.run=^$")
		cmd.Env = append(os.Environ(), stationRoleEnv+"="+role, stationShopEnv+"="+url, stationDirEnv+"="+dir,
			fmt.Sprintf("%s=%d", stationSeedEnv, seed), fmt.Sprintf("%s=%d", stationRounds, rounds))
		var out bytes.Buffer
		cmd.Stdout, cmd.Stderr = &out, &out
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() {
			if t.Failed() && out.Len() > 0 {
				t.Logf("%s %d said:\n%s", role, seed, out.String())
			}
		})
		return cmd
	}
	importer := start("importer", 1)
	receivers := []*exec.Cmd{start("receiver", 2), start("receiver", 3)}
	shippers := []*exec.Cmd{start("shipper", 4), start("shipper", 5)}
	waitAll(t, importer)
	raiseFlag(t, dir, "imported")
	waitAll(t, receivers...)
	raiseFlag(t, dir, "received")
	waitAll(t, shippers...)

	reports := readReports(t, dir)
	a, err := app.OpenExisting(url)
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	reconcile(t, a, reports)
}

// stationShop sets up the shared shop: two active suppliers selling stationProducts products.
func stationShop(t *testing.T, url string) {
	a, err := app.Open(url)
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	for s, name := range []string{"Nordic Felt", "Lindqvist Enamel"} {
		sup := data.Supplier{Name: name, Email: fmt.Sprintf("orders@s%d.example", s), QuotedLeadDays: 2, Status: data.SupplierActive}
		if err := a.SaveSupplier(&sup); err != nil {
			t.Fatal(err)
		}
		var csv strings.Builder
		csv.WriteString("sku,supplier_sku,title,unit_cost,lead_time_days,min_order_qty,pack_size,available_qty,price\n")
		for i := s; i < stationProducts; i += 2 {
			fmt.Fprintf(&csv, "%s,S%d-%02d,Felt thing %d,6.50,2,1,1,,19.90\n", stationSKU(i), s, i, i)
		}
		if _, err := a.ImportCatalog(strings.NewReader(csv.String()), "catalog.csv", app.CatalogImportOptions{Supplier: name}); err != nil {
			t.Fatal(err)
		}
	}
}

func waitAll(t *testing.T, cmds ...*exec.Cmd) {
	t.Helper()
	var wg sync.WaitGroup
	for _, c := range cmds {
		wg.Go(func() {
			if err := c.Wait(); err != nil {
				t.Errorf("station %v: %v", c.Env[len(c.Env)-5:len(c.Env)-4], err)
			}
		})
	}
	wg.Wait()
	if t.Failed() {
		t.FailNow()
	}
}

func raiseFlag(t *testing.T, dir, name string) {
	if err := os.WriteFile(filepath.Join(dir, name), nil, 0o600); err != nil {
		t.Fatal(err)
	}
}

func readReports(t *testing.T, dir string) []stationReport {
	files, _ := filepath.Glob(filepath.Join(dir, "*.json"))
	var out []stationReport
	for _, f := range files {
		b, err := os.ReadFile(f)
		var r stationReport
		if err == nil {
			err = json.Unmarshal(b, &r)
		}
		if err != nil || r.Failure != "" {
			t.Fatalf("%s: %v %s", f, err, r.Failure)
		}
		t.Logf("%s: %d actions, %d refused", r.Name, r.Actions, r.Refused)
		out = append(out, r)
	}
	if len(out) != 5 {
		t.Fatalf("%d station reports, want 5", len(out))
	}
	return out
}
