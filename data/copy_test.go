package data

import (
	"encoding/json"
	"errors"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"
	"time"

	"gorm.io/gorm"
)

// fillEveryTable writes at least one row into every table of a new shop, with the values a
// careless copy loses: zero values under a default (an inactive product), NULLs, UTF-8, bytes.
func fillEveryTable(t testing.TB, db *gorm.DB) {
	t.Helper()
	at := time.Date(2026, 3, 14, 9, 30, 15, 123456000, time.UTC)
	zero := 0
	rows := []any{
		&Supplier{Name: "Łódź Parts", Status: SupplierActive, QuotedLeadDays: 4, Terms: SupplierTerms{OrderFee: 250}, LastContactAt: &at},
		&Product{SKU: "MUG-1", Title: "Mug „Grün“", Price: 1299, Active: true},
		&Product{SKU: "OLD-1", Title: "Retired", Active: false, Trial: true, TrialStart: "2026-01-02"},
		&Offer{ProductID: 1, SupplierID: 1, SupplierSKU: "L-1", UnitCost: 400, PackSize: 6, MinQty: 1, Priority: 1, Active: true, AvailableQty: &zero},
		&Offer{ProductID: 2, SupplierID: 1, SupplierSKU: "L-2", UnitCost: 100, PackSize: 1, MinQty: 1, Priority: 2, Active: false},
		&OfferCost{OfferID: 1, UnitCost: 380, From: at},
		&Customer{Name: "Zoë Schäfer", Email: "zoe@example.com"},
		&Order{Channel: ChannelShopify, Number: "#1001", PlacedAt: at, Total: 2598, Status: OrderShipped, Gift: true, Held: false, SearchText: "#1001 zoë"},
		&OrderLine{OrderID: 1, ProductID: new(uint(1)), SKU: "MUG-1", Title: "Mug", Qty: 2, UnitPrice: 1299, State: LineShipped},
		&PurchaseOrder{Number: "PO-000001", SupplierID: 1, Status: POReceived, SentAt: &at, PromisedDate: "2026-03-20"},
		&POLine{PurchaseOrderID: 1, OrderLineID: new(uint(1)), OfferID: new(uint(1)), SKU: "MUG-1", Qty: 6, UnitCost: 400, QtyAccepted: 6},
		&Receipt{PurchaseOrderID: 1, ReceivedAt: at, Note: "box dented"},
		&ReceiptLine{ReceiptID: 1, POLineID: 1, QtyAccepted: 6},
		&Shipment{OrderID: 1, ShippedAt: &at, Carrier: "DHL", Tracking: "00340434"},
		&Return{Number: "RMA-0001", OrderID: 1, OpenedAt: at, Status: ReturnRequested},
		&ReturnLine{ReturnID: 1, OrderLineID: 1, POLineID: new(uint(1)), Qty: 1, Reason: ReasonDamagedInTransit},
		&SupplierEvent{SupplierID: 1, PurchaseOrderID: new(uint(1)), At: at, Kind: EventNote, Text: "called"},
		&Leftover{ProductID: 1, Qty: 4, Source: LeftoverSurplus, POLineID: new(uint(1))},
		&SKUAlias{SKU: "MUG-ONE", ProductID: 1},
		&ColumnMap{Kind: "orders", HeaderKey: "a,b", Columns: "number=a"},
		&CurrencyRate{Currency: "USD", Micros: 923400},
	}
	for _, r := range rows {
		if err := db.Create(r).Error; err != nil {
			t.Fatalf("fill %T: %v", r, err)
		}
	}
	// GORM writes a zero value as the column's default: switch these off afterwards.
	if err := db.Model(&Product{}).Where("sku = 'OLD-1'").Update("active", false).Error; err != nil {
		t.Fatal(err)
	}
	if err := db.Model(&Offer{}).Where("supplier_sku = 'L-2'").Update("active", false).Error; err != nil {
		t.Fatal(err)
	}
	if err := db.Model(&Shop{}).Where("id = 1").Updates(map[string]any{"name": "Kaffeeküche", "logo": []byte{0x89, 'P', 'N', 'G', 0}}).Error; err != nil {
		t.Fatal(err)
	}
}

// tableRows reads every table of db as JSON, one text per table.
func tableRows(t *testing.T, db *gorm.DB) map[string]string {
	t.Helper()
	out := map[string]string{}
	for _, m := range Models() {
		table, err := TableName(db, m)
		if err != nil {
			t.Fatal(err)
		}
		rows := reflect.New(reflect.SliceOf(reflect.TypeOf(m).Elem())).Interface()
		if err := db.Order("id").Find(rows).Error; err != nil {
			t.Fatal(err)
		}
		b, err := json.Marshal(rows)
		if err != nil {
			t.Fatal(err)
		}
		out[table] = string(b)
	}
	return out
}

// TestCopyShopEveryTable copies a shop with rows in every table into a new database: every
// table the schema has is copied, row for row, ids and values kept. A table added to the
// schema without a place in Models, or to Models without a row here, fails this test.
func TestCopyShopEveryTable(t *testing.T) {
	src, _ := openTemp(t)
	fillEveryTable(t, src)
	dst, _ := openTemp(t)
	counts, err := CopyShop(dst, src)
	if err != nil {
		t.Fatal(err)
	}
	tables, err := src.Migrator().GetTables()
	if err != nil {
		t.Fatal(err)
	}
	var copied []string
	for _, c := range counts {
		copied = append(copied, c.Table)
		if c.Rows == 0 {
			t.Errorf("%s has no row in the test shop: add one to fillEveryTable", c.Table)
		}
	}
	var schema []string
	for _, table := range tables {
		if !strings.HasPrefix(table, "sqlite_") {
			schema = append(schema, table)
		}
	}
	sort.Strings(schema)
	sort.Strings(copied)
	if !reflect.DeepEqual(schema, copied) {
		t.Fatalf("tables copied %v, tables in the schema %v: every table must be in Models", copied, schema)
	}
	want, got := tableRows(t, src), tableRows(t, dst)
	for table, rows := range want {
		if got[table] != rows {
			t.Errorf("%s copied as\n%s\nwant\n%s", table, got[table], rows)
		}
	}
	var p Product
	if err := dst.Create(&Product{SKU: "NEW-1", Title: "After the copy", Active: true}).Scan(&p).Error; err != nil || p.ID != 3 {
		t.Errorf("a new product after the copy got id %d (%v), want 3", p.ID, err)
	}
}

// TestCopyShopRefusesAShop leaves a database that holds a shop as it was, and says what it holds.
func TestCopyShopRefusesAShop(t *testing.T) {
	src, _ := openTemp(t)
	fillEveryTable(t, src)
	dst, _ := openTemp(t)
	if err := dst.Create(&Supplier{Name: "Already here", Status: SupplierActive}).Error; err != nil {
		t.Fatal(err)
	}
	_, err := CopyShop(dst, src)
	if !errors.Is(err, ErrHoldsShop) || !strings.Contains(err.Error(), "suppliers: 1") {
		t.Fatalf("copy into a shop: %v, want ErrHoldsShop naming its suppliers", err)
	}
	var n int64
	dst.Model(&Shop{}).Count(&n)
	if n != 1 {
		t.Errorf("the refused target has %d shop rows, want its own 1", n)
	}

	renamed, _ := openTemp(t)
	if err := renamed.Model(&Shop{}).Where("id = 1").Update("name", "Other shop").Error; err != nil {
		t.Fatal(err)
	}
	if _, err := CopyShop(renamed, src); !errors.Is(err, ErrHoldsShop) {
		t.Fatalf("copy into a database whose shop was named: %v, want ErrHoldsShop", err)
	}
}

// TestCopyShopRefusesOtherSchema refuses a source of another schema version.
func TestCopyShopRefusesOtherSchema(t *testing.T) {
	old, err := open(filepath.Join(t.TempDir(), "old.db"), migrations[:1])
	if err != nil {
		t.Fatal(err)
	}
	defer Close(old)
	dst, _ := openTemp(t)
	if _, err := CopyShop(dst, old); err == nil || !strings.Contains(err.Error(), "schema 1") {
		t.Fatalf("copy from schema 1: %v, want a refusal naming the schemas", err)
	}
}
