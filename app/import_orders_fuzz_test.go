package app_test

import (
	"context"
	"errors"
	"strings"
	"testing"

	"clockwork/app"
	"clockwork/app/apptest"
	"clockwork/data"
)

// FuzzImportOrders feeds any bytes to the import: it must never crash, a refused file must
// leave the shop as it was, and a file imported once must add nothing the second time.
func FuzzImportOrders(f *testing.F) {
	f.Add([]byte(genericHeader + goodRows))
	f.Add([]byte("\ufeff" + strings.ReplaceAll(genericHeader+goodRows, "\n", "\r\n")))
	f.Add([]byte(genericHeader + "G-9,2026-02-31,\"Zoë, \"\"Z\"\"\nŁódź\",z@example.com,MUG-1,Mug,-1,1e3,,,,,,'0123,,,\n"))
	f.Add([]byte(strings.Join(shopifyHeader, ",") + "\n#1,a@example.com,paid\n"))
	f.Add([]byte("order_id,order_number,order_date,line_item_1\n1,1,16-05-2018 07:32:06,name:X|sku:A|quantity:2|total:8.00\n"))
	a, _ := apptest.NewApp(f)
	db := apptest.DB(f, a)
	f.Fuzz(func(t *testing.T, file []byte) {
		var before int64
		db.Model(&data.OrderLine{}).Count(&before)
		res, err := a.ImportOrders(context.Background(), strings.NewReader(string(file)), "fuzz.csv", app.ImportOptions{})
		var ie *app.InputError
		switch {
		case errors.As(err, &ie):
			var after int64
			db.Model(&data.OrderLine{}).Count(&after)
			if after != before || len(ie.Problems) == 0 {
				t.Fatalf("a refused file changed the shop (%d → %d lines) or said nothing: %v", before, after, err)
			}
		case err != nil:
			t.Fatalf("not an input error: %v", err)
		default:
			again, err := a.ImportOrders(context.Background(), strings.NewReader(string(file)), "fuzz.csv", app.ImportOptions{})
			if err != nil || again.Imported != 0 || again.Already != res.Imported+res.Already {
				t.Fatalf("second import of the same file: %+v %v (first %+v)", again, err, res)
			}
		}
	})
}
