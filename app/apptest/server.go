package apptest

import (
	"path/filepath"
	"testing"

	"clockwork/data"
	"clockwork/data/testdb"
)

// ServerEnv names the PostgreSQL server tests run against instead of SQLite files: a URL such
// as postgres://clockwork@127.0.0.1:55431/postgres whose role may create databases. Each test
// then gets a database of its own. `make test` sets it (.ci/pg).
const ServerEnv = testdb.ServerEnv

// OnServer says the tests run on the PostgreSQL server ServerEnv names.
func OnServer() bool { return testdb.OnServer() }

// SQLiteOnly skips a test that is about SQLite files themselves (permissions, WAL, a damaged
// file, a file backup) when the suite runs on PostgreSQL; why says what it is about.
func SQLiteOnly(t testing.TB, why string) { t.Helper(); testdb.SQLiteOnly(t, why) }

// Location is where a test's fresh shop goes: file in the test's temporary folder, or, when
// ServerEnv names a server, a new empty database on it (see testdb.Location): for tests of
// init, demo, migrations and of refusing a database that holds no shop.
// A shop on a server keeps its backups in the Clockwork config folder: there, that folder is
// the test's own (unless the test made itself one already).
func Location(t testing.TB, file string) string {
	t.Helper()
	return testdb.Location(t, file)
}

// NewLocation is where a test's fresh, empty shop is: a file in the test's temporary folder
// (created when opened), or a database on the server holding the empty shop. CLI tests pass
// it as --db; app.Open and app.OpenExisting both open it.
func NewLocation(t testing.TB) string {
	t.Helper()
	return testdb.NewShop(t, migrate)
}

// migrate makes the empty shop in the database at location.
func migrate(location string) error {
	db, err := data.Open(location)
	if err != nil {
		return err
	}
	return data.Close(db)
}

// Station is a PostgreSQL role with a password and an empty database it owns (testdb.Station).
type Station = testdb.Station

// NewStation makes a Station on the test server, or skips the test without one.
func NewStation(t testing.TB) Station { t.Helper(); return testdb.NewStation(t) }

// PrivateConfig gives the test a Clockwork data folder of its own and keeps passwords out of
// the system keyring, in the private file instead (which the test can read); it returns the
// folder.
func PrivateConfig(t *testing.T) string {
	dir := t.TempDir()
	t.Setenv("XDG_CONFIG_HOME", dir)
	t.Setenv("CLOCKWORK_NO_KEYRING", "1")
	return filepath.Join(dir, "Clockwork")
}
