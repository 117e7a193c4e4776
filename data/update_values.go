package data

import (
	"fmt"
	"strings"
	"sync"

	"gorm.io/gorm"
)

// UpdateFromValues updates many rows of a table with one statement per batch rows:
// UPDATE table SET set FROM (VALUES (id, …), …) AS v WHERE table.id = v.column1. columns
// name, for each value of a row, the table's column whose type it has (the first is "id");
// PostgreSQL needs them to type the VALUES, SQLite takes the values as they are. With
// COALESCE in set, a NULL value keeps the row's current one.
func UpdateFromValues(tx *gorm.DB, table, set string, columns []string, rows [][]any, batch int) error {
	if len(rows) == 0 {
		return nil
	}
	first, err := valuesRow(tx, table, columns)
	if err != nil {
		return fmt.Errorf("update %s: %w", table, err)
	}
	one := "(?" + strings.Repeat(",?", len(columns)-1) + ")"
	for i := 0; i < len(rows); i += batch {
		part := rows[i:min(i+batch, len(rows))]
		values := first + strings.Repeat(","+one, len(part)-1)
		args := make([]any, 0, len(part)*len(columns))
		for _, r := range part {
			args = append(args, r...)
		}
		q := fmt.Sprintf("UPDATE %s SET %s FROM (VALUES %s) AS v WHERE %s.id = v.column1", table, set, values, table)
		if err := tx.Exec(q, args...).Error; err != nil {
			return fmt.Errorf("update %s: %w", table, err)
		}
	}
	return nil
}

// valuesRow is the first row of placeholders: on PostgreSQL each cast to its column's type.
func valuesRow(tx *gorm.DB, table string, columns []string) (string, error) {
	if EngineOf(tx).Name() != "postgres" {
		return "(?" + strings.Repeat(",?", len(columns)-1) + ")", nil
	}
	types, err := columnTypes(tx, table)
	if err != nil {
		return "", err
	}
	casts := make([]string, len(columns))
	for i, c := range columns {
		t, ok := types[c]
		if !ok {
			return "", fmt.Errorf("%s has no column %s", table, c)
		}
		casts[i] = "CAST(? AS " + t + ")"
	}
	return "(" + strings.Join(casts, ",") + ")", nil
}

// columnTypesByTable remembers each table's column types (the schema only changes when a
// newer Clockwork migrates it, which a running one does not see anyway).
var columnTypesByTable sync.Map

func columnTypes(tx *gorm.DB, table string) (map[string]string, error) {
	if m, ok := columnTypesByTable.Load(table); ok {
		return m.(map[string]string), nil
	}
	cts, err := tx.Migrator().ColumnTypes(table)
	if err != nil {
		return nil, err
	}
	m := map[string]string{}
	for _, ct := range cts {
		m[ct.Name()] = strings.ToLower(ct.DatabaseTypeName())
	}
	columnTypesByTable.Store(table, m)
	return m, nil
}
