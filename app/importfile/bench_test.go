package importfile_test

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"testing"
	"time"

	"clockwork/app/importfile"
)

// shopifyExport writes a Shopify orders export of n orders with 1–4 lines each (2.5 on
// average), order fields on each order's first row only, as the admin export does.
func shopifyExport(n int) []byte {
	rng := rand.New(rand.NewPCG(1, 2))
	var b bytes.Buffer
	b.WriteString(shopifyHeader)
	start := time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)
	for i := range n {
		placed := start.Add(time.Duration(i) * 5 * time.Minute).Format("2006-01-02 15:04:05 -0700")
		lines := 1 + rng.IntN(4)
		for l := range lines {
			qty, sku := 1+rng.IntN(3), fmt.Sprintf("SKU-%05d", rng.IntN(20000))
			if l == 0 {
				fmt.Fprintf(&b, "#%d,buyer%d@example.com,paid,%s,unfulfilled,%s,49.90,4.90,9.48,64.28,0,%d,\"Lamp, model %s\",19.95,%s,"+
					"Jörg Müller,Jörg Müller,Hauptstraße %d,Hauptstraße %d,,,Berlin,'0%04d,BE,DE,+49 30 %d,,,%d\n",
					1000+i, i, placed, placed, qty, sku, sku, i%200, i%200, i%10000, i, 5000000+i)
				continue
			}
			fmt.Fprintf(&b, "#%d,buyer%d@example.com,,,,,,,,,,%d,Cable %s,4.50,%s,,,,,,,,,,,,,,\n", 1000+i, i, qty, sku, sku)
		}
	}
	return b.Bytes()
}

func BenchmarkShopifyImport100k(b *testing.B) {
	file := shopifyExport(100_000)
	b.SetBytes(int64(len(file)))
	b.ReportAllocs()
	for b.Loop() {
		tab, err := importfile.Read(bytes.NewReader(file), "orders_export.csv")
		if err != nil {
			b.Fatal(err)
		}
		f, err := importfile.DetectOrderFormat(tab)
		if err != nil {
			b.Fatal(err)
		}
		orders, problems := importfile.ParseOrders(tab, f)
		if len(problems) > 0 || len(orders) != 100_000 {
			b.Fatalf("%d orders, %d problems: %v", len(orders), len(problems), problems[:min(3, len(problems))])
		}
		b.ReportMetric(float64(len(tab.Rows)), "rows")
	}
}
