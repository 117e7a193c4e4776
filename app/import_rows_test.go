package app_test

import (
	"fmt"
	"strings"
	"testing"

	"clockwork/app"
	"clockwork/data"
)

// rowKinds is "number:kind" for every preview row.
func rowKinds(res app.ImportResult) string {
	var out []string
	for _, r := range res.Rows {
		out = append(out, fmt.Sprintf("%s:%s", r.Number, r.Kind))
	}
	return strings.Join(out, " ")
}

// The preview lists every order of the file with what the import would do with it: a
// first export, then a later one of the same store.
func TestImportPreviewRowsSayWhatHappensToEachOrder(t *testing.T) {
	f := newShop(t)
	s := f.supplier("Atlas", 3, data.SupplierActive)
	f.product("MUG-1", offer{supplier: s, lead: 2, cost: 600})
	f.product("APR-SAGE", offer{supplier: s, lead: 2, cost: 800})
	res, err := importFile(t, f.a, shopifyExport, app.ImportOptions{DryRun: true, OnlyValid: true})
	if err != nil {
		t.Fatal(err)
	}
	if got, want := rowKinds(res), "#1001:skipped #1002:new #1003:held #1004:cancelled #1005:new #1006:problem"; got != want {
		t.Errorf("first export's rows\n%s, want\n%s", got, want)
	}
	if r := res.Rows[4]; r.Line != 8 || r.Customer != "Ed Novak" || r.Lines != 3 || r.Total != 5790 || r.PlacedAt.Day() != 5 {
		t.Errorf("#1005's row %+v", r)
	}
	if r := res.Rows[5]; r.Total != 4400 || r.Currency != "USD" || !strings.HasPrefix(r.Detail, "line 11, Currency: order #1006 is in USD") {
		t.Errorf("#1006's row %+v", r)
	}
	if _, err := importFile(t, f.a, shopifyExport, app.ImportOptions{OnlyValid: true}); err != nil {
		t.Fatal(err)
	}
	res, err = importFile(t, f.a, shopifyLater, app.ImportOptions{DryRun: true, OnlyValid: true})
	if err != nil {
		t.Fatal(err)
	}
	if got, want := rowKinds(res), "#1001:skipped #1002:changed #1003:changed #1004:already #1005:changed #1007:new"; got != want {
		t.Errorf("later export's rows\n%s, want\n%s", got, want)
	}
	for i, want := range map[int]string{1: "fulfilled in the shop", 2: "paid: released to buy", 4: "cancelled in the shop"} {
		if res.Rows[i].Detail != want {
			t.Errorf("%s changed: %q, want %q", res.Rows[i].Number, res.Rows[i].Detail, want)
		}
	}
	if n, _ := f.a.CountOrders(app.OrderQuery{}); n != 4 {
		t.Errorf("%d orders stored after a preview, want the 4 of the first import", n)
	}
}
