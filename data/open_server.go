package data

import (
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/stdlib"
	"gorm.io/driver/postgres"
	"gorm.io/gorm"
	"gorm.io/gorm/logger"
)

// serverConns is how many connections one station keeps to the server: writes take turns on
// the shop's write lock (WriteLock), reads go on beside them.
const serverConns = 8

// ShowLocation is location fit to print: a server URL with its password masked.
func ShowLocation(location string) string {
	if !IsServerURL(location) {
		return location
	}
	return maskPassword(location)
}

// jit is off for Clockwork's sessions: compiling a report query (the scorecards' estimates
// pass PostgreSQL's JIT thresholds) took longer than running it, 3 to 6 s on 100,000 orders.
const jit = "off"

// openServer opens the shop on the PostgreSQL server at location (a postgres:// URL) and
// brings its schema up to date; existing says the shop must be there already.
func openServer(location string, steps []migration, existing bool) (*gorm.DB, error) {
	cfg, err := pgx.ParseConfig(location)
	if err != nil {
		return nil, fmt.Errorf("open database %s: the URL is not a PostgreSQL connection URL (postgres://user@host/shop)", ShowLocation(location))
	}
	station := stationToken()
	cfg.RuntimeParams["application_name"] = "clockwork"
	cfg.RuntimeParams["clockwork.station"] = station
	cfg.RuntimeParams["jit"] = jit
	sqlDB := stdlib.OpenDB(*cfg)
	sqlDB.SetMaxOpenConns(serverConns)
	sqlDB.SetMaxIdleConns(serverConns)
	db, err := gorm.Open(postgres.New(postgres.Config{Conn: sqlDB}), &gorm.Config{
		Logger:         logger.Default.LogMode(logger.Silent),
		TranslateError: true,
	})
	if err == nil {
		err = sqlDB.Ping()
	}
	if err != nil {
		sqlDB.Close()
		return nil, serverError(location, err)
	}
	if existing {
		if v, err := EngineOf(db).readVersion(db); err != nil || v < 1 {
			sqlDB.Close()
			return nil, fmt.Errorf("%s: %w", ShowLocation(location), ErrNotClockwork)
		}
	}
	if err := migrate(db, steps); err != nil {
		sqlDB.Close()
		return nil, fmt.Errorf("open database %s: %w", ShowLocation(location), err)
	}
	if err := listen(db, cfg, station); err != nil {
		sqlDB.Close()
		return nil, serverError(location, err)
	}
	return db, nil
}

// serverError says what went wrong reaching the server, never showing the password.
func serverError(location string, err error) error {
	var pe *pgconn.PgError
	if errors.As(err, &pe) && pe.Code == "3D000" {
		return fmt.Errorf("%s: %w (the server has no such database)", ShowLocation(location), ErrNoDatabase)
	}
	return fmt.Errorf("open database %s: %w", ShowLocation(location), err)
}

// stationToken names this process's connections, so that its listener can tell its own
// changes from other stations'.
func stationToken() string {
	b := make([]byte, 8)
	rand.Read(b)
	return hex.EncodeToString(b)
}

// openServerReader opens a pool of up to conns read-only connections for reports.
func openServerReader(location string, conns int) (*gorm.DB, error) {
	cfg, err := pgx.ParseConfig(location)
	if err != nil {
		return nil, fmt.Errorf("open database %s for reading: the URL is not a PostgreSQL connection URL", ShowLocation(location))
	}
	cfg.RuntimeParams["application_name"] = "clockwork reports"
	cfg.RuntimeParams["default_transaction_read_only"] = "on"
	cfg.RuntimeParams["jit"] = jit
	sqlDB := stdlib.OpenDB(*cfg)
	sqlDB.SetMaxOpenConns(conns)
	sqlDB.SetMaxIdleConns(conns)
	sqlDB.SetConnMaxIdleTime(10 * time.Second)
	db, err := gorm.Open(postgres.New(postgres.Config{Conn: sqlDB}), &gorm.Config{
		Logger: logger.Default.LogMode(logger.Silent), TranslateError: true,
	})
	if err != nil {
		sqlDB.Close()
		return nil, serverError(location, err)
	}
	return db, nil
}
