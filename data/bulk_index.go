package data

import (
	"fmt"
	"strings"
)

// index is a secondary index as the schema holds it: its name and the SQL that creates it.
type index struct{ name, create string }

// SetIndexesAside drops the non-unique indexes of tables inside the transaction, and returns
// what recreates them exactly as they were (their SQL is read from the schema). Unique indexes
// stay: they guard the data. On PostgreSQL the dropped indexes lock their tables until the
// commit, so other stations' reads of them wait for the import.
func (t *TxSQL) SetIndexesAside(tables ...string) (restore func() error, err error) {
	none := func() error { return nil }
	indexes, err := t.engine.secondaryIndexes(t, tables)
	if err != nil {
		return none, fmt.Errorf("read the indexes: %w", err)
	}
	for _, ix := range indexes {
		if _, err := t.ExecOnce(`DROP INDEX "` + strings.ReplaceAll(ix.name, `"`, `""`) + `"`); err != nil {
			return none, fmt.Errorf("set index %s aside: %w", ix.name, err)
		}
	}
	return func() error {
		for _, ix := range indexes {
			if _, err := t.ExecOnce(ix.create); err != nil {
				return fmt.Errorf("rebuild index %s: %w", ix.name, err)
			}
		}
		return nil
	}, nil
}

// readIndexes reads (name, create) rows.
func readIndexes(t *TxSQL, query string, args ...any) ([]index, error) {
	rows, err := t.Query(query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []index
	for rows.Next() {
		var ix index
		if err := rows.Scan(&ix.name, &ix.create); err != nil {
			return nil, err
		}
		out = append(out, ix)
	}
	return out, rows.Err()
}

// inList is "?, ?, ?" for n values and the values as arguments.
func inList(values []string) (string, []any) {
	args := make([]any, len(values))
	for i, v := range values {
		args[i] = v
	}
	return strings.TrimSuffix(strings.Repeat("?, ", len(values)), ", "), args
}
