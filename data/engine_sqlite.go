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

// lockSchema has nothing to do: transactions begin IMMEDIATE (see pragmas), so a migration
// step already holds the file's write lock.
func (sqliteEngine) lockSchema(*gorm.DB) error { return nil }

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
