package data

import (
	"database/sql"
	"fmt"
	"os"
)

// FileSchemaVersion reads the schema version of the database file at path without opening
// it for writing, migrating or creating it. A missing file gives an error that satisfies
// errors.Is(err, fs.ErrNotExist).
func FileSchemaVersion(path string) (int, error) {
	if _, err := os.Stat(path); err != nil {
		return 0, err
	}
	db, err := sql.Open(readerDriver, "file:"+escapePath(path)+"?mode=ro")
	if err != nil {
		return 0, err
	}
	defer db.Close()
	var v int
	if err := db.QueryRow("PRAGMA user_version").Scan(&v); err != nil {
		return 0, fmt.Errorf("read the schema version of %s: %w", path, err)
	}
	return v, nil
}
