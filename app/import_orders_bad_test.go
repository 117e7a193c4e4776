package app_test

import (
	"context"
	"errors"
	"strings"
	"testing"

	"clockwork/app"
	"clockwork/data"
)

const genericHeader = "order_number,placed_at,customer_name,email,sku,title,qty,unit_price,ship_name,ship_address1,ship_address2,ship_city,ship_province,ship_zip,ship_country,ship_phone,note\n"

// goodRows are two valid orders in the generic layout.
const goodRows = "G-1,2026-03-01 10:00,Zoë Łódź,zoe@example.com,MUG-1,Mug,1,14.90,Zoë Łódź,Main St 1,,Leipzig,,04229,DE,,\n" +
	"G-2,2026-03-01 11:00,Ana Díaz,ana@example.com,MUG-1,Mug,2,14.90,Ana Díaz,Calle 2,,Madrid,,28001,ES,,\n"

func TestImportBadInputWritesNothing(t *testing.T) {
	cases := []struct {
		name, file, format string
		line               int    // the problem's line (0: about the whole file)
		field              string // the problem's column
		says               string // part of its message
	}{
		{"negative quantity", genericHeader + goodRows + "G-3,2026-03-01 12:00,Bo,bo@example.com,MUG-1,Mug,-2,14.90,Bo,St 3,,Berlin,,10115,DE,,\n", "", 4, "qty", "-2"},
		{"impossible date", genericHeader + goodRows + "G-3,31/02/2026,Bo,bo@example.com,MUG-1,Mug,1,14.90,Bo,St 3,,Berlin,,10115,DE,,\n", "", 4, "placed_at", "31/02/2026"},
		{"price that is no amount", genericHeader + goodRows + "G-3,2026-03-01 12:00,Bo,bo@example.com,MUG-1,Mug,1,cheap,Bo,St 3,,Berlin,,10115,DE,,\n", "", 4, "unit_price", "cheap"},
		{"row without an order number", genericHeader + goodRows + ",2026-03-01 12:00,Bo,bo@example.com,MUG-1,Mug,1,14.90,Bo,St 3,,Berlin,,10115,DE,,\n", "", 4, "order_number", "empty"},
		{"unterminated quote", genericHeader + goodRows + "G-3,2026-03-01 12:00,\"Bo,bo@example.com,MUG-1,Mug,1,14.90\n", "", 0, "", ""},
		{"a column missing", "order_number,placed_at,sku,title,unit_price\nG-1,2026-03-01,MUG-1,Mug,14.90\n", "generic", 1, "qty", "no qty column"},
		{"not an order export", "sku,supplier_sku,title,unit_cost,lead_time_days\nMUG-1,S1,Mug,4.00,3\n", "", 1, "", "catalog"},
		{"empty file", "", "", 0, "", "empty"},
		{"header only", genericHeader, "", 0, "", "no orders"},
		{"unknown format asked for", genericHeader + goodRows, "etsy-ish", 0, "format", "not an order format"},
		{"wrong format asked for", genericHeader + goodRows, "shopify", 1, "", "Name"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			f := newShop(t)
			_, err := importText(f.a, "orders.csv", c.file, app.ImportOptions{Format: c.format})
			var ie *app.InputError
			if !errors.As(err, &ie) {
				t.Fatalf("error %v, want an input error", err)
			}
			p := ie.Problems[0]
			if p.Line != c.line || (c.field != "" && p.Field != c.field) || !strings.Contains(p.Message+p.Field, c.says) {
				t.Errorf("problem %+v; want line %d, field %q, saying %q", p, c.line, c.field, c.says)
			}
			for _, model := range []any{&data.Order{}, &data.OrderLine{}, &data.Customer{}} {
				if n := f.count(model, ""); n != 0 {
					t.Errorf("%d %T rows written", n, model)
				}
			}
		})
	}
}

func TestImportEveryProblemListed(t *testing.T) {
	f := newShop(t)
	file := genericHeader + goodRows +
		"G-3,2026-03-01 12:00,Bo,bo@example.com,MUG-1,Mug,0,14.90,Bo,St 3,,Berlin,,10115,DE,,\n" +
		"G-4,2026-02-30 12:00,Cy,cy@example.com,MUG-1,Mug,1,14.90,Cy,St 4,,Berlin,,10115,DE,,\n" +
		"G-5,2026-03-01 12:00,Di,not-an-email,MUG-1,Mug,1,14.90,Di,St 5,,Berlin,,10115,DE,,\n"
	res, err := importText(f.a, "orders.csv", file, app.ImportOptions{})
	var ie *app.InputError
	if !errors.As(err, &ie) || len(ie.Problems) != 3 {
		t.Fatalf("error %v, want 3 problems", err)
	}
	for i, line := range []int{4, 5, 6} {
		if ie.Problems[i].Line != line {
			t.Errorf("problem %d on line %d, want %d: %s", i, ie.Problems[i].Line, line, ie.Problems[i])
		}
	}
	if res.Valid != 2 || f.count(&data.Order{}, "") != 0 {
		t.Fatalf("valid %d, %d orders written", res.Valid, f.count(&data.Order{}, ""))
	}
	res, err = importText(f.a, "orders.csv", file, app.ImportOptions{OnlyValid: true})
	if err != nil || res.Imported != 2 || len(res.Problems) != 3 {
		t.Fatalf("importing the valid ones: %+v %v", res, err)
	}
	if n := f.count(&data.Order{}, "number IN ?", []string{"G-1", "G-2"}); n != 2 || f.count(&data.Order{}, "") != 2 {
		t.Errorf("want exactly G-1 and G-2 stored")
	}
}

func TestImportDryRunWritesNothing(t *testing.T) {
	f := newShop(t)
	res, err := importText(f.a, "orders.csv", genericHeader+goodRows, app.ImportOptions{DryRun: true})
	if err != nil || res.Imported != 2 || res.Format != "generic" || res.UnknownLines != 2 {
		t.Fatalf("dry run %+v %v", res, err)
	}
	if !strings.Contains(res.Summary(), "nothing was written") {
		t.Errorf("summary %q does not say it was a dry run", res.Summary())
	}
	for _, model := range []any{&data.Order{}, &data.OrderLine{}, &data.Customer{}} {
		if n := f.count(model, ""); n != 0 {
			t.Errorf("%d %T rows written by a dry run", n, model)
		}
	}
}

func TestImportProgressAndCancel(t *testing.T) {
	var b strings.Builder
	if err := writeShopifyExport(&b, generatedOrders(600, []string{"MUG-1", "BOWL-2"}, 1)); err != nil {
		t.Fatal(err)
	}
	f := newShop(t)
	ctx, cancel := context.WithCancel(context.Background())
	var reports [][2]int
	_, err := f.a.ImportOrders(ctx, strings.NewReader(b.String()), "big.csv", app.ImportOptions{Progress: func(done, total int) {
		reports = append(reports, [2]int{done, total})
		if done >= 250 {
			cancel()
		}
	}})
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("error %v, want cancelled", err)
	}
	if len(reports) != 2 || reports[1] != [2]int{250, 600} {
		t.Errorf("progress reports %v", reports)
	}
	if n := f.count(&data.Order{}, ""); n != 0 {
		t.Errorf("a cancelled import left %d orders", n)
	}
	res, err := f.a.ImportOrders(context.Background(), strings.NewReader(b.String()), "big.csv", app.ImportOptions{})
	if err != nil || res.Imported != 600 || f.count(&data.Order{}, "") != 600 {
		t.Errorf("import after the cancelled one: %+v %v", res, err)
	}
}
