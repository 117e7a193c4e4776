package app_test

import (
	"errors"
	"testing"

	"clockwork/app"
	"clockwork/app/importfile"
	"clockwork/data"
)

const marketplaceFile = "Ref;When;Who;Article;How many;Each\n" +
	"A-77;2026-04-01 10:00;Mia Roth;SOCK-1;2;4.50\n" +
	"A-78;2026-04-02 11:30;Li Wei;SOCK-1;1;4.50\n"

func TestImportWithColumnMapRemembersIt(t *testing.T) {
	f := newShop(t)
	_, err := importText(f.a, "market.csv", marketplaceFile, app.ImportOptions{})
	var ie *app.InputError
	if !errors.As(err, &ie) || ie.Problems[0].Line != 1 {
		t.Fatalf("unknown layout: %v, want a problem on the header line", err)
	}
	m, err := importfile.ParseColumnMap(`order_number=Ref,placed_at=When,customer_name=Who,sku=Article,qty="How many",unit_price=Each`)
	if err != nil {
		t.Fatal(err)
	}
	preview, err := importText(f.a, "market.csv", marketplaceFile, app.ImportOptions{Map: m, DryRun: true})
	if err != nil || preview.Imported != 2 || f.count(&data.Order{}, "") != 0 {
		t.Fatalf("preview %+v %v", preview, err)
	}
	if _, ok, _ := f.a.SavedColumnMap(app.MapOrders, preview.Header); ok {
		t.Error("a dry run saved the map")
	}
	res, err := importText(f.a, "market.csv", marketplaceFile, app.ImportOptions{Map: m})
	if err != nil || res.Imported != 2 || res.Format != app.FormatMapped {
		t.Fatalf("import %+v %v", res, err)
	}
	if o := f.orderNumbered("A-77"); o.CustomerName != "Mia Roth" || o.Total != 900 || o.Channel != data.ChannelGeneric {
		t.Errorf("order A-77: %q total %s channel %s", o.CustomerName, o.Total, o.Channel)
	}
	next := marketplaceFile + "A-79;2026-04-03 09:00;Bo Berg;SOCK-1;3;4.50\n"
	again, err := importText(f.a, "market-2.csv", next, app.ImportOptions{})
	if err != nil || !again.SavedMap || again.Imported != 1 || again.Already != 2 {
		t.Fatalf("next export of the same shape: %+v %v", again, err)
	}
}

func TestImportSkipInvalidOrders(t *testing.T) {
	f := newShop(t)
	text := genericHeader + goodRows + "G-3,2026-03-01 12:00,Bo,bo@example.com,MUG-1,Mug,many,14.90,Bo,St 3,,Berlin,,10115,DE,,\n"
	if _, err := importText(f.a, "orders.csv", text, app.ImportOptions{}); err == nil || f.count(&data.Order{}, "") != 0 {
		t.Fatalf("a bad row: %v, %d orders written", err, f.count(&data.Order{}, ""))
	}
	res, err := importText(f.a, "orders.csv", text, app.ImportOptions{OnlyValid: true})
	if err != nil || res.Imported != 2 || len(res.Problems) != 1 || res.Problems[0].Line != 4 || res.Problems[0].Field != "qty" {
		t.Fatalf("skip invalid: %+v %v", res, err)
	}
}
