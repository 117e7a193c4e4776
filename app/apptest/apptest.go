// Package apptest gives tests of app, cli and views what they all need: a fresh shop on a
// temporary database with a fixed clock, and the real-world fixture files.
package apptest

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"clockwork/app"
	"clockwork/data"
	"clockwork/data/testdb"

	"gorm.io/gorm"
)

// Now is the fixed time tests run at unless they set their own: a Thursday afternoon.
var Now = time.Date(2026, 3, 12, 14, 30, 0, 0, time.UTC)

// Clock is a settable clock for tests.
type Clock struct{ T time.Time }

// Now reads the clock.
func (c *Clock) Now() time.Time { return c.T }

// Advance moves the clock on by d.
func (c *Clock) Advance(d time.Duration) { c.T = c.T.Add(d) }

// NewApp opens a fresh shop in the test's temporary folder (or on the server ServerEnv names,
// with its own files in the test's temporary folder), in UTC, at apptest.Now; the returned
// Clock moves its time. The database is closed when the test ends.
func NewApp(t testing.TB) (*app.App, *Clock) {
	t.Helper()
	a, err := app.Open(NewLocation(t))
	if err != nil {
		t.Fatalf("open test shop: %v", err)
	}
	t.Cleanup(func() { a.Close() })
	if !a.IsFile() {
		a.SetFolder(t.TempDir())
	}
	shop, err := a.Shop()
	if err != nil {
		t.Fatal(err)
	}
	shop.TimeZone = "UTC"
	if err := a.SaveShop(shop); err != nil {
		t.Fatal(err)
	}
	clock := &Clock{T: Now}
	return a.WithClock(clock.Now), clock
}

// Fixture is the path of a real-world fixture file in ../shared/fixtures/real beside the
// repository; the test is skipped (with the reason) where that folder is missing.
func Fixture(t testing.TB, name string) string {
	t.Helper()
	root, err := moduleRoot()
	if err != nil {
		t.Skipf("fixtures: %v", err)
	}
	p := filepath.Join(root, "..", "shared", "fixtures", "real", name)
	if _, err := os.Stat(p); err != nil {
		t.Skipf("fixture %s not found beside the repository (%v)", name, err)
	}
	return p
}

// moduleRoot walks up from the working directory to the folder holding go.mod.
func moduleRoot() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", os.ErrNotExist
		}
		dir = parent
	}
}

// DB opens a second connection to a's database so a test can look underneath the use cases
// (WAL lets it read while the App is open). It is closed when the test ends.
func DB(t testing.TB, a *app.App) *gorm.DB {
	t.Helper()
	db, err := data.Open(a.Path())
	if err != nil {
		t.Fatalf("open test database: %v", err)
	}
	t.Cleanup(func() { data.Close(db) })
	return db
}

// Holds says whether text is anywhere in the shop's stored data: in the database file or its
// write-ahead log, or on a server in any row of any table (for tests that a secret is never
// stored).
func Holds(t testing.TB, a *app.App, text string) bool {
	t.Helper()
	if a.IsFile() {
		for _, p := range []string{a.Path(), a.Path() + "-wal"} {
			b, err := os.ReadFile(p)
			if err != nil && !os.IsNotExist(err) {
				t.Fatal(err)
			}
			if strings.Contains(string(b), text) {
				return true
			}
		}
		return false
	}
	return testdb.Holds(t, a.Path(), text)
}
