package data

import (
	"strings"

	"gorm.io/gorm"
)

// Engine is what differs between the database engines a shop can live on: a SQLite file on
// one laptop (the default) or a PostgreSQL server that several stations share. Everything
// that can be portable SQL is; what cannot is a method here, written once per engine in
// engine_sqlite.go and engine_postgres.go, so that app/ reads as the shop's rules.
type Engine interface {
	ReportSQL // the pieces of report SQL the engines spell differently (report_sql.go)

	// Name is "sqlite" or "postgres".
	Name() string
	// IsFile says the shop is one file on this machine (backups copy it, its folder holds them).
	IsFile() bool
	// DataVersion is a number that changes whenever another connection (another station, or
	// a command-line import beside the window) commits a change to the shop.
	DataVersion(db *gorm.DB) (int64, error)
	// FullScan is table in a FROM clause, read straight through rather than along an index
	// (SQLite's NOT INDEXED; PostgreSQL's planner decides for itself).
	FullScan(table string) string
	// JoinDistinct is an aggregate of expr's distinct values joined with commas.
	JoinDistinct(expr string) string
	// CaseBlindLike is the LIKE operator that ignores case: SQLite's LIKE does (for ASCII
	// letters), PostgreSQL's ILIKE does too (for every script).
	CaseBlindLike() string
	// LockWrites is the first thing a write transaction does: it waits its turn behind the
	// other stations' writes (up to a few seconds, then an error IsBusy knows).
	LockWrites(tx *gorm.DB) error
	// BigCache gives a long write (an import) a cache of kib KiB and returns what puts the
	// usual one back.
	BigCache(db *gorm.DB, kib int) (restore func())

	readVersion(db *gorm.DB) (int, error)
	writeVersion(tx *gorm.DB, version int) error
	lockSchema(tx *gorm.DB) error
	afterStep(tx *gorm.DB) error
	foreignKeysOff(db *gorm.DB) (restore func(), err error)
	secondaryIndexes(t *TxSQL, tables []string) ([]index, error)
	reserveIDs(t *TxSQL, table string, last uint, n int) ([]uint, error)
	foreignKeyProblems(db *gorm.DB) ([]string, error)
	integrityProblems(db *gorm.DB) ([]string, error)
}

// EngineOf is the engine db runs on.
func EngineOf(db *gorm.DB) Engine {
	if db.Dialector != nil && db.Dialector.Name() == "postgres" {
		return postgresEngine{}
	}
	return sqliteEngine{}
}

// IsServerURL says location names a PostgreSQL server (postgres:// or postgresql://) rather
// than a SQLite file.
func IsServerURL(location string) bool {
	l := strings.ToLower(strings.TrimSpace(location))
	return strings.HasPrefix(l, "postgres://") || strings.HasPrefix(l, "postgresql://")
}

// Snapshot runs fn in one transaction that sees the shop as it was when it began, whatever
// other stations commit meanwhile (on PostgreSQL a read-only REPEATABLE READ transaction;
// SQLite's transaction holds the file).
func Snapshot(db *gorm.DB, fn func(tx *gorm.DB) error) error { return snapshot(db, fn) }
