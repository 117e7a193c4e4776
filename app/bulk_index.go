package app

import (
	"fmt"
	"strings"
)

// Rebuilding an index costs about a tenth of keeping it up to date row by row, but it covers
// the rows already there too. An import whose new orders are at least bulkMinOrders and a
// quarter of those stored sets the secondary indexes aside and rebuilds them at the end.
const bulkMinOrders = 2000

// bulkTables are the tables an order import fills.
var bulkTables = []string{"customers", "orders", "order_lines"}

// setIndexesAside drops the non-unique indexes of the tables an import fills, inside its
// transaction, and returns what recreates them exactly as they were (their SQL is read from
// the schema). Unique indexes stay: they guard the data. On anything but SQLite, or for a
// small import, it does nothing.
func setIndexesAside(q *txSQL, dialect string, newOrders int) (restore func() error, err error) {
	none := func() error { return nil }
	if dialect != "sqlite" || newOrders < bulkMinOrders {
		return none, nil
	}
	var stored int
	if err := q.queryRow("SELECT COUNT(*) FROM orders", nil, &stored); err != nil {
		return none, err
	}
	if newOrders*4 < stored {
		return none, nil
	}
	rows, err := q.query(`SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL
		AND tbl_name IN (?, ?, ?) AND sql NOT LIKE 'CREATE UNIQUE%' ORDER BY name`, bulkTables[0], bulkTables[1], bulkTables[2])
	if err != nil {
		return none, fmt.Errorf("read the indexes: %w", err)
	}
	var names, create []string
	for rows.Next() {
		var name, sql string
		if err := rows.Scan(&name, &sql); err != nil {
			rows.Close()
			return none, err
		}
		names, create = append(names, name), append(create, sql)
	}
	rows.Close()
	for _, n := range names {
		if _, err := q.conn.ExecContext(q.ctx, `DROP INDEX "`+strings.ReplaceAll(n, `"`, `""`)+`"`); err != nil {
			return none, fmt.Errorf("set index %s aside: %w", n, err)
		}
	}
	return func() error {
		for i, sql := range create {
			if _, err := q.conn.ExecContext(q.ctx, sql); err != nil {
				return fmt.Errorf("rebuild index %s: %w", names[i], err)
			}
		}
		return nil
	}, nil
}
