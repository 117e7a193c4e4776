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

	readVersion(db *gorm.DB) (int, error)
	writeVersion(tx *gorm.DB, version int) error
	lockSchema(tx *gorm.DB) error
	afterStep(tx *gorm.DB) error
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
