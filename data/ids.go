package data

import (
	"fmt"

	"gorm.io/gorm"
)

// idBlock is the most ids a writer takes from PostgreSQL's sequence at a time. It starts
// with one and doubles, so that a writer that adds one row (an order typed in) skips no ids
// and one that adds thousands (an import) asks the server once per idBlock rows.
const idBlock = 128

// IDs hands out the ids of new rows of one table, for writers that insert many rows a
// statement and give each row its id up front (an order's lines need their order's id).
// On SQLite they follow the largest stored id: the write transaction holds the file's write
// lock from its start, so no one else takes them. On PostgreSQL they come from the table's own
// sequence, a block at a time, so that stations writing at once never get the same id and
// rows that gorm inserts later (which take the sequence's next value) do not collide either.
type IDs struct {
	t     *TxSQL
	table string
	last  uint
	free  []uint
	block int // how many to take next
}

// IDs hands out new ids of table within this transaction.
func (t *TxSQL) IDs(table string) *IDs { return &IDs{t: t, table: table, block: 1} }

// Next is a new row's id.
func (ids *IDs) Next() (uint, error) {
	if err := ids.reserve(1); err != nil {
		return 0, err
	}
	id := ids.free[0]
	ids.free, ids.last = ids.free[1:], id
	return id, nil
}

// reserve makes sure at least n ids are at hand: an order's lines ask for all of theirs at once.
func (ids *IDs) reserve(n int) error {
	if len(ids.free) >= n {
		return nil
	}
	want := max(n-len(ids.free), ids.block)
	ids.block = min(ids.block*2, idBlock)
	last := ids.last
	if len(ids.free) > 0 {
		last = ids.free[len(ids.free)-1]
	}
	got, err := ids.t.engine.reserveIDs(ids.t, ids.table, last, want)
	if err != nil {
		return fmt.Errorf("number the new %s: %w", ids.table, err)
	}
	ids.free = append(ids.free, got...)
	return nil
}

// Reserve takes n ids at once when fewer are at hand, so that the next n calls of Next do
// not ask the server one after another.
func (ids *IDs) Reserve(n int) error { return ids.reserve(n) }

// following is the n ids after last.
func following(last uint, n int) []uint {
	out := make([]uint, n)
	for i := range out {
		out[i] = last + 1 + uint(i)
	}
	return out
}

// IDsFollowRows moves each table's id sequence past the largest id stored, after rows were
// written with their ids given (a copied shop, a generated history), so that the next row
// a station adds does not collide with one of them. SQLite needs nothing.
func IDsFollowRows(db *gorm.DB) error { return afterCopy(db) }
