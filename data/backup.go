package data

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"

	"github.com/mattn/go-sqlite3"
	"gorm.io/gorm"
)

// ErrExists means a file is already where a new one would go.
var ErrExists = errors.New("file already exists")

// BackupTo writes a consistent copy of the database to out, an SQLite file, safe while other
// connections read and write: an SQLite shop with VACUUM INTO, a shop on PostgreSQL by
// copying its rows from one snapshot. It never overwrites a file.
func BackupTo(db *gorm.DB, out string) error {
	if onPostgres(db) {
		return backupByCopy(db, out)
	}
	// Create the file first, exclusively and private; VACUUM INTO accepts an empty file.
	f, err := os.OpenFile(out, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if errors.Is(err, os.ErrExist) {
		return fmt.Errorf("back up to %s: %w", out, ErrExists)
	}
	if err != nil {
		return fmt.Errorf("back up to %s: %w", out, err)
	}
	f.Close()
	if err := db.Exec("VACUUM INTO ?", out).Error; err != nil {
		os.Remove(out)
		return fmt.Errorf("back up to %s: %w", out, err)
	}
	return nil
}

// InspectFile opens a database file read-only and reports its schema version, or
// ErrNotClockwork when it is not a sound Clockwork database.
func InspectFile(path string) (int, error) {
	src, err := sql.Open("sqlite3", "file:"+escapePath(path)+"?mode=ro")
	if err != nil {
		return 0, err
	}
	defer src.Close()
	var version int
	var tables int
	if err := src.QueryRow("PRAGMA user_version").Scan(&version); err != nil {
		return 0, fmt.Errorf("%s: %w", path, ErrNotClockwork)
	}
	if err := src.QueryRow("SELECT count(*) FROM sqlite_master WHERE type='table' AND name IN ('shops','orders')").Scan(&tables); err != nil || tables != 2 {
		return 0, fmt.Errorf("%s: %w", path, ErrNotClockwork)
	}
	var check string
	if err := src.QueryRow("PRAGMA quick_check").Scan(&check); err != nil || check != "ok" {
		return 0, fmt.Errorf("%s is damaged (%s): %w", path, check, ErrNotClockwork)
	}
	return version, nil
}

// RestoreFrom replaces the open database's content with the backup at path (an SQLite file),
// using SQLite's online backup, so the open connection stays valid and other processes see a
// consistent switch, and the schema is then brought up to date; a shop on a server has its
// rows replaced by the backup's in one transaction.
func RestoreFrom(db *gorm.DB, path string) error {
	version, err := InspectFile(path)
	if err != nil {
		return err
	}
	if version > SchemaVersion() {
		return fmt.Errorf("restore %s: %w", path, ErrNewerSchema)
	}
	if onPostgres(db) {
		return restoreByCopy(db, path)
	}
	src, err := sql.Open("sqlite3", "file:"+escapePath(path)+"?mode=ro")
	if err != nil {
		return err
	}
	defer src.Close()
	ctx := context.Background()
	srcConn, err := src.Conn(ctx)
	if err != nil {
		return err
	}
	defer srcConn.Close()
	sqlDB, err := db.DB()
	if err != nil {
		return err
	}
	dstConn, err := sqlDB.Conn(ctx)
	if err != nil {
		return err
	}
	err = dstConn.Raw(func(d any) error {
		return srcConn.Raw(func(s any) error {
			return copyDatabase(d.(*sqlite3.SQLiteConn), s.(*sqlite3.SQLiteConn))
		})
	})
	dstConn.Close()
	if err != nil {
		return fmt.Errorf("restore %s: %w", path, err)
	}
	return migrate(db, migrations)
}

func copyDatabase(dst, src *sqlite3.SQLiteConn) error {
	b, err := dst.Backup("main", src, "main")
	if err != nil {
		return err
	}
	if _, err := b.Step(-1); err != nil {
		b.Finish()
		return err
	}
	return b.Finish()
}
