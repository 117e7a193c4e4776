package app_test

import (
	"bytes"
	"fmt"
	"testing"

	"clockwork/app"
	"clockwork/app/apptest"
)

// priceList writes an n-row price list in the catalog layout of DESIGN 9; costs go up by
// bump cents, so a second list with another bump changes every offer's cost.
func priceList(n int, bump int) []byte {
	var b bytes.Buffer
	b.WriteString(catalogHeader)
	for i := 0; i < n; i++ {
		cost := 250 + i%4000 + bump
		fmt.Fprintf(&b, "SKU-%06d,SUP-%06d,\"Product %d, colour %d\",%d.%02d,%d,%d,%d,%d,%d.90\n",
			i, i, i, i%10, cost/100, cost%100, 1+i%9, 1+i%5, 1+i%3, i%50, 9+i%60)
	}
	return b.Bytes()
}

// BenchmarkImportCatalog20k imports a 20,000-row price list into an empty shop (every
// product and offer new), then the same list with every cost changed (every offer updated,
// every cost recorded).
func BenchmarkImportCatalog20k(b *testing.B) {
	const rows = 20000
	first, second := priceList(rows, 0), priceList(rows, 7)
	b.Run("new", func(b *testing.B) {
		for b.Loop() {
			b.StopTimer()
			a, _ := apptest.NewApp(b)
			b.StartTimer()
			res, err := a.ImportCatalog(bytes.NewReader(first), "big.csv", app.CatalogImportOptions{Supplier: "Bulk Supply"})
			if err != nil || res.NewProducts != rows {
				b.Fatalf("%v %s", err, res.Summary())
			}
		}
	})
	b.Run("every_cost_changes", func(b *testing.B) {
		for b.Loop() {
			b.StopTimer()
			a, _ := apptest.NewApp(b)
			if _, err := a.ImportCatalog(bytes.NewReader(first), "big.csv", app.CatalogImportOptions{Supplier: "Bulk Supply"}); err != nil {
				b.Fatal(err)
			}
			b.StartTimer()
			res, err := a.ImportCatalog(bytes.NewReader(second), "big.csv", app.CatalogImportOptions{Supplier: "Bulk Supply"})
			if err != nil || res.CostChanges != rows {
				b.Fatalf("%v %s", err, res.Summary())
			}
		}
	})
}
