// Package app is what the shop can do: every use case of Clockwork (import, plan purchases,
// send, receive, ship, return, promise dates, scorecards, backups), written once and used by
// both the window (views) and the command line (app/cli). It never imports Fyne.
package app

import (
	"errors"
	"fmt"
	"path/filepath"
	"sync"
	"sync/atomic"
	"time"

	"clockwork/data"

	"gorm.io/gorm"
)

// App is an open shop: its database and clock.
type App struct {
	db     *gorm.DB
	path   string // the database file, or a shared database's URL without its password
	secret string // a shared database's password (never shown, never stored)
	now    func() time.Time
	inTx   bool // bound to an outer transaction: listeners hear of it once that commits
	typed  bool // the clock was set to a time the user typed (At): "now" is still the real now
	shared *shared
}

// shared is what every copy of an App (WithClock, InTx) has in common.
type shared struct {
	local     atomic.Int64 // writes made by this process
	mu        sync.Mutex
	listeners []func()
	locMu     sync.Mutex
	loc       *time.Location
	stmts     data.Statements     // statements of the transaction in progress (txsql.go)
	leads     leadHistory         // suppliers' lead times for promise dates (lead_history.go)
	readers   readPool            // read-only connections for reports (readers.go)
	onWait    func(time.Duration) // told when a write waits for another process (guard.go)
	folder    string              // where the shop's files go (folder.go)
}

// Open opens the shop database at path (see data.Open), or the shared database a postgres://
// URL names, and returns the App over it.
func Open(path string) (*App, error) {
	if IsShared(path) {
		return openShared(path, data.Open, true)
	}
	db, err := data.Open(path)
	if err != nil {
		return nil, err
	}
	return New(db, path), nil
}

// OpenExisting opens the shop database at path like Open, but creates nothing: a missing
// path or a file that is not a Clockwork shop is refused and left as it is (data.OpenExisting).
func OpenExisting(path string) (*App, error) {
	if IsShared(path) {
		return openShared(path, data.OpenExisting, true)
	}
	db, err := data.OpenExisting(path)
	if err != nil {
		return nil, openError(path, err)
	}
	return New(db, path), nil
}

// New returns the App over an open database; path is where its file lives (for backups), or
// the server's URL.
func New(db *gorm.DB, path string) *App {
	return &App{db: db, path: path, now: time.Now, shared: &shared{}}
}

// Close closes the database.
func (a *App) Close() error {
	rerr := a.closeReaders()
	if err := data.Close(a.db); err != nil {
		return err
	}
	return rerr
}

// Path is the database file's path, or the shared database's URL without its password;
// print it with Where, which shows a password as ****.
func (a *App) Path() string { return a.path }

// IsFile says the shop is one database file on this machine (SQLite) rather than on a
// database server: only a file has a folder beside it, file backups and a damaged mark.
func (a *App) IsFile() bool { return data.EngineOf(a.db).IsFile() }

// WithClock returns an App on the same database whose clock is now; records it writes carry
// that clock's times. Tests and the demo's simulated year use it.
func (a *App) WithClock(now func() time.Time) *App {
	c := *a
	c.now = now
	c.db = a.db.Session(&gorm.Session{NowFunc: func() time.Time { return now().UTC() }})
	return &c
}

// Now is the App's current time.
func (a *App) Now() time.Time { return a.now() }

// Location is the shop's time zone (the machine's when none is set).
func (a *App) Location() *time.Location {
	a.shared.locMu.Lock()
	defer a.shared.locMu.Unlock()
	if a.shared.loc == nil {
		a.shared.loc = time.Local
		var shop data.Shop
		if err := a.db.Select("time_zone").First(&shop).Error; err == nil && shop.TimeZone != "" {
			if loc, err := time.LoadLocation(shop.TimeZone); err == nil {
				a.shared.loc = loc
			}
		}
	}
	return a.shared.loc
}

// Today is the current calendar day in the shop's time zone.
func (a *App) Today() data.Day { return data.DayOf(a.now(), a.Location()) }

// write runs fn in one transaction (all or nothing) and tells listeners once it committed.
// Writes take turns, across processes and stations (data.Engine.LockWrites explains how and
// why), so what fn reads is still so when it writes. Inside fn use only tx: on SQLite the
// database has one connection, which the transaction holds, so calling another App method
// (which uses a.db) from fn waits for ever.
func (a *App) write(fn func(tx *gorm.DB) error) error {
	err := a.guarded(func() (bool, error) {
		started := false
		err := a.db.Transaction(func(tx *gorm.DB) error {
			if !a.inTx {
				if err := data.EngineOf(tx).LockWrites(tx); err != nil {
					return err
				}
				tx = data.WithTxPool(tx)
			}
			started = true
			return fn(tx)
		})
		return started, err
	})
	if err != nil {
		a.shared.leads.reset() // it may hold what was rolled back
		return err
	}
	if !a.inTx {
		a.changed()
	}
	return nil
}

// InTx runs fn with an App whose every action joins one transaction: all of them or none.
// The demo's simulated year uses it. The actions share the transaction without savepoints
// (SQLite savepoints grow costly in a long transaction), so a failed action may have written
// part of its rows: fn must return the first error it gets, which rolls everything back.
func (a *App) InTx(fn func(tx *App) error) error {
	return a.write(func(tx *gorm.DB) error {
		c := *a
		c.db, c.inTx = tx.Session(&gorm.Session{DisableNestedTransaction: true}), true
		return fn(&c)
	})
}

func (a *App) changed() {
	a.shared.local.Add(1)
	a.shared.mu.Lock()
	ls := append([]func(){}, a.shared.listeners...)
	a.shared.mu.Unlock()
	for _, l := range ls {
		l()
	}
}

// OnChange registers f to be called (from any goroutine) after this process changed data.
func (a *App) OnChange(f func()) {
	a.shared.mu.Lock()
	defer a.shared.mu.Unlock()
	a.shared.listeners = append(a.shared.listeners, f)
}

// Revision identifies the state of the data: it differs whenever this process or another
// (a scheduled import on the command line, say) committed a change since it was last read.
type Revision struct {
	Local    int64
	External int64
}

// Revision reads the current Revision.
func (a *App) Revision() (Revision, error) {
	dv, err := data.EngineOf(a.db).DataVersion(a.db)
	if err != nil {
		return Revision{}, fmt.Errorf("read data version: %w", err)
	}
	return Revision{Local: a.shared.local.Load(), External: dv}, nil
}

// BackupDir is the folder where backups go, in the shop's Folder.
func (a *App) BackupDir() string { return filepath.Join(a.Folder(), "backups") }

// ErrNotFound means the thing asked for does not exist.
var ErrNotFound = errors.New("not found")

// notFound turns gorm's record-not-found into ErrNotFound naming what was missing.
func notFound(err error, what string) error {
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return fmt.Errorf("%s: %w", what, ErrNotFound)
	}
	return err
}

// DefaultPath is where the shop's database lives unless --db or CLOCKWORK_DB say otherwise:
// clockwork.db in a Clockwork folder of the user's config dir (~/.config/Clockwork on Linux).
func DefaultPath() (string, error) {
	dir, err := DataFolder()
	if err != nil {
		return "", err
	}
	return filepath.Join(dir, "clockwork.db"), nil
}
