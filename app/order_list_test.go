package app_test

import (
	"errors"
	"slices"
	"testing"
	"time"

	"clockwork/app"
	"clockwork/data"
)

// listShop holds five orders that differ in every listed column.
func listShop(t *testing.T) *shopFixture {
	f := newShop(t)
	s := f.supplier("Atlas", 3, data.SupplierActive)
	f.product("MUG-1", offer{supplier: s, lead: 2})
	f.product("BOWL-2", offer{supplier: s, lead: 6})
	add := func(number, customer, email string, placed time.Time, lines ...app.LineInput) {
		_, err := f.a.AddOrder(app.OrderInput{Channel: data.ChannelShopify, Number: number, PlacedAt: placed, Customer: customer, Email: email, Lines: lines})
		f.must(err)
	}
	mug := func(q int) app.LineInput { return app.LineInput{SKU: "MUG-1", Qty: q, UnitPrice: 1000} }
	bowl := func(q int) app.LineInput { return app.LineInput{SKU: "BOWL-2", Qty: q, UnitPrice: 2500} }
	add("#1001", "Zoë Łódź", "zoe@example.com", at("2026-03-01", 9), mug(1))
	add("#1002", "Anna Berg", "anna@example.com", at("2026-03-03", 9), bowl(2))
	add("#1003", "Дмитрий Иванов", "dima@example.net", at("2026-03-02", 9), mug(1), bowl(1))
	add("#1004", "Chloé Martin", "chloe@example.org", at("2026-03-05", 9), app.LineInput{SKU: "OLD-7", Title: "Old mug", Qty: 4, UnitPrice: 500})
	add("#1005", "Anna Berg", "anna@example.com", at("2026-03-04", 9), mug(3))
	o, err := f.a.OrderPage(app.OrderQuery{Search: "#1005"})
	f.must(err)
	_, err = f.a.CancelOrder(o[0].ID)
	f.must(err)
	return f
}

func numbers(rows []app.OrderRow) []string {
	var out []string
	for _, r := range rows {
		out = append(out, r.Number)
	}
	return out
}

func TestOrderListSearchAndFilter(t *testing.T) {
	f := listShop(t)
	cases := []struct {
		name string
		q    app.OrderQuery
		want []string // sorted by placed time
	}{
		{"everything", app.OrderQuery{}, []string{"#1001", "#1003", "#1002", "#1005", "#1004"}},
		{"by number", app.OrderQuery{Search: "1003"}, []string{"#1003"}},
		{"by customer, any case, any script", app.OrderQuery{Search: "дмитрий"}, []string{"#1003"}},
		{"by accented name typed in capitals", app.OrderQuery{Search: "ZOË"}, []string{"#1001"}},
		{"by e-mail", app.OrderQuery{Search: "example.org"}, []string{"#1004"}},
		{"by SKU", app.OrderQuery{Search: "bowl-2"}, []string{"#1003", "#1002"}},
		{"two words must both match", app.OrderQuery{Search: "anna mug"}, []string{"#1005"}},
		{"nothing matches", app.OrderQuery{Search: "nobody"}, nil},
		{"% and _ are plain characters", app.OrderQuery{Search: "1%0_"}, nil},
		{"status", app.OrderQuery{Status: data.OrderCancelled}, []string{"#1005"}},
		{"status and search", app.OrderQuery{Status: data.OrderNew, Search: "anna"}, []string{"#1002"}},
		{"unknown SKU", app.OrderQuery{Flag: app.FlagUnknownSKU}, []string{"#1004"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			rows, err := f.a.OrderPage(c.q)
			f.must(err)
			if got := numbers(rows); !slices.Equal(got, c.want) {
				t.Errorf("found %v, want %v", got, c.want)
			}
			n, err := f.a.CountOrders(c.q)
			if err != nil || n != len(c.want) {
				t.Errorf("count %d (%v), want %d", n, err, len(c.want))
			}
			list, err := f.a.FindOrders(c.q)
			if err != nil || list.Total != len(c.want) || !slices.Equal(numbers(list.Rows), c.want) {
				t.Errorf("FindOrders: %v of %d (%v), want %v", numbers(list.Rows), list.Total, err, c.want)
			}
		})
	}
}

func TestOrderListSortsByEveryColumn(t *testing.T) {
	f := listShop(t)
	cases := []struct {
		sort app.OrderSort
		want []string // ascending; ties by ID
	}{
		{app.SortPlaced, []string{"#1001", "#1003", "#1002", "#1005", "#1004"}},
		{app.SortNumber, []string{"#1001", "#1002", "#1003", "#1004", "#1005"}},
		{app.SortCustomer, []string{"#1002", "#1005", "#1004", "#1001", "#1003"}},
		{app.SortItems, []string{"#1001", "#1002", "#1003", "#1005", "#1004"}},
		{app.SortTotal, []string{"#1001", "#1004", "#1005", "#1003", "#1002"}},
		{app.SortStatus, []string{"#1005", "#1001", "#1002", "#1003", "#1004"}},
		{app.SortShipBy, []string{"#1001", "#1004", "#1005", "#1003", "#1002"}},
	}
	for _, c := range cases {
		t.Run(string(c.sort), func(t *testing.T) {
			rows, err := f.a.OrderPage(app.OrderQuery{Sort: c.sort})
			f.must(err)
			if got := numbers(rows); !slices.Equal(got, c.want) {
				t.Errorf("ascending %v, want %v", got, c.want)
			}
			rows, err = f.a.OrderPage(app.OrderQuery{Sort: c.sort, Desc: true})
			f.must(err)
			want := slices.Clone(c.want)
			slices.Reverse(want)
			if got := numbers(rows); !slices.Equal(got, want) {
				t.Errorf("descending %v, want %v", got, want)
			}
		})
	}
}

func TestOrderListPages(t *testing.T) {
	f := listShop(t)
	var all []string
	for off := 0; off < 6; off += 2 {
		rows, err := f.a.OrderPage(app.OrderQuery{Sort: app.SortNumber, Offset: off, Limit: 2})
		f.must(err)
		all = append(all, numbers(rows)...)
	}
	if want := []string{"#1001", "#1002", "#1003", "#1004", "#1005"}; !slices.Equal(all, want) {
		t.Errorf("pages of two: %v", all)
	}
	list, err := f.a.FindOrders(app.OrderQuery{Search: "#100", Sort: app.SortNumber, Desc: true, Offset: 1, Limit: 2})
	f.must(err)
	if got := numbers(list.Rows); list.Total != 5 || !slices.Equal(got, []string{"#1004", "#1003"}) {
		t.Errorf("second and third of a search, newest number first: %v of %d", got, list.Total)
	}
	rows, err := f.a.OrderPage(app.OrderQuery{Search: "1003"})
	f.must(err)
	r := rows[0]
	if r.Customer != "Дмитрий Иванов" || r.Items != 2 || r.Total != 3500 || r.Status != data.OrderNew || r.ShipBy != "2026-03-09" || r.AtRisk {
		t.Errorf("row %+v", r)
	}
	for _, q := range []app.OrderQuery{{Status: "lost"}, {Sort: "price; DROP TABLE orders"}, {Flag: "odd"}} {
		var ie *app.InputError
		if _, err := f.a.OrderPage(q); !errors.As(err, &ie) {
			t.Errorf("query %+v: %v, want an input error", q, err)
		}
	}
}

func TestOrderListBroadSearchSaysThereAreMore(t *testing.T) {
	f := listShop(t)
	app.SetSearchCapForTest(t, 3)
	list, err := f.a.FindOrders(app.OrderQuery{Search: "example", Sort: app.SortPlaced, Desc: true, Limit: 2})
	f.must(err)
	if got := numbers(list.Rows); !list.More || list.Total != 3 || !slices.Equal(got, []string{"#1004", "#1005"}) {
		t.Errorf("five match, cap three: %v of %d, more %v", got, list.Total, list.More)
	}
	list, err = f.a.FindOrders(app.OrderQuery{Search: "example", Sort: app.SortPlaced, Desc: true, Offset: 2, Limit: 2})
	f.must(err)
	if got := numbers(list.Rows); !list.More || !slices.Equal(got, []string{"#1002", "#1003"}) {
		t.Errorf("second page of a broad search: %v, more %v", got, list.More)
	}
	list, err = f.a.FindOrders(app.OrderQuery{Search: "anna", Sort: app.SortNumber})
	f.must(err)
	if got := numbers(list.Rows); list.More || list.Total != 2 || !slices.Equal(got, []string{"#1002", "#1005"}) {
		t.Errorf("two match, cap three: %v of %d, more %v", got, list.Total, list.More)
	}
	list, err = f.a.FindOrders(app.OrderQuery{Search: "example.com", Sort: app.SortCustomer})
	f.must(err)
	if got := numbers(list.Rows); list.More || list.Total != 3 || !slices.Equal(got, []string{"#1002", "#1005", "#1001"}) {
		t.Errorf("exactly the cap: %v of %d, more %v", got, list.Total, list.More)
	}
}
