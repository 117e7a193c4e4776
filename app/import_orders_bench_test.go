package app_test

import (
	"bufio"
	"context"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"clockwork/app"
	"clockwork/app/apptest"
	"clockwork/data"
)

var benchOrders = flag.Int("orders", 100_000, "orders in the generated file of BenchmarkImportShopify")

// BenchmarkImportShopify imports a generated Shopify orders export of -orders orders (100,000
// by default; about 250,000 rows) into a fresh shop with a 2,000-product catalog, and times
// the sqlite3 command line's `.import` of the same file into one flat table for comparison.
// Run with -benchtime 1x; with CLOCKWORK_TEST_DB set, the shop is on that PostgreSQL server.
func BenchmarkImportShopify(b *testing.B) {
	dir := b.TempDir()
	file := filepath.Join(dir, "orders_export.csv")
	skus := make([]string, 2000)
	for i := range skus {
		skus[i] = fmt.Sprintf("SKU-%05d", i)
	}
	if err := writeExportFile(file, generatedOrders(*benchOrders, skus, 42)); err != nil {
		b.Fatal(err)
	}
	info, _ := os.Stat(file)
	b.ReportMetric(float64(info.Size())/(1<<20), "file_MB")
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		a := benchShop(b, filepath.Join(dir, fmt.Sprintf("shop%d.db", i)), skus)
		f, err := os.Open(file)
		if err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		start, cpu0 := time.Now(), cpuTime()
		res, err := a.ImportOrders(context.Background(), f, file, app.ImportOptions{})
		took, cpu := time.Since(start), cpuTime()-cpu0
		b.StopTimer()
		f.Close()
		if err != nil || res.Imported != *benchOrders {
			b.Fatalf("imported %d of %d: %v", res.Imported, *benchOrders, err)
		}
		a.Close()
		b.ReportMetric(took.Seconds(), "import_s")
		b.ReportMetric(cpu.Seconds(), "import_cpu_s")
		if flat, flatCPU, ok := sqliteImport(b, file, filepath.Join(dir, fmt.Sprintf("flat%d.db", i))); ok {
			b.ReportMetric(flat.Seconds(), "sqlite3_s")
			b.ReportMetric(flatCPU.Seconds(), "sqlite3_cpu_s")
			b.ReportMetric(took.Seconds()/flat.Seconds(), "x_sqlite3")
			b.ReportMetric(cpu.Seconds()/flatCPU.Seconds(), "x_sqlite3_cpu")
		}
		b.StartTimer()
	}
}

func writeExportFile(path string, orders []exportOrder) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	w := bufio.NewWriter(f)
	if err := writeShopifyExport(w, orders); err != nil {
		return err
	}
	if err := w.Flush(); err != nil {
		return err
	}
	return f.Close()
}

// benchShop is a fresh shop whose catalog holds the SKUs, each with one supplier's offer.
func benchShop(b *testing.B, path string, skus []string) *app.App {
	a, err := app.Open(apptest.Location(b, path))
	if err != nil {
		b.Fatal(err)
	}
	sup := data.Supplier{Name: "Atlas", Status: data.SupplierActive, QuotedLeadDays: 3}
	if err := a.SaveSupplier(&sup); err != nil {
		b.Fatal(err)
	}
	for i, sku := range skus {
		p := data.Product{SKU: sku, Title: "Product " + sku, Price: 1490, Active: true,
			Offers: []data.Offer{{SupplierID: sup.ID, SupplierSKU: "S" + sku, UnitCost: 600, PackSize: 1, MinQty: 1, LeadDays: 1 + i%7, Priority: 1, Active: true}}}
		if err := a.SaveProduct(&p); err != nil {
			b.Fatal(err)
		}
	}
	return a
}

// sqliteImport times `sqlite3 DB '.mode csv' '.import FILE t'`, wall clock and CPU (the
// fair figure on a busy machine); false when sqlite3 is missing.
func sqliteImport(b *testing.B, file, db string) (time.Duration, time.Duration, bool) {
	if _, err := exec.LookPath("sqlite3"); err != nil {
		b.Log("sqlite3 not installed: no comparison")
		return 0, 0, false
	}
	start := time.Now()
	cmd := exec.Command("sqlite3", db, ".mode csv", ".import "+file+" t")
	out, err := cmd.CombinedOutput()
	if err != nil {
		b.Fatalf("sqlite3 .import: %v: %s", err, out)
	}
	return time.Since(start), cmd.ProcessState.UserTime() + cmd.ProcessState.SystemTime(), true
}

// cpuTime is the CPU time this process has used so far, user and system.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
