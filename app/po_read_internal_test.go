package app

import (
	"fmt"
	"path/filepath"
	"testing"

	"clockwork/data"

	"gorm.io/gorm"
)

// TestReadPOsByIDInBatches: more POs than one batch all come back, with their lines.
func TestReadPOsByIDInBatches(t *testing.T) {
	a, err := Open(filepath.Join(t.TempDir(), "shop.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	s := data.Supplier{Name: "Atlas", Status: data.SupplierActive}
	if err := a.db.Create(&s).Error; err != nil {
		t.Fatal(err)
	}
	var ids []uint
	for i := range idBatch + 7 {
		po := data.PurchaseOrder{Number: fmt.Sprintf("PO-%06d", i+1), SupplierID: s.ID, Status: data.POSent,
			Lines: []data.POLine{{SKU: "MUG-1", Qty: 1}}}
		if err := a.db.Create(&po).Error; err != nil {
			t.Fatal(err)
		}
		ids = append(ids, po.ID)
	}
	pos, err := readPOsByID(a.db.Preload("Lines", func(db *gorm.DB) *gorm.DB { return db.Order("id") }), ids)
	if err != nil {
		t.Fatal(err)
	}
	if len(pos) != len(ids) {
		t.Fatalf("%d purchase orders read, want %d", len(pos), len(ids))
	}
	if last := pos[ids[len(ids)-1]]; last == nil || len(last.Lines) != 1 {
		t.Errorf("the last batch's PO came back without its line: %+v", last)
	}
}
