package data

import (
	"fmt"

	"gorm.io/gorm"
)

// sqliteEngine is a shop in one SQLite file (DESIGN section 10).
type sqliteEngine struct{}

func (sqliteEngine) Name() string { return "sqlite" }

func (sqliteEngine) IsFile() bool { return true }

// DataVersion is SQLite's data_version: it moves when another connection commits. The writer
// pool has one connection, so it reports exactly the changes made by other processes.
func (sqliteEngine) DataVersion(db *gorm.DB) (int64, error) {
	var dv int64
	err := db.Raw("PRAGMA data_version").Row().Scan(&dv)
	return dv, err
}

func (sqliteEngine) readVersion(db *gorm.DB) (int, error) {
	var v int
	err := db.Raw("PRAGMA user_version").Row().Scan(&v)
	return v, err
}

func (sqliteEngine) writeVersion(tx *gorm.DB, version int) error {
	return tx.Exec(fmt.Sprintf("PRAGMA user_version = %d", version)).Error
}

func (sqliteEngine) FullScan(table string) string { return table + " NOT INDEXED" }

func (sqliteEngine) JoinDistinct(expr string) string { return "GROUP_CONCAT(DISTINCT " + expr + ")" }

func (sqliteEngine) CaseBlindLike() string { return "LIKE" }

// LockWrites has nothing to do: BEGIN IMMEDIATE took the file's write lock (waiting up to
// the busy timeout for it).
func (sqliteEngine) LockWrites(*gorm.DB) error { return nil }

// lockSchema has nothing to do: transactions begin IMMEDIATE (see pragmas), so a migration
// step already holds the file's write lock.
func (sqliteEngine) lockSchema(*gorm.DB) error { return nil }

// foreignKeysOff turns foreign keys off for a migration that rebuilds tables (outside its
// transaction: SQLite ignores the switch inside one).
func (sqliteEngine) foreignKeysOff(db *gorm.DB) (restore func(), err error) {
	if err := db.Exec("PRAGMA foreign_keys = OFF").Error; err != nil {
		return nil, err
	}
	return func() { db.Exec("PRAGMA foreign_keys = ON") }, nil
}

// afterStep has nothing to add.
func (sqliteEngine) afterStep(*gorm.DB) error { return nil }

func (sqliteEngine) foreignKeyProblems(db *gorm.DB) ([]string, error) {
	rows, err := db.Raw("PRAGMA foreign_key_check").Rows()
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var problems []string
	for rows.Next() {
		var table, parent string
		var rowid *int64
		var fkid int
		if err := rows.Scan(&table, &rowid, &parent, &fkid); err != nil {
			return nil, err
		}
		id := "?"
		if rowid != nil {
			id = fmt.Sprint(*rowid)
		}
		problems = append(problems, fmt.Sprintf("%s row %s points to a missing %s", table, id, parent))
	}
	return problems, rows.Err()
}

func (sqliteEngine) integrityProblems(db *gorm.DB) ([]string, error) {
	var out []string
	if err := db.Raw("PRAGMA integrity_check").Scan(&out).Error; err != nil {
		return nil, err
	}
	if len(out) == 1 && out[0] == "ok" {
		return nil, nil
	}
	return out, nil
}

func (sqliteEngine) secondaryIndexes(t *TxSQL, tables []string) ([]index, error) {
	in, args := inList(tables)
	return readIndexes(t, `SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL
		AND tbl_name IN (`+in+`) AND sql NOT LIKE 'CREATE UNIQUE%' ORDER BY name`, args...)
}

// BigCache enlarges SQLite's page cache to kib for a long write and returns what puts it back:
// the indexes of 100,000 orders outgrow the default 2 MB, and every insert would read index
// pages back from disk.
func (sqliteEngine) BigCache(db *gorm.DB, kib int) (restore func()) {
	var old int
	if err := db.Raw("PRAGMA cache_size").Row().Scan(&old); err != nil {
		return func() {}
	}
	db.Exec(fmt.Sprintf("PRAGMA cache_size = -%d", kib))
	return func() { db.Exec(fmt.Sprintf("PRAGMA cache_size = %d", old)) }
}

// reserveIDs follows the largest id stored (read once, when nothing was handed out yet).
func (sqliteEngine) reserveIDs(t *TxSQL, table string, last uint, n int) ([]uint, error) {
	if last == 0 {
		if err := t.QueryRow("SELECT COALESCE(MAX(id), 0) FROM "+table, nil, &last); err != nil {
			return nil, err
		}
	}
	return following(last, n), nil
}
