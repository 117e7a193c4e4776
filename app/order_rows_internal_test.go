package app

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"clockwork/data"
	"clockwork/data/testdb"

	"gorm.io/gorm"
)

// A batch of rows written as a query fails as an Exec would: a row breaking a constraint
// is an error, and nothing of its statement is stored.
func TestWriteRowsReportsAConstraintBroken(t *testing.T) {
	a, err := Open(testdb.Location(t, filepath.Join(t.TempDir(), "shop.db")))
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	now := time.Date(2026, 3, 1, 10, 0, 0, 0, time.UTC)
	err = a.db.Transaction(func(tx *gorm.DB) error {
		b, err := newRowBuffer(data.NewTxSQL(context.Background(), tx, nil))
		if err != nil {
			return err
		}
		for _, n := range []string{"#1", "#2", "#1"} { // #1 twice: the unique (channel, number)
			if err := b.order(&data.Order{Channel: data.ChannelShopify, Number: n, PlacedAt: now, Status: data.OrderNew}, now); err != nil {
				return err
			}
		}
		return b.flush()
	})
	if err == nil || !strings.Contains(strings.ToLower(err.Error()), "unique") {
		t.Fatalf("a duplicate order number stored: %v", err)
	}
	var n int64
	a.db.Model(&data.Order{}).Count(&n)
	if n != 0 {
		t.Errorf("%d orders stored from a failed batch", n)
	}
}
