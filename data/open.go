package data

import (
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/mattn/go-sqlite3"
	"gorm.io/driver/sqlite"
	"gorm.io/gorm"
	"gorm.io/gorm/logger"
)

// pragmas are mattn/go-sqlite3 DSN keys (DESIGN section 10). Unknown keys are silently
// ignored by the driver, so TestOpenPragmas reads each one back.
const pragmas = "_journal_mode=WAL&_synchronous=FULL&_foreign_keys=1&_busy_timeout=5000&_txlock=immediate"

// driverName is mattn/go-sqlite3 with settings the DSN cannot carry, applied to every
// connection it opens; readerDriver is mattn/go-sqlite3 as it comes, for read-only
// connections: their big sorts spill to temporary files instead of growing the process.
const (
	driverName   = "sqlite3_clockwork"
	readerDriver = "sqlite3_clockwork_reader"
)

func init() {
	sql.Register(driverName, &sqlite3.SQLiteDriver{ConnectHook: func(c *sqlite3.SQLiteConn) error {
		// Statement journals in memory: in a long transaction (an import, the demo) SQLite
		// copies each page a statement touches into one, and in a temp file that meant
		// dozens of writes per inserted row.
		_, err := c.Exec("PRAGMA temp_store = MEMORY", nil)
		return err
	}})
	sql.Register(readerDriver, &sqlite3.SQLiteDriver{})
}

// Open opens (creating if needed) the Clockwork database at location and brings its schema
// up to date: a postgres:// or postgresql:// URL is a shop on a PostgreSQL server (the
// database must exist; its tables are created), anything else the path of a SQLite file,
// private to the user. A database written by a newer Clockwork is refused with
// ErrNewerSchema and left untouched.
func Open(location string) (*gorm.DB, error) {
	return open(location, migrations)
}

func open(path string, steps []migration) (*gorm.DB, error) {
	if IsServerURL(path) {
		return openServer(path, steps, false)
	}
	if err := prepareFile(path); err != nil {
		return nil, err
	}
	db, err := gorm.Open(sqlite.Dialector{DriverName: driverName, DSN: dsn(path)}, &gorm.Config{
		Logger:         logger.Default.LogMode(logger.Silent),
		TranslateError: true,
		// Prepared statements make the many small inserts of imports and the demo faster.
		// Beware: a prepared statement holds only the first of several SQL statements, so
		// never pass "a; b" to one Exec.
		PrepareStmt: true,
	})
	if err != nil {
		return nil, fmt.Errorf("open database %s: %w", path, err)
	}
	sqlDB, err := db.DB()
	if err != nil {
		return nil, err
	}
	// One connection: SQLite allows one writer anyway, and with one connection every write of
	// this process is serialised here instead of failing with "database is locked"; it also
	// makes PRAGMA data_version report exactly the changes made by other processes.
	sqlDB.SetMaxOpenConns(1)
	if err := checkJournal(db, path); err != nil {
		sqlDB.Close()
		return nil, err
	}
	if err := migrate(db, steps); err != nil {
		sqlDB.Close()
		return nil, fmt.Errorf("open database %s: %w", path, err)
	}
	return db, nil
}

// Close closes the database's connections.
func Close(db *gorm.DB) error {
	stopListening(db)
	sqlDB, err := db.DB()
	if err != nil {
		return err
	}
	return sqlDB.Close()
}

// prepareFile makes missing folders private (0700) and the database file private (0600)
// before SQLite creates it, so it is never readable by others, even for a moment.
func prepareFile(path string) error {
	dir := filepath.Dir(path)
	if _, err := os.Stat(dir); errors.Is(err, os.ErrNotExist) {
		if err := os.MkdirAll(dir, 0o700); err != nil {
			return fmt.Errorf("create folder for database %s: %w", path, err)
		}
	}
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o600)
	if err != nil {
		return fmt.Errorf("open database %s: %w", path, err)
	}
	f.Close()
	if err := os.Chmod(path, 0o600); err != nil {
		return fmt.Errorf("make database %s private: %w", path, err)
	}
	return nil
}

// dsn builds a file: URI so that paths with '?', '#' or '%' in them still work.
func dsn(path string) string {
	return "file:" + escapePath(path) + "?" + pragmas
}

func escapePath(path string) string {
	return strings.NewReplacer("%", "%25", "?", "%3f", "#", "%23").Replace(path)
}

func checkJournal(db *gorm.DB, path string) error {
	var mode string
	if err := db.Raw("PRAGMA journal_mode").Scan(&mode).Error; err != nil {
		return fmt.Errorf("open database %s: %w", path, ErrNotClockwork)
	}
	if !strings.EqualFold(mode, "wal") {
		return fmt.Errorf("open database %s: journal mode is %q, want wal", path, mode)
	}
	return nil
}

// Pragma reads one PRAGMA's value as text (for checks and tests).
func Pragma(db *gorm.DB, name string) (string, error) {
	var v string
	err := db.Raw("PRAGMA " + name).Row().Scan(&v)
	return v, err
}

// OpenReader opens a pool of up to conns read-only connections to the Clockwork database at
// path (or server URL), for reports that run several queries at once (WAL lets readers work
// beside the writer and each other). The schema must be up to date: open it with Open first.
func OpenReader(path string, conns int) (*gorm.DB, error) {
	if IsServerURL(path) {
		return openServerReader(path, conns)
	}
	db, err := gorm.Open(sqlite.Dialector{DriverName: readerDriver, DSN: "file:" + escapePath(path) + "?mode=ro&_query_only=1&_busy_timeout=5000"},
		&gorm.Config{Logger: logger.Default.LogMode(logger.Silent), TranslateError: true})
	if err != nil {
		return nil, fmt.Errorf("open database %s for reading: %w", path, err)
	}
	sqlDB, err := db.DB()
	if err != nil {
		return nil, err
	}
	sqlDB.SetMaxOpenConns(conns)
	sqlDB.SetMaxIdleConns(conns)
	// Reports come now and then: idle connections close, and their page caches go with them.
	sqlDB.SetConnMaxIdleTime(10 * time.Second)
	return db, nil
}
