package data

import (
	"database/sql"
	"fmt"

	"gorm.io/gorm"
)

// onPostgres says db is a PostgreSQL database (else it is SQLite).
func onPostgres(db *gorm.DB) bool { return EngineOf(db).Name() == "postgres" }

// snapshot runs fn in one transaction that sees the database as it was when it began, however
// long the copy takes and whatever other stations write meanwhile.
func snapshot(db *gorm.DB, fn func(tx *gorm.DB) error) error {
	if onPostgres(db) {
		return db.Transaction(fn, &sql.TxOptions{Isolation: sql.LevelRepeatableRead, ReadOnly: true})
	}
	// SQLite: a transaction takes the write lock when it begins (_txlock=immediate), so
	// nothing changes under the copy.
	return db.Transaction(fn)
}

// afterCopy moves each PostgreSQL id sequence past the largest id copied, so that the next
// row a station adds does not collide with a copied one. SQLite's AUTOINCREMENT follows the
// ids inserted by itself.
func afterCopy(db *gorm.DB) error {
	if !onPostgres(db) {
		return nil
	}
	for _, m := range Models() {
		table, err := TableName(db, m)
		if err != nil {
			return err
		}
		q := fmt.Sprintf(`SELECT setval(pg_get_serial_sequence('%s', 'id'), COALESCE(MAX(id), 0) + 1, false) FROM %q`, table, table)
		if err := db.Exec(q).Error; err != nil {
			return fmt.Errorf("move the id sequence of %s past the copied rows: %w", table, err)
		}
	}
	return nil
}
