package data

import (
	"bytes"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"os"

	"github.com/jackc/pgx/v5/pgconn"
	"github.com/mattn/go-sqlite3"
	"gorm.io/gorm"
)

// ErrNoDatabase means there is no file where the shop's database was said to be.
var ErrNoDatabase = errors.New("there is no Clockwork shop at this path")

// ErrBusy means another process kept the database's write lock for longer than was waited.
var ErrBusy = errors.New("another Clockwork is writing to this shop; try again")

// ErrDamaged means SQLite found the database file damaged.
var ErrDamaged = errors.New("the shop's database file is damaged")

// sqliteMagic starts every SQLite database file.
var sqliteMagic = []byte("SQLite format 3\x00")

// OpenExisting opens the Clockwork shop at path as Open does, but creates nothing: a missing
// file is refused with ErrNoDatabase, and a file that is not a Clockwork shop (not SQLite, or
// SQLite without Clockwork's tables) with ErrNotClockwork, its bytes and mode untouched.
// A server URL must name a database that holds a Clockwork shop already.
func OpenExisting(path string) (*gorm.DB, error) {
	if IsServerURL(path) {
		return openServer(path, migrations, true)
	}
	if err := isShop(path); err != nil {
		return nil, err
	}
	return Open(path)
}

// isShop looks at the file at path without writing to it: a regular file that starts as an
// SQLite database and, read-only, holds Clockwork's schema version and tables.
func isShop(path string) error {
	info, err := os.Stat(path)
	if errors.Is(err, os.ErrNotExist) {
		return fmt.Errorf("%s: %w", path, ErrNoDatabase)
	}
	if err != nil {
		return fmt.Errorf("open database %s: %w", path, err)
	}
	if !info.Mode().IsRegular() {
		return fmt.Errorf("%s is not a file: %w", path, ErrNotClockwork)
	}
	f, err := os.Open(path)
	if err != nil {
		return fmt.Errorf("open database %s: %w", path, err)
	}
	head := make([]byte, len(sqliteMagic))
	_, err = io.ReadFull(f, head)
	f.Close()
	if err != nil || !bytes.Equal(head, sqliteMagic) {
		return fmt.Errorf("%s: %w", path, ErrNotClockwork)
	}
	if _, err := readShape(path); IsDamaged(err) {
		return fmt.Errorf("%s: %w (%v)", path, ErrDamaged, err)
	} else if err != nil {
		return fmt.Errorf("%s: %w", path, ErrNotClockwork)
	}
	return nil
}

// readShape opens path read-only and reads its schema version, failing when Clockwork's own
// tables are not there.
func readShape(path string) (int, error) {
	src, err := sql.Open(readerDriver, "file:"+escapePath(path)+"?mode=ro")
	if err != nil {
		return 0, err
	}
	defer src.Close()
	var version, tables int
	if err := src.QueryRow("PRAGMA user_version").Scan(&version); err != nil {
		return 0, err
	}
	err = src.QueryRow("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name IN ('shops', 'orders', 'purchase_orders')").Scan(&tables)
	if err != nil {
		return 0, err
	}
	if version < 1 || tables != 3 {
		return 0, ErrNotClockwork
	}
	return version, nil
}

// IsBusy says err is SQLite's "database is locked", or PostgreSQL's lock_not_available:
// another connection held the write lock for longer than was waited.
func IsBusy(err error) bool {
	var se sqlite3.Error
	if errors.As(err, &se) {
		return se.Code == sqlite3.ErrBusy || se.Code == sqlite3.ErrLocked
	}
	var pe *pgconn.PgError
	return errors.As(err, &pe) && pe.Code == "55P03"
}

// IsDamaged says err is SQLite finding the file corrupt or not a database at all.
func IsDamaged(err error) bool {
	var se sqlite3.Error
	return errors.As(err, &se) && (se.Code == sqlite3.ErrCorrupt || se.Code == sqlite3.ErrNotADB)
}
