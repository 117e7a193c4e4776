package apptest

import (
	"testing"

	"clockwork/data/testdb"
)

// ServerEnv names the PostgreSQL server tests run against instead of SQLite files: a URL such
// as postgres://clockwork@127.0.0.1:55431/postgres whose role may create databases. Each test
// then gets a database of its own, dropped when it ends.
const ServerEnv = testdb.ServerEnv

// Location is where a test's fresh shop goes: file in the test's temporary folder, or, when
// ServerEnv names a server, a new empty database on it (see testdb.Location).
// A shop on a server keeps its backups in the Clockwork config folder: there, that folder is
// the test's own.
func Location(t testing.TB, file string) string {
	t.Helper()
	location := testdb.Location(t, file)
	if location != file {
		t.Setenv("XDG_CONFIG_HOME", t.TempDir())
	}
	return location
}
