package app

import (
	"clockwork/data"

	"gorm.io/gorm"
)

// Rebuilding an index costs about a tenth of keeping it up to date row by row, but it covers
// the rows already there too. An import whose new orders are at least bulkMinOrders and a
// quarter of those stored sets the secondary indexes aside and rebuilds them at the end.
const bulkMinOrders = 2000

// bulkTables are the tables an order import fills.
var bulkTables = []string{"customers", "orders", "order_lines"}

// setIndexesAside drops the non-unique indexes of the tables a big import fills, inside its
// transaction, and returns what recreates them exactly as they were (data.SetIndexesAside)
// and then brings the tables' statistics up to date (data.Engine.Analyze): the rest of the
// transaction and the first queries after it are planned for the orders there are now.
// For a small import it does nothing.
func setIndexesAside(tx *gorm.DB, q *data.TxSQL, newOrders int) (restore func() error, err error) {
	none := func() error { return nil }
	if newOrders < bulkMinOrders {
		return none, nil
	}
	var stored int
	if err := q.QueryRow("SELECT COUNT(*) FROM orders", nil, &stored); err != nil {
		return none, err
	}
	if newOrders*4 < stored {
		return none, nil
	}
	rebuild, err := q.SetIndexesAside(bulkTables...)
	if err != nil {
		return none, err
	}
	return func() error {
		if err := rebuild(); err != nil {
			return err
		}
		return data.EngineOf(tx).Analyze(tx, bulkTables...)
	}, nil
}
