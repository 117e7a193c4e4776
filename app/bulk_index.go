package app

import "clockwork/data"

// Rebuilding an index costs about a tenth of keeping it up to date row by row, but it covers
// the rows already there too. An import whose new orders are at least bulkMinOrders and a
// quarter of those stored sets the secondary indexes aside and rebuilds them at the end.
const bulkMinOrders = 2000

// bulkTables are the tables an order import fills.
var bulkTables = []string{"customers", "orders", "order_lines"}

// setIndexesAside drops the non-unique indexes of the tables a big import fills, inside its
// transaction, and returns what recreates them exactly as they were (data.SetIndexesAside).
// For a small import it does nothing.
func setIndexesAside(q *data.TxSQL, newOrders int) (restore func() error, err error) {
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
	return q.SetIndexesAside(bulkTables...)
}
