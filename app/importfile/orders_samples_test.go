package importfile_test

import (
	"testing"

	"clockwork/app/importfile"
)

// An Amazon report without a currency column says where it was sold: Amazon.de's prices hold
// the VAT, Amazon.com's sales tax comes on top.
func TestAmazonTaxBySalesChannel(t *testing.T) {
	const head = "order-id\torder-item-id\tpurchase-date\tsku\tproduct-name\tquantity-purchased\titem-price\titem-tax\tshipping-price\tshipping-tax\tsales-channel\n"
	for _, c := range []struct {
		channel string
		total   int64
	}{{"Amazon.de", 1990}, {"Amazon.com", 2307}, {"", 2307}} {
		tab := readString(t, head+"028-1111111-1111111\t1\t2026-03-09T10:00:00+00:00\tMUG-1\tMug\t1\t16.00\t2.55\t3.90\t0.62\t"+c.channel+"\n")
		orders, problems := importfile.ParseOrders(tab, importfile.FormatAmazon)
		if len(problems) != 0 || len(orders) != 1 {
			t.Fatalf("%s: %v", c.channel, problems)
		}
		if o := orders[0]; int64(o.Total) != c.total || o.Tax != 317 {
			t.Errorf("%q: total %s tax %s, want total %d with tax 3.17", c.channel, o.Total, o.Tax, c.total)
		}
	}
}
